// What CI users see: a failing note says so in every format, the exit status is the verdict
// even when the reader stops early, and mistakes on the command line are named.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, makeTempDir, runCli } from "../helpers.js";
import type { Report } from "../../src/engine/types.js";

const GOOD =
  "Hi Priya, great meeting you at the PyData Denver meetup on Tuesday. Your talk on query planning fixed a bug we had for weeks; happy to send you our benchmark notes.";
const STOCK = "I'd like to add you to my professional network on LinkedIn.";
const THIN = "Hi Dan, hope you are well. Let's connect!";

function notes(files: Record<string, string>): string {
  const dir = makeTempDir("invite-lint-ci-");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Runs a shell pipeline with `set -o pipefail`-like capture of the linter's own status. */
function pipeline(args: string, reader: string): { status: string; out: string } {
  const r = spawnSync(
    "bash",
    ["-c", `"${process.execPath}" "${BIN}" ${args} | ${reader}; echo "status=\${PIPESTATUS[0]}" >&2`],
    {
      encoding: "utf8",
      env: { ...process.env, NODE_EXTRA_CA_CERTS: "" },
      timeout: 60_000,
    },
  );
  return { status: /status=(\d+)/.exec(r.stderr)?.[1] ?? "none", out: r.stdout };
}

describe("a failing note says so where people look", () => {
  const dir = notes({ "good.txt": GOOD, "stock.txt": STOCK, "thin.txt": THIN });
  const files = ["good.txt", "stock.txt", "thin.txt"].map((f) => join(dir, f));

  it("github: an ::error annotation on each failing note, saying it fails and why, also with --quiet", () => {
    for (const quiet of [[], ["--quiet"]]) {
      const r = runCli([...files, "-f", "github", ...quiet]);
      expect(r.status).toBe(1);
      const errors = r.stdout.split("\n").filter((l) => l.startsWith("::error "));
      expect(errors.map((l) => /file=([^,]+)/.exec(l)![1])).toEqual([files[1], files[2]]);
      for (const e of errors)
        expect(e).toMatch(/line=1,col=1,.*title=invite-lint \[verdict\]::The note fails \(\d+\/100, needs 70\): /);
      expect(r.stdout).not.toContain(`file=${files[0]},line=1,col=1,endLine=1,endColumn=1,title=invite-lint [verdict]`);
    }
  });

  it("sarif: a result of level error per failing note, and the verdict rule described", () => {
    const r = runCli([...files, "-f", "sarif", "--quiet"]);
    const run = JSON.parse(r.stdout).runs[0];
    const verdicts = run.results.filter((x: { ruleId: string }) => x.ruleId === "verdict");
    const where = (x: { level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => [
      x.level,
      x.locations[0]!.physicalLocation.artifactLocation.uri.split("/").pop(),
    ];
    expect(verdicts.map(where)).toEqual([
      ["error", "stock.txt"],
      ["error", "thin.txt"],
    ]);
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === "verdict");
    expect(rule.defaultConfiguration.level).toBe("error");
    expect(rule.helpUri).toMatch(/README\.md#how-a-note-is-scored$/);
  });

  it("unix, stylish and markdown: the verdict error for each failing note, also with --quiet", () => {
    const unix = runCli([...files, "-f", "unix", "--quiet"])
      .stdout.trim()
      .split("\n");
    expect(unix.map((l) => l.replace(/: error: The note fails .*\[verdict\]$/, ": error [verdict]"))).toEqual([
      `${files[1]}:1:1: error [verdict]`,
      `${files[2]}:1:1: error [verdict]`,
    ]);
    const stylish = runCli([...files, "--quiet"]).stdout;
    expect(stylish.match(/1:1 {2}error {2}The note fails \(\d+\/100, needs 70\)/g)).toHaveLength(2);
    const md = runCli([...files, "-f", "markdown", "--quiet"]).stdout;
    expect(md.match(/\| 1:1 \| error \| `verdict` \| The note fails/g)).toHaveLength(2);
  });

  it("the summary counts every finding, in words that agree with the numbers", () => {
    const one = runCli([join(dir, "thin.txt"), join(dir, "good.txt"), "-f", "json"]);
    const report = JSON.parse(one.stdout) as Report;
    const messages = report.results.flatMap((r) => r.messages);
    const count = (s: string) => messages.filter((m) => m.severity === s).length;
    expect(report.summary).toMatchObject({ errors: count("error"), warnings: count("warning"), infos: count("info") });
    const stylish = runCli([join(dir, "thin.txt"), join(dir, "good.txt")]).stdout;
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
    expect(stylish).toContain(
      `(${plural(count("error"), "error")}, ${plural(count("warning"), "warning")}, ${count("info")} info)`,
    );
    expect(stylish).not.toMatch(/\b1 (errors|warnings|words)\b/);
  });
});

describe("the exit status is the verdict even when the reader stops early", () => {
  const many = notes(
    Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`n${i}.txt`, i === 399 ? STOCK : GOOD])),
  );
  const few = notes({ "a.txt": STOCK, "b.txt": THIN });

  it("| head -1 over a streamed run whose last note fails: exit 1, one line read", () => {
    const r = pipeline(`"${many}"`, "head -1");
    expect(r.out.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.status).toBe("1");
  });

  it("-f sarif | head -c 10 and -f json | head -c 1: exit 1", () => {
    expect(pipeline(`"${few}" -f sarif`, "head -c 10").status).toBe("1");
    expect(pipeline(`"${many}" -f json`, "head -c 1").status).toBe("1");
  });

  it("a passing run into a closed pipe still exits 0", () => {
    const good = notes(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`g${i}.txt`, GOOD])));
    expect(pipeline(`"${good}"`, "head -1").status).toBe("0");
  });
});

