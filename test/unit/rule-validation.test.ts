import { describe, expect, it } from "vitest";
import { addRules, builtinRules, createLinter, re2Compiler, RuleFileError } from "../../src/browser.js";

function problemsOf(text: string, path = "pack/my-rule.yaml"): string {
  try {
    addRules(builtinRules, [{ path, text }]);
  } catch (error) {
    if (error instanceof RuleFileError)
      return error.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join("\n");
    throw error;
  }
  return "";
}

const BASE = "id: my-rule\ncheck: tone\nkind: existence\ndescription: A test rule.\nmessage: m\nhint: h\n";

describe("rule file validation", () => {
  it("accepts a valid rule and reports file:line:column for each kind of mistake", () => {
    expect(problemsOf(`${BASE}phrases: [hello there]\n`)).toBe("");
    expect(problemsOf(`${BASE}phrases: [hello]\ncolour: red\n`)).toBe('pack/my-rule.yaml:8:1: unknown key "colour"');
    expect(problemsOf(`${BASE}phrases: [hello]\nweight: heavy\n`)).toBe(
      'pack/my-rule.yaml:8:9: "weight" must be a number from 0 to 100',
    );
    expect(problemsOf(`${BASE}phrases: [hello]\nseverity: fatal\n`)).toBe(
      "pack/my-rule.yaml:8:11: severity must be one of info, warning, error",
    );
    expect(problemsOf(`${BASE}phrases:\n  en: [hello, Hello]\n`)).toBe(
      'pack/my-rule.yaml:8:15: duplicate phrase "Hello" (same as item 1)',
    );
    expect(problemsOf(`${BASE}phrases: ["hello <b>"]\n`)).toMatch(
      /^pack\/my-rule.yaml:7:11: phrase "hello <b>" has a stray character/,
    );
    expect(problemsOf(`${BASE}patterns: ['(unclosed']\n`)).toMatch(
      /^pack\/my-rule.yaml:7:12: pattern does not compile/,
    );
    expect(problemsOf(`${BASE}patterns: ['your {nonesuch}']\n`)).toMatch(
      /^pack\/my-rule.yaml:7:12: unknown vocabulary list "\{nonesuch\}"/,
    );
    expect(problemsOf(`${BASE.replace("tone", "politeness")}phrases: [hi]\n`)).toMatch(
      /^pack\/my-rule.yaml:2:8: unknown check "politeness"/,
    );
    expect(problemsOf(`${BASE}phrases: [hi]\n`, "pack/other-name.yaml")).toMatch(
      /^pack\/other-name.yaml:1:5: rule id "my-rule" must match its file name "other-name"/,
    );
    expect(problemsOf(BASE)).toMatch(/needs "phrases", "patterns", "metric" or "detector"/);
    expect(
      problemsOf(`${BASE.replace("id: my-rule", "id: stock-invitation")}phrases: [hi]\n`, "pack/stock-invitation.yaml"),
    ).toMatch(/already defined/);
    expect(problemsOf("- just\n- a list\n")).toMatch(/must be a mapping/);
    expect(problemsOf(`${BASE}phrases: [hi]\nunless: [no-such-rule]\n`)).toMatch(
      /unknown rule or check "no-such-rule"/,
    );
  });

  it("runs a catastrophic user pattern in linear time (RE2), so a hostile note cannot hang a run", () => {
    const rules = addRules(builtinRules, [
      {
        path: "pack/redos.yaml",
        text: `${BASE.replace("my-rule", "redos")}patterns: ['(a+)+$', '(a|aa)*c', '([a-z]+)*!']\n`,
      },
    ]);
    // A pack's patterns need the linear engine, and do not compile without it.
    expect(() => createLinter(rules)).toThrow(/linear-time regex engine/);
    const linter = createLinter(rules, { linear: re2Compiler });
    const hostile = `${"a".repeat(50_000)}b`;
    const r = linter.lint(hostile);
    expect(r.messages.some((m) => m.ruleId === "redos")).toBe(false);
    expect(linter.lint("aaaa").messages.some((m) => m.ruleId === "redos")).toBe(true);
  });
});
