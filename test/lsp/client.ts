import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type CodeAction,
  CodeActionRequest,
  type Command,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type Diagnostic,
  type ProtocolConnection,
  type ShowMessageParams,
} from "vscode-languageserver-protocol/node.js";
import { ROOT } from "../helpers.js";

export const uriOf = (path: string) => pathToFileURL(path).href;

/** A real client of the built server over stdio, for one workspace folder. */
export class TestClient {
  readonly messages: ShowMessageParams[] = [];
  /** The last diagnostics published for each URI. */
  readonly published = new Map<string, Diagnostic[]>();
  private readonly waiters = new Map<string, ((d: Diagnostic[]) => void)[]>();
  private version = new Map<string, number>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.set(p.uri, p.diagnostics);
      this.waiters.get(p.uri)?.shift()?.(p.diagnostics);
    });
    connection.onNotification(ShowMessageNotification.type, (p) => void this.messages.push(p));
    connection.listen();
  }

  /** Starts the server with `root` as its workspace folder and working directory. */
  static async start(root: string, initializationOptions?: unknown): Promise<TestClient> {
    const child = spawn(process.execPath, [join(ROOT, "bin/invite-lint-lsp.cjs")], {
      cwd: root,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const client = new TestClient(
      child,
      createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)),
    );
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(root),
      capabilities: {},
      initializationOptions,
      workspaceFolders: [{ uri: uriOf(root), name: "workspace" }],
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The next diagnostics published for `path` (ask before the event that publishes them). */
  next(path: string): Promise<Diagnostic[]> {
    const uri = uriOf(path);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${path}`)), 10_000);
      const list = this.waiters.get(uri) ?? [];
      list.push((d) => {
        clearTimeout(timer);
        resolve(d);
      });
      this.waiters.set(uri, list);
    });
  }

  async open(path: string, text: string, languageId = "plaintext"): Promise<Diagnostic[]> {
    const published = this.next(path);
    this.version.set(path, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uriOf(path), languageId, version: 1, text },
    });
    return published;
  }

  async change(path: string, text: string): Promise<Diagnostic[]> {
    const published = this.next(path);
    const version = (this.version.get(path) ?? 1) + 1;
    this.version.set(path, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uriOf(path), version },
      contentChanges: [{ text }],
    });
    return published;
  }

  /** The code actions the server offers for these diagnostics of `path`. */
  async codeActions(path: string, diagnostics: Diagnostic[]): Promise<(CodeAction | Command)[]> {
    const actions = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uriOf(path) },
      range: diagnostics[0]!.range,
      context: { diagnostics },
    });
    return actions ?? [];
  }

  /** Tells the server that files changed on disk, as a client that watches files does. */
  async changedOnDisk(...paths: string[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: paths.map((p) => ({ uri: uriOf(p), type: FileChangeType.Changed })),
    });
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.on("exit", (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
