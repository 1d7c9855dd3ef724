import { createLinter, type Linter } from "./lint.js";
import type { LinearCompiler } from "./linear.js";
import type { RuleSetData } from "./types.js";

const cache = new WeakMap<RuleSetData, Linter>();

/** One compiled linter per rule set, built on first use (`linear` is needed for rule packs' patterns). */
export function linterFor(data: RuleSetData, linear?: LinearCompiler): Linter {
  let l = cache.get(data);
  if (!l) {
    l = createLinter(data, { linear });
    cache.set(data, l);
  }
  return l;
}
