import type { RuleSetData } from "./engine/types.js";
import rules from "./generated/rules.json" with { type: "json" };

/** The built-in rule set, compiled from rules/*.yaml at build time. */
export const builtinRules = rules as unknown as RuleSetData;
