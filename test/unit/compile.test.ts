import { describe, expect, it } from "vitest";
import { phraseMatcher, patternMatcher } from "../../src/engine/compile.js";
import { re2Compiler } from "../../src/ruleset/load.js";

describe("compiled rule regexes", () => {
  it("a scan that stops early finds the same first match, and the limit holds", () => {
    const m = phraseMatcher(["happy to help", "happy to"]);
    const s = "happy to help. happy to chat. happy to help again.";
    expect(m(s).map((x) => s.slice(x.start, x.end))).toEqual(["happy to help", "happy to", "happy to help"]);
    expect(m(s, 1)).toEqual([m(s)[0]]);
    const p = patternMatcher("(?:we|i) worked together", undefined);
    const t = "we worked together, and i worked together with them";
    expect(p(t).map((x) => t.slice(x.start, x.end))).toEqual(["we worked together", "i worked together"]);
    expect(p(t, 1)).toHaveLength(1);
  });

  it("a rule pack's pattern runs on the linear engine it is given, and needs one", () => {
    const p = patternMatcher("(a+)+$", re2Compiler);
    const long = `${"a".repeat(50_000)}!`;
    expect(p(long)).toEqual([]);
    const q = patternMatcher("we (?:build|design) websites", re2Compiler);
    expect(q("we design websites").map((x) => [x.start, x.end])).toEqual([[0, 18]]);
  });
});
