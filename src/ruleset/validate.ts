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
  "id", "check", "kind", "description", "severity", "weight", "message", "hint", "phrases", "patterns",
  "templateSlot", "affects", "cap", "unless", "requires", "below", "metric", "detector", "params", "fix", "examples", "url",
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

/** Validates one parsed rule file; returns the rule or throws RuleFileError with every problem found. */
export function validateRule(raw: unknown, ctx: ValidateContext, expectedId?: string): RuleDef {
  const problems: Problem[] = [];
  const fail = (path: (string | number)[], message: string, key = false) => {
    const pos = ctx.locate(path, key);
    problems.push({ file: ctx.file, line: pos.line, column: pos.column, message });
  };
  if (!isObject(raw)) {
    fail([], "a rule file must be a mapping of keys to values");
    throw new RuleFileError(problems);
  }
  for (const key of Object.keys(raw)) {
    if (!RULE_KEYS.has(key)) fail([key], `unknown key "${key}"`, true);
  }
  const str = (key: string, required: boolean): string => {
    const v = raw[key];
    if (v === undefined || v === null) {
      if (required) fail([], `missing required key "${key}"`);
      return "";
    }
    if (typeof v !== "string" || v.trim() === "") {
      fail([key], `"${key}" must be a non-empty string`);
      return "";
    }
    return v;
  };
  const num = (key: string, fallback: number, min: number, max: number): number => {
    const v = raw[key];
    if (v === undefined) return fallback;
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) {
      fail([key], `"${key}" must be a number from ${min} to ${max}`);
      return fallback;
    }
    return v;
  };
  const idList = (key: string): string[] => {
    const v = raw[key];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string" || !ID.test(x))) {
      fail([key], `"${key}" must be a list of rule or check ids`);
      return [];
    }
    return v as string[];
  };

  const id = str("id", true);
  if (id && !ID.test(id)) fail(["id"], `rule id "${id}" must be kebab-case (a-z, 0-9, -)`);
  if (id && expectedId && id !== expectedId) fail(["id"], `rule id "${id}" must match its file name "${expectedId}"`);
  const check = str("check", true);
  if (check && !ctx.checks.has(check)) fail(["check"], `unknown check "${check}" (known: ${[...ctx.checks].join(", ")})`);
  const kindRaw = str("kind", true);
  const kind = kindRaw as RuleKind;
  if (kindRaw && !KINDS.includes(kind)) fail(["kind"], `unknown kind "${kindRaw}" (known: ${KINDS.join(", ")})`);
  const description = str("description", true);
  const severityRaw = raw.severity === undefined ? "warning" : str("severity", false);
  if (severityRaw && !SEVERITIES.includes(severityRaw as Severity)) {
    fail(["severity"], `severity must be one of ${SEVERITIES.join(", ")}`);
  }
  const message = str("message", kind !== "cue");
  const hint = str("hint", kind !== "cue");
  const weight = num("weight", kind === "cue" ? 50 : 20, 0, 100);
  const below = num("below", 50, 0, 100);
  const url = raw.url === undefined ? "" : str("url", false);

  const phrases = langLists("phrases", raw.phrases, fail);
  const patterns = langLists("patterns", raw.patterns, fail);
  // A plain list is stored under "any"; point errors at the list item itself.
  const at = (key: string, lang: string, i: number) => (Array.isArray(raw[key]) ? [key, i] : [key, lang, i]);
  checkPhrases(phrases, (path, m) => fail(at("phrases", String(path[1]), Number(path[2])), m));
  for (const [lang, list] of Object.entries(patterns)) {
    list.forEach((p, i) => {
      const source = expandVocabulary(p, ctx.vocabulary, (name) =>
        fail(at("patterns", lang, i), `unknown vocabulary list "{${name}}" in pattern`),
      );
      try {
        ctx.compile(source);
      } catch (error) {
        fail(at("patterns", lang, i), `pattern does not compile: ${(error as Error).message.split("\n")[0]}`);
      }
    });
  }

  let templateSlot = false;
  if (raw.templateSlot !== undefined) {
    if (typeof raw.templateSlot !== "boolean") fail(["templateSlot"], `"templateSlot" must be true or false`);
    else templateSlot = raw.templateSlot;
  }

  let cap: CapDef | undefined;
  if (raw.cap !== undefined) {
    const c = raw.cap;
    if (!isObject(c) || typeof c.score !== "number" || c.score < 0 || c.score > 100) {
      fail(["cap"], `"cap" must be a mapping with "score" (0-100) and optional "unless" (list of ids)`);
    } else {
      for (const k of Object.keys(c)) if (k !== "score" && k !== "unless") fail(["cap", k], `unknown key "${k}"`, true);
      const unless = c.unless ?? [];
      if (!Array.isArray(unless) || unless.some((x) => typeof x !== "string")) fail(["cap", "unless"], `"cap.unless" must be a list of ids`);
      cap = { score: c.score, unless: Array.isArray(unless) ? (unless as string[]) : [] };
    }
  }

  let metric: string | undefined;
  if (raw.metric !== undefined) {
    metric = str("metric", false);
    if (metric && !(metric in METRICS)) fail(["metric"], `unknown metric "${metric}" (known: ${Object.keys(METRICS).join(", ")})`);
  }
  let fix: FixDef | undefined;
  if (raw.fix !== undefined) {
    const f = raw.fix;
    const actions = ["remove", "replace", "greet", "rename", "trim"];
    if (!isObject(f) || typeof f.action !== "string" || !actions.includes(f.action)) fail(["fix"], `"fix" must be a mapping with "action": one of ${actions.join(", ")}`);
    else if (f.action === "replace" && typeof f.with !== "string") fail(["fix"], `a "replace" fix needs "with" (the text to put in)`);
    else if (f.action === "trim" && raw.metric !== "characters") fail(["fix"], `a "trim" fix needs "metric: characters" (it cuts what is over the limit)`);
    else {
      for (const k of Object.keys(f)) if (k !== "action" && k !== "label" && !(k === "with" && f.action === "replace")) fail(["fix", k], `unknown key "${k}"`, true);
      if (f.label !== undefined && typeof f.label !== "string") fail(["fix", "label"], `"fix.label" must be a string`);
      fix = f.action === "replace" ? { action: "replace", with: f.with as string } : ({ action: f.action } as FixDef);
      if (typeof f.label === "string") fix.label = f.label;
    }
  }
  let detector: string | undefined;
  if (raw.detector !== undefined) {
    detector = str("detector", false);
    if (detector && !(detector in DETECTORS)) fail(["detector"], `unknown detector "${detector}" (known: ${Object.keys(DETECTORS).join(", ")})`);
  }
  const params: RuleDef["params"] = {};
  if (raw.params !== undefined) {
    if (!isObject(raw.params)) fail(["params"], `"params" must be a mapping`);
    else {
      for (const [k, v] of Object.entries(raw.params)) {
        const ok = ["number", "string", "boolean"].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === "string"));
        if (!ok) fail(["params", k], `param "${k}" must be a number, string, boolean or list of strings`);
        else params[k] = v as RuleDef["params"][string];
      }
    }
  }

  const examples = { bad: [] as string[], good: [] as string[] };
  if (raw.examples !== undefined) {
    if (!isObject(raw.examples)) fail(["examples"], `"examples" must be a mapping with "bad" and "good" lists`);
    else {
      for (const k of Object.keys(raw.examples)) if (k !== "bad" && k !== "good") fail(["examples", k], `unknown key "${k}"`, true);
      for (const k of ["bad", "good"] as const) {
        const v = raw.examples[k];
        if (v === undefined) continue;
        if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) fail(["examples", k], `"examples.${k}" must be a list of strings`);
        else examples[k] = v as string[];
      }
    }
  }
  if (ctx.builtin && (examples.bad.length === 0 || examples.good.length === 0)) {
    fail(["examples"], "a built-in rule needs at least one bad and one good example");
  }

  const hasMatchers = Object.keys(phrases).length > 0 || Object.keys(patterns).length > 0;
  if ((kind === "existence" || kind === "cue") && !hasMatchers && !metric && !detector) {
    fail([], `a "${kind}" rule needs "phrases", "patterns", "metric" or "detector"`);
  }
  if (kind === "metric" && !metric) fail([], `a "metric" rule needs "metric"`);
  const requires = idList("requires");
  if (kind === "missing" && requires.length === 0) fail([], `a "missing" rule needs "requires" (the cue rules or checks it looks for)`);

  if (problems.length > 0) throw new RuleFileError(problems);
  return {
    id, check, kind, description, severity: (severityRaw || "warning") as Severity, weight, message, hint,
    phrases, patterns, templateSlot, affects: idList("affects"), cap, unless: idList("unless"), requires, below,
    metric, detector, fix, params, examples, url, origin: { file: ctx.file }, builtin: ctx.builtin,
  };
}

