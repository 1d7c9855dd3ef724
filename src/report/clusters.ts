// The clusters of near-duplicate notes in the reports: once, with the summary. Each note's own
// warning travels with its result like any finding; this is the overview of the run.
import { RULE_ID, type Cluster } from "../engine/sameness.js";
export { NEAR_DUPLICATE_RULE } from "../engine/sameness.js";
import { plain, type Paint } from "./paint.js";
import type { FormatName, FormatOptions } from "./options.js";

/** Names shown per cluster in the text formats; the JSON and SARIF reports list every member. */
const SHOWN = 8;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "a.txt, b.txt and 3 more" */
function names(c: Cluster, quote = (s: string) => s): string {
  const shown = c.members.slice(0, SHOWN).map((m) => quote(m.file));
  const more = c.members.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

/** "5 notes 87% the same: only the name and company differ" */
const headline = (c: Cluster) => `${plural(c.size, "note")} ${c.similarity}% the same: ${c.differs}`;

const title = (clusters: Cluster[]) =>
  `Near-duplicates: ${plural(clusters.length, "cluster")} of notes that are the same note with a different name`;

function stylish(clusters: Cluster[], c: Paint): string {
  const out = ["", c.yellow.bold(title(clusters))];
  for (const k of clusters) {
    out.push(`  ${headline(k)}`, `    ${c.dim(names(k))}`);
    if (k.text) out.push(`    ${c.dim(`"${k.text}"`)}`);
  }
  return `${out.join("\n")}\n`;
}

const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/** One notice per cluster, with no file: GitHub shows it once in the run's annotations. */
function github(clusters: Cluster[]): string {
  return clusters
    .map(
      (k) =>
        `::notice title=invite-lint [${RULE_ID}]::${escapeData(`${headline(k)}: ${names(k)}${k.text ? `\n"${k.text}"` : ""}`)}\n`,
    )
    .join("");
}

/** The JSON report's closing brace gets `clusters` before it, after `summary` (byte for byte what JSON.stringify gives). */
function json(end: string, clusters: Cluster[]): string {
  if (!end.endsWith("\n}\n")) throw new Error("clusters: the JSON report does not end as expected");
  return `${end.slice(0, -3)},\n  "clusters": ${JSON.stringify(clusters, null, 2).replace(/\n/g, "\n  ")}\n}\n`;
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** Markdown lines for the clusters, under the summary. */
export function clusterMarkdown(clusters: Cluster[] | undefined): string[] {
  if (!clusters?.length) return [];
  const out = [
    `### Near-duplicate notes`,
    "",
    `| Notes | Same | What differs | Shared text |`,
    `| --- | ---: | --- | --- |`,
  ];
  for (const k of clusters)
    out.push(`| ${cell(names(k, (f) => `\`${f}\``))} | ${k.similarity}% | ${cell(k.differs)} | ${cell(k.text)} |`);
  return [...out, ""];
}

/**
 * The end of a streamed report with the clusters added: after the summary line in stylish and
 * github, inside the object in json; unix has only the per-note warnings.
 */
export function withClusters(
  name: FormatName,
  end: string,
  clusters: Cluster[] | undefined,
  options: FormatOptions = {},
): string {
  if (!clusters?.length) return end;
  switch (name) {
    case "stylish":
      return end + stylish(clusters, options.color && options.paint ? options.paint : plain);
    case "github":
      return end + github(clusters);
    case "json":
      return json(end, clusters);
    default:
      return end;
  }
}
