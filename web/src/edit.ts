import { applyFix, type LabelledFix } from "./fixes.js";

/** A text box whose offsets the engine's offsets match: a textarea or a text input. */
export type TextControl = HTMLTextAreaElement | HTMLInputElement;

/** Selects [start, end) of the box, which shows the words a finding is about. */
export function selectWords(box: TextControl, start: number, end: number): void {
  box.focus();
  box.setSelectionRange(start, end);
}

/**
 * Applies a fix as an edit the browser makes, on a click: insertText and delete go through
 * the editing pipeline, so undo takes the fix back and the page's own input handlers (an
 * editor framework's state) see an ordinary input event. Where execCommand is gone, the value
 * is set and an input event sent.
 */
export function applyEdit(box: TextControl, fix: LabelledFix): void {
  const expected = applyFix(box.value, fix);
  box.focus();
  box.setSelectionRange(fix.range[0], fix.range[1]);
  const done = fix.text === "" ? document.execCommand("delete") : document.execCommand("insertText", false, fix.text);
  if (!done || box.value !== expected) {
    box.value = expected;
    const caret = fix.range[0] + fix.text.length;
    box.setSelectionRange(caret, caret);
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }
}
