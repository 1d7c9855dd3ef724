import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiagnosticSeverity, MessageType, type Diagnostic } from "vscode-languageserver-protocol/node.js";
import { makeTempDir, runCli } from "../helpers.js";
import { TestClient, uriOf } from "./client.js";

const STOCK = "I'd like to add you to my professional network on LinkedIn.";
const GOOD =
  "Hi Priya, great meeting you at the Denver PyData meetup last week. Your talk on dbt tests changed how our team works; happy to send you the checklist we built from it.";

function tree(files: Record<string, string>): string {
  const dir = makeTempDir("invite-lint-lsp-ws-");
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

describe("language server: what a note file is", () => {
  const ws = tree({
    "package.json": JSON.stringify(
      { name: "templates", version: "1.0.0", scripts: { test: "invite-lint ." } },
      null,
      2,
    ),
    "tsconfig.json": '{ "compilerOptions": { "strict": true } }\n',
    "docker-compose.yml": "services:\n  web:\n    image: nginx\n    ports: ['8080:80']\n",
    "renovate.json": '{ "extends": ["config:recommended"] }\n',
    ".github/workflows/ci.yml": "on: push\njobs: {}\n",
    "node_modules/some-package/notes.txt": STOCK,
    "dist/copy.txt": STOCK,
    "README.md": "# Outreach templates\n\nOne file a template; run `npm test` before you send.\n",
    "docs/CHANGES.md": "# Changes\n\n- 1.0: first templates\n",
    "drafts/later.txt": STOCK,
    "templates/stock.txt": STOCK,
    "templates/team.yaml": `- id: welcome\n  text: "${STOCK}"\n`,
    "templates/broken.yaml": "- id: a\n  text: [unclosed\n",
    "templates/half.yaml": `- id: good\n  text: "${GOOD}"\n- id: empty\n  to: Priya\n`,
  });
  let client: TestClient;
  const read = (name: string) => join(ws, name);

  beforeAll(async () => {
    client = await TestClient.start(ws, { ignores: ["README*", "CHANGES*", "drafts/"] });
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  it("leaves out package.json, tsconfig.json, YAML and JSON that hold no notes, and what a folder walk skips", async () => {
    const opened: [string, string][] = [
      ["package.json", "json"],
      ["tsconfig.json", "json"],
      ["docker-compose.yml", "yaml"],
      ["renovate.json", "json"],
      [".github/workflows/ci.yml", "yaml"],
      ["node_modules/some-package/notes.txt", "plaintext"],
      ["dist/copy.txt", "plaintext"],
    ];
    for (const [name, language] of opened) {
      expect(await client.open(read(name), readFileSync(read(name), "utf8"), language), name).toEqual([]);
    }
  });

  it("leaves out what the client's ignores name", async () => {
    expect(
      await client.open(
        read("README.md"),
        "# Outreach templates\n\nOne file a template; run `npm test` before you send.\n",
        "markdown",
      ),
    ).toEqual([]);
    expect(await client.open(read("docs/CHANGES.md"), "# Changes\n\n- 1.0: first templates\n", "markdown")).toEqual([]);
    expect(await client.open(read("drafts/later.txt"), STOCK)).toEqual([]);
  });

  it("lints note files and collections, with the failing verdict first as an error with its code", async () => {
    const note = await client.open(read("templates/stock.txt"), STOCK);
    expect(note[0]).toMatchObject({
      code: "verdict",
      severity: DiagnosticSeverity.Error,
      source: "invite-lint",
      range: { start: { line: 0, character: 0 } },
    });
    expect(note[0]!.message).toMatch(/^The note fails \(20\/100, needs 70\)/);
    expect(codes(note)).toContain("stock-invitation");
    const collection = await client.open(read("templates/team.yaml"), `- id: welcome\n  text: "${STOCK}"\n`, "yaml");
    expect(collection[0]).toMatchObject({ code: "verdict", range: { start: { line: 1, character: 9 } } });
  });

  it("a collection that does not parse, or an entry without text, is an error with a code where it is", async () => {
    const broken = await client.open(read("templates/broken.yaml"), "- id: a\n  text: [unclosed\n", "yaml");
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({
      code: "document-error",
      severity: DiagnosticSeverity.Error,
      source: "invite-lint",
    });
    const half = await client.open(
      read("templates/half.yaml"),
      `- id: good\n  text: "${GOOD}"\n- id: empty\n  to: Priya\n`,
      "yaml",
    );
    expect(half).toEqual([
      {
        code: "document-error",
        severity: DiagnosticSeverity.Error,
        source: "invite-lint",
        message: 'entry "empty" has no "text"',
        range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } },
      },
    ]);
    for (const d of [...client.published.values()].flat()) expect(d.code, d.message).toBeTruthy();
  });
});

describe("language server: .invite-lintignore and the default ignores", () => {
  it("honours the workspace's .invite-lintignore and, without client settings, leaves out README and CHANGELOG", async () => {
    const ws = tree({
      ".invite-lintignore": "archive/\n",
      "archive/old.txt": STOCK,
      "README.md": "# Notes\n",
      "CHANGELOG.md": "# 1.0\n",
      "a.txt": STOCK,
    });
    const client = await TestClient.start(ws);
    try {
      expect(await client.open(join(ws, "archive/old.txt"), STOCK)).toEqual([]);
      expect(await client.open(join(ws, "README.md"), "# Notes\n", "markdown")).toEqual([]);
      expect(await client.open(join(ws, "CHANGELOG.md"), "# 1.0\n", "markdown")).toEqual([]);
      expect(codes(await client.open(join(ws, "a.txt"), STOCK))).toContain("stock-invitation");
    } finally {
      await client.stop();
    }
  });

  it("a settings value of the wrong type is named in a warning, and the server goes on", async () => {
    const ws = tree({ "a.txt": STOCK });
    const client = await TestClient.start(ws, { ignores: "drafts/", to: 3 });
    try {
      expect(codes(await client.open(join(ws, "a.txt"), STOCK))).toContain("stock-invitation");
      expect(client.messages).toEqual([
        { type: MessageType.Warning, message: 'invite-lint: initializationOptions: "to" must be a string; left out' },
        {
          type: MessageType.Warning,
          message: 'invite-lint: initializationOptions: "ignores" must be a list of patterns; left out',
        },
      ]);
    } finally {
      await client.stop();
    }
  });
});

describe("language server: a config file the CLI rejects", () => {
  const ws = tree({ ".invite-lintrc.yaml": "minScore: 10\ncolour: red\n", "notes/stock.txt": STOCK });
  const config = join(ws, ".invite-lintrc.yaml");
  const note = join(ws, "notes/stock.txt");
  let client: TestClient;

  beforeAll(async () => {
    client = await TestClient.start(ws);
  });
  afterAll(async () => {
    await client.stop();
  });

  it("is shown where it is wrong, as the CLI words it, and the note is not linted with defaults", async () => {
    const cli = runCli(["notes/stock.txt"], { cwd: ws });
    expect(cli.status).toBe(2);
    const onConfig = client.next(config);
    const diagnostics = await client.open(note, STOCK);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: "config-error",
      severity: DiagnosticSeverity.Error,
      message: `Not linted: the configuration does not load: ${cli.stderr.trim()}`,
    });
    expect(diagnostics[0]!.relatedInformation?.[0]?.location).toEqual({
      uri: uriOf(config),
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
    });
    expect(await onConfig).toEqual([
      {
        code: "config-error",
        severity: DiagnosticSeverity.Error,
        source: "invite-lint",
        message: cli.stderr.trim().replace(/^\.invite-lintrc\.yaml:2:1: /, ""),
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      },
    ]);
    expect(client.messages).toEqual([{ type: MessageType.Error, message: `invite-lint: ${cli.stderr.trim()}` }]);
  });

  it("is told once, not on every keystroke", async () => {
    const again = await client.change(note, `${STOCK} `);
    expect(codes(again)).toEqual(["config-error"]);
    expect(client.messages).toHaveLength(1);
  });

  it("once fixed, its diagnostics clear and the note is linted with it", async () => {
    writeFileSync(config, "minScore: 10\n");
    const onConfig = client.next(config);
    const onNote = client.next(note);
    await client.changedOnDisk(config);
    expect(await onConfig).toEqual([]);
    const linted = await onNote;
    // minScore 10: the stock note (20/100) passes, so no verdict; its findings stay.
    expect(codes(linted)).not.toContain("verdict");
    expect(codes(linted)).toContain("stock-invitation");
  });
});

