import type { RuleDef, RuleSetData } from "../engine/types.js";

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function matchers(r: RuleDef): string[] {
  const out: string[] = [];
  for (const [lang, list] of Object.entries(r.phrases))
    out.push(
      `- phrases (${lang}, ${list.length}): ${list
        .slice(0, 6)
        .map((p) => code(p))
        .join(", ")}${list.length > 6 ? ", ..." : ""}`,
    );
  for (const [lang, list] of Object.entries(r.patterns))
    out.push(`- patterns (${lang}, ${list.length}): ${code(list[0]!)}${list.length > 1 ? ", ..." : ""}`);
  if (r.metric)
    out.push(
      `- metric ${code(r.metric)}${Object.keys(r.params).length ? ` with ${code(JSON.stringify(r.params))}` : ""}`,
    );
  if (r.detector)
    out.push(
      `- detector ${code(r.detector)}${Object.keys(r.params).length ? ` with ${code(JSON.stringify(r.params))}` : ""}`,
    );
  if (r.kind === "missing") out.push(`- fires when ${r.requires.map(code).join(" + ")} add up to less than ${r.below}`);
  if (r.cap)
    out.push(
      `- caps the note's score at ${r.cap.score}${r.cap.unless.length ? ` unless ${r.cap.unless.map(code).join(" or ")} matched` : ""}`,
    );
  if (r.unless.length) out.push(`- not applied when ${r.unless.map(code).join(" or ")} matched`);
  if (r.affects.length) out.push(`- also lowers ${r.affects.map(code).join(", ")}`);
  if (r.templateSlot) out.push("- with `--template`, matches are slots, not findings");
  return out;
}

/** The rule reference (docs/rules.md), generated from the rule set so the two cannot drift. */
export function rulesMarkdown(data: RuleSetData): string {
  const out: string[] = [
    "# invite-lint rules",
    "",
    "Generated from `rules/` by `npm run docs`; a test fails when this file is out of date.",
    "",
    `A note's score is ${data.scoring.minScore} plus the fitted points of the rules that fired (rules/weights.yaml, \`npm run train\`), then any cap; it passes at ${data.scoring.minScore} with no error. Checks with a fitted model pass at their logit 0; the others start from their base, cue rules add their weight and other rules take theirs off.`,
    "",
    "| check | fitted | base | passes at | what it asks |",
    "| --- | :---: | ---: | ---: | --- |",
    ...data.scoring.checks.map(
      (c) =>
        `| ${c.id} | ${data.model?.checks[c.id] ? "yes" : "no"} | ${data.model?.checks[c.id] ? "-" : c.base} | ${c.pass} | ${c.description} |`,
    ),
    "",
  ];
  for (const check of data.scoring.checks) {
    out.push(`## ${check.id}`, "", check.description, "");
    for (const r of data.rules.filter((x) => x.check === check.id).sort((a, b) => a.id.localeCompare(b.id))) {
      out.push(`### ${r.id}`, "");
      out.push(`${r.description}`, "");
      const w = data.model?.verdict.weights[r.id];
      const fitted =
        w === undefined
          ? r.kind !== "cue" && r.severity === "info"
            ? "info: costs no points"
            : "fitted to 0 points"
          : `fitted: ${w > 0 ? "+" : ""}${(w * data.model!.scale).toFixed(1)} points`;
      out.push(
        `Kind: ${r.kind}${r.kind === "cue" ? "" : `; severity: ${r.severity}`}; ${data.model ? fitted : `weight ${r.weight}`}. File: ${code(r.origin.file)}.`,
        "",
      );
      out.push(...matchers(r), "");
      if (r.kind !== "cue") out.push(`Message: ${r.message}`, "", `Fix: ${r.hint}`, "");
      for (const b of r.examples.bad) out.push(`- Bad: ${b.trim() === "" ? "(an empty note)" : b}`);
      for (const g of r.examples.good) out.push(`- Good: ${g}`);
      if (r.examples.bad.length + r.examples.good.length) out.push("");
    }
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
