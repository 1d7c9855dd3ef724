import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { InputError, describe } from "./input.js";

/** Files a folder walk lints: plain notes, Markdown notes and collections. */
export const NOTE_FILE = /\.(txt|text|note|md|markdown|ya?ml|json)$/i;
export const SKIP_FILES = new Set(["package.json", "package-lock.json", "tsconfig.json", ".invite-lintrc.yaml", ".invite-lintrc.yml", ".invite-lintrc.json", ".pre-commit-hooks.yaml", "action.yml"]);
export const SKIP_DIRS = new Set(["node_modules", ".git", "dist", "coverage"]);
const GLOB = /[*?[\]{}]/;

/** `.invite-lintignore` as a predicate on paths relative to `cwd`; the parser loads only when the file exists. */
async function loadIgnore(cwd: string): Promise<(rel: string) => boolean> {
  const file = join(cwd, ".invite-lintignore");
  if (!existsSync(file)) return () => false;
  const ig = (await import("./glob.js")).ignore().add(readFileSync(file, "utf8"));
  return (rel) => ig.ignores(rel);
}

/**
 * Expands the command line's paths: files as given, folders walked for note files,
 * globs matched; `.invite-lintignore` (gitignore syntax, in the working directory) applies
 * to what folders and globs find. `-` stays `-` (stdin).
 */
export async function expandInputs(args: string[], cwd = process.cwd()): Promise<string[]> {
  // One stat a path; a path that does not exist may be a glob.
  const stats = args.map((a) => {
    if (a === "-") return undefined;
    try {
      return statSync(a, { throwIfNoEntry: false });
    } catch (error) {
      throw new InputError(`${a}: ${describe(error)}`);
    }
  });
  const needsWalk = args.some((a, i) => a !== "-" && (!stats[i] || stats[i]!.isDirectory()));
  const ignores = needsWalk ? await loadIgnore(cwd) : () => false;
  const ignored = (p: string) => {
    const rel = relative(cwd, p).split(sep).join("/");
    return rel !== "" && !rel.startsWith("..") && ignores(rel);
  };
  const out: string[] = [];
  for (const [i, arg] of args.entries()) {
    const st = stats[i];
    if (arg === "-") {
      out.push(arg);
      continue;
    }
    if (!st && GLOB.test(arg)) {
      const { globSync } = await import("./glob.js");
      const found = globSync(arg, { cwd, onlyFiles: true, ignore: ["**/node_modules/**", "**/.git/**"], expandDirectories: false }).sort();
      const kept = found.filter((f) => !ignored(join(cwd, f)));
      if (kept.length === 0) throw new InputError(`${arg}: no files match`);
      out.push(...kept);
      continue;
    }
    if (!st) throw new InputError(`${arg}: no such file or folder`);
    if (!st.isDirectory()) {
      out.push(arg);
      continue;
    }
    const before = out.length;
    const walk = (dir: string, depth: number) => {
      if (depth > 32) return;
      for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = join(dir, e.name);
        if (e.name.startsWith(".") || ignored(full)) continue;
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) walk(full, depth + 1);
        } else if (e.isFile() && NOTE_FILE.test(e.name) && !SKIP_FILES.has(e.name)) {
          out.push(full);
        }
      }
    };
    walk(arg, 0);
    if (out.length === before) throw new InputError(`${arg}: folder has no note files (.txt, .md, .yaml, .json)`);
  }
  return out;
}
