// Runs a TypeScript script of this project: bundles it with esbuild into a cache file, then imports it.
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: node scripts/run-ts.mjs SCRIPT.ts [args...]");
  process.exit(2);
}
const outdir = join(root, "node_modules/.cache/invite-lint");
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, `${basename(script, ".ts")}.mjs`);
await build({
  entryPoints: [resolve(script)],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
