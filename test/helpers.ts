import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { builtinRules, lint, re2Compiler } from "../src/browser.js";
import { linterFor } from "../src/engine/default.js";
import type { LintOptions, RuleDef, RuleSetData } from "../src/engine/types.js";

export const ROOT = join(import.meta.dirname, "..");
export const BIN = join(ROOT, "bin/invite-lint.cjs");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built executable as a user would. */
export function runCli(
  args: string[],
  opts: {
    input?: string | Buffer;
    env?: Record<string, string | undefined>;
    cwd?: string;
    uid?: number;
    gid?: number;
  } = {},
): CliRun {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    NODE_EXTRA_CA_CERTS: undefined,
    ...opts.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input ?? "",
    env: env as NodeJS.ProcessEnv,
    cwd: opts.cwd ?? ROOT,
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
    uid: opts.uid,
    gid: opts.gid,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A note for a rule table, with the options it is linted with. */
export interface Case {
  text: string;
  options?: LintOptions;
}

/**
 * Where a finding or a cue is expected: its exact words (which must occur once in the note),
 * a [start, end) range of UTF-16 offsets, or 1-based lines and columns (end exclusive, as in
 * the JSON format). A whole-note finding sits where the note's text starts: [0, 0] for most.
 */
export type At = string | [number, number] | { line: number; column: number; endLine: number; endColumn: number };

/** A note the rule flags, with every finding of the rule in it, in order. */
export interface InvalidCase extends Case {
  errors: At[];
}

/** A note the cue is present in, with every span it found, in order. */
export interface PresentCase extends Case {
  found: At[];
}

/**
 * ESLint's RuleTester and textlint-tester, for invite-lint. Rules that flag a note (existence,
 * metric, missing) take `valid` (no finding of the rule) and `invalid` (exactly these
 * findings of the rule: their number and spans). Cue rules, which add to a check, take
 * `absent` (the cue is not among the note's signals) and `present` (it is, with exactly these
 * spans).
 */
export type RuleTable =
  | { rule: string; valid: (string | Case)[]; invalid: InvalidCase[] }
  | { rule: string; absent: (string | Case)[]; present: PresentCase[] };

const asCase = (c: string | Case): Case => (typeof c === "string" ? { text: c } : c);

/** The [start, end) offsets an expected span stands for in `text`. */
export function rangeOf(text: string, at: At): [number, number] {
  if (Array.isArray(at)) return at;
  if (typeof at === "string") {
    const start = text.indexOf(at);
    if (at === "" || start < 0) throw new Error(`expected words "${at}" are not in the note: ${text}`);
    if (text.indexOf(at, start + 1) >= 0)
      throw new Error(`expected words "${at}" occur more than once in the note, give a range: ${text}`);
    return [start, start + at.length];
  }
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  const offset = (line: number, column: number) => starts[line - 1]! + column - 1;
  return [offset(at.line, at.column), offset(at.endLine, at.endColumn)];
}

/** Declares a table's tests: one per note, each asserting the rule's exact findings or spans. */
export function ruleTable(table: RuleTable, rules: RuleSetData = builtinRules): void {
  const def = rules.rules.find((r) => r.id === table.rule);
  // An unknown id would make every valid case pass.
  if (!def) throw new Error(`ruleTable: no rule "${table.rule}"`);
  const linter = linterFor(rules, rules === builtinRules ? undefined : re2Compiler);
  const id = def.id;
  describe(id, () => {
    if ("present" in table) {
      if (def.kind !== "cue")
        throw new Error(`ruleTable: ${id} is a ${def.kind} rule, give it valid and invalid cases`);
      it.each(table.absent.map(asCase).map((c) => [c.text, c] as const))("is absent in: %s", (_t, c) => {
        expect(linter.lint(c.text, c.options).signals).not.toContain(id);
        expect(linter.matches(c.text, c.options)[id]).toBeUndefined();
      });
      it.each(table.present.map((c) => [c.text, c] as const))("is present in: %s", (_t, c) => {
        expect(linter.lint(c.text, c.options).signals).toContain(id);
        expect(linter.matches(c.text, c.options)[id] ?? []).toEqual(c.found.map((at) => rangeOf(c.text, at)));
      });
    } else {
      if (def.kind === "cue") throw new Error(`ruleTable: ${id} is a cue rule, give it absent and present cases`);
      it.each(table.valid.map(asCase).map((c) => [c.text, c] as const))("finds nothing in: %s", (_t, c) => {
        expect(linter.lint(c.text, c.options).messages.filter((m) => m.ruleId === id)).toEqual([]);
      });
      it.each(table.invalid.map((c) => [c.text, c] as const))("finds exactly its findings in: %s", (_t, c) => {
        const found = linter.lint(c.text, c.options).messages.filter((m) => m.ruleId === id);
        expect(found.map((m) => [m.offset, m.endOffset])).toEqual(c.errors.map((at) => rangeOf(c.text, at)));
      });
    }
  });
}

/** Options a rule's own examples are linted with: recipient facts for recipient rules, a note type, template mode. */
export function exampleOptions(rule: RuleDef): LintOptions {
  const o: LintOptions = { to: undefined };
  if (
    rule.metric?.startsWith("recipient-") ||
    rule.metric === "mentions-recipient" ||
    rule.metric === "greeting-mismatch"
  ) {
    Object.assign(o, {
      to: rule.metric === "greeting-mismatch" ? "Priya Shah" : "Omar Haddad",
      company: "Acme",
      context: "met at PyData Denver",
    });
  }
  if (typeof rule.params.type === "string") o.type = rule.params.type;
  if (rule.metric === "context-slot") o.template = true;
  return o;
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

/**
 * Compares `actual` with a golden file; `UPDATE_SNAPSHOT=1` writes the file instead (read the
 * diff before committing it).
 */
export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE_SNAPSHOT === "1") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `${file} missing: run UPDATE_SNAPSHOT=1 npm test`).toBe(true);
  expect(actual).toBe(readFileSync(file, "utf8"));
}
