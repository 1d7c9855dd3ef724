import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { join, matchesGlob } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, makeTempDir } from "../helpers.js";
import { NOTE_FILE } from "../../src/node/files.js";
import { DEFAULT_IGNORES } from "../../src/lsp/note-files.js";

const STOCK = "I'd like to add you to my professional network on LinkedIn.\n";
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
const extensionPkg = JSON.parse(readFileSync(join(ROOT, "editors/vscode/package.json"), "utf8")) as {
  activationEvents: string[];
  contributes: { configuration: { properties: Record<string, { default: unknown }> } };
};
const defaults = Object.fromEntries(
  Object.entries(extensionPkg.contributes.configuration.properties).map(([k, v]) => [
    k.replace(/^inviteLint\./, ""),
    v.default,
  ]),
);

interface Pattern {
  base: { uri: { fsPath: string } };
  pattern: string;
}
interface Filter {
  scheme?: string;
  language?: string;
  pattern?: Pattern | string;
}
interface Created {
  id: string;
  server: { run: { command: string } };
  options: { documentSelector: Filter[]; initializationOptions: { ignores: string[]; to?: string } };
  stopped: boolean;
}

/**
 * Loads editors/vscode/extension.js as VS Code would, with stand-ins for the `vscode` API and
 * vscode-languageclient that record what the extension asks of them.
 */
function activate(folder: string | undefined, settings: Record<string, unknown> = {}) {
  const created: Created[] = [];
  const listeners: ((e: { affectsConfiguration: (s: string) => boolean }) => unknown)[] = [];
  const values = { ...defaults, ...settings };
  const vscode = {
    workspace: {
      getConfiguration: (section: string) => ({
        get: (key: string) => (section === "inviteLint" ? values[key] : undefined),
      }),
      workspaceFolders: folder ? [{ uri: { fsPath: folder }, name: "ws", index: 0 }] : undefined,
      onDidChangeConfiguration: (f: (typeof listeners)[number]) => {
        listeners.push(f);
        return { dispose() {} };
      },
      onDidChangeWorkspaceFolders: () => ({ dispose() {} }),
    },
    RelativePattern: class {
      constructor(
        public base: unknown,
        public pattern: string,
      ) {}
    },
    commands: { registerCommand: () => ({ dispose() {} }) },
    window: {},
  };
  class LanguageClient {
    record: Created;
    constructor(id: string, _name: string, server: Created["server"], options: Created["options"]) {
      this.record = { id, server, options, stopped: false };
      created.push(this.record);
    }
    async start() {}
    async stop() {
      this.record.stopped = true;
    }
  }
  const stubs: Record<string, unknown> = {
    vscode,
    "vscode-languageclient/node": { LanguageClient, TransportKind: { stdio: 0 } },
  };
  const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
  (Module as unknown as { _load: typeof load })._load = (request, ...rest) =>
    request in stubs ? stubs[request] : load(request, ...rest);
  try {
    const file = join(ROOT, "editors/vscode/extension.js");
    const req = createRequire(import.meta.url);
    delete req.cache[file];
    const ext = req(file) as { activate: (context: { subscriptions: unknown[] }) => Promise<void> };
    return { created, listeners, ready: ext.activate({ subscriptions: [] }) };
  } finally {
    (Module as unknown as { _load: typeof load })._load = load;
  }
}

/** The workspace-relative paths a document selector sends to the server. */
function selected(selector: Filter[], folder: string, paths: string[]): string[] {
  return paths.filter((p) =>
    selector.some((f) => {
      const pattern = f.pattern as Pattern;
      return f.scheme === "file" && pattern.base.uri.fsPath === folder && matchesGlob(p, pattern.pattern);
    }),
  );
}

const SAMPLE = [
  "templates/welcome.txt",
  "notes/priya.md",
  "team.yaml",
  "outreach/sales.yml",
  "deep/a/b/c.note",
  "src/index.ts",
  "docs/guide.mdx",
  "Cargo.toml",
  "package.json",
];

