// Which files a run lints. Folders are walked and globs expanded for the files the config's
// `files` patterns name, minus its `ignores` (added to the default ignores), the working
// directory's `.invite-lintignore` and `--ignore-pattern`; a file named on the command line is
// linted whatever its name, unless it is ignored: then it is skipped with a warning, as ESLint
// does. Patterns are gitignore syntax (src/node/patterns.ts).
import { type Dirent, existsSync, readFileSync, readdirSync, type Stats, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { InputError, describe } from "./input.js";
import { findConfig } from "../config/find.js";
import { PatternSet, ignoreFileLines, type IgnoreFactory, type SourcedPattern } from "./patterns.js";

/** What folders and globs lint when no config says `files`: plain notes, Markdown notes and collections. */
export const DEFAULT_FILES = ["*.txt", "*.text", "*.note", "*.md", "*.markdown", "*.yaml", "*.yml", "*.json"];

/**
 * Never linted unless a config re-includes them (`!docs/`) or `--no-ignore` is given: what a
 * repository of templates holds besides its notes. Dot files and folders (`.github/`, configs);
 * build output; documentation (`docs/`, and the README, changelog, licence and community files
 * at any depth); package and tool metadata.
 */
export const DEFAULT_IGNORES = [
  ".*",
  "dist/",
  "build/",
  "coverage/",
  "docs/",
  "README*",
  "CHANGELOG*",
  "CHANGES*",
  "HISTORY*",
  "LICENSE*",
  "LICENCE*",
  "COPYING*",
  "CONTRIBUTING*",
  "CODE_OF_CONDUCT*",
  "SECURITY*",
  "SUPPORT*",
  "AUTHORS*",
  "NOTICE*",
  "package.json",
  "package-lock.json",
  "npm-shrinkwrap.json",
  "pnpm-lock.yaml",
  "tsconfig*.json",
  "jsconfig.json",
  "action.yml",
  "action.yaml",
];

/** Folders a walk or glob never enters, even with `--no-ignore`. */
const NEVER_WALKED = new Set([".git", "node_modules"]);

// The defaults as plain tests, for the language server's listing of a folder's note files.
/** The default `files` as one test on a file name. */
export const NOTE_FILE = /\.(txt|text|note|md|markdown|ya?ml|json)$/i;
/** File names the default ignores skip among note files. */
export const SKIP_FILES = new Set([
  "package.json",
  "package-lock.json",
  "npm-shrinkwrap.json",
  "pnpm-lock.yaml",
  "tsconfig.json",
  "jsconfig.json",
  "action.yml",
  "action.yaml",
  ".invite-lintrc.yaml",
  ".invite-lintrc.yml",
  ".invite-lintrc.json",
  ".pre-commit-hooks.yaml",
]);
/** Folder names the default ignores (and walks) skip. */
export const SKIP_DIRS = new Set([...NEVER_WALKED, "dist", "build", "coverage", "docs"]);

const GLOB = /[*?[\]{}]/;
const IGNORE_FILE = ".invite-lintignore";

export interface ExpandOptions {
  cwd?: string;
  /** `--config`: that file's `files` and `ignores` for every path, relative to the working directory; false: `--no-config`, the defaults. */
  config?: string | false;
  /** `--no-ignore`: no ignores at all, neither defaults nor config nor `.invite-lintignore` nor `--ignore-pattern`. */
  noIgnore?: boolean;
  /** `--ignore-pattern` (gitignore syntax, relative to the working directory). */
  ignorePatterns?: string[];
  /** `--no-error-on-unmatched-pattern` sets this false: a path that names no note files is then no error. */
  errorOnUnmatchedPattern?: boolean;
  /** Told about each named file or folder that is skipped because it is ignored. */
  warn?: (message: string) => void;
}

/** The `files` and `ignores` of one config (or of none): patterns and the folder they are relative to. */
interface Selection {
  base: string;
  files: PatternSet;
  ignores: PatternSet;
}

/**
 * Expands the command line's paths: files as given, folders walked and globs matched for note
 * files. `-` stays `-` (stdin). Each path comes once, in the order found.
 */
export async function expandInputs(args: string[], options: ExpandOptions = {}): Promise<string[]> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const rules = await selectionRules(args, cwd, options);
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string, abs?: string) => {
    const key = p === "-" ? `-${out.length}` : (abs ?? resolve(cwd, p));
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  };
  const unmatched = (message: string) => {
    if (options.errorOnUnmatchedPattern !== false) throw new InputError(message);
  };
  for (const arg of args) {
    if (arg === "-") {
      add(arg);
      continue;
    }
    const abs = resolve(cwd, arg);
    let st: Stats | undefined;
    try {
      st = statSync(abs, { throwIfNoEntry: false });
    } catch (error) {
      throw new InputError(`${arg}: ${describe(error)}`);
    }
    if (!st && GLOB.test(arg)) {
      const { globSync } = await import("./glob.js");
      const found = globSync(arg, {
        cwd,
        onlyFiles: true,
        ignore: ["**/node_modules/**", "**/.git/**"],
        expandDirectories: false,
      }).sort();
      const root = resolve(cwd, globRoot(arg));
      let kept = 0;
      for (const f of found) {
        const abs = resolve(cwd, f);
        const s = rules.known(dirname(abs)) ?? (await rules.forFolder(dirname(abs)));
        if (rules.isNote(s, abs, root) && !rules.ignored(s, abs, false, root)) {
          add(f, abs);
          kept++;
        }
      }
      if (kept === 0)
        unmatched(`${arg}: no files match${found.length ? ` (${found.length} ignored or not note files)` : ""}`);
      continue;
    }
    if (!st) {
      unmatched(`${arg}: no such file or folder`);
      continue;
    }
    const folder = dirname(abs);
    const hit = rules.ignored(rules.known(folder) ?? (await rules.forFolder(folder)), abs, st.isDirectory(), folder);
    if (hit) {
      options.warn?.(`${arg}: ignored by ${hit.source} ("${hit.pattern}"), skipped; --no-ignore lints it`);
      continue;
    }
    if (!st.isDirectory()) {
      add(arg, abs);
      continue;
    }
    const before = out.length;
    const walk = async (dir: string, depth: number) => {
      if (depth > 32) return;
      const here = resolve(cwd, dir);
      const s = rules.known(here) ?? (await rules.forFolder(here));
      let entries: Dirent[];
      try {
        entries = readdirSync(here, { withFileTypes: true });
      } catch (error) {
        throw new InputError(`${dir}: ${describe(error)}`);
      }
      for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (NEVER_WALKED.has(e.name)) continue;
        const full = join(dir, e.name);
        const path = join(here, e.name);
        if (e.isDirectory()) {
          if (!rules.ignored(s, path, true, abs)) await walk(full, depth + 1);
        } else if (e.isFile() && rules.isNote(s, path, abs) && !rules.ignored(s, path, false, abs)) {
          add(full, path);
        }
      }
    };
    await walk(arg, 0);
    if (out.length === before) unmatched(`${arg}: folder has no note files (see "files" and "ignores" in the README)`);
  }
  return out;
}

