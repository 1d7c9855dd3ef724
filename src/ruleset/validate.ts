import type { CapDef, FixDef, RuleDef, RuleKind, ScoringDef, Severity, Vocabulary } from "../engine/types.js";
import { METRICS } from "../engine/metrics.js";
import { DETECTORS } from "../engine/detectors/index.js";
import { expandVocabulary, phraseKey } from "../engine/patterns.js";

export { escapeRegExp, expandVocabulary, phraseKey } from "../engine/patterns.js";

import { RuleFileError, type Problem } from "../errors.js";

export { RuleFileError, formatProblem, type Problem } from "../errors.js";

/** Gives the position of a value (or of its key) at a path in the source document. */
export type Locate = (path: (string | number)[], key?: boolean) => { line: number; column: number };

const KINDS: RuleKind[] = ["existence", "cue", "missing", "metric"];
const SEVERITIES: Severity[] = ["info", "warning", "error"];
const RULE_KEYS = new Set([
  "id",
  "check",
  "kind",
  "description",
  "severity",
  "weight",
  "message",
  "hint",
  "phrases",
  "patterns",
  "templateSlot",
  "affects",
  "cap",
  "unless",
  "requires",
  "below",
  "metric",
  "detector",
  "params",
  "fix",
  "examples",
  "url",
]);
const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const LANG = /^(?:any|[a-z]{2})$/;

export interface ValidateContext {
  file: string;
  locate: Locate;
  checks: Set<string>;
  vocabulary: Vocabulary;
  builtin: boolean;
  /** Compiles a pattern the way it will run; throws on a bad one. */
  compile: (source: string) => void;
}

type Path = (string | number)[];

/** Reads the keys of one rule file, collecting every problem instead of stopping at the first. */
class RuleReader {
  readonly problems: Problem[] = [];
  constructor(
    readonly raw: Record<string, unknown>,
    private readonly ctx: ValidateContext,
  ) {}

  fail(path: Path, message: string, key = false): void {
    const pos = this.ctx.locate(path, key);
    this.problems.push({ file: this.ctx.file, line: pos.line, column: pos.column, message });
  }

  str(key: string, required: boolean): string {
    const v = this.raw[key];
    if (v === undefined || v === null) {
      if (required) this.fail([], `missing required key "${key}"`);
      return "";
    }
    if (typeof v !== "string" || v.trim() === "") {
      this.fail([key], `"${key}" must be a non-empty string`);
      return "";
    }
    return v;
  }

  num(key: string, fallback: number, min: number, max: number): number {
    const v = this.raw[key];
    if (v === undefined) return fallback;
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) {
      this.fail([key], `"${key}" must be a number from ${min} to ${max}`);
      return fallback;
    }
    return v;
  }

  idList(key: string): string[] {
    const v = this.raw[key];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string" || !ID.test(x))) {
      this.fail([key], `"${key}" must be a list of rule or check ids`);
      return [];
    }
    return v as string[];
  }

  /** A mapping's keys other than `allowed` are problems at the key. */
  onlyKeys(path: Path, value: Record<string, unknown>, allowed: readonly string[]): void {
    for (const k of Object.keys(value)) if (!allowed.includes(k)) this.fail([...path, k], `unknown key "${k}"`, true);
  }
}

/** Validates one parsed rule file; returns the rule or throws RuleFileError with every problem found. */
export function validateRule(raw: unknown, ctx: ValidateContext, expectedId?: string): RuleDef {
  if (!isObject(raw)) {
    const pos = ctx.locate([]);
    throw new RuleFileError([
      {
        file: ctx.file,
        line: pos.line,
        column: pos.column,
        message: "a rule file must be a mapping of keys to values",
      },
    ]);
  }
  const r = new RuleReader(raw, ctx);
  for (const key of Object.keys(raw)) if (!RULE_KEYS.has(key)) r.fail([key], `unknown key "${key}"`, true);
  const head = readHead(r, ctx, expectedId);
  const { phrases, patterns } = readMatchers(r, ctx);
  const rule: RuleDef = {
    ...head,
    phrases,
    patterns,
    templateSlot: readTemplateSlot(r),
    affects: r.idList("affects"),
    cap: readCap(r),
    unless: r.idList("unless"),
    requires: r.idList("requires"),
    below: r.num("below", 50, 0, 100),
    metric: readNamed(r, "metric", METRICS),
    detector: readNamed(r, "detector", DETECTORS),
    fix: readFix(r),
    params: readParams(r),
    examples: readExamples(r, ctx.builtin),
    origin: { file: ctx.file },
    builtin: ctx.builtin,
  };
  checkKindNeeds(r, rule);
  if (r.problems.length > 0) throw new RuleFileError(r.problems);
  return rule;
}

