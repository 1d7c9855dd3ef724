import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinRules, lint } from "../../src/browser.js";
import { patternMatcher, phraseMatcher } from "../../src/engine/compile.js";
import { linterFor } from "../../src/engine/default.js";
import { expandVocabulary } from "../../src/engine/patterns.js";
import { normalize } from "../../src/engine/text.js";
import { rulesMarkdown } from "../../src/ruleset/docs.js";
import type { RuleDef } from "../../src/engine/types.js";
import { exampleOptions, ROOT, type Case } from "../helpers.js";
import { TABLES } from "./tables/index.js";

const linter = linterFor(builtinRules);

function fires(rule: RuleDef, text: string): boolean {
  const r = lint(text, exampleOptions(rule));
  return rule.kind === "cue" ? !r.signals.includes(rule.id) : r.messages.some((m) => m.ruleId === rule.id);
}

describe("every built-in rule", () => {
  it.each(builtinRules.rules.map((r) => [r.id, r] as const))(
    "%s has a description, a bad and a good example that behave",
    (_id, rule) => {
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.examples.bad.length).toBeGreaterThan(0);
      expect(rule.examples.good.length).toBeGreaterThan(0);
      for (const bad of rule.examples.bad)
        expect(fires(rule, bad), `bad example should ${rule.kind === "cue" ? "lack the cue" : "fire"}: ${bad}`).toBe(
          true,
        );
      for (const good of rule.examples.good)
        expect(
          fires(rule, good),
          `good example should ${rule.kind === "cue" ? "have the cue" : "not fire"}: ${good}`,
        ).toBe(false);
      if (rule.kind !== "cue") expect(rule.hint.length).toBeGreaterThan(5);
    },
  );

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

/** Every phrase and pattern of the built-in rules, each with a matcher of its own. */
const items = builtinRules.rules.flatMap((rule) => [
  ...Object.entries(rule.phrases).flatMap(([lang, list]) =>
    list.map((source) => ({ rule, lang, kind: "phrase", source, matcher: phraseMatcher([source]) })),
  ),
  ...Object.entries(rule.patterns).flatMap(([lang, list]) =>
    list.map((source) => ({
      rule,
      lang,
      kind: "pattern",
      source,
      matcher: patternMatcher(expandVocabulary(source, builtinRules.vocabulary), undefined),
    })),
  ),
]);
type Item = (typeof items)[number];

/** The notes that show a rule at work: its own examples where it fires (a cue: is present) and its table's cases that fire. */
function firing(rule: RuleDef): Case[] {
  const table = TABLES.find((t) => t.rule === rule.id);
  const cases: Case[] = table ? ("present" in table ? table.present : table.invalid) : [];
  const examples = rule.kind === "cue" ? rule.examples.good : rule.examples.bad;
  return [...examples.map((text) => ({ text, options: exampleOptions(rule) })), ...cases];
}

/** What a note gives: its language, and the spans each rule reports in it. */
const seen = new Map<Case, { lang: string; norm: string; reported: Record<string, [number, number][]> }>();
function look(c: Case) {
  let v = seen.get(c);
  if (!v)
    seen.set(
      c,
      (v = {
        lang: linter.lint(c.text, c.options).lang,
        norm: normalize(c.text),
        reported: linter.matches(c.text, c.options),
      }),
    );
  return v;
}

/** In a note of its language, the phrase or pattern alone finds words that its rule reports, exactly. */
function exercises(item: Item, c: Case): boolean {
  const { lang, norm, reported } = look(c);
  if (item.lang !== "any" && lang !== item.lang) return false;
  const spans = reported[item.rule.id] ?? [];
  return item.matcher(norm).some((s) => spans.some(([start, end]) => start === s.start && end === s.end));
}

describe("every built-in phrase and pattern", () => {
  const withMatchers = builtinRules.rules.filter((r) => items.some((i) => i.rule === r));
  it.each(withMatchers.map((r) => [r.id, r] as const))(
    "%s: each phrase and pattern has a note, among the rule's examples or its table, that it decides",
    (_id, rule) => {
      const idle = items.filter((i) => i.rule === rule && !firing(rule).some((c) => exercises(i, c)));
      expect(idle.map((i) => `${i.kind} (${i.lang}): ${i.source}`)).toEqual([]);
    },
  );
});
