// What lintFiles takes, and the configuration of one note (src/node/lint-files.ts).
import type { LintOptions, RuleSetData, RuleSetting, SeveritySetting } from "../engine/types.js";
import type { LinearCompiler } from "../engine/linear.js";
import type { ConfigData } from "../config/schema.js";
import type { Cluster } from "../engine/sameness.js";

export interface LintFilesOptions {
  /** Use this config file instead of searching (`--config`). */
  config?: string;
  /** Use no config file (`--no-config`). */
  noConfig?: boolean;
  /** Name for stdin in reports and config lookup. */
  stdinFilename?: string;
  maxBytes?: number;
  /** Lint files with NUL bytes instead of refusing them (`--binary`). */
  allowBinary?: boolean;
  /** Options that win over config files (command-line flags). */
  overrides?: Partial<LintOptions>;
  /** Rule settings that win over config files (`--rule`). */
  ruleSettings?: Record<string, SeveritySetting | RuleSetting>;
  reportUnusedDirectives?: boolean;
  /** Built-in rules to start from. */
  rules?: RuleSetData;
  /** Reads stdin; defaults to file descriptor 0. */
  readStdin?: () => string;
  /** The text of an input held in memory (a --fix run's fixed text), in place of reading the file; undefined reads it. */
  readFile?: (path: string) => string | undefined;
  /** Configuration already resolved by the caller (the CLI), so config files are read once. */
  resolver?: { forFile(file: string | undefined): NoteConfig };
  /** The near-duplicate check: its threshold (0.5 to 1) or off; default: the config's `sameness.threshold`, else 0.8. */
  sameness?: number | "off";
  /** Reuse the results of files unchanged since the last run with `cache` (`--cache`). */
  cache?: boolean;
  /** The cache file, or a folder to keep `.invite-lintcache` in (default: `.invite-lintcache` in the working folder). */
  cacheLocation?: string;
  /** Receives warnings that do not stop the run: an input skipped because it holds no notes (a YAML or JSON file that is not a collection), a cache that could not be written. */
  warn?: (message: string) => void;
  /** lintFiles: receives the clusters of near-duplicate notes when the run is over (lintRun has them as `clusters`). */
  onClusters?: (clusters: Cluster[]) => void;
}

/** The configuration that applies to one note. */
export interface NoteConfig {
  path?: string;
  data: ConfigData;
  rules: RuleSetData;
  /** The linear-time regex engine for the rule packs' patterns (set when the config has packs). */
  linear?: LinearCompiler;
  /** Whether a Markdown file is read as a note per section under a heading (the config's `sections`). */
  sections?: (file: string) => boolean;
  /** A digest of the config file and its rule packs, for `--cache` keys. */
  digest?: string;
}
