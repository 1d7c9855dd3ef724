// The score under LinkedIn's note box: score and grade, the character count against the
// account's limit and the top findings, updated as the user types. It reads the box and the
// recipient's name in the dialog; it edits the box only when a fix button is clicked.
import { knownIds, lintNote, type Finding, type Result } from "../../web/src/engine.js";
import { announcement, countText, renderFindings, scoreText, type FindingActions } from "../../web/src/findings.js";
import { applyEdit, selectWords, type TextControl } from "../../web/src/edit.js";
import { debounce, h } from "../../web/src/dom.js";
import type { Finder } from "./find.js";
import { lintOptionsFor, type Settings } from "./settings.js";

const DEBOUNCE_MS = 150;
/** Findings shown under the box; the rest are counted. */
const TOP = 3;

function isTextControl(el: HTMLElement): el is TextControl {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
}

/** The note as the box holds it; a rich-text box gives its rendered text. */
function textOf(box: HTMLElement): string {
  return isTextControl(box) ? box.value : box.textContent;
}

export class Panel {
  readonly el: HTMLElement;
  private readonly score = h("strong", { class: "il-score", "data-invite-lint": "score" }, "No note yet");
  private readonly count = h("span", { class: "il-count", "data-invite-lint": "count" });
  private readonly status = h("span", { class: "il-visually-hidden", role: "status", "aria-live": "polite" });
  private readonly list = h("ol", { class: "il-findings", "data-invite-lint": "findings" });
  private last: { result: Result; text: string } | undefined;
  private readonly onInput = debounce(() => this.update(), DEBOUNCE_MS);

  constructor(
    private readonly box: HTMLElement,
    private readonly dialog: Element,
    private readonly finder: Finder,
    private readonly settings: () => Settings,
  ) {
    this.el = h(
      "section",
      { class: "invite-lint", "data-invite-lint": "panel", "aria-label": "invite-lint: how this note reads" },
      h(
        "p",
        { class: "il-head" },
        h("span", { class: "il-brand" }, "invite-lint"),
        " ",
        this.score,
        " ",
        this.count,
        this.status,
      ),
      this.list,
      h("p", { class: "il-private" }, "Scored in your browser; nothing is sent."),
    );
    box.insertAdjacentElement("afterend", this.el);
    box.addEventListener("input", this.onInput);
    this.update();
  }

  private readonly actions: FindingActions = {
    show: (m: Finding) => {
      if (this.isCurrent() && isTextControl(this.box)) selectWords(this.box, m.offset, m.endOffset);
    },
    fix: (_m, fix) => {
      if (!this.isCurrent() || !isTextControl(this.box)) return;
      applyEdit(this.box, fix);
      this.update();
    },
  };

  /** True when the findings shown belong to the note as it is now; otherwise re-lints first. */
  private isCurrent(): boolean {
    if (this.last?.text === textOf(this.box)) return true;
    this.update();
    return false;
  }

  update(): void {
    this.onInput.cancel();
    const text = textOf(this.box);
    const settings = this.settings();
    if (text.trim() === "") {
      this.last = undefined;
      this.score.textContent = "No note yet";
      this.el.classList.remove("il-passes", "il-fails");
      this.setCount(0, settings.account === "free" ? 200 : 300);
      this.list.replaceChildren();
      return;
    }
    const to = this.finder.recipient(this.dialog);
    const result = lintNote(text, lintOptionsFor(settings, to, knownIds()));
    this.last = { result, text };
    this.score.textContent = scoreText(result);
    this.el.classList.toggle("il-passes", result.passed);
    this.el.classList.toggle("il-fails", !result.passed);
    this.setCount(result.characters, result.limit);
    const spoken = announcement(result);
    if (this.status.textContent !== spoken) this.status.textContent = spoken;
    // Rich-text boxes get the findings without buttons: their offsets are not the box's.
    const actions = isTextControl(this.box) ? this.actions : undefined;
    renderFindings(this.list, result, text, to, actions, TOP);
  }

  private setCount(characters: number, limit: number): void {
    const c = countText(characters, limit);
    this.count.textContent = c.text;
    this.count.classList.toggle("il-over", c.over);
  }

  destroy(): void {
    this.onInput.cancel();
    this.box.removeEventListener("input", this.onInput);
    this.el.remove();
  }
}
