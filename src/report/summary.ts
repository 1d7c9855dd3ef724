import type { LintResult, Report, Summary } from "../engine/types.js";

export function emptySummary(): Summary {
  return { files: 0, passed: 0, failed: 0, errors: 0, warnings: 0, infos: 0 };
}

/** Counts one result into a summary. */
export function addToSummary(s: Summary, r: LintResult): Summary {
  s.files++;
  if (r.passed) s.passed++;
  else s.failed++;
  for (const m of r.messages) {
    if (m.severity === "error") s.errors++;
    else if (m.severity === "warning") s.warnings++;
    else s.infos++;
  }
  return s;
}

export function summarize(results: LintResult[]): Summary {
  const s = emptySummary();
  for (const r of results) addToSummary(s, r);
  return s;
}

export function toReport(results: LintResult[]): Report {
  return { version: 1, results, summary: summarize(results) };
}
