// Which open files are notes. The editor sends what its selector matched (for VS Code, the
// `inviteLint.files` globs); the server then leaves out what `invite-lint FOLDER` leaves out
// when it walks the workspace folder, and the client's `ignores`.
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { ignore } from "../node/glob.js";
import { DEFAULT_IGNORES as FILE_IGNORES, NOTE_FILE, SKIP_DIRS, SKIP_FILES } from "../node/files.js";

/**
 * Left out unless the client says otherwise (`ignores`, .invite-lintignore syntax): what the
 * CLI leaves out of a folder walk by default (a repository's own documents, build output).
 */
export const DEFAULT_IGNORES = FILE_IGNORES;

type Matcher = (rel: string) => boolean;

export class NoteFiles {
  /** Per workspace folder: its .invite-lintignore (the one `invite-lint .` there would read). */
  private readonly ignoreFiles = new Map<string, Matcher>();
  private readonly ignores: Matcher;

  constructor(
    private readonly roots: string[],
    ignores: string[] = DEFAULT_IGNORES,
  ) {
    const ig = ignore().add(ignores);
    this.ignores = (rel) => ig.ignores(rel);
  }

  /** True when a folder walk from the file's workspace folder would lint `path`, less the client's ignores. */
  isNote(path: string): boolean {
    const name = basename(path);
    if (!NOTE_FILE.test(name) || SKIP_FILES.has(name)) return false;
    const root = this.rootOf(path);
    const rel = relative(root, path).split(sep).join("/");
    const dirs = rel.split("/").slice(0, -1);
    if (dirs.some((d) => d.startsWith(".") || SKIP_DIRS.has(d)) || name.startsWith(".")) return false;
    return !this.ignores(rel) && !this.ignoreFileOf(root)(rel);
  }

  /** Reads the .invite-lintignore files again (one of them changed). */
  forget(): void {
    this.ignoreFiles.clear();
  }

  /** The workspace folder the file is in (the innermost), or the file's own folder. */
  private rootOf(path: string): string {
    let best: string | undefined;
    for (const root of this.roots) {
      if (path.startsWith(root + sep) && (!best || root.length > best.length)) best = root;
    }
    return best ?? dirname(path);
  }

  private ignoreFileOf(root: string): Matcher {
    let m = this.ignoreFiles.get(root);
    if (!m) {
      const file = join(root, ".invite-lintignore");
      if (existsSync(file)) {
        const ig = ignore().add(readFileSync(file, "utf8"));
        m = (rel) => ig.ignores(rel);
      } else m = () => false;
      this.ignoreFiles.set(root, m);
    }
    return m;
  }
}

/**
 * A YAML or JSON file that holds no note at all (a compose file, a CI workflow, an app's
 * settings) is not a collection: the server leaves it alone instead of reporting its shape.
 * One entry that is a string or has `text` makes it a collection, whose other entries must
 * then be notes too.
 */
export function holdsNotes(data: unknown): boolean {
  const isNote = (v: unknown) =>
    typeof v === "string" || (typeof v === "object" && v !== null && !Array.isArray(v) && "text" in v);
  if (Array.isArray(data)) return data.some(isNote);
  if (typeof data === "object" && data !== null) return Object.values(data).some(isNote);
  return false;
}
