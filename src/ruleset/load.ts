import type { LinearModel, RuleDef, RuleSetData, ScoreModel, Vocabulary } from "../engine/types.js";
import { RE2JS } from "re2js";
import type { Span } from "../engine/context.js";
import type { LinearCompiler } from "../engine/linear.js";
import { atWordBoundary } from "../engine/text.js";
import { RuleFileError, expandVocabulary, isObject, validateRule, validateScoring, type Problem } from "./validate.js";
import { requiredLiteralSets } from "../engine/anchors.js";
import { parseDataFile } from "./yaml-source.js";

/** A rule or data file's path (for messages) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

const DATA_FILES = new Set(["checks", "vocabulary", "languages", "weights"]);
/** `lexicon/<lang>.tsv`: a part-of-speech lexicon (other .tsv files there are the generator's inputs). */
const LEXICON = /(?:^|[\\/])lexicon[\\/]([a-z]{2})\.tsv$/;

/** Upper bound on the spans one matcher reports for one note. */
const MAX_SPANS = 10_000;

/**
 * Patterns from rule packs run on RE2 (re2js): matching time is linear in the input, so a
 * pattern like `(a+)+$` cannot hang a run. Leftmost-longest, so "work|worked" takes
 * "worked" rather than failing the word-boundary check.
 */
export const re2Compiler: LinearCompiler = (source) => {
  const re = RE2JS.compile(source, RE2JS.LONGEST_MATCH);
  return (norm) => {
    const out: Span[] = [];
    const m = re.matcher(norm);
    while (out.length < MAX_SPANS && m.find()) {
      const start = m.start();
      const end = m.end();
      if (end > start && atWordBoundary(norm, start, end)) out.push({ start, end });
    }
    return out;
  };
};

/** Checks a pattern compiles the way it will run: RE2 for rule packs, V8 for built-in rules. */
function compilePatternSource(source: string, linear: boolean): void {
  if (linear) RE2JS.compile(source);
  else new RegExp(source, "gu");
}

function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.(ya?ml|json)$/i, "");
}

/**
 * Builds the built-in rule set from `rules/`: `checks.yaml` (scoring), `vocabulary.yaml`
 * (word lists patterns can name), `languages.yaml` and one file per rule.
 */
export function loadRuleSet(files: SourceFile[]): RuleSetData {
  const find = (name: string) => {
    const f = files.find((x) => baseName(x.path) === name);
    if (!f) throw new RuleFileError([{ file: `${name}.yaml`, line: 1, column: 1, message: `missing ${name}.yaml` }]);
    return f;
  };
  const checksFile = find("checks");
  const parsedChecks = parseDataFile(checksFile.text, checksFile.path);
  const scoring = validateScoring(parsedChecks.data, checksFile.path, parsedChecks.locate);
  const vocabulary = readVocabulary(find("vocabulary"));
  const languages = readLanguages(find("languages"));
  const lexicons: Record<string, string> = {};
  for (const f of files) {
    const m = LEXICON.exec(f.path);
    if (m) lexicons[m[1]!] = f.text;
  }
  const base: RuleSetData = { scoring, vocabulary, languages, lexicons, rules: [] };
  const withRules = addRules(
    base,
    files.filter((f) => /\.(ya?ml|json)$/i.test(f.path) && !DATA_FILES.has(baseName(f.path))),
    true,
  );
  const weights = files.find((x) => baseName(x.path) === "weights" && /\.ya?ml$/i.test(x.path));
  return weights ? { ...withRules, model: readModel(weights, withRules) } : withRules;
}

