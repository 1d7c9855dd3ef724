import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers.js";
import type { Report } from "../../src/engine/types.js";

/**
 * Snapshot folders: each case has a config, notes/ and expected.json (exit status, stderr,
 * and a compact form of the JSON report). `UPDATE_SNAPSHOT=1 npm test` rewrites them on purpose.
 */
const DIR = join(ROOT, "test/fixtures/config");
const update = process.env.UPDATE_SNAPSHOT === "1";

function compact(stdout: string) {
  if (!stdout.trim()) return null;
  const report = JSON.parse(stdout) as Report;
  return report.results.map((r) => ({
    file: r.file.split("\\").join("/"),
    score: r.score,
    passed: r.passed,
    limit: r.limit,
    findings: r.messages.map((m) => `${m.severity} ${m.ruleId} ${m.line}:${m.column}`),
  }));
}

describe("config fixtures", () => {
  for (const name of readdirSync(DIR).sort()) {
    it(name, () => {
      const dir = join(DIR, name);
      const run = runCli(["notes", "-f", "json"], { cwd: dir });
      const actual = { status: run.status, stderr: run.stderr, results: compact(run.stdout) };
      const file = join(dir, "expected.json");
      if (update) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      expect(existsSync(file), `${file} missing: run UPDATE_SNAPSHOT=1 npm test`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(file, "utf8")));
      if (name.startsWith("bad-") || name === "alias-bomb" || name === "custom-tag") {
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/^[^\s:]+:\d+:\d+: .+\n$/);
      }
    });
  }
});
