import type { Report } from "../engine/types.js";

/** `path:line:column: severity: message [rule]`, one a line, for editors and quickfix lists. */
export function unix(report: Report): string {
  const lines: string[] = [];
  for (const r of report.results) {
    const hash = r.file.indexOf("#");
    const path = hash === -1 ? r.file : r.file.slice(0, hash);
    const entry = hash === -1 ? "" : ` (${r.file.slice(hash)})`;
    for (const m of r.messages) lines.push(`${path}:${m.line}:${m.column}: ${m.severity}: ${m.message} [${m.ruleId}]${entry}`);
    if (!r.passed) {
      const level = r.messages.some((m) => m.severity === "error") ? "error" : "warning";
      lines.push(`${path}:${r.position.line}:${r.position.column}: ${level}: score ${r.score}/100 (${r.grade}), the note does not pass [score]${entry}`);
    }
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}
