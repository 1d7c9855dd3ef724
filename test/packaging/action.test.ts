import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT, makeTempDir } from "../helpers.js";

interface Step {
  name?: string;
  shell?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as Action;
const steps = action.runs.steps;
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
const STOCK = "I'd like to add you to my professional network on LinkedIn.\n";
const GOOD =
  "Hi Priya, great meeting you at the Denver PyData meetup last week. Your talk on dbt tests changed how our team works; happy to send you the checklist we built from it.\n";

/**
 * Runs one step's script as GitHub's runner does for `shell: bash`
 * (`bash --noprofile --norc -eo pipefail {0}`), with the step's `env:` evaluated for these
 * inputs (the defaults of action.yml for the others) and GITHUB_ACTION_PATH set.
 */
function runStep(
  step: Step,
  opts: { inputs?: Record<string, string>; actionPath: string; cwd: string; path?: string },
) {
  const inputs = Object.fromEntries(
    Object.entries(action.inputs).map(([k, v]) => [k, opts.inputs?.[k] ?? v.default ?? ""]),
  );
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.env ?? {})) {
    env[k] = v.replace(/\$\{\{\s*inputs\.([a-z-]+)\s*\}\}/g, (_w, name: string) => {
      if (!(name in inputs)) throw new Error(`step env ${k} names an input action.yml does not declare: ${name}`);
      return inputs[name]!;
    });
    expect(env[k], `${k}: an expression the test does not evaluate`).not.toContain("${{");
  }
  const script = join(makeTempDir("invite-lint-step-"), "step.sh");
  writeFileSync(script, step.run!);
  const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
    cwd: opts.cwd,
    encoding: "utf8",
    timeout: 120_000,
    env: { PATH: opts.path ?? process.env.PATH!, HOME: process.env.HOME!, GITHUB_ACTION_PATH: opts.actionPath, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const setup = steps.find((s) => s.name === "Set up invite-lint")!;
const lintStep = steps.find((s) => s.name === "invite-lint")!;

/** A repository of notes, with the cases splitting and globbing get wrong. */
function workspace(): string {
  const ws = makeTempDir("invite-lint-action-ws-");
  mkdirSync(join(ws, "notes/deep"), { recursive: true });
  writeFileSync(join(ws, "notes/good.txt"), GOOD);
  writeFileSync(join(ws, "notes/deep/stock.txt"), STOCK);
  mkdirSync(join(ws, "more notes"));
  writeFileSync(join(ws, "more notes/with space.txt"), GOOD);
  return ws;
}

describe("the GitHub Action runs its own checked-out copy", () => {
  it("no step runs a package by name: no npx, npm exec, dlx, or install of a named package", () => {
    const runs = steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs.length).toBe(2);
    for (const run of runs) {
      expect(run).not.toMatch(/\bnpx\b|\bnpm\s+(exec|x)\b|\b(pnpm|yarn)\s+dlx\b|\bbunx\b/);
      expect(run).not.toMatch(/\bnpm\s+(install|i|add)\s+(?!-)/);
      // Inputs reach scripts through env:, so no input is ever parsed as shell code.
      expect(run).not.toContain("${{");
    }
    expect(steps.filter((s) => s.uses).map((s) => s.uses)).toEqual(["github/codeql-action/upload-sarif@v3"]);
  });

  it("installs from the action's lockfile in the action's folder, builds, and runs its bin", () => {
    expect(action.runs.using).toBe("composite");
    expect(setup.run).toMatch(/^cd "\$GITHUB_ACTION_PATH"$/m);
    expect(setup.run).toMatch(/^npm ci\b/m);
    expect(lintStep.run).toContain(`bin="$GITHUB_ACTION_PATH/${pkg.bin["invite-lint"]}"`);
    expect(lintStep.run).toContain('node "$bin" "${paths[@]}" --format github "${args[@]}"');
    expect(Object.keys(action.inputs).sort()).toEqual(["args", "paths", "sarif"]);
  });

  it("the setup step runs npm ci --ignore-scripts and the build inside GITHUB_ACTION_PATH", () => {
    const fake = makeTempDir("invite-lint-fake-npm-");
    const log = join(fake, "npm.log");
    writeFileSync(join(fake, "npm"), `#!/bin/sh\necho "$PWD|$*" >> "${log}"\n`);
    chmodSync(join(fake, "npm"), 0o755);
    const actionPath = makeTempDir("invite-lint-action-path-");
    const r = runStep(setup, { actionPath, cwd: workspace(), path: `${fake}:${process.env.PATH}` });
    expect(r.status).toBe(0);
    expect(readFileSync(log, "utf8").trim().split("\n")).toEqual([
      `${actionPath}|ci --ignore-scripts --include=dev --no-audit --no-fund`,
      `${actionPath}|run build`,
    ]);
  });

  it("lints the paths with the repository's bin: globs reach invite-lint unexpanded, quoted paths and options stay one word", () => {
    const ws = workspace();
    // args come after --format github, so a --format of their own wins: JSON names the files linted.
    const r = runStep(lintStep, {
      actionPath: ROOT,
      cwd: ws,
      inputs: { paths: `"notes/**/*.txt" 'more notes/with space.txt'`, args: `--to "Priya Shah" --format json` },
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    // bash would have read notes/**/*.txt as notes/*/*.txt (deep/stock.txt only).
    const report = JSON.parse(r.stdout) as { results: { file: string; passed: boolean }[] };
    expect(report.results.map((x) => [x.file, x.passed]).sort()).toEqual([
      ["more notes/with space.txt", true],
      ["notes/deep/stock.txt", false],
      ["notes/good.txt", true],
    ]);
    expect(existsSync(join(ws, "invite-lint.sarif"))).toBe(false);
  });

  it("annotates with --format github: a failing note gets an error annotation, a good note none", () => {
    const ws = workspace();
    const r = runStep(lintStep, { actionPath: ROOT, cwd: ws, inputs: { paths: "notes" } });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^::error file=notes\/deep\/stock\.txt,line=1,col=1,.*title=invite-lint \[verdict\]::The note fails/m,
    );
    const good = runStep(lintStep, { actionPath: ROOT, cwd: ws, inputs: { paths: "notes/good.txt" } });
    expect(good).toMatchObject({ status: 0, stderr: "" });
    expect(good.stdout).not.toMatch(/^::(error|warning)/m);
  });

  it("sarif: true writes invite-lint.sarif for the upload step even when notes fail", () => {
    const ws = workspace();
    const r = runStep(lintStep, { actionPath: ROOT, cwd: ws, inputs: { paths: "notes", sarif: "true" } });
    expect(r.status).toBe(1);
    const sarif = JSON.parse(readFileSync(join(ws, "invite-lint.sarif"), "utf8")) as {
      version: string;
      runs: { results: { ruleId: string; level: string }[] }[];
    };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.results).toContainEqual(expect.objectContaining({ ruleId: "verdict", level: "error" }));
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"))!;
    expect(upload.with?.sarif_file).toBe("invite-lint.sarif");
    expect(upload.if).toBe("${{ always() && inputs.sarif == 'true' }}");
  });

  it("bad inputs: one line on stderr and exit status 2; nothing in an input is run", () => {
    const ws = workspace();
    const quote = runStep(lintStep, { actionPath: ROOT, cwd: ws, inputs: { paths: "notes", args: `--to "Priya` } });
    expect(quote).toMatchObject({
      status: 2,
      stdout: "",
      stderr: `invite-lint: unmatched quote in ARGS: --to "Priya\n`,
    });
    const sarif = runStep(lintStep, { actionPath: ROOT, cwd: ws, inputs: { paths: "notes", sarif: "yes" } });
    expect(sarif).toMatchObject({
      status: 2,
      stdout: "",
      stderr: 'invite-lint: sarif must be "true" or "false", not "yes"\n',
    });
    const empty = runStep(lintStep, { actionPath: ROOT, cwd: ws, inputs: { paths: "  " } });
    expect(empty).toMatchObject({
      status: 2,
      stdout: "",
      stderr: "invite-lint: paths is empty: name the files, folders or globs to lint\n",
    });
    const injected = runStep(lintStep, {
      actionPath: ROOT,
      cwd: ws,
      inputs: { paths: "notes/good.txt", args: "$(touch pwned) `touch pwned2`" },
    });
    expect(injected.status).toBe(2);
    expect(injected.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(join(ws, "pwned")) || existsSync(join(ws, "pwned2"))).toBe(false);
  });
});
