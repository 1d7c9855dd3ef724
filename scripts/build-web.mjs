// Build of the web page (dist/web/) and the browser extension (dist/extension/ and its zip),
// called from scripts/build.mjs.
//
// Both are classic scripts (IIFE), not ES modules: Chrome blocks module scripts on file://
// pages, and content scripts are classic scripts. The page's bundle is the engine and the
// built-in rules only: the build fails if chalk, yaml or re2js get into it.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { zip } from "./zip.mjs";

/** Packages a page never needs: the rule-pack loader's RE2 and YAML, the terminal colours. */
export const FORBIDDEN = ["chalk", "yaml", "re2js"];
/** The budget for everything the page loads, gzipped. */
export const PAGE_BUDGET = 200 * 1024;

/** Input paths of a metafile that come from a forbidden package. */
export function forbiddenInputs(metafile) {
  return Object.keys(metafile.inputs).filter((path) =>
    FORBIDDEN.some((name) => new RegExp(`(^|[\\\\/])node_modules[\\\\/]${name}[\\\\/]`).test(path)),
  );
}

/**
 * @param {{ root: string }} options
 * @returns {Promise<{ pageBytes: number, pageGzip: number }>}
 */
export async function buildWeb({ root }) {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const web = join(root, "dist/web");
  const extension = join(root, "dist/extension");
  const cache = join(root, "node_modules/.cache/invite-lint");
  mkdirSync(web, { recursive: true });
  mkdirSync(join(extension, "icons"), { recursive: true });
  mkdirSync(cache, { recursive: true });
  const common = {
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["chrome110", "firefox115", "safari16"],
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    metafile: true,
    define: { __INVITE_LINT_VERSION__: JSON.stringify(pkg.version) },
    loader: { ".css": "text" },
  };

  const page = await build({ ...common, entryPoints: [join(root, "web/src/main.ts")], outfile: join(web, "app.js") });
  const content = await build({
    ...common,
    entryPoints: [join(root, "extension/src/content.ts")],
    outfile: join(extension, "content.js"),
  });
  const options = await build({
    ...common,
    entryPoints: [join(root, "extension/src/options.ts")],
    outfile: join(extension, "options.js"),
  });
  const metas = { page: page.metafile, content: content.metafile, options: options.metafile };
  for (const [name, meta] of Object.entries(metas)) {
    const bad = forbiddenInputs(meta);
    if (bad.length)
      throw new Error(
        `build-web: the ${name} bundle must not contain ${FORBIDDEN.join(", ")}; it has ${bad.join(", ")}`,
      );
  }
  // The browser tests read the metafiles back to check the same thing.
  writeFileSync(join(cache, "web-meta.json"), JSON.stringify(metas));

  for (const file of ["index.html", "style.css", "icon.svg"]) copyFileSync(join(root, "web", file), join(web, file));

  const manifest = JSON.parse(readFileSync(join(root, "extension/manifest.json"), "utf8"));
  manifest.version = pkg.version;
  writeFileSync(join(extension, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const file of ["options.html", "options.css", "panel.css"])
    copyFileSync(join(root, "extension", file), join(extension, file));
  for (const file of readdirSync(join(root, "extension/icons")))
    copyFileSync(join(root, "extension/icons", file), join(extension, "icons", file));
  // The store takes a zip of the folder's contents; it sits beside the folder, not in it, so
  // the folder stays the one to load unpacked.
  writeFileSync(
    join(root, "dist/invite-lint-extension.zip"),
    zip(
      filesUnder(extension).map((path) => ({
        name: relative(extension, path).split("\\").join("/"),
        data: readFileSync(path),
      })),
    ),
  );

  const pageFiles = readdirSync(web).map((f) => readFileSync(join(web, f)));
  const pageBytes = pageFiles.reduce((n, b) => n + b.length, 0);
  const pageGzip = pageFiles.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  if (pageGzip > PAGE_BUDGET)
    throw new Error(`build-web: dist/web is ${pageGzip} bytes gzipped, over the ${PAGE_BUDGET}-byte budget`);
  console.log(
    `build: dist/web/ written (${(pageBytes / 1024).toFixed(1)} KiB, ${(pageGzip / 1024).toFixed(1)} KiB gzipped), dist/extension/ and dist/invite-lint-extension.zip`,
  );
  return { pageBytes, pageGzip };
}

/** Every file under a folder, in a stable order. */
function filesUnder(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}
