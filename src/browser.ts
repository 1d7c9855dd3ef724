// Entry for browsers and other runtimes without Node's file system: the engine, the
// built-in rules and the formatters, no file or process access.
import { builtinRules } from "./builtin.js";
import { linterFor } from "./engine/default.js";
import type { LintOptions, LintResult } from "./engine/types.js";

export { createLinter, LintUsageError, type Linter } from "./engine/lint.js";
export { format, FORMATS, type FormatName } from "./report/index.js";
export { summarize, toReport } from "./report/summary.js";
export { addRules, loadRuleSet, type SourceFile } from "./rules/load.js";
export { RuleFileError, type Problem } from "./rules/validate.js";
export { builtinRules };
export type * from "./engine/types.js";

/** Lints one note with the built-in rules (or `rules`), returning the JSON format's result object. */
export function lint(text: string, options: LintOptions = {}, rules = builtinRules): LintResult {
  return linterFor(rules).lint(text, options);
}
