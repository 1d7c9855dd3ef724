import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { RuleSetData } from "../engine/types.js";
import { validateConfig, type ConfigData } from "../config/schema.js";
import { addRules, re2Compiler } from "../ruleset/load.js";
import { RuleFileError } from "../ruleset/validate.js";
import type { LinearCompiler } from "../engine/linear.js";
import { parseDataFile, MAX_DATA_FILE_BYTES } from "../ruleset/yaml-source.js";
import { readRuleFiles } from "./rule-files.js";
import { findConfig } from "./config-find.js";
import { digestOf } from "./digest.js";


export interface LoadedConfig {
  /** The config file used, if any. */
  path?: string;
  data: ConfigData;
  /** Built-in rules plus the config's rule packs. */
  rules: RuleSetData;
  /** The linear-time regex engine the packs' patterns run on. */
  linear?: LinearCompiler;
  /** A digest of the config file and its packs' files, for `--cache` keys. */
  digest?: string;
}

const show = (p: string) => relative(process.cwd(), p) || p;

/** Finds and loads the config for each file: the nearest one from its folder upward. */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly none: LoadedConfig;

  constructor(private readonly builtin: RuleSetData, private readonly options: { configPath?: string; noConfig?: boolean }) {
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
    const file = show(path);
    if (!existsSync(path)) throw new RuleFileError([{ file, line: 1, column: 1, message: "config file not found" }]);
    if (statSync(path).isDirectory()) throw new RuleFileError([{ file, line: 1, column: 1, message: "config path is a folder, not a file" }]);
    if (statSync(path).size > MAX_DATA_FILE_BYTES) throw new RuleFileError([{ file, line: 1, column: 1, message: `config file is larger than ${MAX_DATA_FILE_BYTES} bytes` }]);
    const text = readFileSync(path, "utf8");
    const { data: raw, locate } = parseDataFile(text, file);
    const isPackage = path.endsWith("package.json") && !explicit;
    const data = isPackage
      ? validateConfig((raw as Record<string, unknown>)["invite-lint"], file, locate, ["invite-lint"])
      : validateConfig(raw, file, locate);
    let rules = this.builtin;
    const sources = [path, text];
    for (const pack of data.rules ?? []) {
      const dir = resolve(dirname(path), pack);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        const at = locate([...(isPackage ? ["invite-lint"] : []), "rules"]);
        throw new RuleFileError([{ file, line: at.line, column: at.column, message: `rule pack "${pack}" is not a folder` }]);
      }
      const files = readRuleFiles(dir, show);
      for (const f of files) sources.push(f.path, f.text);
      rules = addRules(rules, files);
    }
    const ids = new Set([...rules.rules.map((r) => r.id), ...rules.scoring.checks.map((c) => c.id)]);
    for (const id of Object.keys(data.settings ?? {})) {
      if (!ids.has(id)) {
        const at = locate([...(isPackage ? ["invite-lint"] : []), "settings", id], true);
        throw new RuleFileError([{ file, line: at.line, column: at.column, message: `unknown rule or check id "${id}"` }]);
      }
    }
    const loaded = { path, data, rules, linear: rules === this.builtin ? undefined : re2Compiler, digest: digestOf(sources) };
    this.loaded.set(path, loaded);
    return loaded;
  }
}
