// Loads the bundled CLI (dist/cli.cjs) through V8's code cache, made when the package is
// built: the CLI then starts without parsing and compiling its code again. When the cache
// is missing or was made by another Node.js version, V8 compiles as usual.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const file = fileURLToPath(new URL("../dist/cli.cjs", import.meta.url));
const cacheFile = `${file}.cache`;

/** Runs the CLI; with `writeCache`, saves V8's code cache when the process exits (build time only). */
export function loadCli({ writeCache = false } = {}) {
  const source = readFileSync(file, "utf8");
  let cachedData;
  if (!writeCache) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
    // Lets a dynamic import() inside the bundle load modules as Node would (where Node has it).
    ...(vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  if (writeCache) process.once("exit", () => writeFileSync(cacheFile, script.createCachedData()));
}
