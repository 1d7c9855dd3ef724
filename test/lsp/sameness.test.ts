import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type Diagnostic,
  type ProtocolConnection,
} from "vscode-languageserver-protocol/node.js";
import { ROOT, makeTempDir } from "../helpers.js";
import { builtinRules } from "../../src/builtin.js";
import { FolderSameness, type FolderIo } from "../../src/lsp/folder-sameness.js";
import { splitDocument } from "../../src/documents.js";
import { lintUnits } from "../../src/node/lint-files.js";

const TEMPLATE = (name: string, company: string) =>
  `Hi ${name}, I saw that ${company} just opened a data platform team in Rotterdam. We built something similar last year and wrote down what worked when hiring the first four engineers. Most of it was about on-call and code review. I'd be glad to send you the notes if that helps. Best, Sam`;
const OWN =
  "Hi Omar, congrats on shipping the warehouse routing engine - the write-up on batching picks by aisle was the clearest I have read this year. We tried it on our night shift and I can send you what we measured.";

const near = (p: { diagnostics: Diagnostic[] }) =>
  p.diagnostics
    .filter((d) => d.code === "near-duplicate")
    .map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);

describe("language server: a note is compared with the other note files of its folder", () => {
  const dir = makeTempDir("invite-lint-lsp-same-");
  writeFileSync(join(dir, "tom.txt"), TEMPLATE("Tom", "Globex"));
  writeFileSync(
    join(dir, "team.yaml"),
    `- id: ana\n  text: "${TEMPLATE("Ana", "Hooli")}"\n- id: own\n  text: "${OWN}"\n`,
  );
  writeFileSync(
    join(dir, "other.txt"),
    OWN.replace("Omar", "Lena").replace("night shift", "day shift and weekend crew"),
  );
  const uri = pathToFileURL(join(dir, "priya.txt")).href;
  const child = spawn(process.execPath, [join(ROOT, "bin/invite-lint-lsp.cjs")], { stdio: ["pipe", "pipe", "pipe"] });
  let connection: ProtocolConnection;
  const waiters: ((p: { uri: string; diagnostics: Diagnostic[] }) => void)[] = [];
  const next = () => new Promise<{ uri: string; diagnostics: Diagnostic[] }>((resolve) => waiters.push(resolve));

  beforeAll(async () => {
    connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => waiters.shift()?.(p));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: {},
      workspaceFolders: null,
    });
    await connection.sendNotification(InitializedNotification.type, {});
  });

  afterAll(() => {
    connection?.dispose();
    child.kill();
  });

  it("warns when the note opens, naming the closest note file of the folder", async () => {
    const wait = next();
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: "plaintext", version: 1, text: TEMPLATE("Priya", "Acme") },
    });
    const p = await wait;
    expect(near(p)).toEqual([
      "0:0 100% the same as team.yaml#ana and 1 other: only the name and other names differ. Write it for this person: one detail only they would recognise, in words no other note of the run shares.",
    ]);
  });

  it("drops the warning when the note becomes one of its own", async () => {
    const wait = next();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [
        {
          text: "Hi Priya, great meeting you at the Leeds logistics meetup on Tuesday - your tip on slotting fast movers near packing cut our pick paths by a fifth. Happy to share the data.",
        },
      ],
    });
    expect(near(await wait)).toEqual([]);
  });

  it("sees a change to a file of the folder that the client reports", async () => {
    writeFileSync(
      join(dir, "tom.txt"),
      "Hi Tom, great meeting you at the Leeds logistics meetup on Tuesday - your tip on slotting fast movers near packing cut our pick paths by a fifth. Happy to share the data.",
    );
    const wait = next();
    await connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(join(dir, "tom.txt")).href, type: FileChangeType.Changed }],
    });
    expect(near(await wait)).toEqual([
      "0:0 100% the same as tom.txt: only the name differs. Write it for this person: one detail only they would recognise, in words no other note of the run shares.",
    ]);
  });
});

