// Why a note got its score: the per-check table and the reasons. When the engine reports
// `breakdown` (each finding's points and the caps), that is shown; until then the reasons
// are worked out from the checks' scores and weights in the rules (a weighted mean, then the
// lowest cap of a finding that fired), which is how the engine scores.
import { rules, type Breakdown, type Result } from "./engine.js";
import { h } from "./dom.js";

/** ✔ passes, ✖ fails, or ○ for the optional value check, as the CLI marks them. */
function checkMark(id: string, passed: boolean): string {
  if (passed) return "✔ passes";
  return id === "value" ? "○ optional" : "✖ fails";
}

/** The per-check table: check, verdict, score, weight. */
export function checksTable(r: Result): HTMLTableElement {
  const weights = new Map(rules.scoring.checks.map((c) => [c.id, c]));
  const rows = Object.entries(r.checks).map(([id, c]) =>
    h("tr", { class: c.passed ? "il-pass" : "il-fail", "data-check": id },
      h("th", { scope: "row", title: weights.get(id)?.description }, id),
      h("td", {}, checkMark(id, c.passed)),
      h("td", { class: "il-num" }, String(c.score)),
      h("td", { class: "il-num" }, String(weights.get(id)?.weight ?? "")),
    ));
  return h("table", { class: "il-checks" },
    h("caption", {}, "Checks: each scores 0 to 100; the note's score is their weighted mean"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Check"), h("th", { scope: "col" }, "Result"), h("th", { scope: "col" }, "Score"), h("th", { scope: "col" }, "Weight"))),
    h("tbody", {}, ...rows));
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "±0");

/** The engine's own breakdown, item by item. */
function fromBreakdown(b: Breakdown): HTMLElement[] {
  const items = b.items.map((i) => h("li", { "data-rule": i.ruleId }, h("span", { class: "il-num" }, signed(i.points)), ` ${i.check}: ${i.ruleId}${i.message ? ` (${i.message})` : ""}`));
  const caps = b.caps.map((c) => h("li", { "data-rule": c.ruleId, class: "il-cap" }, `Capped at ${c.score} by ${c.ruleId}`));
  return [h("p", {}, `Starts from ${b.base}.`), h("ul", {}, ...items, ...caps)];
}

/** The weighted mean of the checks and the cap that brought the score below it, if any. */
function derived(r: Result): HTMLElement[] {
  const defs = new Map(rules.scoring.checks.map((c) => [c.id, c.weight]));
  const entries = Object.entries(r.checks);
  const total = entries.reduce((sum, [id]) => sum + (defs.get(id) ?? 0), 0);
  const mean = total > 0 ? Math.round(entries.reduce((sum, [id, c]) => sum + c.score * (defs.get(id) ?? 0), 0) / total) : 100;
  const parts = entries.map(([id, c]) => `${id} ${c.score} × ${defs.get(id) ?? 0}`);
  const out: HTMLElement[] = [h("p", {}, `Weighted mean of the checks: (${parts.join(" + ")}) / ${total} = ${mean}.`)];
  if (r.score < mean) {
    const capping = [...new Set(r.messages.filter((m) => rules.rules.find((d) => d.id === m.ruleId)?.cap?.score === r.score).map((m) => m.ruleId))];
    const why = capping.length ? `by ${capping.join(", ")}: a deal-breaker caps the score whatever else the note does well` : "by a deal-breaker";
    out.push(h("p", { class: "il-cap" }, `Capped at ${r.score} ${why}.`));
  }
  const min = rules.scoring.minScore;
  const errors = r.messages.filter((m) => m.severity === "error").length;
  out.push(h("p", {}, r.passed
    ? `${r.score} is at least ${min} and there is no error: ✔ passes.`
    : `✖ fails: ${r.score < min ? `${r.score} is below ${min}` : ""}${r.score < min && errors ? " and " : ""}${errors ? `${errors} error${errors === 1 ? "" : "s"}` : ""}.`));
  return out;
}

/** The reasons for the score, from the engine's breakdown when it has one. */
export function reasons(r: Result): HTMLElement[] {
  return r.breakdown ? fromBreakdown(r.breakdown) : derived(r);
}