function langLists(key: string, v: unknown, fail: (path: (string | number)[], m: string) => void): Record<string, string[]> {
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
      if (/[^\p{L}\p{N}\p{M}\s'’\-.,!?&/+#@$%:;()]/u.test(p)) fail(["phrases", lang, i], `phrase "${p}" has a stray character`);
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
    if (!isObject(c) || typeof c.id !== "string" || typeof c.pass !== "number" || typeof c.base !== "number" || typeof c.description !== "string") {
      fail(["checks", i], "a check needs id, description, base and pass");
      return { id: "", description: "", base: 0, pass: 0 };
    }
    for (const k of Object.keys(c)) if (!["id", "description", "base", "pass"].includes(k)) fail(["checks", i, k], `unknown key "${k}"`);
    return { id: c.id, description: c.description, base: c.base, pass: c.pass };
  });
  const grades = (raw.grades as unknown[]).map((g, i) => {
    if (!isObject(g) || typeof g.grade !== "string" || typeof g.min !== "number") fail(["grades", i], "a grade needs grade and min");
    return g as { grade: string; min: number };
  });
  if (typeof raw.minScore !== "number") fail(["minScore"], "minScore must be a number");
  if (typeof raw.nearLimit !== "number") fail(["nearLimit"], "nearLimit must be a number");
  if (typeof raw.repeats !== "number" || raw.repeats < 1) fail(["repeats"], "repeats must be a number of at least 1");
  if (problems.length) throw new RuleFileError(problems);
  return {
    checks, grades: grades.sort((a, b) => b.min - a.min), minScore: raw.minScore as number,
    limits: raw.limits as Record<string, number>, nearLimit: raw.nearLimit as number, repeats: raw.repeats as number,
  };
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
