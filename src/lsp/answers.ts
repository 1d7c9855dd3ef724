// The server's answers about a linted note: the hover, the quick fixes, the full report.
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type Position,
} from "vscode-languageserver/node.js";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { LintResult } from "../engine/types.js";
import { format } from "../report/index.js";
import { toReport } from "../report/summary.js";
import { SOURCE } from "./diagnostics.js";
import { entryScalars, fixScalar, type EntryScalar } from "../node/fix-collection.js";
import { formatOf, pathOf } from "./lint-document.js";

/** The score of the note under the cursor: in a collection, the entry it is in. */
export function hoverFor(results: LintResult[], position: Position): Hover | null {
  if (results.length === 0) return null;
  const line = position.line + 1;
  const r = [...results].reverse().find((x) => x.position.line <= line) ?? results[0]!;
  const mark = (id: string, passed: boolean) => (passed ? "✔" : id === "value" ? "○" : "✖");
  const checks = Object.entries(r.checks)
    .map(([id, c]) => `${mark(id, c.passed)} ${id} ${c.score}`)
    .join(" · ");
  return {
    contents: {
      kind: "markdown",
      value:
        `**invite-lint** ${r.score}/100 (${r.grade}), ${r.passed ? "passes" : "fails"} · ${r.characters}/${r.limit} characters` +
        `\n\n${checks}`,
    },
  };
}

/**
 * Quick fixes are the rules' own `fix:` entries, as the engine computed them for each finding.
 * In a collection the edit is the entry's scalar written in its own style, as `--fix` writes it
 * (a quote in a double-quoted entry escaped, `''` in a single-quoted one); a fix `--fix` would
 * not make there (into an escape, across a folded line break) is not offered.
 */
export function quickFixes(doc: TextDocument, results: LintResult[], diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const text = doc.getText();
  const scalars: EntryScalar[] | undefined =
    formatOf(doc, pathOf(doc.uri)) === "collection" ? (entryScalars(pathOf(doc.uri), text) ?? []) : undefined;
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    const start = doc.offsetAt(d.range.start);
    const m = results.flatMap((r) => r.messages).find((x) => x.ruleId === d.code && x.offset === start && x.fix);
    if (!m?.fix) continue;
    let [from, to] = m.fix.range;
    let newText = m.fix.text;
    if (scalars) {
      const s = scalars.find((x) => x.from <= from && to <= x.to);
      const edit = s ? fixScalar(text, s, [{ range: [from, to], text: newText }]).edit : undefined;
      if (!edit) continue;
      [from, to, newText] = [edit.start, edit.end, edit.text];
    }
    actions.push({
      title: m.fix.label,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: {
        changes: {
          [doc.uri]: [{ range: { start: doc.positionAt(from), end: doc.positionAt(to) }, newText }],
        },
      },
    });
  }
  return actions;
}

/** The report the CLI would print for the file. */
export function reportFor(results: LintResult[]): string {
  return format(toReport(results), "stylish", { color: false });
}
