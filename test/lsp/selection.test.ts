import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempTree } from "../helpers.js";
import { TestClient } from "./client.js";

const STOCK = "I'd like to add you to my professional network on LinkedIn.";

describe("language server: the config's files and ignores choose the note files", () => {
  const ws = makeTempTree({
    ".invite-lintrc.yaml": 'files: ["outreach/**/*.txt"]\nignores: ["outreach/archive/**"]\n',
    "outreach/intro.txt": STOCK,
    "outreach/archive/old.txt": STOCK,
    "notes.txt": STOCK,
  });
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start(ws);
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  it("a file the config's files select is linted", async () => {
    const ds = await client.open(join(ws, "outreach/intro.txt"), STOCK);
    expect(ds.map((d) => d.code)).toContain("stock-invitation");
  });

  it("a file its ignores leave out gets no diagnostics", async () => {
    expect(await client.open(join(ws, "outreach/archive/old.txt"), STOCK)).toEqual([]);
  });

  it("a file its files do not select gets no diagnostics", async () => {
    expect(await client.open(join(ws, "notes.txt"), STOCK)).toEqual([]);
  });
});
