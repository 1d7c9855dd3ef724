import type { RuleSetData } from "../engine/types.js";
import type { Paint } from "./paint.js";

/** What a formatter may be told besides the report. */
export interface FormatOptions {
  /** Colour for terminals (stylish only). */
  color?: boolean;
  /** The colours to use when `color` is set (the API passes chalk's). */
  paint?: Paint;
  /** Rule metadata for formats that describe rules (SARIF). */
  rules?: RuleSetData;
  version?: string;
}

export const FORMATS = ["stylish", "json", "sarif", "github", "unix", "markdown"] as const;
export type FormatName = (typeof FORMATS)[number];
