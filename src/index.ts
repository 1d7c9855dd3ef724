// The public API for Node: everything in the browser entry, plus linting files.
export * from "./browser.js";
export { lintFiles, type LintFilesOptions } from "./node/lint-files.js";
export { run as runCli, type Io } from "./cli.js";
