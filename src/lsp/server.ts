import { basename, dirname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type Position,
} from "vscode-languageserver/node.js";
import { TextDocument } from "vscode-languageserver-textdocument";
import pkg from "../../package.json" with { type: "json" };
import type { LintResult } from "../engine/types.js";
import { builtinRules } from "../builtin.js";
import { ConfigResolver, type LoadedConfig } from "../config/load.js";
import { CONFIG_NAMES } from "../config/find.js";
import { hoverFor, quickFixes, reportFor } from "./answers.js";
import { ConfigProblems } from "./config-problems.js";
import { DOCUMENT_ERROR, notLintedDiagnostic, problemDiagnostic, toDiagnostic } from "./diagnostics.js";
import { FolderSameness, nodeIo, type OpenDocs } from "./folder-sameness.js";
import { lintDocument, pathOf, type Outcome } from "./lint-document.js";
import { NoteFiles } from "./note-files.js";
import { readSettings, type ServerSettings } from "./settings.js";

export const SHOW_REPORT = "invite-lint.showReport";
const DEBOUNCE_MS = 150;
const IGNORE_FILE = ".invite-lintignore";

/**
 * The language server: lints open notes, Markdown notes and collections on open, on change
 * (debounced) and on save; publishes diagnostics; answers hovers with the score, code
 * actions for mechanical fixes, and a command that returns the full report.
 */
export function startServer(
  connection: Connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout),
): Connection {
  const documents = new TextDocuments(TextDocument);
  const server = new NoteServer(connection, documents);
  connection.onInitialize((params) => server.initialize(params));
  connection.onInitialized(() => server.initialized());
  documents.onDidOpen((e) => server.publish(e.document));
  documents.onDidChangeContent((e) => server.schedule(e.document, DEBOUNCE_MS));
  documents.onDidSave((e) => server.saved(e.document));
  documents.onDidClose((e) => server.closed(e.document));
  connection.onDidChangeWatchedFiles((p) => server.filesChanged(p.changes.map((c) => pathOf(c.uri))));
  connection.onHover((p) => server.hover(p.textDocument.uri, p.position));
  connection.onCodeAction((p) => server.codeActions(p.textDocument.uri, p.context.diagnostics));
  connection.onExecuteCommand((p) =>
    p.command === SHOW_REPORT ? server.report(String(p.arguments?.[0] ?? "")) : null,
  );
  documents.listen(connection);
  connection.listen();
  return connection;
}

/** The server's state and what it does on each event; startServer wires the events to it. */
class NoteServer {
  private settings: ServerSettings = readSettings(undefined).settings;
  private settingsProblems: string[] = [];
  private notes = new NoteFiles([]);
  private resolver = new ConfigResolver(builtinRules, {});
  /** Rule pack folders of the configs in use: a change there reloads the configs. */
  private readonly packDirs = new Set<string>();
  private readonly configProblems = new ConfigProblems();
  /** Each open document's last results (for hovers, fixes, the report) and its own diagnostics. */
  private readonly linted = new Map<string, LintResult[]>();
  private readonly own = new Map<string, Diagnostic[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly folders: FolderSameness;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
  ) {
    // Near-duplicates: each note file is compared with the other note files of its folder.
    this.folders = new FolderSameness(builtinRules, {
      ...nodeIo,
      list: (dir) => nodeIo.list(dir).filter((f) => this.notes.isNote(f)),
    });
  }

