import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, expectGolden, makeTempTree, runCli } from "../helpers.js";
import { LineIndex } from "../../src/engine/text.js";
import type { Report } from "../../src/engine/types.js";

/**
 * An ordinary repository of templates (test/fixtures/repo): a README, docs/, a
 * docker-compose.yml, a package.json, a JSON file of CRM settings, plain and Markdown notes, a
 * YAML collection, two Markdown collections (one by the config's `sections`, one by front
 * matter), an .invite-lintignore and drafts it ignores.
 */
const REPO = join(ROOT, "test/fixtures/repo");
const GOLDEN = join(ROOT, "test/fixtures/repo.expected");

const inRepo = (args: string[], input?: string) => runCli(args, { cwd: REPO, input });
const notesOf = (stdout: string) => (JSON.parse(stdout) as Report).results.map((r) => r.file);
const warning = (m: string) => `invite-lint: warning: ${m}\n`;
const ignored = (path: string, by: string, pattern: string) =>
  warning(`${path}: ignored by ${by} ("${pattern}"), skipped; --no-ignore lints it`);
const notACollection = (path: string) => warning(`${path}: not a note collection (no entry has a "text" key), skipped`);

/** The notes `invite-lint .` lints in the fixture, in the order of the walk. */
const NOTES = [
  "notes/dan.md",
  "notes/priya.txt",
  "notes/stock.txt",
  "outreach.yaml#webinar",
  "outreach.yaml#stock",
  "playbooks/events.md#after-a-talk",
  "playbooks/events.md#after-a-booth-visit",
  "team/templates.md#open-source-maintainer",
  "team/templates.md#recruiter",
];

const golden = (name: string, actual: string) => expectGolden(join(GOLDEN, name), actual);

const tmp = (files: Record<string, string>) => makeTempTree(files, "invite-lint-repo-");

