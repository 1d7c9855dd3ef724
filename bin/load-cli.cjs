"use strict";
// Loads a bundle of dist/ (the CLI, or the language server) through V8's code cache, made
// when the package is built: it then starts without parsing and compiling its code again.
// When the cache is missing or was made by another Node.js version, V8 compiles as usual.
// CommonJS, so that Node starts it without its ES module loader.
const { readFileSync, writeFileSync } = require("node:fs");
const { dirname, join } = require("node:path");
const vm = require("node:vm");

/**
 * Runs dist/<name>.cjs; with `writeCache`, saves V8's code cache when the process exits
 * (build time only).
 */
function loadBundle(name, { writeCache = false } = {}) {
  const file = join(__dirname, "../dist", `${name}.cjs`);
  const cacheFile = `${file}.cache`;
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
    ...(vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
      ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }
      : {}),
  });
  const module = { exports: {} };
  // This module's require: the bundle's external packages resolve from the package's
  // node_modules just as they would from dist/ (creating a require for dist/ costs more).
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
  if (writeCache) process.once("exit", () => writeFileSync(cacheFile, script.createCachedData()));
}

/** Runs the CLI. */
function loadCli(options) {
  loadBundle("cli", options);
}

module.exports = { loadBundle, loadCli };
