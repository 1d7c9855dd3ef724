import { join, relative } from "node:path";
import ignore from "ignore";
import { describe, expect, it } from "vitest";
import { DEFAULT_FILES, DEFAULT_IGNORES, expandInputs, type ExpandOptions } from "../../src/node/files.js";
import { PatternSet } from "../../src/node/patterns.js";
import { InputError, RuleFileError } from "../../src/errors.js";
import { makeTempTree } from "../helpers.js";

/** A config file's name as messages show it: relative to the working directory. */
const shown = (dir: string) => relative(process.cwd(), join(dir, ".invite-lintrc.yaml"));

const repo = (files: Record<string, string>) => makeTempTree(files, "invite-lint-files-");

/** The paths a command line expands to, and the warnings, run from `cwd`. */
async function expand(cwd: string, args: string[], options: ExpandOptions = {}) {
  const warnings: string[] = [];
  const paths = await expandInputs(args, { cwd, warn: (m) => warnings.push(m), ...options });
  return { paths, warnings };
}

const TEMPLATE_REPO = {
  "README.md": "# Templates\n",
  "CHANGELOG.md": "- v2\n",
  LICENSE: "MIT\n",
  "docs/CHANGES.md": "- added\n",
  "docs/guide.txt": "Say where you met.\n",
  "dist/a.txt": "built\n",
  "node_modules/x/note.txt": "dependency\n",
  ".github/workflows/ci.yml": "on: push\n",
  "package.json": "{}\n",
  "package-lock.json": "{}\n",
  "tsconfig.json": "{}\n",
  "docker-compose.yml": "services: {}\n",
  "notes/priya.txt": "Hi Priya\n",
  "notes/dan.md": "Hi Dan\n",
  "notes/logo.png": "not a note\n",
  "notes/sub/README.md": "about these notes\n",
  "outreach.yaml": "- text: Hi\n",
  "team.json": "[]\n",
};