/** The folder a glob starts in: its part before the first segment with a wildcard. */
function globRoot(glob: string): string {
  const parts = glob.split("/");
  const i = parts.findIndex((p) => GLOB.test(p));
  return parts.slice(0, i).join("/") || ".";
}

/**
 * A path relative to `base` with `/` ("" for `base` itself, which no pattern matches); outside
 * it, relative to `root` (the folder named on the command line), else its name.
 */
function relativeTo(path: string, base: string, root: string): string {
  // Most paths are below the base: a prefix is cheaper than path.relative for thousands of files.
  if (path.startsWith(base) && path[base.length] === sep)
    return sep === "/"
      ? path.slice(base.length + 1)
      : path
          .slice(base.length + 1)
          .split(sep)
          .join("/");
  const inside = (rel: string) => rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  const rel = relative(base, path);
  if (inside(rel)) return rel.split(sep).join("/");
  const fromRoot = relative(root, path);
  return inside(fromRoot) && fromRoot !== "" ? fromRoot.split(sep).join("/") : basename(path);
}

interface SelectionRules {
  /** The selection that applies to the entries of a folder: its nearest config's, or the defaults. */
  forFolder(dir: string): Promise<Selection>;
  /** The same, when it is ready (a folder already seen): no turn of the event loop for each file. */
  known(dir: string): Selection | undefined;
  /** Whether a file found in a folder or by a glob is a note file (`files`). */
  isNote(s: Selection, path: string, root: string): boolean;
  /** The pattern that ignores a file or folder, if any: the config's and default ignores, then `.invite-lintignore` and `--ignore-pattern`. */
  ignored(s: Selection, path: string, dir: boolean, root: string): SourcedPattern | undefined;
}

