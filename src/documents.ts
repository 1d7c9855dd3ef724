import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, Scalar, type Node } from "yaml";
import { LineIndex } from "./engine/text.js";
import { RuleFileError, isObject } from "./ruleset/validate.js";
import { documentFormat, type DocumentFormat } from "./document-format.js";

/** One note to lint, cut from a file: its text and where it sits in the file. */
export interface NoteUnit {
  /** `path` for a whole file, `path#id` for a collection entry. */
  name: string;
  /** The note text; offsets in findings are relative to it. */
  text: string;
  /** Offset of `text` in the file. */
  offset: number;
  /** Characters as the recipient will see them (markup and YAML quoting removed). */
  characters: number;
  facts: { to?: string; company?: string; type?: string; context?: string; template?: boolean };
  /** Rules disabled for this note (directives, per-entry `disable:`). */
  disable: string[];
  /** Rules disabled on single lines (Markdown `disable-next-line`), as offset ranges of `text`. */
  suppress: { start: number; end: number; rules: string[] }[];
  /** Ranges of `text` that were markup, blanked out (Markdown). */
  ignore?: { start: number; end: number }[];
  /** Where each directive sits, to report unused ones; `suppress` indexes `disable-next-line` ones. */
  directives: { rules: string[]; offset: number; action: "disable" | "disable-next-line"; suppress?: number }[];
}

export { documentFormat, type DocumentFormat } from "./document-format.js";

const FACT_KEYS = ["to", "company", "type", "context"] as const;

function factsOf(v: Record<string, unknown>): NoteUnit["facts"] {
  const facts: NoteUnit["facts"] = {};
  for (const k of FACT_KEYS) if (typeof v[k] === "string") facts[k] = v[k] as string;
  // `kind:` is the older name of `type:`.
  if (facts.type === undefined && typeof v.kind === "string") facts.type = v.kind;
  if (typeof v.template === "boolean") facts.template = v.template;
  return facts;
}

/** The notes of a file, one at a time: a large collection is parsed entry by entry as it is linted. */
export function splitDocument(path: string, text: string, format = documentFormat(path)): Iterable<NoteUnit> {
  if (format === "markdown") return [markdownUnit(path, text)];
  if (format === "collection") return collectionUnits(path, text);
  return [{ name: path, text, offset: 0, characters: text.trim().length, facts: {}, disable: [], suppress: [], directives: [] }];
}

const blank = (s: string) => s.replace(/[^\r\n]/g, " ");

/**
 * Markdown: front matter is read for recipient facts, then front matter, comments and
 * markup are blanked out in place, so positions still point into the original file.
 */
