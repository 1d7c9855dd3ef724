// The near-duplicate check in the editor: a note is compared with the other note files of the
// folder it is in. Their fingerprints are cached per file, so a keystroke re-fingerprints only
// the note being edited and reads nothing from disk; a folder's listing is trusted until a
// file event, or for FRESH_MS without one (for clients that do not watch files), and a cached
// file is read again only when its size or modification time changed.
import { readdirSync, statSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import type { LintResult, RuleSetData } from "../engine/types.js";
import { NoteSet, DEFAULT_THRESHOLD, RULE_ID, type Fingerprint, type Fingerprinter } from "../engine/sameness.js";
import { documentFormat } from "../document-format.js";
import { splitDocument, type NoteUnit } from "../documents.js";
import { NOTE_FILE, SKIP_FILES } from "../node/files.js";
import { DEFAULT_MAX_BYTES, readText } from "../node/input.js";
import { addWarning, factsOf, fingerprinterFor, type NearDuplicateLevel } from "../node/sameness-pass.js";
import type { LintFilesOptions } from "../node/lint-files.js";

const FRESH_MS = 10_000;

/** File access, replaceable in tests. */
export interface FolderIo {
  list(dir: string): string[];
  stat(path: string): { mtimeMs: number; size: number } | undefined;
  read(path: string): string;
  now(): number;
}

export const nodeIo: FolderIo = {
  list: (dir) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith(".") && NOTE_FILE.test(e.name) && !SKIP_FILES.has(e.name))
      .map((e) => join(dir, e.name)),
  stat: (path) => statSync(path, { throwIfNoEntry: false }),
  read: (path) => readText(path, DEFAULT_MAX_BYTES, path),
  now: () => Date.now(),
};

interface Notes {
  names: string[];
  fingerprints: (Fingerprint | undefined)[];
}

/** An open document, by path: its version and text (the editor's copy wins over the disk's). */
export type OpenDocs = Map<string, { version: number; text: string }>;

export class FolderSameness {
  private readonly onDisk = new Map<string, Notes & { mtimeMs: number; size: number }>();
  private readonly inEditor = new Map<string, Notes & { version: number }>();
  private readonly listings = new Map<string, { at: number; files: string[] }>();
  private readonly fingerprinter: Fingerprinter;

  constructor(
    rules: RuleSetData,
    private readonly io: FolderIo = nodeIo,
  ) {
    this.fingerprinter = fingerprinterFor(rules);
    this.checkOrder = rules.scoring.checks.map((c) => c.id);
  }

  private readonly checkOrder: string[];

  /** Adds near-duplicate warnings to the results of the note file at `path` (results[i] is units[i]'s). */
  check(
    path: string,
    units: NoteUnit[],
    results: LintResult[],
    threshold: number | "off" = DEFAULT_THRESHOLD,
    open: OpenDocs = new Map(),
    overrides: LintFilesOptions["overrides"] = {},
    level: NearDuplicateLevel | "off" = "warning",
  ): void {
    if (threshold === "off" || level === "off") return;
    const dir = dirname(path);
    const local = (name: string) => (name.startsWith(dir + sep) ? name.slice(dir.length + 1) : name);
    const notes = new NoteSet();
    for (const u of units) notes.add(local(u.name), this.fingerprinter.fingerprint(u.text, factsOf(u, overrides)));
    for (const file of this.listing(dir)) {
      if (file === path) continue;
      const n = this.notesOf(file, open.get(file), overrides);
      n.names.forEach((name, i) => {
        notes.add(local(name), n.fingerprints[i]);
      });
    }
    if (notes.size < 2) return;
    const clustering = notes.cluster(threshold);
    units.forEach((u, i) => {
      const w = clustering.warning(i);
      if (w && !u.disable.includes(RULE_ID) && !u.disable.includes("generic") && results[i])
        addWarning(results[i]!, u, w, this.checkOrder, level);
    });
  }

  /** Files that changed on disk (a file event, a save): their fingerprints and their folders' listings are dropped. */
  forget(paths: string[]): void {
    for (const p of paths) {
      this.onDisk.delete(p);
      this.listings.delete(dirname(p));
    }
  }

  private listing(dir: string): string[] {
    const now = this.io.now();
    const cached = this.listings.get(dir);
    if (cached && now - cached.at < FRESH_MS) return cached.files;
    let files: string[] = [];
    try {
      files = this.io.list(dir).sort();
    } catch {
      // A folder that cannot be listed has no neighbours to compare with.
    }
    // On a fresh listing, a cached file whose size or time changed is read again.
    for (const f of files) {
      const known = this.onDisk.get(f);
      const st = known && this.io.stat(f);
      if (known && (!st || st.mtimeMs !== known.mtimeMs || st.size !== known.size)) this.onDisk.delete(f);
    }
    this.listings.set(dir, { at: now, files });
    return files;
  }

  private notesOf(
    file: string,
    open: { version: number; text: string } | undefined,
    overrides: LintFilesOptions["overrides"],
  ): Notes {
    if (open) {
      const cached = this.inEditor.get(file);
      if (cached?.version === open.version) return cached;
      const n = { ...this.fingerprint(file, open.text, overrides), version: open.version };
      this.inEditor.set(file, n);
      return n;
    }
    this.inEditor.delete(file);
    const cached = this.onDisk.get(file);
    if (cached) return cached;
    const st = this.io.stat(file);
    let n: Notes = { names: [], fingerprints: [] };
    try {
      n = this.fingerprint(file, this.io.read(file), overrides);
    } catch {
      // An unreadable file, or a collection that does not parse, is left out of the comparison.
    }
    this.onDisk.set(file, { ...n, mtimeMs: st?.mtimeMs ?? 0, size: st?.size ?? 0 });
    return n;
  }

  private fingerprint(file: string, text: string, overrides: LintFilesOptions["overrides"]): Notes {
    const names: string[] = [];
    const fingerprints: (Fingerprint | undefined)[] = [];
    for (const u of splitDocument(file, text, documentFormat(file))) {
      names.push(u.name);
      fingerprints.push(this.fingerprinter.fingerprint(u.text, factsOf(u, overrides)));
    }
    return { names, fingerprints };
  }
}