describe("the VS Code client", () => {
  it("selects the files of the workspace folder that match inviteLint.files, by default those the CLI walks to", async () => {
    const folder = makeTempDir("invite-lint-vscode-");
    const { created, ready } = activate(folder);
    await ready;
    const selector = created[0]!.options.documentSelector;
    // No filter by language alone: that would send every JSON, YAML and Markdown file anywhere.
    for (const f of selector)
      expect(f).toEqual({
        scheme: "file",
        pattern: expect.objectContaining({ base: expect.objectContaining({ uri: { fsPath: folder } }) }),
      });
    expect(selected(selector, folder, SAMPLE)).toEqual([
      "templates/welcome.txt",
      "notes/priya.md",
      "team.yaml",
      "outreach/sales.yml",
      "deep/a/b/c.note",
      "package.json",
    ]);
    // The default globs are the folder walk's extensions (src/node/files.ts), no more, no fewer.
    const extensions = (defaults.files as string[]).map((g) => /^\*\*\/\*\.([a-z]+)$/.exec(g)![1]!);
    for (const ext of extensions) expect(NOTE_FILE.test(`a.${ext}`), ext).toBe(true);
    for (const ext of ["ts", "js", "mdx", "toml", "csv", "html"])
      expect(NOTE_FILE.test(`a.${ext}`) || extensions.includes(ext), ext).toBe(false);
    expect(extensions.sort()).toEqual(["json", "markdown", "md", "note", "text", "txt", "yaml", "yml"]);
  });

  it("sends inviteLint.ignores to the server; their default is the server's own", async () => {
    const { created, ready } = activate(makeTempDir("invite-lint-vscode-"));
    await ready;
    expect(created[0]!.options.initializationOptions.ignores).toEqual(DEFAULT_IGNORES);
    expect(defaults.ignores).toEqual(DEFAULT_IGNORES);
  });

  it("takes the files from the settings, and restarts when they change", async () => {
    const folder = makeTempDir("invite-lint-vscode-");
    const { created, listeners, ready } = activate(folder, { files: ["templates/**"], ignores: ["templates/old/"] });
    await ready;
    expect(selected(created[0]!.options.documentSelector, folder, SAMPLE)).toEqual(["templates/welcome.txt"]);
    expect(created[0]!.options.initializationOptions.ignores).toEqual(["templates/old/"]);
    await listeners[0]!({ affectsConfiguration: (s) => s === "inviteLint" });
    expect(created.map((c) => c.stopped)).toEqual([true, false]);
  });

  it("runs the workspace's installed server when there is one, else invite-lint-lsp on the PATH", async () => {
    const folder = makeTempDir("invite-lint-vscode-");
    const first = activate(folder);
    await first.ready;
    expect(first.created[0]!.server.run.command).toBe("invite-lint-lsp");
    mkdirSync(join(folder, "node_modules/.bin"), { recursive: true });
    writeFileSync(join(folder, "node_modules/.bin/invite-lint-lsp"), "");
    const second = activate(folder);
    await second.ready;
    expect(second.created[0]!.server.run.command).toBe(join(folder, "node_modules/.bin/invite-lint-lsp"));
    expect(pkg.bin["invite-lint-lsp"]).toBeDefined();
  });

  it("without a folder open, matches the globs anywhere", async () => {
    const { created, ready } = activate(undefined);
    await ready;
    expect(created[0]!.options.documentSelector.map((f) => f.pattern)).toEqual(defaults.files);
    expect(extensionPkg.activationEvents).toEqual([
      "onLanguage:plaintext",
      "onLanguage:markdown",
      "onLanguage:yaml",
      "onLanguage:json",
    ]);
  });
});

/** A workspace with invite-lint installed as npm installs it: node_modules/.bin/invite-lint links to the package's bin. */
function installedWorkspace(): string {
  const ws = makeTempDir("invite-lint-installed-");
  mkdirSync(join(ws, "node_modules/.bin"), { recursive: true });
  symlinkSync(join(ROOT, pkg.bin["invite-lint"]!), join(ws, "node_modules/.bin/invite-lint"));
  mkdirSync(join(ws, "notes"));
  writeFileSync(join(ws, "notes/stock.txt"), STOCK);
  return ws;
}

