import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import retextEnglish from "retext-english";
import retextReadability from "retext-readability";
import { unified } from "unified";
import { VFile } from "vfile";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { createParser, type ReadabilityOptions } from "../../src/engine/nlp.js";
import { ROOT } from "../helpers.js";

/** The hard sentences retext-readability finds when it is given every sentence of the text. */
function everySentence(text: string, options: ReadabilityOptions): { start: number; end: number }[] {
  const processor = unified().use(retextEnglish).use(retextReadability, options).freeze();
  const file = new VFile(text);
  processor.runSync(processor.parse(file), file);
  return file.messages.map((m) => {
    const place = m.place as { start: { offset: number }; end: { offset: number } };
    return { start: place.start.offset, end: place.end.offset };
  });
}

const WORDS = [
  "we",
  "met",
  "at",
  "the",
  "meetup",
  "and",
  "I",
  "liked",
  "your",
  "talk",
  "on",
  "tests",
  "Priya",
  "organizational",
  "interdisciplinary",
  "notwithstanding",
  "comprehensive",
  "accountability",
  "institutional",
  "implementation",
  "considerable",
  "collaboration",
  "necessitates",
  "analytics",
  "platforms",
  "hospitals",
  "a",
  "extraordinarily",
  "characteristically",
];

const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 60 })
  .map((w) => `${w.join(" ").replace(/^./, (c) => c.toUpperCase())}.`);
const text = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(" "));
const options = fc.record({
  age: fc.oneof(fc.integer({ min: 6, max: 24 }), fc.double({ min: 6, max: 24, noNaN: true })),
  minWords: fc.integer({ min: 0, max: 20 }),
  threshold: fc.oneof(
    fc.integer({ min: 1, max: 7 }).map((k) => k / 7),
    fc.double({ min: 0.01, max: 1, noNaN: true }),
  ),
});

describe("readability: only the sentences that could be hard are handed to retext-readability", () => {
  it("finds the hard sentences it finds when it sees every sentence (generated sentences and settings)", () => {
    let flagged = 0;
    fc.assert(
      fc.property(text, options, (t, o) => {
        const hard = createParser(o)(t).hard;
        flagged += hard.length;
        expect(hard).toEqual(everySentence(t, o));
      }),
      { numRuns: 400 },
    );
    expect(flagged).toBeGreaterThan(0);
  });
  it("finds the same in every fixture note, with the built-in settings", () => {
    const notes = parse(readFileSync(join(ROOT, "test/fixtures/quality.yaml"), "utf8")) as { text: string }[];
    notes.push({
      text: "Notwithstanding considerable organizational complexity, interdisciplinary collaboration necessitates comprehensive institutional accountability mechanisms throughout implementation.",
    });
    const o = { age: 18, minWords: 12, threshold: 5 / 7 };
    const parser = createParser(o);
    let hard = 0;
    for (const n of notes) {
      const found = parser(n.text).hard;
      hard += found.length;
      expect(found).toEqual(everySentence(n.text, o));
    }
    expect(hard).toBeGreaterThan(0);
  });
});
