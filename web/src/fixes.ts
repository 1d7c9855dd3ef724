// Fixes derived from findings, mirroring the language server's quick fixes
// (src/lsp/server.ts). Once the engine puts `fix` on its messages, fixFor() uses that and
// this module's derivations can be deleted.
import type { Finding, Fix } from "./engine.js";

/** Rules whose finding is a span of text that can simply be cut. */
const REMOVABLE = new Set(["stock-invitation", "stock-variant", "boilerplate-phrase", "empty-flattery"]);

export interface LabelledFix extends Fix {
  /** What the button says. */
  label: string;
}

/** The mechanical fix of a finding, or undefined when the fix needs the writer's own words. */
export function fixFor(m: Finding, text: string, to?: string): LabelledFix | undefined {
  if (m.fix) return { ...m.fix, label: labelOf(m.fix, text) };
  const start = m.offset;
  const end = m.endOffset;
  if (REMOVABLE.has(m.ruleId) && end > start) {
    // The punctuation and spaces after the phrase go with it, as in the editor fix.
    let stop = end;
    while (/[ \t.,!]/.test(text[stop] ?? "")) stop++;
    return { range: [start, stop], text: "", label: `Remove “${text.slice(start, end)}”` };
  }
  if (m.ruleId === "exclamation-run" && end > start) return { range: [start, end], text: "!", label: "Use one exclamation mark" };
  if (m.ruleId === "double-space" && end > start) return { range: [start, end], text: " ", label: "Use one space" };
  if ((m.ruleId === "no-personal-touch" || m.ruleId === "recipient-name-missing") && to?.trim()) {
    const first = to.trim().split(/\s+/)[0]!;
    return { range: [start, start], text: `Hi ${first}, `, label: `Greet ${first} by name` };
  }
  return undefined;
}

/** A button label for an engine-provided fix. */
function labelOf(fix: Fix, text: string): string {
  const old = text.slice(fix.range[0], fix.range[1]);
  if (fix.text === "") return `Remove “${old.trim()}”`;
  if (old === "") return `Insert “${fix.text.trim()}”`;
  return `Replace with “${fix.text}”`;
}

/** The note with a fix applied. */
export function applyFix(text: string, fix: Fix): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}