describe("the VS Code task and Neovim's :make run the installed bin, not npx", () => {
  it("the task runs node_modules/.bin/invite-lint, and its problem matcher reads the output", () => {
    const tasks = JSON.parse(readFileSync(join(ROOT, "editors/vscode/tasks.json"), "utf8")) as {
      tasks: {
        type: string;
        command: string;
        windows: { command: string };
        args: string[];
        options: { cwd: string };
        problemMatcher: { pattern: { regexp: string }; fileLocation: string[] };
      }[];
    };
    const task = tasks.tasks[0]!;
    expect(JSON.stringify(tasks)).not.toMatch(/\bnpx\b/);
    expect(task.command).toBe("${workspaceFolder}/node_modules/.bin/invite-lint");
    expect(task.windows.command).toBe("${workspaceFolder}\\node_modules\\.bin\\invite-lint.cmd");
    // Run it as VS Code would: variables substituted, through the shell, in the workspace folder.
    const ws = installedWorkspace();
    const vars = (s: string) => s.replaceAll("${workspaceFolder}", ws).replaceAll("${relativeFile}", "notes/stock.txt");
    const line = [task.command, ...task.args].map((a) => `'${vars(a)}'`).join(" ");
    const r = spawnSync("sh", ["-c", line], {
      cwd: vars(task.options.cwd),
      encoding: "utf8",
      env: { PATH: "/usr/bin:/bin", HOME: process.env.HOME },
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const re = new RegExp(task.problemMatcher.pattern.regexp);
    const lines = r.stdout.trim().split("\n");
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) {
      const m = re.exec(l);
      expect(m, l).not.toBeNull();
      expect(existsSync(join(ws, m![1]!))).toBe(true);
    }
    expect(lines.some((l) => /: error: The note fails .*\[verdict\]$/.test(l))).toBe(true);
  });

  it("Neovim's makeprg and server command are the project's node_modules/.bin one, else the one on the PATH", () => {
    const lua = readFileSync(join(ROOT, "editors/neovim/invite-lint.lua"), "utf8");
    expect(lua).not.toMatch(/\bnpx\b/);
    expect(lua).toContain(
      'vim.bo[args.buf].makeprg = vim.fn.shellescape(bin(args.buf, "invite-lint")) .. " --format unix %"',
    );
    expect(lua).toContain('cmd = { bin(args.buf, "invite-lint-lsp") }');
    expect(lua).toContain('vim.fs.joinpath(root, "node_modules", ".bin", name)');
    expect(lua).toMatch(
      /if vim\.fn\.executable\(installed\) == 1 then return installed end\n {2}end\n {2}return name\n/,
    );
  });
});

describe("the Helix snippet", () => {
  /** The `[[language]]` tables of a languages.toml, with their names and server lists (string arrays only). */
  function languages(toml: string): { name: string; servers: string[] }[] {
    return toml
      .split(/^\[\[language\]\]$/m)
      .slice(1)
      .map((block) => ({
        name: JSON.parse(/^name = ("[^"]*")$/m.exec(block)![1]!) as string,
        servers: JSON.parse(/^language-servers = (\[[^\]\n]*\])$/m.exec(block)![1]!) as string[],
      }));
  }

  it("adds invite-lint beside Helix's own Markdown servers instead of replacing them", () => {
    const toml = readFileSync(join(ROOT, "editors/helix/languages.toml"), "utf8");
    expect(toml).toMatch(/^\[language-server\.invite-lint\]\ncommand = "invite-lint-lsp"$/m);
    const markdown = languages(toml).find((l) => l.name === "markdown")!;
    expect(markdown.servers).toEqual(["marksman", "markdown-oxide", "invite-lint"]);
    expect(languages(toml).find((l) => l.name === "text")!.servers).toEqual(["invite-lint"]);
  });
});
