import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinRules, lint } from "../../src/browser.js";
import { rulesMarkdown } from "../../src/ruleset/docs.js";
import type { RuleDef } from "../../src/engine/types.js";
import { exampleOptions, ROOT } from "../helpers.js";

function fires(rule: RuleDef, text: string): boolean {
  const r = lint(text, exampleOptions(rule));
  return rule.kind === "cue" ? !r.signals.includes(rule.id) : r.messages.some((m) => m.ruleId === rule.id);
}

describe("every built-in rule", () => {
  it.each(builtinRules.rules.map((r) => [r.id, r] as const))("%s has a description, a bad and a good example that behave", (_id, rule) => {
    expect(rule.description.length).toBeGreaterThan(10);
    expect(rule.examples.bad.length).toBeGreaterThan(0);
    expect(rule.examples.good.length).toBeGreaterThan(0);
    for (const bad of rule.examples.bad) expect(fires(rule, bad), `bad example should ${rule.kind === "cue" ? "lack the cue" : "fire"}: ${bad}`).toBe(true);
    for (const good of rule.examples.good) expect(fires(rule, good), `good example should ${rule.kind === "cue" ? "have the cue" : "not fire"}: ${good}`).toBe(false);
    if (rule.kind !== "cue") expect(rule.hint.length).toBeGreaterThan(5);
  });

  it("belongs to a known check and has a unique id that names its file", () => {
    const checks = new Set(builtinRules.scoring.checks.map((c) => c.id));
    const ids = new Set<string>();
    for (const r of builtinRules.rules) {
      expect(checks.has(r.check), r.id).toBe(true);
      expect(ids.has(r.id), r.id).toBe(false);
      ids.add(r.id);
      expect(r.origin.file.endsWith(`${r.check}/${r.id}.yaml`), r.origin.file).toBe(true);
    }
  });

  it("appears in docs/rules.md, which is up to date (npm run docs)", () => {
    const docs = readFileSync(join(ROOT, "docs/rules.md"), "utf8");
    for (const r of builtinRules.rules) expect(docs).toContain(`### ${r.id}\n`);
    expect(docs).toBe(rulesMarkdown(builtinRules));
  });
});
