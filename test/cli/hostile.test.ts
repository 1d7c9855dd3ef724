import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runCli, makeTempDir } from "../helpers.js";
import type { Report } from "../../src/engine/types.js";

const GOOD = "Hi Priya, great meeting you at the Denver PyData meetup last week. Happy to send you the checklist.";

function dir(files: Record<string, string | Buffer> = {}): string {
  const d = makeTempDir("invite-lint-hostile-");
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(d, name, ".."), { recursive: true });
    writeFileSync(join(d, name), content);
  }
  return d;
}

/** Exit 2, nothing on stdout, one line on stderr, no stack trace. */
function expectInputError(r: { status: number | null; stdout: string; stderr: string }, pattern: RegExp) {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at |Error: /);
}

function json(r: { stdout: string }): Report {
  return JSON.parse(r.stdout) as Report;
}

describe("hostile and broken input", () => {
  it("a missing file, an empty folder and a file name too long: exit 2 with one line", () => {
    const d = dir({ "empty/.keep": "" });
    expectInputError(runCli([join(d, "nope.txt")]), /nope\.txt: no such file/);
    expectInputError(runCli([join(d, "empty")]), /folder has no note files/);
    expectInputError(runCli([join(d, `${"n".repeat(300)}.txt`)]), /\.txt: file name too long/);
  });

  it("a file without read permission: exit 2 with one line (as root, the run is another user's, who cannot read it)", () => {
    const d = dir({ "locked.txt": GOOD });
    chmodSync(d, 0o755);
    chmodSync(join(d, "locked.txt"), 0o000);
    const nobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    expectInputError(runCli([join(d, "locked.txt")], { ...nobody, cwd: d }), /locked\.txt: permission denied/);
  });

  it("a folder given as the input lints the notes inside it", () => {
    const d = dir({ "a.txt": GOOD, "sub/b.md": GOOD, "ignored.bin": "x" });
    const r = runCli([d, "-f", "json"]);
    expect(json(r).results.map((x) => x.file.slice(d.length + 1))).toEqual(["a.txt", "sub/b.md"]);
  });

  it("empty and whitespace-only notes, from a file or stdin, are findings (exit 1), not crashes", () => {
    const d = dir({ "empty.txt": "", "blank.txt": "  \n\t \n" });
    for (const args of [[join(d, "empty.txt")], [join(d, "blank.txt")], []]) {
      const r = runCli([...args, "-f", "json"], { input: args.length ? "" : "   " });
      expect(r.status).toBe(1);
      const res = json(r).results[0]!;
      expect(res.score).toBe(0);
      expect(res.messages.map((m) => m.ruleId)).toContain("empty-note");
    }
  });

  it("binary files are refused unless --binary; invalid UTF-8 is refused with the byte offset", () => {
    const d = dir({
      "bin.txt": Buffer.from([0x48, 0x69, 0x00, 0x01, 0x02]),
      "bad.txt": Buffer.concat([Buffer.from("Hi Rosa, caf"), Buffer.from([0xc3, 0x28]), Buffer.from(" ok")]),
    });
    expectInputError(runCli([join(d, "bin.txt")]), /binary file \(NUL byte at offset 2\)/);
    expect(runCli([join(d, "bin.txt"), "--binary", "-f", "json"]).status).toBe(1);
    expectInputError(runCli([join(d, "bad.txt")]), /invalid UTF-8 at byte 12/);
    expectInputError(
      runCli([], { input: Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x41].slice(2)) }),
      /<stdin>: (binary file|invalid UTF-8)/,
    );
  });

  it("a UTF-8 BOM, a UTF-16 file with BOM, CRLF and lone CR keep positions right", () => {
    const text = "Hi Rosa,\r\nI came across your profile.\rGreat to meet you!!";
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const d = dir({ "bom.txt": `\ufeff${text}`, "utf16.txt": utf16, "plain.txt": text });
    for (const f of ["bom.txt", "utf16.txt", "plain.txt"]) {
      const res = json(runCli([join(d, f), "-f", "json"])).results[0]!;
      const boiler = res.messages.find((m) => m.ruleId === "boilerplate-phrase")!;
      expect([boiler.line, boiler.column, boiler.endLine, boiler.endColumn], f).toEqual([2, 1, 2, 27]);
      const bang = res.messages.find((m) => m.ruleId === "exclamation-run")!;
      expect([bang.line, bang.column], f).toEqual([3, 18]);
    }
  });

  it("emoji, combining marks, right-to-left text and zero-width characters: columns in UTF-16 code units", () => {
    const text = "Hi José 👋🏽 \u200bמרים, great to meet you!!";
    const res = json(runCli(["-f", "json"], { input: text })).results[0]!;
    const bang = res.messages.find((m) => m.ruleId === "exclamation-run")!;
    expect(bang.column).toBe(text.indexOf("!!") + 1);
    expect(text.slice(bang.offset, bang.endOffset)).toBe("!!");
  });

  it("very long lines and inputs over --max-bytes: bounded, and refused with exit 2 past the limit", () => {
    const long = `Hi Rosa, ${"great to meet you at FOSDEM ".repeat(4000)}`;
    const r = runCli(["-f", "json"], { input: long });
    expect(r.status).toBe(1);
    expect(json(r).results[0]!.messages.some((m) => m.ruleId === "note-too-long")).toBe(true);
    const d = dir({ "big.txt": "a ".repeat(1_100_000) });
    expectInputError(runCli([join(d, "big.txt")]), /larger than --max-bytes 2097152/);
    expectInputError(
      runCli(["--max-bytes", "1000"], { input: "x".repeat(5000) }),
      /<stdin>: larger than --max-bytes 1000/,
    );
  });

  it("stdin that is a terminal with no file: prints help and exits 2 instead of waiting", () => {
    const r = spawnSync("script", ["-qec", `${process.execPath} ${BIN}`, "/dev/null"], {
      encoding: "utf8",
      timeout: 20_000,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: "" },
    });
    expect(r.signal).toBeNull();
    expect(r.stdout).toContain("Usage: invite-lint");
    expect(r.stdout).toContain("no input");
    expect(r.status).toBe(2);
  });

  it("output into a closed pipe ends quietly, without an EPIPE trace", () => {
    const d = dir(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`n${i}.txt`, GOOD])));
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" "${d}" | head -1`], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toBe("");
  });

  it("SIGINT during a large batch stops with status 130 and one line", async () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => `- id: n${i}\n  text: "${GOOD}"`).join("\n");
    const d = dir({ "big.yaml": entries });
    const child = spawn(process.execPath, [BIN, join(d, "big.yaml"), "--max-bytes", "10000000", "-f", "json"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((r) => child.on("close", (c) => r(c)));
    expect(code).toBe(130);
    expect(stderr.trim()).toBe("invite-lint: interrupted");
  });

  it("never writes to the linted files", () => {
    const d = dir({
      "a.txt": GOOD,
      "b.md": `---\nto: Priya\n---\n${GOOD}\n`,
      "c.yaml": `- id: x\n  text: "${GOOD}"\n`,
    });
    const before = ["a.txt", "b.md", "c.yaml"].map((f) => [
      readFileSync(join(d, f), "utf8"),
      statSync(join(d, f)).mtimeMs,
    ]);
    // The runs must have linted the three notes, or there was nothing that could have written.
    expect(json(runCli([d, "-f", "json"])).results).toHaveLength(3);
    expect(runCli([d, "--report-unused-disable-directives"]).stdout).toContain("3 notes pass");
    const after = ["a.txt", "b.md", "c.yaml"].map((f) => [
      readFileSync(join(d, f), "utf8"),
      statSync(join(d, f)).mtimeMs,
    ]);
    expect(after).toEqual(before);
  });

  it("hostile config files: deep nesting, huge files, alias bombs, custom tags give exit 2 with file:line:column", () => {
    const deep = `allow: ${"[".repeat(200)}${"]".repeat(200)}\n`;
    const cases: Record<string, string> = {
      deep,
      huge: `allow:\n${"  - filler phrase\n".repeat(70_000)}`,
      bomb: 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nallow: *d\n',
      tag: "minScore: !!binary aGVsbG8=\n",
    };
    for (const [name, config] of Object.entries(cases)) {
      const d = dir({ ".invite-lintrc.yaml": config, "note.txt": GOOD });
      const r = runCli([join(d, "note.txt")]);
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toMatch(/\.invite-lintrc\.yaml:\d+:\d+: /);
      expect(r.stderr.trim().split("\n"), name).toHaveLength(1);
    }
  });

  it("a YAML collection with broken entries reports file:line:column", () => {
    const d = dir({
      "c.yaml": "- id: a\n  text: fine note here\n- id: b\n  text: [not, a, string]\n",
      "d.yaml": '- id: a\n  text: "unclosed\n',
    });
    expectInputError(runCli([join(d, "c.yaml")]), /c\.yaml:4:9: entry "b": the note text must be a string/);
    expect(runCli([join(d, "d.yaml")]).status).toBe(2);
  });

  it("a ReDoS pattern in a user rule pack runs in bounded time against a hostile note", () => {
    const d = dir({
      ".invite-lintrc.yaml": "rules: [./pack]\n",
      "pack/redos.yaml":
        "id: redos\ncheck: tone\nkind: existence\ndescription: Catastrophic on backtracking engines.\nmessage: m\nhint: h\npatterns: ['(a+)+$', '(\\w+\\s?)*$']\n",
      "note.txt": `${"a".repeat(30_000)}!`,
    });
    const r = runCli([join(d, "note.txt"), "-f", "json"]);
    expect(r.status).toBe(1);
    expect(json(r).results).toHaveLength(1);
  });
});
