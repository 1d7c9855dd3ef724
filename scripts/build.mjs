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
/** The compiled rules enter each bundle as one JSON.parse of a string: V8 builds a large object faster from JSON than from an object literal. */
const rulesAsJson = {
  name: "rules-as-json",
  setup(b) {
    b.onLoad({ filter: /[\\/]generated[\\/]rules\.json$/ }, (args) => ({
      contents: `export default JSON.parse(${JSON.stringify(readFileSync(args.path, "utf8"))});`,
      loader: "js",
    }));
  },
};
/**
 * retext-readability looks every word of a sentence up in the Spache and Dale-Chall word
 * lists with Array#includes, a scan of a few thousand strings per word. The lists keep their
 * contents; their `includes` answers from a Set built on first use (same answer for the
 * strings it is asked about).
 */
const wordListLookups = {
  name: "word-list-lookups",
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/](spache|dale-chall)[\\/]index\.js$/ }, (args) => {
      const name = /spache/.test(args.path) ? "spache" : "daleChall";
      const set = `let set; Object.defineProperty(${name}, "includes", { value: (word, from) => from === undefined ? (set ??= new Set(${name})).has(word) : Array.prototype.includes.call(${name}, word, from) });`;
      return { contents: `${readFileSync(args.path, "utf8")}\n${set}\n`, loader: "js" };
    });
  },
};
/**
 * unist-util-visit-parents (used by retext-readability and the retext parser's plugins) names
 * each visitor closure after its node with Object.defineProperty, for stack traces. That
 * string and property per node are a fifth of what a lint allocates; the bundles leave the
 * name out. The build fails if the code it patches is not there.
 */
const visitWithoutNames = {
  name: "visit-without-names",
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]unist-util-visit-parents[\\/]lib[\\/]index\.js$/ }, (args) => {
      const code = readFileSync(args.path, "utf8");
      const naming = "if (typeof value.type === 'string') {";
      if (!code.includes(naming)) throw new Error(`${args.path}: the visitor naming to leave out was not found`);
      return { contents: code.replace(naming, "if (false) {"), loader: "js" };
    });
  },
};
/**
 * retext-readability counts the syllables of every word of every long sentence; the count
 * is a pure function of the word, and the same words recur from note to note, so the bundles
 * give it a memo of up to 20,000 words in front of syllable.
 */
const syllableMemo = {
  name: "syllable-memo",
  setup(b) {
    b.onResolve({ filter: /^syllable$/ }, (args) =>
      /retext-readability/.test(args.importer)
        ? { path: "syllable", namespace: "syllable-memo", pluginData: dirname(args.importer) }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "syllable-memo" }, (args) => ({
      contents: `import { syllable as count } from "syllable";
const memo = new Map();
export function syllable(value) {
  let n = memo.get(value);
  if (n === undefined) {
    n = count(value);
    if (memo.size < 20000) memo.set(value, n);
  }
  return n;
}`,
      loader: "js",
      resolveDir: args.pluginData,
    }));
  },
};
const common = {
  bundle: true,
  target: "node20",
  logLevel: "warning",
  legalComments: "none",
  minify: !process.env.NO_MINIFY,
  plugins: [rulesAsJson, wordListLookups, visitWithoutNames, syllableMemo],
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
 * first use.
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
/**
 * The CLI makes its Chalk with the colour level it decided (NO_COLOR, FORCE_COLOR, --color,
 * a terminal on stdout), so chalk's own detection, which loads node:tty and node:os at
 * start-up, is left out.
 */
const noColorDetection = {
  name: "no-color-detection",
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: "supports-color", namespace: "no-color-detection" }));
    b.onLoad({ filter: /.*/, namespace: "no-color-detection" }, () => ({
      contents: "export default { stdout: false, stderr: false };",
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
    ...common.plugins,
    lazyChildProcess,
    noColorDetection,
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
await (await import("./build-web.mjs")).buildWeb({ root, plugins: common.plugins });

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
