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

/** Calls f on each code point of s (as a string) until it returns false; true when none did. */
function every(s: string, f: (ch: string) => boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (!f(s[i]!)) return false;
      continue;
    }
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    if (!f(ch)) return false;
  }
  return true;
}

/** True when s holds a letter. */
export function hasLetter(s: string): boolean {
  return !every(s, (ch) => !isLetter(ch));
}

/** True when s is at least `min` characters, every one an upper-case letter. */
export function allUpper(s: string, min = 1): boolean {
  let n = 0;
  return (
    every(s, (ch) => {
      n++;
      return isUpper(ch);
    }) && n >= min
  );
}

/** The letters of s (s itself when it is all letters). */
export function lettersOf(s: string): string {
  if (every(s, isLetter)) return s;
  let out = "";
  every(s, (ch) => {
    if (isLetter(ch)) out += ch;
    return true;
  });
  return out;
}

/** Splits s into runs of letters and apostrophes (the words of a language guess). */
export function letterWords(s: string): string[] {
  const out: string[] = [];
  let from = -1;
  for (let i = 0; i <= s.length; i++) {
    let ch = "";
    let width = 1;
    if (i < s.length) {
      const c = s.charCodeAt(i);
      if (c < 128) ch = s[i]!;
      else {
        const cp = s.codePointAt(i)!;
        ch = String.fromCodePoint(cp);
        width = ch.length;
      }
    }
    const inWord = ch !== "" && (ch === "'" || isLetter(ch));
    if (inWord && from === -1) from = i;
    else if (!inWord && from !== -1) {
      out.push(s.slice(from, i));
      from = -1;
    }
    i += width - 1;
  }
  return out;
}

/** A lower-case letter followed by an upper-case one (brightonSEO, iPhone). */
export function hasInnerCapital(s: string): boolean {
  let prevLower = false;
  return !every(s, (ch) => {
    if (prevLower && isUpper(ch)) return false;
    prevLower = isLower(ch);
    return true;
  });
}

/** Ends in letter, dot, two or more letters (Acquire.com). */
export function hasDomainEnding(s: string): boolean {
  const dot = s.lastIndexOf(".");
  if (dot < 1) return false;
  const tail = s.slice(dot + 1);
  let n = 0;
  const letters = every(tail, (ch) => {
    n++;
    return isLetter(ch);
  });
  if (!letters || n < 2) return false;
  const before = s.codePointAt(dot - 1)!;
  const high = dot >= 2 ? s.charCodeAt(dot - 2) : 0;
  const paired = before >= 0xdc00 && before <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  const prev = paired ? s.codePointAt(dot - 2)! : before;
  return isLetter(String.fromCodePoint(prev));
}
