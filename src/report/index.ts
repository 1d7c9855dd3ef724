import type { Report, RuleSetData } from "../engine/types.js";
import { stylish } from "./stylish.js";
import { sarif } from "./sarif.js";
import { github } from "./github.js";
import { unix } from "./unix.js";
import { markdown } from "./markdown.js";

export interface FormatOptions {
  /** Colour for terminals (stylish only). */
  color?: boolean;
  /** Rule metadata for formats that describe rules (SARIF). */
  rules?: RuleSetData;
  version?: string;
}

export const FORMATS = ["stylish", "json", "sarif", "github", "unix", "markdown"] as const;
export type FormatName = (typeof FORMATS)[number];

/** Turns a report into text in one of the formats. */
export function format(report: Report, name: FormatName = "stylish", options: FormatOptions = {}): string {
  switch (name) {
    case "json":
      return `${JSON.stringify(report, null, 2)}\n`;
    case "sarif":
      return `${JSON.stringify(sarif(report, options), null, 2)}\n`;
    case "github":
      return github(report);
    case "unix":
      return unix(report);
    case "markdown":
      return markdown(report);
    case "stylish":
      return stylish(report, options.color ?? false);
  }
}
