import { plain, type Paint } from "./paint.js";
import type { LintResult, Summary } from "../engine/types.js";

/**
 * A formatter that writes a report piece by piece: a header, one piece per result, and a
 * footer with the summary. The CLI streams large runs through it with bounded memory; the
 * whole-report `format()` is the same pieces joined.
 */
export interface StreamFormatter {
  start(): string;
  result(r: LintResult): string;
  end(summary: Summary): string;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Every finding counted: "1 error, 4 warnings, 1 info". */
export const counted = (s: Summary) =>
  `${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${s.infos} info`;

/** The score's top reasons, from its breakdown: "why: base 57 · +9 their-named-work · -9 no-context · capped at 20". */
export function reasons(r: LintResult, top = 4): string {
  const b = r.breakdown;
  if (!b) return "";
  const parts = [
    `base ${Math.round(b.base)}`,
    ...b.items.slice(0, top).map((i) => `${i.points > 0 ? "+" : ""}${Math.round(i.points)} ${i.ruleId}`),
  ];
  if (b.items.length > top) parts.push(`${b.items.length - top} more`);
  const cap = b.caps[0];
  if (cap && cap.score < b.raw) parts.push(`capped at ${cap.score} (${cap.ruleId})`);
  return `why: ${parts.join(" · ")}`;
}

export function stylishStream(c: Paint = plain): StreamFormatter {
  const sev = { error: c.red("error"), warning: c.yellow("warning"), info: c.blue("info") } as const;
  return {
    start: () => "",
    result(r) {
      const out: string[] = [];
      const verdict = r.passed ? c.green("✔ passes") : c.red("✖ fails");
      const gradeColor = r.score >= 70 ? c.green : r.score >= 50 ? c.yellow : c.red;
      out.push(c.underline(r.file));
      out.push(
        `  ${gradeColor.bold(`${r.score}/100 ${r.grade}`)}  ${verdict}  ${c.dim(`${r.characters}/${r.limit} characters`)}`,
      );
      const checks = Object.entries(r.checks).map(([id, k]) => {
        const mark = k.passed ? c.green("✔") : id === "value" ? c.dim("○") : c.red("✖");
        return `${mark} ${id} ${c.dim(String(k.score))}`;
      });
      out.push(`  ${checks.join("  ")}`);
      const why = reasons(r);
      if (why) out.push(`  ${c.dim(why)}`);
      let width = 0;
      for (const m of r.messages) width = Math.max(width, `${m.line}:${m.column}`.length);
      for (const m of r.messages) {
        out.push(
          `  ${c.dim(`${m.line}:${m.column}`.padEnd(width))}  ${sev[m.severity]}  ${m.message}  ${c.dim(m.ruleId)}`,
        );
        out.push(`  ${" ".repeat(width)}  ${c.dim("→")} ${m.suggestion}`);
      }
      return `${out.join("\n")}\n\n`;
    },
    end(s) {
      if (s.files <= 1 && s.failed === 0 && s.errors + s.warnings === 0) return "";
      const line = `${s.failed === 0 ? "✔" : "✖"} ${s.passed} of ${s.files === 1 ? "1 note passes" : `${s.files} notes pass`} (${counted(s)})`;
      return `${s.failed === 0 ? c.green.bold(line) : c.red.bold(line)}\n`;
    },
  };
}

/** `path:line:column: severity: message [rule]`, one a line, for editors and quickfix lists. */
export function unixStream(): StreamFormatter {
  return {
    start: () => "",
    result(r) {
      const hash = r.file.indexOf("#");
      const path = hash === -1 ? r.file : r.file.slice(0, hash);
      const entry = hash === -1 ? "" : ` (${r.file.slice(hash)})`;
      return r.messages
        .map((m) => `${path}:${m.line}:${m.column}: ${m.severity}: ${m.message} [${m.ruleId}]${entry}\n`)
        .join("");
    },
    end: () => "",
  };
}

const LEVEL = { error: "error", warning: "warning", info: "notice" } as const;
const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** GitHub Actions workflow commands: one group per file, an annotation per finding, a summary line. */
export function githubStream(): StreamFormatter {
  return {
    start: () => "",
    result(r) {
      const out = [
        `::group::${escapeData(r.file)} - score ${r.score}/100 (${r.grade}) ${r.passed ? "passes" : "fails"}`,
      ];
      for (const m of r.messages) {
        const props = [
          `file=${escapeProperty(r.file.replace(/#.*$/, ""))}`,
          `line=${m.line}`,
          `col=${m.column}`,
          `endLine=${m.endLine}`,
          `endColumn=${m.endColumn}`,
          `title=${escapeProperty(`invite-lint [${m.ruleId}]`)}`,
        ];
        out.push(`::${LEVEL[m.severity]} ${props.join(",")}::${escapeData(`${m.message}. ${m.suggestion}`)}`);
      }
      out.push("::endgroup::");
      return `${out.join("\n")}\n`;
    },
    end: (s) => `invite-lint: ${plural(s.files, "note")}, ${s.passed} passed, ${s.failed} failed (${counted(s)})\n`,
  };
}

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/** The JSON report, written result by result; byte for byte what JSON.stringify(report, null, 2) gives. */
export function jsonStream(): StreamFormatter {
  let count = 0;
  return {
    start: () => '{\n  "version": 1,\n  "results": [',
    result(r) {
      return `${count++ === 0 ? "\n" : ",\n"}    ${indent(JSON.stringify(r, null, 2), "    ")}`;
    },
    end(s) {
      return `${count === 0 ? "]" : "\n  ]"},\n  "summary": ${indent(JSON.stringify(s, null, 2), "  ")}\n}\n`;
    },
  };
}
