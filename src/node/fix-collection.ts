// Fixes inside a YAML or JSON collection: a fix is made in the entry's text as the recipient
// reads it (the scalar's value), then written back in the scalar's own style, touching nothing
// outside the scalar. The yaml parser is the judge: where a fix ends in the middle of an escape
// or a folded line break, or the edited scalar does not parse to the fixed text, the fix is
// not made.
import { isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Node } from "yaml";
import { scalarBody } from "../documents.js";

/** One entry's text scalar in a collection file. */
export interface EntryScalar {
  /** The entry's name in reports: `path#id`. */
  name: string;
  /** The scalar's value: the note text. */
  value: string;
  style: Scalar["type"];
  /** The scalar in the file, quotes and block header included: [start, end). */
  start: number;
  end: number;
  /** Where the linted text of the entry sits (inside the quotes, after a block header line), as src/documents.ts cuts it. */
  from: number;
  to: number;
  /** How the scalar is parsed on its own: after `k: ` at the column of its key, after `- ` at its dash, or inside `[...]`. */
  context: { flow: true } | { flow: false; column: number; item: boolean };
}

/** A fix in file offsets, as the engine gives it. */
export interface RawFix {
  range: [number, number];
  text: string;
}

/** The text scalars of a collection's entries, named as src/documents.ts names them; undefined when the file does not parse. */
export function entryScalars(path: string, source: string): EntryScalar[] | undefined {
  const doc = parseDocument(source, { strict: true, uniqueKeys: true });
  if (doc.errors.length) return undefined;
  const root = doc.contents as Node | null;
  const out: EntryScalar[] = [];
  const column = (at: number) => at - (source.lastIndexOf("\n", at - 1) + 1);
  const add = (id: string, node: unknown, context: EntryScalar["context"]) => {
    if (!isScalar(node) || typeof node.value !== "string" || !node.range) return;
    const [start, end] = node.range;
    const { from, to } = scalarBody(node.type, start, end, source);
    out.push({
      name: `${path}#${id}`,
      value: node.value,
      style: node.type,
      start,
      end,
      from,
      to: Math.max(from, to),
      context,
    });
  };
  const textPair = (map: unknown) =>
    isMap(map) ? map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === "text") : undefined;
  const keyColumn = (pair: { key: unknown }) => column((pair.key as { range?: number[] } | null)?.range?.[0] ?? 0);
  if (isSeq(root)) {
    root.items.forEach((item, i) => {
      let id = String(i + 1);
      const pair = textPair(item);
      if (isMap(item)) {
        const idPair = item.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === "id");
        if (idPair && isScalar(idPair.value)) id = String(idPair.value.value);
        if (pair)
          add(id, pair.value, item.flow ? { flow: true } : { flow: false, column: keyColumn(pair), item: false });
      } else if (isScalar(item) && item.range) {
        // A list of strings: the dash is the first mark on the item's line.
        const lineStart = source.lastIndexOf("\n", item.range[0] - 1) + 1;
        const dash = source.slice(lineStart, item.range[0]).indexOf("-");
        add(id, item, root.flow ? { flow: true } : { flow: false, column: Math.max(0, dash), item: true });
      }
    });
  } else if (isMap(root)) {
    for (const pair of root.items) {
      const id = isScalar(pair.key) ? String(pair.key.value) : "?";
      const inner = textPair(pair.value);
      if (inner)
        add(
          id,
          inner.value,
          (pair.value as { flow?: boolean }).flow
            ? { flow: true }
            : { flow: false, column: keyColumn(inner), item: false },
        );
      else add(id, pair.value, root.flow ? { flow: true } : { flow: false, column: keyColumn(pair), item: false });
    }
  }
  return out;
}

/** Marks where a fix starts and ends, to find those places in the parsed value (private-use characters). */
const START = "\ue000";
const END = "\ue001";

