// Fitting the score: logistic regressions over rule hits, with k-fold cross-validation.
// Shared by `npm run train` (writes rules/weights.yaml) and `npm run eval` (out-of-fold figures).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "../src/engine/lint.js";
import type { LinearModel, RuleSetData, ScoreModel } from "../src/engine/types.js";
import { loadRuleSet } from "../src/ruleset/load.js";
import { readRuleFiles } from "../src/node/rule-files.js";

export interface Labelled {
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
  source?: string;
}

/** The checks fitted to labels: check id, label field, and whether `passed` means the label is false. */
export const FITTED_CHECKS = [
  { check: "generic", label: "generic", invert: true },
  { check: "personalization", label: "personalized", invert: false },
  { check: "context", label: "context", invert: false },
  { check: "value", label: "value", invert: false },
] as const;

/** Points of score per unit of logit: a note one logit above the pass mark scores 10 more. */
export const SCALE = 10;
export const FOLDS = 5;
/** L2 strengths tried; cross-validation picks one per model. */
export const LAMBDAS = [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1];
/** Balanced accuracy within this of the best counts as as good, when choosing lambda. */
export const TOLERANCE = 0.005;
/** A rule must fire in this many training notes to get a weight. */
export const MIN_SUPPORT = 3;

export function readLabelled(path: string): Labelled[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Labelled);
}

/** The built-in rules from rules/ without their fitted weights (which may name rules that are gone). */
export function unfittedRules(root = process.cwd()): RuleSetData {
  return loadRuleSet(readRuleFiles(join(root, "rules")).filter((f) => !/(?:^|[\\/])weights\.ya?ml$/.test(f.path)));
}

/** Each note's rule hits, linted as the eval lints it (templates with --template). */
export function featuresOf(data: RuleSetData, notes: Labelled[]): string[][] {
  const linter = createLinter({ ...data, model: undefined });
  return notes.map((n) => linter.features(n.text, { template: n.template }));
}

/** A stable fold for a note: its id hashed (FNV-1a), so adding notes does not reshuffle the rest. */
export function foldOf(id: string, k = FOLDS): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % k;
}

