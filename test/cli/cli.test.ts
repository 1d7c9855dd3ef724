import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";

import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, makeTempDir } from "../helpers.js";
import type { Report } from "../../src/engine/types.js";

const STOCK = "I'd like to add you to my professional network on LinkedIn.\n";
const GOOD =
  "Hi Priya, great meeting you at the Denver PyData meetup last week. Your talk on dbt tests changed how our team works; happy to send you the checklist we built from it.\n";
const ESC = "\u001b[";

function tmp(files: Record<string, string>): string {
  const dir = makeTempDir("invite-lint-cli-");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("invite-lint CLI", () => {
  it("fails the stock invitation from stdin with exit 1, naming the phrase and scoring 20 or less", () => {
    const r = runCli([], { input: STOCK });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("stock-invitation");
    expect(r.stdout).toContain("I'd like to add you to my professional network on LinkedIn");
    const score = Number(/(\d+)\/100/.exec(r.stdout)![1]);
    expect(score).toBeLessThanOrEqual(20);
    expect(r.stderr).toBe("");
  });

  it("passes a specific note with exit 0", () => {
    const r = runCli([], { input: GOOD });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("passes");
  });

  it("lints files and several files, one report each and a summary", () => {
    const dir = tmp({ "a.txt": STOCK, "b.txt": GOOD });
    const one = runCli([join(dir, "b.txt")]);
    expect(one.status).toBe(0);
    const both = runCli([join(dir, "a.txt"), join(dir, "b.txt"), "-f", "json"]);
    expect(both.status).toBe(1);
    const report = JSON.parse(both.stdout) as Report;
    expect(report.results.map((r) => r.passed)).toEqual([false, true]);
    expect(report.summary).toMatchObject({ files: 2, passed: 1, failed: 1 });
    const stylish = runCli([join(dir, "a.txt"), join(dir, "b.txt")]);
    expect(stylish.stdout).toContain("1 of 2 notes pass");
  });

  it("reads stdin for - among files", () => {
    const dir = tmp({ "b.txt": GOOD });
    const r = runCli([join(dir, "b.txt"), "-", "-f", "json"], { input: STOCK });
    const report = JSON.parse(r.stdout) as Report;
    expect(report.results.map((x) => x.file)).toEqual([join(dir, "b.txt"), "<stdin>"]);
  });

  it("prints exactly the documented JSON shape and nothing else", () => {
    const r = runCli(["-f", "json"], { input: STOCK });
    const report = JSON.parse(r.stdout) as Report;
    expect(Object.keys(report)).toEqual(["version", "results", "summary"]);
    expect(report.version).toBe(1);
    const res = report.results[0]!;
    expect(Object.keys(res)).toEqual([
      "file",
      "score",
      "grade",
      "passed",
      "characters",
      "limit",
      "lang",
      "checks",
      "signals",
      "breakdown",
      "position",
      "messages",
    ]);
    expect(res.file).toBe("<stdin>");
    expect(Number.isInteger(res.score)).toBe(true);
    expect(res.score).toBeLessThanOrEqual(20);
    expect(res.grade).toBe("F");
    expect(res.characters).toBe(STOCK.trim().length);
    expect(Object.keys(res.checks)).toEqual([
      "generic",
      "personalization",
      "context",
      "value",
      "tone",
      "length",
      "readability",
    ]);
    expect(Object.keys(res.checks.generic!)).toEqual(["score", "passed"]);
    expect(res.checks.generic!.passed).toBe(false);
    expect(Object.keys(res.breakdown)).toEqual(["base", "items", "caps", "raw"]);
    expect(res.breakdown.items.length).toBeGreaterThan(0);
    for (const item of res.breakdown.items) expect(Object.keys(item)).toEqual(["ruleId", "check", "points", "message"]);
    expect(res.breakdown.caps).toEqual([{ ruleId: "stock-invitation", score: 20 }]);
    const sum = res.breakdown.base + res.breakdown.items.reduce((a, i) => a + i.points, 0);
    expect(Math.abs(sum - res.breakdown.raw)).toBeLessThan(0.1);
    expect(res.messages.some((m) => m.fix)).toBe(true);
    for (const m of res.messages) {
      expect(Object.keys(m)).toEqual([
        "ruleId",
        "check",
        "severity",
        "message",
        "suggestion",
        "line",
        "column",
        "endLine",
        "endColumn",
        "offset",
        "endOffset",
        ...(m.url ? ["url"] : []),
        ...(m.fix ? ["fix"] : []),
      ]);
      if (m.fix) expect(Object.keys(m.fix)).toEqual(["range", "text", "label"]);
      expect(["error", "warning", "info"]).toContain(m.severity);
    }
    const verdict = res.messages[0]!;
    expect([verdict.ruleId, verdict.severity]).toEqual(["verdict", "error"]);
    expect(verdict.message).toMatch(
      /^The note fails \(\d+\/100, needs 70\): capped at 20 by LinkedIn's stock invitation/,
    );
    const stock = res.messages.find((m) => m.ruleId === "stock-invitation")!;
    expect([stock.line, stock.column, stock.endLine, stock.endColumn]).toEqual([1, 1, 1, 59]);
    const count = (sev: string) => res.messages.filter((m) => m.severity === sev).length;
    expect(report.summary).toEqual({
      files: 1,
      passed: 0,
      failed: 1,
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info"),
    });
    expect(count("error")).toBe(1);
  });

  it("has no colour codes in a pipe, honours FORCE_COLOR, NO_COLOR and --no-color", () => {
    expect(runCli([], { input: STOCK }).stdout).not.toContain(ESC);
    expect(runCli([], { input: STOCK, env: { FORCE_COLOR: "1" } }).stdout).toContain(ESC);
    expect(runCli(["--color"], { input: STOCK }).stdout).toContain(ESC);
    expect(runCli(["--no-color"], { input: STOCK, env: { FORCE_COLOR: "1" } }).stdout).not.toContain(ESC);
    expect(runCli([], { input: STOCK, env: { NO_COLOR: "1" } }).stdout).not.toContain(ESC);
  });

  it("exits 2 with one line and no stack trace for usage and input errors", () => {
    for (const args of [
      ["--bogus"],
      ["/no/such/file.txt"],
      ["-f", "xml"],
      ["--min-score", "abc"],
      ["--rule", "nope=error"],
      ["--account", "gold"],
      ["--lang", "xx"],
    ]) {
      const r = runCli(args, { input: STOCK });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout, args.join(" ")).toBe("");
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("prints help with examples and the version", () => {
    const help = runCli(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Examples:");
    expect(help.stdout).toContain("--format");
    const v = runCli(["--version"]);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("uses recipient facts: --to, --account free", () => {
    const r = runCli(["--to", "Maya Cohen", "-f", "json"], { input: GOOD });
    expect((JSON.parse(r.stdout) as Report).results[0]!.messages.map((m) => m.ruleId)).toContain(
      "recipient-name-missing",
    );
    const free = runCli(["--account", "free", "-f", "json"], { input: GOOD });
    const res = (JSON.parse(free.stdout) as Report).results[0]!;
    expect(res.limit).toBe(200);
  });

  it("lists and explains rules", () => {
    const list = runCli(["rules"]);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain("stock-invitation");
    expect(list.stdout).toContain("unfilled-merge-field");
    const ex = runCli(["--explain", "stock-invitation"]);
    expect(ex.stdout).toContain("Bad:");
    expect(ex.stdout).toContain("Good:");
    expect(runCli(["--explain", "nope"]).status).toBe(2);
  });

  it("--quiet drops warnings but keeps the verdict error; --max-warnings fails a run with too many", () => {
    const q = runCli(["--quiet", "-f", "json"], { input: STOCK });
    expect((JSON.parse(q.stdout) as Report).results[0]!.messages.map((m) => [m.ruleId, m.severity])).toEqual([
      ["verdict", "error"],
    ]);
    const ok = runCli(["--max-warnings", "0"], {
      input: "Hi Rosa, great meeting you at FOSDEM. Please connect with me!!\n",
    });
    expect(ok.status).toBe(1);
    expect(ok.stderr).toContain("max-warnings");
  });

  it("writes the report to --output-file", () => {
    const dir = tmp({});
    const out = join(dir, "report.json");
    const r = runCli(["-f", "json", "-o", out], { input: GOOD });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect((JSON.parse(readFileSync(out, "utf8")) as Report).results).toHaveLength(1);
  });

  it("init writes a starter config once", () => {
    const dir = tmp({});
    expect(runCli(["init"], { cwd: dir }).status).toBe(0);
    expect(existsSync(join(dir, ".invite-lintrc.yaml"))).toBe(true);
    expect(runCli(["init"], { cwd: dir }).status).toBe(2);
    const r = runCli(["-f", "json"], { cwd: dir, input: GOOD });
    expect(r.status).toBe(0);
  });
});

describe("recipient facts and configuration output", () => {
  it("Markdown front matter feeds the checks: a reconnect note needs a shared past", () => {
    const dir = tmp({
      "reconnect.md":
        "---\nto: Dan Brooks\ntype: reconnect\ncompany: Acme\n---\nHi Dan, hope all is well! Would love to connect here.\n",
      "ok.md":
        "---\nto: Dan Brooks\nkind: reconnect\n---\nHi Dan, it's been a while since our days on the Acme payments team!\n",
    });
    const report = JSON.parse(runCli([dir, "-f", "json"]).stdout) as Report;
    const [ok, bad] = report.results;
    expect(bad!.messages.map((m) => m.ruleId)).toEqual(
      expect.arrayContaining(["reconnect-without-shared-past", "company-not-mentioned"]),
    );
    expect(ok!.messages.map((m) => m.ruleId)).not.toContain("reconnect-without-shared-past");
    const first = bad!.messages.find((m) => m.ruleId === "reconnect-without-shared-past")!;
    expect(first.line).toBe(6);
  });

  it("--company and --context ask the note to mention them", () => {
    const r = runCli(["--company", "Snowflake", "--context", "met at PyData Denver", "-f", "json"], {
      input: "Hi Tom, would love to connect.",
    });
    const ids = (JSON.parse(r.stdout) as Report).results[0]!.messages.map((m) => m.ruleId);
    expect(ids).toEqual(expect.arrayContaining(["company-not-mentioned", "context-not-mentioned"]));
  });

  it("--print-config shows the merged configuration for a file", () => {
    const dir = tmp({ ".invite-lintrc.yaml": "account: free\nsettings:\n  readability: off\n", "n.txt": "hi" });
    const r = runCli(["--print-config", join(dir, "n.txt"), "--rule", "meeting-ask=error"]);
    expect(r.status).toBe(0);
    const cfg = JSON.parse(r.stdout) as {
      configFile: string;
      account: string;
      limit: number;
      settings: Record<string, string>;
      rules: Record<string, string>;
    };
    expect(cfg.configFile).toBe(join(dir, ".invite-lintrc.yaml"));
    expect(cfg.account).toBe("free");
    expect(cfg.limit).toBe(200);
    expect(cfg.settings).toEqual({ readability: "off", "meeting-ask": "error" });
    expect(cfg.rules["meeting-ask"]).toBe("error");
  });
});

describe("inputs for template repositories", () => {
  it("expands globs, walks folders and honours .invite-lintignore", () => {
    const dir = tmp({ ".invite-lintignore": "drafts/\n*.skip.md\n" });
    for (const [name, text] of Object.entries({
      "a/one.md": GOOD,
      "a/two.skip.md": STOCK,
      "drafts/three.md": STOCK,
      "b/four.txt": GOOD,
    })) {
      mkdirSync(join(dir, dirname(name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const walked = JSON.parse(runCli([".", "-f", "json"], { cwd: dir }).stdout) as Report;
    expect(walked.results.map((r) => r.file).sort()).toEqual(["a/one.md", "b/four.txt"]);
    const globbed = JSON.parse(runCli(["**/*.md", "-f", "json"], { cwd: dir }).stdout) as Report;
    expect(globbed.results.map((r) => r.file)).toEqual(["a/one.md"]);
    const none = runCli(["**/*.nothing"], { cwd: dir });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("no files match");
  });

  it("--stdin-filename names stdin in reports, picks its config and its kind of document", () => {
    const dir = tmp({ ".invite-lintrc.yaml": "account: free\n" });
    const r = runCli(["--stdin-filename", join(dir, "note.md"), "-f", "json"], {
      input: "---\nto: Priya\n---\nHi Priya, great meeting you at PyData Denver.\n",
    });
    const res = (JSON.parse(r.stdout) as Report).results[0]!;
    expect(res.file).toBe(join(dir, "note.md"));
    expect(res.limit).toBe(200);
    expect(res.position.line).toBe(4);
  });

  it("--report-unused-disable-directives reports directives that suppress nothing", () => {
    const dir = tmp({
      "n.md":
        "<!-- invite-lint-disable meeting-ask -- our brand asks for calls -->\n<!-- invite-lint-disable-next-line exclamation-run -->\nHi Priya, great meeting you at PyData Denver. Happy to share our notes.\n",
    });
    const r = JSON.parse(
      runCli([join(dir, "n.md"), "--report-unused-disable-directives", "-f", "json"]).stdout,
    ) as Report;
    const unused = r.results[0]!.messages.filter((m) => m.ruleId === "unused-disable-directive");
    expect(unused.map((m) => m.line)).toEqual([1, 2]);
  });
});

describe("rule listing with a config", () => {
  it("invite-lint rules lists the rules of the config's packs too", () => {
    const dir = tmp({ ".invite-lintrc.yaml": "rules: [./pack]\n" });
    mkdirSync(join(dir, "pack"));
    writeFileSync(
      join(dir, "pack/agency-pitch.yaml"),
      "id: agency-pitch\ncheck: tone\nkind: existence\ndescription: Agencies announcing their services.\nmessage: m\nhint: h\nphrases: [full-service agency]\n",
    );
    expect(runCli(["rules"], { cwd: dir }).stdout).toContain("agency-pitch");
    expect(runCli(["rules", "--no-config"], { cwd: dir }).stdout).not.toContain("agency-pitch");
  });
});
