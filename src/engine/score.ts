/**
 * Phase 4: the score. A logistic regression fitted to reviewers' verdicts (rules/weights.yaml,
 * `npm run train`) weighs the rules that fired; the score is that logit on a points scale,
 * so each rule's share is a number of points and the parts add up:
 *
 *   score = minScore + scale * (bias + the weights of the rules that fired), then caps, 0-100
 *
 * A note passes at `minScore` (the logit 0) with no error finding. The checks the reviewers
 * labelled (generic, personalization, context, value) have models of their own, fitted the
 * same way; the others (tone, length, readability) are their base minus their findings.
 *
 * Severities mean one thing: `error` blocks the note, `warning` costs its fitted points,
 * `info` costs none, `off` removes the rule. A check switched off counts as passed: its rules'
 * share is replaced by what it typically is in a note that passes that check, never by less.
 */
import type { Activation, ActiveRule } from "./activate.js";
import type { Hit, Kept } from "./filter.js";
import type { Breakdown, CheckResult, Contribution, LintOptions, RuleSetData, ScoreModel } from "./types.js";

export interface Scored {
  score: number;
  grade: string;
  passed: boolean;
  checks: Record<string, CheckResult>;
  breakdown: Breakdown;
}

/** Whether a hit counts toward the score: cues always, findings unless they are `info`. */
export function counts(h: Hit): boolean {
  return h.active.rule.def.kind === "cue" || h.active.severity !== "info";
}

/** The rule ids a note's score is computed from (the model's features). */
export function featureIds(kept: Kept): string[] {
  return [...kept.cues, ...kept.findings].filter(counts).map((h) => h.active.rule.def.id);
}

/**
 * A rule's weight in a model, in logit: fitted for built-in rules; the points of its rule file
 * (or of a setting) for a rule pack's rules and for built-in findings too rare to fit (most
 * need --to or --type). A built-in cue too rare to fit is no evidence either way and counts 0:
 * its file's weight is its credit toward `missing` rules, not points of score.
 */
function logitOf(
  a: ActiveRule,
  weights: Record<string, number> | undefined,
  scale: number,
  unfitted: ReadonlySet<string> = NONE,
): number {
  const def = a.rule.def;
  const sign = def.kind === "cue" ? 1 : -1;
  if (a.weighted || !weights || !def.builtin) return (sign * a.weight) / scale;
  if (unfitted.has(def.id)) return def.kind === "cue" ? 0 : -a.weight / scale;
  return weights[def.id] ?? 0;
}
const NONE: ReadonlySet<string> = new Set();

export function gradeOf(score: number, data: RuleSetData): string {
  for (const g of data.scoring.grades) if (score >= g.min) return g.grade;
  return data.scoring.grades[data.scoring.grades.length - 1]?.grade ?? "F";
}

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Without a fitted model (a rule set being trained), rules weigh their files' points on a neutral base. */
const UNFITTED: ScoreModel = { scale: 1, verdict: { bias: 0, weights: {} }, checks: {}, neutral: {}, unfitted: [] };

