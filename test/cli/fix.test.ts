// --fix and --fix-dry-run from the command line: what is written, what never is, and what the
// report and the exit status say afterwards.
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { makeTempDir, runCli } from "../helpers.js";
import { writeFixed } from "../../src/node/fix.js";
import type { LintResult, Report } from "../../src/engine/types.js";

/** A note that fails only for what --fix can mend: the greeting names someone else (an error), and three exclamation marks. */
const WRONG_NAME =
  "Hi Daniel, great meeting you at the Denver PyData meetup last week!!! Your talk on dbt tests changed how our team works; happy to send you the checklist we built from it.\n";
const WRONG_NAME_FIXED =
  "Hi Priya, great meeting you at the Denver PyData meetup last week! Your talk on dbt tests changed how our team works; happy to send you the checklist we built from it.\n";
const GOOD =
  "Hi Priya, great meeting you at the Denver PyData meetup last week. Your talk on dbt tests changed how our team works; happy to send you the checklist we built from it.\n";
const PITCH = "Hi, we are a full-service agency. We build websites for startups and would love to help you grow!!!\n";

/** Files with their bytes and modification times set to a fixed past, so that a write shows. */
function repo(files: Record<string, string | Buffer>): string {
  const dir = makeTempDir("invite-lint-fix-");
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  for (const name of Object.keys(files))
    utimesSync(join(dir, name), new Date("2020-01-01T00:00:00Z"), new Date("2020-01-01T00:00:00Z"));
  return dir;
}

/** Every file under dir with its bytes and mtime. */
function snapshot(dir: string): Record<string, { bytes: string; mtime: number }> {
  const out: Record<string, { bytes: string; mtime: number }> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile())
        out[p.slice(dir.length + 1)] = { bytes: readFileSync(p).toString("base64"), mtime: statSync(p).mtimeMs };
    }
  };
  walk(dir);
  return out;
}

const json = (stdout: string) => JSON.parse(stdout) as Report;
const ids = (r: LintResult) => r.messages.map((m) => m.ruleId);