describe("which files a walk lints", () => {
  it("the defaults: note files, without documentation, build output, dot folders and package metadata", async () => {
    const dir = repo(TEMPLATE_REPO);
    const { paths, warnings } = await expand(dir, ["."]);
    expect(paths).toEqual(["docker-compose.yml", "notes/dan.md", "notes/priya.txt", "outreach.yaml", "team.json"]);
    expect(warnings).toEqual([]);
  });

  it("a config's files replace the defaults and its ignores add to them; patterns are relative to the config's folder", async () => {
    const dir = repo({
      ...TEMPLATE_REPO,
      ".invite-lintrc.yaml": 'files: ["notes/**/*.md", "*.yaml"]\nignores: ["outreach.yaml"]\n',
    });
    expect((await expand(dir, ["."])).paths).toEqual(["notes/dan.md"]);
    // From a subfolder the config above still applies, relative to its own folder.
    expect((await expand(join(dir, "notes"), ["."])).paths).toEqual(["dan.md"]);
  });

  it("!pattern in ignores lints what the defaults skip", async () => {
    const dir = repo({ ...TEMPLATE_REPO, ".invite-lintrc.yaml": 'ignores: ["!docs/", "!README*"]\n' });
    expect((await expand(dir, ["."])).paths).toEqual([
      // docs/CHANGES.md stays ignored: CHANGES* is a default of its own.
      "docker-compose.yml",
      "docs/guide.txt",
      "notes/dan.md",
      "notes/priya.txt",
      "notes/sub/README.md",
      "outreach.yaml",
      "README.md",
      "team.json",
    ]);
  });

  it("a nested config decides for its folder; --config decides for every folder, relative to the working directory; --no-config uses the defaults", async () => {
    const dir = repo({
      ...TEMPLATE_REPO,
      "notes/.invite-lintrc.yaml": 'files: ["*.txt"]\n',
      "cfg/.strict.yaml": 'files: ["/notes/*.md"]\n',
    });
    expect((await expand(dir, ["."])).paths).toEqual([
      "docker-compose.yml",
      "notes/priya.txt",
      "outreach.yaml",
      "team.json",
    ]);
    expect((await expand(dir, ["."], { config: "cfg/.strict.yaml" })).paths).toEqual(["notes/dan.md"]);
    expect((await expand(dir, ["."], { config: false })).paths).toEqual([
      "docker-compose.yml",
      "notes/dan.md",
      "notes/priya.txt",
      "outreach.yaml",
      "team.json",
    ]);
  });

  it("a broken files pattern in a config is reported at its position", async () => {
    const dir = repo({ "n.txt": "Hi\n", ".invite-lintrc.yaml": 'files: ["*.txt", "../other/*.md"]\n' });
    const error = await expandInputs(["."], { cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleFileError);
    expect((error as Error).message).toBe(
      `${shown(dir)}:1:18: pattern "../other/*.md" in "files" goes outside the config's folder ("..")`,
    );
  });

  it("walks and globs never enter node_modules or .git, even with --no-ignore", async () => {
    const dir = repo({ ...TEMPLATE_REPO, ".git/x.txt": "objects\n" });
    const { paths } = await expand(dir, ["."], { noIgnore: true });
    expect(paths).toContain("README.md");
    expect(paths).toContain(".github/workflows/ci.yml");
    expect(paths.filter((p) => p.startsWith("node_modules") || p.startsWith(".git/"))).toEqual([]);
    expect(paths).not.toContain("notes/logo.png");
  });
});

describe("files named on the command line", () => {
  it("are linted whatever their name, unless ignored: then skipped with a warning naming the pattern", async () => {
    const dir = repo({
      ...TEMPLATE_REPO,
      "notes/draft.eml": "Hi\n",
      ".invite-lintignore": "# drafts\n*.wip.txt\n",
      "notes/a.wip.txt": "Hi\n",
    });
    const { paths, warnings } = await expand(dir, [
      "notes/draft.eml",
      "README.md",
      "docs",
      "notes/a.wip.txt",
      "package.json",
    ]);
    expect(paths).toEqual(["notes/draft.eml"]);
    expect(warnings).toEqual([
      'README.md: ignored by the default ignores ("README*"), skipped; --no-ignore lints it',
      'docs: ignored by the default ignores ("docs/"), skipped; --no-ignore lints it',
      'notes/a.wip.txt: ignored by .invite-lintignore ("*.wip.txt"), skipped; --no-ignore lints it',
      'package.json: ignored by the default ignores ("package.json"), skipped; --no-ignore lints it',
    ]);
    expect((await expand(dir, ["README.md", "notes/a.wip.txt"], { noIgnore: true })).paths).toEqual([
      "README.md",
      "notes/a.wip.txt",
    ]);
  });

  it("--ignore-pattern adds patterns relative to the working directory; a config's ignores name their file", async () => {
    const dir = repo({ ...TEMPLATE_REPO, ".invite-lintrc.yaml": 'ignores: ["team.json"]\n' });
    const { paths, warnings } = await expand(dir, [".", "team.json"], {
      ignorePatterns: ["outreach.yaml", "notes/*.md"],
    });
    expect(paths).toEqual(["docker-compose.yml", "notes/priya.txt"]);
    expect(warnings).toEqual([
      `team.json: ignored by "ignores" in ${shown(dir)} ("team.json"), skipped; --no-ignore lints it`,
    ]);
  });

  it("globs are filtered by files and ignores; each path comes once", async () => {
    const dir = repo(TEMPLATE_REPO);
    expect((await expand(dir, ["notes/**", "notes/priya.txt", "**/*.md"])).paths).toEqual([
      "notes/dan.md",
      "notes/priya.txt",
    ]);
  });

  it("a name that matches nothing is an error, unless --no-error-on-unmatched-pattern", async () => {
    const dir = repo({ ...TEMPLATE_REPO, "empty/README.md": "x\n" });
    for (const [arg, message] of [
      ["missing.txt", "missing.txt: no such file or folder"],
      ["*.zzz", "*.zzz: no files match"],
      ["dist/*.txt", "dist/*.txt: no files match (1 ignored or not note files)"],
      ["empty", 'empty: folder has no note files (see "files" and "ignores" in the README)'],
    ]) {
      const error = await expandInputs([arg!], { cwd: dir }).catch((e: unknown) => e);
      expect(error, arg).toBeInstanceOf(InputError);
      expect((error as Error).message).toBe(message);
      expect((await expand(dir, [arg!, "notes/priya.txt"], { errorOnUnmatchedPattern: false })).paths).toEqual([
        "notes/priya.txt",
      ]);
    }
  });
});

describe("patterns", () => {
  // Paths of files (and, with a trailing slash, folders) that the defaults must judge as git would.
  const PATHS = [
    "README.md",
    "readme.txt",
    "notes/README.md",
    "Readme",
    "docs/a.md",
    "a/docs/b.txt",
    "docs",
    "docs/",
    "mydocs/a.md",
    "dist/x.txt",
    "build/",
    "builds/a.txt",
    "LICENSE",
    "LICENSES/MIT.txt",
    ".github/ci.yml",
    ".invite-lintrc.yaml",
    "a/.hidden/b.txt",
    "package.json",
    "sub/package.json",
    "package.json5",
    "tsconfig.json",
    "tsconfig.base.json",
    "notes/a.txt",
    "notes/a.TXT",
    "a.md",
    "b.markdown",
    "c.yaml",
    "d.yml",
    "e.json",
    "f.note",
    "g.text",
    "h.png",
    "x.md/",
    "x.md/y.png",
    "CODE_OF_CONDUCT.md",
    "changes.txt",
    "CHANGES/",
    "action.yml",
    "src/action.yaml",
    "pnpm-lock.yaml",
    "jsconfig.json",
    "coverage/lcov.info",
    "notes.txt.bak",
  ];

  it("the plain patterns of the defaults match exactly as the ignore package (git's rules) does", () => {
    for (const [name, list] of [
      ["ignores", DEFAULT_IGNORES],
      ["files", DEFAULT_FILES],
    ] as const) {
      const fast = new PatternSet(list.map((pattern) => ({ pattern, source: name })));
      const lib = ignore().add(list);
      for (const p of PATHS) {
        const dir = p.endsWith("/");
        const rel = dir ? p.slice(0, -1) : p;
        expect(fast.match(rel, dir) !== undefined, `${name}: ${p}`).toBe(lib.ignores(p));
      }
    }
  });

  it("patterns with a slash, ** or ! need the ignore package, and name the pattern that matched", () => {
    expect(PatternSet.simple(["*.md", "docs/"])).toBe(true);
    expect(PatternSet.simple(["notes/*.md"])).toBe(false);
    expect(PatternSet.simple(["!README.md"])).toBe(false);
    expect(() => new PatternSet([{ pattern: "notes/**", source: "x" }])).toThrow(/ignore package/);
    const set = new PatternSet(
      [
        { pattern: "notes/**/*.md", source: "a" },
        { pattern: "!notes/keep.md", source: "b" },
      ],
      ignore,
    );
    expect(set.match("notes/x/y.md", false)).toEqual({ pattern: "notes/**/*.md", source: "a" });
    expect(set.match("notes/keep.md", false)).toBeUndefined();
  });
});
