// Finds Debian's Chromium for the browser tests and launches it with playwright-core, which
// drives the system executable and never downloads a browser of its own.
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

/**
 * Flags that keep Chromium quiet on a closed network and usable as root: without the
 * background-networking ones it keeps trying to reach Google's services.
 */
export const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Where screenshots and other test output go (ignored by git). */
export const OUTPUT = join(ROOT, "test-output/browser");

/**
 * The first executable that exists. The real binaries under /usr/lib/chromium come first: the
 * /usr/bin launcher script adds flags of its own (an empty --load-extension among them).
 */
function first(paths: string[]): string | undefined {
  return paths.find((p) => existsSync(p));
}

/** A Chromium for pages: the headless shell, or the full browser. */
export function pageBrowser(): { path?: string; skip?: string } {
  const env = process.env.INVITE_LINT_CHROMIUM;
  const path =
    env ||
    first([
      "/usr/lib/chromium/chromium-headless-shell",
      "/usr/bin/chromium-headless-shell",
      "/usr/lib/chromium/chromium",
      "/usr/bin/chromium",
    ]);
  return path
    ? { path }
    : {
        skip: "skipped: no Chromium found, install chromium-headless-shell (apt-get install -y chromium-headless-shell)",
      };
}

/** The full Chromium, which can load an extension (the headless shell cannot). */
export function extensionBrowser(): { path?: string; skip?: string } {
  const path = first(["/usr/lib/chromium/chromium", "/usr/bin/chromium"]);
  return path
    ? { path }
    : {
        skip: "skipped: no Chromium found that can load an extension, install chromium (apt-get install -y chromium); chromium-headless-shell cannot load extensions",
      };
}

/** A fresh profile folder for one launch. */
export function freshProfile(): string {
  mkdirSync(OUTPUT, { recursive: true });
  return mkdtempSync(join(tmpdir(), "invite-lint-chromium-"));
}

/** Prints a measured figure so it shows in the test run's output. */
export function report(line: string): void {
  process.stdout.write(`  [browser] ${line}\n`);
}
