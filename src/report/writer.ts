/**
 * Writing a run's report. The report layer, not its caller, decides between buffering and
 * streaming: a small run is written whole at the end, so an input error halfway leaves no
 * partial report; past `streamAfter` notes a streamable format writes result by result, so
 * memory stays bounded however many notes a run holds.
 */
import type { LintResult, RuleDef, Summary } from "../engine/types.js";
import type { Cluster } from "../engine/sameness.js";
import { format, streamFormatter } from "./index.js";
import type { FormatName, FormatOptions } from "./options.js";
import { addToSummary, emptySummary } from "./summary.js";
import { withClusters } from "./clusters.js";

/** Where a report goes: stdout, a file. */
export interface Sink {
  /** Writes text; false asks the writer to wait for `drain` before writing more (a slow reader). */
  write(text: string): boolean | undefined;
  drain?(): Promise<void>;
}

/** What the writer needs of a run: its results, then its clusters and rule metadata once they are over. */
export interface RunResults extends AsyncIterable<LintResult> {
  readonly clusters: readonly Cluster[];
  readonly rulesMeta?: readonly RuleDef[];
}

export interface WriteOptions extends FormatOptions {
  /** Report errors only (the summary counts what is reported). */
  quiet?: boolean;
  /** Results held before a streamable report starts to stream (default 256). */
  streamAfter?: number;
}

/**
 * Writes the report of `run` in format `name` to the sink `open()` gives; `open` is called when
 * the first text is ready to go (so `-o file` is not created for a run that fails early).
 * Returns the summary.
 */
export async function writeReport(
  run: RunResults,
  name: FormatName,
  options: WriteOptions,
  open: () => Sink,
): Promise<Summary> {
  const summary = emptySummary();
  const stream = streamFormatter(name, options);
  const streamAfter = options.streamAfter ?? 256;
  const kept: LintResult[] = [];
  const pending: string[] = [];
  let sink: Sink | undefined;
  /** Writes or holds a piece; true when the reader is keeping up. */
  const emit = (text: string): boolean => {
    if (!text) return true;
    if (!sink) pending.push(text);
    else return sink.write(text) !== false;
    return true;
  };
  const flush = () => {
    sink ??= open();
    const text = pending.join("");
    pending.length = 0;
    emit(text);
  };
  if (stream) emit(stream.start());
  for await (const r of run) {
    if (options.quiet) r.messages = r.messages.filter((m) => m.severity === "error");
    addToSummary(summary, r);
    if (!stream) {
      kept.push(r);
      continue;
    }
    const keepingUp = emit(stream.result(r));
    if (!sink && summary.files >= streamAfter) flush();
    else if (!keepingUp && sink?.drain) await sink.drain();
  }
  const clusters = [...run.clusters];
  const formatOptions = run.rulesMeta ? { ...options, rulesMeta: run.rulesMeta } : options;
  if (stream) emit(withClusters(name, stream.end(summary), clusters, formatOptions));
  else
    emit(format({ version: 1, results: kept, summary, ...(clusters.length ? { clusters } : {}) }, name, formatOptions));
  flush();
  return summary;
}
