import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, Scalar, type Node } from "yaml";
import { RuleFileError, isObject } from "./rules/validate.js";
import { documentKind, type DocumentKind } from "./document-kind.js";

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
  facts: { to?: string; company?: string; kind?: string; context?: string; template?: boolean };
  /** Rules disabled for this note (directives, per-entry `disable:`). */
  disable: string[];
  /** Rules disabled on single lines (Markdown `disable-next-line`), as offset ranges of `text`. */
  suppress: { start: number; end: number; rules: string[] }[];
  /** Where each directive sits, to report unused ones; `suppress` indexes `disable-next-line` ones. */
  directives: { rules: string[]; offset: number; kind: "disable" | "disable-next-line"; suppress?: number }[];
}

export { documentKind, type DocumentKind } from "./document-kind.js";

const FACT_KEYS = ["to", "company", "kind", "context"] as const;

function factsOf(v: Record<string, unknown>): NoteUnit["facts"] {
  const facts: NoteUnit["facts"] = {};
  for (const k of FACT_KEYS) if (typeof v[k] === "string") facts[k] = v[k] as string;
  if (typeof v.template === "boolean") facts.template = v.template;
  return facts;
}

export function splitDocument(path: string, text: string, kind = documentKind(path)): NoteUnit[] {
  if (kind === "markdown") return [markdownUnit(path, text)];
  if (kind === "collection") return collectionUnits(path, text);
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
      const kind = d[1] as "disable" | "disable-next-line";
      directives.push({ rules, offset, kind });
      if (kind === "disable") disable.push(...rules);
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
  return { name: path, text: masked, offset: 0, characters, facts, disable, suppress, directives };
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
 * (or to `{text, ...}`). Each entry is one note; positions point into the file.
 */
function collectionUnits(path: string, source: string): NoteUnit[] {
  const lc = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lc, strict: true, uniqueKeys: true, keepSourceTokens: false });
  const fail = (offset: number, message: string): never => {
    const p = lc.linePos(offset);
    throw new RuleFileError([{ file: path, line: p.line, column: p.col, message }]);
  };
  if (doc.errors.length) fail(doc.errors[0]!.pos[0], doc.errors[0]!.message.split("\n")[0]!);
  const units: NoteUnit[] = [];
  const root = doc.contents as Node | null;
  const unitFrom = (id: string, node: unknown, at: number) => {
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
      return fail((textNode as { range?: number[] } | null)?.range?.[0] ?? at, `entry "${id}": the note text must be a string`);
    }
    const [start, valueEnd] = textNode.range;
    let from = start;
    let to = valueEnd;
    if (textNode.type === Scalar.QUOTE_DOUBLE || textNode.type === Scalar.QUOTE_SINGLE) {
      from++;
      to--;
    } else if (textNode.type === Scalar.BLOCK_LITERAL || textNode.type === Scalar.BLOCK_FOLDED) {
      const nl = source.indexOf("\n", start);
      from = nl === -1 ? valueEnd : nl + 1;
    }
    units.push({
      name: `${path}#${id}`, text: source.slice(from, Math.max(from, to)), offset: from,
      characters: textNode.value.trim().length, facts: factsOf(extra), disable, suppress: [],
      directives: disable.length ? [{ rules: disable, offset: at, kind: "disable" }] : [],
    });
  };
  if (isSeq(root)) {
    root.items.forEach((item, i) => {
      const at = (item as { range?: number[] }).range?.[0] ?? 0;
      let id = String(i + 1);
      if (isMap(item)) {
        const idPair = item.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === "id");
        if (idPair && isScalar(idPair.value)) id = String(idPair.value.value);
      }
      unitFrom(id, item, at);
    });
  } else if (isMap(root)) {
    for (const pair of root.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "?";
      unitFrom(key, pair.value, (pair.key as { range?: number[] } | null)?.range?.[0] ?? 0);
    }
  } else if (root !== null) {
    fail(0, "a collection must be a list of notes or a map of id to note");
  }
  return units;
}