describe("language server: fingerprints are cached per file", () => {
  /** A folder in memory that counts what is read. */
  function folder(files: Record<string, string>) {
    const reads: string[] = [];
    let lists = 0;
    let now = 0;
    const io: FolderIo = {
      list: () => {
        lists++;
        return Object.keys(files).map((f) => `/ws/${f}`);
      },
      stat: (p) => ({ mtimeMs: files[p.slice(4)]!.length, size: files[p.slice(4)]!.length }),
      read: (p) => {
        reads.push(p.slice(4));
        return files[p.slice(4)]!;
      },
      now: () => now,
    };
    return { io, reads, lists: () => lists, tick: (ms: number) => (now += ms), files };
  }
  const lint = (same: FolderSameness, path: string, text: string) => {
    const units = [...splitDocument(path, text)];
    const results = [...lintUnits(units, text, false, { data: {}, rules: builtinRules }, {})];
    same.check(path, units, results);
    return results.flatMap((r) => r.messages.filter((m) => m.ruleId === "near-duplicate").map((m) => m.message));
  };

  it("a keystroke re-fingerprints only the note being edited; a file is read again only when it changed", () => {
    const f = folder({ "tom.txt": TEMPLATE("Tom", "Acme"), "own.txt": OWN, "priya.txt": "" });
    const same = new FolderSameness(builtinRules, f.io);
    expect(lint(same, "/ws/priya.txt", TEMPLATE("Priya", "Acme"))).toEqual([
      "100% the same as tom.txt: only the name differs",
    ]);
    expect(f.reads.sort()).toEqual(["own.txt", "tom.txt"]);
    for (const name of ["Ana", "Jo", "Kemal"])
      expect(lint(same, "/ws/priya.txt", TEMPLATE(name, "Acme"))).toEqual([
        "100% the same as tom.txt: only the name differs",
      ]);
    expect([f.reads.length, f.lists()]).toEqual([2, 1]);
    // Past ten seconds the folder is listed again; an unchanged file is not read again, a changed one is.
    f.tick(11_000);
    f.files["own.txt"] = `${OWN} Talk soon!`;
    expect(lint(same, "/ws/priya.txt", TEMPLATE("Priya", "Acme"))).toEqual([
      "100% the same as tom.txt: only the name differs",
    ]);
    expect([f.reads.length, f.lists()]).toEqual([3, 2]);
    // A file event drops the file's fingerprints at once.
    f.files["tom.txt"] = OWN;
    same.forget(["/ws/tom.txt"]);
    expect(lint(same, "/ws/priya.txt", TEMPLATE("Priya", "Acme"))).toEqual([]);
    expect(f.reads.slice(3)).toEqual(["tom.txt"]);
  });

  it("an open file is compared as the editor holds it, and the threshold and off apply", () => {
    const f = folder({ "tom.txt": OWN, "priya.txt": "" });
    const same = new FolderSameness(builtinRules, f.io);
    const units = [...splitDocument("/ws/priya.txt", TEMPLATE("Priya", "Acme"))];
    const results = [...lintUnits(units, units[0]!.text, false, { data: {}, rules: builtinRules }, {})];
    same.check(
      "/ws/priya.txt",
      units,
      results,
      0.8,
      new Map([["/ws/tom.txt", { version: 3, text: TEMPLATE("Tom", "Acme") }]]),
    );
    expect(results[0]!.messages.filter((m) => m.ruleId === "near-duplicate").map((m) => m.message)).toEqual([
      "100% the same as tom.txt: only the name differs",
    ]);
    expect(f.reads).toEqual([]);
    const off = [...lintUnits(units, units[0]!.text, false, { data: {}, rules: builtinRules }, {})];
    same.check(
      "/ws/priya.txt",
      units,
      off,
      "off",
      new Map([["/ws/tom.txt", { version: 3, text: TEMPLATE("Tom", "Acme") }]]),
    );
    expect(off[0]!.messages.some((m) => m.ruleId === "near-duplicate")).toBe(false);
  });
});