/** Parses a scalar's source on its own, in the context it has in the file; undefined when it is not one string scalar. */
export function parseScalar(raw: string, context: EntryScalar["context"]): string | undefined {
  const text = context.flow ? `[${raw}]` : `${" ".repeat(context.column)}${context.item ? "- " : "k: "}${raw}`;
  const doc = parseDocument(text, { strict: true });
  if (doc.errors.length) return undefined;
  const root = doc.contents as Node | null;
  let node: unknown;
  if (isSeq(root) && root.items.length === 1) node = root.items[0];
  else if (isMap(root) && root.items.length === 1) node = (root.items[0] as { value?: unknown }).value;
  return isScalar(node) && typeof node.value === "string" ? node.value : undefined;
}

/** The scalar's source with edits made at file offsets. */
function edited(source: string, s: EntryScalar, edits: { from: number; to: number; text: string }[]): string {
  let out = "";
  let at = s.start;
  for (const e of [...edits].sort((a, b) => a.from - b.from)) {
    out += source.slice(at, e.from) + e.text;
    at = e.to;
  }
  return out + source.slice(at, s.end);
}

/**
 * Where [from, to) of the file falls in the scalar's value; undefined when an end is not a clean
 * place (inside an escape, a folded line break, indentation). Spaces before a line break are no
 * part of a plain or quoted value: an end after them is taken from before them.
 */
export function valueRange(source: string, s: EntryScalar, from: number, to: number): [number, number] | undefined {
  if (s.value.includes(START) || s.value.includes(END) || from < s.from || to > s.to || from > to) return undefined;
  const found = markedRange(source, s, from, to);
  if (found || !/^\r?\n/.test(source.slice(to, to + 2))) return found;
  let back = to;
  while (back > from && /[ \t]/.test(source[back - 1]!)) back--;
  return back < to ? markedRange(source, s, from, back) : undefined;
}

function markedRange(source: string, s: EntryScalar, from: number, to: number): [number, number] | undefined {
  const marked = parseScalar(
    edited(source, s, [
      { from, to: from, text: START },
      { from: to, to, text: END },
    ]),
    s.context,
  );
  if (marked === undefined || marked.replace(START, "").replace(END, "") !== s.value) return undefined;
  const a = marked.indexOf(START);
  const b = marked.indexOf(END);
  if (a === -1 || b === -1 || b < a || marked.indexOf(START, a + 1) !== -1 || marked.indexOf(END, b + 1) !== -1)
    return undefined;
  return [a, b - 1];
}

/**
 * A block scalar's value ends as its header's chomping says: one line break (`|`, `>`), none
 * (`|-`), or all of them (`|+`); a line a fix emptied at the end is one of those.
 */
function chomped(source: string, s: EntryScalar, value: string): string {
  if (s.style !== Scalar.BLOCK_LITERAL && s.style !== Scalar.BLOCK_FOLDED) return value;
  const header = /^[|>]([-+0-9]*)/.exec(source.slice(s.start, s.start + 4))?.[1] ?? "";
  if (header.includes("+")) return value;
  const body = value.replace(/\n+$/, "");
  // Clipped: the last line break stays, where the scalar had one (a file may end without it).
  return header.includes("-") || body === "" || !s.value.endsWith("\n") ? body : `${body}\n`;
}

