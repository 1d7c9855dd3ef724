// Why a note got its score, as lines of text. When the engine reports `breakdown` (each
// finding's points and the caps), that is what they say; until then they are worked out from
// the checks' scores and weights in the rules (a weighted mean, then the lowest cap of a
// finding that fired), which is how the engine scores. No DOM here: tests run it in Node.
import { rules, type Breakdown, type Result } from "./engine.js";

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "±0");

/** One line of the reasons; `cap` lines are the deal-breakers, shown as such. */
export interface Reason {
  text: string;
  kind: "sum" | "item" | "cap" | "verdict";
  ruleId?: string;
}

/** The engine's own breakdown, item by item. */
function fromBreakdown(b: Breakdown): Reason[] {
  return [
    { text: `Starts from ${b.base}.`, kind: "sum" },
    ...b.items.map((i): Reason => ({ text: `${signed(i.points)} ${i.check}: ${i.ruleId}${i.message ? ` (${i.message})` : ""}`, kind: "item", ruleId: i.ruleId })),
    ...b.caps.map((c): Reason => ({ text: `Capped at ${c.score} by ${c.ruleId}.`, kind: "cap", ruleId: c.ruleId })),
  ];
}

/** The weighted mean of the checks and the cap that brought the score below it, if any. */
function derived(r: Result): Reason[] {
  const defs = new Map(rules.scoring.checks.map((c) => [c.id, c.weight]));
  const entries = Object.entries(r.checks);
  const total = entries.reduce((sum, [id]) => sum + (defs.get(id) ?? 0), 0);
  const mean = total > 0 ? Math.round(entries.reduce((sum, [id, c]) => sum + c.score * (defs.get(id) ?? 0), 0) / total) : 100;
  const parts = entries.map(([id, c]) => `${id} ${c.score} × ${defs.get(id) ?? 0}`);
  const out: Reason[] = [{ text: `Weighted mean of the checks: (${parts.join(" + ")}) / ${total} = ${mean}.`, kind: "sum" }];
  if (r.score < mean) {
    const capping = [...new Set(r.messages.filter((m) => rules.rules.find((d) => d.id === m.ruleId)?.cap?.score === r.score).map((m) => m.ruleId))];
    const why = capping.length ? `by ${capping.join(", ")}: a deal-breaker caps the score whatever else the note does well` : "by a deal-breaker";
    out.push({ text: `Capped at ${r.score} ${why}.`, kind: "cap", ruleId: capping[0] });
  }
  return out;
}

/** Why the note passes or fails: the pass mark and any error. */
function verdict(r: Result, minScore: number): Reason {
  const errors = r.messages.filter((m) => m.severity === "error").length;
  if (r.passed) return { text: `✔ passes: ${r.score} is at least ${minScore} and there is no error.`, kind: "verdict" };
  const why = [r.score < minScore ? `${r.score} is below ${minScore}` : "", errors ? `${errors} error${errors === 1 ? "" : "s"}` : ""].filter(Boolean);
  return { text: `✖ fails: ${why.join(" and ")}.`, kind: "verdict" };
}

/** The reasons for the score, from the engine's breakdown when it has one. */
export function explain(r: Result, minScore = rules.scoring.minScore): Reason[] {
  return [...(r.breakdown ? fromBreakdown(r.breakdown) : derived(r)), verdict(r, minScore)];
}
