import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allUpper,
  hasDomainEnding,
  hasInnerCapital,
  hasLetter,
  isLetter,
  isLetterOrNumber,
  isLower,
  isUpper,
  letterWords,
  lettersOf,
} from "../../src/engine/chars.js";
import { isWordChar, normalize, WORD_CLASS } from "../../src/engine/text.js";

// The fast paths must say exactly what the Unicode property regexes say.
const text = fc.oneof(
  fc.string({ unit: "grapheme-ascii", maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(..."aZé.'’ÉßİıǅΣσ1٣_-ABCxyz\u0301😀𝐀\ud800".split("")), maxLength: 12 }),
);
const oneChar = fc
  .oneof(fc.integer({ min: 0, max: 0x2fff }), fc.integer({ min: 0x10000, max: 0x1ffff }))
  .map((c) => String.fromCodePoint(c));

describe("character classes with an ASCII fast path", () => {
  it("agree with the \\p{…} regexes they stand for", () => {
    fc.assert(
      fc.property(oneChar, (ch) => {
        expect(isLetter(ch)).toBe(/^\p{L}$/u.test(ch));
        expect(isUpper(ch)).toBe(/^\p{Lu}$/u.test(ch));
        expect(isLower(ch)).toBe(/^\p{Ll}$/u.test(ch));
        expect(isLetterOrNumber(ch)).toBe(/^[\p{L}\p{N}]$/u.test(ch));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(hasLetter(s)).toBe(/\p{L}/u.test(s));
        expect(allUpper(s)).toBe(/^\p{Lu}+$/u.test(s));
        expect(allUpper(s, 2)).toBe(/^\p{Lu}{2,}$/u.test(s));
        expect(lettersOf(s)).toBe(s.replace(/[^\p{L}]/gu, ""));
        expect(letterWords(s)).toEqual(s.split(/[^\p{L}']+/u).filter(Boolean));
        expect(hasInnerCapital(s)).toBe(/\p{Ll}\p{Lu}/u.test(s));
        expect(hasDomainEnding(s)).toBe(/\p{L}\.\p{L}{2,}$/u.test(s));
      }),
      { numRuns: 3000 },
    );
  });
  it("isWordChar agrees with WORD_CLASS for every code unit", () => {
    const re = new RegExp(WORD_CLASS);
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isWordChar(ch) !== re.test(ch)) expect.fail(`U+${c.toString(16)}`);
    }
    expect(isWordChar("a")).toBe(true);
    expect(isWordChar(" ")).toBe(false);
    expect(isWordChar(undefined)).toBe(false);
  });
  it("normalize lower-cases character by character and folds apostrophes, keeping every offset", () => {
    const reference = (t: string) =>
      Array.from(t.split(""), (c) =>
        "’‘`´ʼ".includes(c) ? "'" : c.toLowerCase().length === 1 ? c.toLowerCase() : c,
      ).join("");
    fc.assert(
      fc.property(text, (s) => {
        expect(normalize(s)).toBe(reference(s));
        expect(normalize(s).length).toBe(s.length);
      }),
      { numRuns: 3000 },
    );
  });
  it("known cases", () => {
    expect(hasDomainEnding("Acquire.com")).toBe(true);
    expect(hasDomainEnding("e.g")).toBe(false);
    expect(hasInnerCapital("brightonSEO")).toBe(true);
    expect(letterWords("l'équipe, c'est   nous")).toEqual(["l'équipe", "c'est", "nous"]);
  });
});

describe("line and column of an offset", () => {
  it("an offset between the \\r and \\n of a CRLF is the end of its line", async () => {
    const { LineIndex } = await import("../../src/engine/text.js");
    const index = new LineIndex("ab\r\ncd");
    expect(index.position(2)).toEqual({ line: 1, column: 3 });
    expect(index.position(3)).toEqual({ line: 1, column: 3 });
    expect(index.position(4)).toEqual({ line: 2, column: 1 });
  });
});
