import { describe, expect, it } from "vitest";
import { builtinRules } from "../../src/browser.js";
import { ruleTable } from "../helpers.js";
import { TABLES } from "./tables/index.js";

describe("rule tables", () => {
  for (const table of TABLES) ruleTable(table);
});

describe("the tables", () => {
  it("hold one table for every built-in rule, and no table for a rule that does not exist", () => {
    const ids = TABLES.map((t) => t.rule);
    expect(ids.length).toBe(new Set(ids).size);
    expect([...ids].sort()).toEqual(builtinRules.rules.map((r) => r.id).sort());
  });

  it("give every rule a case where it fires and one where it does not", () => {
    for (const t of TABLES) {
      const [quiet, fired] = "present" in t ? [t.absent, t.present] : [t.valid, t.invalid];
      expect(quiet.length, t.rule).toBeGreaterThan(0);
      expect(fired.length, t.rule).toBeGreaterThan(0);
    }
  });
});
