import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "vscode-languageserver-protocol/node.js";
import { makeTempTree } from "../helpers.js";
import { TestClient } from "./client.js";

const STOCK = "I'd like to add you to my professional network on LinkedIn.";
const GOOD =
  "Hi Priya, great meeting you at the Denver PyData meetup last week. Your talk on dbt tests changed how our team works; happy to send you the checklist we built from it.";
const PLAYBOOK = `# Templates\n\nOne section a note.\n\n## After a meetup\n\n${GOOD}\n\n## Stock\n\n${STOCK}\n`;

describe("language server: Markdown collections", () => {
  const ws = makeTempTree({
    ".invite-lintrc.yaml": 'sections: ["playbook.md"]\n',
    "playbook.md": PLAYBOOK,
    "single.md": PLAYBOOK,
  });
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start(ws);
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  const lines = PLAYBOOK.split("\n");
  const [introLine, goodLine, stockLine] = ["One section a note.", GOOD, STOCK].map((l) => lines.indexOf(l));
  /** Lines of the findings about a whole note: they sit, zero-width, where the note's text starts. */
  const noteStarts = (ds: Diagnostic[]) =>
    [
      ...new Set(
        ds
          .filter((d) => d.range.start.line === d.range.end.line && d.range.start.character === d.range.end.character)
          .map((d) => d.range.start.line),
      ),
    ].sort((x, y) => x - y);

  it("a file the config's sections name is a note per section: the stock section fails on its own", async () => {
    const ds = await client.open(join(ws, "playbook.md"), PLAYBOOK, "markdown");
    expect(ds.filter((d) => d.code === "stock-invitation").map((d) => d.range.start.line)).toEqual([stockLine]);
    // One verdict, on the stock section; the section after the meetup passes.
    expect(ds.filter((d) => d.code === "verdict").map((d) => d.range.start.line)).toEqual([stockLine]);
    for (const line of noteStarts(ds)) expect([goodLine, stockLine]).toContain(line);
  });

  it("the same text in a file sections does not name is one note: whole-note findings sit where the file's text starts", async () => {
    const ds = await client.open(join(ws, "single.md"), PLAYBOOK, "markdown");
    expect(ds.filter((d) => d.code === "stock-invitation").map((d) => d.range.start.line)).toEqual([stockLine]);
    expect(noteStarts(ds)).toEqual([introLine]);
  });
});
