// The per-check table and the reasons for the score, as elements.
import { rules, type Result } from "./engine.js";
import { explain } from "./explain.js";
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

/** The reasons as a list. */
export function reasons(r: Result): HTMLElement[] {
  return [h("ul", { class: "il-reasons" }, ...explain(r).map((x) => h("li", { class: `il-${x.kind}`, "data-rule": x.ruleId }, x.text)))];
}
