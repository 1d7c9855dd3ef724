import type {
  CheckResult, Finding, LintOptions, LintResult, Message, RuleDef, RuleSetData, RuleSetting, Severity, SeveritySetting,
} from "./types.js";
import { compileRules, phraseMatcher, type CompiledRule, type Matcher } from "./compile.js";
import { METRICS, type NoteContext, type Span } from "./metrics.js";
import { createParser, type Parsed, type Word } from "./nlp.js";
import { LineIndex, normalize, noteLength } from "./text.js";
import { detectLanguage } from "./language.js";
import { isLetterOrNumber } from "./chars.js";

/** Thrown for options the caller got wrong (unknown rule id, bad setting). */
export class LintUsageError extends Error {
  override name = "LintUsageError";
}

export interface Linter {
  readonly data: RuleSetData;
  lint(text: string, options?: LintOptions): LintResult;
  /** Ids of every rule and check, for validating settings. */
  readonly ids: ReadonlySet<string>;
}

interface ActiveRule {
  rule: CompiledRule;
  severity: Severity;
  weight: number;
}

/**
 * Compiles a rule set once: phrase and pattern matchers and the retext pipeline.
 * The returned linter is then used for every note.
 */
export function createLinter(data: RuleSetData): Linter {
  const compiled = compileRules(data);
  const byId = new Map(compiled.map((r) => [r.def.id, r]));
  const checks = new Map(data.scoring.checks.map((c) => [c.id, c]));
  const ids = new Set<string>([...byId.keys(), ...checks.keys()]);
  const readabilityRule = data.rules.find((r) => r.metric === "readability");
  let parser: ((text: string) => Parsed) | undefined;
  const parse = (text: string) => {
    parser ??= createParser({
      age: numParam(readabilityRule, "age", 18),
      minWords: numParam(readabilityRule, "minWords", 12),
      threshold: numParam(readabilityRule, "threshold", 5 / 7),
    });
    return parser(text);
  };
  const allowCache = new Map<string, Matcher>();
  const greetings = [...new Set((data.vocabulary.greetings ?? []).map((g) => normalize(g)))].sort((a, b) => b.length - a.length);
  const notNames = new Set((data.vocabulary["not-names"] ?? []).map((w) => w.toLowerCase()));

  const order = new Map(data.scoring.checks.map((c, i) => [c.id, i]));
  /** The checks that have an active rule (and value, which scores even without one), per list of active rules. */
  const enabledChecks = new WeakMap<ActiveRule[], RuleSetData["scoring"]["checks"]>();
  const checksOf = (active: ActiveRule[]) => {
    let list = enabledChecks.get(active);
    if (!list) {
      list = data.scoring.checks.filter((c) => active.some((a) => a.rule.def.check === c.id) || c.id === "value");
      enabledChecks.set(active, list);
    }
    return list;
  };

  /** The rules that run with no settings and nothing disabled: the same for every such note. */
  let defaults: ActiveRule[] | undefined;
  function activeRules(options: LintOptions): ActiveRule[] {
    const plain = (!options.settings || Object.keys(options.settings).length === 0) && !options.disable?.length;
    if (plain) return (defaults ??= rulesFor({}));
    return rulesFor(options);
  }

  function rulesFor(options: LintOptions): ActiveRule[] {
    const settings = options.settings ?? {};
    for (const id of Object.keys(settings)) {
      if (!ids.has(id)) throw new LintUsageError(`unknown rule or check id "${id}"`);
    }
    const disabled = new Set(options.disable ?? []);
    const out: ActiveRule[] = [];
    for (const rule of compiled) {
      const def = rule.def;
      if (disabled.has(def.id) || disabled.has(def.check)) continue;
      const s = resolveSetting(settings[def.id]) ?? {};
      const c = resolveSetting(settings[def.check]) ?? {};
      const severity: SeveritySetting = s.severity ?? c.severity ?? def.severity;
      if (severity === "off") continue;
      out.push({ rule, severity, weight: s.weight ?? def.weight });
    }
    return out;
  }

  function findGreeting(text: string, norm: string, slots: Span[]): NoteContext["greeting"] {
    const lead = norm.length - norm.trimStart().length;
    let at = lead;
    let matched = false;
    for (const g of greetings) {
      if (norm.startsWith(g, lead) && !isLetterOrNumber(norm[lead + g.length] ?? "")) {
        at = lead + g.length;
        matched = true;
        break;
      }
    }
    const skip = (i: number) => {
      while (i < text.length && /[\s,!.:;—–-]/u.test(text[i]!)) i++;
      return i;
    };
    const nameAt = matched ? skip(at) : lead;
    const slot = slots.find((s) => s.start === nameAt);
    if (slot) return { start: lead, end: skip(slot.end), name: slot };
    const word = /^[\p{Lu}][\p{L}\p{M}'’-]*(?:[ \t]+[\p{Lu}][\p{L}\p{M}'’-]*)?/u.exec(text.slice(nameAt, nameAt + 80));
    if (word) {
      let name = word[0];
      // Keep a second capitalised word only when it is a surname, not the start of a sentence.
      const parts = name.split(/[ \t]+/);
      if (parts.length > 1 && (notNames.has(parts[1]!.toLowerCase()) || !/^[\s,!.:;—–-]/u.test(text.slice(nameAt + name.length, nameAt + name.length + 1) || " "))) {
        name = parts[0]!;
      }
      const key = normalize(name.split(/[ \t]+/)[0]!);
      const after = text.slice(nameAt + name.length, nameAt + name.length + 6);
      const endsLikeGreeting = matched || /^\s*[,!—–-]|^\s+(hi|hey|hello)\b/iu.test(after);
      if (!notNames.has(key) && !greetings.includes(key) && endsLikeGreeting && name.length > 1) {
        return { start: lead, end: skip(nameAt + name.length), name: { start: nameAt, end: nameAt + name.length, data: { name } } };
      }
    }
    return matched ? { start: lead, end: skip(at) } : undefined;
  }

  function lint(text: string, options: LintOptions = {}): LintResult {
    const active = activeRules(options);
    const norm = normalize(text);
    const lang = options.lang && options.lang !== "auto" ? options.lang : detectLanguage(norm, data.languages);
    const template = options.template ?? false;
    const limit = options.limit ?? data.scoring.limits[options.account ?? "premium"] ?? 300;
    const matchersFor = (r: CompiledRule) => r.matchersFor(lang);

    // Merge fields first: they shape the greeting and what counts as a specific.
    const slotSpans: Span[] = [];
    for (const a of active) {
      if (a.rule.def.templateSlot) for (const m of matchersFor(a.rule)) for (const s of m(norm)) slotSpans.push(s);
    }
    const slots = dedupe(slotSpans);
    const parsed = text.trim() === "" ? { sentences: [], hard: [] } : parse(text);
    const words: Word[] = parsed.sentences.flatMap((s) => s.words);
    const ctx: NoteContext = {
      text, norm, lang, sentences: parsed.sentences, words, template, slots,
      greeting: findGreeting(text, norm, slots),
      recipient: { name: options.to, company: options.company, context: options.context, kind: options.kind },
      limit, nearLimit: data.scoring.nearLimit, characters: options.characters ?? noteLength(text), vocabulary: data.vocabulary, hard: parsed.hard,
    };

    /** A rule limited to one kind of note, or to templates, sits out other notes. */
    const applies = (def: RuleDef) =>
      (def.params.kind === undefined || def.params.kind === ctx.recipient.kind) && (def.params.template !== true || template);

    const spansOf = (a: ActiveRule): Span[] => {
      const def = a.rule.def;
      if (!applies(def)) return [];
      const spans: Span[] = [];
      for (const m of matchersFor(a.rule)) for (const s of m(norm)) spans.push(s);
      if (def.metric) spans.push(...METRICS[def.metric]!(ctx, def.params));
      return spans;
    };

    /** A cue needs one match, not all: the first matcher that finds one ends the search. */
    const present = (a: ActiveRule): boolean => {
      const def = a.rule.def;
      if (!applies(def)) return false;
      if (matchersFor(a.rule).some((m) => m(norm, 1).length > 0)) return true;
      return def.metric !== undefined && METRICS[def.metric]!(ctx, def.params).length > 0;
    };

    // Spans of the flagging rules first: cues may be void when a pitch or ask fired.
    const allowed = allowSpans(options.allow, norm);
    const inside = (o: number) => (options.ignore ?? []).some((r) => o >= r.start && o < r.end);
    const inMarkup = (s: Span) => s.end > s.start && (inside(s.start) || inside(s.end - 1));
    const suppressed = (ruleId: string, s: Span): boolean => {
      const i = (options.suppress ?? []).findIndex((x) => s.start >= x.start && s.start < x.end && (x.rules.length === 0 || x.rules.includes(ruleId)));
      if (i >= 0) options.onSuppress?.(i);
      return i >= 0;
    };
    const raw = new Map<ActiveRule, Span[]>();
    for (const a of active) {
      const def = a.rule.def;
      if (def.kind === "cue" || def.kind === "missing") continue;
      let spans: Span[];
      if (def.templateSlot) {
        const mine = template ? [] : spansOf(a);
        spans = mine.length ? slots.filter((s) => mine.some((x) => x.start === s.start)) : mine;
      } else spans = spansOf(a);
      if (spans.length === 0) continue;
      spans = dedupe(spans).filter((s) => !allowed.some((x) => s.start < x.end && x.start < s.end) && !suppressed(def.id, s) && !inMarkup(s));
      if (spans.length) raw.set(a, spans);
    }
    // A span inside a heavier rule's span of the same check says the same thing twice.
    for (const [a, spans] of raw) {
      const others = [...raw];
      const kept = spans.filter((s) => !others.some(([b, other]) => b !== a && b.rule.def.check === a.rule.def.check &&
        (b.weight > a.weight || (b.weight === a.weight && b.rule.def.id < a.rule.def.id)) &&
        other.some((o) => o.start <= s.start && s.end <= o.end && o.end - o.start > s.end - s.start)));
      if (kept.length) raw.set(a, kept);
      else raw.delete(a);
    }
    const fired = new Set([...raw.keys()].map((a) => a.rule.def.id));

    // Cues: presence signals that add credit to their check.
    const credit = new Map<string, number>();
    const cueWeight = new Map<string, number>();
    for (const a of active) {
      const def = a.rule.def;
      if (def.kind !== "cue" || def.unless.some((id) => fired.has(id))) continue;
      if (!present(a)) continue;
      cueWeight.set(def.id, a.weight);
      credit.set(def.check, (credit.get(def.check) ?? 0) + a.weight);
    }
    const checkDefs = data.scoring.checks;
    const satisfied = (id: string): boolean => {
      if (cueWeight.has(id)) return true;
      const c = checkDefs.find((x) => x.id === id);
      return c !== undefined && c.base + (credit.get(id) ?? 0) >= c.pass;
    };

    const findings: Finding[] = [];
    const penalties = new Map<string, number>();
    const caps: number[] = [];
    // Whole-note findings sit where the note's text starts (1:1 for a plain note).
    const lead = text.trim() === "" ? 0 : text.length - text.trimStart().length;
    const add = (a: ActiveRule, found: Span) => {
      const def = a.rule.def;
      const span = found.start === 0 && found.end === 0 ? { ...found, start: lead, end: lead } : found;
      findings.push({
        ruleId: def.id, check: def.check, severity: a.severity,
        message: fill(def.message, span, text), suggestion: fill(def.hint, span, text),
        start: span.start, end: span.end,
        url: def.url || undefined,
      });
    };
    for (const a of active) {
      const def = a.rule.def;
      if (def.kind === "cue") continue;
      if (def.unless.some((id) => satisfied(id) || fired.has(id))) continue;
      let spans: Span[];
      if (def.kind === "missing") {
        if (ctx.text.trim() === "") continue;
        if (def.params.kind !== undefined && def.params.kind !== ctx.recipient.kind) continue;
        const have = def.requires.reduce((sum, id) => sum + (cueWeight.get(id) ?? credit.get(id) ?? 0), 0);
        spans = have < def.below ? [{ start: 0, end: 0 }] : [];
      } else {
        spans = raw.get(a) ?? [];
      }
      if (spans.length === 0) continue;
      for (const s of spans) add(a, s);
      for (const check of [def.check, ...def.affects]) {
        penalties.set(check, (penalties.get(check) ?? 0) + a.weight * Math.min(spans.length, data.scoring.repeats));
      }
      if (def.cap && !def.cap.unless.some(satisfied)) caps.push(def.cap.score);
    }

    findings.sort((x, y) => x.start - y.start || x.end - y.end || (order.get(x.check) ?? 99) - (order.get(y.check) ?? 99) || x.ruleId.localeCompare(y.ruleId));
    const enabledChecks = checksOf(active);
    const checkResults: Record<string, CheckResult> = {};
    let total = 0;
    let weights = 0;
    for (const c of enabledChecks) {
      const score = clamp(c.base + (credit.get(c.id) ?? 0) - (penalties.get(c.id) ?? 0));
      const hasError = findings.some((f) => f.check === c.id && f.severity === "error");
      checkResults[c.id] = { score, passed: score >= c.pass && !hasError };
      const w = resolveSetting(options.settings?.[c.id])?.weight ?? c.weight;
      total += w * score;
      weights += w;
    }
    let score = weights > 0 ? Math.round(total / weights) : 100;
    if (text.trim() === "") score = 0;
    for (const cap of caps) score = Math.min(score, cap);
    const minScore = options.minScore ?? data.scoring.minScore;
    const passed = score >= minScore && !findings.some((f) => f.severity === "error");
    return {
      file: options.file ?? "<text>",
      score,
      grade: gradeOf(score, data),
      passed,
      characters: ctx.characters,
      limit,
      lang,
      checks: checkResults,
      signals: [...cueWeight.keys()],
      position: positionOf(options, text, lead),
      messages: toMessages(findings, text, options),
    };
  }

  function allowSpans(allow: string[] | undefined, norm: string): Span[] {
    if (!allow || allow.length === 0) return [];
    const key = allow.join("\u0000");
    let m = allowCache.get(key);
    if (!m) {
      m = phraseMatcher(allow);
      allowCache.set(key, m);
    }
    return m(norm);
  }

  return { data, lint, ids };
}