/** id, check, kind, description, severity, message, hint, weight, url. */
function readHead(r: RuleReader, ctx: ValidateContext, expectedId?: string) {
  const id = r.str("id", true);
  if (id && !ID.test(id)) r.fail(["id"], `rule id "${id}" must be kebab-case (a-z, 0-9, -)`);
  if (id && expectedId && id !== expectedId) r.fail(["id"], `rule id "${id}" must match its file name "${expectedId}"`);
  const check = r.str("check", true);
  if (check && !ctx.checks.has(check))
    r.fail(["check"], `unknown check "${check}" (known: ${[...ctx.checks].join(", ")})`);
  const kindRaw = r.str("kind", true);
  const kind = kindRaw as RuleKind;
  if (kindRaw && !KINDS.includes(kind)) r.fail(["kind"], `unknown kind "${kindRaw}" (known: ${KINDS.join(", ")})`);
  const description = r.str("description", true);
  const severity = r.raw.severity === undefined ? "warning" : r.str("severity", false);
  if (severity && !SEVERITIES.includes(severity as Severity))
    r.fail(["severity"], `severity must be one of ${SEVERITIES.join(", ")}`);
  return {
    id,
    check,
    kind,
    description,
    severity: (severity || "warning") as Severity,
    message: r.str("message", kind !== "cue"),
    hint: r.str("hint", kind !== "cue"),
    weight: r.num("weight", kind === "cue" ? 50 : 20, 0, 100),
    url: r.raw.url === undefined ? "" : r.str("url", false),
  };
}

/** Phrases and patterns by language; each pattern compiled the way it will run. */
function readMatchers(
  r: RuleReader,
  ctx: ValidateContext,
): { phrases: Record<string, string[]>; patterns: Record<string, string[]> } {
  const fail = (path: Path, m: string) => r.fail(path, m);
  const phrases = langLists("phrases", r.raw.phrases, fail);
  const patterns = langLists("patterns", r.raw.patterns, fail);
  // A plain list is stored under "any"; point errors at the list item itself.
  const at = (key: string, lang: string, i: number) => (Array.isArray(r.raw[key]) ? [key, i] : [key, lang, i]);
  checkPhrases(phrases, (path, m) => r.fail(at("phrases", String(path[1]), Number(path[2])), m));
  for (const [lang, list] of Object.entries(patterns)) {
    list.forEach((p, i) => {
      const source = expandVocabulary(p, ctx.vocabulary, (name) =>
        r.fail(at("patterns", lang, i), `unknown vocabulary list "{${name}}" in pattern`),
      );
      try {
        ctx.compile(source);
      } catch (error) {
        r.fail(at("patterns", lang, i), `pattern does not compile: ${(error as Error).message.split("\n")[0]}`);
      }
    });
  }
  return { phrases, patterns };
}

function readTemplateSlot(r: RuleReader): boolean {
  const v = r.raw.templateSlot;
  if (v === undefined) return false;
  if (typeof v !== "boolean") {
    r.fail(["templateSlot"], `"templateSlot" must be true or false`);
    return false;
  }
  return v;
}

