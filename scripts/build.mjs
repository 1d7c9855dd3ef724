// Build: validate and compile the rule packs to JSON, bundle the CLI (one CommonJS file,
// started through V8's code cache) and the API (ESM, for Node and for browsers) with esbuild.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tmp = join(root, "node_modules/.cache/invite-lint");
mkdirSync(tmp, { recursive: true });

await build({
  entryPoints: [join(root, "scripts/compile-rules.ts")],
  outfile: join(tmp, "compile-rules.mjs"),
  bundle: true, platform: "node", format: "esm", packages: "external", logLevel: "warning",
});
try {
  execFileSync(process.execPath, [join(tmp, "compile-rules.mjs"), root], { stdio: "inherit" });
} catch {
  process.exit(2);
}

rmSync(join(root, "dist"), { recursive: true, force: true });
const common = { bundle: true, target: "node20", logLevel: "warning", legalComments: "none", minify: true };
/** One CommonJS file for Node; a few dependencies use import.meta.url, which becomes this file's URL. */
const commonjs = {
  ...common,
  platform: "node",
  format: "cjs",
  define: { "import.meta.url": "__import_meta_url" },
  banner: { js: "var __import_meta_url=require('url').pathToFileURL(__filename).href;" },
};
await build({
  ...commonjs,
  entryPoints: [join(root, "src/bin.ts")],
  outfile: join(root, "dist/cli.cjs"),
  // Needed only for config files, rule packs, Markdown, collections and globs: loaded from
  // node_modules when a run needs them, so they cost a plain note nothing.
  external: ["yaml", "re2js", "tinyglobby", "ignore"],
  // `invite-lint lsp` loads the language server, a bundle of its own.
  plugins: [{
    name: "lsp-entry",
    setup(b) {
      b.onResolve({ filter: /\/lsp\/main\.js$/ }, () => ({ path: "lsp", namespace: "lsp-entry" }));
      b.onLoad({ filter: /.*/, namespace: "lsp-entry" }, () => ({ contents: 'require("./lsp.cjs");', loader: "js", resolveDir: join(root, "dist") }));
      b.onResolve({ filter: /^\.\/lsp\.cjs$/ }, () => ({ path: "./lsp.cjs", external: true }));
    },
  }],
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

// Type declarations for the API.
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.types.json")], { stdio: "inherit" });

// Warm the code cache: lint a sample note, so the functions a run needs are compiled and cached.
execFileSync(process.execPath, ["--input-type=module", "-e", `import { loadCli } from ${JSON.stringify(join(root, "bin/load-cli.js"))}; process.argv = [process.argv[0], "invite-lint", "--no-config", "-"]; loadCli({ writeCache: true });`], {
  input: "Hi Priya, great meeting you at the Denver PyData meetup last week. Your talk on dbt tests changed how our team works; happy to send you the checklist we built from it.",
  stdio: ["pipe", "ignore", "inherit"],
  env: { ...process.env, NO_COLOR: "1" },
});
console.log("build: dist/ written");
