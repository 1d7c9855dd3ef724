import { fileURLToPath } from "node:url";
import { basename, dirname } from "node:path";
import {
  CodeActionKind, DiagnosticSeverity, DidChangeWatchedFilesNotification, ProposedFeatures, TextDocumentSyncKind, TextDocuments,
  createConnection, type CodeAction, type Connection, type Diagnostic, type Hover,
} from "vscode-languageserver/node.js";
import { TextDocument } from "vscode-languageserver-textdocument";
import pkg from "../../package.json" with { type: "json" };
import type { LintResult, Message, RuleSetData } from "../engine/types.js";
import { builtinRules } from "../builtin.js";
import { documentFormat } from "../document-format.js";
import { splitDocument } from "../documents.js";
import { format } from "../report/index.js";
import { toReport } from "../report/summary.js";
import { ruleUrl } from "../report/sarif.js";
import { ConfigResolver } from "../node/config.js";
import { CONFIG_NAMES } from "../node/config-find.js";
import { lintUnits } from "../node/lint-files.js";
import type { ConfigData } from "../config/schema.js";
import { FolderSameness, type OpenDocs } from "./folder-sameness.js";

const SHOW_REPORT = "invite-lint.showReport";
const DEBOUNCE_MS = 150;

interface Linted {
  version: number;
  results: LintResult[];
}

