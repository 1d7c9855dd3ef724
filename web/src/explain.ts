// Why a note got its score, as lines of text: the engine's breakdown (each rule's points and
// the caps) and the verdict. No DOM here: tests run it in Node.
import { rules, type Result } from "./engine.js";
import type { Breakdown } from "../../src/engine/types.js";

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "±0");

/** One line of the reasons; `cap` lines are the deal-breakers, shown as such. */
export interface Reason {
  text: string;
  kind: "sum" | "item" | "cap" | "verdict";
  ruleId?: string;
}

/** The engine's breakdown, item by item. */
function fromBreakdown(b: Breakdown): Reason[] {
  return [
    { text: `Starts from ${b.base}.`, kind: "sum" },
    ...b.items.map(
      (i): Reason => ({
        text: `${signed(i.points)} ${i.check}: ${i.ruleId}${i.message ? ` (${i.message})` : ""}`,
        kind: "item",
        ruleId: i.ruleId,
      }),
    ),
    ...b.caps
      .filter((c) => c.score < b.raw)
      .map((c): Reason => ({ text: `Capped at ${c.score} by ${c.ruleId}.`, kind: "cap", ruleId: c.ruleId })),
  ];
}
/** Why the note passes or fails: the pass mark and any error. */
function verdict(r: Result, minScore: number): Reason {
  const errors = r.messages.filter((m) => m.severity === "error").length;
  if (r.passed) return { text: `✔ passes: ${r.score} is at least ${minScore} and there is no error.`, kind: "verdict" };
  const why = [
    r.score < minScore ? `${r.score} is below ${minScore}` : "",
    errors ? `${errors} error${errors === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  return { text: `✖ fails: ${why.join(" and ")}.`, kind: "verdict" };
}

/** The reasons for the score, from the engine's breakdown when it has one. */
export function explain(r: Result, minScore = rules.scoring.minScore): Reason[] {
  return [...fromBreakdown(r.breakdown), verdict(r, minScore)];
}
