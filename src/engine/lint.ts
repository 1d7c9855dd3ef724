/**
 * The linter: a rule set compiled once, then for each note a short pipeline of phases, each
 * its own module: activate (which rules run), detect (what they find), filter (what
 * survives), score (the fitted model), messages (findings with positions, and the verdict).
 */
import type { LintOptions, LintResult, RuleSetData } from "./types.js";
import { compileRules, phraseMatcher, type Matcher } from "./compile.js";
import { findGreeting, findSignature, slotRole, tokenize, type NoteContext, type Slot, type Span } from "./context.js";
import { createParser, type Parsed } from "./nlp.js";
import { createLexicon, type Lexicon } from "./tagger.js";
import { normalize, noteLength } from "./text.js";
import { detectLanguage } from "./language.js";
import { activator, settingIds, type ActiveRule } from "./activate.js";
import { detect, slotSpans, type RawHit } from "./detect.js";
import { filterHits, type Kept } from "./filter.js";
import { featureIds, score } from "./score.js";
import { findingsOf, positionOf, toMessages, verdictFinding } from "./messages.js";
import { UsageError } from "../errors.js";
import { checkLintCall } from "./options.js";
import type { LinearCompiler } from "./linear.js";

/** Thrown for options the caller got wrong (unknown rule id, bad setting). The same class as `UsageError`. */
export const LintUsageError = UsageError;

export interface Linter {
  readonly data: RuleSetData;
  lint(text: string, options?: LintOptions): LintResult;
  /** The rule ids a note's score is computed from: what `npm run train` fits weights to. */
  features(text: string, options?: LintOptions): string[];
  /** What each rule found that survived the filters, cues included: [start, end) spans of the text by rule id. */
  matches(text: string, options?: LintOptions): Record<string, [number, number][]>;
  /** Ids of every rule and check, for validating settings. */
  readonly ids: ReadonlySet<string>;
}

/** Characters a name merge field counts for in a template: a typical first name. */
const NAME_LENGTH = 8;
/** Past this many characters an input is linted a piece of up to PIECE characters at a time. */
const HUGE = 256 * 1024;
const PIECE = 64 * 1024;

/** [start, end) pieces of at most `size` characters, cut after a blank line, else after the last line break or space. */
export function pieces(text: string, size: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (text.length - start > size) {
    const window = text.slice(start, start + size);
    const blank = window.lastIndexOf("\n\n", size - 2);
    let cut = blank >= size / 2 ? blank + 2 : -1;
    if (cut < 0) {
      const at = Math.max(window.lastIndexOf("\n"), window.lastIndexOf(" "));
      cut = at >= size / 2 ? at + 1 : size;
    }
    // Never between the halves of a surrogate pair.
    const code = text.charCodeAt(start + cut);
    if (code >= 0xdc00 && code <= 0xdfff) cut--;
    out.push([start, start + cut]);
    start += cut;
  }
  out.push([start, text.length]);
  return out;
}

export interface LinterOptions {
  /** The linear-time regex engine rule packs' patterns run on (`re2Compiler`); needed only with packs. */
  linear?: LinearCompiler;
}

