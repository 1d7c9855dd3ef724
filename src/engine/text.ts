/**
 * Text helpers. All positions in the engine are [start, end) offsets in UTF-16 code units
 * of the linted text; lines and columns are derived once, here.
 */

const ASCII = /^[\x00-\x7f]*$/;

/** Lower-cases and folds apostrophes without changing the length, so offsets stay valid. */
export function normalize(text: string): string {
  // Plain ASCII (most notes): lower-casing keeps every character in place.
  if (ASCII.test(text)) return text.toLowerCase().replace(/`/g, "'");
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "’" || c === "‘" || c === "`" || c === "´" || c === "ʼ") {
      out += "'";
      continue;
    }
    const lower = c.toLowerCase();
    out += lower.length === 1 ? lower : c;
  }
  return out;
}

export interface Position {
  line: number;
  column: number;
}

/**
 * Maps offsets to 1-based line and column. Lines end at \n, \r\n or a lone \r.
 * Columns count UTF-16 code units, as ESLint, VS Code and the Language Server Protocol do.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }
  position(offset: number): Position {
    let o = Math.max(0, Math.min(offset, this.text.length));
    // Between the \r and \n of a CRLF is still the end of the line.
    if (o > 0 && this.text.charCodeAt(o - 1) === 13 && this.text.charCodeAt(o) === 10) o--;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }
}

/**
 * A word character for boundaries: anything but white space and punctuation (ASCII and the
 * common Unicode dashes, quotes and marks). A plain class: V8 compiles and scans it far
 * faster than \p{L}\p{N}\p{M}.
 */
export const WORD_CLASS = "[^\\s!-/:-@\\[-`{-~\\u00a1\\u00ab\\u00bb\\u00bf\\u2010-\\u2027\\u2030-\\u205e]";
const WORD_RE = new RegExp(WORD_CLASS);

/** ASCII word characters, as WORD_CLASS has them: all but white space and punctuation. */
const ASCII_WORD = Array.from(
  { length: 128 },
  (_, c) =>
    !(
      (c >= 9 && c <= 13) ||
      c === 32 ||
      (c >= 33 && c <= 47) ||
      (c >= 58 && c <= 64) ||
      (c >= 91 && c <= 96) ||
      (c >= 123 && c <= 126)
    ),
);

export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === "") return false;
  const c = ch.charCodeAt(0);
  return c < 128 && ch.length === 1 ? ASCII_WORD[c]! : WORD_RE.test(ch);
}

/** True when [start, end) does not cut into a word on either side. */
export function atWordBoundary(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  const before = start > 0 ? text[start - 1] : undefined;
  const after = end < text.length ? text[end] : undefined;
  const first = text[start];
  const last = text[end - 1];
  if (isWordChar(before) && isWordChar(first)) return false;
  if (isWordChar(after) && isWordChar(last)) return false;
  return true;
}

/** Characters as LinkedIn's note box counts them: UTF-16 code units of the trimmed note. */
export function noteLength(text: string): number {
  return text.trim().length;
}