describe("command-line mistakes and options ESLint users reach for", () => {
  const dir = notes({ "thin.txt": THIN, "loud.txt": GOOD.replace(/\.$/, "!!!") });
  const thin = join(dir, "thin.txt");

  it('"did you mean" for a mistyped option, rule id, --explain rule and --lang', () => {
    const cases: [string[], string][] = [
      [["--fromat", "json", thin], "invite-lint: unknown option '--fromat'; did you mean --format?"],
      [
        ["--rule", "no-contxt=off", thin],
        'invite-lint: --rule: unknown rule or check id "no-contxt"; did you mean "no-context"?',
      ],
      [
        ["--explain", "stock-invitaton"],
        'invite-lint: --explain: unknown rule "stock-invitaton"; did you mean "stock-invitation"?',
      ],
      [
        ["--lang", "dee", thin],
        'invite-lint: --lang must be auto or one of en, de, fr, es, pt, it, nl; did you mean "de"?',
      ],
    ];
    for (const [args, line] of cases) {
      const r = runCli(args);
      expect(r.stderr).toBe(`${line}\n`);
      expect(r.status).toBe(2);
    }
    // Nothing close: no guess.
    expect(runCli(["--rule", "zzzzzz=off", thin]).stderr).toBe(
      'invite-lint: --rule: unknown rule or check id "zzzzzz" (see: invite-lint rules)\n',
    );
  });

  it("invite-lint rules --format json lists every rule with its metadata", () => {
    const r = runCli(["rules", "--format", "json"]);
    expect(r.status).toBe(0);
    const rules = JSON.parse(r.stdout) as {
      id: string;
      check: string;
      kind: string;
      url: string | null;
      fixable: boolean;
    }[];
    const table = runCli(["rules"])
      .stdout.trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(/\s+/)[0])
      .sort();
    expect(rules.map((x) => x.id).sort()).toEqual(table);
    const stock = rules.find((x) => x.id === "stock-invitation")!;
    expect(stock).toMatchObject({ check: "generic", kind: "existence", fixable: true });
    expect(stock.url).toMatch(/docs\/rules\.md#stock-invitation$/);
  });

  it("--help lists every subcommand", () => {
    const help = runCli(["--help"]).stdout;
    for (const sub of ["rules", "init", "lsp", "web"])
      expect(help).toMatch(new RegExp(`^  invite-lint ${sub}\\b`, "m"));
  });

  it("--max-warnings -1 means no limit; 0 fails on one warning", () => {
    const good = join(dir, "loud.txt");
    const warnings = (JSON.parse(runCli([good, "-f", "json"]).stdout) as Report).summary.warnings;
    expect(warnings).toBeGreaterThan(0);
    expect(runCli([good]).status).toBe(0);
    expect(runCli([good, "--max-warnings", "-1"]).status).toBe(0);
    const zero = runCli([good, "--max-warnings", "0"]);
    expect(zero.status).toBe(1);
    expect(zero.stderr).toMatch(/more than --max-warnings 0/);
    expect(runCli([good, "--max-warnings", "-2"]).stderr).toMatch(/--max-warnings must be a whole number from -1/);
  });

  it("--color beats NO_COLOR, --no-color beats FORCE_COLOR; a pipe gets none", () => {
    const esc = "\u001b[";
    expect(runCli([thin, "--color"], { env: { NO_COLOR: "1" } }).stdout).toContain(esc);
    expect(runCli([thin, "--no-color"], { env: { FORCE_COLOR: "1" } }).stdout).not.toContain(esc);
    expect(runCli([thin], { env: { FORCE_COLOR: "1" } }).stdout).toContain(esc);
    expect(runCli([thin], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout).toContain(esc);
    expect(runCli([thin], { env: { NO_COLOR: "1" } }).stdout).not.toContain(esc);
    expect(runCli([thin]).stdout).not.toContain(esc);
  });

  it("-o into a folder that does not exist, or onto a folder: one line, exit 2, nothing linted or written", () => {
    const missing = join(dir, "no/such/report.json");
    const r = runCli([thin, "-o", missing]);
    expect(r.stderr).toBe(`invite-lint: --output-file ${missing}: the folder ${join(dir, "no/such")} does not exist\n`);
    expect(r.status).toBe(2);
    const onto = runCli([thin, "-o", dir]);
    expect(onto.stderr).toBe(`invite-lint: --output-file ${dir}: is a folder\n`);
    expect(onto.status).toBe(2);
  });

  it("--print-config shows what the note is linted with: a rule of a check that is off is off", () => {
    const cfg = notes({
      ".invite-lintrc.yaml": "settings:\n  readability: off\n  stock-variant: error\n",
      "n.txt": THIN,
    });
    const printed = JSON.parse(runCli(["--print-config", join(cfg, "n.txt")]).stdout);
    expect(printed.rules["hard-sentence"]).toBe("off");
    expect(printed.files).toContain("*.md");
    expect(printed.ignores).toContain("README*");
    expect(printed.rules["stock-variant"]).toBe("error");
    expect(printed.rules["no-context"]).toBe("warning");
    // And linting agrees: stock-variant is an error, and the long sentence is not reported.
    const ids = (file: string, ...args: string[]) =>
      (JSON.parse(runCli([join(cfg, file), "-f", "json", ...args]).stdout) as Report).results[0]!.messages.map(
        (m) => `${m.ruleId}:${m.severity}`,
      );
    expect(ids("n.txt")).toContain("stock-variant:error");
    const long =
      "Hi Dan, I wanted to reach out because I noticed that we both work in the same broad industry and I thought that it might be useful for the two of us to be connected here at last.";
    writeFileSync(join(cfg, "long.txt"), long);
    expect(ids("long.txt", "--no-config")).toContain("long-sentence:warning");
    expect(ids("long.txt").filter((i) => i.startsWith("long-sentence"))).toEqual([]);
    const off = JSON.parse(runCli(["--print-config", join(cfg, "n.txt"), "--no-config"]).stdout);
    expect(off.rules["hard-sentence"]).not.toBe("off");
  });
});

describe("rule metadata travels with results", () => {
  const PACK = join(ROOT, "test/fixtures/config/user-pack");

  it("SARIF describes a user pack's rule from its own file: description, help, no made-up helpUri", () => {
    const r = runCli(["notes", "-f", "sarif"], { cwd: PACK });
    const rules = JSON.parse(r.stdout).runs[0].tool.driver.rules as {
      id: string;
      shortDescription: { text: string };
      help: { text: string };
      helpUri?: string;
    }[];
    const pack = rules.find((x) => x.id === "agency-pitch")!;
    expect(pack.shortDescription.text).toBe("Agencies announcing their services in a first note.");
    expect(pack.help.text).toBe("Lead with why you are writing to this person.");
    expect(pack.helpUri).toBeUndefined();
    const builtin = rules.find((x) => x.id !== "agency-pitch" && x.id !== "verdict")!;
    expect(builtin.helpUri).toMatch(/docs\/rules\.md#/);
  });
});
