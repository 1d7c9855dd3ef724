// Build: validate and compile the rule packs to JSON, bundle the CLI (one CommonJS file,
// started through V8's code cache) and the API (ESM, for Node and for browsers) with esbuild.
import { build } from "esbuild";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tmp = join(root, "node_modules/.cache/invite-lint");
mkdirSync(tmp, { recursive: true });

await build({
  entryPoints: [join(root, "scripts/compile-rules.ts")],
  outfile: join(tmp, "compile-rules.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  logLevel: "warning",
});
try {
  execFileSync(process.execPath, [join(tmp, "compile-rules.mjs"), root], { stdio: "inherit" });
} catch {
  process.exit(2);
}

rmSync(join(root, "dist"), { recursive: true, force: true });
const common = {
  bundle: true,
  target: "node20",
  logLevel: "warning",
  legalComments: "none",
  minify: !process.env.NO_MINIFY,
};
/** One CommonJS file for Node; a few dependencies use import.meta.url, which becomes this file's URL. */
const commonjs = {
  ...common,
  platform: "node",
  format: "cjs",
  define: { "import.meta.url": "__import_meta_url" },
  banner: { js: "var __import_meta_url=require('url').pathToFileURL(__filename).href;" },
};
/**
 * commander loads node:child_process at start-up for executable subcommands, which the CLI
 * does not have; loading it also loads Node's socket and stream modules. This defers it to
 * first use: without it one note cold took 1.08 times as long (about 4 ms) and 2.4 MiB more.
 */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer)
        ? { path: "child_process", namespace: "lazy-child-process" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-child-process" }, () => ({
      contents:
        'let cp; module.exports = new Proxy({}, { get: (_, key) => (cp ??= require("node:child_process"))[key] });',
      loader: "js",
    }));
  },
};
await build({
  ...commonjs,
  entryPoints: [join(root, "src/bin.ts")],
  outfile: join(root, "dist/cli.cjs"),
  // Needed only for config files, rule packs, Markdown, collections and globs: loaded from
  // node_modules when a run needs them, so they cost a plain note nothing.
  external: ["yaml", "re2js", "tinyglobby", "ignore"],
  // `invite-lint lsp` loads the language server, a bundle of its own.
  plugins: [
    lazyChildProcess,
    {
      name: "lsp-entry",
      setup(b) {
        b.onResolve({ filter: /\/lsp\/main\.js$/ }, () => ({ path: "lsp", namespace: "lsp-entry" }));
        // The bundle runs with the loader's require (bin/), so the path is made from its own folder.
        b.onLoad({ filter: /.*/, namespace: "lsp-entry" }, () => ({
          contents: 'require(require("node:path").join(__dirname, "../bin/load-cli.cjs")).loadBundle("lsp");',
          loader: "js",
        }));
      },
    },
  ],
});
await build({ ...commonjs, entryPoints: [join(root, "src/lsp/main.ts")], outfile: join(root, "dist/lsp.cjs") });
await build({
  ...common,
  entryPoints: { index: join(root, "src/index.ts") },
  outdir: join(root, "dist"),
  platform: "node",
  format: "esm",
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await build({
  ...common,
  entryPoints: { browser: join(root, "src/browser.ts") },
  outdir: join(root, "dist"),
  platform: "browser",
  format: "esm",
});

// The web page (dist/web/) and the browser extension (dist/extension/): scripts/build-web.mjs.
await (await import("./build-web.mjs")).buildWeb({ root });

// Type declarations for the API.
execFileSync(
  process.execPath,
  [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.types.json")],
  { stdio: "inherit" },
);

// Warm the code cache: lint sample notes as a user would (config search on; a good note on
// stdin, a stock invitation, a pitch, a good event note), so the functions a run needs are
// compiled and cached. Exit status 1 is theirs (two fail); 2 would be a configuration above
// this folder that does not load, which leaves a smaller cache but no broken build.
const warm = spawnSync(
  process.execPath,
  [
    "-e",
    `process.argv = [process.argv[0], "invite-lint", "-", ...${JSON.stringify(["stock.txt", "pitch.txt", "good-event.txt"].map((f) => join(root, "examples", f)))}]; require(${JSON.stringify(join(root, "bin/load-cli.cjs"))}).loadCli({ writeCache: true });`,
  ],
  {
    input:
      "Hi Priya, great meeting you at the Denver PyData meetup last week. Your talk on dbt tests changed how our team works; happy to send you the checklist we built from it.",
    cwd: join(root, "examples"),
    stdio: ["pipe", "ignore", "inherit"],
    env: { ...process.env, NO_COLOR: "1" },
  },
);
if (warm.status === null || warm.status > 2 || !existsSync(join(root, "dist/cli.cjs.cache"))) {
  console.error(`build: warming the code cache failed (exit status ${warm.status})`);
  process.exit(2);
}
// The language server's code cache, warmed by a short session: open a note, hover, shut down.
{
  const server = spawn(
    process.execPath,
    ["-e", `require(${JSON.stringify(join(root, "bin/load-cli.cjs"))}).loadBundle("lsp", { writeCache: true });`],
    {
      cwd: join(root, "examples"),
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  let out = "";
  server.stdout.on("data", (chunk) => (out += chunk));
  const exited = new Promise((resolve) => server.on("exit", (code) => resolve(code)));
  const send = (message) => {
    const body = JSON.stringify({ jsonrpc: "2.0", ...message });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  const seen = async (marker) => {
    for (let waited = 0; !out.includes(marker); waited += 10) {
      if (waited > 30_000) throw new Error(`no ${marker} from the language server`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const uri = pathToFileURL(join(root, "examples/stock.txt")).href;
  let code;
  try {
    send({
      id: 1,
      method: "initialize",
      params: { processId: null, rootUri: pathToFileURL(join(root, "examples")).href, capabilities: {} },
    });
    await seen('"id":1');
    send({ method: "initialized", params: {} });
    send({
      method: "textDocument/didOpen",
      params: {
        textDocument: {
          uri,
          languageId: "plaintext",
          version: 1,
          text: readFileSync(join(root, "examples/stock.txt"), "utf8"),
        },
      },
    });
    await seen("publishDiagnostics");
    send({
      id: 2,
      method: "textDocument/hover",
      params: { textDocument: { uri }, position: { line: 0, character: 1 } },
    });
    await seen('"id":2');
    send({ id: 3, method: "shutdown" });
    await seen('"id":3');
    send({ method: "exit" });
    code = await exited;
  } catch (error) {
    server.kill();
    console.error(`build: warming the language server's code cache failed: ${error.message}`);
    process.exit(2);
  }
  if (code !== 0 || !existsSync(join(root, "dist/lsp.cjs.cache"))) {
    console.error(`build: warming the language server's code cache failed (exit status ${code})`);
    process.exit(2);
  }
}
console.log("build: dist/ written");
