import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, readdirSync, existsSync } from "node:fs";

import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, makeTempDir } from "../helpers.js";

const REPO = join(ROOT, "test/fixtures/formats/repo");

describe("integrations", () => {
  it("the pre-commit hook runs the invite-lint executable on note files", () => {
    const hooks = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as {
      id: string;
      entry: string;
      files: string;
      exclude: string;
      language: string;
    }[];
    const hook = hooks.find((h) => h.id === "invite-lint")!;
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
    expect(pkg.bin[hook.entry]).toBeDefined();
    expect(hook.language).toBe("node");
    for (const f of ["notes/a.txt", "t/b.md", "c.yaml"]) expect(new RegExp(hook.files).test(f), f).toBe(true);
    const excluded = [
      "package.json",
      "sub/.invite-lintrc.yaml",
      "README.md",
      "team/CHANGELOG.md",
      "docs/guide.md",
      ".github/workflows/ci.yml",
    ];
    for (const f of excluded) expect(new RegExp(hook.exclude).test(f), f).toBe(true);
    for (const f of ["notes/readme-ideas.txt", "outreach/docs-team.yaml"])
      expect(new RegExp(hook.exclude).test(f), f).toBe(false);
  });

  it("the GitHub Action is composite and annotates with --format github, SARIF optional", () => {
    const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as {
      runs: { using: string; steps: { run?: string; uses?: string }[] };
    };
    expect(action.runs.using).toBe("composite");
    expect(action.runs.steps.find((s) => s.run?.includes("--format github"))).toBeDefined();
    expect(action.runs.steps.some((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"))).toBe(true);
  });

  it("the VS Code problem matcher reads the unix format's lines back into fields", () => {
    const tasks = JSON.parse(readFileSync(join(ROOT, "editors/vscode/tasks.json"), "utf8")) as {
      tasks: { problemMatcher: { pattern: { regexp: string } } }[];
    };
    const re = new RegExp(tasks.tasks[0]!.problemMatcher.pattern.regexp);
    const out = runCli(["templates", "-f", "unix"], { cwd: REPO }).stdout.trim().split("\n");
    expect(out.length).toBeGreaterThan(5);
    for (const line of out) {
      const m = re.exec(line);
      expect(m, line).not.toBeNull();
      expect(existsSync(join(REPO, m![1]!))).toBe(true);
      expect(["error", "warning", "info"]).toContain(m![4]);
    }
  });

  it("npm pack gives a tarball that installs into an empty folder and runs without dev dependencies", () => {
    const dest = makeTempDir("invite-lint-pack-");
    execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", dest, "--silent"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const tarball = readdirSync(dest).find((f) => f.endsWith(".tgz"))!;
    const listing = execFileSync("tar", ["tzf", join(dest, tarball)], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((f) => f.replace(/^package\//, ""));
    const top = [...new Set(listing.map((f) => f.split("/")[0]))].sort();
    expect(top).toEqual(["LICENSE", "README.md", "bin", "dist", "package.json", "rules"]);
    expect(listing).toContain("dist/types/index.d.ts");
    const app = makeTempDir("invite-lint-app-");
    execFileSync("npm", ["init", "-y"], { cwd: app, stdio: "ignore" });
    execFileSync("npm", ["install", "--omit=dev", "--no-audit", "--no-fund", join(dest, tarball)], {
      cwd: app,
      stdio: "ignore",
      timeout: 240_000,
    });
    expect(existsSync(join(app, "node_modules/vitest"))).toBe(false);
    const version = spawnSync("npx", ["--no-install", "invite-lint", "--version"], { cwd: app, encoding: "utf8" });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const lint = spawnSync("npx", ["--no-install", "invite-lint", "-f", "json"], {
      cwd: app,
      encoding: "utf8",
      input: "I'd like to add you to my professional network on LinkedIn.",
    });
    expect(lint.status).toBe(1);
    expect(JSON.parse(lint.stdout).results[0].score).toBeLessThanOrEqual(20);
    const api = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'import { lint } from "invite-lint"; console.log(lint("Hi Priya, great meeting you at PyData Denver.").passed)',
      ],
      { cwd: app, encoding: "utf8" },
    );
    expect(api.stdout.trim()).toBe("true");
  }, 300_000);
});
