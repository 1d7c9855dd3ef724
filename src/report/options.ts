import type { RuleDef, RuleSetData } from "../engine/types.js";
import type { Paint } from "./paint.js";

/** What a formatter may be told besides the report. */
export interface FormatOptions {
  /** Colour for terminals (stylish only). */
  color?: boolean;
  /** The colours to use when `color` is set (the API passes chalk's). */
  paint?: Paint;
  /** The rules the results were linted with, for formats that describe rules (SARIF); `lintRun` gives them as `rulesMeta`. */
  rulesMeta?: readonly RuleDef[];
  /** A rule set whose rules describe the results, when `rulesMeta` is not given. */
  rules?: RuleSetData;
  version?: string;
}

export const FORMATS = ["stylish", "json", "sarif", "github", "unix", "markdown"] as const;
export type FormatName = (typeof FORMATS)[number];
