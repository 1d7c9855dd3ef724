import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createLinter, pieces } from "../../src/engine/lint.js";
import { builtinRules } from "../../src/builtin.js";
import { holdsLarger, spanIndex } from "../../src/engine/filter.js";

describe("an input far beyond any note is linted a piece at a time", () => {
  it("pieces cover the text in order, each at most the size, cut after a line break or a space where there is one", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 3000 }), fc.integer({ min: 8, max: 400 }), (text, size) => {
        const ps = pieces(text, size);
        expect(ps[0]![0]).toBe(0);
        expect(ps.at(-1)![1]).toBe(text.length);
        for (let i = 0; i < ps.length; i++) {
          const [a, b] = ps[i]!;
          expect(b - a).toBeLessThanOrEqual(size);
          if (i > 0) expect(a).toBe(ps[i - 1]![1]);
          // Never between the halves of a surrogate pair.
          const code = text.charCodeAt(b);
          if (b < text.length) expect(code >= 0xdc00 && code <= 0xdfff).toBe(false);
        }
      }),
    );
    const text = `${"word ".repeat(30)}\n\n${"more ".repeat(30)}`;
    expect(pieces(text, 200)).toEqual([
      [0, 152],
      [152, text.length],
    ]);
  });

  it("finds in each piece what it finds in that note alone, at its place in the input; the length rule measures the whole", () => {
    const linter = createLinter(builtinRules);
    const note = "Hi Tom, we help teams like yours ship faster. Book a demo this week!!\n\n";
    const alone = linter.lint(note);
    const copies = Math.ceil((300 * 1024) / note.length);
    const text = note.repeat(copies);
    const huge = linter.lint(text);
    for (const rule of ["sales-pitch", "exclamation-run"]) {
      const once = alone.messages.filter((m) => m.ruleId === rule).map((m) => m.offset);
      expect(once.length, rule).toBeGreaterThan(0);
      const all = huge.messages.filter((m) => m.ruleId === rule).map((m) => m.offset);
      expect(all).toEqual(Array.from({ length: copies }, (_, k) => once.map((o) => o + k * note.length)).flat());
    }
    const long = huge.messages.filter((m) => m.ruleId === "note-too-long");
    expect(long.map((m) => [m.offset, m.endOffset])).toEqual([[300, text.trimEnd().length]]);
    expect(huge.characters).toBe(text.trim().length);
    expect(huge.passed).toBe(false);
  });
});

describe("nested findings are found by index, not by comparing every pair", () => {
  it("holdsLarger says what the pairwise test says", () => {
    const span = fc.tuple(fc.nat(40), fc.nat(10)).map(([start, n]) => ({ start, end: start + n }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), span, (spans, s) => {
        const pairwise = spans.some((x) => x.start <= s.start && s.end <= x.end && x.end - x.start > s.end - s.start);
        expect(holdsLarger(spanIndex(spans), s)).toBe(pairwise);
      }),
      { numRuns: 2000 },
    );
  });
});
