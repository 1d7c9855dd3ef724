/**
 * The errors invite-lint reports to its callers, in one place. Each becomes one line on
 * stderr and exit status 2 in the CLI; API callers can tell them apart with instanceof.
 */

/** The caller asked for something invalid: an unknown rule id, a bad option value. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** An input could not be read as a note: missing, binary, invalid UTF-8, too large. */
export class InputError extends Error {
  override name = "InputError";
}

/** One problem in a rule, config or data file, pointing where the author can fix it. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

/** A rule, config or data file with problems; the message is the first, and how many more there are. */
export class RuleFileError extends Error {
  constructor(public readonly problems: Problem[]) {
    super(`${problems[0] ? formatProblem(problems[0]) : "invalid file"}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : ""}`);
    this.name = "RuleFileError";
  }
}
