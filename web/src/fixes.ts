// The mechanical fixes of findings: the engine computes them from the rules' `fix:` entries
// (the same the CLI's --fix and the language server apply); the page applies them.
import type { Fix } from "../../src/engine/types.js";
import type { Finding } from "./engine.js";

export type LabelledFix = Fix;

/** The mechanical fix of a finding, or undefined when the fix needs the writer's own words. */
export function fixFor(m: Finding): LabelledFix | undefined {
  return m.fix;
}

/** The note with a fix applied. */
export function applyFix(text: string, fix: Fix): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}
