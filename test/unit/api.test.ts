// The API checks what it is given and hands results over one way: lintRun yields them, the
// report writer owns buffering and streaming.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import * as browser from "../../src/browser.js";
import { makeTempDir, ROOT } from "../helpers.js";

const GOOD =
  "Hi Priya, great meeting you at the PyData Denver meetup on Tuesday. Your talk on query planning fixed a bug we had for weeks; happy to send you our benchmark notes.";

describe("lint validates its arguments with an exported error type", () => {
  const bad: [unknown, unknown, RegExp][] = [
    [undefined, {}, /^lint: the note must be a string, not undefined$/],
    [42, undefined, /^lint: the note must be a string, not 42$/],
    ["hi", { type: "friend" }, /^lint: option "type" must be one of reconnect, cold, .* not "friend"$/],
    ["hi", { kind: "friend" }, /^lint: option "type" must be one of .* not "friend"$/],
    ["hi", { type: "cld" }, /did you mean "cold"\?$/],
    ["hi", { minScroe: 80 }, /^lint: unknown option "minScroe"; did you mean "minScore"\?$/],
    ["hi", { to: ["Priya"] }, /^lint: option "to" must be a string, not a list$/],
    ["hi", { minScore: 101 }, /^lint: option "minScore" must be a whole number from 0 to 100, not 101$/],
    ["hi", { account: "gold" }, /^lint: option "account" must be "free" or "premium", not "gold"$/],
    ["hi", { lang: "xx" }, /^lint: option "lang" must be auto or one of en, /],
    ["hi", { allow: "Let's connect" }, /^lint: option "allow" must be a list of strings$/],
    ["hi", { settings: { "no-contxt": "off" } }, /^unknown rule or check id "no-contxt"; did you mean "no-context"\?$/],
    ["hi", { settings: { "no-context": "of" } }, /^setting of "no-context" must be off, info, warning or error/],
    ["hi", "cold", /^lint: options must be an object, not "cold"$/],
  ];
  it.each(bad)("lint(%j, %j)", (text, options, message) => {
    for (const entry of [api, browser]) {
      let thrown: unknown;
      try {
        entry.lint(text as string, options as api.LintOptions);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(entry.UsageError);
      expect((thrown as Error).message).toMatch(message);
    }
  });

  it("`kind`, the older name of `type`, lints the same; good options pass through", () => {
    const text = "Hi Dan, hope all is well! Would love to connect.";
    expect(api.lint(text, { kind: "reconnect" } as api.LintOptions)).toEqual(api.lint(text, { type: "reconnect" }));
    expect(api.lint(text, { type: "reconnect" }).messages.map((m) => m.ruleId)).toContain(
      "reconnect-without-shared-past",
    );
    expect(
      api.lint(text, { to: "Dan", company: undefined, minScore: 60, account: "free", lang: "en", allow: [] }).limit,
    ).toBe(200);
    expect(api.NOTE_TYPES).toContain("job-seeker");
  });
});

describe("lintRun: results as an async iterable, clusters and rule metadata after", () => {
  it("yields one result per note in input order, then has the clusters and the rules used", async () => {
    const dir = makeTempDir("invite-lint-run-");
    const files = ["a.txt", "b.txt", "c.txt"].map((f) => join(dir, f));
    writeFileSync(files[0]!, GOOD);
    writeFileSync(files[1]!, GOOD.replace("Priya", "Tom"));
    writeFileSync(files[2]!, "Hi Ana, thanks for the intro to Marco last week. Happy to return the favour any time.");
    const run = api.lintRun(files);
    expect(run.clusters).toEqual([]);
    const seen: string[] = [];
    for await (const r of run) seen.push(r.file);
    expect(seen).toEqual(files);
    expect(run.clusters.map((c) => c.members.map((m) => m.file))).toEqual([[files[0], files[1]]]);
    const ids = run.rulesMeta.map((r) => r.id);
    expect(ids).toContain("stock-invitation");
    expect(ids).toContain("near-duplicate");
    expect(await api.lintFiles(files)).toHaveLength(3);
  });

  it("a user pack's rules come with the results linted with it", async () => {
    const pack = join(ROOT, "test/fixtures/config/user-pack/notes/agency.txt");
    const run = api.lintRun([pack]);
    for await (const _ of run) void _;
    expect(run.rulesMeta.find((r) => r.id === "agency-pitch")).toMatchObject({
      builtin: false,
      description: "Agencies announcing their services in a first note.",
    });
  });
});

describe("writeReport owns buffering and streaming", () => {
  const results = (n: number): api.LintRun => {
    const r = api.lint(GOOD);
    return {
      async *[Symbol.asyncIterator]() {
        for (let i = 0; i < n; i++) yield { ...r, file: `n${i}.txt` };
      },
      clusters: [],
      rulesMeta: api.builtinRules.rules,
    };
  };
  const sink = () => {
    const writes: string[] = [];
    let opened = 0;
    return {
      writes,
      opened: () => opened,
      open: () => {
        opened++;
        return { write: (t: string) => void writes.push(t) };
      },
    };
  };

  it("a small run is written once, at the end, and equals format() of the whole report", async () => {
    const s = sink();
    const summary = await api.writeReport(results(3), "json", {}, s.open);
    expect(s.opened()).toBe(1);
    expect(s.writes).toHaveLength(1);
    const report = JSON.parse(s.writes[0]!) as api.Report;
    expect(summary).toEqual(report.summary);
    expect(s.writes[0]).toBe(api.format(report, "json"));
  });

  it("past streamAfter results a streamable format writes result by result; SARIF waits for the end", async () => {
    const s = sink();
    await api.writeReport(results(10), "stylish", { streamAfter: 4 }, s.open);
    expect(s.writes.length).toBeGreaterThan(5);
    const sarif = sink();
    await api.writeReport(results(10), "sarif", { streamAfter: 4 }, sarif.open);
    expect(sarif.writes).toHaveLength(1);
    expect(JSON.parse(sarif.writes[0]!).runs[0].artifacts).toHaveLength(10);
  });

  it("a run that throws before the end opens no sink", async () => {
    const s = sink();
    const failing: api.LintRun = {
      async *[Symbol.asyncIterator]() {
        yield api.lint(GOOD);
        throw new api.InputError("b.txt: no such file");
      },
      clusters: [],
      rulesMeta: [],
    };
    await expect(api.writeReport(failing, "stylish", {}, s.open)).rejects.toThrow("b.txt: no such file");
    expect(s.opened()).toBe(0);
  });

  it("--quiet's filter leaves errors, and the summary counts what is reported", async () => {
    const s = sink();
    const stock: api.LintRun = {
      async *[Symbol.asyncIterator]() {
        yield api.lint("I'd like to add you to my professional network on LinkedIn.");
      },
      clusters: [],
      rulesMeta: [],
    };
    const summary = await api.writeReport(stock, "json", { quiet: true }, s.open);
    const report = JSON.parse(s.writes.join("")) as api.Report;
    expect(report.results[0]!.messages.map((m) => m.severity)).toEqual(["error"]);
    expect(summary).toMatchObject({ errors: 1, warnings: 0, infos: 0, failed: 1 });
  });
});
