// Describing rules: `invite-lint rules` (a table, or JSON) and `--explain <rule>`.
import type { RuleDef, RuleSetData } from "../engine/types.js";
import { ruleUrl } from "./sarif.js";
import { NEAR_DUPLICATE_RULE } from "../engine/sameness.js";

/** The rules a run can report: the rule set's, and near-duplicate, which compares the notes of a run. */
export function reportable(rules: RuleSetData): RuleSetData {
  return { ...rules, rules: [...rules.rules, NEAR_DUPLICATE_RULE] };
}

/** `invite-lint rules --format json`: every rule's metadata, one object each. */
export function rulesJson(rules: RuleSetData): string {
  const list = [...rules.rules]
    .sort((a, b) => a.check.localeCompare(b.check) || a.id.localeCompare(b.id))
    .map((r) => ({
      id: r.id,
      check: r.check,
      kind: r.kind,
      severity: r.kind === "cue" ? null : r.severity,
      description: r.description,
      hint: r.hint || null,
      fixable: r.fix !== undefined,
      builtin: Boolean(r.builtin),
      url: ruleUrl(r) ?? null,
      source: r.origin.file,
      examples: r.examples,
    }));
  return `${JSON.stringify(list, null, 2)}\n`;
}

export function listRules(rules: RuleSetData): string {
  const rows = [...rules.rules].sort((a, b) => a.check.localeCompare(b.check) || a.id.localeCompare(b.id));
  const w = Math.max(...rows.map((r) => r.id.length));
  const lines = rows.map(
    (r) =>
      `${r.id.padEnd(w)}  ${r.check.padEnd(15)}  ${(r.kind === "cue" ? "cue" : r.severity).padEnd(7)}  ${r.description}`,
  );
  return `${"rule".padEnd(w)}  ${"check".padEnd(15)}  ${"level".padEnd(7)}  description\n${lines.join("\n")}\n`;
}

export function explain(rule: RuleDef, rules: RuleSetData): string {
  const out = [
    `${rule.id} (${rule.check} check, ${rule.kind}${rule.kind === "cue" ? "" : `, ${rule.severity}`})`,
    "",
    rule.description,
    "",
  ];
  if (rule === NEAR_DUPLICATE_RULE) {
    out.push(
      "Score:",
      "  no points: a warning on each note of a run that is the same note as others with another name",
      "  (--rule near-duplicate=error fails those notes; =off or config sameness.threshold: off turns it off)",
      "",
      "Matches:",
      "  compares the notes of one run (files, collection entries, Markdown sections) by word 3-grams,",
      "  names, greetings and merge fields masked; similarity at least sameness.threshold (0.8 by default)",
      "",
      `Fix: ${rule.hint}`,
    );
    const url = ruleUrl(rule);
    if (url) out.push("", `Docs: ${url}`);
    return `${out.join("\n")}\n`;
  }
  out.push("Score:", ...fittedWeights(rule, rules), "");
  const matchers = [
    ...Object.entries(rule.phrases).map(
      ([lang, list]) =>
        `  phrases (${lang}): ${list
          .slice(0, 8)
          .map((p) => `"${p}"`)
          .join(", ")}${list.length > 8 ? `, and ${list.length - 8} more` : ""}`,
    ),
    ...Object.entries(rule.patterns).map(([lang, list]) => `  patterns (${lang}): ${list.length}, e.g. /${list[0]}/`),
  ];
  if (rule.metric) matchers.push(`  metric: ${rule.metric} ${JSON.stringify(rule.params)}`);
  if (rule.detector)
    matchers.push(
      `  detector: ${rule.detector}${Object.keys(rule.params).length ? ` ${JSON.stringify(rule.params)}` : ""}`,
    );
  if (rule.kind === "missing") matchers.push(`  fires when ${rule.requires.join(" + ")} score below ${rule.below}`);
  if (rule.cap)
    matchers.push(
      `  caps the score at ${rule.cap.score}${rule.cap.unless.length ? ` unless ${rule.cap.unless.join(" or ")}` : ""}`,
    );
  out.push("Matches:", ...matchers, "");
  if (rule.hint) out.push(`Fix: ${rule.hint}`, "");
  for (const b of rule.examples.bad) out.push(`Bad:  ${b}`);
  for (const g of rule.examples.good) out.push(`Good: ${g}`);
  const url = ruleUrl(rule);
  if (url) out.push("", `Docs: ${url}`);
  return `${out.join("\n")}\n`;
}

/** What a rule is worth: its fitted weights (rules/weights.yaml), or the points its file gives it. */
function fittedWeights(rule: RuleDef, rules: RuleSetData): string[] {
  const m = rules.model;
  const sign = rule.kind === "cue" ? 1 : -1;
  if (rule.kind !== "cue" && rule.severity === "info") return ["  info: shown, costs no points"];
  const w = m?.verdict.weights[rule.id];
  if (!m || (w === undefined && !rule.builtin))
    return [
      `  ${sign > 0 ? "+" : "-"}${rule.weight} points when it ${sign > 0 ? "matches" : "fires"} (from its rule file; rule packs are not fitted)`,
    ];
  const points = (w ?? 0) * m.scale;
  const lines = [
    `  verdict: ${w === undefined ? "no weight (fitted to 0)" : `${w > 0 ? "+" : ""}${w} logit = ${points > 0 ? "+" : ""}${points.toFixed(1)} points`} (fitted, rules/weights.yaml)`,
  ];
  for (const [check, cm] of Object.entries(m.checks)) {
    const cw = cm.weights[rule.id];
    if (cw !== undefined) lines.push(`  ${check} check: ${cw > 0 ? "+" : ""}${cw} logit`);
  }
  return lines;
}
