import type { Span } from "./context.js";

/** Compiles a rule pack's pattern to a matcher whose time is linear in the input (RE2). */
export type LinearCompiler = (source: string) => (norm: string) => Span[];
