// Entry for browsers and other runtimes without Node's file system: the engine, the
// built-in rules and the formatters, no file or process access.
import { builtinRules } from "./builtin.js";
import { linterFor } from "./engine/default.js";
import type { LintOptions, LintResult, Report } from "./engine/types.js";
import { format as formatWith, type FormatName, type FormatOptions } from "./report/index.js";
import { chalkPaint } from "./report/chalk-paint.js";

export { createLinter, LintUsageError, type Linter, type LinterOptions } from "./engine/lint.js";
export { InputError, UsageError } from "./errors.js";
export { NOTE_TYPES } from "./engine/options.js";
export { FORMATS, type FormatName, type FormatOptions } from "./report/index.js";
export { summarize, toReport } from "./report/summary.js";
export { addRules, loadRuleSet, re2Compiler, type SourceFile } from "./ruleset/load.js";
import { re2Compiler } from "./ruleset/load.js";
export { RuleFileError, type Problem } from "./ruleset/validate.js";
export { findNearDuplicates, type Cluster, type NearDuplicate, type NoteInput } from "./engine/sameness.js";
export { builtinRules };
export type * from "./engine/types.js";

/** Turns a report into text in one of the formats (`color`: chalk's terminal colours, stylish only). */
export function format(report: Report, name: FormatName = "stylish", options: FormatOptions = {}): string {
  return formatWith(report, name, options.color && !options.paint ? { ...options, paint: chalkPaint() } : options);
}

/** Lints one note with the built-in rules (or `rules`, packs' patterns on RE2), returning the JSON format's result object. */
export function lint(text: string, options?: LintOptions, rules = builtinRules): LintResult {
  return linterFor(rules, rules === builtinRules ? undefined : re2Compiler).lint(text, options);
}
