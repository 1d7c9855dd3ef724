import type { Report } from "../engine/types.js";
import { counted } from "./stream.js";
import { clusterMarkdown } from "./clusters.js";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** A table per file, for a pull-request comment. */
export function markdown(report: Report): string {
  const out: string[] = ["## invite-lint", ""];
  const s = report.summary;
  out.push(`${s.passed} of ${s.files === 1 ? "1 note passes" : `${s.files} notes pass`}; ${counted(s)}.`, "");
  out.push(...clusterMarkdown(report.clusters));
  for (const r of report.results) {
    out.push(`### ${r.passed ? "✅" : "❌"} \`${cell(r.file)}\` - ${r.score}/100 (${r.grade})`, "");
    out.push(`| Check | Score | Passed |`, `| --- | ---: | :---: |`);
    for (const [id, c] of Object.entries(r.checks)) out.push(`| ${id} | ${c.score} | ${c.passed ? "yes" : "no"} |`);
    out.push("");
    if (r.messages.length) {
      out.push(`| Line | Severity | Rule | Message | Fix |`, `| ---: | --- | --- | --- | --- |`);
      for (const m of r.messages) {
        out.push(
          `| ${m.line}:${m.column} | ${m.severity} | \`${m.ruleId}\` | ${cell(m.message)} | ${cell(m.suggestion)} |`,
        );
      }
      out.push("");
    }
  }
  return `${out.join("\n")}\n`;
}