function readCap(r: RuleReader): CapDef | undefined {
  const c = r.raw.cap;
  if (c === undefined) return undefined;
  if (!isObject(c) || typeof c.score !== "number" || c.score < 0 || c.score > 100) {
    r.fail(["cap"], `"cap" must be a mapping with "score" (0-100) and optional "unless" (list of ids)`);
    return undefined;
  }
  r.onlyKeys(["cap"], c, ["score", "unless"]);
  const unless = c.unless ?? [];
  if (!Array.isArray(unless) || unless.some((x) => typeof x !== "string"))
    r.fail(["cap", "unless"], `"cap.unless" must be a list of ids`);
  return { score: c.score, unless: Array.isArray(unless) ? (unless as string[]) : [] };
}

/** `metric:` or `detector:`, which must name one the engine has. */
function readNamed(r: RuleReader, key: "metric" | "detector", known: Record<string, unknown>): string | undefined {
  if (r.raw[key] === undefined) return undefined;
  const name = r.str(key, false);
  if (name && !(name in known)) r.fail([key], `unknown ${key} "${name}" (known: ${Object.keys(known).join(", ")})`);
  return name;
}

const FIX_ACTIONS = ["remove", "replace", "greet", "rename", "trim"];

function readFix(r: RuleReader): FixDef | undefined {
  const f = r.raw.fix;
  if (f === undefined) return undefined;
  if (!isObject(f) || typeof f.action !== "string" || !FIX_ACTIONS.includes(f.action)) {
    r.fail(["fix"], `"fix" must be a mapping with "action": one of ${FIX_ACTIONS.join(", ")}`);
    return undefined;
  }
  if (f.action === "replace" && typeof f.with !== "string") {
    r.fail(["fix"], `a "replace" fix needs "with" (the text to put in)`);
    return undefined;
  }
  if (f.action === "trim" && r.raw.metric !== "characters") {
    r.fail(["fix"], `a "trim" fix needs "metric: characters" (it cuts what is over the limit)`);
    return undefined;
  }
  r.onlyKeys(["fix"], f, f.action === "replace" ? ["action", "label", "with"] : ["action", "label"]);
  if (f.label !== undefined && typeof f.label !== "string") r.fail(["fix", "label"], `"fix.label" must be a string`);
  const fix: FixDef =
    f.action === "replace" ? { action: "replace", with: f.with as string } : ({ action: f.action } as FixDef);
  if (typeof f.label === "string") fix.label = f.label;
  return fix;
}

function readParams(r: RuleReader): RuleDef["params"] {
  const params: RuleDef["params"] = {};
  const raw = r.raw.params;
  if (raw === undefined) return params;
  if (!isObject(raw)) {
    r.fail(["params"], `"params" must be a mapping`);
    return params;
  }
  for (const [k, v] of Object.entries(raw)) {
    const ok =
      ["number", "string", "boolean"].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === "string"));
    if (!ok) r.fail(["params", k], `param "${k}" must be a number, string, boolean or list of strings`);
    else params[k] = v as RuleDef["params"][string];
  }
  return params;
}

function readExamples(r: RuleReader, builtin: boolean): RuleDef["examples"] {
  const examples = { bad: [] as string[], good: [] as string[] };
  const raw = r.raw.examples;
  if (raw !== undefined && !isObject(raw))
    r.fail(["examples"], `"examples" must be a mapping with "bad" and "good" lists`);
  else if (raw !== undefined) {
    r.onlyKeys(["examples"], raw, ["bad", "good"]);
    for (const k of ["bad", "good"] as const) {
      const v = raw[k];
      if (v === undefined) continue;
      if (!Array.isArray(v) || v.some((x) => typeof x !== "string"))
        r.fail(["examples", k], `"examples.${k}" must be a list of strings`);
      else examples[k] = v as string[];
    }
  }
  if (builtin && (examples.bad.length === 0 || examples.good.length === 0))
    r.fail(["examples"], "a built-in rule needs at least one bad and one good example");
  return examples;
}

/** What each kind of rule cannot do without. */
function checkKindNeeds(r: RuleReader, rule: RuleDef): void {
  const hasMatchers = Object.keys(rule.phrases).length > 0 || Object.keys(rule.patterns).length > 0;
  if ((rule.kind === "existence" || rule.kind === "cue") && !hasMatchers && !rule.metric && !rule.detector) {
    r.fail([], `a "${rule.kind}" rule needs "phrases", "patterns", "metric" or "detector"`);
  }
  if (rule.kind === "metric" && !rule.metric) r.fail([], `a "metric" rule needs "metric"`);
  if (rule.kind === "missing" && rule.requires.length === 0)
    r.fail([], `a "missing" rule needs "requires" (the cue rules or checks it looks for)`);
}

