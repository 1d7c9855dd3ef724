import type { Report, RuleDef } from "../engine/types.js";
import type { FormatOptions } from "./options.js";
import { VERDICT } from "../engine/messages.js";

/** The verdict of a failing note, reported like a rule's finding. */
export const VERDICT_META = {
  id: VERDICT,
  check: VERDICT,
  url: "https://github.com/invite-lint/invite-lint/blob/main/README.md#how-a-note-is-scored",
  builtin: true,
  severity: "error" as const,
  description: "The note does not pass: its score is below the pass mark, or a finding blocks it.",
  hint: "Fix the findings the verdict names; the breakdown in the JSON report shows every point.",
};
import { NEAR_DUPLICATE_RULE } from "./clusters.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;
export const DOCS_URL = "https://github.com/invite-lint/invite-lint/blob/main/docs/rules.md";

/** A rule's documentation: its own `url`, or the built-in rules' page; a pack's rule without `url` has none. */
export function ruleUrl(rule: Pick<RuleDef, "id" | "url" | "builtin">): string | undefined {
  return rule.url || (rule.builtin ? `${DOCS_URL}#${rule.id}` : undefined);
}

/** SARIF 2.1.0: rules, results with locations, and each note's score as a property. */
export function sarif(report: Report, options: FormatOptions) {
  const defs = options.rulesMeta ?? [...(options.rules?.rules ?? []), NEAR_DUPLICATE_RULE];
  const used = [...new Set(report.results.flatMap((r) => r.messages.map((m) => m.ruleId)))].sort();
  const rules = used.map((id) => {
    const def = id === VERDICT ? VERDICT_META : defs.find((d) => d.id === id);
    const helpUri = def ? ruleUrl(def) : undefined;
    return {
      id,
      shortDescription: { text: def?.description ?? id },
      ...(helpUri ? { helpUri } : {}),
      help: { text: def?.hint || def?.description || id },
      defaultConfiguration: { level: LEVEL[def?.severity ?? "warning"] },
      properties: { check: def?.check ?? "" },
    };
  });
  const artifacts = report.results.map((r) => ({
    location: { uri: artifactUri(r.file) },
    properties: { score: r.score, grade: r.grade, passed: r.passed, characters: r.characters, entry: r.file },
  }));
  const results = report.results.flatMap((r, artifactIndex) =>
    r.messages.map((m) => ({
      ruleId: m.ruleId,
      ruleIndex: used.indexOf(m.ruleId),
      level: LEVEL[m.severity],
      message: { text: `${m.message}. ${m.suggestion}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(r.file), index: artifactIndex },
            region: {
              startLine: m.line,
              startColumn: m.column,
              endLine: m.endLine,
              endColumn: m.endColumn,
              charOffset: m.offset,
              charLength: m.endOffset - m.offset,
            },
          },
        },
      ],
      properties: { check: m.check, suggestion: m.suggestion, score: r.score, entry: r.file },
    })),
  );
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "invite-lint",
            version: options.version ?? "0.0.0",
            informationUri: DOCS_URL.replace(/\/blob.*$/, ""),
            rules,
          },
        },
        artifacts,
        results,
        properties: { summary: report.summary, ...(report.clusters?.length ? { clusters: report.clusters } : {}) },
      },
    ],
  };
}

/** A relative path as a URI reference; `file#entry` names a collection entry of `file`. */
function artifactUri(file: string): string {
  const path = file.replace(/#.*$/, "").replace(/\\/g, "/");
  if (path === "<stdin>" || path === "<text>") return "stdin";
  return path.split("/").map(encodeURIComponent).join("/").replace(/^\.\//, "");
}