export function createLinter(data: RuleSetData, options: LinterOptions = {}): Linter {
  const compiled = compileRules(data, options.linear);
  const checkIds = new Set(data.scoring.checks.map((c) => c.id));
  const ids = settingIds(data);
  const activationFor = activator(compiled, checkIds, ids);
  const order = new Map(data.scoring.checks.map((c, i) => [c.id, i]));
  const readability = data.rules.find((r) => r.metric === "readability");
  const num = (key: string, fallback: number) =>
    typeof readability?.params[key] === "number" ? (readability.params[key] as number) : fallback;
  let parser: ((text: string) => Parsed) | undefined;
  const parse = (text: string) =>
    (parser ??= createParser({
      age: num("age", 18),
      minWords: num("minWords", 12),
      threshold: num("threshold", 5 / 7),
    }))(text);
  const lexicons = new Map<string, Lexicon>();
  const lexiconFor = (lang: string): Lexicon | undefined => {
    const text = data.lexicons?.[lang];
    if (!text) return undefined;
    let l = lexicons.get(lang);
    if (!l) lexicons.set(lang, (l = createLexicon(text)));
    return l;
  };
  const greetings = [...new Set((data.vocabulary.greetings ?? []).map((g) => normalize(g)))].sort(
    (a, b) => b.length - a.length,
  );
  const notNames = new Set((data.vocabulary["not-names"] ?? []).map((w) => w.toLowerCase()));
  const allowCache = new Map<string, Matcher>();

  function allowSpans(allow: string[] | undefined, norm: string): Span[] {
    if (!allow || allow.length === 0) return [];
    const key = allow.join("\u0000");
    let m = allowCache.get(key);
    if (!m) allowCache.set(key, (m = phraseMatcher(allow)));
    return m(norm);
  }

  /** Everything the rules look at, built once per note. */
  function contextOf(text: string, options: LintOptions, rules: ActiveRule[]): NoteContext {
    const norm = normalize(text);
    const lang = options.lang && options.lang !== "auto" ? options.lang : detectLanguage(norm, data.languages);
    const template = options.template ?? false;
    const slots: Slot[] = slotSpans(rules, { norm, lang }).map((s) => ({
      ...s,
      role: slotRole(text.slice(s.start, s.end), data.vocabulary),
    }));
    const parsed = text.trim() === "" ? { sentences: [], hard: [] } : parse(text);
    const sentenceTokens = tokenize(text, norm, parsed, template ? slots : [], lexiconFor(lang), lang);
    let characters = options.characters ?? noteLength(text);
    if (template) {
      // A merge field is as long as what it stands for: a name as a typical first name, a field
      // with a default ({{ topic | default("the industry") }}) as its default, others as written.
      for (const s of slots) {
        const fill =
          s.role === "name" ? (options.nameLength ?? NAME_LENGTH) : defaultLength(text.slice(s.start, s.end));
        if (fill !== undefined) characters += fill - (s.end - s.start);
      }
    }
    const greeting = findGreeting(text, norm, slots, greetings, notNames);
    // What follows the greeting starts a clause: "Hi Jo, loved the launch" is "Loved the launch".
    if (greeting) {
      const after = sentenceTokens.flat().find((t) => t.start >= greeting.end);
      if (after) after.first = true;
    }
    return {
      text,
      norm,
      lang,
      template,
      slots,
      sentences: parsed.sentences,
      words: parsed.sentences.flatMap((s) => s.words),
      sentenceTokens,
      tokens: sentenceTokens.flat(),
      greeting,
      signature: findSignature(text),
      recipient: { name: options.to, company: options.company, context: options.context, type: options.type },
      limit: options.limit ?? data.scoring.limits[options.account ?? "premium"] ?? 300,
      nearLimit: data.scoring.nearLimit,
      characters,
      vocabulary: data.vocabulary,
      hard: parsed.hard,
    };
  }

  /**
   * An input far beyond any note (over HUGE characters; LinkedIn's limit is 300) is read a piece
   * at a time, cut at paragraph breaks: the words and tags of one piece are held at once, not
   * those of the whole input. Each piece's findings keep their places in the input; the length
   * rules measure the whole.
   */
  function inPieces(text: string, options: LintOptions, rules: ActiveRule[]): { ctx: NoteContext; raw: RawHit[] } {
    const measuresWhole = (a: ActiveRule) => a.rule.def.metric === "characters" || a.rule.def.metric === "empty";
    const pieceRules = rules.filter((a) => !measuresWhole(a));
    const spans = new Map<ActiveRule, Span[]>();
    let first: NoteContext | undefined;
    for (const [from, to] of pieces(text, PIECE)) {
      const ctx = contextOf(text.slice(from, to), { ...options, lang: first?.lang ?? options.lang }, rules);
      first ??= ctx;
      for (const h of detect(pieceRules, ctx)) {
        const list = spans.get(h.active) ?? [];
        for (const s of h.spans) list.push({ ...s, start: s.start + from, end: s.end + from });
        spans.set(h.active, list);
      }
    }
    const norm = normalize(text);
    const ctx: NoteContext = {
      ...first!,
      text,
      norm,
      slots: slotSpans(rules, { norm, lang: first!.lang }).map((s) => ({
        ...s,
        role: slotRole(text.slice(s.start, s.end), data.vocabulary),
      })),
      sentences: [],
      words: [],
      sentenceTokens: [],
      tokens: [],
      hard: [],
      signature: findSignature(text),
      characters: options.characters ?? noteLength(text),
    };
    for (const h of detect(rules.filter(measuresWhole), ctx)) spans.set(h.active, h.spans);
    // In the order of the rules, as detect gives them.
    const raw = rules.filter((a) => spans.has(a)).map((active) => ({ active, spans: spans.get(active)! }));
    return { ctx, raw };
  }

  function inOne(text: string, options: LintOptions, rules: ActiveRule[]): { ctx: NoteContext; raw: RawHit[] } {
    const ctx = contextOf(text, options, rules);
    return { ctx, raw: detect(rules, ctx) };
  }

  function run(
    text: string,
    options: LintOptions,
  ): { ctx: NoteContext; kept: Kept; activation: ReturnType<typeof activationFor> } {
    const activation = activationFor(options);
    const { ctx, raw } =
      text.length > HUGE ? inPieces(text, options, activation.rules) : inOne(text, options, activation.rules);
    const kept = filterHits(raw, ctx, options, allowSpans(options.allow, ctx.norm), activation.rules);
    return { ctx, kept, activation };
  }

  function lint(text: string, given?: LintOptions): LintResult {
    const options = checkLintCall(text, given, data);
    const { ctx, kept, activation } = run(text, options);
    const empty = text.trim() === "";
    const scored = score(kept, activation, data, options, empty);
    const lead = empty ? 0 : text.length - text.trimStart().length;
    const findings = findingsOf(kept.findings, text, lead, order, {
      to: options.to,
      greeting: ctx.greeting,
      signature: ctx.signature,
    });
    // A contribution reads as its first finding says it, with the matched words in.
    for (const item of scored.breakdown.items) {
      const f = findings.find((x) => x.ruleId === item.ruleId);
      if (f) item.message = f.message;
    }
    const verdict = verdictFinding(scored, findings, options.minScore ?? data.scoring.minScore, lead);
    if (verdict) findings.unshift(verdict);
    return {
      file: options.file ?? "<text>",
      score: scored.score,
      grade: scored.grade,
      passed: scored.passed,
      characters: ctx.characters,
      limit: ctx.limit,
      lang: ctx.lang,
      checks: scored.checks,
      signals: kept.cues.filter((h) => !h.active.silent).map((h) => h.active.rule.def.id),
      breakdown: scored.breakdown,
      position: positionOf(options, text, lead),
      messages: toMessages(findings, text, options),
    };
  }

  function features(text: string, options?: LintOptions): string[] {
    return featureIds(run(text, checkLintCall(text, options, data)).kept);
  }

  function matches(text: string, options?: LintOptions): Record<string, [number, number][]> {
    const { kept } = run(text, checkLintCall(text, options, data));
    const out: Record<string, [number, number][]> = {};
    for (const h of [...kept.cues, ...kept.findings]) out[h.active.rule.def.id] = h.spans.map((s) => [s.start, s.end]);
    return out;
  }

  return { data, lint, features, matches, ids };
}

/** The length of a merge field's default value (`| default("...")` in Jinja-style templates). */
function defaultLength(field: string): number | undefined {
  const m = /\|\s*default\(\s*(["'])(.*?)\1\s*\)/.exec(field);
  return m ? m[2]!.length : undefined;
}

export { gradeOf } from "./score.js";
