// Measures how well invite-lint's verdicts and checks agree with labelled notes: out of fold on
// the training notes (each note scored by a model fitted without its fold) and on a validation set
// scored by the committed model, side by side.
// Usage: npm run eval -- DEV.jsonl [--train TRAIN.jsonl] [--json] [--misses N]
import { createLinter } from "../src/engine/lint.js";
import type { LintResult, RuleSetData } from "../src/engine/types.js";
import { loadRuleSet } from "../src/ruleset/load.js";
import { readRuleFiles } from "../src/node/rule-files.js";
import { FITTED_CHECKS, FOLDS, featuresOf, fitModel, foldOf, readLabelled, type Labelled } from "./fit.js";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const devPath = args.find((a, i) => !a.startsWith("--") && !["--train", "--misses"].includes(args[i - 1] ?? ""));
const trainPath = flag("--train") ?? "../shared/corpus/train.jsonl";
const asJson = args.includes("--json");
const showMisses = Number(flag("--misses") ?? 10);
if (!devPath) {
  console.error("usage: npm run eval -- DEV.jsonl [--train TRAIN.jsonl] [--json] [--misses N]");
  process.exit(2);
}

let dev: Labelled[];
let train: Labelled[];
try {
  dev = readLabelled(devPath);
  train = readLabelled(trainPath);
} catch (error) {
  console.error(`eval: ${(error as Error).message.split("\n")[0]}`);
  process.exit(2);
}

const rules = loadRuleSet(readRuleFiles("rules"));
if (!rules.model) {
  console.error("eval: rules/weights.yaml is missing: run npm run train");
  process.exit(2);
}

/** Out-of-fold results on the training notes: fold k is linted with a model fitted on the other folds. */
function outOfFold(data: RuleSetData, notes: Labelled[]): LintResult[] {
  const feats = featuresOf(data, notes);
  const lambdas = readLambdas();
  const results: LintResult[] = new Array(notes.length);
  for (let k = 0; k < FOLDS; k++) {
    const rows = notes.map((n, i) => (foldOf(n.id) === k ? -1 : i)).filter((i) => i >= 0);
    const { model } = fitModel(data, notes, feats, rows, { lambdas });
    const linter = createLinter({ ...data, model });
    notes.forEach((n, i) => {
      if (foldOf(n.id) === k) results[i] = linter.lint(n.text, { template: n.template, file: n.id });
    });
  }
  return results;
}

/** The regularisation the committed weights were fitted with (its `lambda:` line). */
function readLambdas(): Record<string, number> {
  const m = /^lambda: \{([^}]*)\}/m.exec(readRuleFiles("rules").find((f) => /weights\.yaml$/.test(f.path))?.text ?? "");
  if (!m) return {};
  return Object.fromEntries(
    m[1]!
      .split(",")
      .map((p) => p.split(":").map((x) => x.trim()))
      .map(([k, v]) => [k!, Number(v)]),
  );
}

interface Counts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}
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
  return {
    n,
    accuracy: n ? (c.tp + c.tn) / n : 0,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    /** Share of negatives predicted negative: for the verdict, bad notes that fail. */
    specificity: c.tn + c.fp ? c.tn / (c.tn + c.fp) : 0,
    ...c,
  };
};

function measure(notes: Labelled[], results: LintResult[]) {
  const verdict = counts();
  const checks = Object.fromEntries(FITTED_CHECKS.map((c) => [c.check, counts()]));
  const byKind = new Map<string, Counts>();
  const misses: { id: string; kind: string; label: string; score: number; text: string; rules: string }[] = [];
  const stock: number[] = [];
  notes.forEach((note, i) => {
    const r = results[i]!;
    for (const c of FITTED_CHECKS) {
      const label = note[c.label];
      if (label === null || label === undefined || !r.checks[c.check]) continue;
      add(checks[c.check]!, r.checks[c.check]!.passed, c.invert ? !label : label);
    }
    if (r.messages.some((m) => m.ruleId === "stock-invitation")) stock.push(r.score);
    if (note.verdict === null) return;
    const actual = note.verdict === "good";
    add(verdict, r.passed, actual);
    const source =
      note.source === undefined
        ? undefined
        : note.source === "written for this corpus"
          ? "(written for the corpus)"
          : /export/i.test(note.source)
            ? "(real, from exports)"
            : "(guides, templates)";
    for (const key of [note.kind, note.template ? "(templates)" : "(plain notes)", ...(source ? [source] : [])]) {
      const k = byKind.get(key) ?? counts();
      add(k, r.passed, actual);
      byKind.set(key, k);
    }
    if (r.passed !== actual) {
      misses.push({
        id: note.id,
        kind: note.kind,
        label: note.verdict,
        score: r.score,
        text: note.text,
        rules: r.breakdown.items.map((c) => `${c.ruleId} ${c.points > 0 ? "+" : ""}${Math.round(c.points)}`).join(", "),
      });
    }
  });
  misses.sort((a, b) => Math.abs(b.score - 70) - Math.abs(a.score - 70) || a.id.localeCompare(b.id));
  return {
    notes: notes.length,
    verdict: stats(verdict),
    checks: Object.fromEntries(Object.entries(checks).map(([id, c]) => [id, stats(c)])),
    byKind: Object.fromEntries([...byKind].sort().map(([k, c]) => [k, stats(c)])),
    stockInvitations: { count: stock.length, maxScore: Math.max(0, ...stock) },
    misses,
  };
}

