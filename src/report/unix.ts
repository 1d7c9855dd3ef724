import type { Report } from "../engine/types.js";

/** `path:line:column: severity: message [rule]`, one a line, for editors and quickfix lists. */
export function unix(report: Report): string {
  const lines: string[] = [];
  for (const r of report.results) {
    for (const m of r.messages) lines.push(`${r.file}:${m.line}:${m.column}: ${m.severity}: ${m.message} [${m.ruleId}]`);
    if (!r.passed) lines.push(`${r.file}:1:1: ${r.messages.some((m) => m.severity === "error") ? "error" : "warning"}: score ${r.score}/100 (${r.grade}), the note does not pass [score]`);
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}
