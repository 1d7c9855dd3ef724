import { Command, CommanderError, Option } from "commander";
import { closeSync, existsSync, openSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import pkg from "../package.json" with { type: "json" };
import { builtinRules } from "./builtin.js";
import { NOTE_TYPES } from "./engine/options.js";
import { InputError, RuleFileError, UsageError, didYouMean } from "./errors.js";
import { FORMATS, type FormatName } from "./report/options.js";
import { writeReport, type Sink } from "./report/writer.js";
import { explain, listRules, reportable, rulesJson } from "./report/rules.js";
import { configSource, lookupName, parseRuleFlags, printedConfig, warningLimit } from "./config/resolve.js";
import { parseSamenessFlag } from "./config/sameness.js";
import { expandInputs, type ExpandOptions } from "./node/files.js";
import { DEFAULT_MAX_BYTES, describe } from "./node/input.js";
import { lintRun, type LintFilesOptions, type LintRun } from "./node/lint-files.js";
import type { FixMode } from "./node/fix.js";
import { STARTER_CONFIG } from "./config/starter.js";

export interface Io {
  /** Writes to stdout; false asks the caller to wait for `drain` before writing more. */
  stdout: (s: string) => boolean | undefined;
  /** Resolves when stdout can take more (a slow pipe reader). */
  drain?: () => Promise<void>;
  stderr: (s: string) => void;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** The environment (`process.env` in Node); a plain record, so the published types need no @types/node. */
  env: Readonly<Record<string, string | undefined>>;
}

const EXAMPLES = `
Commands:
  invite-lint [options] [file...]      lint notes (the default)
  invite-lint rules [--format json]    list every rule (built-in and the config's packs)
  invite-lint init                     write a starter .invite-lintrc.yaml
  invite-lint lsp                      the language server, on stdin and stdout (for editors)
  invite-lint web [--port N] [--open]  the browser page on 127.0.0.1 (or open dist/web/index.html)

Examples:
  $ echo "Hi Priya, great meeting you at PyData Denver..." | invite-lint
  $ invite-lint note.txt --to "Priya Shah"
  $ invite-lint templates/ --template --format github
  $ invite-lint outreach.yaml -f sarif -o invite-lint.sarif
  $ invite-lint --explain stock-invitation

Exit status: 0 every note passes, 1 a note fails (or too many warnings), 2 usage, input or config error.`;

function program(io: Io): Command {
  const p = new Command("invite-lint")
    .description(
      "Lint the note on a LinkedIn connection request: generic phrases, personalization, context, value, tone, length, readability.",
    )
    .argument("[file...]", "files, folders or globs to lint; - or nothing reads stdin")
    .version(pkg.version, "-V, --version")
    .addOption(new Option("-f, --format <name>", "report format").choices([...FORMATS]).default("stylish"))
    .option("-o, --output-file <path>", "write the report to a file")
    .option("--to <name>", "the recipient's name; the note should use it")
    .option("--company <name>", "the recipient's company")
    .option("--context <text>", 'how you know them, e.g. "met at PyData Denver"; the note should say it')
    .addOption(new Option("--type <type>", "type of note").choices(NOTE_TYPES))
    .addOption(new Option("--kind <type>", "older name of --type").choices(NOTE_TYPES).hideHelp())
    .addOption(
      new Option("--account <type>", "LinkedIn account: free = 200 characters, premium = 300").choices([
        "free",
        "premium",
      ]),
    )
    .option("--template", "the input is a template: merge fields like {{first_name}} are allowed slots")
    .option("--min-score <n>", "lowest passing score (default 70)")
    .option("--lang <code>", "language of the note (en, de, fr, es, pt, it, nl) or auto")
    .option(
      "--rule <id=severity>",
      "set a rule or check to off|info|warning|error (repeatable)",
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option(
      "--allow <phrase>",
      "never flag this phrase (repeatable)",
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option("-c, --config <path>", "use this config file instead of searching for one")
    .option("--no-config", "use no config file")
    .option("--print-config [file]", "print the configuration that applies to a file and exit")
    .option("--list-rules", "list every rule and exit (same as: invite-lint rules)")
    .option("--explain <rule>", "explain one rule with examples and exit")
    .option("--max-warnings <n>", "fail (exit 1) when there are more than n warnings (-1: no limit)")
    .option("--quiet", "report errors only")
    .option("--fix", "make the mechanical fixes in the note files, then report what remains")
    .option("--fix-dry-run", "make the fixes in memory only; --format json gives each fixed note its output")
    .option("--stdin-filename <path>", "name stdin for config lookup and reports")
    .option(
      "--no-ignore",
      "lint files the ignores would skip (default ignores, config ignores, .invite-lintignore, --ignore-pattern)",
    )
    .option(
      "--ignore-pattern <pattern>",
      "skip files matching this pattern, gitignore syntax (repeatable)",
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option("--no-error-on-unmatched-pattern", "no error when a file, folder or glob names no note files")
    .option("--max-bytes <n>", `refuse inputs larger than this (default ${DEFAULT_MAX_BYTES})`)
    .option("--binary", "lint files with NUL bytes instead of refusing them")
    .option("--report-unused-disable-directives", "report invite-lint-disable comments that suppress nothing")
    .option("--cache", "reuse the results of files unchanged since the last --cache run")
    .option("--cache-location <path>", "the cache file, or a folder for it (default: .invite-lintcache)")
    .option("--sameness <n|off>", "near-duplicate notes: similarity threshold from 0.5 to 1 (default 0.8), or off")
    .option("--color", "colour even when not writing to a terminal")
    .option("--no-color", "no colour in the report")
    .addHelpText("after", EXAMPLES)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .showSuggestionAfterError(true);
  return p;
}

function intOption(v: string | undefined, name: string, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}`);
  return Number(v);
}

/**
 * Colour: --no-color and --color win over everything; a report to a file has none; then
 * FORCE_COLOR, then NO_COLOR, then whether stdout is a terminal.
 */
function useColor(flag: boolean | undefined, io: Io, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  return io.stdoutIsTTY && io.env.TERM !== "dumb";
}

interface Parsed {
  files: string[];
  /** What the run asks for, before config files are read. */
  request: LintFilesOptions;
  ruleFlags: string[];
  format: FormatName;
  outputFile?: string;
  quiet: boolean;
  fix?: FixMode;
  color?: boolean;
  maxWarnings?: number;
  listRules: boolean;
  explain?: string;
  printConfig?: string | true;
  /** Which files the named paths give (`--no-ignore`, `--ignore-pattern`, `--no-error-on-unmatched-pattern`). */
  selection: Pick<ExpandOptions, "noIgnore" | "ignorePatterns" | "errorOnUnmatchedPattern">;
}

/** Parses the command line; a mistake is a UsageError (one line, exit 2). */
function parseArgs(argv: string[], io: Io): Parsed {
  const cmd = program(io);
  cmd.parse(argv, { from: "user" });
  const opts = cmd.opts<Record<string, unknown> & { color?: boolean; config?: string | false }>();
  const lang = opts.lang as string | undefined;
  if (lang !== undefined && lang !== "auto" && !(lang in builtinRules.languages)) {
    throw new UsageError(
      `--lang must be auto or one of ${Object.keys(builtinRules.languages).join(", ")}${didYouMean(lang, Object.keys(builtinRules.languages))}`,
    );
  }
  const request: LintFilesOptions = {
    config: typeof opts.config === "string" ? opts.config : undefined,
    noConfig: opts.config === false,
    stdinFilename: opts.stdinFilename as string | undefined,
    maxBytes: intOption(opts.maxBytes as string | undefined, "--max-bytes", 1, 1024 * 1024 * 1024) ?? DEFAULT_MAX_BYTES,
    allowBinary: Boolean(opts.binary),
    reportUnusedDirectives: Boolean(opts.reportUnusedDisableDirectives),
    sameness: parseSamenessFlag(opts.sameness as string | undefined),
    cache: Boolean(opts.cache) || opts.cacheLocation !== undefined,
    cacheLocation: opts.cacheLocation as string | undefined,
    warn: (message) => io.stderr(`invite-lint: warning: ${message}\n`),
    overrides: {
      to: opts.to as string | undefined,
      company: opts.company as string | undefined,
      context: opts.context as string | undefined,
      type: (opts.type ?? opts.kind) as string | undefined,
      account: opts.account as "free" | "premium" | undefined,
      template: opts.template ? true : undefined,
      minScore: intOption(opts.minScore as string | undefined, "--min-score", 0, 100),
      lang,
      allow: opts.allow as string[],
    },
  };
  return {
    files: cmd.args,
    request,
    ruleFlags: opts.rule as string[],
    format: opts.format as FormatName,
    outputFile: opts.outputFile as string | undefined,
    quiet: Boolean(opts.quiet),
    fix: fixFlags(opts.fix, opts.fixDryRun),
    color: opts.color as boolean | undefined,
    maxWarnings: intOption(opts.maxWarnings as string | undefined, "--max-warnings", -1, Number.MAX_SAFE_INTEGER),
    listRules: Boolean(opts.listRules),
    explain: opts.explain as string | undefined,
    printConfig: opts.printConfig as string | true | undefined,
    selection: {
      noIgnore: opts.ignore === false,
      ignorePatterns: opts.ignorePattern as string[],
      errorOnUnmatchedPattern: opts.errorOnUnmatchedPattern !== false,
    },
  };
}

function fixFlags(fix: unknown, dryRun: unknown): FixMode | undefined {
  if (fix && dryRun) throw new UsageError("--fix and --fix-dry-run cannot be used together");
  return fix ? "write" : dryRun ? "dry-run" : undefined;
}

/** The subcommands that are not a lint run: each takes the rest of the command line. */
const SUBCOMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  // The language server takes over stdin and stdout; it never resolves, the process ends with the server.
  lsp: async () => {
    await import("./lsp/main.js");
    return new Promise<number>(() => {});
  },
  // The browser page (dist/web) on 127.0.0.1: src/node/web-server.ts.
  web: async (args, io) => (await import("./node/web-server.js")).serveWeb(args, io),
  init: async (_args, io) => {
    const target = ".invite-lintrc.yaml";
    if (existsSync(target)) throw new UsageError(`${target} already exists; not overwritten`);
    writeFileSync(target, STARTER_CONFIG, { flag: "wx" });
    io.stderr(`wrote ${target}\n`);
    return 0;
  },
  // `invite-lint rules` is --list-rules: the built-in rules and those of the config's packs.
  rules: (args, io) => run(["--list-rules", ...args], io),
};

/** Runs the CLI; returns the exit status. Nothing here calls process.exit. */
export async function run(argv: string[], io: Io): Promise<number> {
  try {
    const sub = argv[0] !== undefined && Object.hasOwn(SUBCOMMANDS, argv[0]) ? SUBCOMMANDS[argv[0]] : undefined;
    if (sub) return await sub(argv.slice(1), io);
    const parsed = parseArgs(argv, io);
    if (parsed.listRules || parsed.explain !== undefined) return await describeRules(parsed, io);
    if (parsed.printConfig !== undefined) return await printConfig(parsed, io);
    if (parsed.files.length === 0 && io.stdinIsTTY) {
      io.stderr(program(io).helpInformation());
      io.stderr("\ninvite-lint: no input: name a file, or pipe a note into stdin\n");
      return 2;
    }
    return await lintCommand(parsed, io);
  } catch (error) {
    return fail(error, io);
  }
}

/** `invite-lint rules [--format json]` and `--explain <rule>`: the rules of the config that applies here. */
async function describeRules(parsed: Parsed, io: Io): Promise<number> {
  const rules = reportable(
    (await configSource(parsed.request, [], builtinRules)).forFile(parsed.request.stdinFilename).rules,
  );
  if (parsed.listRules) {
    io.stdout(parsed.format === "json" ? rulesJson(rules) : listRules(rules));
    return 0;
  }
  const rule = rules.rules.find((r) => r.id === parsed.explain);
  if (!rule)
    throw new UsageError(
      `--explain: unknown rule "${parsed.explain}"${
        didYouMean(
          parsed.explain!,
          rules.rules.map((r) => r.id),
        ) || " (see: invite-lint rules)"
      }`,
    );
  io.stdout(explain(rule, rules));
  return 0;
}

/** `--print-config [file]`: the options a note of that file is linted with. */
async function printConfig(parsed: Parsed, io: Io): Promise<number> {
  const target = typeof parsed.printConfig === "string" ? parsed.printConfig : parsed.files[0];
  const configs = await configSource(parsed.request, target ? [target] : [], builtinRules);
  const config = configs.forFile(target ?? parsed.request.stdinFilename);
  const request = { ...parsed.request, ruleSettings: parseRuleFlags(parsed.ruleFlags, config.rules) };
  io.stdout(`${JSON.stringify(printedConfig(target, config, request, parsed.maxWarnings), null, 2)}\n`);
  return 0;
}

/** Lints the inputs and writes the report; the exit status is the verdict. */
async function lintCommand(parsed: Parsed, io: Io): Promise<number> {
  if (parsed.outputFile !== undefined) checkOutputFile(parsed.outputFile);
  const config = parsed.request.noConfig ? false : parsed.request.config;
  const inputs = await expandInputs(parsed.files, { ...parsed.selection, config, warn: parsed.request.warn });
  const configs = await configSource(parsed.request, inputs, builtinRules);
  const noteConfigs = (inputs.length ? inputs : ["-"]).map((p) =>
    configs.forFile(lookupName(p, parsed.request.stdinFilename)),
  );
  const ruleSettings = parseRuleFlags(parsed.ruleFlags, noteConfigs[0]!.rules);
  const request = { ...parsed.request, resolver: configs, ruleSettings };
  // Named paths that were all skipped (ignored, unmatched) leave nothing to lint: stdin is not read in their place.
  const results: LintRun =
    !inputs.length && parsed.files.length
      ? { async *[Symbol.asyncIterator]() {}, clusters: [], rulesMeta: [] }
      : parsed.fix
        ? // --fix and --fix-dry-run: src/node/fix.ts, loaded only for them.
          await (await import("./node/fix.js")).fixRun(inputs, request, { mode: parsed.fix, quiet: parsed.quiet })
        : lintRun(inputs, request);
  const color = useColor(parsed.color, io, parsed.outputFile !== undefined);
  // chalk loads only for a coloured report.
  const paint = color ? (await import("./report/chalk-paint.js")).chalkPaint() : undefined;
  let fd: number | undefined;
  const open = (): Sink => {
    if (parsed.outputFile === undefined) return { write: io.stdout, drain: io.drain };
    fd = openOutput(parsed.outputFile);
    return { write: (text) => void writeSync(fd!, text) };
  };
  let summary: Awaited<ReturnType<typeof writeReport>>;
  try {
    summary = await writeReport(
      results,
      parsed.format,
      { color, paint, version: pkg.version, quiet: parsed.quiet },
      open,
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const limit = warningLimit(parsed.maxWarnings, noteConfigs);
  const tooManyWarnings = limit !== undefined && summary.warnings > limit;
  if (tooManyWarnings) io.stderr(`invite-lint: ${summary.warnings} warnings, more than --max-warnings ${limit}\n`);
  return summary.failed === 0 && !tooManyWarnings ? 0 : 1;
}

/** `-o` into a folder that does not exist, or onto a folder: a usage error before any note is read. */
function checkOutputFile(path: string): void {
  const dir = statSync(dirname(resolve(path)), { throwIfNoEntry: false });
  if (!dir?.isDirectory()) throw new UsageError(`--output-file ${path}: the folder ${dirname(path)} does not exist`);
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`--output-file ${path}: is a folder`);
}

function openOutput(path: string): number {
  try {
    return openSync(path, "w");
  } catch (error) {
    throw new UsageError(`--output-file ${path}: ${describe(error)}`);
  }
}

function fail(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0)
      return 0;
    // Commander puts its suggestion on a second line: "(Did you mean --format?)".
    const [first, ...rest] = error.message.replace(/^error: /, "").split("\n");
    const hint = /^\(Did you mean (.+)\?\)$/.exec(rest.find((l) => l.startsWith("(Did you mean")) ?? "");
    io.stderr(`invite-lint: ${first}${hint ? `; did you mean ${hint[1]}?` : ""}\n`);
    return 2;
  }
  if (error instanceof RuleFileError) {
    io.stderr(`${error.message}\n`);
    return 2;
  }
  if (error instanceof InputError || error instanceof UsageError) {
    io.stderr(`invite-lint: ${error.message}\n`);
    return 2;
  }
  const e = error as NodeJS.ErrnoException;
  io.stderr(`invite-lint: internal error: ${e?.message?.split("\n")[0] ?? String(error)}\n`);
  return 2;
}
