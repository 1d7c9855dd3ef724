import type { Span } from "./context.js";

/** Compiles a user pattern to a matcher with linear-time matching (RE2). */
export type LinearCompiler = (source: string) => (norm: string) => Span[];

let compiler: LinearCompiler | undefined;

/**
 * Rule-pack loading registers the RE2 engine here, so the engine itself (and a run with
 * only built-in rules) never loads it.
 */
export function setLinearCompiler(c: LinearCompiler): void {
  compiler = c;
}

export function linearCompiler(): LinearCompiler {
  if (!compiler) throw new Error("rules from a rule pack must be loaded with addRules()");
  return compiler;
}
