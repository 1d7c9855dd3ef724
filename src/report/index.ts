import type { Report } from "../engine/types.js";
import { sarif } from "./sarif.js";
import { markdown } from "./markdown.js";
import { plain } from "./paint.js";
import { githubStream, jsonStream, stylishStream, unixStream, type StreamFormatter } from "./stream.js";
import { withClusters } from "./clusters.js";

export type { FormatOptions } from "./options.js";
import type { FormatOptions } from "./options.js";

export { FORMATS, type FormatName } from "./options.js";
import type { FormatName } from "./options.js";

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
  if (stream)
    return (
      stream.start() +
      report.results.map((r) => stream.result(r)).join("") +
      withClusters(name, stream.end(report.summary), report.clusters, options)
    );
  if (name === "sarif") return `${JSON.stringify(sarif(report, options), null, 2)}\n`;
  return markdown(report);
}
