/** Severity of a finding; `off` only appears in configuration. */
export type Severity = "info" | "warning" | "error";
export type SeveritySetting = Severity | "off";

/** How a rule turns text into findings or score (Vale's `extends`). */
export type RuleKind = "existence" | "cue" | "missing" | "metric";

/** Language code of a rule's matcher list; `any` applies to every language. */
export type Lang = string;

export interface Examples {
  bad: string[];
  good: string[];
}

/** Where a rule came from, for error messages and `--explain`. */
export interface RuleOrigin {
  file: string;
  line?: number;
  column?: number;
}

export interface CapDef {
  /** Highest total score a note with this finding can have. */
  score: number;
  /** Cue rules or checks: when any of them matched, the cap does not apply. */
  unless: string[];
}

/**
 * A mechanical fix, as data in the rule file (Vale's `action:`): `remove` the match (and the
 * spaces and marks after it) when it stands as a sentence or clause of its own, `replace` it
 * with `with`, `greet` the recipient by the name given with --to, `rename` the greeted name to
 * theirs, `trim` the sign-off at the end when that alone brings the note within the limit. The
 * CLI's --fix, the language server's quick fixes and the web page all apply the same one.
 */
export type FixDef = (
  | { action: "remove" }
  | { action: "replace"; with: string }
  | { action: "greet" }
  | { action: "rename" }
  | { action: "trim" }
) & {
  /** What a button or quick fix calls it; a label is made from the edit when absent. */
  label?: string;
};

/** A validated rule, as loaded from a rule YAML file. */
export interface RuleDef {
  id: string;
  check: string;
  kind: RuleKind;
  description: string;
  severity: Severity;
  /** existence/metric: points taken off the check; cue: points added. */
  weight: number;
  /** Message template; `{match}` and metric placeholders are filled in. */
  message: string;
  hint: string;
  phrases: Record<Lang, string[]>;
  patterns: Record<Lang, string[]>;
  /** Per pattern: literal sets a match needs one string of each of (derived when the rule is loaded), or null. */
  anchors?: Record<Lang, (string[][] | null)[]>;
  /** Merge-field style rules: in template mode matches count as slots and are not reported. */
  templateSlot: boolean;
  /** Other checks whose score this rule's penalty also lowers. */
  affects: string[];
  cap?: CapDef;
  /** Findings are dropped when one of these cue rules or checks matched. */
  unless: string[];
  /** `missing` rules: fire when the credit of these cue rules/checks is below `below`. */
  requires: string[];
  below: number;
  /** `metric` rules: which measurement and its parameters. */
  metric?: string;
  /** A detector over the tagged syntax tree (src/engine/detectors), with `params`. */
  detector?: string;
  fix?: FixDef;
  params: Record<string, number | string | boolean | string[]>;
  examples: Examples;
  url: string;
  origin: RuleOrigin;
  /** true for rules that ship with invite-lint. */
  builtin: boolean;
}

export interface CheckDef {
  id: string;
  description: string;
  /** An unfitted check's score before its rules' credits and penalties. */
  base: number;
  /** The check passes at this score or above (and with no error finding); a fitted check scores this at its logit 0. */
  pass: number;
}

export interface GradeDef {
  grade: string;
  min: number;
}

export interface ScoringDef {
  checks: CheckDef[];
  grades: GradeDef[];
  minScore: number;
  limits: Record<string, number>;
  /** How close to the limit (fraction) a note gets an info hint. */
  nearLimit: number;
  /** A rule's penalty counts at most this many of its findings in one note. */
  repeats: number;
}

/** Named word lists patterns can use as `{name}`. */
export type Vocabulary = Record<string, string[]>;

/** A logistic regression over rule hits: logit = bias + the weights of the rules that fired. */
export interface LinearModel {
  bias: number;
  weights: Record<string, number>;
}

/** The fitted score (rules/weights.yaml, written by `npm run train`). */
export interface ScoreModel {
  /** Points of score per unit of logit. */
  scale: number;
  /** The verdict: passes at logit 0, which is the score `minScore` (70 by default). */
  verdict: LinearModel;
  /** Checks fitted against their own labels: passes at logit 0 (check score 50). */
  checks: Record<string, LinearModel>;
  /** A check switched off gives the verdict at least this much (logit): its typical share in a note that passes it. */
  neutral: Record<string, number>;
  /** Built-in rules too rare in the training notes to fit (most need --to, --company or --type): they weigh what their files say. */
  unfitted: string[];
}

/** Everything the engine needs: plain data, JSON-serialisable. */
export interface RuleSetData {
  scoring: ScoringDef;
  vocabulary: Vocabulary;
  rules: RuleDef[];
  languages: Record<string, { name: string; stopwords: string[] }>;
  /** Part-of-speech lexicons by language (rules/lexicon/*.tsv). */
  lexicons?: Record<string, string>;
  /** The fitted score; without it (a rule set being trained) rules weigh what their files say. */
  model?: ScoreModel;
  /** A digest of the sources the set was built from (the built-in set's, from the build), for cache keys. */
  digest?: string;
}

