import type { Report } from "../engine/types.js";

const LEVEL = { error: "error", warning: "warning", info: "notice" } as const;

function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** GitHub Actions workflow commands: one group per file, an annotation per finding, a summary line. */
export function github(report: Report): string {
  const out: string[] = [];
  for (const r of report.results) {
    out.push(`::group::${escapeData(r.file)} - score ${r.score}/100 (${r.grade}) ${r.passed ? "passes" : "fails"}`);
    for (const m of r.messages) {
      const props = [
        `file=${escapeProperty(r.file.replace(/#.*$/, ""))}`, `line=${m.line}`, `col=${m.column}`,
        `endLine=${m.endLine}`, `endColumn=${m.endColumn}`, `title=${escapeProperty(`invite-lint [${m.ruleId}]`)}`,
      ];
      out.push(`::${LEVEL[m.severity]} ${props.join(",")}::${escapeData(`${m.message}. ${m.suggestion}`)}`);
    }
    out.push("::endgroup::");
  }
  const s = report.summary;
  out.push(`invite-lint: ${s.files} note${s.files === 1 ? "" : "s"}, ${s.passed} passed, ${s.failed} failed (${s.errors} errors, ${s.warnings} warnings)`);
  return `${out.join("\n")}\n`;
}