describe("--fix", () => {
  it("writes the fixed note, keeps its mode, and reports the fixed text: the exit status is its verdict", () => {
    const dir = repo({ "daniel.txt": WRONG_NAME });
    chmodSync(join(dir, "daniel.txt"), 0o640);
    const before = runCli([join(dir, "daniel.txt"), "--to", "Priya Shah", "-f", "json"]);
    expect(before.status).toBe(1);
    expect(ids(json(before.stdout).results[0]!)).toEqual(
      expect.arrayContaining(["verdict", "wrong-recipient", "exclamation-run"]),
    );

    const r = runCli([join(dir, "daniel.txt"), "--to", "Priya Shah", "--fix", "-f", "json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, "daniel.txt"), "utf8")).toBe(WRONG_NAME_FIXED);
    expect(statSync(join(dir, "daniel.txt")).mode & 0o777).toBe(0o640);
    const result = json(r.stdout).results[0]!;
    expect(result.passed).toBe(true);
    expect(ids(result)).not.toContain("wrong-recipient");
    expect(ids(result)).not.toContain("exclamation-run");
    expect(result.output).toBe(WRONG_NAME_FIXED);
    // No temporary file is left beside it.
    expect(readdirSync(dir)).toEqual(["daniel.txt"]);
  });

  it("a note that still fails after its fixes: exit 1, the remaining findings reported", () => {
    const dir = repo({ "pitch.txt": PITCH });
    const r = runCli([join(dir, "pitch.txt"), "--fix", "-f", "json"]);
    expect(r.status).toBe(1);
    const result = json(r.stdout).results[0]!;
    expect(result.passed).toBe(false);
    expect(ids(result)).not.toContain("exclamation-run");
    expect(readFileSync(join(dir, "pitch.txt"), "utf8")).toBe(PITCH.replace("!!!", "!"));
  });

  it("is idempotent: a second --fix writes nothing", () => {
    const dir = repo({ "daniel.txt": WRONG_NAME });
    expect(runCli([join(dir, "daniel.txt"), "--to", "Priya Shah", "--fix"]).status).toBe(0);
    utimesSync(join(dir, "daniel.txt"), new Date("2020-01-01T00:00:00Z"), new Date("2020-01-01T00:00:00Z"));
    const once = snapshot(dir);
    const again = runCli([join(dir, "daniel.txt"), "--to", "Priya Shah", "--fix", "-f", "json"]);
    expect(again.status).toBe(0);
    expect(snapshot(dir)).toEqual(once);
    expect(json(again.stdout).results[0]!.output).toBeUndefined();
  });

  it("writes only the notes of the run: config, package.json, rule packs, dot files, other extensions and node_modules stay as they were", () => {
    const fixable = "Hi Priya, I hope this message finds you well. Great meeting you at PyData Denver!!!\n";
    const dir = repo({
      "notes/a.txt": fixable,
      "notes/.draft.txt": fixable,
      "notes/b.csv": fixable,
      "notes/node_modules/c.txt": fixable,
      "notes/empty.yaml": "# no notes yet\n",
      "notes/package.json": JSON.stringify({ name: "x", description: fixable }),
      "notes/.invite-lintrc.yaml": "# I hope this message finds you well!!!\nrules: [../pack]\n",
      "pack/shout.yaml":
        "id: shout\ncheck: tone\nkind: existence\ndescription: Shouting in a note is rude, here too!!!\nseverity: warning\nweight: 1\nmessage: shouting\nhint: I hope this message finds you well.\nphrases: [SHOUT]\nexamples:\n  bad: [SHOUT at you]\n  good: [Hi there]\n",
    });
    const before = snapshot(dir);
    const r = runCli([join(dir, "notes"), "--fix", "-f", "json"]);
    expect(r.stderr).not.toContain("not fixed");
    expect(json(r.stdout).results.map((x) => x.file)).toEqual([join(dir, "notes/a.txt")]);
    const after = snapshot(dir);
    expect(readFileSync(join(dir, "notes/a.txt"), "utf8")).toBe("Hi Priya, Great meeting you at PyData Denver!\n");
    const { "notes/a.txt": _changed, ...rest } = after;
    const { "notes/a.txt": _was, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  it("a YAML file named on the command line that is not a note collection is skipped, never written", () => {
    const compose = "services:\n  web:\n    image: nginx\n    command: echo I hope this message finds you well!!!\n";
    const dir = repo({ "docker-compose.yml": compose, "a.txt": WRONG_NAME });
    const r = runCli([
      join(dir, "docker-compose.yml"),
      join(dir, "a.txt"),
      "--to",
      "Priya Shah",
      "--fix",
      "-f",
      "json",
    ]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, "docker-compose.yml"), "utf8")).toBe(compose);
    expect(statSync(join(dir, "docker-compose.yml")).mtimeMs).toBe(new Date("2020-01-01T00:00:00Z").getTime());
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe(WRONG_NAME_FIXED);
    expect(json(r.stdout).results.map((x) => x.file)).toEqual([join(dir, "a.txt")]);
    expect(r.stderr).toMatch(/^invite-lint: warning: \S*docker-compose\.yml: not a note collection/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("writes nothing when any input of the run has an error: one line, exit 2", () => {
    const dir = repo({ "a.txt": WRONG_NAME, "b.txt": Buffer.from("Hi\u0000there"), "c.yaml": "- text: [unclosed\n" });
    const before = snapshot(dir);
    for (const bad of ["b.txt", "c.yaml", "missing.txt"]) {
      const r = runCli([join(dir, "a.txt"), join(dir, bad), "--to", "Priya Shah", "--fix"]);
      expect(r.status, bad).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n"), bad).toHaveLength(1);
      expect(r.stderr).toMatch(/^(invite-lint: )?\S*(b\.txt|c\.yaml|missing\.txt)/);
      expect(snapshot(dir)).toEqual(before);
    }
    // A bad config is an error before anything is written too.
    writeFileSync(join(dir, ".invite-lintrc.yaml"), "minScore: lots\n");
    const r = runCli([join(dir, "a.txt"), "--to", "Priya Shah", "--fix"]);
    expect(r.status).toBe(2);
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe(WRONG_NAME);
  });

  it("stdin: --fix is refused (nothing to write back to), as ESLint; --fix with --fix-dry-run too", () => {
    for (const args of [["--fix"], ["--fix", "-"], ["--fix", "--fix-dry-run", "-"]]) {
      const r = runCli(args, { input: WRONG_NAME });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^invite-lint: --fix/);
    }
  });

  it("keeps a file's encoding and line ends: UTF-8 with a BOM, UTF-16 with a BOM, CRLF", () => {
    const crlf = WRONG_NAME.replace("\n", "\r\n");
    const dir = repo({
      "bom.txt": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(WRONG_NAME)]),
      "utf16.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WRONG_NAME, "utf16le")]),
      "crlf.txt": crlf,
    });
    const r = runCli([
      join(dir, "bom.txt"),
      join(dir, "utf16.txt"),
      join(dir, "crlf.txt"),
      "--to",
      "Priya Shah",
      "--fix",
      "--sameness",
      "off",
    ]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, "bom.txt"))).toEqual(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(WRONG_NAME_FIXED)]),
    );
    expect(readFileSync(join(dir, "utf16.txt"))).toEqual(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WRONG_NAME_FIXED, "utf16le")]),
    );
    expect(readFileSync(join(dir, "crlf.txt"), "utf8")).toBe(WRONG_NAME_FIXED.replace("\n", "\r\n"));
  });

  it("follows a symbolic link (the link stays a link); a file with other hard links is not replaced, with a warning", () => {
    const dir = repo({ "real.txt": WRONG_NAME, "linked.txt": WRONG_NAME });
    symlinkSync(join(dir, "real.txt"), join(dir, "link.txt"));
    linkSync(join(dir, "linked.txt"), join(dir, "other-name.txt"));
    const r = runCli([
      join(dir, "link.txt"),
      join(dir, "linked.txt"),
      "--to",
      "Priya Shah",
      "--fix",
      "-f",
      "json",
      "--sameness",
      "off",
    ]);
    expect(lstatSync(join(dir, "link.txt")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.txt"))).toBe(join(dir, "real.txt"));
    expect(readFileSync(join(dir, "real.txt"), "utf8")).toBe(WRONG_NAME_FIXED);
    expect(readFileSync(join(dir, "linked.txt"), "utf8")).toBe(WRONG_NAME);
    expect(r.stderr).toBe(
      `invite-lint: warning: ${join(dir, "linked.txt")}: not fixed: it has 2 hard links, which replacing it would split\n`,
    );
    // The report is of what each file now holds: fixed through the link, as it was read for the other.
    const [link, linked] = json(r.stdout).results;
    expect(link!.output).toBe(WRONG_NAME_FIXED);
    expect(ids(link!)).not.toContain("wrong-recipient");
    expect(linked!.output).toBeUndefined();
    expect(ids(linked!)).toContain("wrong-recipient");
    expect(r.status).toBe(1);
  });

  it("--quiet fixes errors only, as ESLint", () => {
    const dir = repo({ "daniel.txt": WRONG_NAME });
    runCli([join(dir, "daniel.txt"), "--to", "Priya Shah", "--fix", "--quiet"]);
    expect(readFileSync(join(dir, "daniel.txt"), "utf8")).toBe(WRONG_NAME.replace("Daniel", "Priya"));
  });

  it("a YAML collection: only the entries' text changes; the file parses to the fixed notes, as the dry run said", () => {
    const yaml = `# templates
- id: one   # first
  text: "Hello, great meeting you at PyData Denver!!!"
  to: Priya Shah
- id: two
  text: |
    Hi Priya, great meeting you at PyData Denver.
    I hope this message finds you well.
- id: three
  text: Hi Priya, your talk on dbt tests at PyData Denver changed how our team works.
`;
    const dir = repo({ "notes.yaml": yaml });
    const dry = runCli([join(dir, "notes.yaml"), "--fix-dry-run", "-f", "json"]);
    const outputs = Object.fromEntries(json(dry.stdout).results.map((x) => [x.file.replace(/.*#/, ""), x.output]));
    expect(outputs).toEqual({
      one: "Hello Priya, great meeting you at PyData Denver!",
      two: "Hi Priya, great meeting you at PyData Denver.\n",
      three: undefined,
    });
    expect(readFileSync(join(dir, "notes.yaml"), "utf8")).toBe(yaml);
    runCli([join(dir, "notes.yaml"), "--fix"]);
    const text = readFileSync(join(dir, "notes.yaml"), "utf8");
    expect(text).toBe(
      yaml
        .replace('"Hello, great meeting you at PyData Denver!!!"', '"Hello Priya, great meeting you at PyData Denver!"')
        .replace("PyData Denver.\n    I hope this message finds you well.\n", "PyData Denver.\n"),
    );
    const parsed = parseYaml(text) as { id: string; text: string }[];
    expect(parsed.map((e) => e.text)).toEqual([outputs.one, outputs.two, parsed[2]!.text]);
    expect(parsed[2]!.text).toBe((parseYaml(yaml) as { text: string }[])[2]!.text);
  });
});

describe("--fix-dry-run", () => {
  it("writes nothing, gives each fixed note its output and none to a note it did not change; the verdict is the fixed text's", () => {
    const dir = repo({ "daniel.txt": WRONG_NAME, "good.txt": GOOD, "pitch.txt": PITCH });
    const before = snapshot(dir);
    const r = runCli([
      join(dir, "daniel.txt"),
      join(dir, "good.txt"),
      "--to",
      "Priya Shah",
      "--fix-dry-run",
      "-f",
      "json",
    ]);
    expect(snapshot(dir)).toEqual(before);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const [daniel, good] = json(r.stdout).results;
    expect(daniel!.output).toBe(WRONG_NAME_FIXED);
    expect(daniel!.passed).toBe(true);
    expect(good).not.toHaveProperty("output");
    expect(Object.keys(daniel!).at(-1)).toBe("output");
    const failing = runCli([join(dir, "pitch.txt"), "--fix-dry-run", "-f", "json"]);
    expect(failing.status).toBe(1);
    expect(json(failing.stdout).results[0]!.output).toBe(PITCH.replace("!!!", "!"));
    expect(snapshot(dir)).toEqual(before);
  });

  it("reads stdin, and gives the fixed text as output", () => {
    const r = runCli(["--fix-dry-run", "-f", "json", "--to", "Priya Shah"], { input: WRONG_NAME });
    expect(r.status).toBe(0);
    const result = json(r.stdout).results[0]!;
    expect(result.file).toBe("<stdin>");
    expect(result.output).toBe(WRONG_NAME_FIXED);
  });

  it("stdin named as a collection by --stdin-filename: each fixed entry's text", () => {
    const r = runCli(["--fix-dry-run", "-f", "json", "--stdin-filename", "notes.yaml"], {
      input:
        "a: Great meeting you at PyData Denver!!!\nb: Hi Priya, your talk on dbt tests at PyData Denver changed how our team works.\n",
    });
    const results = json(r.stdout).results;
    expect(results.map((x) => [x.file, x.output])).toEqual([
      ["notes.yaml#a", "Great meeting you at PyData Denver!"],
      ["notes.yaml#b", undefined],
    ]);
  });
});

describe("writing a fixed file", () => {
  it("does not overwrite a file whose content changed since it was read", () => {
    const dir = repo({ "a.txt": WRONG_NAME });
    const p = join(dir, "a.txt");
    writeFileSync(p, GOOD);
    expect(writeFixed(p, WRONG_NAME, WRONG_NAME_FIXED)).toBe("it changed since it was read");
    expect(readFileSync(p, "utf8")).toBe(GOOD);
    expect(writeFixed(p, GOOD, "x")).toBeUndefined();
    expect(readFileSync(p, "utf8")).toBe("x");
  });

  it("does not write back a file read with --binary (its bytes would not come back as they were)", () => {
    const bytes = Buffer.from("Great meeting you at PyData Denver!!!\u0000\n");
    const dir = repo({ "b.txt": bytes });
    const r = runCli([join(dir, "b.txt"), "--binary", "--fix"]);
    expect(readFileSync(join(dir, "b.txt"))).toEqual(bytes);
    expect(r.stderr).toBe(
      `invite-lint: warning: ${join(dir, "b.txt")}: not fixed: it does not hold text that can be written back as it was read\n`,
    );
  });
});
