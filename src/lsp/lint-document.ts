import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { LintResult, RuleSetData } from "../engine/types.js";
import { RuleFileError, type Problem } from "../errors.js";
import { documentFormat, type DocumentFormat } from "../document-format.js";
import { splitDocument, type NoteUnit } from "../documents.js";
import type { LoadedConfig } from "../config/load.js";
import { lintUnits } from "../node/lint-files.js";
import { nearDuplicateLevel } from "../node/sameness-pass.js";
import type { FolderSameness, OpenDocs } from "./folder-sameness.js";
import { holdsNotes, type NoteFiles } from "./note-files.js";
import type { ServerSettings } from "./settings.js";

/** What the server needs to lint a document. */
export interface LintContext {
  notes: NoteFiles;
  /** The config for a file (undefined: not a file); throws when it does not load. */
  configFor(path: string | undefined): LoadedConfig;
  settings: ServerSettings;
  folders: FolderSameness;
  openDocs(): OpenDocs;
}

export type Outcome =
  | { kind: "not-a-note" }
  | { kind: "linted"; results: LintResult[]; rules: RuleSetData }
  /** The note's config, or a rule pack it names, does not load: the note is not linted. */
  | { kind: "config-error"; problems: Problem[] }
  /** The file cannot be read as notes (front matter or collection that does not parse). */
  | { kind: "document-error"; problem: Problem };

export const pathOf = (uri: string) => (uri.startsWith("file:") ? fileURLToPath(uri) : uri);

export function lintDocument(doc: TextDocument, ctx: LintContext): Outcome {
  const isFile = doc.uri.startsWith("file:");
  const path = pathOf(doc.uri);
  if (isFile && !ctx.notes.isNote(path)) return { kind: "not-a-note" };
  let config: LoadedConfig;
  try {
    config = ctx.configFor(isFile ? path : undefined);
  } catch (error) {
    return { kind: "config-error", problems: problemsOf(error, path) };
  }
  // The config's `files` and `ignores` choose the note files, as `invite-lint .` does.
  if (isFile && config.selects && !config.selects(path)) return { kind: "not-a-note" };
  const text = doc.getText();
  const format = formatOf(doc, path);
  let units: NoteUnit[];
  try {
    // The config's `sections` make a Markdown file a note per section, as in the CLI.
    units = [...splitDocument(path, text, format, { sections: isFile ? config.sections?.(path) : undefined })];
  } catch (error) {
    if (format === "collection" && !collectionLike(text)) return { kind: "not-a-note" };
    return { kind: "document-error", problem: problemsOf(error, path)[0]! };
  }
  const overrides = { to: ctx.settings.to, template: ctx.settings.template };
  const results = [...lintUnits(units, text, format !== "text", config, { overrides })];
  if (isFile)
    ctx.folders.check(
      path,
      units,
      results,
      config.data.sameness?.threshold,
      ctx.openDocs(),
      { to: ctx.settings.to },
      nearDuplicateLevel(undefined, config.data.settings) ?? "off",
    );
  return { kind: "linted", results, rules: config.rules };
}

/** The editor's language wins over the file name (an untitled Markdown buffer, a .txt shown as Markdown). */
export function formatOf(doc: TextDocument, path: string): DocumentFormat {
  if (doc.languageId === "markdown") return "markdown";
  if (doc.languageId === "yaml" || doc.languageId === "json") return "collection";
  return documentFormat(path);
}

/** False for YAML or JSON that parses and holds no note at all; a file that does not parse may be a broken collection. */
function collectionLike(text: string): boolean {
  try {
    return holdsNotes(parse(text, { maxAliasCount: 20 }));
  } catch {
    return true;
  }
}

function problemsOf(error: unknown, path: string): Problem[] {
  if (error instanceof RuleFileError && error.problems.length) return error.problems;
  return [{ file: path, line: 1, column: 1, message: error instanceof Error ? error.message : String(error) }];
}