/** A finding, kept structured until a formatter turns it into words. */
export interface Finding {
  ruleId: string;
  check: string;
  severity: Severity;
  message: string;
  suggestion: string;
  /** [start, end) UTF-16 offsets into the linted text. */
  start: number;
  end: number;
  url?: string;
  fix?: Fix;
}

/** An edit that fixes a finding: replace [range[0], range[1]) of the file with `text`. */
export interface Fix {
  range: [number, number];
  text: string;
  /** What a button or a quick fix calls it: "Remove “...”", "Greet Priya by name". */
  label: string;
}

export interface Message {
  ruleId: string;
  check: string;
  severity: Severity;
  message: string;
  suggestion: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets into the file, for tools that prefer them. */
  offset: number;
  endOffset: number;
  url?: string;
  fix?: Fix;
}

export interface CheckResult {
  score: number;
  passed: boolean;
}

/** One rule's share of the score, in points (negative: it cost points). */
export interface Contribution {
  ruleId: string;
  check: string;
  points: number;
  /** The first finding's message, or the signal's description. */
  message: string;
}

/** How the score was reached: base + the contributions, then any cap. */
export interface Breakdown {
  /** Where a note with no findings and no signals starts. */
  base: number;
  items: Contribution[];
  /** Caps that lowered the score (the lowest decides). */
  caps: { ruleId: string; score: number }[];
  /** base + contributions, before caps and the 0-100 bounds. */
  raw: number;
}

export interface LintResult {
  file: string;
  score: number;
  grade: string;
  passed: boolean;
  characters: number;
  limit: number;
  lang: string;
  checks: Record<string, CheckResult>;
  /** Where the note starts in its file (a collection entry, a Markdown body). */
  position: { line: number; column: number };
  /** Cue rules that matched: what counted as personal, context or value. */
  signals: string[];
  /** Each rule's contribution to the score. */
  breakdown: Breakdown;
  messages: Message[];
  /** --fix and --fix-dry-run: the note's text with the fixes applied, present only when a fix changed it. */
  output?: string;
}

export interface Summary {
  files: number;
  passed: number;
  failed: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface Report {
  version: 1;
  results: LintResult[];
  summary: Summary;
  /** Near-duplicate notes of the run (src/engine/sameness.ts); present when there are any. */
  clusters?: Cluster[];
}

/** Facts about the recipient that sharpen the checks. */
export interface Recipient {
  name?: string;
  company?: string;
  context?: string;
  /** The kind of note: reconnect, cold, event, recruiter, sales, job-seeker, alumni, other. */
  type?: string;
}

export interface RuleSetting {
  severity?: SeveritySetting;
  weight?: number;
}

export interface LintOptions {
  /** File name shown in the report. */
  file?: string;
  account?: "free" | "premium";
  /** Character limit; overrides `account`. */
  limit?: number;
  template?: boolean;
  minScore?: number;
  lang?: string;
  to?: string;
  company?: string;
  context?: string;
  /** The kind of note: reconnect, cold, event, recruiter, sales, job-seeker, alumni, other. */
  type?: string;
  allow?: string[];
  settings?: Record<string, SeveritySetting | RuleSetting>;
  /** Offset of `text` inside the file (Markdown bodies, collection entries). */
  offset?: number;
  /** Text of the whole file, for line/column when `offset` is set. */
  source?: string;
  /** Rule ids disabled for this note (directives). */
  disable?: string[];
  /** Findings of these rules (all rules when empty) starting inside [start, end) of `text` are dropped before scoring. */
  suppress?: { start: number; end: number; rules: string[] }[];
  /** Ranges of `text` that are not part of the note (markup blanked to spaces): no finding starts or ends inside one. */
  ignore?: { start: number; end: number }[];
  /** Called with the index of each `suppress` entry that dropped a finding. */
  onSuppress?: (index: number) => void;
  /** Characters as the recipient sees them, when `text` holds markup blanked to spaces. */
  characters?: number;
  /** Characters a name merge field ({{first_name}}) counts for in a template (default 8). */
  nameLength?: number;
  /** Shared line index of `source`, so many notes of one file do not each rebuild it. */
  positions?: { position(offset: number): { line: number; column: number } };
  /**
   * Where each character of `text` sits in `source` when `text` is not a slice of it (a quoted
   * entry with escapes, decoded): `offsets[i]` for `text[i]`, `offsets[text.length]` for its end.
   * Replaces `offset`.
   */
  offsets?: readonly number[];
}

/** Near-duplicate notes of one run: the same note with a different name (src/engine/sameness.ts). */
export interface Cluster {
  /** Percent: the lowest similarity of a member to the first member (by name). */
  similarity: number;
  size: number;
  /** What differs between the members: "only the name and company differ", "one sentence and the name differ". */
  differs: string;
  /** The first member's text with the masked parts as {name}, {company}, ...; sentences not common to every member as "…". */
  text: string;
  members: { file: string; closest: string; similarity: number }[];
}