interface Sample {
  x: number[];
  y: number;
  s: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * L2-regularised logistic regression by cyclic coordinate descent (a Newton step per
 * coordinate), with sign constraints: `sign[j]` 1 keeps weight j >= 0, -1 keeps it <= 0.
 * Deterministic: the same data give the same weights.
 */
export function fitLogistic(
  samples: Sample[],
  features: number,
  sign: number[],
  lambda: number,
): { bias: number; w: number[] } {
  const w = new Array<number>(features).fill(0);
  let bias = 0;
  const total = samples.reduce((a, s) => a + s.s, 0);
  const z = new Float64Array(samples.length);
  const byFeature: number[][] = Array.from({ length: features }, () => []);
  samples.forEach((s, i) => {
    for (const j of s.x) byFeature[j]!.push(i);
  });
  for (let sweep = 0; sweep < 400; sweep++) {
    let moved = 0;
    // The bias: not regularised.
    {
      let g = 0;
      let h = 0;
      samples.forEach((s, i) => {
        const p = sigmoid(z[i]!);
        g += s.s * (p - s.y);
        h += s.s * p * (1 - p);
      });
      const step = Math.max(-2, Math.min(2, -g / Math.max(h, 1e-9)));
      bias += step;
      for (let i = 0; i < samples.length; i++) z[i]! += step;
      moved = Math.max(moved, Math.abs(step));
    }
    for (let j = 0; j < features; j++) {
      const rows = byFeature[j]!;
      if (rows.length === 0) continue;
      let g = lambda * total * w[j]!;
      let h = lambda * total;
      for (const i of rows) {
        const p = sigmoid(z[i]!);
        const s = samples[i]!.s;
        g += s * (p - samples[i]!.y);
        h += s * p * (1 - p);
      }
      let next = w[j]! + Math.max(-2, Math.min(2, -g / h));
      if (sign[j] === 1 && next < 0) next = 0;
      if (sign[j] === -1 && next > 0) next = 0;
      const step = next - w[j]!;
      if (step !== 0) {
        w[j] = next;
        for (const i of rows) z[i]! += step;
        moved = Math.max(moved, Math.abs(step));
      }
    }
    if (moved < 1e-6) break;
  }
  return { bias, w };
}

export interface Target {
  name: string;
  /** The label of each note: 1, 0, or null to leave the note out. */
  labels: (number | null)[];
  /** Weigh the classes equally. */
  balanced: boolean;
  /** Each note's weight (1 when absent). */
  weights?: number[];
}

export function samplesFor(target: Target, feats: number[][], rows: number[]): Sample[] {
  const kept = rows.filter((i) => target.labels[i] !== null);
  const weight = (i: number) => target.weights?.[i] ?? 1;
  const total = kept.reduce((a, i) => a + weight(i), 0);
  const pos = kept.filter((i) => target.labels[i] === 1).reduce((a, i) => a + weight(i), 0);
  const neg = total - pos;
  return kept.map((i) => {
    const y = target.labels[i]!;
    const balance = target.balanced
      ? y === 1
        ? total / (2 * Math.max(pos, 1e-9))
        : total / (2 * Math.max(neg, 1e-9))
      : 1;
    return { x: feats[i]!, y, s: balance * weight(i) };
  });
}

/** Out-of-fold balanced accuracy of one target for one lambda. */
function cvScore(
  target: Target,
  feats: number[][],
  folds: number[],
  nFeatures: number,
  sign: number[],
  lambda: number,
): number {
  let tp = 0,
    tn = 0,
    pos = 0,
    neg = 0;
  for (let k = 0; k < FOLDS; k++) {
    const trainRows = folds.map((f, i) => (f === k ? -1 : i)).filter((i) => i >= 0);
    const { bias, w } = fitLogistic(samplesFor(target, feats, trainRows), nFeatures, sign, lambda);
    folds.forEach((f, i) => {
      if (f !== k || target.labels[i] === null) return;
      const z = feats[i]!.reduce((a, j) => a + w[j]!, bias);
      if (target.labels[i] === 1) {
        pos++;
        if (z >= 0) tp++;
      } else {
        neg++;
        if (z < 0) tn++;
      }
    });
  }
  return (tp / Math.max(pos, 1) + tn / Math.max(neg, 1)) / 2;
}

export interface FitOptions {
  /** Fixed lambdas (skip the search), by target name. */
  lambdas?: Record<string, number>;
}

export interface Fitted {
  model: ScoreModel;
  lambdas: Record<string, number>;
}

/** The targets of the score: the verdict (classes weighed equally) and each labelled check. */
export function targetsOf(notes: Labelled[]): Target[] {
  const bool = (v: boolean | null, invert: boolean) => (v === null || v === undefined ? null : v !== invert ? 1 : 0);
  const weights = notes.map((n) => sourceWeight(n));
  return [
    {
      name: "verdict",
      labels: notes.map((n) => (n.verdict === null ? null : n.verdict === "good" ? 1 : 0)),
      balanced: true,
      weights,
    },
    ...FITTED_CHECKS.map((c) => ({
      name: c.check,
      labels: notes.map((n) => bool(n[c.label], c.invert)),
      balanced: false,
      weights,
    })),
  ];
}

/** Every note weighs the same (a hook for weighing sources differently; tried at 2-4 for notes from the wild, no gain). */
function sourceWeight(_n: Labelled): number {
  return 1;
}

/**
 * Fits the score model on some notes (`rows` of `notes`): picks each target's lambda by
 * cross-validation within them (unless given), fits on all of them, and works out the
 * neutral share of each check.
 */
export function fitModel(
  data: RuleSetData,
  notes: Labelled[],
  feats: string[][],
  rows: number[],
  options: FitOptions = {},
): Fitted {
  const byId = new Map(data.rules.map((r) => [r.id, r]));
  const support = new Map<string, number>();
  for (const i of rows) for (const id of new Set(feats[i]!)) support.set(id, (support.get(id) ?? 0) + 1);
  const ids = [...support]
    .filter(([id, n]) => n >= MIN_SUPPORT && byId.get(id)?.builtin)
    .map(([id]) => id)
    .sort();
  const index = new Map(ids.map((id, j) => [id, j]));
  const x = feats.map((f) => [...new Set(f.map((id) => index.get(id)).filter((j): j is number => j !== undefined))]);
  const sign = ids.map((id) => (byId.get(id)!.kind === "cue" ? 1 : -1));
  const sub = rows.map((i) => x[i]!);
  const subFolds = rows.map((i) => foldOf(notes[i]!.id));
  const lambdas: Record<string, number> = {};
  const linear: Record<string, LinearModel> = {};
  for (const target of targetsOf(notes)) {
    const t: Target = {
      ...target,
      labels: rows.map((i) => target.labels[i]!),
      weights: rows.map((i) => target.weights?.[i] ?? 1),
    };
    let lambda = options.lambdas?.[t.name];
    if (lambda === undefined) {
      // The strongest regularisation whose cross-validated score is within TOLERANCE of the best:
      // simpler weights that do as well generalise better and move less when the rules change.
      const scores = LAMBDAS.map((l) => cvScore(t, sub, subFolds, ids.length, sign, l));
      const best = Math.max(...scores);
      lambda = LAMBDAS.filter((_, k) => scores[k]! >= best - TOLERANCE).pop()!;
    }
    lambdas[t.name] = lambda!;
    const { bias, w } = fitLogistic(
      samplesFor(
        t,
        sub,
        sub.map((_, i) => i),
      ),
      ids.length,
      sign,
      lambda!,
    );
    const weights: Record<string, number> = {};
    ids.forEach((id, j) => {
      const v = round3(w[j]!);
      if (v !== 0) weights[id] = v;
    });
    linear[t.name] = { bias: round3(bias), weights };
  }
  const verdict = linear.verdict!;
  // A check switched off keeps the share its rules have, on average, in notes that pass it.
  const neutral: Record<string, number> = {};
  for (const c of data.scoring.checks) {
    const spec = FITTED_CHECKS.find((f) => f.check === c.id);
    const passing = rows.filter((i) => {
      const n = notes[i]!;
      if (spec) return n[spec.label] !== null && n[spec.label] !== spec.invert;
      return n.verdict === "good";
    });
    const share = passing.map((i) =>
      feats[i]!.filter((id) => byId.get(id)?.check === c.id).reduce((a, id) => a + (verdict.weights[id] ?? 0), 0),
    );
    neutral[c.id] = round3(share.reduce((a, b) => a + b, 0) / Math.max(share.length, 1));
  }
  const checks: Record<string, LinearModel> = {};
  for (const c of FITTED_CHECKS) checks[c.check] = linear[c.check]!;
  // Rules that can cost points but fired too seldom to fit weigh what their files say.
  const unfitted = data.rules
    .filter((r) => r.builtin && !index.has(r.id) && (r.kind === "cue" || r.severity !== "info"))
    .map((r) => r.id)
    .sort();
  return { model: { scale: SCALE, verdict, checks, neutral, unfitted }, lambdas };
}

function round3(n: number): number {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? 0 : r;
}
