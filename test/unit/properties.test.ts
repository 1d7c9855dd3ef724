import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { lintFiles } from "../../src/index.js";
import { checkResult, noteArbitrary, properties } from "../properties.js";
import { makeTempDir } from "../helpers.js";

describe("properties over arbitrary notes (fast-check)", () => {
  it("lint never throws; score 0..100; positions inside the text", () => {
    fc.assert(properties.wellFormed, { numRuns: 300 });
  });
  it("the JSON output always parses", () => {
    fc.assert(properties.jsonParses, { numRuns: 150 });
  });
  it("linting the same text twice gives the same result", () => {
    fc.assert(properties.deterministic, { numRuns: 150 });
  });
  it("lintFiles never writes to the file system: contents and modification times are unchanged", async () => {
    const dir = makeTempDir("invite-lint-prop-");
    await fc.assert(
      fc.asyncProperty(noteArbitrary, fc.constantFrom("note.txt", "note.md", "notes.yaml"), async (text, name) => {
        const file = join(dir, name);
        const note = text.replace(/\0/g, "");
        // A collection entry whose text is the note, written by a YAML library so that it is valid YAML.
        const body = name.endsWith(".yaml") ? stringify([{ id: "a", text: note }]) : note;
        writeFileSync(file, body);
        const before = statSync(file).mtimeMs;
        const results = await lintFiles([file], { noConfig: true });
        expect(results).toHaveLength(1);
        checkResult(body, results[0]!);
        expect(readFileSync(file, "utf8")).toBe(body);
        expect(statSync(file).mtimeMs).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});
