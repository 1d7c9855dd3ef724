import { resolve } from "node:path";
import type { Diagnostic } from "vscode-languageserver/node.js";
import { formatProblem, type Problem } from "../errors.js";
import { CONFIG_ERROR, problemDiagnostic, problemUri } from "./diagnostics.js";

/**
 * Config and rule files that do not load, as the CLI would reject them: a diagnostic where
 * each problem is, and a message the first time each is seen, until the config is loaded again.
 */
export class ConfigProblems {
  private readonly byUri = new Map<string, Diagnostic[]>();
  private readonly keys = new Map<string, Set<string>>();
  private readonly paths = new Set<string>();
  private readonly told = new Set<string>();

  /** Records problems; returns the URIs whose diagnostics changed and the lines not shown yet. */
  add(problems: Problem[]): { changed: string[]; untold: string[] } {
    const changed = new Set<string>();
    const untold: string[] = [];
    for (const p of problems) {
      const uri = problemUri(p);
      const key = formatProblem(p);
      const seen = this.keys.get(uri) ?? new Set<string>();
      if (!seen.has(key)) {
        seen.add(key);
        this.keys.set(uri, seen);
        this.byUri.set(uri, [...(this.byUri.get(uri) ?? []), problemDiagnostic(p, CONFIG_ERROR)]);
        this.paths.add(resolve(p.file));
        changed.add(uri);
      }
      if (!this.told.has(key)) {
        this.told.add(key);
        untold.push(key);
      }
    }
    return { changed: [...changed], untold };
  }

  /** The diagnostics on this file. */
  for(uri: string): Diagnostic[] {
    return this.byUri.get(uri) ?? [];
  }

  /** True when a problem is in this file (its change may fix it). */
  isIn(path: string): boolean {
    return this.paths.has(path);
  }

  /** Forgets every problem; returns the URIs that had diagnostics. */
  clear(): string[] {
    const uris = [...this.byUri.keys()];
    this.byUri.clear();
    this.keys.clear();
    this.paths.clear();
    this.told.clear();
    return uris;
  }
}