/**
 * The language server: lints open notes, Markdown notes and collections on open, on change
 * (debounced) and on save; publishes diagnostics; answers hovers with the score, code
 * actions for mechanical fixes, and a command that returns the full report.
 */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout)): Connection {
  const documents = new TextDocuments(TextDocument);
  const linted = new Map<string, Linted>();
  const timers = new Map<string, NodeJS.Timeout>();
  let resolver = new ConfigResolver(builtinRules, {});
  let settings: { to?: string; template?: boolean } = {};
  // Near-duplicates: each note file is compared with the other note files of its folder.
  const folders = new FolderSameness(builtinRules);
  const openDocs = (): OpenDocs => new Map(documents.all().filter((d) => d.uri.startsWith("file:")).map((d) => [pathOf(d.uri), { version: d.version, text: d.getText() }]));
  const sameFolder = (a: string, b: string) => a.startsWith("file:") && b.startsWith("file:") && dirname(pathOf(a)) === dirname(pathOf(b));

  const pathOf = (uri: string) => (uri.startsWith("file:") ? fileURLToPath(uri) : uri);

  function lintDocument(doc: TextDocument): Linted {
    const path = pathOf(doc.uri);
    const text = doc.getText();
    const format = doc.languageId === "markdown" ? "markdown" : ["yaml", "json"].includes(doc.languageId) ? "collection" : documentFormat(path);
    let config: { data: object; rules: RuleSetData } = { data: {}, rules: builtinRules };
    try {
      config = resolver.forFile(doc.uri.startsWith("file:") ? path : undefined);
    } catch (error) {
      connection.window.showErrorMessage(`invite-lint: ${(error as Error).message}`);
    }
    const units = [...splitDocument(path, text, format)];
    const results = [...lintUnits(units, text, format !== "text", config, { overrides: { to: settings.to, template: settings.template } })];
    if (doc.uri.startsWith("file:")) folders.check(path, units, results, (config.data as ConfigData).sameness?.threshold, openDocs(), { to: settings.to });
    return { version: doc.version, results };
  }

  function publish(doc: TextDocument) {
    let state: Linted;
    try {
      state = lintDocument(doc);
    } catch (error) {
      // A collection that does not parse: one diagnostic where the parser stopped.
      const problem = (error as { problems?: { line: number; column: number; message: string }[] }).problems?.[0];
      const line = Math.max(0, (problem?.line ?? 1) - 1);
      const character = Math.max(0, (problem?.column ?? 1) - 1);
      linted.delete(doc.uri);
      void connection.sendDiagnostics({
        uri: doc.uri, version: doc.version,
        diagnostics: [{ range: { start: { line, character }, end: { line, character } }, severity: DiagnosticSeverity.Error, source: "invite-lint", message: problem?.message ?? (error as Error).message }],
      });
      return;
    }
    linted.set(doc.uri, state);
    const diagnostics = state.results.flatMap((r) => r.messages.map((m) => toDiagnostic(m, r)));
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  function schedule(doc: TextDocument, delay: number) {
    clearTimeout(timers.get(doc.uri));
    timers.set(doc.uri, setTimeout(() => {
      timers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (current) publish(current);
    }, delay));
  }

  function reloadConfig() {
    resolver = new ConfigResolver(builtinRules, {});
    for (const doc of documents.all()) schedule(doc, 0);
  }

  connection.onInitialize((params) => {
    settings = (params.initializationOptions as typeof settings | undefined) ?? {};
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [SHOW_REPORT] },
      },
      serverInfo: { name: "invite-lint", version: pkg.version },
    };
  });

  connection.onInitialized(() => {
    // Ask the client to tell us when a config file changes; clients without the capability ignore it.
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [...CONFIG_NAMES.map((name) => ({ globPattern: `**/${name}` })), { globPattern: "**/*.{txt,text,note,md,markdown,yaml,yml,json}" }],
    }).catch(() => undefined);
  });

  documents.onDidOpen((e) => publish(e.document));
  documents.onDidChangeContent((e) => schedule(e.document, DEBOUNCE_MS));
  documents.onDidSave((e) => {
    if (CONFIG_NAMES.includes(basename(pathOf(e.document.uri)))) reloadConfig();
    else {
      // Its folder's other open notes are compared with it: their warnings may change too.
      folders.forget([pathOf(e.document.uri)]);
      for (const doc of documents.all()) if (doc === e.document || sameFolder(doc.uri, e.document.uri)) schedule(doc, 0);
    }
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    linted.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeWatchedFiles((p) => {
    const paths = p.changes.map((c) => pathOf(c.uri));
    folders.forget(paths);
    if (paths.some((f) => CONFIG_NAMES.includes(basename(f)))) reloadConfig();
    else for (const doc of documents.all()) if (p.changes.some((c) => sameFolder(c.uri, doc.uri))) schedule(doc, 0);
  });

  connection.onHover((params): Hover | null => {
    const state = linted.get(params.textDocument.uri);
    if (!state || state.results.length === 0) return null;
    const line = params.position.line + 1;
    // In a collection, the entry under the cursor; otherwise the note.
    const r = [...state.results].reverse().find((x) => x.position.line <= line) ?? state.results[0]!;
    const checks = Object.entries(r.checks).map(([id, c]) => `${c.passed ? "✔" : id === "value" ? "○" : "✖"} ${id} ${c.score}`).join(" · ");
    return {
      contents: {
        kind: "markdown",
        value: `**invite-lint** ${r.score}/100 (${r.grade}), ${r.passed ? "passes" : "fails"} · ${r.characters}/${r.limit} characters\n\n${checks}`,
      },
    };
  });

  // Quick fixes are the rules' own `fix:` entries, as the engine computed them for each finding.
  connection.onCodeAction((params): CodeAction[] => {
    const doc = documents.get(params.textDocument.uri);
    const state = linted.get(params.textDocument.uri);
    if (!doc || !state) return [];
    const actions: CodeAction[] = [];
    for (const d of params.context.diagnostics) {
      if (d.source !== "invite-lint") continue;
      const start = doc.offsetAt(d.range.start);
      const m = state.results.flatMap((r) => r.messages).find((x) => x.ruleId === d.code && x.offset === start && x.fix);
      if (!m?.fix) continue;
      const [from, to] = m.fix.range;
      actions.push({
        title: m.fix.label, kind: CodeActionKind.QuickFix, diagnostics: [d],
        edit: { changes: { [doc.uri]: [{ range: { start: doc.positionAt(from), end: doc.positionAt(to) }, newText: m.fix.text }] } },
      });
    }
    return actions;
  });

  connection.onExecuteCommand((params) => {
    if (params.command !== SHOW_REPORT) return null;
    const uri = String(params.arguments?.[0] ?? "");
    const state = linted.get(uri);
    return state ? format(toReport(state.results), "stylish", { color: false }) : null;
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

function toDiagnostic(m: Message, r: LintResult): Diagnostic {
  const rule = builtinRules.rules.find((x) => x.id === m.ruleId);
  const href = rule ? ruleUrl(rule) : undefined;
  return {
    range: { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } },
    severity: m.severity === "error" ? DiagnosticSeverity.Error : m.severity === "warning" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    code: m.ruleId,
    codeDescription: href ? { href } : undefined,
    source: "invite-lint",
    message: `${m.message}. ${m.suggestion}`,
    data: { file: r.file, score: r.score },
  };
}