async function selectionRules(args: string[], cwd: string, options: ExpandOptions): Promise<SelectionRules> {
  // The `ignore` package loads only for patterns that need it (a slash inside, `**`, `!`).
  let factory: IgnoreFactory | undefined;
  const setOf = async (patterns: SourcedPattern[]) => {
    if (!factory && !PatternSet.simple(patterns.map((p) => p.pattern))) factory = (await import("./glob.js")).ignore;
    return new PatternSet(patterns, factory);
  };
  const noIgnore = options.noIgnore === true;
  const cliPatterns: SourcedPattern[] = [];
  if (!noIgnore && args.some((a) => a !== "-")) {
    const file = join(cwd, IGNORE_FILE);
    if (existsSync(file))
      for (const pattern of ignoreFileLines(readFileSync(file, "utf8")))
        cliPatterns.push({ pattern, source: IGNORE_FILE });
    for (const pattern of options.ignorePatterns ?? [])
      cliPatterns.push({ pattern: pattern.replace(/^(!?)\.\//, "$1/"), source: "--ignore-pattern" });
  }
  const cliSet = await setOf(cliPatterns);

  const selection = async (
    base: string,
    data: { files?: string[]; ignores?: string[] } | undefined,
    file: string | undefined,
  ): Promise<Selection> => ({
    base,
    files: await setOf(
      (data?.files ?? DEFAULT_FILES).map((pattern) => ({
        pattern,
        source: file ? `"files" in ${file}` : "the default files",
      })),
    ),
    ignores: await setOf(
      noIgnore
        ? []
        : [
            ...DEFAULT_IGNORES.map((pattern) => ({ pattern, source: "the default ignores" })),
            ...(data?.ignores ?? []).map((pattern) => ({ pattern, source: `"ignores" in ${file}` })),
          ],
    ),
  });
  let defaults: Promise<Selection> | undefined;
  const byConfig = new Map<string, Promise<Selection>>();
  const searched = new Map<string, string | undefined>();
  const load = (configPath: string, explicit: boolean): Promise<Selection> => {
    let s = byConfig.get(configPath);
    if (!s) {
      s = import("../config/read.js").then(({ readConfigFile }) => {
        const { data, file } = readConfigFile(configPath, explicit);
        return selection(explicit ? cwd : dirname(configPath), data, file);
      });
      byConfig.set(configPath, s);
    }
    return s;
  };
  const ready = new Map<string, Selection>();
  return {
    async forFolder(dir) {
      let s: Promise<Selection>;
      if (typeof options.config === "string") s = load(resolve(cwd, options.config), true);
      else {
        const c = options.config === false ? undefined : findConfig(dir, searched);
        s = c ? load(c, false) : (defaults ??= selection(cwd, undefined, undefined));
      }
      const selected = await s;
      ready.set(dir, selected);
      return selected;
    },
    known: (dir) => ready.get(dir),
    isNote: (s, path, root) => s.files.match(relativeTo(path, s.base, root), false) !== undefined,
    ignored: (s, path, dir, root) =>
      (s.ignores.size ? s.ignores.match(relativeTo(path, s.base, root), dir) : undefined) ??
      (cliSet.size ? cliSet.match(relativeTo(path, cwd, root), dir) : undefined),
  };
}