const linter = createLinter(rules);
const devResults = dev.map((n) => linter.lint(n.text, { template: n.template, file: n.id }));
const trainResults = outOfFold(rules, train);
const result = { train: measure(train, trainResults), dev: measure(dev, devResults) };

if (asJson) {
  console.log(
    JSON.stringify({ train: { ...result.train }, dev: { ...result.dev, misses: result.dev.misses.length } }, null, 2),
  );
} else {
  const f = (x: number) => x.toFixed(2);
  const t = result.train;
  const d = result.dev;
  const out: string[] = [];
  out.push(
    `invite-lint evaluation: ${trainPath} out of fold (${FOLDS} folds, ${t.verdict.n} verdicts) | ${devPath} (${d.verdict.n} verdicts)`,
    "",
  );
  out.push("| figure | train, out of fold | dev |", "| --- | ---: | ---: |");
  out.push(`| verdict accuracy | ${f(t.verdict.accuracy)} | ${f(d.verdict.accuracy)} |`);
  out.push(`| good-note recall (good notes that pass) | ${f(t.verdict.recall)} | ${f(d.verdict.recall)} |`);
  out.push(`| bad-note recall (bad notes that fail) | ${f(t.verdict.specificity)} | ${f(d.verdict.specificity)} |`);
  for (const c of FITTED_CHECKS) {
    out.push(
      `| F1 ${c.check}${c.invert ? " (passed = not generic)" : ""} | ${f(t.checks[c.check]!.f1)} | ${f(d.checks[c.check]!.f1)} |`,
    );
  }
  out.push(
    `| stock invitations: count, highest score | ${t.stockInvitations.count}, ${t.stockInvitations.maxScore} | ${d.stockInvitations.count}, ${d.stockInvitations.maxScore} |`,
  );
  out.push("", "Verdicts by kind (train out of fold | dev):");
  const kinds = [...new Set([...Object.keys(t.byKind), ...Object.keys(d.byKind)])].sort();
  for (const k of kinds) {
    const a = t.byKind[k];
    const b = d.byKind[k];
    const cell = (x: ReturnType<typeof stats> | undefined) =>
      x ? `${f(x.accuracy)} (n=${x.n}, good pass ${x.tp}/${x.tp + x.fn}, bad fail ${x.tn}/${x.tn + x.fp})` : "-";
    out.push(`  ${k.padEnd(14)} ${cell(a).padEnd(44)} |  ${cell(b)}`);
  }
  out.push("", `Worst misses on train, out of fold (${t.misses.length} in all):`);
  for (const m of t.misses.slice(0, showMisses)) {
    out.push(
      `  ${m.id} [${m.kind}] labelled ${m.label}, scored ${m.score} (${m.rules || "nothing"}): ${m.text.slice(0, 140).replace(/\s+/g, " ")}${m.text.length > 140 ? "…" : ""}`,
    );
  }
  out.push(
    "",
    `dev: verdict accuracy ${f(d.verdict.accuracy)}, good-note recall ${f(d.verdict.recall)}, bad-note recall ${f(d.verdict.specificity)}; F1 generic ${f(d.checks.generic!.f1)}, personalization ${f(d.checks.personalization!.f1)}, context ${f(d.checks.context!.f1)}, value ${f(d.checks.value!.f1)}`,
  );
  out.push(
    `train (out of fold): verdict accuracy ${f(t.verdict.accuracy)}, good-note recall ${f(t.verdict.recall)}, bad-note recall ${f(t.verdict.specificity)}`,
  );
  console.log(out.join("\n"));
}
