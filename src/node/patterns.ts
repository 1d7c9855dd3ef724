// Path patterns in gitignore syntax: `files`, `ignores` and `sections` in config files,
// `.invite-lintignore` and `--ignore-pattern`. Patterns of plain names (`*.md`, `README*`,
// `docs/`), which is what the defaults are, are matched here; anything else (a slash inside,
// `**`, `!`, ranges) goes to the `ignore` package, which is loaded only then.
import type { Ignore } from "ignore";

/** One pattern and where it came from ("the default ignores", ".invite-lintignore", ...). */
export interface SourcedPattern {
  pattern: string;
  source: string;
}

export type IgnoreFactory = (options?: { ignorecase?: boolean }) => Ignore;

/** A plain name, possibly with `*` and a trailing slash: matched segment by segment at any depth. */
const SIMPLE = /^[\p{L}\p{N}._*-]+\/?$/u;

interface Compiled {
  re: RegExp;
  dirOnly: boolean;
  from: SourcedPattern;
}

/** A list of patterns; `match` gives the pattern that matches a path (relative, with `/`), if any. */
export class PatternSet {
  private readonly simple: Compiled[] | undefined;
  /** All simple patterns in one regex, and those that also match files: one test a path segment. */
  private readonly anyName: RegExp | undefined;
  private readonly fileName: RegExp | undefined;
  private readonly ig: Ignore | undefined;

  constructor(
    readonly patterns: SourcedPattern[],
    factory?: IgnoreFactory,
  ) {
    if (patterns.every((p) => SIMPLE.test(p.pattern))) {
      this.simple = patterns.map((from) => {
        const dirOnly = from.pattern.endsWith("/");
        const name = dirOnly ? from.pattern.slice(0, -1) : from.pattern;
        const body = name.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*");
        return { re: new RegExp(`^${body}$`, "iu"), dirOnly, from };
      });
      const union = (list: Compiled[]) =>
        list.length ? new RegExp(list.map((c) => `(?:${c.re.source})`).join("|"), "iu") : /$^/;
      this.anyName = union(this.simple);
      this.fileName = union(this.simple.filter((c) => !c.dirOnly));
    } else {
      if (!factory) throw new Error("PatternSet: these patterns need the ignore package");
      this.ig = factory({ ignorecase: true }).add(patterns.map((p) => ({ pattern: p.pattern, mark: p.source })));
    }
  }

  /** Whether the patterns can be matched without the `ignore` package. */
  static simple(patterns: string[]): boolean {
    return patterns.every((p) => SIMPLE.test(p));
  }

  get size(): number {
    return this.patterns.length;
  }

  /** The pattern matching `rel` (a path relative to the patterns' folder) or a folder it is in. */
  match(rel: string, dir: boolean): SourcedPattern | undefined {
    if (rel === "" || this.patterns.length === 0) return undefined;
    if (this.ig) {
      const r = this.ig.test(dir ? `${rel}/` : rel);
      return r.ignored && r.rule ? { pattern: r.rule.pattern, source: r.rule.mark ?? "" } : undefined;
    }
    const segments = rel.split("/");
    for (let k = 0; k < segments.length; k++) {
      const isDir = k < segments.length - 1 || dir;
      const segment = segments[k]!;
      if (!(isDir ? this.anyName! : this.fileName!).test(segment)) continue;
      // The last pattern to match is the one gitignore names.
      for (let i = this.simple!.length - 1; i >= 0; i--) {
        const c = this.simple![i]!;
        if ((!c.dirOnly || isDir) && c.re.test(segment)) return c.from;
      }
    }
    return undefined;
  }
}

/** The lines of an ignore file that are patterns (no blank lines or comments). */
export function ignoreFileLines(text: string): string[] {
  return text
    .split(/\r?\n|\r/)
    .map((l) => l.replace(/(?<!\\)\s+$/, ""))
    .filter((l) => l !== "" && !l.startsWith("#"));
}