function resolveSetting(s: SeveritySetting | RuleSetting | undefined): RuleSetting | undefined {
  if (s === undefined) return undefined;
  return typeof s === "string" ? { severity: s } : s;
}

function numParam(rule: RuleDef | undefined, key: string, fallback: number): number {
  const v = rule?.params[key];
  return typeof v === "number" ? v : fallback;
}

function clamp(n: number): number {
  return Math.max(0, Math.min(100, Math.round(n)));
}

/** Sorts spans and drops repeats and spans inside an earlier, longer one. */
function dedupe(spans: Span[]): Span[] {
  const out: Span[] = [];
  let reach = -1;
  let last: Span | undefined;
  for (const s of spans.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (last && s.start === last.start && s.end === last.end) continue;
    if (s.end > s.start && s.end <= reach) continue;
    out.push(s);
    last = s;
    reach = Math.max(reach, s.end);
  }
  return out;
}

export function gradeOf(score: number, data: RuleSetData): string {
  for (const g of data.scoring.grades) if (score >= g.min) return g.grade;
  return data.scoring.grades[data.scoring.grades.length - 1]?.grade ?? "F";
}

/** Fills `{match}` and metric values into a message template. */
function fill(template: string, span: Span, text: string): string {
  return template.replace(/\{([a-z]+)\}/g, (whole, key: string) => {
    if (key === "match") return span.end > span.start ? text.slice(span.start, span.end).replace(/\s+/g, " ") : "";
    const v = span.data?.[key];
    return v === undefined ? whole : String(v);
  });
}

/** Where the note's text starts in its file. */
function positionOf(options: LintOptions, text: string, lead: number): { line: number; column: number } {
  const at = (options.offset ?? 0) + lead;
  if (at === 0) return { line: 1, column: 1 };
  const index = options.positions ?? new LineIndex(options.source ?? text);
  return index.position(at);
}

function toMessages(findings: Finding[], text: string, options: LintOptions): Message[] {
  const base = options.offset ?? 0;
  const source = options.source ?? text;
  const index = options.positions ?? new LineIndex(source);
  return findings.map((f) => {
    // Whole-note findings sit at the start of the note.
    const s = index.position(base + f.start);
    const e = index.position(base + f.end);
    const msg: Message = {
      ruleId: f.ruleId, check: f.check, severity: f.severity, message: f.message, suggestion: f.suggestion,
      line: s.line, column: s.column, endLine: e.line, endColumn: e.column, offset: base + f.start, endOffset: base + f.end,
    };
    if (f.url) msg.url = f.url;
    return msg;
  });
}

