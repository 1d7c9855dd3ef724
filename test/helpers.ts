import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, expect } from "vitest";
import { lint } from "../src/browser.js";
import type { LintOptions } from "../src/engine/types.js";

export const ROOT = join(import.meta.dirname, "..");
export const BIN = join(ROOT, "bin/invite-lint.cjs");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built executable as a user would. */
export function runCli(args: string[], opts: { input?: string | Buffer; env?: Record<string, string | undefined>; cwd?: string } = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, NODE_EXTRA_CA_CERTS: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input ?? "", env: env as NodeJS.ProcessEnv, cwd: opts.cwd ?? ROOT, encoding: "utf8", timeout: 60_000, maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface InvalidCase {
  text: string;
  options?: LintOptions;
  /** Expected [start, end) of the first finding of the rule, when it matters. */
  range?: [number, number];
}

/**
 * ESLint's RuleTester, for invite-lint: notes in `valid` must not get a finding of the rule,
 * notes in `invalid` must (at `range` when given).
 */
export function ruleTable(ruleId: string, table: { valid: (string | { text: string; options?: LintOptions })[]; invalid: (string | InvalidCase)[] }): void {
  for (const v of table.valid) {
    const c = typeof v === "string" ? { text: v } : v;
    const r = lint(c.text, c.options);
    expect(r.messages.filter((m) => m.ruleId === ruleId), `${ruleId} should not fire on: ${c.text}`).toEqual([]);
  }
  for (const i of table.invalid) {
    const c: InvalidCase = typeof i === "string" ? { text: i } : i;
    const r = lint(c.text, c.options);
    const hits = r.messages.filter((m) => m.ruleId === ruleId);
    expect(hits.length, `${ruleId} should fire on: ${c.text}`).toBeGreaterThan(0);
    if (c.range) expect([hits[0]!.offset, hits[0]!.endOffset]).toEqual(c.range);
  }
}

/** Lints and returns which cue rules matched, for presence checks. */
export function signals(text: string, options?: LintOptions): string[] {
  return lint(text, options).signals;
}

const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temporary folder, removed when the test file finishes. */
export function makeTempDir(prefix = "invite-lint-test-"): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** A temporary folder holding `files` (paths with folders in them are made), removed when the test file finishes. */
export function makeTempTree(files: Record<string, string>, prefix = "invite-lint-test-"): string {
  const dir = makeTempDir(prefix);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
