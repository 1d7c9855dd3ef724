// The engine as the page and the extension use it: the linter and the built-in rules, and
// nothing else of the package. src/browser.ts also carries the rule-pack loader (RE2, YAML)
// and the formatters (chalk), which a page that lints one note never needs.
import { builtinRules } from "../../src/builtin.js";
import { linterFor } from "../../src/engine/default.js";
import type { LintOptions, LintResult, Message, RuleSetData } from "../../src/engine/types.js";
export type { Fix } from "../../src/engine/types.js";

/** A finding, with the fix the engine computed when it is mechanical. */
export type Finding = Message;

export type Result = LintResult;

export const rules: RuleSetData = builtinRules;

/** The package version, set by the build. */
declare const __INVITE_LINT_VERSION__: string;
export const VERSION: string = typeof __INVITE_LINT_VERSION__ === "string" ? __INVITE_LINT_VERSION__ : "dev";

/** Rule and check ids the engine knows; settings for other ids would throw. */
export function knownIds(): ReadonlySet<string> {
  return linterFor(rules).ids;
}

/** Lints one note with the built-in rules. */
export function lintNote(text: string, options: LintOptions): Result {
  return linterFor(rules).lint(text, options) as Result;
}

export type { LintOptions };
