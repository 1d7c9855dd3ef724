/**
 * --fix and --fix-dry-run, as ESLint has them. The fixes are the rules' own (`fix:` in the rule
 * YAML, computed by the engine for each finding, the same the language server offers as quick
 * fixes). A file is fixed in passes: lint, apply the fixes that do not overlap (ESLint's rule: a
 * fix that starts at or before the end of the one before waits), lint the result again, up to
 * 10 passes. The report is then of the fixed text.
 *
 * What is written, and when: only files the run linted as notes, only once every input has been
 * read and linted without an error, each through a temporary file renamed over it (its mode
 * kept), and not when its content changed since it was read.
 */
import {
  chmodSync,
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { LintResult, Message, RuleSetData } from "../engine/types.js";
import { builtinRules } from "../builtin.js";
import { documentFormat, type DocumentFormat } from "../document-format.js";
import type { NoteUnit } from "../documents.js";
import { plainUnit } from "../note-unit.js";
import { UsageError } from "../errors.js";
import { configSource, lookupName } from "../config/resolve.js";
import { DEFAULT_MAX_BYTES, decode, describe, readText } from "./input.js";
import { lintRun, lintUnits, type LintFilesOptions, type LintRun } from "./lint-files.js";
import { entryScalars, fixScalar, type EntryScalar, type RawFix } from "./fix-collection.js";

export type FixMode = "write" | "dry-run";

/** ESLint's limit: a file is linted and fixed at most this many times. */
export const MAX_PASSES = 10;

/** A fix of one note, in file offsets. */
interface Candidate extends RawFix {
  unit: number;
  ruleId: string;
}

export interface FixSourceOptions {
  /** The file's name in warnings (and its notes' names come from `lint`). */
  name: string;
  format: DocumentFormat;
  /** Lints a text of the file: its notes and one result for each, with fixes in file offsets. */
  lint(text: string): { units: NoteUnit[]; results: LintResult[] };
  /** Which findings' fixes are made (`--quiet`: errors only, as ESLint). */
  accept?: (m: Message) => boolean;
  /** Rules whose fix is a last resort (the `trim` of the sign-off): made only in a pass where the note has no other fix. */
  lastResort?: ReadonlySet<string>;
  /** The file is JSON and must stay JSON. */
  json?: boolean;
}

export interface FixedSource {
  /** The file's text with the fixes made; the same string when none was. */
  text: string;
  /** The fixed text of each note a fix changed, by its name: a whole plain or Markdown file, a collection entry's text. */
  outputs: Map<string, string>;
  /** Fixes not made, one line each (without the program name). */
  warnings: string[];
  /** Passes that changed the text. */
  passes: number;
}

/** Fixes one file's text in passes; reads and writes nothing itself. */
export function fixSource(source: string, o: FixSourceOptions): FixedSource {
  const warnings = new Set<string>();
  const warn = (line: string) => void warnings.add(line);
  let text = source;
  let previous: string | undefined;
  let passes = 0;
  /** The notes of the file as read, and of the text last linted. */
  let first: NoteUnit[] | undefined;
  let last: { text: string; units: NoteUnit[] } | undefined;
  while (passes < MAX_PASSES) {
    let linted: ReturnType<FixSourceOptions["lint"]>;
    try {
      linted = o.lint(text);
      first ??= linted.units;
      last = { text, units: linted.units };
    } catch (error) {
      // Not expected (each pass checks what it wrote): the last pass left the file unreadable as notes, so it is taken back.
      if (previous === undefined) throw error;
      warn(`${o.name}: the fixes of pass ${passes} not made: the file no longer read as notes`);
      text = previous;
      passes--;
      break;
    }
    const picked = pick(linted, o, warn);
    if (!picked.length) break;
    const next = apply(text, picked, linted.units, o, warn);
    if (next === text) break;
    previous = text;
    text = next;
    passes++;
  }
  const outputs =
    text === source
      ? new Map<string, string>()
      : outputsOf(source, text, o, first ?? [], () => (last?.text === text ? last.units : o.lint(text).units));
  return { text, outputs, warnings: [...warnings], passes };
}

/** The fixes of one pass: accepted, last resorts only for notes with no other, no overlaps, no note left empty. */
function pick(
  linted: { units: NoteUnit[]; results: LintResult[] },
  o: FixSourceOptions,
  warn: (line: string) => void,
): Candidate[] {
  const all: Candidate[] = [];
  linted.results.forEach((r, unit) => {
    for (const m of r.messages)
      if (m.fix && (o.accept?.(m) ?? true)) all.push({ unit, ruleId: m.ruleId, range: m.fix.range, text: m.fix.text });
  });
  const first = new Set(all.filter((c) => !o.lastResort?.has(c.ruleId)).map((c) => c.unit));
  const sorted = all
    .filter((c) => !o.lastResort?.has(c.ruleId) || !first.has(c.unit))
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const out: Candidate[] = [];
  let last = -Infinity;
  for (const c of sorted) {
    if (last >= c.range[0] || c.range[0] > c.range[1]) continue;
    out.push(c);
    last = c.range[1];
  }
  // A note is never fixed into nothing (a note that is only LinkedIn's stock text needs new words, not none).
  const byUnit = new Map<number, RawFix[]>();
  for (const c of out) {
    const u = linted.units[c.unit]!;
    const mine = byUnit.get(c.unit) ?? [];
    mine.push({ range: [inNote(u, c.range[0]), inNote(u, c.range[1])], text: c.text });
    byUnit.set(c.unit, mine);
  }
  const emptied = new Set<number>();
  for (const [unit, mine] of byUnit) {
    const u = linted.units[unit]!;
    if (u.text.trim() !== "" && applyAll(u.text, mine).trim() === "") {
      emptied.add(unit);
      warn(`${u.name}: fixes not made: they would leave the note empty`);
    }
  }
  return emptied.size ? out.filter((c) => !emptied.has(c.unit)) : out;
}

/** A file offset as an offset in the note's text (read off `offsets` for a decoded entry). */
function inNote(u: NoteUnit, at: number): number {
  if (!u.offsets) return at - u.offset;
  const i = u.offsets.findIndex((o) => o >= at);
  return i === -1 ? u.text.length : i;
}

/** Text with non-overlapping edits made. */
function applyAll(text: string, edits: RawFix[]): string {
  let out = "";
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.range[0] - b.range[0])) {
    out += text.slice(at, e.range[0]) + e.text;
    at = e.range[1];
  }
  return out + text.slice(at);
}

