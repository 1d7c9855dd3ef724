import { parseDocument, isMap, isSeq, isScalar, Scalar, type Document, type Node, type Pair } from "yaml";
import { LineIndex } from "./engine/text.js";
import { RuleFileError, type Problem } from "./errors.js";
import { documentFormat } from "./document-format.js";
import {
  FRONT_MATTER_KEYS,
  LIST_ENTRY_KEYS,
  MAP_ENTRY_KEYS,
  SECTION_KEYS,
  hasTextKey,
  misspeltText,
  readFacts,
  type FactProblem,
  type MarkdownCollection,
  type NoteFacts,
} from "./note-facts.js";

/** One note to lint, cut from a file: its text and where it sits in the file. */
export type { NoteUnit } from "./note-unit.js";
import { plainUnit, type NoteUnit } from "./note-unit.js";

export { documentFormat, type DocumentFormat } from "./document-format.js";

export interface SplitOptions {
  /** Read a Markdown file as a note per section under a heading (the config's `sections`); front matter `collection:` wins. */
  sections?: boolean;
  /** Told about a file that holds no notes and is skipped: a YAML or JSON file that is not a collection. */
  warn?: (message: string) => void;
}

/**
 * The notes of a file, one at a time: a large collection is parsed entry by entry as it is
 * linted. A YAML or JSON file that is not a collection gives no notes (and a warning); a
 * collection with a broken entry, or front matter with a bad key, throws RuleFileError.
 */
export function splitDocument(
  path: string,
  text: string,
  format = documentFormat(path),
  options: SplitOptions = {},
): Iterable<NoteUnit> {
  if (format === "markdown") return markdownUnits(path, text, options);
  if (format === "collection") return collectionUnits(path, text, options);
  return [plainUnit(path, text)];
}

const blank = (s: string) => s.replace(/[^\r\n]/g, " ");

/** Problems of a file at offsets: file:line:column, all at once. */
function fileError(path: string, source: string, problems: FactProblem[]): RuleFileError {
  const index = new LineIndex(source);
  return new RuleFileError(
    problems.map((p): Problem => ({ file: path, ...index.position(p.offset), message: p.message })),
  );
}

/** A YAML mapping of facts inside a file (front matter, a facts comment), parsed strictly; offsets are rebased to the file. */
function parseFactsYaml(
  yamlText: string,
  at: number,
  label: string,
  keys: readonly string[],
  path: string,
  source: string,
) {
  const doc = parseDocument(yamlText, { strict: true, uniqueKeys: true, prettyErrors: false, customTags: [] });
  const rebase = (ps: FactProblem[]) => ps.map((p) => ({ offset: at + p.offset, message: p.message }));
  if (doc.errors.length)
    throw fileError(
      path,
      source,
      rebase([{ offset: doc.errors[0]!.pos[0], message: `${label}: ${doc.errors[0]!.message.split("\n")[0]}` }]),
    );
  const root = doc.contents as Node | null;
  if (root === null) return undefined;
  if (!isMap(root))
    throw fileError(
      path,
      source,
      rebase([
        {
          offset: (root as { range?: number[] }).range?.[0] ?? 0,
          message: `${label} must be a mapping of keys (${keys.join(", ")})`,
        },
      ]),
    );
  const read = readFacts(root, keys, label);
  if (read.problems.length) throw fileError(path, source, rebase(read.problems));
  return read;
}