function markdownUnit(path: string, source: string): NoteUnit {
  let masked = source;
  let facts: NoteUnit["facts"] = {};
  const fm = /^(?:\ufeff)?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (fm) {
    const doc = parseDocument(fm[1]!, { strict: true, uniqueKeys: true });
    if (doc.errors.length) {
      const lc = new LineCounter();
      parseDocument(fm[1]!, { lineCounter: lc });
      const p = lc.linePos(doc.errors[0]!.pos[0]);
      throw new RuleFileError([{ file: path, line: p.line + 1, column: p.col, message: `front matter: ${doc.errors[0]!.message.split("\n")[0]}` }]);
    }
    const data = doc.toJS({ maxAliasCount: 20 }) as unknown;
    if (isObject(data)) facts = factsOf(data);
    masked = blank(fm[0]) + source.slice(fm[0].length);
  }
  const directives: NoteUnit["directives"] = [];
  const disable: string[] = [];
  const suppress: NoteUnit["suppress"] = [];
  masked = masked.replace(/<!--([\s\S]*?)-->/g, (whole, body: string, offset: number) => {
    const d = /^\s*invite-lint-(disable-next-line|disable)\b\s*([\s\S]*?)\s*(?:--[\s\S]*)?$/.exec(body);
    if (d) {
      const rules = d[2]!.split(/[\s,]+/).filter(Boolean);
      const action = d[1] as "disable" | "disable-next-line";
      directives.push({ rules, offset, action });
      if (action === "disable") disable.push(...rules);
      else {
        const range = nextLine(source, offset + whole.length);
        directives[directives.length - 1]!.suppress = suppress.length;
        suppress.push({ ...range, rules });
      }
    }
    return blank(whole);
  });
  masked = masked
    // Headings are titles of the file, not part of the note.
    .replace(/^[ \t]{0,3}#{1,6}[ \t].*$/gm, (m) => blank(m))
    .replace(/^([ \t]{0,3})(>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)/gm, (_w, lead: string, mark: string) => lead + blank(mark))
    .replace(/(\*\*|__|~~|`)/g, (m) => blank(m))
    .replace(/!?\[([^\]\n]*)\]\(([^)\n]*)\)/g, (w, label: string) => ` ${label}${blank(w.slice(label.length + 1))}`)
    .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, (m) => blank(m));
  const characters = masked.replace(/[ \t]+/g, " ").replace(/ ?\n ?/g, "\n").trim().length;
  // Where markup was blanked out: findings may not start or end there.
  const ignore: NoteUnit["ignore"] = [];
  for (let i = 0; i < masked.length; i++) {
    if (masked[i] !== source[i]) {
      const last = ignore[ignore.length - 1];
      if (last && last.end === i) last.end = i + 1;
      else ignore.push({ start: i, end: i + 1 });
    }
  }
  return { name: path, text: masked, offset: 0, characters, facts, disable, suppress, directives, ignore };
}

/** The line after `offset`: [start, end) offsets. */
function nextLine(text: string, offset: number): { start: number; end: number } {
  const nl = text.indexOf("\n", offset);
  const start = nl === -1 ? text.length : nl + 1;
  const end = text.indexOf("\n", start);
  return { start, end: end === -1 ? text.length : end };
}

/**
 * A YAML or JSON collection: a list of `{id, text, ...}` entries, or a map of id to text
 * (or to `{text, ...}`). Each entry is one note; positions point into the file. A large
 * block-style file is parsed entry by entry, so memory stays bounded by one entry's tree.
 */
function* collectionUnits(path: string, source: string): Generator<NoteUnit> {
  const chunks = topLevelChunks(source) ?? [[0, source.length] as [number, number]];
  let count = 0;
  const ids = new Set<string>();
  let index: LineIndex | undefined;
  const fail = (offset: number, message: string): never => {
    index ??= new LineIndex(source);
    const p = index.position(offset);
    throw new RuleFileError([{ file: path, line: p.line, column: p.column, message }]);
  };
  for (const [start, end] of chunks) {
    const doc = parseDocument(source.slice(start, end), { strict: true, uniqueKeys: true, keepSourceTokens: false });
    if (doc.errors.length) fail(start + doc.errors[0]!.pos[0], doc.errors[0]!.message.split("\n")[0]!);
    const root = doc.contents as Node | null;
    const units: NoteUnit[] = [];
    const unitFrom = (id: string, node: unknown, at: number) => {
      if (ids.has(id)) fail(at, `duplicate entry id "${id}"`);
      ids.add(id);
      let textNode: unknown = node;
      let extra: Record<string, unknown> = {};
      let disable: string[] = [];
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === "text");
        if (!pair) fail(at, `entry "${id}" has no "text"`);
        textNode = pair!.value;
        const js = node.toJS(doc, { maxAliasCount: 20 }) as Record<string, unknown>;
        extra = js;
        if (js.disable !== undefined) {
          if (!Array.isArray(js.disable) || js.disable.some((x) => typeof x !== "string")) fail(at, `entry "${id}": "disable" must be a list of rule ids`);
          disable = js.disable as string[];
        }
      }
      if (!isScalar(textNode) || typeof textNode.value !== "string" || !textNode.range) {
        return fail(start + ((textNode as { range?: number[] } | null)?.range?.[0] ?? 0), `entry "${id}": the note text must be a string`);
      }
      let from = start + textNode.range[0];
      let to = start + textNode.range[1];
      if (textNode.type === Scalar.QUOTE_DOUBLE || textNode.type === Scalar.QUOTE_SINGLE) {
        from++;
        to--;
      } else if (textNode.type === Scalar.BLOCK_LITERAL || textNode.type === Scalar.BLOCK_FOLDED) {
        const nl = source.indexOf("\n", from);
        from = nl === -1 ? to : nl + 1;
      }
      units.push({
        name: `${path}#${id}`, text: source.slice(from, Math.max(from, to)), offset: from,
        characters: textNode.value.trim().length, facts: factsOf(extra), disable, suppress: [],
        directives: disable.length ? [{ rules: disable, offset: at, action: "disable" }] : [],
      });
    };
    if (isSeq(root)) {
      for (const item of root.items) {
        const at = start + ((item as { range?: number[] }).range?.[0] ?? 0);
        let id = String(count + units.length + 1);
        if (isMap(item)) {
          const idPair = item.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === "id");
          if (idPair && isScalar(idPair.value)) id = String(idPair.value.value);
        }
        unitFrom(id, item, at);
      }
    } else if (isMap(root)) {
      for (const pair of root.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "?";
        unitFrom(key, pair.value, start + ((pair.key as { range?: number[] } | null)?.range?.[0] ?? 0));
      }
    } else if (root !== null) {
      fail(start, "a collection must be a list of notes or a map of id to note");
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
