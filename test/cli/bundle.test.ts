import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/index.js";
import { ROOT } from "../helpers.js";

// The bundles in dist/ are what users run: they must give exactly what the source gives
// (a dependency bundled twice, a module evaluated in another order, a minifier's rewrite).
const notes = parse(readFileSync(join(ROOT, "test/fixtures/quality.yaml"), "utf8")) as {
  text: string;
  template?: boolean;
}[];

describe("the built bundle", () => {
  it("lints every fixture note exactly as the source does", async () => {
    const bundle = (await import(pathToFileURL(join(ROOT, "dist/index.js")).href)) as { lint: typeof lint };
    expect(notes.length).toBeGreaterThan(40);
    const long =
      "We have both spent the better part of a decade building analytics platforms for hospitals and clinics across the region. ";
    const hard =
      "Notwithstanding considerable organizational complexity, interdisciplinary collaboration necessitates comprehensive institutional accountability mechanisms throughout implementation.";
    expect(lint(hard).messages.map((m) => m.ruleId)).toContain("hard-sentence");
    for (const n of [...notes, { text: long.repeat(3) }, { text: hard }]) {
      const options = { template: n.template ?? false };
      expect(bundle.lint(n.text, options)).toEqual(lint(n.text, options));
    }
  });
});