describe("invite-lint . on a repository of templates", () => {
  it("lints the notes, not the README, docs/, package.json or the drafts; a docker-compose file is skipped with a warning", () => {
    const r = inRepo([".", "-f", "json"]);
    expect(notesOf(r.stdout)).toEqual(NOTES);
    expect(r.stderr).toBe(notACollection("config/crm.json") + notACollection("docker-compose.yml"));
    // Two notes are LinkedIn's stock invitation, and two more fail: the run fails.
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as Report).summary.failed).toBe(4);
  });

  it("each note's findings and positions match the golden file", () => {
    const report = JSON.parse(inRepo([".", "-f", "json"]).stdout) as Report;
    // Rule ids and positions, not wording: a reworded message does not change this file.
    const lines = report.results.flatMap((r) => [
      `${r.file} ${r.position.line}:${r.position.column} ${r.passed ? "passes" : "fails"}`,
      ...r.messages.map((m) => `  ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId}`),
    ]);
    golden("findings.txt", `${lines.join("\n")}\n`);
  });

  it("findings in a Markdown collection point into the file", () => {
    const report = JSON.parse(inRepo(["playbooks", "-f", "json"]).stdout) as Report;
    const source = readFileSync(join(REPO, "playbooks/events.md"), "utf8");
    const index = new LineIndex(source);
    const booth = report.results.find((r) => r.file === "playbooks/events.md#after-a-booth-visit")!;
    const run = booth.messages.find((m) => m.ruleId === "exclamation-run")!;
    expect([run.line, run.column]).toEqual(Object.values(index.position(source.indexOf("!!!"))));
    // Whole-note findings sit where the section's text starts, under its heading.
    expect(booth.position).toEqual(index.position(source.indexOf("Great to meet you")));
    const talk = report.results.find((r) => r.file === "playbooks/events.md#after-a-talk")!;
    expect(talk.position).toEqual(index.position(source.indexOf("Hi Ana")));
  });

  it("files named on the command line: ignored ones are skipped with a warning each, the rest linted", () => {
    const r = inRepo([
      "README.md",
      "docs/CHANGES.md",
      "drafts/omar.txt",
      "notes/lena.wip.txt",
      "package.json",
      "docker-compose.yml",
      "notes/priya.txt",
      "-f",
      "json",
    ]);
    expect(notesOf(r.stdout)).toEqual(["notes/priya.txt"]);
    expect(r.stderr).toBe(
      ignored("README.md", "the default ignores", "README*") +
        ignored("docs/CHANGES.md", "the default ignores", "docs/") +
        ignored("drafts/omar.txt", ".invite-lintignore", "drafts/") +
        ignored("notes/lena.wip.txt", ".invite-lintignore", "*.wip.txt") +
        ignored("package.json", "the default ignores", "package.json") +
        notACollection("docker-compose.yml"),
    );
    expect(r.status).toBe(0);
  });

  it("--no-ignore lints what the ignores skip; YAML and JSON that are not collections still only warn", () => {
    const r = inRepo([".", "--no-ignore", "-f", "json"]);
    expect(notesOf(r.stdout)).toEqual([
      "docs/CHANGES.md",
      "docs/style.md",
      "drafts/omar.txt",
      "notes/dan.md",
      "notes/lena.wip.txt",
      "notes/priya.txt",
      "notes/stock.txt",
      "outreach.yaml#webinar",
      "outreach.yaml#stock",
      "playbooks/events.md#after-a-talk",
      "playbooks/events.md#after-a-booth-visit",
      "README.md",
      "team/templates.md#open-source-maintainer",
      "team/templates.md#recruiter",
    ]);
    expect(r.stderr).toBe(
      notACollection(".invite-lintrc.yaml") +
        notACollection("config/crm.json") +
        notACollection("docker-compose.yml") +
        notACollection("package.json"),
    );
    expect(r.status).toBe(1);
  });

  it("--ignore-pattern (repeatable) skips more", () => {
    const r = inRepo([
      ".",
      "--ignore-pattern",
      "playbooks/",
      "--ignore-pattern",
      "*.yaml",
      "--ignore-pattern",
      "config/",
      "-f",
      "json",
    ]);
    expect(notesOf(r.stdout)).toEqual(
      NOTES.filter((n) => !n.startsWith("playbooks/") && !n.startsWith("outreach.yaml")),
    );
    expect(r.stderr).toBe(notACollection("docker-compose.yml"));
  });

  it("a name that matches nothing is exit 2, unless --no-error-on-unmatched-pattern; stdin is not read then", () => {
    const none = inRepo(["*.zzz", "notes/priya.txt"]);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe("invite-lint: *.zzz: no files match\n");
    expect(none.stdout).toBe("");
    const allowed = inRepo(
      ["*.zzz", "drafts", "missing.txt", "--no-error-on-unmatched-pattern", "-f", "json"],
      "I'd like to add you to my professional network on LinkedIn.",
    );
    expect(allowed.status).toBe(0);
    expect(notesOf(allowed.stdout)).toEqual([]);
    expect(allowed.stderr).toBe(ignored("drafts", ".invite-lintignore", "drafts/"));
  });

  it("with --cache, a re-run gives the same notes and the same warnings", () => {
    const dir = makeTempTree({});
    const args = [".", "-f", "json", "--cache-location", `${dir}/`];
    const first = inRepo(args);
    const second = inRepo(args);
    expect(existsSync(join(dir, ".invite-lintcache"))).toBe(true);
    expect(notesOf(second.stdout)).toEqual(NOTES);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(notACollection("config/crm.json") + notACollection("docker-compose.yml"));
  });

  it("a Markdown collection named alone is still a collection", () => {
    const r = inRepo(["team/templates.md", "-f", "json"]);
    expect(notesOf(r.stdout)).toEqual(["team/templates.md#open-source-maintainer", "team/templates.md#recruiter"]);
    // Front matter facts apply to each section: both are cold notes.
    const report = JSON.parse(r.stdout) as Report;
    expect(report.results[1]!.messages.map((m) => m.ruleId)).toContain("cold-without-reason");
  });
});