const FRONT_MATTER = /^(\ufeff?---[ \t]*\r?\n)([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const COMMENT = /<!--([\s\S]*?)-->/g;
const DIRECTIVE = /^\s*invite-lint-(disable-next-line|disable)\b\s*([\s\S]*?)\s*(?:--[\s\S]*)?$/;
const FACTS_COMMENT = /^(\s*invite-lint-facts\b)([\s\S]*)$/;
const HEADING = /^[ \t]{0,3}(#{1,6})[ \t]+(.*)$/gm;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

interface Heading {
  start: number;
  end: number;
  level: number;
  title: string;
}
interface Directive {
  rules: string[];
  offset: number;
  action: "disable" | "disable-next-line";
  range?: { start: number; end: number };
}

/**
 * Markdown: front matter is read for recipient facts, then front matter, comments and markup
 * are blanked out in place, so positions still point into the original file. One note, or
 * (`collection: sections` in front matter, or the config's `sections`) a note per section
 * under a heading.
 */
function markdownUnits(path: string, source: string, options: SplitOptions): NoteUnit[] {
  let masked = source;
  let facts: NoteFacts = {};
  let mode: MarkdownCollection = options.sections ? "sections" : "none";
  const fm = FRONT_MATTER.exec(source);
  if (fm) {
    const read = parseFactsYaml(fm[2]!, fm[1]!.length, "front matter", FRONT_MATTER_KEYS, path, source);
    if (read) {
      facts = read.facts;
      if (read.collection) mode = read.collection;
    }
    masked = blank(fm[0]) + source.slice(fm[0].length);
  }
  const directives: Directive[] = [];
  const factComments: { offset: number; facts: NoteFacts; disable: string[] }[] = [];
  masked = masked.replace(COMMENT, (whole, body: string, offset: number) => {
    const d = DIRECTIVE.exec(body);
    const f = d ? undefined : FACTS_COMMENT.exec(body);
    if (d) {
      const action = d[1] as Directive["action"];
      directives.push({
        rules: d[2]!.split(/[\s,]+/).filter(Boolean),
        offset,
        action,
        ...(action === "disable-next-line" ? { range: nextLine(source, offset + whole.length) } : {}),
      });
    } else if (f) {
      const at = offset + 4 + f[1]!.length;
      // The comment's body is a YAML mapping without its braces: `to: Priya Shah, type: event`.
      const read = parseFactsYaml(`{${f[2]!}}`, at - 1, "facts comment", SECTION_KEYS, path, source);
      factComments.push({ offset, facts: read?.facts ?? {}, disable: read?.disable ?? [] });
    }
    return blank(whole);
  });
  const headings = mode === "sections" ? findHeadings(masked) : [];
  masked = masked
    // Headings are titles of the file, not part of the note.
    .replace(/^[ \t]{0,3}#{1,6}[ \t].*$/gm, (m) => blank(m))
    .replace(
      /^([ \t]{0,3})(>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)/gm,
      (_w, lead: string, mark: string) => lead + blank(mark),
    )
    .replace(/(\*\*|__|~~|`)/g, (m) => blank(m))
    .replace(/!?\[([^\]\n]*)\]\(([^)\n]*)\)/g, (w, label: string) => ` ${label}${blank(w.slice(label.length + 1))}`)
    .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, (m) => blank(m));

  if (headings.length === 0) {
    return [markdownUnit(path, source, masked, 0, source.length, facts, directives, factComments, [], [])];
  }
  // A lone first heading with only deeper ones after it is the file's title: it and the text
  // under it introduce the notes and are not one.
  const [first, ...rest] = headings;
  const titled = rest.length > 0 && rest.every((h) => h.level > first!.level);
  const notes = titled ? rest : headings;
  const preambleEnd = notes[0]!.start;
  // Directives and facts comments before the first note apply to every note.
  const shared = directives.filter((d) => d.offset < preambleEnd);
  const sharedFacts = factComments.filter((c) => c.offset < preambleEnd);
  const slugs = new Map<string, number>();
  const units: NoteUnit[] = [];
  for (const [i, h] of notes.entries()) {
    const end = i + 1 < notes.length ? notes[i + 1]!.start : source.length;
    if (masked.slice(h.start, end).trim() === "") continue;
    const inside = <T extends { offset: number }>(list: T[]) =>
      list.filter((x) => x.offset >= h.start && x.offset < end);
    const name = `${path}#${uniqueSlug(h.title, i + 1, slugs)}`;
    units.push(
      markdownUnit(
        name,
        source,
        masked,
        h.start,
        end,
        facts,
        inside(directives),
        inside(factComments),
        shared,
        sharedFacts,
      ),
    );
  }
  if (units.length === 0) options.warn?.(`${path}: no note under its headings, skipped`);
  return units;
}

/** One Markdown note: the masked text of [start, end), with its directives and facts. */
function markdownUnit(
  name: string,
  source: string,
  masked: string,
  start: number,
  end: number,
  fileFacts: NoteFacts,
  directives: Directive[],
  factComments: { facts: NoteFacts; disable: string[] }[],
  sharedDirectives: Directive[],
  sharedFacts: { facts: NoteFacts; disable: string[] }[],
): NoteUnit {
  const text = masked.slice(start, end);
  const facts: NoteFacts = { ...fileFacts };
  const disable: string[] = [];
  for (const c of [...sharedFacts, ...factComments]) {
    Object.assign(facts, c.facts);
    disable.push(...c.disable);
  }
  const suppress: NoteUnit["suppress"] = [];
  const listed: NoteUnit["directives"] = [];
  for (const d of [...sharedDirectives, ...directives]) {
    const own = directives.includes(d);
    if (d.action === "disable") disable.push(...d.rules);
    // A `disable-next-line` belongs to the note its next line is in (the last line of the file counts as the file's).
    else if (
      d.range &&
      d.range.start >= start &&
      (d.range.start < end || (end === source.length && d.range.start === end))
    ) {
      suppress.push({ start: d.range.start - start, end: Math.min(d.range.end, end) - start, rules: d.rules });
      if (own) listed.push({ rules: d.rules, offset: d.offset, action: d.action, suppress: suppress.length - 1 });
      continue;
    }
    // Directives shared by every note of the file are not reported as unused: each note sees only itself.
    if (own && d.action === "disable") listed.push({ rules: d.rules, offset: d.offset, action: d.action });
  }
  const characters = text
    .replace(/[ \t]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .trim().length;
  // Where markup was blanked out: findings may not start or end there.
  const ignore: NoteUnit["ignore"] = [];
  for (let i = start; i < end; i++) {
    if (masked[i] !== source[i]) {
      const last = ignore[ignore.length - 1];
      if (last && last.end === i - start) last.end = i - start + 1;
      else ignore.push({ start: i - start, end: i - start + 1 });
    }
  }
  return { name, text, offset: start, characters, facts, disable, suppress, directives: listed, ignore };
}

/** ATX headings (`## Title`) outside fenced code, in a text whose comments are blanked. */
function findHeadings(text: string): Heading[] {
  const fenced: [number, number][] = [];
  let open: { at: number; fence: string } | undefined;
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf("\n", at);
    const end = nl === -1 ? text.length : nl;
    const m = FENCE.exec(text.slice(at, end));
    if (m && (!open || (m[1]![0] === open.fence[0] && m[1]!.length >= open.fence.length))) {
      if (open) {
        fenced.push([open.at, end]);
        open = undefined;
      } else open = { at, fence: m[1]! };
    }
    at = end + 1;
  }
  if (open) fenced.push([open.at, text.length]);
  const out: Heading[] = [];
  for (const m of text.matchAll(HEADING)) {
    const start = m.index;
    if (fenced.some(([a, b]) => start >= a && start < b)) continue;
    out.push({
      start,
      end: start + m[0].length,
      level: m[1]!.length,
      title: m[2]!.replace(/[ \t]+#+[ \t]*$/, "").trim(),
    });
  }
  return out;
}

/** GitHub's anchor for a heading (`## After a meetup` is `#after-a-meetup`), made unique in the file. */
function uniqueSlug(title: string, ordinal: number, seen: Map<string, number>): string {
  const base =
    title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .trim()
      .replace(/\s/g, "-") || String(ordinal);
  const n = seen.get(base);
  seen.set(base, (n ?? 0) + 1);
  return n === undefined ? base : `${base}-${n}`;
}

/** The line after `offset`: [start, end) offsets. */
function nextLine(text: string, offset: number): { start: number; end: number } {
  const nl = text.indexOf("\n", offset);
  const start = nl === -1 ? text.length : nl + 1;
  const end = text.indexOf("\n", start);
  return { start, end: end === -1 ? text.length : end };
}

/** What the top-level entries of a YAML/JSON file say it is. */
type Shape = "text" | "strings" | "other" | "empty" | "value" | "documents";

/**
 * Entries with `text`: a collection; only strings: a map of id to note or a list of notes;
 * anything else: not a collection. `misspelt` is told of a key like "txet", for the warning.
 */
function shapeOf(root: Node | null, misspelt?: (key: string) => void): Shape {
  if (root === null) return "empty";
  if (!isSeq(root) && !isMap(root)) return "value";
  let strings = 0;
  let other = false;
  for (const item of root.items as unknown[]) {
    const node = isSeq(root) ? item : (item as Pair).value;
    if (hasTextKey(node)) return "text";
    if (isScalar(node) && typeof node.value === "string") strings++;
    else {
      other = true;
      const k = misspeltText(node);
      if (k !== undefined) misspelt?.(k);
    }
  }
  return other ? "other" : strings ? "strings" : "empty";
}

const NOT_A_COLLECTION: Partial<Record<Shape, string>> = {
  other: 'no entry has a "text" key',
  value: "a single value, not a list or map of notes",
  documents: "several YAML documents",
};

/**
 * A YAML or JSON collection: a list of `{id, text, ...}` entries (or of strings), or a map of
 * id to text (or to `{text, ...}`). Each entry is one note; positions point into the file. A
 * large block-style file is parsed entry by entry, so memory stays bounded by one entry's tree.
 *
 * A file is a collection when some top-level entry has a `text` key, or every entry is a
 * string. Otherwise (a docker-compose.yml, a package.json) it is not one, and is skipped with a
 * warning. In a collection every entry is checked: one without text, an unknown key, a bad type
 * is an error at its position.
 */
function* collectionUnits(path: string, source: string, options: SplitOptions): Generator<NoteUnit> {
  const chunks = topLevelChunks(source) ?? [[0, source.length] as [number, number]];
  let index: LineIndex | undefined;
  const fail = (offset: number, message: string): never => {
    index ??= new LineIndex(source);
    const p = index.position(offset);
    throw new RuleFileError([{ file: path, line: p.line, column: p.column, message }]);
  };
  const parse = (start: number, end: number): Document | "documents" => {
    const doc = parseDocument(source.slice(start, end), { strict: true, uniqueKeys: true, keepSourceTokens: false });
    const e = doc.errors[0];
    if (e?.code === "MULTIPLE_DOCS") return "documents";
    if (e) fail(start + e.pos[0], e.message.split("\n")[0]!);
    return doc;
  };
  // The shape is known before any entry is linted: from the first entry in most collections,
  // from all of them (a second parse, entry by entry) when the first has no `text`.
  let misspelt: string | undefined;
  const onMisspelt = (k: string) => void (misspelt ??= k);
  let firstDoc = parse(chunks[0]![0], chunks[0]![1]);
  let shape: Shape = firstDoc === "documents" ? "documents" : shapeOf(firstDoc.contents as Node | null, onMisspelt);
  if (shape !== "text" && shape !== "documents" && shape !== "value" && chunks.length > 1) {
    let other = shape === "other";
    let strings = shape === "strings";
    for (const [start, end] of chunks.slice(1)) {
      const doc = parse(start, end);
      const s = doc === "documents" ? "documents" : shapeOf(doc.contents as Node | null, onMisspelt);
      if (s === "text") {
        other = false;
        strings = false;
        shape = "text";
        break;
      }
      other ||= s === "other" || s === "value" || s === "documents";
      strings ||= s === "strings";
    }
    if (shape !== "text") shape = other ? "other" : strings ? "strings" : "empty";
  }
  const reason = NOT_A_COLLECTION[shape];
  if (reason) {
    const hint = shape === "other" && misspelt !== undefined ? `; "${misspelt}" is not "text"` : "";
    options.warn?.(`${path}: not a note collection (${reason}${hint}), skipped`);
    return;
  }
  let count = 0;
  const ids = new Set<string>();
  for (const [c, [start, end]] of chunks.entries()) {
    const doc = c === 0 ? (firstDoc as Document) : (parse(start, end) as Document);
    firstDoc = "documents";
    const root = doc.contents as Node | null;
    const units: NoteUnit[] = [];
    const at = (n: unknown) => start + ((n as { range?: number[] } | null)?.range?.[0] ?? 0);
    const unitFrom = (fallbackId: string, node: unknown, where: number, list: boolean) => {
      let id = fallbackId;
      let textNode: unknown = node;
      let facts: NoteFacts = {};
      let disable: string[] = [];
      if (isMap(node)) {
        const idNode = list ? node.items.find((p) => isScalar(p.key) && p.key.value === "id")?.value : undefined;
        if (isScalar(idNode) && (typeof idNode.value === "string" || typeof idNode.value === "number"))
          id = String(idNode.value);
        const read = readFacts(node, list ? LIST_ENTRY_KEYS : MAP_ENTRY_KEYS, `entry "${id}"`);
        const problems = read.problems.map((p) => ({ offset: start + p.offset, message: p.message }));
        if (read.text === undefined && !read.problems.some((p) => /"text" is empty/.test(p.message)))
          problems.push({ offset: where, message: `entry "${id}" has no "text"` });
        if (problems.length) throw fileError(path, source, problems);
        textNode = read.text;
        facts = read.facts;
        disable = read.disable;
      } else if (!isScalar(node) || typeof node.value !== "string") {
        fail(where, `entry "${id}" must be the note text or a mapping with "text"`);
      }
      if (ids.has(id)) fail(where, `duplicate entry id "${id}"`);
      ids.add(id);
      if (!isScalar(textNode) || typeof textNode.value !== "string" || !textNode.range) {
        return fail(at(textNode), `entry "${id}": the note text must be a string`);
      }
      const { from, to } = scalarBody(textNode.type, start + textNode.range[0], start + textNode.range[1], source);
      const raw = source.slice(from, Math.max(from, to));
      const decoded = unescaped(textNode.type, raw, from, textNode.value);
      units.push({
        name: `${path}#${id}`,
        text: decoded?.text ?? raw,
        ...(decoded ? { offsets: decoded.offsets } : {}),
        offset: from,
        characters: textNode.value.trim().length,
        facts,
        disable,
        suppress: [],
        directives: disable.length ? [{ rules: disable, offset: where, action: "disable" }] : [],
      });
    };
    if (isSeq(root)) {
      for (const item of root.items) unitFrom(String(count + units.length + 1), item, at(item), true);
    } else if (isMap(root)) {
      for (const pair of root.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "?";
        unitFrom(key, pair.value, at(pair.key), false);
      }
    }
    count += units.length;
    yield* units;
  }
}

/** Files below this size are parsed whole. */
const CHUNKED_FROM = 64 * 1024;

/**
 * Cuts a large block-style collection at its top-level entries (lines at column 0 that start
 * an item or a key). Undefined when the file is small or uses anything that could tie entries
 * together (flow style, anchors and aliases, several documents, directives).
 */
function topLevelChunks(source: string): [number, number][] | undefined {
  if (source.length < CHUNKED_FROM) return undefined;
  if (/(^|[\s[{,:])[&*][^\s|]/m.test(source) || /^(---|\.\.\.|%)/m.test(source)) return undefined;
  const first = /^[^\s#].*$/m.exec(source);
  if (!first || /^[[{"']/.test(first[0])) return undefined;
  const seq = /^-(\s|$)/.test(first[0]);
  const starts: number[] = [];
  const line = seq ? /^-(?:[ \t]|$)/gm : /^[^\s#-]/gm;
  for (let m = line.exec(source); m; m = line.exec(source)) {
    starts.push(m.index);
    if (m[0].length === 0) line.lastIndex++;
  }
  if (starts.length < 2) return undefined;
  starts[0] = 0;
  return starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1]! : source.length]);
}

/**
 * Where a scalar's text sits in the file: inside the quotes of a quoted scalar, after the
 * header line of a block scalar, the whole range of a plain one.
 */
const SIMPLE_ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  '"': '"',
  "\\": "\\",
  "/": "/",
  "0": "\0",
  b: "\b",
  f: "\f",
  " ": " ",
  _: "\u00a0",
  N: "\u0085",
  L: "\u2028",
  P: "\u2029",
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * A one-line quoted scalar whose body has escapes (double-quoted `\u0027`, `\n`, `\"`; single-
 * quoted `''`), as the text it stands for, with the file offset of each character. Undefined
 * when the body is the text already, spans lines (folding is left to the raw text), or does
 * not decode to the parser's value.
 */
function unescaped(
  type: Scalar["type"],
  raw: string,
  from: number,
  value: string,
): { text: string; offsets: number[] } | undefined {
  if (!raw.includes("\\") && !raw.includes("''")) return undefined;
  if (/[\r\n]/.test(raw)) return undefined;
  let text = "";
  const offsets: number[] = [];
  if (type === Scalar.QUOTE_DOUBLE) {
    for (let i = 0; i < raw.length; ) {
      const ch = raw[i]!;
      if (ch !== "\\") {
        offsets.push(from + i);
        text += ch;
        i++;
        continue;
      }
      const e = raw[i + 1];
      if (e === undefined) return undefined;
      const hex = HEX_LENGTH[e];
      let out: string;
      let width: number;
      if (hex) {
        const digits = raw.slice(i + 2, i + 2 + hex);
        if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) return undefined;
        out = String.fromCodePoint(Number.parseInt(digits, 16));
        width = 2 + hex;
      } else if (SIMPLE_ESCAPES[e] !== undefined) {
        out = SIMPLE_ESCAPES[e]!;
        width = 2;
      } else return undefined;
      for (let k = 0; k < out.length; k++) offsets.push(from + i);
      text += out;
      i += width;
    }
  } else if (type === Scalar.QUOTE_SINGLE) {
    for (let i = 0; i < raw.length; i++) {
      offsets.push(from + i);
      text += raw[i];
      if (raw[i] === "'" && raw[i + 1] === "'") i++;
    }
  } else return undefined;
  if (text === raw || text !== value) return undefined;
  offsets.push(from + raw.length);
  return { text, offsets };
}

export function scalarBody(
  type: Scalar["type"],
  start: number,
  end: number,
  source: string,
): { from: number; to: number } {
  if (type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE) return { from: start + 1, to: end - 1 };
  if (type === Scalar.BLOCK_LITERAL || type === Scalar.BLOCK_FOLDED) {
    const nl = source.indexOf("\n", start);
    return { from: nl === -1 ? end : nl + 1, to: end };
  }
  return { from: start, to: end };
}
