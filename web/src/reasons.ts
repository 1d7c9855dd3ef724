// The per-check table and the reasons for the score, as elements.
import { rules, type Result } from "./engine.js";
import { explain } from "./explain.js";
import { h } from "./dom.js";

/** ✔ passes, ✖ fails, or ○ for the optional value check, as the CLI marks them. */
function checkMark(id: string, passed: boolean): string {
  if (passed) return "✔ passes";
  return id === "value" ? "○ optional" : "✖ fails";
}

/** The per-check table: check, verdict, score, and each check's share of the note's score (the sum of its rules' points). */
export function checksTable(r: Result): HTMLTableElement {
  const defs = new Map(rules.scoring.checks.map((c) => [c.id, c]));
  const share = (id: string) =>
    Math.round(r.breakdown.items.filter((i) => i.check === id).reduce((a, i) => a + i.points, 0));
  const rows = Object.entries(r.checks).map(([id, c]) =>
    h(
      "tr",
      { class: c.passed ? "il-pass" : "il-fail", "data-check": id },
      h("th", { scope: "row", title: defs.get(id)?.description }, id),
      h("td", {}, checkMark(id, c.passed)),
      h("td", { class: "il-num" }, String(c.score)),
      h("td", { class: "il-num" }, `${share(id) > 0 ? "+" : ""}${share(id)}`),
    ),
  );
  return h(
    "table",
    { class: "il-checks" },
    h("caption", {}, "Checks: each scores 0 to 100; the points are what the check's rules add to the note's score"),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Check"),
        h("th", { scope: "col" }, "Result"),
        h("th", { scope: "col" }, "Score"),
        h("th", { scope: "col" }, "Points"),
      ),
    ),
    h("tbody", {}, ...rows),
  );
}

/** The reasons as a list. */
export function reasons(r: Result): HTMLElement[] {
  return [
    h(
      "ul",
      { class: "il-reasons" },
      ...explain(r).map((x) => h("li", { class: `il-${x.kind}`, "data-rule": x.ruleId }, x.text)),
    ),
  ];
}
