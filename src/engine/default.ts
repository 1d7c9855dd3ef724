import { createLinter, type Linter } from "./lint.js";
import type { RuleSetData } from "./types.js";

const cache = new WeakMap<RuleSetData, Linter>();

/** One compiled linter per rule set, built on first use. */
export function linterFor(data: RuleSetData): Linter {
  let l = cache.get(data);
  if (!l) {
    l = createLinter(data);
    cache.set(data, l);
  }
  return l;
}
