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
  /** Share of the total score. */
  weight: number;
  /** Score the check starts from before credits and penalties. */
  base: number;
  /** The check passes at this score or above (and with no error finding). */
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

/** Everything the engine needs: plain data, JSON-serialisable. */
export interface RuleSetData {
  scoring: ScoringDef;
  vocabulary: Vocabulary;
  rules: RuleDef[];
  languages: Record<string, { name: string; stopwords: string[] }>;
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
}

export interface CheckResult {
  score: number;
  passed: boolean;
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
  messages: Message[];
}

export interface Summary {
  files: number;
  passed: number;
  failed: number;
  errors: number;
  warnings: number;
}

export interface Report {
  version: 1;
  results: LintResult[];
  summary: Summary;
  /** Near-duplicate notes of the run (src/engine/sameness.ts); present when there are any. */
  clusters?: import("./sameness.js").Cluster[];
}

/** Facts about the recipient that sharpen the checks. */
export interface Recipient {
  name?: string;
  company?: string;
  context?: string;
  kind?: string;
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
  kind?: string;
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
  /** Shared line index of `source`, so many notes of one file do not each rebuild it. */
  positions?: { position(offset: number): { line: number; column: number } };
}