describe("front matter and collection entries are checked like config files", () => {
  const oneLine = /^[^\s:]+:\d+:\d+: .+\n$/;

  it("type: friend, a misspelt key and an unknown key in front matter: file:line:column, exit 2, no report", () => {
    const dir = tmp({
      "friend.md": "---\nto: Priya Shah\ntype: friend\n---\nHi Priya, great meeting you at PyData Denver.\n",
      "typo.md": "---\ncompnay: Acme\n---\nHi Priya.\n",
      "title.md": "---\ntitle: Intro\n---\nHi Priya.\n",
    });
    const cases: [string, string][] = [
      [
        "friend.md",
        'friend.md:3:7: front matter: "type" must be one of reconnect, cold, event, recruiter, sales, job-seeker, alumni, other (got "friend")\n',
      ],
      ["typo.md", 'typo.md:2:1: front matter: unknown key "compnay"; did you mean "company"?\n'],
      [
        "title.md",
        'title.md:2:1: front matter: unknown key "title" (known: to, company, type, kind, context, template, collection)\n',
      ],
    ];
    for (const [file, stderr] of cases) {
      const r = runCli([file], { cwd: dir });
      expect(r.status, file).toBe(2);
      expect(r.stderr).toBe(stderr);
      expect(r.stderr).toMatch(oneLine);
      expect(r.stdout).toBe("");
    }
  });

  it("kind: is accepted as the older name of type:", () => {
    const dir = tmp({
      "old.md": "---\nto: Dan Brooks\nkind: reconnect\n---\nHi Dan, hope all is well! Would love to connect here.\n",
    });
    const r = runCli(["old.md", "-f", "json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect((JSON.parse(r.stdout) as Report).results[0]!.messages.map((m) => m.ruleId)).toContain(
      "reconnect-without-shared-past",
    );
  });

  it("a collection entry with txet: is an error at its position; a file where no entry has text is skipped with a warning", () => {
    const dir = tmp({
      "broken.yaml":
        "- id: webinar\n  text: Hi Sam, thanks for the question at yesterday's webinar.\n- id: followup\n  txet: Hi Sam, following up.\n",
      "friend.yaml": "- id: a\n  text: Hi Sam, thanks for the question at yesterday's webinar.\n  type: friend\n",
      "allwrong.yaml": "- id: a\n  txet: Hi Sam.\n",
    });
    const broken = runCli(["broken.yaml"], { cwd: dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toBe(
      'broken.yaml:4:3: entry "followup": unknown key "txet"; did you mean "text"? (and 1 more problem)\n',
    );
    expect(broken.stdout).toBe("");
    const friend = runCli(["friend.yaml"], { cwd: dir });
    expect(friend.status).toBe(2);
    expect(friend.stderr).toBe(
      'friend.yaml:3:9: entry "a": "type" must be one of reconnect, cold, event, recruiter, sales, job-seeker, alumni, other (got "friend")\n',
    );
    const none = runCli(["allwrong.yaml", "-f", "json"], { cwd: dir });
    expect(none.status).toBe(0);
    expect(none.stderr).toBe(
      warning('allwrong.yaml: not a note collection (no entry has a "text" key; "txet" is not "text"), skipped'),
    );
    expect(notesOf(none.stdout)).toEqual([]);
  });

  it("a facts comment gives one section its own facts", () => {
    const dir = tmp({
      "t.md":
        "---\ncollection: sections\n---\n## Dan\n<!-- invite-lint-facts to: Dan Brooks, type: reconnect -->\nHi Dan, hope all is well! Would love to connect here.\n\n## Priya\nHi Priya, hope all is well! Would love to connect here.\n",
    });
    const report = JSON.parse(runCli(["t.md", "-f", "json"], { cwd: dir }).stdout) as Report;
    const ids = (name: string) => report.results.find((r) => r.file === name)!.messages.map((m) => m.ruleId);
    expect(ids("t.md#dan")).toContain("reconnect-without-shared-past");
    expect(ids("t.md#priya")).not.toContain("reconnect-without-shared-past");
  });
});

describe("collection entries with escapes", () => {
  const STOCK = "I'd like to add you to my professional network on LinkedIn.";
  const ENTRY = "Great to meet you at RustConf\\u0021!! We talked about\\nwasm  builds.";
  const dir = makeTempTree({
    "notes.json": `[{"id": "stock", "text": "I\\u0027d like to add you to my professional network on LinkedIn."}, {"id": "fix", "text": "${ENTRY}"}]\n`,
    "stock.txt": STOCK,
  });

  it("are scored as the text they stand for: the same as that text in a file of its own", () => {
    const entries = JSON.parse(runCli(["notes.json", "-f", "json"], { cwd: dir }).stdout) as Report;
    const plain = JSON.parse(runCli(["stock.txt", "-f", "json"], { cwd: dir }).stdout) as Report;
    const stock = entries.results.find((r) => r.file === "notes.json#stock")!;
    expect(stock.score).toBe(plain.results[0]!.score);
    expect(stock.score).toBeLessThanOrEqual(20);
    expect(stock.messages.map((m) => m.ruleId).sort()).toEqual(plain.results[0]!.messages.map((m) => m.ruleId).sort());
  });

  it("point into the file across an escape, and --fix edits the entry in its own escapes", () => {
    const source = readFileSync(join(dir, "notes.json"), "utf8");
    const report = JSON.parse(runCli(["notes.json", "-f", "json"], { cwd: dir }).stdout) as Report;
    const run = report.results
      .find((r) => r.file === "notes.json#fix")!
      .messages.find((m) => m.ruleId === "exclamation-run")!;
    expect(source.slice(run.offset, run.endOffset)).toBe("\\u0021!!");
    const p = new LineIndex(source).position(run.offset);
    expect([run.line, run.column]).toEqual([p.line, p.column]);
    runCli(["notes.json", "--fix"], { cwd: dir });
    expect(readFileSync(join(dir, "notes.json"), "utf8")).toContain(
      '"Great to meet you at RustConf! We talked about\\nwasm builds."',
    );
  });
});