/** Text as it is written inside a scalar of this style, or undefined when it cannot be written there as it is. */
function encodeIn(style: Scalar["type"], text: string): string | undefined {
  if (style === Scalar.QUOTE_DOUBLE) return JSON.stringify(text).slice(1, -1);
  if (/[\r\n]/.test(text)) return undefined;
  return style === Scalar.QUOTE_SINGLE ? text.replace(/'/g, "''") : text;
}

/** A whole quoted scalar written anew in its style. */
function quoted(style: Scalar["type"], value: string): string | undefined {
  if (style === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (style === Scalar.QUOTE_SINGLE && !/[\r\n]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return undefined;
}

export interface ScalarEdit {
  /** The replacement of [start, end) of the file: the scalar's new source. */
  start: number;
  end: number;
  text: string;
  /** The scalar's new value, which that source parses to. */
  value: string;
}

export interface ScalarFixes {
  /** The edit of the scalar, when any fix could be made. */
  edit?: ScalarEdit;
  /** Fixes that were not made, with the reason (a fix that starts where an earlier removal took the spaces waits for the next pass, unlisted). */
  skipped: { fix: RawFix; reason: string }[];
}

/**
 * Makes `fixes` (file offsets inside one scalar, not overlapping) in the scalar's value, and
 * finds source for the new value in the scalar's own style: the edits made where they are (the
 * inserted text escaped as the style needs), a removal that ends at a line break taking the
 * spaces before it (no line is left with trailing spaces, and a folded block would keep them);
 * else the edits alone; else, for a quoted scalar, the whole scalar written anew. A fix that
 * ends inside an escape, a line break or the indentation of the entry's text is not made.
 */
export function fixScalar(source: string, s: EntryScalar, fixes: RawFix[]): ScalarFixes {
  const skipped: ScalarFixes["skipped"] = [];
  let value = "";
  let at = 0;
  const places: { from: number; to: number; text: string }[] = [];
  for (const f of [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
    const r = valueRange(source, s, f.range[0], f.range[1]);
    if (!r) {
      skipped.push({ fix: f, reason: "it ends inside an escape, a line break or the indentation of the entry's text" });
      continue;
    }
    let [a, b] = r;
    if (a < at) continue;
    // A removal after a space takes the spaces after it, also where a line break folded into one: no double space is left.
    if (f.text === "" && (a === 0 || /[ \t]/.test(s.value[a - 1]!)))
      while (s.value[b] === " " || s.value[b] === "\t") b++;
    value += s.value.slice(at, a) + f.text;
    at = b;
    places.push({ from: f.range[0], to: f.range[1], text: f.text });
  }
  if (!places.length) return { skipped };
  value = chomped(source, s, value + s.value.slice(at));
  if (value.trim() === "" && s.value.trim() !== "")
    return {
      skipped: [
        ...skipped,
        ...places.map((p) => ({
          fix: { range: [p.from, p.to] as [number, number], text: p.text },
          reason: "it would leave the note empty",
        })),
      ],
    };
  const texts = places.map((p) => encodeIn(s.style, p.text));
  const encodable = texts.every((t) => t !== undefined);
  const attempts: (() => string | undefined)[] = [
    () =>
      encodable
        ? edited(
            source,
            s,
            places.map((p, i) => {
              let from = p.from;
              const floor = Math.max(s.from, places[i - 1]?.to ?? 0);
              let to = p.to;
              const eol = /^\r?\n/.exec(source.slice(p.to, p.to + 2));
              if (p.text === "" && eol) {
                while (from > floor && /[ \t]/.test(source[from - 1]!)) from--;
                // A line left empty goes with its line break.
                if (source[from - 1] === "\n" && from > s.from && to + eol[0].length <= Math.max(s.to, s.end))
                  to += eol[0].length;
              }
              return { from, to, text: texts[i]! };
            }),
          )
        : undefined,
    () =>
      encodable
        ? edited(
            source,
            s,
            places.map((p, i) => ({ ...p, text: texts[i]! })),
          )
        : undefined,
    () => quoted(s.style, value),
  ];
  for (const attempt of attempts) {
    const raw = attempt();
    if (raw !== undefined && parseScalar(raw, s.context) === value)
      return { edit: { start: s.start, end: s.end, text: raw, value }, skipped };
  }
  const reason = `the entry's ${styleName(s.style)} text cannot hold the fixed text in the same style`;
  return {
    skipped: [
      ...skipped,
      ...places.map((p) => ({ fix: { range: [p.from, p.to] as [number, number], text: p.text }, reason })),
    ],
  };
}

function styleName(style: Scalar["type"]): string {
  switch (style) {
    case Scalar.QUOTE_DOUBLE:
      return "double-quoted";
    case Scalar.QUOTE_SINGLE:
      return "single-quoted";
    case Scalar.BLOCK_LITERAL:
      return "literal block";
    case Scalar.BLOCK_FOLDED:
      return "folded block";
    default:
      return "plain";
  }
}
