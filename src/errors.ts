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
    super(
      `${problems[0] ? formatProblem(problems[0]) : "invalid file"}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : ""}`,
    );
    this.name = "RuleFileError";
  }
}

/** Edit distance of two short strings (insertions, deletions, substitutions, swaps of neighbours). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * `; did you mean "no-context"?` for the known name closest to a mistyped one, or "" when
 * none is close (at most a third of its letters differ).
 */
export function didYouMean(word: string, known: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(word.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best !== undefined && bestDistance > 0 && bestDistance <= Math.max(1, Math.floor(best.length / 3))
    ? `; did you mean "${best}"?`
    : "";
}
