import { existsSync, statSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import ignore from "ignore";
import type { RuleSetData } from "../engine/types.js";
import { settingIds } from "../engine/activate.js";
import type { ConfigData } from "../config/schema.js";
import { addRules, re2Compiler } from "../ruleset/load.js";
import { RuleFileError } from "../ruleset/validate.js";
import type { LinearCompiler } from "../engine/linear.js";
import { readRuleFiles } from "../node/rule-files.js";
import { findConfig } from "./find.js";
import { readConfigFile, showPath } from "./read.js";
import { PatternSet } from "../node/patterns.js";
import { digestOf } from "../node/digest.js";

export interface LoadedConfig {
  /** The config file used, if any. */
  path?: string;
  data: ConfigData;
  /** Built-in rules plus the config's rule packs. */
  rules: RuleSetData;
  /** The linear-time regex engine the packs' patterns run on. */
  linear?: LinearCompiler;
  /** The folder the config's patterns (`files`, `ignores`, `sections`) are relative to. */
  base?: string;
  /** Whether a Markdown file is read as a note per section (the config's `sections`). */
  sections?: (file: string) => boolean;
  /**
   * Whether the config's `files` select a file and its `ignores` leave it in (undefined: the
   * config sets neither). The CLI applies them as it walks; the language server, to each open file.
   */
  selects?: (file: string) => boolean;
  /** A digest of the config file and its packs' files, for `--cache` keys. */
  digest?: string;
}

const show = showPath;

/** The config's `sections` patterns as a test on file paths. */
function sectionsMatcher(patterns: string[], base: string, file: string): (path: string) => boolean {
  const set = new PatternSet(
    patterns.map((pattern) => ({ pattern, source: `"sections" in ${file}` })),
    ignore,
  );
  return (path) => {
    const rel = relative(base, resolve(path));
    return !rel.startsWith("..") && set.match(rel.split(sep).join("/"), false) !== undefined;
  };
}

/** The config's `files` and `ignores` as one test on file paths (outside its folder: selected). */
function selectionMatcher(
  files: string[] | undefined,
  ignores: string[] | undefined,
  base: string,
  file: string,
): (path: string) => boolean {
  const set = (patterns: string[], key: string) =>
    new PatternSet(
      patterns.map((pattern) => ({ pattern, source: `"${key}" in ${file}` })),
      ignore,
    );
  const wanted = files ? set(files, "files") : undefined;
  const left = ignores ? set(ignores, "ignores") : undefined;
  return (path) => {
    const rel = relative(base, resolve(path));
    if (rel.startsWith("..")) return true;
    const posix = rel.split(sep).join("/");
    return (!wanted || wanted.match(posix, false) !== undefined) && left?.match(posix, false) === undefined;
  };
}

/** Finds and loads the config for each file: the nearest one from its folder upward. */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly none: LoadedConfig;

  constructor(
    private readonly builtin: RuleSetData,
    private readonly options: { configPath?: string; noConfig?: boolean },
  ) {
    this.none = { data: {}, rules: builtin };
  }

  /** `file` undefined means stdin: look from the working directory. */
  forFile(file: string | undefined): LoadedConfig {
    if (this.options.noConfig) return this.none;
    if (this.options.configPath) return this.load(resolve(this.options.configPath), true);
    const found = findConfig(resolve(file ? dirname(file) : process.cwd()), this.byDir);
    return found ? this.load(found, false) : this.none;
  }

  private load(path: string, explicit: boolean): LoadedConfig {
    const cached = this.loaded.get(path);
    if (cached) return cached;
    const { file, text, data, locate, isPackage } = readConfigFile(path, explicit);
    let rules = this.builtin;
    const sources = [path, text];
    for (const pack of data.rules ?? []) {
      const dir = resolve(dirname(path), pack);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        const at = locate([...(isPackage ? ["invite-lint"] : []), "rules"]);
        throw new RuleFileError([
          { file, line: at.line, column: at.column, message: `rule pack "${pack}" is not a folder` },
        ]);
      }
      const files = readRuleFiles(dir, show);
      for (const f of files) sources.push(f.path, f.text);
      rules = addRules(rules, files);
    }
    const ids = settingIds(rules);
    for (const id of Object.keys(data.settings ?? {})) {
      if (!ids.has(id)) {
        const at = locate([...(isPackage ? ["invite-lint"] : []), "settings", id], true);
        throw new RuleFileError([
          { file, line: at.line, column: at.column, message: `unknown rule or check id "${id}"` },
        ]);
      }
    }
    // Patterns are relative to the config's folder; with --config, to the working directory (as ESLint's -c).
    const base = explicit ? process.cwd() : dirname(path);
    const sections = data.sections ? sectionsMatcher(data.sections, base, file) : undefined;
    const selects = data.files || data.ignores ? selectionMatcher(data.files, data.ignores, base, file) : undefined;
    const loaded = {
      path,
      base,
      data,
      rules,
      linear: rules === this.builtin ? undefined : re2Compiler,
      sections,
      selects,
      digest: digestOf(sources),
    };
    this.loaded.set(path, loaded);
    return loaded;
  }
}
