// Build: validate and compile the rule packs to JSON, then bundle the CLI and the API with esbuild.
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
const common = {
  bundle: true, format: "esm", target: "node20", logLevel: "warning", legalComments: "none",
  // Keep module-level `require` working for the few CommonJS dependencies.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
await build({
  ...common,
  entryPoints: { cli: join(root, "src/bin.ts"), index: join(root, "src/index.ts") },
  outdir: join(root, "dist"), platform: "node", splitting: true, minify: true, chunkNames: "chunks/[name]-[hash]",
});
await build({
  ...common, banner: undefined,
  entryPoints: { browser: join(root, "src/browser.ts") },
  outdir: join(root, "dist"), platform: "browser", minify: true,
});
console.log("build: dist/ written");