describe("language server: rule metadata from the rule set the note was linted with", () => {
  const ws = tree({
    ".invite-lintrc.yaml": "rules: [./pack]\n",
    "pack/agency-pitch.yaml": [
      "id: agency-pitch",
      "check: tone",
      "kind: existence",
      "description: Agencies announcing their services in a first note.",
      "severity: warning",
      "weight: 30",
      `message: '"{match}" reads like an agency pitch'`,
      "hint: Lead with why you are writing to this person.",
      'phrases:\n  en: ["full-service agency"]',
      "url: https://example.com/house-rules#agency-pitch",
      "",
    ].join("\n"),
    "pack/hustle-word.yaml": [
      "id: hustle-word",
      "check: tone",
      "kind: existence",
      "description: Hustle words.",
      "severity: info",
      "weight: 5",
      `message: '"{match}" is a hustle word'`,
      "hint: Say what you did instead.",
      'phrases:\n  en: ["synergy"]',
      "",
    ].join("\n"),
    "notes/agency.txt":
      "Hi Rosa, great meeting you at FOSDEM on Sunday. We are a full-service agency with real synergy.",
  });

  it("a pack rule's code links to its url, or to its file when it has none; built-in rules link to the reference", async () => {
    const client = await TestClient.start(ws);
    try {
      const ds = await client.open(
        join(ws, "notes/agency.txt"),
        "Hi Rosa, great meeting you at FOSDEM on Sunday. We are a full-service agency with real synergy.",
      );
      const by = (code: string) => ds.find((d) => d.code === code)!;
      expect(by("agency-pitch")).toMatchObject({
        codeDescription: { href: "https://example.com/house-rules#agency-pitch" },
        severity: DiagnosticSeverity.Warning,
        message: '"full-service agency" reads like an agency pitch. Lead with why you are writing to this person.',
      });
      expect(by("hustle-word")).toMatchObject({
        codeDescription: { href: uriOf(join(ws, "pack/hustle-word.yaml")) },
        severity: DiagnosticSeverity.Information,
      });
      expect(by("no-offer").codeDescription?.href).toMatch(/\/docs\/rules\.md#no-offer$/);
    } finally {
      await client.stop();
    }
  });

  it("a change to a pack's rule file loads the pack again", async () => {
    const client = await TestClient.start(ws);
    const note = join(ws, "notes/agency.txt");
    try {
      expect(codes(await client.open(note, "We are a full-service agency with real synergy."))).toContain(
        "hustle-word",
      );
      writeFileSync(
        join(ws, "pack/hustle-word.yaml"),
        [
          "id: hustle-word",
          "check: tone",
          "kind: existence",
          "description: Hustle words.",
          "severity: error",
          "weight: 5",
          `message: '"{match}" is a hustle word'`,
          "hint: Say what you did instead.",
          'phrases:\n  en: ["synergy"]',
          "",
        ].join("\n"),
      );
      const next = client.next(note);
      await client.changedOnDisk(join(ws, "pack/hustle-word.yaml"));
      expect((await next).find((d) => d.code === "hustle-word")?.severity).toBe(DiagnosticSeverity.Error);
    } finally {
      await client.stop();
    }
  });
});