function apply(
  text: string,
  picked: Candidate[],
  units: NoteUnit[],
  o: FixSourceOptions,
  warn: (line: string) => void,
): string {
  if (o.format === "collection") return applyInCollection(text, picked, units, o, warn);
  if (o.format === "markdown")
    return applyAll(
      text,
      picked.flatMap((c) => markdownEdit(text, c, units[c.unit]!, warn)),
    );
  return applyAll(text, picked);
}

/**
 * Markdown notes are linted with markup blanked out, in place: a fix may take blanks that were
 * markup in the file. A removal stops where the markup starts; any other fix across markup
 * is not made.
 */
function markdownEdit(source: string, c: Candidate, unit: NoteUnit, warn: (line: string) => void): RawFix[] {
  const [a, b] = c.range;
  const linted = unit.text.slice(a - unit.offset, b - unit.offset);
  const inFile = source.slice(a, b);
  if (linted === inFile) return [c];
  let same = 0;
  while (same < linted.length && linted[same] === inFile[same]) same++;
  if (c.text === "" && same > 0 && linted.slice(same).trim() === "") return [{ range: [a, a + same], text: "" }];
  warn(`${unit.name}: a ${c.ruleId} fix not made: it crosses Markdown markup`);
  return [];
}

/** Fixes inside a collection's entries: each scalar edited in its own style, the rest of the file as it was. */
function applyInCollection(
  text: string,
  picked: Candidate[],
  units: NoteUnit[],
  o: FixSourceOptions,
  warn: (line: string) => void,
): string {
  const scalars = entryScalars(o.name, text);
  if (!scalars) {
    warn(`${o.name}: fixes not made: the file does not parse as one YAML document`);
    return text;
  }
  const byName = new Map(scalars.map((s) => [s.name, s]));
  const byScalar = new Map<EntryScalar, Candidate[]>();
  for (const c of picked) {
    const s = byName.get(units[c.unit]!.name);
    if (!s || c.range[0] < s.from || c.range[1] > s.to) {
      warn(`${units[c.unit]!.name}: a ${c.ruleId} fix not made: it is not inside the entry's text`);
      continue;
    }
    const mine = byScalar.get(s) ?? [];
    mine.push(c);
    byScalar.set(s, mine);
  }
  const edits: (RawFix & { name: string; value: string })[] = [];
  for (const [s, fixes] of byScalar) {
    const done = fixScalar(text, s, fixes);
    for (const skip of done.skipped) {
      const c = fixes.find((f) => f.range[0] === skip.fix.range[0] && f.range[1] === skip.fix.range[1]);
      warn(`${s.name}: a ${c?.ruleId ?? "rule"} fix not made: ${skip.reason}`);
    }
    if (done.edit)
      edits.push({
        range: [done.edit.start, done.edit.end],
        text: done.edit.text,
        name: s.name,
        value: done.edit.value,
      });
  }
  if (!edits.length) return text;
  const next = applyAll(text, edits);
  // The whole file again: every entry still there, the fixed ones with their fixed text, the others as they were.
  const after = entryScalars(o.name, next);
  const expected = new Map(scalars.map((s) => [s.name, s.value]));
  for (const e of edits) expected.set(e.name, e.value);
  const same =
    after !== undefined && after.length === scalars.length && after.every((s) => expected.get(s.name) === s.value);
  if (!same || (o.json && !isJson(next) && isJson(text))) {
    warn(`${o.name}: fixes not made: the file would not read back as the fixed notes`);
    return text;
  }
  return next;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * What each changed note now reads: a plain or Markdown file whole; a section of a Markdown
 * collection its part of the file; a collection entry its text.
 */
function outputsOf(
  source: string,
  text: string,
  o: FixSourceOptions,
  before: NoteUnit[],
  after: () => NoteUnit[],
): Map<string, string> {
  const out = new Map<string, string>();
  if (o.format === "collection") {
    const was = new Map((entryScalars(o.name, source) ?? []).map((s) => [s.name, s.value]));
    for (const s of entryScalars(o.name, text) ?? []) if (was.get(s.name) !== s.value) out.set(s.name, s.value);
  } else if (before.every((u) => u.name === o.name)) {
    out.set(o.name, text);
  } else {
    const was = new Map(before.map((u) => [u.name, source.slice(u.offset, u.offset + u.text.length)]));
    for (const u of after()) {
      const now = text.slice(u.offset, u.offset + u.text.length);
      if (was.get(u.name) !== now) out.set(u.name, now);
    }
  }
  return out;
}

/** Rules whose fix cuts the note to the limit: the last resort. */
function lastResortRules(rules: RuleSetData): Set<string> {
  return new Set(rules.rules.filter((r) => r.fix?.action === "trim").map((r) => r.id));
}

export interface FixRunOptions {
  mode: FixMode;
  /** `--quiet`: only the fixes of errors are made, as ESLint does. */
  quiet?: boolean;
}

/**
 * A lint run with fixes: every input is read, linted and fixed in memory first (an input or
 * config error ends the run before anything is written); then `--fix` writes the files that
 * changed, and the run's results are those of the fixed text, each fixed note with its `output`.
 */
export async function fixRun(paths: string[], options: LintFilesOptions, fix: FixRunOptions): Promise<LintRun> {
  const inputs = paths.length ? paths : ["-"];
  if (fix.mode === "write" && inputs.includes("-")) {
    throw new UsageError(
      "--fix cannot write back to stdin; use --fix-dry-run (with --format json, the fixed text is each note's output)",
    );
  }
  const base = options.rules ?? builtinRules;
  const configs = await configSource(options, inputs, base);
  const formatOf = (p: string) =>
    p === "-" ? (options.stdinFilename ? documentFormat(options.stdinFilename) : "text") : documentFormat(p);
  const documents = inputs.some((p) => formatOf(p) !== "text") ? await import("../documents.js") : undefined;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const accept = fix.quiet ? (m: Message) => m.severity === "error" : undefined;
  /** Each file once, by its real path; another name for a file already read is an alias of the first. */
  const seen = new Map<string, string>();
  const aliases: { alias: string; of: string }[] = [];
  const changed: { path: string; key: string; read: string; fixed: FixedSource }[] = [];
  const warnings: string[] = [];
  let stdin: string | undefined;
  for (const p of inputs) {
    const isStdin = p === "-";
    const key = isStdin ? "-" : realPath(p);
    const first = seen.get(key);
    if (first !== undefined) {
      if (first !== p) aliases.push({ alias: p, of: first });
      continue;
    }
    seen.set(key, p);
    const name = isStdin ? (options.stdinFilename ?? "<stdin>") : p;
    const text = isStdin
      ? (stdin = options.readStdin ? options.readStdin() : readText(0, maxBytes, name, options.allowBinary))
      : readText(p, maxBytes, p, options.allowBinary);
    const config = configs.forFile(lookupName(p, options.stdinFilename));
    const format = formatOf(p);
    const fixed = fixSource(text, {
      name,
      format,
      accept,
      lastResort: lastResortRules(config.rules),
      json: /\.json$/i.test(name),
      lint: (t) => {
        // Split as the lint pass splits (Markdown sections as the config says); its warnings are the lint pass's to give.
        const units = documents
          ? [
              ...documents.splitDocument(name, t, format, {
                sections: config.sections?.(lookupName(p, options.stdinFilename) ?? name),
              }),
            ]
          : [plainUnit(name, t)];
        return { units, results: [...lintUnits(units, t, format !== "text", config, options)] };
      },
    });
    warnings.push(...fixed.warnings);
    if (fixed.text !== text) changed.push({ path: p, key, read: text, fixed });
  }
  // Every input was read and linted: from here on, files may be written.
  const texts = new Map<string, string>();
  const outputs = new Map<string, string>();
  for (const c of changed) {
    const failure = fix.mode === "write" ? writeFixed(c.path, c.read, c.fixed.text) : undefined;
    if (failure) warnings.push(`${c.path}: not fixed: ${failure}`);
    texts.set(c.key, failure ? c.read : c.fixed.text);
    if (failure) continue;
    for (const [name, out] of c.fixed.outputs) {
      outputs.set(name, out);
      for (const a of aliases)
        if (a.of === c.path && name.startsWith(c.path)) outputs.set(a.alias + name.slice(c.path.length), out);
    }
  }
  // A fix not made, a file not written: told once every input has been read, through the run's `warn`.
  for (const w of warnings) options.warn?.(w);
  // The report is of the text as fixed (or as read, where it was not written), not of a later change on disk.
  const run = lintRun(inputs, {
    ...options,
    resolver: configs,
    readFile: (p) => (texts.size ? texts.get(realPath(p)) : undefined),
    readStdin: stdin === undefined ? options.readStdin : () => texts.get("-") ?? stdin!,
  });
  return {
    async *[Symbol.asyncIterator]() {
      for await (const r of run) {
        const out = outputs.get(r.file);
        if (out !== undefined) r.output = out;
        yield r;
      }
    },
    get clusters() {
      return run.clusters;
    },
    get rulesMeta() {
      return run.rulesMeta;
    },
  };
}

function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

type Encoding = "utf8" | "utf8-bom" | "utf16le" | "utf16be";

function encodingOf(bytes: Buffer): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf16be";
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? "utf8-bom" : "utf8";
}

