/**
 * `--cache`: the results of each file as they were, reused while the file, its config and the
 * run's rules and options are unchanged (ESLint's --cache, keyed by content rather than mtime,
 * so a fresh checkout in CI still hits). A file's entry holds its results before near-duplicate
 * warnings, and each note's near-duplicate fingerprint, so a re-run reads and hashes the files
 * but lints and fingerprints nothing. The cache is one JSON file, written whole (to a temporary
 * file, then renamed) at the end of a run that finished; one that cannot be read, from another
 * version or another rule set, is ignored and replaced.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { LintResult } from "../engine/types.js";
import type { Fingerprint } from "../engine/sameness.js";
import { describe } from "./input.js";

export const DEFAULT_CACHE_FILE = ".invite-lintcache";
const FORMAT = 1;

/** A note's fingerprint in the cache file. */
interface StoredFingerprint {
  signature: string;
  shingles: number;
  words: number;
  values: number[];
  sentences: number[];
}

/** What the near-duplicate pass needs of a note without reading it again. */
export interface CachedNote {
  name: string;
  fingerprint?: Fingerprint;
  /** The note takes no near-duplicate warning (disabled, or its check is off). */
  exempt: boolean;
}

export interface CachedFile {
  key: string;
  /** Results before near-duplicate warnings. */
  results: LintResult[];
  /** Each note's offset in the file where whole-note findings sit. */
  leads: number[];
  /** Whether the entry holds the notes as the near-duplicate pass saw them (see `notes`). */
  hasNotes: boolean;
}

/** An entry as the cache file holds it: results and notes as JSON text, parsed only for a file that is linted again. */
interface StoredFile {
  key: string;
  results: string;
  leads: number[];
  notes?: string;
}

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");

/** Where the cache lives: `--cache-location` as a file, or a folder (existing, or written with a trailing slash) to put it in. */
export function cacheFile(location: string | undefined, cwd = process.cwd()): string {
  if (location === undefined) return resolve(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  const isDir = /[\\/]$/.test(location) || (existsSync(path) && statSync(path).isDirectory());
  return isDir ? join(path, DEFAULT_CACHE_FILE) : path;
}

export class ResultCache {
  private readonly run: string;
  private readonly files: Map<string, StoredFile>;
  private changed = false;

  /** `run`: what every result depends on besides its file and config (version, rules, options). */
  constructor(
    readonly path: string,
    run: unknown,
  ) {
    this.run = sha1(JSON.stringify(run));
    this.files = this.load();
  }

  private load(): Map<string, StoredFile> {
    try {
      if (!existsSync(this.path)) return new Map();
      const data = JSON.parse(readFileSync(this.path, "utf8")) as { format?: unknown; run?: unknown; files?: unknown };
      if (data.format !== FORMAT || data.run !== this.run || typeof data.files !== "object" || data.files === null) {
        this.changed = true;
        return new Map();
      }
      return new Map(Object.entries(data.files as Record<string, StoredFile>));
    } catch {
      // Unreadable or corrupt: start afresh, and write a good one at the end.
      this.changed = true;
      return new Map();
    }
  }

  /** The key of a file's entry: its text and the digest of the config it is linted with. */
  key(text: string, configDigest: string): string {
    return sha1(`${configDigest}\u0000${text}`);
  }

  /** The results of `file`'s entry if its key is `key`: new objects, the caller's to change. */
  get(file: string, key: string): CachedFile | undefined {
    const f = this.entry(file, key);
    if (!f) return undefined;
    try {
      return { key, results: JSON.parse(f.results) as LintResult[], leads: f.leads, hasNotes: f.notes !== undefined };
    } catch {
      return undefined;
    }
  }

  /** The near-duplicate notes of `file`'s entry if its key is `key` (its results are not parsed). */
  notes(file: string, key: string): CachedNote[] | undefined {
    const f = this.entry(file, key);
    if (f?.notes === undefined) return undefined;
    try {
      return parseNotes(f.notes);
    } catch {
      return undefined;
    }
  }

  private entry(file: string, key: string): StoredFile | undefined {
    const f = this.files.get(resolve(file));
    return f && f.key === key && typeof f.results === "string" && Array.isArray(f.leads) ? f : undefined;
  }

  /** Keeps an entry; `results` is the JSON text of the file's results before near-duplicate warnings. */
  set(file: string, entry: { key: string; results: string; leads: number[]; notes?: CachedNote[] }): void {
    this.changed = true;
    this.files.set(resolve(file), {
      key: entry.key,
      results: entry.results,
      leads: entry.leads,
      ...(entry.notes
        ? {
            notes: JSON.stringify(
              entry.notes.map((n) => ({
                name: n.name,
                exempt: n.exempt,
                ...(n.fingerprint ? { fingerprint: toStored(n.fingerprint) } : {}),
              })),
            ),
          }
        : {}),
    });
  }

  /** Adds the near-duplicate notes to an entry that has none. */
  addNotes(file: string, notes: CachedNote[]): void {
    const f = this.files.get(resolve(file));
    if (f) this.set(file, { key: f.key, results: f.results, leads: f.leads, notes });
  }

  /** Writes the cache when something changed; returns why it could not be written, if it could not. */
  save(): string | undefined {
    if (!this.changed) return undefined;
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      // `--cache-location .cache/` names a folder that may not be there yet, as ESLint allows.
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileSync(tmp, JSON.stringify({ format: FORMAT, run: this.run, files: Object.fromEntries(this.files) }));
      renameSync(tmp, this.path);
    } catch (error) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // No temporary file was made where the folder cannot be.
      }
      return `cache not written to ${this.path}: ${describe(error)}`;
    }
    this.changed = false;
    return undefined;
  }
}

function toStored(f: Fingerprint): StoredFingerprint {
  return {
    signature: Buffer.from(f.signature).toString("hex"),
    shingles: f.shingles,
    words: f.words,
    values: [...f.values],
    sentences: [...f.sentences],
  };
}

function parseNotes(text: string): CachedNote[] {
  return (JSON.parse(text) as { name: string; fingerprint?: StoredFingerprint; exempt: boolean }[]).map((n) => ({
    name: n.name,
    exempt: n.exempt,
    ...(n.fingerprint ? { fingerprint: fromStored(n.fingerprint) } : {}),
  }));
}

function fromStored(s: StoredFingerprint): Fingerprint {
  return {
    signature: new Uint8Array(Buffer.from(s.signature, "hex")),
    shingles: s.shingles,
    words: s.words,
    values: Uint32Array.from(s.values),
    sentences: Uint32Array.from(s.sentences),
  };
}
