// --cache: a re-run over unchanged files reuses their results and reports the same; any change
// of a note, its config, a rule or the run's options lints again; a bad cache file is replaced.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers.js";
import { ResultCache, cacheFile } from "../../src/node/cache.js";
import type { Report } from "../../src/engine/types.js";

const TEMPLATE = (name: string) =>
  `Hi ${name}, I saw that your team just opened a data platform group in Rotterdam. We built one last year and wrote down what worked when hiring the first four engineers. Happy to send you the notes.`;
const OWN =
  "Hi Lena, congrats on shipping the warehouse routing engine - the write-up on batching picks by aisle was the clearest I have read this year.";
const PACK_RULE = (phrase: string) =>
  `id: my-agency-pitch\ncheck: tone\nkind: existence\ndescription: Agencies announcing their services.\nseverity: warning\nweight: 30\nmessage: '"{match}" reads like an agency pitch'\nhint: Lead with why you are writing.\nphrases:\n  en: ["${phrase}"]\n`;

function repo(): string {
  const dir = makeTempDir("invite-lint-cache-");
  mkdirSync(join(dir, "notes"));
  mkdirSync(join(dir, "pack"));
  writeFileSync(join(dir, ".invite-lintrc.yaml"), "rules: [./pack]\n");
  writeFileSync(join(dir, "pack/my-agency-pitch.yaml"), PACK_RULE("full-service agency"));
  writeFileSync(join(dir, "notes/a.txt"), TEMPLATE("Priya"));
  writeFileSync(join(dir, "notes/b.txt"), TEMPLATE("Tom"));
  writeFileSync(join(dir, "notes/c.txt"), `${OWN} We are a full-service agency too.`);
  writeFileSync(join(dir, "notes/d.yaml"), `- id: x\n  text: "${TEMPLATE("Ana")}"\n- id: y\n  text: "${OWN}"\n`);
  return dir;
}

const report = (dir: string, ...args: string[]) => {
  const r = runCli(["notes", "-f", "json", ...args], { cwd: dir });
  expect(r.stderr).toBe("");
  return r.stdout;
};
/** How many files' entries the cache holds, and their keys. */
const entries = (dir: string, file = ".invite-lintcache") => {
  const data = JSON.parse(readFileSync(join(dir, file), "utf8")) as {
    run: string;
    files: Record<string, { key: string }>;
  };
  return {
    run: data.run,
    keys: Object.fromEntries(Object.entries(data.files).map(([f, e]) => [f.slice(dir.length + 1), e.key])),
  };
};

