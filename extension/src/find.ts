// Finds LinkedIn's invitation dialog, its note box and the recipient's name, with the
// selectors and patterns of selectors.json: roles, accessible names and the dialog's words,
// which survive a redesign better than class names do.
import data from "../selectors.json" with { type: "json" };

export interface Selectors {
  dialog: string;
  dialogText: string;
  sendButton: string;
  noteBox: string;
  noteName: string;
  recipient: string[];
}

/** A name as a dialog shows it: one to four capitalised words ("Priya Shah", "Jean-Luc O'Neil"). */
const NAME = "(\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:[ \\u00a0]\\p{Lu}[\\p{L}\\p{M}'’.-]*){0,3})";

export interface Finder {
  /** The invitation dialogs under `root` that have a note box, with that box. */
  noteBoxes(root: Document | ShadowRoot): { dialog: Element; box: HTMLElement }[];
  /** The recipient's name as the dialog shows it, if it does. */
  recipient(dialog: Element): string | undefined;
}

export function createFinder(s: Selectors = data): Finder {
  const dialogText = new RegExp(s.dialogText, "i");
  const sendButton = new RegExp(s.sendButton, "i");
  const noteName = new RegExp(s.noteName, "i");
  const recipient = s.recipient.map((p) => new RegExp(p.replace("{name}", NAME), "u"));

  const isInviteDialog = (dialog: Element): boolean =>
    [...dialog.querySelectorAll("button, [role='button']")].some((b) => sendButton.test(accessibleName(b))) &&
    dialogText.test(`${accessibleName(dialog)} ${dialog.textContent ?? ""}`);

  const noteBoxOf = (dialog: Element): HTMLElement | undefined => {
    const boxes = [...dialog.querySelectorAll<HTMLElement>(s.noteBox)].filter(isEditable);
    // The box named as a note; failing that, the dialog's only text box.
    return boxes.find((b) => noteName.test(accessibleName(b))) ?? (boxes.length === 1 ? boxes[0] : undefined);
  };

  return {
    noteBoxes(root) {
      const out: { dialog: Element; box: HTMLElement }[] = [];
      for (const dialog of root.querySelectorAll(s.dialog)) {
        if (!isInviteDialog(dialog)) continue;
        const box = noteBoxOf(dialog);
        if (box) out.push({ dialog, box });
      }
      return out;
    },
    recipient(dialog) {
      const text = (dialog.textContent ?? "").replace(/\s+/g, " ").trim();
      for (const re of recipient) {
        const m = re.exec(text);
        if (m?.[1]) return m[1];
      }
      return undefined;
    },
  };
}

function isEditable(el: HTMLElement): boolean {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return !el.disabled && !el.readOnly;
  return el.isContentEditable;
}

/**
 * The name assistive technology gives an element, in the order that matters here:
 * aria-labelledby, aria-label, a <label>, the placeholder, the title, then its text.
 */
export function accessibleName(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const ids = el.getAttribute("aria-labelledby");
  if (ids) {
    const text = ids
      .split(/\s+/)
      .map((id) => root.getElementById?.(id)?.textContent ?? "")
      .join(" ")
      .trim();
    if (text) return text;
  }
  const label = el.getAttribute("aria-label");
  if (label?.trim()) return label.trim();
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    const labels = [...(el.labels ?? [])]
      .map((l) => l.textContent ?? "")
      .join(" ")
      .trim();
    if (labels) return labels;
    if (el.placeholder) return el.placeholder;
  }
  const title = el.getAttribute("title");
  if (title?.trim()) return title.trim();
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement
    ? ""
    : (el.textContent ?? "").replace(/\s+/g, " ").trim();
}
