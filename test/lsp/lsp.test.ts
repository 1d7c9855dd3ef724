import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";

import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type Diagnostic,
  type ProtocolConnection,
} from "vscode-languageserver-protocol/node.js";
import { ROOT, makeTempDir } from "../helpers.js";

const STOCK = "I'd like to add you to my professional network on LinkedIn.";
const GOOD =
  "Hi Priya, great meeting you at the Denver PyData meetup last week. Your talk on dbt tests changed how our team works; happy to send you the checklist we built from it.";

/** A real client over the server's stdio: no mock of the protocol. */
describe("language server, end to end", () => {
  const child = spawn(process.execPath, [join(ROOT, "bin/invite-lint-lsp.cjs")], { stdio: ["pipe", "pipe", "pipe"] });
  let connection: ProtocolConnection;
  const published: { uri: string; diagnostics: Diagnostic[] }[] = [];
  const waiters: ((p: { uri: string; diagnostics: Diagnostic[] }) => void)[] = [];
  const dir = makeTempDir("invite-lint-lsp-");
  writeFileSync(join(dir, "note.txt"), STOCK);
  const uri = pathToFileURL(join(dir, "note.txt")).href;
  const nextDiagnostics = () =>
    new Promise<{ uri: string; diagnostics: Diagnostic[] }>((resolve) => waiters.push(resolve));

  beforeAll(async () => {
    connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      published.push(p);
      waiters.shift()?.(p);
    });
    connection.listen();
    const init = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: {},
      workspaceFolders: null,
    });
    expect(init.capabilities.hoverProvider).toBe(true);
    await connection.sendNotification(InitializedNotification.type, {});
  });

  afterAll(() => {
    connection?.dispose();
    child.kill();
  });

  it("publishes diagnostics with ranges, codes and links when a generic note opens", async () => {
    const started = performance.now();
    const wait = nextDiagnostics();
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: "plaintext", version: 1, text: STOCK },
    });
    const p = await wait;
    console.log(`first diagnostics after didOpen: ${(performance.now() - started).toFixed(0)} ms`);
    expect(p.uri).toBe(uri);
    const stock = p.diagnostics.find((d) => d.code === "stock-invitation")!;
    expect(stock.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 58 } });
    expect(stock.source).toBe("invite-lint");
    expect(stock.codeDescription?.href).toMatch(/rules\.md#stock-invitation$/);
    expect(stock.message).toContain("Replace it with");
    expect(p.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(["no-context", "not-specific"]));
  });

  it("answers a hover with the score, grade and characters against the limit", async () => {
    const hover = await connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 3 },
    });
    expect(JSON.stringify(hover?.contents)).toMatch(/20\/100 \(F\), fails · 59\/300 characters/);
  });

  it("offers a code action that removes the stock phrase", async () => {
    const diagnostics = published.at(-1)!.diagnostics.filter((d) => d.code === "stock-invitation");
    const actions = await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics },
    });
    const remove = actions?.find((a) => "title" in a && a.title.startsWith("Remove"));
    expect(remove).toBeDefined();
    const edits = (remove as { edit: { changes: Record<string, { newText: string; range: unknown }[]> } }).edit.changes[
      uri
    ]!;
    expect(edits[0]!.newText).toBe("");
    expect(edits[0]!.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 59 } });
  });

  it("returns the full report from its command", async () => {
    const report = await connection.sendRequest(ExecuteCommandRequest.type, {
      command: "invite-lint.showReport",
      arguments: [uri],
    });
    expect(String(report)).toContain("stock-invitation");
  });

  it("clears the diagnostics when the text becomes a good note", async () => {
    const wait = nextDiagnostics();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: STOCK.length } }, text: GOOD },
      ],
    });
    const p = await wait;
    expect(p.diagnostics).toEqual([]);
    const hover = await connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 1 },
    });
    expect(JSON.stringify(hover?.contents)).toContain("100/100 (A), passes");
  });

  it("shuts down cleanly", async () => {
    await connection.sendRequest(ShutdownRequest.type);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
  });
});

describe("invite-lint lsp", () => {
  it("starts the same server from the main command", async () => {
    const child = spawn(process.execPath, [join(ROOT, "bin/invite-lint.cjs"), "lsp"], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    connection.listen();
    try {
      const init = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
        workspaceFolders: null,
      });
      expect(init.capabilities.hoverProvider).toBe(true);
      expect(init.serverInfo?.name).toBe("invite-lint");
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
