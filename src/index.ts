// The public API for Node: everything in the browser entry, plus linting files.
export * from "./browser.js";
export { lintFiles, lintRun, type LintFilesOptions, type LintRun } from "./node/lint-files.js";
export { writeReport, type Sink, type WriteOptions } from "./report/writer.js";
export { run as runCli, type Io } from "./cli.js";
