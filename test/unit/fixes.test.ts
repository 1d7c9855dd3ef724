// The fixes declared in rule files (fix:), as the engine computes them for its findings.
import { describe, expect, it } from "vitest";
import { builtinRules, lint } from "../../src/browser.js";
import type { LintOptions } from "../../src/engine/types.js";

function fixed(text: string, ruleId: string, options: LintOptions = {}): string | undefined {
  const m = lint(text, options).messages.find((x) => x.ruleId === ruleId);
  expect(m, `${ruleId} on ${text}`).toBeDefined();
  if (!m!.fix) return undefined;
  return text.slice(0, m!.fix.range[0]) + m!.fix.text + text.slice(m!.fix.range[1]);
}

describe("fixes declared in the rules", () => {
  it("remove a stock phrase, boilerplate or empty flattery with the marks after it", () => {
    expect(
      fixed(
        "I'd like to add you to my professional network on LinkedIn. We met at PyData Denver last week.",
        "stock-invitation",
      ),
    ).toBe("We met at PyData Denver last week.");
    expect(
      fixed("Hi Priya, I hope this message finds you well. Great meeting you at PyData Denver.", "boilerplate-phrase"),
    ).toBe("Hi Priya, Great meeting you at PyData Denver.");
  });

  it("one exclamation mark, one space", () => {
    expect(fixed("Great meeting you at PyData Denver!!!", "exclamation-run")).toBe(
      "Great meeting you at PyData Denver!",
    );
    expect(fixed("Great meeting you at PyData.  Your talk was great.", "double-space")).toBe(
      "Great meeting you at PyData. Your talk was great.",
    );
  });

  it("greet the recipient given by --to, in place of a bare greeting or before the note, or instead of someone else", () => {
    expect(fixed("Great meeting you at PyData Denver last week.", "recipient-name-missing", { to: "Priya Shah" })).toBe(
      "Hi Priya, Great meeting you at PyData Denver last week.",
    );
    expect(fixed("Hello, great meeting you at PyData Denver.", "recipient-name-missing", { to: "Priya Shah" })).toBe(
      "Hello Priya, great meeting you at PyData Denver.",
    );
    expect(fixed("Hi Daniel, we met at PyData Denver.", "wrong-recipient", { to: "Priya Shah" })).toBe(
      "Hi Priya, we met at PyData Denver.",
    );
    expect(fixed("Great meeting you at PyData Denver last week.", "no-personal-touch")).toBeUndefined();
  });

  it("carry a label, and offsets into the file for a note inside one", () => {
    const m = lint("Great to meet you!!!", {
      offset: 40,
      source: `${" ".repeat(40)}Great to meet you!!!`,
    }).messages.find((x) => x.ruleId === "exclamation-run")!;
    expect(m.fix).toEqual({ range: [57, 60], text: "!", label: "Use one exclamation mark" });
  });

  it("are declared only with actions the engine knows", () => {
    const actions = builtinRules.rules.flatMap((r) => (r.fix ? [r.fix.action] : []));
    expect(new Set(actions)).toEqual(new Set(["remove", "replace", "greet", "rename", "trim"]));
  });
});