function langLists(
  key: string,
  v: unknown,
  fail: (path: (string | number)[], m: string) => void,
): Record<string, string[]> {
  if (v === undefined) return {};
  // A plain list applies to every language.
  if (Array.isArray(v)) v = { any: v };
  if (!isObject(v)) {
    fail([key], `"${key}" must be a list of strings or a mapping of language code to list`);
    return {};
  }
  const out: Record<string, string[]> = {};
  for (const [lang, list] of Object.entries(v)) {
    if (!LANG.test(lang)) fail([key, lang], `"${lang}" is not a two-letter language code or "any"`);
    if (!Array.isArray(list) || list.some((x) => typeof x !== "string" || x.trim() === "")) {
      fail([key, lang], `"${key}.${lang}" must be a list of non-empty strings`);
      continue;
    }
    out[lang] = list as string[];
  }
  return out;
}

function checkPhrases(phrases: Record<string, string[]>, fail: (path: (string | number)[], m: string) => void) {
  for (const [lang, list] of Object.entries(phrases)) {
    const seen = new Map<string, number>();
    list.forEach((p, i) => {
      const key = phraseKey(p);
      const first = seen.get(key);
      if (first !== undefined) fail(["phrases", lang, i], `duplicate phrase "${p}" (same as item ${first + 1})`);
      else seen.set(key, i);
      if (/[^\p{L}\p{N}\p{M}\s'’\-.,!?&/+#@$%:;()]/u.test(p))
        fail(["phrases", lang, i], `phrase "${p}" has a stray character`);
    });
  }
}

/** Validates `rules/checks.yaml`. */
export function validateScoring(raw: unknown, file: string, locate: Locate): ScoringDef {
  const problems: Problem[] = [];
  const fail = (path: (string | number)[], message: string) => {
    const pos = locate(path);
    problems.push({ file, line: pos.line, column: pos.column, message });
  };
  if (!isObject(raw) || !Array.isArray(raw.checks) || !Array.isArray(raw.grades) || !isObject(raw.limits)) {
    fail([], `expected keys "checks", "grades", "limits", "minScore", "nearLimit", "repeats"`);
    throw new RuleFileError(problems);
  }
  const checks = (raw.checks as unknown[]).map((c, i) => {
    if (
      !isObject(c) ||
      typeof c.id !== "string" ||
      typeof c.pass !== "number" ||
      typeof c.base !== "number" ||
      typeof c.description !== "string"
    ) {
      fail(["checks", i], "a check needs id, description, base and pass");
      return { id: "", description: "", base: 0, pass: 0 };
    }
    for (const k of Object.keys(c))
      if (!["id", "description", "base", "pass"].includes(k)) fail(["checks", i, k], `unknown key "${k}"`);
    return { id: c.id, description: c.description, base: c.base, pass: c.pass };
  });
  const grades = (raw.grades as unknown[]).map((g, i) => {
    if (!isObject(g) || typeof g.grade !== "string" || typeof g.min !== "number")
      fail(["grades", i], "a grade needs grade and min");
    return g as { grade: string; min: number };
  });
  if (typeof raw.minScore !== "number") fail(["minScore"], "minScore must be a number");
  if (typeof raw.nearLimit !== "number") fail(["nearLimit"], "nearLimit must be a number");
  if (typeof raw.repeats !== "number" || raw.repeats < 1) fail(["repeats"], "repeats must be a number of at least 1");
  if (problems.length) throw new RuleFileError(problems);
  return {
    checks,
    grades: grades.sort((a, b) => b.min - a.min),
    minScore: raw.minScore as number,
    limits: raw.limits as Record<string, number>,
    nearLimit: raw.nearLimit as number,
    repeats: raw.repeats as number,
  };
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
