import type { Report, RuleSetData } from "../engine/types.js";
import { sarif } from "./sarif.js";
import { markdown } from "./markdown.js";
import { plain, type Paint } from "./paint.js";
import { githubStream, jsonStream, stylishStream, unixStream, type StreamFormatter } from "./stream.js";
import { withClusters } from "./clusters.js";

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

/** A formatter that can write result by result, or undefined for formats that need the whole report first. */
export function streamFormatter(name: FormatName, options: FormatOptions = {}): StreamFormatter | undefined {
  switch (name) {
    case "json":
      return jsonStream();
    case "github":
      return githubStream();
    case "unix":
      return unixStream();
    case "stylish":
      return stylishStream(options.color && options.paint ? options.paint : plain);
    default:
      return undefined;
  }
}

/** Turns a report into text in one of the formats. */
export function format(report: Report, name: FormatName = "stylish", options: FormatOptions = {}): string {
  const stream = streamFormatter(name, options);
  if (stream) return stream.start() + report.results.map((r) => stream.result(r)).join("") + withClusters(name, stream.end(report.summary), report.clusters, options);
  if (name === "sarif") return `${JSON.stringify(sarif(report, options), null, 2)}\n`;
  return markdown(report);
}
