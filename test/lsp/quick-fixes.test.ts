import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeAction } from "vscode-languageserver-protocol/node.js";
import { parse } from "yaml";
import { makeTempTree } from "../helpers.js";
import { TestClient } from "./client.js";

/** The document with a code action's edits made. */
function applied(text: string, action: CodeAction, lineStarts: number[]): string {
  const edits = Object.values(action.edit!.changes!)[0]!;
  const at = (p: { line: number; character: number }) => lineStarts[p.line]! + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => at(b.range.start) - at(a.range.start)))
    out = out.slice(0, at(e.range.start)) + e.newText + out.slice(at(e.range.end));
  return out;
}
const starts = (text: string) => [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];

describe("language server: quick fixes in a collection are written in the entry's own style", () => {
  const SINGLE =
    "- id: a\n  to: \"D'Arcy Lane\"\n  text: 'Hi Tom, great meeting you at the PyData meetup, thanks for the dbt tip.'\n";
  const DOUBLE = '- id: a\n  text: "Great to meet you at RustConf\\u0021!! We talked about wasm builds."\n';
  const ws = makeTempTree({ "single.yaml": SINGLE, "double.yaml": DOUBLE });
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start(ws);
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  it("a name with an apostrophe goes into a single-quoted entry as ''", async () => {
    const ds = await client.open(join(ws, "single.yaml"), SINGLE, "yaml");
    const wrong = ds.filter((d) => d.code === "wrong-recipient");
    expect(wrong).toHaveLength(1);
    const [action] = (await client.codeActions(join(ws, "single.yaml"), wrong)) as CodeAction[];
    const fixed = applied(SINGLE, action!, starts(SINGLE));
    expect(fixed).toContain("'Hi D''Arcy, great meeting you");
    expect((parse(fixed) as { text: string }[])[0]!.text).toMatch(/^Hi D'Arcy, great meeting you/);
  });

  it("a fix across an escape in a double-quoted entry is made in the entry's value", async () => {
    const ds = await client.open(join(ws, "double.yaml"), DOUBLE, "yaml");
    const run = ds.filter((d) => d.code === "exclamation-run");
    expect(run).toHaveLength(1);
    const actions = (await client.codeActions(join(ws, "double.yaml"), run)) as CodeAction[];
    expect(actions).toHaveLength(1);
    const fixed = applied(DOUBLE, actions[0]!, starts(DOUBLE));
    expect((parse(fixed) as { text: string }[])[0]!.text).toBe(
      "Great to meet you at RustConf! We talked about wasm builds.",
    );
  });
});
