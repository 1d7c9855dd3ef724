import { existsSync, readFileSync, statSync } from "node:fs";
import { relative } from "node:path";
import { validateConfig, type ConfigData } from "./schema.js";
import { RuleFileError, type Locate } from "../ruleset/validate.js";
import { parseDataFile, MAX_DATA_FILE_BYTES } from "../ruleset/yaml-source.js";

/** A config file as read and checked: its options, and where each sits for later problems. */
export interface ConfigFile {
  /** The path as shown in messages (relative to the working directory). */
  file: string;
  /** The file's text, for the digest `--cache` keys on. */
  text: string;
  data: ConfigData;
  locate: Locate;
  /** Options under the `"invite-lint"` key of a package.json. */
  isPackage: boolean;
}

export const showPath = (p: string) => relative(process.cwd(), p) || p;

/**
 * Reads and validates one config file (`explicit`: named by `--config`, where a package.json
 * is read whole). Rule packs and rule ids are checked by the resolver that loads the rules.
 */
export function readConfigFile(path: string, explicit: boolean): ConfigFile {
  const file = showPath(path);
  if (!existsSync(path)) throw new RuleFileError([{ file, line: 1, column: 1, message: "config file not found" }]);
  if (statSync(path).isDirectory())
    throw new RuleFileError([{ file, line: 1, column: 1, message: "config path is a folder, not a file" }]);
  if (statSync(path).size > MAX_DATA_FILE_BYTES)
    throw new RuleFileError([
      { file, line: 1, column: 1, message: `config file is larger than ${MAX_DATA_FILE_BYTES} bytes` },
    ]);
  const text = readFileSync(path, "utf8");
  const { data: raw, locate } = parseDataFile(text, file);
  const isPackage = path.endsWith("package.json") && !explicit;
  const data = isPackage
    ? validateConfig((raw as Record<string, unknown>)["invite-lint"], file, locate, ["invite-lint"])
    : validateConfig(raw, file, locate);
  return { file, text, data, locate, isPackage };
}
