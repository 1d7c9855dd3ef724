import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../src/browser.js";
import { LiteralIndex, phraseMatcher, patternMatcher, regexFlags } from "../../src/engine/compile.js";
import { WORD_CLASS } from "../../src/engine/text.js";
import { expandVocabulary } from "../../src/rules/validate.js";

const sources = builtinRules.rules.flatMap((r) => Object.values(r.patterns).flat().map((p) => expandVocabulary(p, builtinRules.vocabulary)));
// Text around the rules' own examples, with astral characters, accents and surrogate halves mixed in.
const examples = builtinRules.rules.flatMap((r) => [...r.examples.bad, ...r.examples.good]).map((t) => t.toLowerCase().replace(/’/g, "'"));
const noise = fc.string({ unit: fc.constantFrom(..."a é'’-.!😀\ud83d\ude00\udc00\u200d\n".split("")), maxLength: 6 });
const text = fc.tuple(noise, fc.constantFrom(...examples), noise, fc.constantFrom(...examples), noise).map((parts) => parts.join(""));

const all = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => [m.index, m[0]]);

describe("compiled rule regexes", () => {
  it("drop the u flag only where it changes no match", () => {
    const plain = sources.filter((s) => regexFlags(s) === "g");
    expect(plain.length).toBeGreaterThan(100);
    expect(regexFlags("[\\p{L}]+")).toBe("gu");
    expect(regexFlags("a.b")).toBe("gu");
    expect(regexFlags("[^a]")).toBe("gu");
    expect(regexFlags("\\S+")).toBe("gu");
    fc.assert(fc.property(text, (s) => {
      for (const source of plain) {
        const body = `(?:${source})(?:(?<!${WORD_CLASS})|(?!${WORD_CLASS}))`;
        expect(all(new RegExp(body, "g"), s)).toEqual(all(new RegExp(body, "gu"), s));
      }
    }), { numRuns: 60 });
  });

  it("the literal index says what includes() says, for any sets and notes", () => {
    const unit = fc.constantFrom(..."ab ye'😀\ud83d".split(""));
    const literal = fc.string({ unit, maxLength: 5 });
    fc.assert(fc.property(fc.array(fc.array(literal, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.array(fc.string({ unit, maxLength: 40 }), { minLength: 1, maxLength: 4 }), (sets, notes) => {
      const index = new LiteralIndex();
      const ids = sets.map((set) => index.add(set));
      // Past the first notes, the index answers from its table.
      for (let i = 0; i < LiteralIndex.WARM; i++) index.holds(`warm ${i}`, ids);
      for (const note of notes) {
        ids.forEach((id, i) => expect(index.holds(note, [id])).toBe(sets[i]!.some((l) => note.includes(l))));
        expect(index.holds(note, ids)).toBe(sets.every((set) => set.some((l) => note.includes(l))));
      }
      // Sets filed after a note was scanned count for that note too.
      const late = index.add(["ab"]);
      expect(index.holds(notes[0]!, [late])).toBe(notes[0]!.includes("ab"));
    }), { numRuns: 500 });
  });

  it("a scan that stops early finds the same first match, and the limit holds", () => {
    const m = phraseMatcher(["happy to help", "happy to"]);
    const s = "happy to help. happy to chat. happy to help again.";
    expect(m(s)).toHaveLength(3);
    expect(m(s, 1)).toEqual([m(s)[0]]);
    const p = patternMatcher("(?:we|i) worked together", false);
    const t = "we worked together, and i worked together with them";
    expect(p(t).map((x) => t.slice(x.start, x.end))).toEqual(["we worked together", "i worked together"]);
    expect(p(t, 1)).toHaveLength(1);
  });
});
