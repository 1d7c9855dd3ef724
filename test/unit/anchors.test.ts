import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { requiredLiteralSets, requiredLiterals } from "../../src/engine/anchors.js";
import { builtinRules } from "../../src/browser.js";
import { expandVocabulary } from "../../src/ruleset/validate.js";
import { normalize } from "../../src/engine/text.js";
import type { RuleTable } from "../helpers.js";
import { TABLES } from "./tables/index.js";

/** Every note of a rule table. */
const tableTexts = (t: RuleTable): string[] =>
  ("present" in t ? [...t.absent, ...t.present] : [...t.valid, ...t.invalid]).map((c) =>
    typeof c === "string" ? c : c.text,
  );

describe("required literals of a pattern", () => {
  it("finds the most selective literal run or alternation", () => {
    expect(requiredLiterals("please guide")).toEqual(["please guide"]);
    expect(requiredLiterals("(?:great|nice) to meet you")).toEqual(["great to meet you", "nice to meet you"]);
    expect(requiredLiterals("(?:we|i) help (?:\\p{L}+ ){0,3}(?:ceos|teams)")).toEqual(["we help ", "i help "]);
    expect(requiredLiterals("classmates?")).toEqual(["classmate"]);
    expect(requiredLiterals("ab+c")).toEqual(["ab"]);
    expect(requiredLiterals("refer me|referral")).toEqual(["refer me", "referral"]);
    expect(requiredLiterals("\\d+ ?(?:%|x) more")).toEqual(["% more", "x more"]);
    expect(requiredLiterals("[!?]{2,}")).toBeUndefined();
    expect(requiredLiteralSets("(?:read|saw) your (?:post|talk) on")).toEqual([
      ["read your post on", "read your talk on", "saw your post on", "saw your talk on"],
    ]);
    expect(requiredLiteralSets("(?:read|saw) your (?:\\p{L}+ )?(?:post|talk) on")).toEqual([
      ["read your ", "saw your "],
      ["post on", "talk on"],
    ]);
    expect(requiredLiterals("a|\\d+")).toBeUndefined();
  });

  it("never skips a match: every built-in pattern's matches contain one of its literals", () => {
    const notes = [
      ...builtinRules.rules.flatMap((r) => [...r.examples.bad, ...r.examples.good]),
      ...TABLES.flatMap(tableTexts),
    ];
    const texts = notes.map((t) => normalize(t));
    let withLiterals = 0;
    for (const rule of builtinRules.rules) {
      for (const list of Object.values(rule.patterns)) {
        for (const p of list) {
          const source = expandVocabulary(p, builtinRules.vocabulary);
          const sets = requiredLiteralSets(source);
          if (!sets) continue;
          withLiterals++;
          const re = new RegExp(source, "gu");
          for (const t of texts) {
            for (const m of t.matchAll(re))
              for (const lits of sets)
                expect(
                  lits.some((l) => m[0].includes(l)),
                  `${p} on ${m[0]}`,
                ).toBe(true);
          }
        }
      }
    }
    expect(withLiterals).toBeGreaterThan(60);
  });

  it("is sound on random literal patterns and texts", () => {
    const word = fc.stringMatching(/^[a-c]{1,3}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.stringMatching(/^[a-c ]{0,30}$/),
        (alts, tail, text) => {
          const source = `(?:${alts.join("|")}) ?${tail.join("")}+`;
          const sets = requiredLiteralSets(source);
          const m = new RegExp(source).exec(text);
          if (m && sets) for (const lits of sets) expect(lits.some((l) => m[0].includes(l))).toBe(true);
        },
      ),
    );
  });
});
