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

describe("language server: the config's near-duplicate setting", () => {
  const NOTE = (name: string) =>
    `Hi ${name}, I saw your talk on feature flags at DevOpsDays Amsterdam yesterday and loved the rollout demo. Happy to share my notes from it.`;
  const dirs = {
    plain: makeTempTree({ "tom.txt": NOTE("Tom") }),
    off: makeTempTree({ ".invite-lintrc.yaml": "settings:\n  near-duplicate: off\n", "tom.txt": NOTE("Tom") }),
    error: makeTempTree({ ".invite-lintrc.yaml": "settings:\n  near-duplicate: error\n", "tom.txt": NOTE("Tom") }),
  };
  const levels = async (dir: string) => {
    const client = await TestClient.start(dir);
    try {
      const ds = await client.open(join(dir, "ana.txt"), NOTE("Ana"));
      return ds
        .filter((d) => d.code === "near-duplicate" || d.code === "verdict")
        .map((d) => `${d.code} ${d.severity}`);
    } finally {
      await client.stop();
    }
  };

  it("warns by default, says nothing when off, and fails the note when an error", async () => {
    expect(await levels(dirs.plain)).toEqual(["near-duplicate 2"]);
    expect(await levels(dirs.off)).toEqual([]);
    expect(await levels(dirs.error)).toEqual(["verdict 1", "near-duplicate 1"]);
  });
});
