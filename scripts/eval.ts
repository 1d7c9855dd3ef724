// Measures how well invite-lint's verdicts agree with labelled notes.
// Usage: npm run eval -- PATH.jsonl [--json] [--misses N]
import { readFileSync } from "node:fs";
import { lint } from "../src/browser.js";
import type { LintResult } from "../src/engine/types.js";

interface Labelled {
  id: string;
  text: string;
  verdict: "good" | "bad" | null;
  generic: boolean | null;
  personalized: boolean | null;
  context: boolean | null;
  value: boolean | null;
  kind: string;
  template: boolean;
  lang: string;
}

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith("--"));
const asJson = args.includes("--json");
const missesArg = args.indexOf("--misses");
const showMisses = missesArg >= 0 ? Number(args[missesArg + 1]) : 10;
if (!path) {
  console.error("usage: npm run eval -- PATH.jsonl [--json] [--misses N]");
  process.exit(2);
}
let notes: Labelled[];
try {
  notes = readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Labelled);
} catch (error) {
  console.error(`eval: cannot read ${path}: ${(error as Error).message.split("\n")[0]}`);
  process.exit(2);
}

interface Counts { tp: number; fp: number; tn: number; fn: number }
const counts = (): Counts => ({ tp: 0, fp: 0, tn: 0, fn: 0 });
const add = (c: Counts, predicted: boolean, actual: boolean) => {
  if (predicted && actual) c.tp++;
  else if (predicted && !actual) c.fp++;
  else if (!predicted && actual) c.fn++;
  else c.tn++;
};
const stats = (c: Counts) => {
  const n = c.tp + c.fp + c.tn + c.fn;
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { n, accuracy: n ? (c.tp + c.tn) / n : 0, precision, recall, f1, ...c };
};

const verdict = counts();
// Each check's `passed` against its label; generic is inverted (label true = the note IS generic).
const checks: Record<string, { label: keyof Labelled; invert: boolean; c: Counts }> = {
  generic: { label: "generic", invert: true, c: counts() },
  personalization: { label: "personalized", invert: false, c: counts() },
  context: { label: "context", invert: false, c: counts() },
  value: { label: "value", invert: false, c: counts() },
};
const byKind = new Map<string, Counts>();
const byTemplate = new Map<string, Counts>();
const misses: { id: string; kind: string; label: string; score: number; text: string; rules: string }[] = [];
const stock: { id: string; score: number; passed: boolean }[] = [];

for (const note of notes) {
  const r: LintResult = lint(note.text, { template: note.template, file: note.id });
  for (const [id, spec] of Object.entries(checks)) {
    const label = note[spec.label] as boolean | null;
    if (label === null || label === undefined || !r.checks[id]) continue;
    add(spec.c, r.checks[id]!.passed, spec.invert ? !label : label);
  }
  if (r.messages.some((m) => m.ruleId === "stock-invitation")) stock.push({ id: note.id, score: r.score, passed: r.passed });
  if (note.verdict === null) continue;
  const actual = note.verdict === "good";
  add(verdict, r.passed, actual);
  const k = byKind.get(note.kind) ?? counts();
  add(k, r.passed, actual);
  byKind.set(note.kind, k);
  const t = byTemplate.get(String(note.template)) ?? counts();
  add(t, r.passed, actual);
  byTemplate.set(String(note.template), t);
  if (r.passed !== actual) {
    misses.push({
      id: note.id, kind: note.kind, label: note.verdict, score: r.score, text: note.text,
      rules: [...new Set(r.messages.filter((m) => m.severity !== "info").map((m) => m.ruleId))].join(","),
    });
  }
}
// Worst misses first: the ones the score got most wrong.
misses.sort((a, b) => Math.abs(b.score - 70) - Math.abs(a.score - 70));

const result = {
  notes: notes.length,
  verdict: stats(verdict),
  checks: Object.fromEntries(Object.entries(checks).map(([id, s]) => [id, stats(s.c)])),
  byKind: Object.fromEntries([...byKind].sort().map(([k, c]) => [k, stats(c)])),
  byTemplate: Object.fromEntries([...byTemplate].sort().map(([k, c]) => [k, stats(c)])),
  stockInvitations: { count: stock.length, maxScore: Math.max(0, ...stock.map((s) => s.score)), allFail: stock.every((s) => !s.passed) },
  misses,
};

if (asJson) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const f = (x: number) => x.toFixed(2);
  const v = result.verdict;
  const out: string[] = [];
  out.push(`invite-lint evaluation: ${path} (${notes.length} notes, ${v.n} with a verdict)`, "");
  out.push("| figure | n | accuracy | precision | recall | F1 |", "| --- | ---: | ---: | ---: | ---: | ---: |");
  out.push(`| verdict (passes = good) | ${v.n} | ${f(v.accuracy)} | ${f(v.precision)} | ${f(v.recall)} | ${f(v.f1)} |`);
  for (const [id, s] of Object.entries(result.checks)) {
    out.push(`| check ${id}${id === "generic" ? " (passed = not generic)" : ""} | ${s.n} | ${f(s.accuracy)} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} |`);
  }
  out.push("", "Verdicts by kind and by template (tp/fp/tn/fn, accuracy):");
  for (const [group, map] of [["kind", result.byKind], ["template", result.byTemplate]] as const) {
    for (const [k, s] of Object.entries(map)) out.push(`  ${group}=${k.padEnd(11)} n=${String(s.n).padStart(3)}  tp=${s.tp} fp=${s.fp} tn=${s.tn} fn=${s.fn}  accuracy ${f(s.accuracy)}`);
  }
  out.push("", `Stock invitations: ${stock.length}, highest score ${result.stockInvitations.maxScore}, all fail: ${result.stockInvitations.allFail ? "yes" : "no"}`);
  out.push("", `Worst misses (${misses.length} in all):`);
  for (const m of misses.slice(0, showMisses)) {
    out.push(`  ${m.id} [${m.kind}] labelled ${m.label}, scored ${m.score} (${m.rules || "no findings"}): ${m.text.slice(0, 140).replace(/\s+/g, " ")}${m.text.length > 140 ? "…" : ""}`);
  }
  out.push("", `verdict accuracy ${f(v.accuracy)}; F1 generic ${f(result.checks.generic!.f1)}, personalization ${f(result.checks.personalization!.f1)}, context ${f(result.checks.context!.f1)}, value ${f(result.checks.value!.f1)}`);
  console.log(out.join("\n"));
}
