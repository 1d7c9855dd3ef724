// The detectors read part-of-speech tags; this pins the tagger they stand on. What each
// detector rule finds, with its spans, is in the rule tables (test/unit/tables).
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { createLexicon, tagWords } from "../../src/engine/tagger.js";
import { createParser } from "../../src/engine/nlp.js";
import { ROOT } from "../helpers.js";

describe("part-of-speech tagging", () => {
  it("tags the hand-tagged fixture sentences at 95% or better", () => {
    const fixtures = parse(readFileSync(`${ROOT}/test/fixtures/pos.yaml`, "utf8")) as { text: string; tags: string }[];
    const lexicon = createLexicon(readFileSync(`${ROOT}/rules/lexicon/en.tsv`, "utf8"));
    const parseNote = createParser({ age: 18, minWords: 12, threshold: 5 / 7 });
    let right = 0;
    let all = 0;
    for (const f of fixtures) {
      const words = parseNote(f.text).sentences.flatMap((s) => s.words.map((w) => w.text));
      const gold = f.tags.split(" ");
      expect(words.length, f.text).toBe(gold.length);
      tagWords(words, lexicon).forEach((t, i) => {
        all++;
        if (t === gold[i]) right++;
      });
    }
    expect(all).toBeGreaterThan(0);
    expect(right / all).toBeGreaterThanOrEqual(0.95);
  });
});