describe("--cache", () => {
  it("a re-run reports byte for byte what a run without the cache reports, near-duplicates included", () => {
    const dir = repo();
    const plain = report(dir);
    expect(JSON.parse(plain).clusters).toHaveLength(2);
    expect(report(dir, "--cache")).toBe(plain);
    expect(Object.keys(entries(dir).keys).sort()).toEqual([
      "notes/a.txt",
      "notes/b.txt",
      "notes/c.txt",
      "notes/d.yaml",
    ]);
    const mtime = statSync(join(dir, ".invite-lintcache")).mtimeMs;
    expect(report(dir, "--cache")).toBe(plain);
    // Nothing changed: the cache file is not rewritten.
    expect(statSync(join(dir, ".invite-lintcache")).mtimeMs).toBe(mtime);
    for (const format of ["stylish", "sarif", "unix"]) {
      expect(runCli(["notes", "-f", format, "--cache"], { cwd: dir }).stdout).toBe(
        runCli(["notes", "-f", format], { cwd: dir }).stdout,
      );
    }
  });

  it("a changed note is linted again, and the near-duplicate warnings of the others follow it", () => {
    const dir = repo();
    report(dir, "--cache");
    const before = entries(dir).keys;
    writeFileSync(
      join(dir, "notes/b.txt"),
      "Hi Tom, thanks for the intro to Marco at the Rotterdam meetup last week. Happy to return the favour any time.",
    );
    const cached = report(dir, "--cache");
    expect(cached).toBe(report(dir));
    const after = entries(dir).keys;
    expect(after["notes/b.txt"]).not.toBe(before["notes/b.txt"]);
    expect(after["notes/a.txt"]).toBe(before["notes/a.txt"]);
    const warned = (JSON.parse(cached) as Report).results
      .filter((r) => r.messages.some((m) => m.ruleId === "near-duplicate"))
      .map((r) => r.file);
    expect(warned).toEqual(["notes/a.txt", "notes/c.txt", "notes/d.yaml#x", "notes/d.yaml#y"]);
    expect((JSON.parse(cached) as Report).clusters!.map((c) => c.size)).toEqual([2, 2]);
  });

  it("editing a rule of the config's pack invalidates the entries linted with it", () => {
    const dir = repo();
    const first = JSON.parse(report(dir, "--cache")) as Report;
    const before = entries(dir).keys;
    expect(first.results.find((r) => r.file === "notes/c.txt")!.messages.map((m) => m.ruleId)).toContain(
      "my-agency-pitch",
    );
    writeFileSync(join(dir, "pack/my-agency-pitch.yaml"), PACK_RULE("boutique studio"));
    const second = JSON.parse(report(dir, "--cache")) as Report;
    expect(second.results.find((r) => r.file === "notes/c.txt")!.messages.map((m) => m.ruleId)).not.toContain(
      "my-agency-pitch",
    );
    const after = entries(dir).keys;
    for (const f of Object.keys(before)) expect(after[f], f).not.toBe(before[f]);
    // And the config file itself.
    writeFileSync(join(dir, ".invite-lintrc.yaml"), "rules: [./pack]\nminScore: 90\n");
    const third = JSON.parse(report(dir, "--cache")) as Report;
    expect(third.results.map((r) => r.passed)).toEqual(
      JSON.parse(report(dir)).results.map((r: { passed: boolean }) => r.passed),
    );
    expect(entries(dir).keys["notes/a.txt"]).not.toBe(after["notes/a.txt"]);
  });

  it("other options, another version or another built-in rule set start a new cache", () => {
    const dir = repo();
    report(dir, "--cache");
    const run = entries(dir).run;
    expect(report(dir, "--cache", "--to", "Priya")).toBe(report(dir, "--to", "Priya"));
    expect(entries(dir).run).not.toBe(run);
    const key = (v: unknown) => new ResultCache(join(dir, "x"), v);
    // The run key is a digest of the version, the built-in rules' digest and the options.
    const a = key({ version: "1.0.0", rules: "r1" });
    a.set("n.txt", { key: "k", results: "[]", leads: [] });
    a.save();
    expect(new ResultCache(join(dir, "x"), { version: "1.0.0", rules: "r1" }).get("n.txt", "k")).toBeDefined();
    expect(new ResultCache(join(dir, "x"), { version: "1.0.1", rules: "r1" }).get("n.txt", "k")).toBeUndefined();
    expect(new ResultCache(join(dir, "x"), { version: "1.0.0", rules: "r2" }).get("n.txt", "k")).toBeUndefined();
  });

  it("a corrupt cache file is ignored and rewritten; an unwritable one is a warning, not a failure", () => {
    const dir = repo();
    const plain = report(dir);
    for (const junk of [
      "{not json",
      '{"format":1,"run":"x"}',
      '{"format":1,"run":"x","files":{"a":{"key":1,"results":5}}}',
      "",
    ]) {
      writeFileSync(join(dir, ".invite-lintcache"), junk);
      expect(report(dir, "--cache")).toBe(plain);
      expect(Object.keys(entries(dir).keys)).toHaveLength(4);
    }
    // An entry whose results are not JSON is linted again.
    const data = JSON.parse(readFileSync(join(dir, ".invite-lintcache"), "utf8"));
    for (const f of Object.values(data.files) as { results: string }[]) f.results = "[{";
    writeFileSync(join(dir, ".invite-lintcache"), JSON.stringify(data));
    expect(report(dir, "--cache")).toBe(plain);
    if (process.getuid?.() !== 0) {
      const ro = join(dir, "ro");
      mkdirSync(ro);
      chmodSync(ro, 0o500);
      const r = runCli(["notes", "-f", "json", "--cache-location", "ro/"], { cwd: dir });
      expect(r.stdout).toBe(plain);
      expect(r.stderr).toMatch(/^invite-lint: warning: cache not written to .*ro\/\.invite-lintcache: /);
    }
    // A cache file where a folder is needed cannot be written: a warning.
    writeFileSync(join(dir, "blocked"), "");
    const r = runCli(["notes", "-f", "json", "--cache-location", join(dir, "blocked/sub/")], { cwd: dir });
    expect(r.stdout).toBe(plain);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^invite-lint: warning: cache not written to /);
    expect(r.status).toBe(1);
  });

  it("a --cache-location folder that is not there yet is made, as ESLint does", () => {
    const dir = repo();
    const r = runCli(["notes", "-f", "json", "--cache-location", "no/such/folder/"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(existsSync(join(dir, "no/such/folder/.invite-lintcache"))).toBe(true);
  });

  it("--cache-location names a file, or a folder to keep .invite-lintcache in", () => {
    const dir = repo();
    mkdirSync(join(dir, "tmp"));
    report(dir, "--cache-location", "tmp");
    expect(existsSync(join(dir, "tmp/.invite-lintcache"))).toBe(true);
    report(dir, "--cache", "--cache-location", "my.cache");
    expect(Object.keys(entries(dir, "my.cache").keys)).toHaveLength(4);
    expect(cacheFile(undefined, dir)).toBe(join(dir, ".invite-lintcache"));
    expect(cacheFile("new-dir/", dir)).toBe(join(dir, "new-dir/.invite-lintcache"));
    expect(existsSync(join(dir, ".invite-lintcache"))).toBe(false);
  });

  it("--quiet re-runs: what the report layer filters is not what the cache keeps", () => {
    const dir = repo();
    const quiet = runCli(["notes", "-f", "json", "--cache", "--quiet"], { cwd: dir }).stdout;
    expect(quiet).toBe(runCli(["notes", "-f", "json", "--quiet"], { cwd: dir }).stdout);
    expect(report(dir, "--cache")).toBe(report(dir));
  });
});
