import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, makeTempDir } from "../helpers.js";

/**
 * The published declarations, as a consumer sees them: the tarball `npm pack` makes, unpacked
 * into a scratch project's node_modules (its dependencies linked from this repository's, so
 * no network), type-checked with this repository's tsc and `skipLibCheck: false`, which
 * checks every declaration file the consumer's imports reach.
 */
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  types: string;
  exports: Record<string, string | { types?: string }>;
};

const STRICT = { strict: true, skipLibCheck: false, noEmit: true, target: "es2022", noUncheckedIndexedAccess: true };

/** Uses both entries' main functions and types, so their declarations are all reached. */
const NODE_ENTRY = `import { lint, lintFiles, format, toReport, createLinter, builtinRules, addRules, findNearDuplicates, runCli,
  InputError, UsageError, RuleFileError, FORMATS, type LintResult, type Report, type Io, type Message } from "invite-lint";

export const result: LintResult = lint("Hi Priya, great meeting you at PyData Denver.", { to: "Priya Shah", account: "free" });
export const first: Message | undefined = result.messages[0];
export const report: Report = toReport([result]);
export const text: string = format(report, "unix");
export const later: Promise<LintResult[]> = lintFiles(["notes/a.txt"], { overrides: { template: true } });
export const linter = createLinter(addRules(builtinRules, []));
export const near = findNearDuplicates([{ name: "a", text: "Hi" }], { threshold: 0.8 });
export const errors = [InputError, UsageError, RuleFileError, FORMATS] as const;
export const io: Io = { stdout: () => true, stderr: () => undefined, stdinIsTTY: false, stdoutIsTTY: false, env: { NO_COLOR: "1" } };
export const exit: Promise<number> = runCli(["--version"], io);
`;

const BROWSER_ENTRY = `import { lint, format, toReport, createLinter, builtinRules, findNearDuplicates, type LintResult, type Report } from "invite-lint/browser";

export const result: LintResult = lint("Hi Priya, great meeting you at PyData Denver.");
export const report: Report = toReport([result]);
export const json: string = format(report, "json");
export const linter = createLinter(builtinRules);
export const near = findNearDuplicates([{ name: "a", text: "Hi" }]);
`;

/** A Node program: process.env is what runCli's io takes. */
const NODE_PROGRAM = `import { runCli } from "invite-lint";

const code: number = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s), stderr: (s) => void process.stderr.write(s),
  stdinIsTTY: Boolean(process.stdin.isTTY), stdoutIsTTY: Boolean(process.stdout.isTTY), env: process.env,
});
process.exitCode = code;
`;

describe("the packed package's type declarations", () => {
  let consumer: string;
  let listing: string[];

  beforeAll(() => {
    const dest = makeTempDir("invite-lint-pack-types-");
    const packed = JSON.parse(
      execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dest], {
        cwd: ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      }),
    ) as { filename: string }[];
    const tarball = join(dest, packed[0]!.filename);
    listing = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((f) => f.replace(/^package\//, ""));
    consumer = makeTempDir("invite-lint-consumer-");
    const installed = join(consumer, "node_modules/invite-lint");
    mkdirSync(installed, { recursive: true });
    execFileSync("tar", ["xzf", tarball, "-C", installed, "--strip-components=1"]);
    // The package's dependencies, as npm would install them beside it.
    for (const dep of [...Object.keys(pkg.dependencies), "@types/node"]) {
      const link = join(consumer, "node_modules", dep);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(ROOT, "node_modules", dep), link, "dir");
    }
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    writeFileSync(join(consumer, "node-entry.ts"), NODE_ENTRY);
    writeFileSync(join(consumer, "browser-entry.ts"), BROWSER_ENTRY);
    writeFileSync(join(consumer, "node-program.ts"), NODE_PROGRAM);
    writeFileSync(
      join(consumer, "wrong.ts"),
      'import { lint } from "invite-lint";\nexport const n: number = lint("Hi").grade;\n',
    );
  }, 120_000);

  /** Type-checks `files` with these compiler options; returns tsc's status and output. */
  function check(name: string, files: string[], options: Record<string, unknown>) {
    writeFileSync(
      join(consumer, `tsconfig.${name}.json`),
      JSON.stringify({ compilerOptions: { ...STRICT, ...options }, files }),
    );
    const r = spawnSync(process.execPath, [TSC, "-p", `tsconfig.${name}.json`], {
      cwd: consumer,
      encoding: "utf8",
      timeout: 60_000,
    });
    return { status: r.status, output: `${r.stdout}${r.stderr}`.trim() };
  }

  it("ships the declarations its exports name", () => {
    const named = [
      pkg.types,
      ...Object.values(pkg.exports).flatMap((e) => (typeof e === "object" && e.types ? [e.types] : [])),
    ];
    expect(named).toEqual(["./dist/types/index.d.ts", "./dist/types/index.d.ts", "./dist/types/browser.d.ts"]);
    for (const file of named) expect(listing, file).toContain(file.slice(2));
  });

  it("both entries type-check with skipLibCheck false and without @types/node (nodenext)", () => {
    const r = check("nonode", ["node-entry.ts", "browser-entry.ts"], {
      module: "nodenext",
      moduleResolution: "nodenext",
      lib: ["es2022"],
      types: [],
    });
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });

  it("both entries type-check in a bundler project for the browser, without @types/node", () => {
    const r = check("bundler", ["node-entry.ts", "browser-entry.ts"], {
      module: "esnext",
      moduleResolution: "bundler",
      lib: ["es2022", "dom"],
      types: [],
    });
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });

  it("a Node program passes process.env and process streams to runCli (with @types/node)", () => {
    const r = check("node", ["node-program.ts"], {
      module: "nodenext",
      moduleResolution: "nodenext",
      lib: ["es2022"],
      types: ["node"],
    });
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });

  it("the check is real: a wrong type in the consumer is an error found through the package's types", () => {
    const r = check("wrong", ["wrong.ts"], {
      module: "nodenext",
      moduleResolution: "nodenext",
      lib: ["es2022"],
      types: [],
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/^wrong\.ts\(2,14\): error TS2322: Type 'string' is not assignable to type 'number'\.$/);
  });
});
