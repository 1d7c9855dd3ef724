// Checks the source's import graph: no cycles between modules, and the engine (src/engine/)
// imports nothing outside itself but src/errors.ts, so it runs wherever JavaScript does.
// Usage: node scripts/imports.mjs   (exit 1 with the cycles or the imports at fault)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const src = join(root, "src");

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(name) ? [p] : [];
  });
}

/** Relative imports of a module (static, dynamic and re-exports), as absolute .ts paths. */
export function importsOf(file) {
  const text = readFileSync(file, "utf8");
  const out = [];
  for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)["'](\.{1,2}\/[^"']+)["']/gm)) {
    out.push(resolve(dirname(file), m[1].replace(/\.js$/, ".ts")));
  }
  return out.filter((p) => p.endsWith(".ts"));
}

/** Strongly connected components of more than one module (Tarjan): the import cycles. */
export function cycles(graph) {
  let index = 0;
  const stack = [];
  const on = new Set();
  const idx = new Map();
  const low = new Map();
  const found = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc);
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

/**
 * What each layer may import (docs/ARCHITECTURE.md): the engine nothing but itself and the
 * errors; the rule-set loader and the formatters the engine; file and config handling those;
 * the language server and the CLI everything below them.
 */
const LAYERS = {
  errors: ["errors"],
  engine: ["engine", "errors"],
  ruleset: ["ruleset", "engine", "errors"],
  report: ["report", "engine", "errors"],
  shared: ["shared", "ruleset", "report", "engine", "errors"],
  node: ["node", "config", "shared", "ruleset", "report", "engine", "errors"],
  config: ["config", "node", "shared", "ruleset", "report", "engine", "errors"],
  lsp: ["lsp", "node", "config", "shared", "ruleset", "report", "engine", "errors"],
  cli: ["cli", "lsp", "node", "config", "shared", "ruleset", "report", "engine", "errors"],
};

/** src/engine/x.ts is in "engine"; top-level modules: errors, the CLI (cli, bin, the Node entry index), or shared (documents, builtins, the browser entry). */
function layerOf(file) {
  const rel = relative(src, file).split(/[\\/]/);
  if (rel.length > 1) return rel[0] === "rules" ? "ruleset" : rel[0];
  const name = rel[0].replace(/\.ts$/, "");
  if (name === "errors") return "errors";
  if (name === "cli" || name === "bin" || name === "index") return "cli";
  return "shared";
}

export function check() {
  const graph = new Map(files(src).map((f) => [f, importsOf(f)]));
  return { modules: graph.size, problems: problemsOf(graph) };
}

/** The cycles and the imports against the layers in a graph of absolute module paths under src/. */
export function problemsOf(graph) {
  const problems = [];
  for (const scc of cycles(graph))
    problems.push(
      `import cycle: ${scc
        .map((f) => relative(root, f))
        .sort()
        .join(" <-> ")}`,
    );
  for (const [f, deps] of graph) {
    const from = layerOf(f);
    for (const d of deps) {
      const to = layerOf(d);
      if (!LAYERS[from].includes(to))
        problems.push(
          `${relative(root, f)} imports ${relative(root, d)}: ${from} imports only ${LAYERS[from].join(", ")}`,
        );
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { modules, problems } = check();
  for (const p of problems) console.error(p);
  console.log(`imports: ${modules} modules, ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
  process.exit(problems.length ? 1 : 0);
}
