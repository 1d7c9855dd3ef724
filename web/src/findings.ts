// Rendering of a result that the page and the extension share: the score line, the character
// count, the announcement for screen readers, the list of findings with their fix hints and
// fix buttons, and the highlight layer. Every signal is text first (✔/✖, "error", "over by"),
// colour second.
import type { Finding, Result } from "./engine.js";
import { fixFor, type LabelledFix } from "./fixes.js";
import { h } from "./dom.js";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const SEVERITY_MARK = { error: "✖", warning: "⚠", info: "ℹ" } as const;

/** "20/100 F ✖ fails": the number, the grade and the verdict, in words as well as marks. */
export function scoreText(r: Result): string {
  return `${r.score}/100 ${r.grade} ${r.passed ? "✔ passes" : "✖ fails"}`;
}

/** What the live region says after a lint. */
export function announcement(r: Result): string {
  const n = r.messages.length;
  return `Score ${r.score} of 100, grade ${r.grade}, ${r.passed ? "passes" : "fails"}. ${n === 0 ? "No findings" : n === 1 ? "1 finding" : `${n} findings`}.`;
}

/** "59/300 characters", or "312/300 characters, 12 over the limit". */
export function countText(characters: number, limit: number): { text: string; over: boolean } {
  const over = characters > limit;
  return { text: `${characters}/${limit} characters${over ? `, ${characters - limit} over the limit` : ""}`, over };
}

/** Findings in the order a writer should read them: errors first, then by position. */
export function byImportance(messages: Finding[]): Finding[] {
  return [...messages].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.offset - b.offset);
}

export interface FindingActions {
  /** Select the finding's words in the note. */
  show(m: Finding): void;
  /** Apply a mechanical fix. */
  fix(m: Finding, fix: LabelledFix): void;
}

/** One finding: severity in words, message, rule id, the fix hint and, with `actions`, its buttons. */
export function renderFinding(
  m: Finding,
  _text: string,
  _to: string | undefined,
  actions?: FindingActions,
): HTMLLIElement {
  const spanned = m.endOffset > m.offset;
  const li = h(
    "li",
    { class: `il-finding il-${m.severity}`, "data-rule": m.ruleId },
    h("span", { class: "il-severity" }, `${SEVERITY_MARK[m.severity]} ${m.severity}`),
    " ",
    h("span", { class: "il-message" }, m.message),
    " ",
    h("code", { class: "il-rule" }, m.ruleId),
    h("p", { class: "il-hint" }, `→ ${m.suggestion}`),
  );
  if (!actions) return li;
  const buttons = h("p", { class: "il-actions" });
  if (spanned) {
    const show = h("button", { type: "button", class: "il-show" }, "Show in note");
    show.addEventListener("click", () => actions.show(m));
    buttons.append(show);
  } else {
    buttons.append(h("span", { class: "il-whole" }, "About the whole note"));
  }
  const fix = fixFor(m);
  if (fix) {
    const apply = h("button", { type: "button", class: "il-fix" }, `Fix: ${fix.label}`);
    apply.addEventListener("click", () => actions.fix(m, fix));
    buttons.append(" ", apply);
  }
  li.append(buttons);
  return li;
}

/** Fills `list` with the findings (at most `limit`, the most important first). */
export function renderFindings(
  list: HTMLElement,
  r: Result,
  text: string,
  to: string | undefined,
  actions?: FindingActions,
  limit = Infinity,
): void {
  const ordered = byImportance(r.messages);
  const shown = ordered.slice(0, limit);
  list.replaceChildren(...shown.map((m) => renderFinding(m, text, to, actions)));
  if (ordered.length > shown.length) {
    list.append(h("li", { class: "il-more" }, `and ${ordered.length - shown.length} more`));
  }
  if (ordered.length === 0) list.append(h("li", { class: "il-none" }, "✔ No findings"));
}

/**
 * The note's text with each finding's words wrapped in <mark>, for a layer drawn under a
 * transparent textarea. Overlapping spans are cut at every boundary, and each piece takes
 * the most severe finding over it.
 */
export function highlightLayer(text: string, messages: Finding[], active?: Finding): DocumentFragment {
  const spans = messages.filter((m) => m.endOffset > m.offset);
  const cuts = new Set([0, text.length]);
  for (const m of spans) {
    cuts.add(Math.min(m.offset, text.length));
    cuts.add(Math.min(m.endOffset, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const piece = text.slice(from, to);
    const over = spans.filter((m) => m.offset <= from && to <= m.endOffset);
    if (over.length === 0) {
      out.append(piece);
      continue;
    }
    const worst = byImportance(over)[0]!;
    const isActive =
      active !== undefined &&
      over.some((m) => m.offset === active.offset && m.endOffset === active.endOffset && m.ruleId === active.ruleId);
    out.append(
      h(
        "mark",
        {
          class: `il-mark il-${worst.severity}${isActive ? " il-active" : ""}`,
          "data-rules": over.map((m) => m.ruleId).join(" "),
        },
        piece,
      ),
    );
  }
  // A trailing newline needs a character after it to take up its line, as in the textarea.
  out.append("\u200b");
  return out;
}
