// Runs once before the test files: the tests see the rules as rules/ holds them now, never a
// stale compiled copy. The engine tests import src/generated/rules.json, compiled here from
// rules/; the CLI tests run dist/, whose embedded rules must carry the same digest.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "../..");

export default function setup(): void {
  execFileSync(process.execPath, [join(ROOT, "scripts/run-ts.mjs"), join(ROOT, "scripts/compile-rules.ts"), ROOT], {
    stdio: "pipe",
  });
  const digest = (JSON.parse(readFileSync(join(ROOT, "src/generated/rules.json"), "utf8")) as { digest: string })
    .digest;
  const bundle = join(ROOT, "dist/cli.cjs");
  if (!existsSync(bundle) || !readFileSync(bundle, "utf8").includes(digest)) {
    throw new Error("dist/ was built from other rules than rules/ holds: run `npm run build` (npm test does)");
  }
}
