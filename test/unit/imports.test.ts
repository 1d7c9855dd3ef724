import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without types
import { check, problemsOf, src } from "../../scripts/imports.mjs";

const at = (p: string) => join(src as string, p);
const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([f, ds]) => [at(f), ds.map(at)]));

describe("the import graph check (npm run typecheck)", () => {
  it("passes on the source as it is", () => {
    expect((check() as { problems: string[] }).problems).toEqual([]);
  });

  it("finds a cycle, and an import against the layers", () => {
    const problems = problemsOf(
      graph({
        "engine/a.ts": ["engine/b.ts"],
        "engine/b.ts": ["engine/a.ts"],
        "engine/c.ts": ["node/input.ts"],
        "report/x.ts": ["ruleset/load.ts"],
        "node/y.ts": ["lsp/server.ts"],
        "cli.ts": ["engine/a.ts", "lsp/server.ts"],
        "lsp/server.ts": ["node/y.ts"],
      }),
    ) as string[];
    expect(problems).toContain("import cycle: src/engine/a.ts <-> src/engine/b.ts");
    expect(problems).toContain("src/engine/c.ts imports src/node/input.ts: engine imports only engine, errors");
    expect(problems).toContain(
      "src/report/x.ts imports src/ruleset/load.ts: report imports only report, engine, errors",
    );
    expect(problems.filter((p) => p.startsWith("src/node/y.ts imports src/lsp/server.ts"))).toHaveLength(1);
    expect(problems.filter((p) => p.startsWith("src/cli.ts"))).toEqual([]);
  });
});
