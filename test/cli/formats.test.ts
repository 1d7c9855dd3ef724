import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";

// CommonJS packages: their classes sit on `.default` under Node's ESM interop.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;
import { describe, expect, it } from "vitest";
import { ROOT, expectGolden, runCli } from "../helpers.js";
import type { Report } from "../../src/engine/types.js";

/** A fixture repository of templates: a plain note, Markdown with front matter, a YAML collection. */
const REPO = join(ROOT, "test/fixtures/formats/repo");
const GOLDEN = join(ROOT, "test/fixtures/formats/expected");
const FORMATS = ["stylish", "json", "sarif", "github", "unix", "markdown"] as const;

function lintRepo(format: string) {
  return runCli(["templates", "-f", format], { cwd: REPO });
}

describe("report formats on a repository of templates", () => {
  it.each(FORMATS)("%s matches its golden file", (format) => {
    const r = lintRepo(format);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    expectGolden(join(GOLDEN, `${format}.txt`), r.stdout);
  });

  it("SARIF validates against the SARIF 2.1.0 schema and carries rules, locations and scores", () => {
    const sarif = JSON.parse(lintRepo("sarif").stdout);
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const schema = JSON.parse(readFileSync(join(ROOT, "test/fixtures/sarif-2.1.0-rtm.5.json"), "utf8"));
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(sarif);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain("stock-invitation");
    for (const res of run.results) {
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(res.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    }
    expect(run.artifacts.every((a: { properties: { score: number } }) => Number.isInteger(a.properties.score))).toBe(
      true,
    );
  });

  it("github annotations parse back into fields that point at the right line of each file", () => {
    const out = lintRepo("github").stdout.trimEnd().split("\n");
    const annotations = out.filter((l) => /^::(error|warning|notice) /.test(l));
    expect(annotations.length).toBeGreaterThan(5);
    for (const line of annotations) {
      const m = /^::(error|warning|notice) (.*?)::(.*)$/.exec(line)!;
      const props = Object.fromEntries(m[2]!.split(",").map((kv) => kv.split("=") as [string, string]));
      expect(Object.keys(props)).toEqual(["file", "line", "col", "endLine", "endColumn", "title"]);
      expect(existsSync(join(REPO, props.file!)), props.file).toBe(true);
      expect(props.title).toMatch(/^invite-lint \[[a-z-]+\]$/);
      const source = readFileSync(join(REPO, props.file!), "utf8").split("\n");
      expect(Number(props.line)).toBeLessThanOrEqual(source.length);
    }
    const stock = annotations.find(
      (l) => l.includes("file=templates/outreach.yaml") && l.includes("[stock-invitation]"),
    )!;
    expect(stock).toContain("line=10,col=9,");
    expect(out.filter((l) => l.startsWith("::group::"))).toHaveLength(5);
    expect(out[out.length - 1]).toMatch(/^invite-lint: 5 notes, 2 passed, 3 failed/);
  });

  it("positions in Markdown and collections point at the matched text in the source", () => {
    const report = JSON.parse(lintRepo("json").stdout) as Report;
    let checked = 0;
    for (const r of report.results) {
      const source = readFileSync(join(REPO, r.file.replace(/#.*$/, "")), "utf8");
      const lines = source.split("\n");
      for (const m of r.messages) {
        if (m.offset === m.endOffset) continue;
        const bySpan = source.slice(m.offset, m.endOffset);
        const byLine = lines[m.line - 1]!.slice(m.column - 1, m.line === m.endLine ? m.endColumn - 1 : undefined);
        expect(byLine.startsWith(bySpan.split("\n")[0]!)).toBe(true);
        const quoted = /"([^"]+)"/.exec(m.message)?.[1];
        if (quoted && m.ruleId !== "note-too-long") expect(bySpan.replace(/\s+/g, " ")).toBe(quoted);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
    const md = report.results.find((r) => r.file.endsWith("meetup.md"))!;
    expect(md.messages.some((m) => m.ruleId === "meeting-ask")).toBe(false);
  });
});
