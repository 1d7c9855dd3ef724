import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, expectGolden, makeTempDir, runCli } from "../helpers.js";
import type { LintResult, Report } from "../../src/engine/types.js";
import { builtinRules } from "../../src/builtin.js";
import { samenessPass } from "../../src/node/sameness-pass.js";
import { splitDocument } from "../../src/documents.js";

/** A repository where a team's template went out four times (files, a Markdown note, collection entries) and one good note twice. */
const REPO = join(ROOT, "test/fixtures/sameness/repo");
const GOLDEN = join(ROOT, "test/fixtures/sameness/expected");
const FORMATS = ["stylish", "json", "sarif", "github", "unix", "markdown"] as const;

const TEMPLATE = (name: string, company: string) =>
  `Hi ${name}, I saw that ${company} just opened a data platform team in Rotterdam. We built something similar last year and wrote down what worked when hiring the first four engineers. Most of it was about on-call and code review. I'd be glad to send you the notes if that helps. Best, Sam`;
const OWN =
  "Hi Omar, congrats on shipping the warehouse routing engine - the write-up on batching picks by aisle was the clearest I have read this year. We tried it on our night shift and I can send you what we measured.";

function tmp(files: Record<string, string>): string {
  const dir = makeTempDir("invite-lint-same-");
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const json = (args: string[], opts: Parameters<typeof runCli>[1] = {}) => {
  const r = runCli([...args, "-f", "json"], opts);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Report;
};
const nearDuplicates = (r: LintResult) =>
  r.messages.filter((m) => m.ruleId === "near-duplicate").map((m) => `${m.line}:${m.column} ${m.message}`);
const warned = (report: Report) => Object.fromEntries(report.results.map((r) => [r.file, nearDuplicates(r)]));

describe("near-duplicate notes in the report formats", () => {
  it.each(FORMATS)("%s matches its golden file", (format) => {
    const r = runCli(["outreach", "-f", format], { cwd: REPO });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expectGolden(join(GOLDEN, `${format}.txt`), r.stdout);
  });

  it("json: each note of a cluster warns at its first line, naming its closest other; clusters list members, similarity and shared text", () => {
    const report = json(["outreach"], { cwd: REPO });
    expect(warned(report)).toEqual({
      "outreach/drafts/hooli.md": [
        "7:1 100% the same as outreach/sales.yaml#acme and 2 others: only the name and company differ",
      ],
      "outreach/drafts/initech.txt": [
        "1:1 87% the same as outreach/drafts/hooli.md and 2 others: one sentence, the name, company and other names differ",
      ],
      "outreach/drafts/lena.txt": ["1:1 100% the same as outreach/drafts/omar.txt: only the name differs"],
      "outreach/drafts/omar.txt": ["1:1 100% the same as outreach/drafts/lena.txt: only the name differs"],
      "outreach/sales.yaml#acme": [
        "5:10 100% the same as outreach/drafts/hooli.md and 2 others: only the name and company differ",
      ],
      "outreach/sales.yaml#globex": [
        "10:5 100% the same as outreach/drafts/hooli.md and 2 others: only the name and company differ",
      ],
      "outreach/sales.yaml#meetup": [],
    });
    expect(report.clusters!.map((c) => [c.size, c.similarity, c.members.map((m) => m.file)])).toEqual([
      [
        4,
        87,
        [
          "outreach/drafts/hooli.md",
          "outreach/drafts/initech.txt",
          "outreach/sales.yaml#acme",
          "outreach/sales.yaml#globex",
        ],
      ],
      [2, 100, ["outreach/drafts/lena.txt", "outreach/drafts/omar.txt"]],
    ]);
    expect(report.clusters![1]!.text).toBe(OWN.replace("Omar", "{name}"));
    // A warning like the others: counted in the summary; the score is the note's own.
    expect(report.summary.warnings).toBe(6);
    const off = json(["outreach", "--sameness", "off"], { cwd: REPO });
    expect(off.summary.warnings).toBe(0);
    expect(off.clusters).toBeUndefined();
    expect(off.results.map((r) => r.score)).toEqual(report.results.map((r) => r.score));
  });

  it("--quiet drops the warning like any warning, and the clusters stay in the summary", () => {
    const report = json(["outreach", "--quiet"], { cwd: REPO });
    expect(report.results.flatMap((r) => r.messages)).toEqual([]);
    expect(report.clusters).toHaveLength(2);
  });
});

describe("near-duplicate notes: configuration", () => {
  const notes = {
    "a.txt": TEMPLATE("Priya", "Acme"),
    "b.txt": TEMPLATE("Tom", "Acme").replace(
      "I'd be glad to send you the notes if that helps.",
      "Happy to share our notes.",
    ),
  };

  it("sameness.threshold in the config: a pair 87% the same warns at 0.85, not at 0.9", () => {
    const at85 = tmp({ ...notes, ".invite-lintrc.yaml": "sameness:\n  threshold: 0.85\n" });
    expect(Object.values(warned(json(["."], { cwd: at85 })))).toEqual([
      ["1:1 87% the same as b.txt: one sentence and the name differ"],
      ["1:1 87% the same as a.txt: one sentence and the name differ"],
    ]);
    const at90 = tmp({ ...notes, ".invite-lintrc.yaml": "sameness: { threshold: 0.9 }\n" });
    expect(Object.values(warned(json(["."], { cwd: at90 })))).toEqual([[], []]);
  });

  it("sameness.threshold: off turns the check off; --sameness wins over the config", () => {
    const dir = tmp({ ...notes, ".invite-lintrc.yaml": "sameness:\n  threshold: off\n" });
    expect(Object.values(warned(json(["."], { cwd: dir })))).toEqual([[], []]);
    expect(Object.values(warned(json([".", "--sameness", "0.8"], { cwd: dir })))).toEqual([
      ["1:1 87% the same as b.txt: one sentence and the name differ"],
      ["1:1 87% the same as a.txt: one sentence and the name differ"],
    ]);
    expect(Object.values(warned(json([".", "--sameness", "off"], { cwd: tmp(notes) })))).toEqual([[], []]);
  });

  it("near-duplicate is a rule id for --rule and settings: off, info, or error, which fails the notes with a verdict", () => {
    const same = { "a.txt": TEMPLATE("Priya", "Acme"), "b.txt": TEMPLATE("Tom", "Acme") };
    const levels = (report: Report) =>
      report.results.map((r) => r.messages.filter((m) => m.ruleId === "near-duplicate").map((m) => m.severity));
    const dir = tmp(same);
    expect(levels(json(["."], { cwd: dir }))).toEqual([["warning"], ["warning"]]);
    expect(levels(json([".", "--rule", "near-duplicate=off"], { cwd: dir }))).toEqual([[], []]);
    expect(levels(json([".", "--rule", "near-duplicate=info"], { cwd: dir }))).toEqual([["info"], ["info"]]);
    // Both notes pass on their own; as an error the check fails them, and the verdict says why.
    expect(json(["."], { cwd: dir }).results.map((r) => r.passed)).toEqual([true, true]);
    const r = runCli([".", "-f", "json", "--rule", "near-duplicate=error"], { cwd: dir });
    expect(r.status).toBe(1);
    const failed = JSON.parse(r.stdout) as Report;
    expect(failed.results.map((x) => x.passed)).toEqual([false, false]);
    expect(failed.results[0]!.messages.find((m) => m.ruleId === "verdict")!.message).toMatch(
      /^The note fails \(\d+\/100, but near-duplicate is an error here\): 100% the same as b\.txt/,
    );
    // The config's settings do the same; --rule wins over them.
    const quiet = tmp({ ...same, ".invite-lintrc.yaml": "settings:\n  near-duplicate: info\n" });
    expect(levels(json(["."], { cwd: quiet }))).toEqual([["info"], ["info"]]);
    expect(levels(json([".", "--rule", "near-duplicate=warning"], { cwd: quiet }))).toEqual([["warning"], ["warning"]]);
  });

  it("--explain near-duplicate and invite-lint rules describe the check", () => {
    const explained = runCli(["--explain", "near-duplicate"]);
    expect(explained.status).toBe(0);
    expect(explained.stdout).toMatch(/^near-duplicate \(generic check/);
    expect(explained.stdout).toContain("sameness.threshold");
    expect(runCli(["rules"]).stdout).toMatch(/^near-duplicate +generic +warning /m);
  });

  it("a bad threshold is a configuration error at its line, and a bad flag a usage error", () => {
    const dir = tmp({ ...notes, ".invite-lintrc.yaml": "minScore: 70\nsameness:\n  threshold: 2\n" });
    expect(runCli(["."], { cwd: dir })).toMatchObject({
      status: 2,
      stdout: "",
      stderr: '.invite-lintrc.yaml:3:14: "sameness.threshold" must be a number from 0.5 to 1, or off\n',
    });
    const key = tmp({ ...notes, ".invite-lintrc.yaml": "sameness:\n  treshold: 0.8\n" });
    expect(runCli(["."], { cwd: key }).stderr).toBe(
      '.invite-lintrc.yaml:2:3: unknown key "treshold" (use threshold)\n',
    );
    const flat = tmp({ ...notes, ".invite-lintrc.yaml": "sameness: 0.8\n" });
    expect(runCli(["."], { cwd: flat }).stderr).toBe(
      '.invite-lintrc.yaml:1:11: "sameness" must be a mapping: { threshold: a number from 0.5 to 1 | off }\n',
    );
    for (const bad of ["0.4", "80", "high", "1.5"]) {
      expect(runCli([".", "--sameness", bad], { cwd: tmp(notes) })).toMatchObject({
        status: 2,
        stderr: "invite-lint: --sameness must be a number from 0.5 to 1, or off\n",
      });
    }
  });

  it("--print-config shows the threshold", () => {
    const dir = tmp({ ...notes, ".invite-lintrc.yaml": "sameness: { threshold: 0.9 }\n" });
    expect(JSON.parse(runCli(["--print-config", "a.txt"], { cwd: dir }).stdout).sameness).toEqual({ threshold: 0.9 });
    expect(JSON.parse(runCli(["--print-config", "a.txt", "--sameness", "off"], { cwd: dir }).stdout).sameness).toEqual({
      threshold: "off",
    });
  });
});

describe("near-duplicate notes: inputs", () => {
  it("collection entries and files in one run, and stdin among them (read once)", () => {
    const dir = tmp({
      "notes.yaml": `- id: priya\n  text: "${TEMPLATE("Priya", "Acme")}"\n- id: own\n  text: "${OWN}"\n`,
      "tom.txt": TEMPLATE("Tom", "Acme"),
    });
    const report = json(["notes.yaml", "tom.txt", "-"], { cwd: dir, input: TEMPLATE("Ana", "Acme") });
    expect(warned(report)).toEqual({
      "notes.yaml#priya": ["2:10 100% the same as <stdin> and 1 other: only the name differs"],
      "notes.yaml#own": [],
      "tom.txt": ["1:1 100% the same as <stdin> and 1 other: only the name differs"],
      "<stdin>": ["1:1 100% the same as notes.yaml#priya and 1 other: only the name differs"],
    });
    expect(report.results.find((r) => r.file === "<stdin>")!.characters).toBe(TEMPLATE("Ana", "Acme").length);
  });

  it("one note alone, or a run of one plain note, gets no warning", () => {
    expect(warned(json(["a.txt"], { cwd: tmp({ "a.txt": TEMPLATE("Priya", "Acme") }) }))).toEqual({ "a.txt": [] });
    expect(warned(json([], { input: TEMPLATE("Priya", "Acme") }))).toEqual({ "<stdin>": [] });
  });

  it("disable: [near-duplicate] exempts an entry, and counts as used for --report-unused-disable-directives", () => {
    const dir = tmp({
      "notes.yaml": `- id: a\n  disable: [near-duplicate]\n  text: "${TEMPLATE("Priya", "Acme")}"\n- id: b\n  text: "${TEMPLATE("Tom", "Acme")}"\n- id: c\n  disable: [near-duplicate]\n  text: "${OWN}"\n`,
    });
    const report = json(["notes.yaml", "--report-unused-disable-directives"], { cwd: dir });
    expect(warned(report)).toEqual({
      "notes.yaml#a": [],
      "notes.yaml#b": ["5:10 100% the same as notes.yaml#a: only the name differs"],
      "notes.yaml#c": [],
    });
    const unused = report.results.map((r) =>
      r.messages.filter((m) => m.ruleId === "unused-disable-directive").map((m) => m.line),
    );
    expect(unused).toEqual([[], [], [6]]);
  });

  it("a run past 256 notes streams, and every note still gets its warning and the report its clusters", () => {
    const names = ["Priya", "Tom", "Ana", "Kemal", "Rosa", "Omar", "Lena", "Jo"];
    const entries = Array.from(
      { length: 300 },
      (_, i) =>
        `- id: n${i}\n  text: "${i % 3 === 2 ? OWN.replace("Omar", names[i % 8]!) : TEMPLATE(names[i % 8]!, "Acme")}"`,
    );
    const dir = tmp({ "big.yaml": `${entries.join("\n")}\n` });
    const report = json(["big.yaml"], { cwd: dir });
    expect(report.results).toHaveLength(300);
    expect(report.results.every((r) => nearDuplicates(r).length === 1)).toBe(true);
    expect(report.clusters!.map((c) => [c.size, c.similarity, c.differs])).toEqual([
      [200, 100, "only the name differs"],
      [100, 100, "only the name differs"],
    ]);
    expect(nearDuplicates(report.results[0]!)).toEqual([
      "2:10 100% the same as big.yaml#n1 and 198 others: only the name differs",
    ]);
    const stylish = runCli(["big.yaml"], { cwd: dir }).stdout;
    expect(stylish.split("\n").slice(-8, -1)).toEqual([
      "Near-duplicates: 2 clusters of notes that are the same note with a different name",
      "  200 notes 100% the same: only the name differs",
      "    big.yaml#n0, big.yaml#n1, big.yaml#n10, big.yaml#n100, big.yaml#n102, big.yaml#n103, big.yaml#n105, big.yaml#n106 and 192 more",
      `    "${TEMPLATE("{name}", "{name}").replace("Rotterdam", "{name}").replace("Best, Sam", "Best, {sender}")}"`,
      "  100 notes 100% the same: only the name differs",
      "    big.yaml#n101, big.yaml#n104, big.yaml#n107, big.yaml#n11, big.yaml#n110, big.yaml#n113, big.yaml#n116, big.yaml#n119 and 92 more",
      `    "${OWN.replace("Omar", "{name}")}"`,
    ]);
  });

  it("the lint pass cuts collection entries from the file as the first pass found them: results equal those of a run without the check", () => {
    // Big enough to be parsed entry by entry (64 KiB), with every kind of scalar, facts and directives.
    const entries: string[] = [];
    for (let i = 0; i < 400; i++) {
      const text = i % 2 ? TEMPLATE(`N${i}`, "Acme") : `${OWN.replace("Omar", `N${i}`)} ${"x".repeat(i % 7)}`;
      if (i % 4 === 0)
        entries.push(
          `- id: e${i}\n  to: N${i} Lee\n  company: Acme\n  text: |\n    ${text.replace(/\. /g, ".\n    ")}`,
        );
      else if (i % 4 === 1) entries.push(`- id: e${i}\n  disable: [no-context]\n  text: '${text.replace(/'/g, "''")}'`);
      else if (i % 4 === 2) entries.push(`- id: e${i}\n  type: event\n  text: "${text.replace(/"/g, '\\"')} \\u00e9"`);
      else entries.push(`- id: e${i}\n  text: >-\n    ${text}`);
    }
    const dir = tmp({
      "big.yaml": `${entries.join("\n")}\n`,
      "small.yaml": `a: "${TEMPLATE("Ana", "Acme")}"\nb: "${OWN}"\n`,
      "n.md": `---\nto: Jo\n---\n${TEMPLATE("Jo", "Acme")}\n`,
    });
    const on = json(["."], { cwd: dir });
    const off = json([".", "--sameness", "off"], { cwd: dir });
    const without = on.results.map((r) => ({
      ...r,
      messages: r.messages.filter((m) => m.ruleId !== "near-duplicate"),
    }));
    expect(without).toEqual(off.results);
    // Every note here is one of two templates with another name: all 403 are warned.
    expect(on.results.length).toBe(403);
    expect(on.results.filter((r) => nearDuplicates(r).length).length).toBe(403);
  });

  it("a collection that changed between the passes is parsed again", async () => {
    const dir = tmp({
      "a.yaml": `- id: a\n  text: "${TEMPLATE("Priya", "Acme")}"\n- id: b\n  text: "${TEMPLATE("Tom", "Acme")}"\n`,
    });
    const file = join(dir, "a.yaml");
    const run = (await samenessPass([file, file], {}, undefined, builtinRules))!;
    const text = readFileSync(file, "utf8");
    const changed = text.replace("id: b", "id: c");
    let parsed = 0;
    const split = (t: string) => () => {
      parsed++;
      return splitDocument(file, t);
    };
    expect([...run.units(text, split(text))].map((u) => u.name)).toEqual([`${file}#a`, `${file}#b`]);
    expect(parsed).toBe(0);
    expect([...run.units(changed, split(changed))].map((u) => u.name)).toEqual([`${file}#a`, `${file}#c`]);
    expect(parsed).toBe(1);
  });

  it("a file that gains a note between the passes does not shift the warnings of the next file", async () => {
    const dir = tmp({
      "a.yaml": `- id: a\n  text: "${OWN}"\n`,
      "b.txt": TEMPLATE("Tom", "Acme"),
      "c.txt": TEMPLATE("Ana", "Acme"),
    });
    const [a, b, c] = ["a.yaml", "b.txt", "c.txt"].map((f) => join(dir, f));
    const run = (await samenessPass([a!, b!, c!], {}, undefined, builtinRules))!;
    const grown = `${readFileSync(a!, "utf8")}- id: z\n  text: "${TEMPLATE("Jo", "Acme")}"\n`;
    const result = (file: string) =>
      ({ file, position: { line: 1, column: 1 }, messages: [] as LintResult["messages"] }) as LintResult;
    for (const unit of run.units(grown, () => splitDocument(a!, grown))) run.attach(result(unit.name));
    const seen: LintResult[] = [];
    for (const f of [b!, c!]) {
      const text = readFileSync(f, "utf8");
      for (const unit of run.units(text, () => splitDocument(f, text))) {
        const r = result(unit.name);
        run.attach(r);
        seen.push(r);
      }
    }
    expect(seen.map((r) => r.messages.map((m) => m.message))).toEqual([
      [`100% the same as ${c}: only the name differs`],
      [`100% the same as ${b}: only the name differs`],
    ]);
  });
});
