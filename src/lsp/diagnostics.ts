// Findings and problems as LSP diagnostics. Rule metadata comes from the rule set the note
// was linted with (built-ins plus the packs its config names), never the built-ins alone.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver/node.js";
import type { LintResult, Message, RuleDef, RuleSetData } from "../engine/types.js";
import { formatProblem, type Problem } from "../errors.js";
import { NEAR_DUPLICATE_RULE } from "../engine/sameness.js";
import { VERDICT_META, ruleUrl } from "../report/sarif.js";

export const SOURCE = "invite-lint";
/** Codes of what is not a rule's finding: a config or rule pack that does not load, a file that cannot be read as notes. */
export const CONFIG_ERROR = "config-error";
export const DOCUMENT_ERROR = "document-error";

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

const byId = new WeakMap<RuleSetData, Map<string, RuleDef>>();

function ruleOf(rules: RuleSetData, id: string): RuleDef | undefined {
  let map = byId.get(rules);
  if (!map) {
    map = new Map([NEAR_DUPLICATE_RULE, ...rules.rules].map((r) => [r.id, r]));
    byId.set(rules, map);
  }
  return map.get(id);
}

/**
 * Where a rule is explained: its own `url`, the built-in rules' reference, or, for a rule of
 * a pack without a `url`, its file (which says what it checks).
 */
export function ruleHref(rule: RuleDef): string {
  return ruleUrl(rule) ?? pathToFileURL(resolve(rule.origin.file)).href;
}

export function toDiagnostic(m: Message, r: LintResult, rules: RuleSetData): Diagnostic {
  const rule = ruleOf(rules, m.ruleId);
  const href = m.url || (rule ? ruleHref(rule) : m.ruleId === VERDICT_META.id ? VERDICT_META.url : undefined);
  return {
    range: {
      start: { line: m.line - 1, character: m.column - 1 },
      end: { line: m.endLine - 1, character: m.endColumn - 1 },
    },
    severity: SEVERITY[m.severity],
    code: m.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: `${m.message}. ${m.suggestion}`,
    data: { file: r.file, score: r.score },
  };
}

const at = (p: Pick<Problem, "line" | "column">) => {
  const position = { line: Math.max(0, p.line - 1), character: Math.max(0, p.column - 1) };
  return { start: position, end: position };
};

/** A problem in the file it is in: a config or rule file, or a note file that does not parse. */
export function problemDiagnostic(p: Problem, code: string): Diagnostic {
  return { range: at(p), severity: DiagnosticSeverity.Error, code, source: SOURCE, message: p.message };
}

/** On a note whose config does not load: it was not linted, and why (with a link to the problem). */
export function notLintedDiagnostic(p: Problem): Diagnostic {
  return {
    range: at({ line: 1, column: 1 }),
    severity: DiagnosticSeverity.Error,
    code: CONFIG_ERROR,
    source: SOURCE,
    message: `Not linted: the configuration does not load: ${formatProblem(p)}`,
    relatedInformation: [{ location: { uri: problemUri(p), range: at(p) }, message: p.message }],
  };
}

/** The file a problem is in, as a URI (problems name files relative to the working directory). */
export function problemUri(p: Problem): string {
  return pathToFileURL(resolve(p.file)).href;
}
