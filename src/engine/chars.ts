/**
 * Character classes with an ASCII fast path. Unicode property regexes (\p{L}, \p{Lu}) are
 * large to compile; a note in plain ASCII never needs them, and a long run calls these
 * once per word or character.
 */
const LETTER = /^\p{L}$/u;
const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const ALNUM = /^[\p{L}\p{N}]$/u;

function ascii(ch: string): number {
  return ch.length === 1 ? ch.charCodeAt(0) : 128;
}

/** True for a letter (one code point, as a string). */
export function isLetter(ch: string): boolean {
  const c = ascii(ch);
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122;
  return LETTER.test(ch);
}

/** True for an upper-case letter. */
export function isUpper(ch: string): boolean {
  const c = ascii(ch);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(ch);
}

/** True for a lower-case letter. */
export function isLower(ch: string): boolean {
  const c = ascii(ch);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER.test(ch);
}

/** True for a letter or a digit of any script. */
export function isLetterOrNumber(ch: string): boolean {
  const c = ascii(ch);
  if (c < 128) return ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57);
  return ALNUM.test(ch);
}

/** The code points of s. */
function points(s: string): string[] {
  return Array.from(s);
}

/** True when s holds a letter. */
export function hasLetter(s: string): boolean {
  return points(s).some(isLetter);
}

/** True when s is at least `min` characters, every one an upper-case letter. */
export function allUpper(s: string, min = 1): boolean {
  const p = points(s);
  return p.length >= min && p.every(isUpper);
}

/** The letters of s. */
export function lettersOf(s: string): string {
  return points(s).filter(isLetter).join("");
}

/** Splits s into runs of letters and apostrophes (the words of a language guess). */
export function letterWords(s: string): string[] {
  const out: string[] = [];
  let word = "";
  for (const ch of s) {
    if (ch === "'" || isLetter(ch)) word += ch;
    else if (word) {
      out.push(word);
      word = "";
    }
  }
  if (word) out.push(word);
  return out;
}

/** A lower-case letter followed by an upper-case one (brightonSEO, iPhone). */
export function hasInnerCapital(s: string): boolean {
  const p = points(s);
  for (let i = 1; i < p.length; i++) if (isUpper(p[i]!) && isLower(p[i - 1]!)) return true;
  return false;
}

/** Ends in letter, dot, two or more letters (Acquire.com). */
export function hasDomainEnding(s: string): boolean {
  const dot = s.lastIndexOf(".");
  if (dot < 1) return false;
  const tail = points(s.slice(dot + 1));
  const before = points(s.slice(0, dot)).pop()!;
  return tail.length >= 2 && tail.every(isLetter) && isLetter(before);
}
