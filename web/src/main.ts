// The page: lints the note as it is typed and shows the score, the findings at their words,
// the checks and the reasons. Its state lives in the URL fragment only.
import { lintNote, rules, VERSION, type Finding, type Result } from "./engine.js";
import { announcement, countText, highlightLayer, renderFindings, scoreText, type FindingActions } from "./findings.js";
import { applyEdit, selectWords } from "./edit.js";
import { checksTable, reasons } from "./reasons.js";
import { verdictReport } from "./report.js";
import { lintOptions, parseFragment, toFragment, type PageState } from "./state.js";
import { debounce } from "./dom.js";

/** Long enough to skip the keystrokes of a word, short enough to feel live. */
const DEBOUNCE_MS = 120;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`invite-lint: the page has no #${id}`);
  return el as T;
}

const note = byId<HTMLTextAreaElement>("note");
const layer = byId<HTMLDivElement>("highlights");
const count = byId<HTMLParagraphElement>("count");
const score = byId<HTMLParagraphElement>("score");
const status = byId<HTMLParagraphElement>("status");
const findings = byId<HTMLOListElement>("findings");
const checks = byId<HTMLDivElement>("checks");
const reasonsBox = byId<HTMLDivElement>("reasons");
const fields = {
  to: byId<HTMLInputElement>("to"),
  company: byId<HTMLInputElement>("company"),
  context: byId<HTMLInputElement>("context"),
  account: byId<HTMLSelectElement>("account"),
  lang: byId<HTMLSelectElement>("lang"),
  template: byId<HTMLInputElement>("template"),
};
const languages = Object.keys(rules.languages);

let state: PageState = parseFragment(location.hash, languages);
/** The last lint and the text it was made of: findings' offsets point into that text. */
let last: { result: Result; text: string } | undefined;
let active: Finding | undefined;
/** The fragment this page wrote last, so its own hashchange is not read back. */
let written = location.hash;
let scored = false;

function fillLanguages(): void {
  for (const code of languages) fields.lang.append(new Option(`${rules.languages[code]!.name} (${code})`, code));
}

function showState(s: PageState): void {
  note.value = s.text;
  fields.to.value = s.to;
  fields.company.value = s.company;
  fields.context.value = s.context;
  fields.account.value = s.account;
  fields.lang.value = s.lang;
  fields.template.checked = s.template;
}

function readState(): PageState {
  return {
    text: note.value,
    to: fields.to.value,
    company: fields.company.value,
    context: fields.context.value,
    account: fields.account.value === "free" ? "free" : "premium",
    lang: fields.lang.value,
    template: fields.template.checked,
  };
}

/** Keeps the fragment in step with the state, without a history entry per keystroke. */
function writeFragment(): void {
  const fragment = toFragment(state);
  if (fragment === written) return;
  written = fragment;
  const url = `${location.pathname}${location.search}${fragment}`;
  try {
    history.replaceState(null, "", url);
  } catch {
    // Some browsers refuse history changes on file:// pages; replacing the location works there.
    location.replace(fragment || "#");
  }
}

/** The highlight layer under the textarea: the same text, its findings marked. */
function drawLayer(): void {
  const text = note.value;
  layer.replaceChildren(
    last && last.text === text ? highlightLayer(text, last.result.messages, active) : highlightLayer(text, []),
  );
  layer.scrollTop = note.scrollTop;
}

const actions: FindingActions = {
  show(m) {
    if (!upToDate()) return;
    active = m;
    selectWords(note, m.offset, m.endOffset);
    drawLayer();
  },
  fix(_m, fix) {
    if (!upToDate()) return;
    applyEdit(note, fix);
    lintNow();
  },
};

/** True when the shown findings belong to the note as it is; otherwise lints it first. */
function upToDate(): boolean {
  if (last?.text === note.value) return true;
  lintNow();
  return false;
}

function render(r: Result, text: string): void {
  const c = countText(r.characters, r.limit);
  count.textContent = c.text;
  count.classList.toggle("over", c.over);
  score.textContent = scoreText(r);
  score.className = `score ${r.passed ? "pass" : "fail"}`;
  const spoken = announcement(r);
  if (status.textContent !== spoken) status.textContent = spoken;
  renderFindings(findings, r, text, state.to.trim() || undefined, actions);
  checks.replaceChildren(checksTable(r));
  reasonsBox.replaceChildren(...reasons(r));
}

function renderEmpty(): void {
  const limit = rules.scoring.limits[state.account] ?? 300;
  count.textContent = countText(0, limit).text;
  count.classList.remove("over");
  score.textContent = "No note yet";
  score.className = "score";
  status.textContent = "";
  findings.replaceChildren(
    Object.assign(document.createElement("li"), {
      className: "il-none",
      textContent: "Type or paste your note to see what a recipient sees in it.",
    }),
  );
  checks.replaceChildren();
  reasonsBox.replaceChildren();
}

function lintNow(): void {
  lintSoon.cancel();
  state = readState();
  active = undefined;
  // A blank note gets a prompt, not the engine's "empty note" verdict.
  if (state.text.trim() === "") {
    last = undefined;
    renderEmpty();
  } else {
    const result = lintNote(state.text, lintOptions(state));
    last = { result, text: state.text };
    render(result, state.text);
    if (!scored) {
      scored = true;
      // The browser test reads this mark: load to first score.
      performance.mark("invite-lint:first-score");
    }
  }
  drawLayer();
  writeFragment();
  updateReport();
}

const lintSoon = debounce(lintNow, DEBOUNCE_MS);

function updateReport(): void {
  const box = byId<HTMLDivElement>("report");
  if (box.hidden || !last) return;
  byId<HTMLTextAreaElement>("report-text").value = verdictReport(state, last.result, toFragment(state));
}

function wireReport(): void {
  const button = byId<HTMLButtonElement>("wrong");
  const box = byId<HTMLDivElement>("report");
  const text = byId<HTMLTextAreaElement>("report-text");
  const copied = byId<HTMLSpanElement>("copied");
  button.addEventListener("click", () => {
    upToDate();
    box.hidden = !box.hidden;
    button.setAttribute("aria-expanded", String(!box.hidden));
    updateReport();
    if (!box.hidden) text.focus();
  });
  byId<HTMLButtonElement>("copy").addEventListener("click", async () => {
    text.select();
    let done: boolean;
    try {
      await navigator.clipboard.writeText(text.value);
      done = true;
    } catch {
      // No clipboard API here (or no permission): the selection and the old copy command.
      done = document.execCommand("copy");
    }
    copied.textContent = done
      ? "Copied. Nothing was sent: paste it where you report it."
      : "The report is selected: copy it with Ctrl+C (⌘C on a Mac).";
  });
}

function wire(): void {
  note.addEventListener("input", () => {
    active = undefined;
    // The layer follows the text at once; its marks come back with the next lint.
    drawLayer();
    lintSoon();
  });
  note.addEventListener("scroll", () => (layer.scrollTop = note.scrollTop));
  for (const input of [fields.to, fields.company, fields.context]) input.addEventListener("input", () => lintSoon());
  for (const select of [fields.account, fields.lang, fields.template]) {
    select.addEventListener("change", () => {
      lintSoon.cancel();
      lintNow();
    });
  }
  window.addEventListener("hashchange", () => {
    // A link pasted into this tab: its fragment is the new state.
    if (location.hash === written) return;
    written = location.hash;
    state = parseFragment(location.hash, languages);
    showState(state);
    lintNow();
  });
  wireReport();
}

fillLanguages();
byId<HTMLSpanElement>("version").textContent = VERSION;
showState(state);
wire();
lintNow();
