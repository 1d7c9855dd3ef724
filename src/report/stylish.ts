import { Chalk } from "chalk";
import type { Report } from "../engine/types.js";

/** The report for a person: score and grade first, the checks, then each finding with its fix. */
export function stylish(report: Report, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const sev = { error: c.red("error"), warning: c.yellow("warning"), info: c.blue("info") } as const;
  const out: string[] = [];
  for (const r of report.results) {
    const verdict = r.passed ? c.green("✔ passes") : c.red("✖ fails");
    const gradeColor = r.score >= 70 ? c.green : r.score >= 50 ? c.yellow : c.red;
    out.push(c.underline(r.file));
    out.push(`  ${gradeColor.bold(`${r.score}/100 ${r.grade}`)}  ${verdict}  ${c.dim(`${r.characters}/${r.limit} characters`)}`);
    const checks = Object.entries(r.checks).map(([id, k]) => {
      const mark = k.passed ? c.green("✔") : id === "value" ? c.dim("○") : c.red("✖");
      return `${mark} ${id} ${c.dim(String(k.score))}`;
    });
    out.push(`  ${checks.join("  ")}`);
    const width = Math.max(0, ...r.messages.map((m) => `${m.line}:${m.column}`.length));
    for (const m of r.messages) {
      const pos = `${m.line}:${m.column}`.padEnd(width);
      out.push(`  ${c.dim(pos)}  ${sev[m.severity]}  ${m.message}  ${c.dim(m.ruleId)}`);
      out.push(`  ${" ".repeat(width)}  ${c.dim("→")} ${m.suggestion}`);
    }
    out.push("");
  }
  const s = report.summary;
  if (s.files > 1 || s.failed > 0 || s.errors + s.warnings > 0) {
    const line = `${s.failed === 0 ? "✔" : "✖"} ${s.passed} of ${s.files} note${s.files === 1 ? "" : "s"} pass (${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"})`;
    out.push(s.failed === 0 ? c.green.bold(line) : c.red.bold(line));
  }
  return `${out.join("\n")}\n`;
}