/** Text in the file's own encoding, its byte order mark included. */
export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case "utf8":
      return Buffer.from(text, "utf8");
    case "utf8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    case "utf16be":
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
  }
}

let temporaries = 0;

/**
 * Replaces a file's content with `fixed`, atomically: a temporary file in the same folder with
 * the file's mode, synced, then renamed over the file (a symbolic link is followed, so the
 * link stays a link). Not when the content is no longer what was read, when the file would not
 * come back byte for byte as it was read (a file read with --binary), or when it has other hard
 * links (a rename would split them). Returns why it was not written, or undefined.
 */
export function writeFixed(path: string, read: string, fixed: string): string | undefined {
  let temporary: string | undefined;
  try {
    const real = realpathSync(path);
    const st = statSync(real);
    if (!st.isFile()) return "not a regular file";
    if (st.nlink > 1) return `it has ${st.nlink} hard links, which replacing it would split`;
    const bytes = readFileSync(real);
    const encoding = encodingOf(bytes);
    let now: string;
    try {
      now = decode(bytes, path, true);
    } catch {
      return "it changed since it was read";
    }
    if (now !== read) return "it changed since it was read";
    if (!encode(read, encoding).equals(bytes)) return "it does not hold text that can be written back as it was read";
    temporary = join(dirname(real), `.${basename(real)}.${process.pid}.${++temporaries}.invite-lint-fix`);
    const fd = openSync(temporary, "wx", st.mode & 0o777);
    try {
      const out = encode(fixed, encoding);
      let done = 0;
      while (done < out.length) done += writeSync(fd, out, done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // openSync's mode is masked by the umask; the file's own mode is restored in full.
    chmodSync(temporary, st.mode & 0o7777);
    renameSync(temporary, real);
    temporary = undefined;
    return undefined;
  } catch (error) {
    return describe(error);
  } finally {
    if (temporary !== undefined) {
      try {
        unlinkSync(temporary);
      } catch {
        // It was never created.
      }
    }
  }
}