/** Reads the fitted weights (rules/weights.yaml); every weight must name a rule of the set. */
export function readModel(f: SourceFile, data: RuleSetData): ScoreModel {
  const { data: raw, locate } = parseDataFile(f.text, f.path);
  const fail = (path: (string | number)[], message: string): never => {
    const p = locate(path);
    throw new RuleFileError([{ file: f.path, line: p.line, column: p.column, message }]);
  };
  if (!isObject(raw) || typeof raw.scale !== "number" || !isObject(raw.verdict) || !isObject(raw.checks)) {
    return fail([], "weights need scale, verdict, checks and neutral");
  }
  const ids = new Set(data.rules.map((r) => r.id));
  const linear = (v: unknown, path: string[]): LinearModel => {
    if (!isObject(v) || typeof v.bias !== "number" || !isObject(v.weights))
      return fail(path, "a model needs bias and weights");
    for (const [id, w] of Object.entries(v.weights)) {
      if (!ids.has(id)) fail([...path, "weights", id], `weight for unknown rule "${id}": run npm run train`);
      if (typeof w !== "number") fail([...path, "weights", id], `weight of "${id}" must be a number`);
    }
    return { bias: v.bias, weights: v.weights as Record<string, number> };
  };
  const checks: Record<string, LinearModel> = {};
  for (const [id, m] of Object.entries(raw.checks)) checks[id] = linear(m, ["checks", id]);
  const neutral: Record<string, number> = {};
  for (const [id, v] of Object.entries(isObject(raw.neutral) ? raw.neutral : {})) {
    if (typeof v !== "number") fail(["neutral", id], "a neutral share must be a number");
    neutral[id] = v as number;
  }
  const unfitted = Array.isArray(raw.unfitted) ? (raw.unfitted as unknown[]).map(String) : [];
  for (const id of unfitted) if (!ids.has(id)) fail(["unfitted"], `unknown rule "${id}": run npm run train`);
  return { scale: raw.scale, verdict: linear(raw.verdict, ["verdict"]), checks, neutral, unfitted };
}

/** Adds a user's rule pack (files named by rule id) to a rule set; returns a new rule set. */
export function addRules(base: RuleSetData, files: SourceFile[], builtin = false): RuleSetData {
  const checks = new Set(base.scoring.checks.map((c) => c.id));
  const known = new Map(base.rules.map((r) => [r.id, r.origin.file]));
  const rules: RuleDef[] = [...base.rules];
  const problems: Problem[] = [];
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    if (!/\.(ya?ml|json)$/i.test(f.path)) continue;
    try {
      const parsed = parseDataFile(f.text, f.path);
      const rule = validateRule(
        parsed.data,
        {
          file: f.path,
          locate: parsed.locate,
          checks,
          vocabulary: base.vocabulary,
          builtin,
          compile: (source) => compilePatternSource(source, !builtin),
        },
        baseName(f.path),
      );
      const clash = known.get(rule.id);
      if (clash) {
        const pos = parsed.locate(["id"]);
        problems.push({
          file: f.path,
          line: pos.line,
          column: pos.column,
          message: `rule id "${rule.id}" is already defined in ${clash}`,
        });
        continue;
      }
      known.set(rule.id, f.path);
      rule.anchors = Object.fromEntries(
        Object.entries(rule.patterns).map(([lang, list]) => [
          lang,
          list.map((p) => requiredLiteralSets(expandVocabulary(p, base.vocabulary)) ?? null),
        ]),
      );
      rules.push(rule);
    } catch (error) {
      if (error instanceof RuleFileError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length) throw new RuleFileError(problems);
  const ids = new Set([...rules.map((r) => r.id), ...checks]);
  for (const r of rules) {
    for (const ref of [...r.unless, ...r.requires, ...r.affects, ...(r.cap?.unless ?? [])]) {
      if (!ids.has(ref))
        problems.push({
          file: r.origin.file,
          line: 1,
          column: 1,
          message: `rule "${r.id}" refers to unknown rule or check "${ref}"`,
        });
    }
  }
  if (problems.length) throw new RuleFileError(problems);
  return { ...base, rules };
}

function readVocabulary(f: SourceFile): Vocabulary {
  const { data, locate } = parseDataFile(f.text, f.path);
  if (!isObject(data))
    throw new RuleFileError([{ file: f.path, line: 1, column: 1, message: "vocabulary must map names to word lists" }]);
  const out: Vocabulary = {};
  for (const [k, v] of Object.entries(data)) {
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
      const p = locate([k]);
      throw new RuleFileError([
        { file: f.path, line: p.line, column: p.column, message: `vocabulary "${k}" must be a list of strings` },
      ]);
    }
    out[k] = v as string[];
  }
  return out;
}

function readLanguages(f: SourceFile): RuleSetData["languages"] {
  const { data, locate } = parseDataFile(f.text, f.path);
  const out: RuleSetData["languages"] = {};
  if (!isObject(data))
    throw new RuleFileError([
      { file: f.path, line: 1, column: 1, message: "languages must map codes to {name, stopwords}" },
    ]);
  for (const [k, v] of Object.entries(data)) {
    if (!isObject(v) || typeof v.name !== "string" || !Array.isArray(v.stopwords)) {
      const p = locate([k]);
      throw new RuleFileError([
        { file: f.path, line: p.line, column: p.column, message: `language "${k}" needs name and stopwords` },
      ]);
    }
    out[k] = { name: v.name, stopwords: (v.stopwords as unknown[]).map(String) };
  }
  return out;
}
