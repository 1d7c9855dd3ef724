// The page's logic that needs no browser: the engine's fixes as the page applies them, and the URL fragment.
import { describe, expect, it } from "vitest";
import { lintNote } from "../../web/src/engine.js";
import { applyFix, fixFor } from "../../web/src/fixes.js";
import { explain } from "../../web/src/explain.js";
import { DEFAULT_STATE, lintOptions, parseFragment, toFragment } from "../../web/src/state.js";

/** The note after the fix of the first finding of `ruleId`, or undefined when it has no fix. */
function fixed(text: string, ruleId: string, to?: string): string | undefined {
  const m = lintNote(text, to ? { to } : {}).messages.find((x) => x.ruleId === ruleId);
  expect(m, `${ruleId} on ${text}`).toBeDefined();
  const fix = fixFor(m!);
  return fix && applyFix(text, fix);
}

describe("fixes", () => {
  it("remove a stock phrase, boilerplate or empty flattery with the punctuation after it", () => {
    expect(
      fixed(
        "I'd like to add you to my professional network on LinkedIn. We met at PyData Denver last week.",
        "stock-invitation",
      ),
    ).toBe("We met at PyData Denver last week.");
    expect(
      fixed(
        "Hi Priya, I hope this message finds you well. Great meeting you at PyData Denver.",
        "boilerplate-phrase",
        "Priya Shah",
      ),
    ).toBe("Hi Priya, Great meeting you at PyData Denver.");
  });

  it("one exclamation mark, one space, a greeting by name", () => {
    expect(fixed("Great meeting you at PyData Denver!!!", "exclamation-run")).toBe(
      "Great meeting you at PyData Denver!",
    );
    expect(fixed("Great meeting you at PyData Denver.  Your talk on dbt tests was great.", "double-space")).toBe(
      "Great meeting you at PyData Denver. Your talk on dbt tests was great.",
    );
    expect(fixed("Great meeting you at PyData Denver last week.", "recipient-name-missing", "Priya Shah")).toBe(
      "Hi Priya, Great meeting you at PyData Denver last week.",
    );
  });

  it("none where the fix needs the writer's words; the greeting of someone else is renamed", () => {
    expect(fixed("I'd like to add you to my professional network on LinkedIn.", "no-context")).toBeUndefined();
    expect(fixed("Hi Daniel, we met at PyData Denver last week.", "wrong-recipient", "Priya Shah")).toBe(
      "Hi Priya, we met at PyData Denver last week.",
    );
  });
});

describe("the URL fragment", () => {
  it("round-trips every field and leaves defaults out", () => {
    const state = {
      text: "Hi Priya & co, 100% sure #1?",
      to: "Priya Shah",
      company: "Acme",
      context: "met at PyData",
      account: "free" as const,
      template: true,
      lang: "de",
    };
    const fragment = toFragment(state);
    expect(fragment.startsWith("#text=")).toBe(true);
    expect(parseFragment(fragment, ["en", "de"])).toEqual(state);
    expect(toFragment(DEFAULT_STATE)).toBe("");
    expect(toFragment({ ...DEFAULT_STATE, text: "x" })).toBe("#text=x");
  });

  it("falls back to defaults for values out of range", () => {
    expect(parseFragment("#account=gold&lang=xx&template=yes&other=1", ["en"])).toEqual(DEFAULT_STATE);
    expect(lintOptions({ ...DEFAULT_STATE, to: "  ", lang: "auto" })).toEqual({ account: "premium", template: false });
  });
});

describe("the reasons for a score", () => {
  it("are the engine's breakdown, its cap and the verdict", () => {
    const r = lintNote("I'd like to add you to my professional network on LinkedIn.", {});
    const lines = explain(r);
    expect(lines[0]).toEqual({ kind: "sum", text: `Starts from ${r.breakdown.base}.` });
    expect(lines.filter((l) => l.kind === "item").map((l) => l.ruleId)).toEqual(r.breakdown.items.map((i) => i.ruleId));
    expect(lines.find((l) => l.kind === "cap")).toEqual({
      kind: "cap",
      ruleId: "stock-invitation",
      text: "Capped at 20 by stock-invitation.",
    });
    expect(lines[lines.length - 1]).toEqual({ kind: "verdict", text: `✖ fails: ${r.score} is below 70 and 1 error.` });
    const good = explain(
      lintNote(
        "Hi Priya, great meeting you at the Denver PyData meetup last week. Your talk on dbt tests changed how our team works; happy to send you the checklist we built from it.",
        { to: "Priya Shah" },
      ),
    );
    expect(good[good.length - 1]!.text).toMatch(/^✔ passes: \d+ is at least 70/);
    expect(good.some((l) => l.kind === "cap")).toBe(false);
  });
});