export function score(
  kept: Kept,
  activation: Activation,
  data: RuleSetData,
  options: LintOptions,
  empty: boolean,
): Scored {
  const model = data.model ?? UNFITTED;
  const fitted = data.model !== undefined;
  const scale = model.scale;
  const pivot = data.scoring.minScore;
  const hits = [...kept.cues, ...kept.findings].filter(counts);
  const unfitted = new Set(model.unfitted);
  const cuePresent = new Set(kept.cues.map((h) => h.active.rule.def.id));
  const checkWithCue = new Set(kept.cues.map((h) => h.active.rule.def.check));
  const satisfied = (id: string) => cuePresent.has(id) || checkWithCue.has(id);

  // The verdict: each rule's points, a switched-off check's neutral share, then caps.
  const items: Contribution[] = [];
  const offShare = new Map<string, number>();
  for (const h of hits) {
    const def = h.active.rule.def;
    const points = scale * logitOf(h.active, fitted ? model.verdict.weights : undefined, scale, unfitted);
    if (h.active.silent) {
      offShare.set(def.check, (offShare.get(def.check) ?? 0) + points);
      continue;
    }
    if (points !== 0) items.push({ ruleId: def.id, check: def.check, points: round1(points), message: describe(h) });
  }
  for (const check of activation.off) {
    const neutral = scale * (model.neutral[check] ?? 0);
    const points = Math.max(offShare.get(check) ?? 0, neutral);
    if (points !== 0)
      items.push({
        ruleId: check,
        check,
        points: round1(points),
        message: `The ${check} check is off: scored as if it passed`,
      });
  }
  items.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.ruleId.localeCompare(b.ruleId));
  const base = round1(pivot + scale * model.verdict.bias);
  const raw = round1(base + items.reduce((sum, c) => sum + c.points, 0));
  const caps: Breakdown["caps"] = [];
  for (const h of kept.findings) {
    const cap = h.active.rule.def.cap;
    if (!h.active.silent && cap && !cap.unless.some(satisfied))
      caps.push({ ruleId: h.active.rule.def.id, score: cap.score });
  }
  caps.sort((a, b) => a.score - b.score);
  let total = clamp(Math.min(raw, ...caps.map((c) => c.score)));
  if (empty) total = 0;
  const minScore = options.minScore ?? pivot;
  const blocked = kept.findings.some((h) => !h.active.silent && h.active.severity === "error");

  return {
    score: total,
    grade: gradeOf(total, data),
    passed: total >= minScore && !blocked,
    checks: checkResults(kept, hits, activation, data, model, fitted, unfitted),
    breakdown: { base, items, caps, raw },
  };
}

/** A rule's contribution in words: a cue's description, or a finding's message without its placeholders (lint() puts the filled one in). */
const described = new WeakMap<object, string>();
function describe(h: Hit): string {
  const def = h.active.rule.def;
  let text = described.get(def);
  if (text === undefined) {
    text =
      def.kind === "cue"
        ? def.description
        : def.message
            .replace(/\s*\{[a-z]+(?::[a-z]+)?\}\s*/g, " ")
            .replace(/"\s*"/g, "")
            .replace(/\s+/g, " ")
            .trim();
    described.set(def, text);
  }
  return text;
}

/** Each check's score: fitted checks from their own model, the others from their base and their rules' points. */
function checkResults(
  kept: Kept,
  hits: Hit[],
  activation: Activation,
  data: RuleSetData,
  model: ScoreModel,
  fitted: boolean,
  unfitted: ReadonlySet<string>,
): Record<string, CheckResult> {
  const out: Record<string, CheckResult> = {};
  const live = hits.filter((h) => !h.active.silent);
  const errorIn = new Set(
    kept.findings.filter((h) => !h.active.silent && h.active.severity === "error").map((h) => h.active.rule.def.check),
  );
  const withRules = new Set(activation.rules.filter((a) => !a.silent).map((a) => a.rule.def.check));
  for (const c of data.scoring.checks) {
    if (activation.off.has(c.id)) continue;
    const m = fitted ? model.checks[c.id] : undefined;
    if (!m && !withRules.has(c.id)) continue;
    let score: number;
    if (m) {
      const z = live.reduce((sum, h) => {
        const def = h.active.rule.def;
        if (!h.active.weighted && m.weights[def.id] !== undefined) return sum + m.weights[def.id]!;
        // A rule without a fitted weight here (a rule pack's, or one given a weight) counts in its own check.
        const own = def.check === c.id || def.affects.includes(c.id);
        return own && (h.active.weighted || !def.builtin || unfitted.has(def.id))
          ? sum + logitOf(h.active, {}, model.scale, unfitted)
          : sum;
      }, m.bias);
      score = clamp(c.pass + model.scale * z);
    } else {
      let points = c.base;
      for (const h of live) {
        if (h.active.rule.def.check !== c.id && !h.active.rule.def.affects.includes(c.id)) continue;
        const n = Math.min(h.spans.length, data.scoring.repeats);
        points += h.active.rule.def.kind === "cue" ? h.active.weight : -h.active.weight * n;
      }
      score = clamp(points);
    }
    out[c.id] = { score, passed: score >= c.pass && !errorIn.has(c.id) };
  }
  return out;
}
