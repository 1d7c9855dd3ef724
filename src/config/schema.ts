import type { RuleSetting, SeveritySetting } from "../engine/types.js";
import { RuleFileError, isObject, type Locate, type Problem } from "../ruleset/validate.js";
import { validateSameness, type SamenessConfig } from "./sameness.js";

/** The options a config file may set (`.invite-lintrc.yaml` and friends). */
export interface ConfigData {
  minScore?: number;
  account?: "free" | "premium";
  limit?: number;
  template?: boolean;
  /** Characters a name merge field counts for in a template (default 8). */
  nameLength?: number;
  lang?: string;
  allow?: string[];
  /** Paths of the user's own rule packs (folders of rule YAML files), relative to the config file. */
  rules?: string[];
  /** Per rule or per check: off | info | warning | error, or { severity, weight }. */
  settings?: Record<string, SeveritySetting | RuleSetting>;
  maxWarnings?: number;
  /** The near-duplicate check across the notes of a run (src/config/sameness.ts). */
  sameness?: SamenessConfig;
  /** Which files folders and globs lint (gitignore-style patterns, relative to the config's folder); replaces the defaults. */
  files?: string[];
  /** Files and folders never linted, added to the default ignores (`!pattern` lints one the defaults skip). */
  ignores?: string[];
  /** Markdown files read as a note per section under a heading. */
  sections?: string[];
}

const KEYS = [
  "minScore",
  "account",
  "limit",
  "template",
  "nameLength",
  "lang",
  "allow",
  "rules",
  "settings",
  "maxWarnings",
  "sameness",
  "files",
  "ignores",
  "sections",
];

/**
 * A path pattern as gitignore writes it, relative to the config's folder. A leading `./` is
 * the same as `/` (this folder); patterns that leave the folder cannot match anything in it.
 */
function checkPattern(p: string): string | undefined {
  const body = p.startsWith("!") ? p.slice(1) : p;
  if (body.trim() === "") return "is empty";
  if (/^[a-zA-Z]:[\\/]/.test(body)) return "is an absolute path; patterns are relative to the config's folder";
  if (/(^|\/)\.\.(\/|$)/.test(body)) return 'goes outside the config\'s folder ("..")';
  if (body.includes("\\")) return "uses a backslash: write paths with /";
  return undefined;
}
const normalizePattern = (p: string) => p.replace(/^(!?)\.\//, "$1/");
const SEVERITIES = ["off", "info", "warning", "error"];

/** Validates a parsed config object; problems point at file:line:column. */
export function validateConfig(
  raw: unknown,
  file: string,
  locate: Locate,
  prefix: (string | number)[] = [],
): ConfigData {
  const problems: Problem[] = [];
  const fail = (path: (string | number)[], message: string, key = false) => {
    const p = locate([...prefix, ...path], key);
    problems.push({ file, line: p.line, column: p.column, message });
  };
  if (raw === null || raw === undefined) return {};
  if (!isObject(raw)) {
    fail([], "configuration must be a mapping of options");
    throw new RuleFileError(problems);
  }
  const out: ConfigData = {};
  for (const [key, v] of Object.entries(raw)) {
    // A key left with only comments under it (`settings:`) means "not set".
    if (v === null && KEYS.includes(key)) continue;
    switch (key) {
      case "minScore":
      case "limit":
      case "nameLength":
      case "maxWarnings": {
        const max =
          key === "minScore" ? 100 : key === "limit" ? 100000 : key === "nameLength" ? 100 : Number.MAX_SAFE_INTEGER;
        if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > max)
          fail([key], `"${key}" must be a whole number from 0 to ${max}`);
        else out[key] = v;
        break;
      }
      case "account":
        if (v !== "free" && v !== "premium") fail([key], `"account" must be "free" or "premium"`);
        else out.account = v;
        break;
      case "template":
        if (typeof v !== "boolean") fail([key], `"template" must be true or false`);
        else out.template = v;
        break;
      case "lang":
        if (typeof v !== "string" || !/^(?:auto|[a-z]{2})$/.test(v))
          fail([key], `"lang" must be "auto" or a two-letter language code`);
        else out.lang = v;
        break;
      case "allow":
      case "rules":
        if (!Array.isArray(v) || v.some((x) => typeof x !== "string" || x.trim() === ""))
          fail([key], `"${key}" must be a list of strings`);
        else out[key] = v as string[];
        break;
      case "settings":
        if (!isObject(v)) {
          fail([key], `"settings" must map rule or check ids to a severity or { severity, weight }`);
          break;
        }
        out.settings = {};
        for (const [id, s] of Object.entries(v)) {
          if (typeof s === "string") {
            if (!SEVERITIES.includes(s)) fail([key, id], `severity of "${id}" must be one of ${SEVERITIES.join(", ")}`);
            else out.settings[id] = s as SeveritySetting;
          } else if (isObject(s)) {
            const setting: RuleSetting = {};
            for (const [k, x] of Object.entries(s)) {
              if (k === "severity" && typeof x === "string" && SEVERITIES.includes(x))
                setting.severity = x as SeveritySetting;
              else if (k === "weight" && typeof x === "number" && x >= 0 && x <= 100) setting.weight = x;
              else
                fail(
                  [key, id, k],
                  k === "severity" || k === "weight"
                    ? `invalid ${k} for "${id}"`
                    : `unknown key "${k}" (use severity or weight)`,
                  k !== "severity" && k !== "weight",
                );
            }
            out.settings[id] = setting;
          } else fail([key, id], `setting of "${id}" must be a severity or { severity, weight }`);
        }
        break;
      case "files":
      case "ignores":
      case "sections": {
        if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== "string")) {
          fail([key], `"${key}" must be a non-empty list of path patterns (gitignore syntax, e.g. "*.md", "drafts/")`);
          break;
        }
        const list = v as string[];
        for (const [i, p] of list.entries()) {
          const bad = checkPattern(p);
          if (bad) fail([key, i], `pattern "${p}" in "${key}" ${bad}`);
        }
        out[key] = list.map(normalizePattern);
        break;
      }
      case "sameness": {
        const r = validateSameness(v);
        if ("value" in r) out.sameness = r.value;
        else fail([key, ...r.path], r.message, r.key);
        break;
      }
      default:
        fail([key], `unknown option "${key}" (known: ${KEYS.join(", ")})`, true);
    }
  }
  if (problems.length) throw new RuleFileError(problems);
  return out;
}
