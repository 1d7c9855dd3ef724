import type { LintResult, Report, Summary } from "../engine/types.js";

export function summarize(results: LintResult[]): Summary {
  const s: Summary = { files: results.length, passed: 0, failed: 0, errors: 0, warnings: 0 };
  for (const r of results) {
    if (r.passed) s.passed++;
    else s.failed++;
    for (const m of r.messages) {
      if (m.severity === "error") s.errors++;
      else if (m.severity === "warning") s.warnings++;
    }
  }
  return s;
}

export function toReport(results: LintResult[]): Report {
  return { version: 1, results, summary: summarize(results) };
}