  initialize(params: InitializeParams): InitializeResult {
    ({ settings: this.settings, problems: this.settingsProblems } = readSettings(params.initializationOptions));
    this.notes = new NoteFiles(workspaceRoots(params), this.settings.ignores);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [SHOW_REPORT] },
      },
      serverInfo: { name: "invite-lint", version: pkg.version },
    };
  }

  initialized(): void {
    for (const problem of this.settingsProblems)
      this.tell(MessageType.Warning, `initializationOptions: ${problem}; left out`);
    // Config files, ignore files and note files; clients without the capability ignore the request.
    const watchers = [...CONFIG_NAMES, IGNORE_FILE].map((name) => ({ globPattern: `**/${name}` }));
    watchers.push({ globPattern: "**/*.{txt,text,note,md,markdown,yaml,yml,json}" });
    void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
  }

  /** Lints the document and publishes what it found, or why it could not lint it. */
  publish(doc: TextDocument): void {
    const outcome = this.lint(doc);
    this.linted.delete(doc.uri);
    if (outcome.kind === "linted") this.linted.set(doc.uri, outcome.results);
    this.own.set(doc.uri, this.diagnosticsOf(outcome));
    this.send(doc.uri);
  }

  schedule(doc: TextDocument, delay: number): void {
    clearTimeout(this.timers.get(doc.uri));
    this.timers.set(
      doc.uri,
      setTimeout(() => {
        this.timers.delete(doc.uri);
        const current = this.documents.get(doc.uri);
        if (current) this.publish(current);
      }, delay),
    );
  }

  saved(doc: TextDocument): void {
    this.filesChanged([pathOf(doc.uri)]);
  }

  closed(doc: TextDocument): void {
    clearTimeout(this.timers.get(doc.uri));
    this.linted.delete(doc.uri);
    this.own.delete(doc.uri);
    this.send(doc.uri);
  }

  /** Files changed on disk (or were saved): configs load again, or the notes of their folders are compared again. */
  filesChanged(paths: string[]): void {
    this.folders.forget(paths);
    if (paths.some((p) => basename(p) === IGNORE_FILE)) this.notes.forget();
    if (paths.some((p) => this.affectsConfig(p))) {
      this.reloadConfig();
      return;
    }
    const all = paths.some((p) => basename(p) === IGNORE_FILE);
    for (const doc of this.documents.all()) {
      const path = pathOf(doc.uri);
      if (all || paths.some((p) => p === path || (doc.uri.startsWith("file:") && dirname(p) === dirname(path))))
        this.schedule(doc, 0);
    }
  }

  hover(uri: string, position: Position): Hover | null {
    const results = this.linted.get(uri);
    return results ? hoverFor(results, position) : null;
  }

  codeActions(uri: string, diagnostics: Diagnostic[]): CodeAction[] {
    const doc = this.documents.get(uri);
    const results = this.linted.get(uri);
    return doc && results ? quickFixes(doc, results, diagnostics) : [];
  }

  report(uri: string): string | null {
    const results = this.linted.get(uri);
    return results ? reportFor(results) : null;
  }

  private lint(doc: TextDocument): Outcome {
    try {
      return lintDocument(doc, {
        notes: this.notes,
        configFor: (path) => this.configFor(path),
        settings: this.settings,
        folders: this.folders,
        openDocs: () => this.openDocs(),
      });
    } catch (error) {
      // A bug, not the user's input: say so where they look, and keep serving.
      this.connection.console.error(
        `invite-lint: ${doc.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      const message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
      return { kind: "document-error", problem: { file: pathOf(doc.uri), line: 1, column: 1, message } };
    }
  }

  private diagnosticsOf(outcome: Outcome): Diagnostic[] {
    switch (outcome.kind) {
      case "not-a-note":
        return [];
      case "linted":
        return outcome.results.flatMap((r) => r.messages.map((m) => toDiagnostic(m, r, outcome.rules)));
      case "document-error":
        return [problemDiagnostic(outcome.problem, DOCUMENT_ERROR)];
      case "config-error": {
        const { changed, untold } = this.configProblems.add(outcome.problems);
        for (const line of untold) this.tell(MessageType.Error, line);
        for (const uri of changed) this.send(uri);
        return [notLintedDiagnostic(outcome.problems[0]!)];
      }
    }
  }

  /** A file's diagnostics: its own (when it is open) and the config problems in it. */
  private send(uri: string): void {
    const doc = this.documents.get(uri);
    const diagnostics = [...(this.own.get(uri) ?? []), ...this.configProblems.for(uri)];
    void this.connection.sendDiagnostics(doc ? { uri, version: doc.version, diagnostics } : { uri, diagnostics });
  }

  private tell(type: MessageType, message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type, message: `invite-lint: ${message}` });
  }

  private configFor(path: string | undefined): LoadedConfig {
    const config = this.resolver.forFile(path);
    if (config.path) for (const pack of config.data.rules ?? []) this.packDirs.add(resolve(dirname(config.path), pack));
    return config;
  }

  private affectsConfig(path: string): boolean {
    if (CONFIG_NAMES.includes(basename(path)) || this.configProblems.isIn(path)) return true;
    return [...this.packDirs].some((d) => path.startsWith(d + sep));
  }

  /** Loads every config again and lints the open documents with them. */
  private reloadConfig(): void {
    this.resolver = new ConfigResolver(builtinRules, {});
    this.packDirs.clear();
    for (const uri of this.configProblems.clear()) this.send(uri);
    for (const doc of this.documents.all()) this.schedule(doc, 0);
  }

  private openDocs(): OpenDocs {
    const files = this.documents.all().filter((d) => d.uri.startsWith("file:"));
    return new Map(files.map((d) => [pathOf(d.uri), { version: d.version, text: d.getText() }]));
  }
}

/** The client's workspace folders, as paths. */
function workspaceRoots(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.filter((u) => u.startsWith("file:")).map((u) => fileURLToPath(u));
}
