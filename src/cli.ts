import { Command, CommanderError, Option } from "commander";
import { closeSync, existsSync, openSync, writeFileSync, writeSync } from "node:fs";
import pkg from "../package.json" with { type: "json" };
import type { LintResult, RuleDef, RuleSetData, RuleSetting, SeveritySetting } from "./engine/types.js";
import { LintUsageError } from "./engine/lint.js";
import { builtinRules } from "./builtin.js";
import { format, FORMATS, streamFormatter, type FormatName } from "./report/index.js";
import { addToSummary, emptySummary } from "./report/summary.js";
import { ruleUrl } from "./report/sarif.js";
import { RuleFileError } from "./ruleset/validate.js";
import { findConfig } from "./node/config-find.js";
import type { ConfigData } from "./config/schema.js";
import { dirname, resolve } from "node:path";
import { expandInputs } from "./node/files.js";
import { DEFAULT_MAX_BYTES, InputError } from "./node/input.js";
import { lintFiles } from "./node/lint-files.js";
import { STARTER_CONFIG } from "./node/starter-config.js";
import { parseSamenessFlag } from "./config/sameness.js";
import { withClusters } from "./report/clusters.js";
import { DEFAULT_THRESHOLD, type Cluster } from "./engine/sameness.js";

const NOTE_TYPES = ["reconnect", "cold", "event", "recruiter", "sales", "job-seeker", "alumni", "other"];

/** Results written at the end of a run; past this many, the report streams. */
const STREAM_AFTER = 256;

/** A usage problem: one line on stderr, exit status 2. */
class UsageError extends Error {}

export interface Io {
  /** Writes to stdout; false asks the caller to wait for `drain` before writing more. */
  stdout: (s: string) => boolean | void;
  /** Resolves when stdout can take more (a slow pipe reader). */
  drain?: () => Promise<void>;
  stderr: (s: string) => void;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** The environment (`process.env` in Node); a plain record, so the published types need no @types/node. */
  env: Readonly<Record<string, string | undefined>>;
}

const EXAMPLES = `
Examples:
  $ echo "Hi Priya, great meeting you at PyData Denver..." | invite-lint
  $ invite-lint note.txt --to "Priya Shah"
  $ invite-lint templates/ --template --format github
  $ invite-lint outreach.yaml -f sarif -o invite-lint.sarif
  $ invite-lint rules                  list every rule
  $ invite-lint --explain stock-invitation
  $ invite-lint init                   write a starter .invite-lintrc.yaml
  $ invite-lint web [--port N] [--open]  the browser page on 127.0.0.1 (or open dist/web/index.html)

Exit status: 0 every note passes, 1 a note fails (or too many warnings), 2 usage, input or config error.`;

function program(io: Io): Command {
  const p = new Command("invite-lint")
    .description("Lint the note on a LinkedIn connection request: generic phrases, personalization, context, value, tone, length, readability.")
    .argument("[file...]", "files, folders or globs to lint; - or nothing reads stdin")
    .version(pkg.version, "-V, --version")
    .addOption(new Option("-f, --format <name>", "report format").choices([...FORMATS]).default("stylish"))
    .option("-o, --output-file <path>", "write the report to a file")
    .option("--to <name>", "the recipient's name; the note should use it")
    .option("--company <name>", "the recipient's company")
    .option("--context <text>", 'how you know them, e.g. "met at PyData Denver"; the note should say it')
    .addOption(new Option("--type <type>", "type of note").choices(NOTE_TYPES))
    .addOption(new Option("--kind <type>", "older name of --type").choices(NOTE_TYPES).hideHelp())
    .addOption(new Option("--account <type>", "LinkedIn account: free = 200 characters, premium = 300").choices(["free", "premium"]))
    .option("--template", "the input is a template: merge fields like {{first_name}} are allowed slots")
    .option("--min-score <n>", "lowest passing score (default 70)")
    .option("--lang <code>", "language of the note (en, de, fr, es, pt, it, nl) or auto")
    .option("--rule <id=severity>", "set a rule or check to off|info|warning|error (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option("--allow <phrase>", "never flag this phrase (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option("-c, --config <path>", "use this config file instead of searching for one")
    .option("--no-config", "use no config file")
    .option("--print-config [file]", "print the configuration that applies to a file and exit")
    .option("--list-rules", "list every rule and exit (same as: invite-lint rules)")
    .option("--explain <rule>", "explain one rule with examples and exit")
    .option("--max-warnings <n>", "fail (exit 1) when there are more than n warnings")
    .option("--quiet", "report errors only")
    .option("--stdin-filename <path>", "name stdin for config lookup and reports")
    .option("--max-bytes <n>", `refuse inputs larger than this (default ${DEFAULT_MAX_BYTES})`)
    .option("--binary", "lint files with NUL bytes instead of refusing them")
    .option("--report-unused-disable-directives", "report invite-lint-disable comments that suppress nothing")
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
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}`);
  return Number(v);
}

function parseRuleSettings(list: string[], rules: RuleSetData): Record<string, SeveritySetting | RuleSetting> {
  const ids = new Set([...rules.rules.map((r) => r.id), ...rules.scoring.checks.map((c) => c.id)]);
  const out: Record<string, SeveritySetting> = {};
  for (const item of list) {
    const m = /^([a-z0-9-]+)[=:](off|info|warning|error)$/.exec(item);
    if (!m) throw new UsageError(`--rule "${item}": expected id=off|info|warning|error`);
    if (!ids.has(m[1]!)) throw new UsageError(`--rule: unknown rule or check id "${m[1]}" (see: invite-lint rules)`);
    out[m[1]!] = m[2] as SeveritySetting;
  }
  return out;
}

function useColor(opts: { color?: boolean }, io: Io, toFile: boolean): boolean {
  const force = io.env.FORCE_COLOR;
  if (opts.color === false) return false;
  if (toFile) return false;
  if (force !== undefined && force !== "" ) return force !== "0" && force !== "false";
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (opts.color === true) return true;
  return io.stdoutIsTTY && io.env.TERM !== "dumb";
}

function listRules(rules: RuleSetData): string {
  const rows = [...rules.rules].sort((a, b) => a.check.localeCompare(b.check) || a.id.localeCompare(b.id));
  const w = Math.max(...rows.map((r) => r.id.length));
  const lines = rows.map((r) => `${r.id.padEnd(w)}  ${r.check.padEnd(15)}  ${(r.kind === "cue" ? "cue" : r.severity).padEnd(7)}  ${r.description}`);
  return `${"rule".padEnd(w)}  ${"check".padEnd(15)}  ${"level".padEnd(7)}  description\n${lines.join("\n")}\n`;
}

function explain(rule: RuleDef, rules: RuleSetData): string {
  const out = [`${rule.id} (${rule.check} check, ${rule.kind}${rule.kind === "cue" ? "" : `, ${rule.severity}`})`, "", rule.description, ""];
  out.push("Score:", ...fittedWeights(rule, rules), "");
  const matchers = [
    ...Object.entries(rule.phrases).map(([lang, list]) => `  phrases (${lang}): ${list.slice(0, 8).map((p) => `"${p}"`).join(", ")}${list.length > 8 ? `, and ${list.length - 8} more` : ""}`),
    ...Object.entries(rule.patterns).map(([lang, list]) => `  patterns (${lang}): ${list.length}, e.g. /${list[0]}/`),
  ];
  if (rule.metric) matchers.push(`  metric: ${rule.metric} ${JSON.stringify(rule.params)}`);
  if (rule.detector) matchers.push(`  detector: ${rule.detector}${Object.keys(rule.params).length ? ` ${JSON.stringify(rule.params)}` : ""}`);
  if (rule.kind === "missing") matchers.push(`  fires when ${rule.requires.join(" + ")} score below ${rule.below}`);
  if (rule.cap) matchers.push(`  caps the score at ${rule.cap.score}${rule.cap.unless.length ? ` unless ${rule.cap.unless.join(" or ")}` : ""}`);
  out.push("Matches:", ...matchers, "");
  if (rule.hint) out.push(`Fix: ${rule.hint}`, "");
  for (const b of rule.examples.bad) out.push(`Bad:  ${b}`);
  for (const g of rule.examples.good) out.push(`Good: ${g}`);
  out.push("", `Docs: ${ruleUrl(rule)}`);
  return `${out.join("\n")}\n`;
}

/** What a rule is worth: its fitted weights (rules/weights.yaml), or the points its file gives it. */
function fittedWeights(rule: RuleDef, rules: RuleSetData): string[] {
  const m = rules.model;
  const sign = rule.kind === "cue" ? 1 : -1;
  if (rule.kind !== "cue" && rule.severity === "info") return ["  info: shown, costs no points"];
  const w = m?.verdict.weights[rule.id];
  if (!m || (w === undefined && !rule.builtin)) return [`  ${sign > 0 ? "+" : "-"}${rule.weight} points when it ${sign > 0 ? "matches" : "fires"} (from its rule file; rule packs are not fitted)`];
  const points = (w ?? 0) * m.scale;
  const lines = [`  verdict: ${w === undefined ? "no weight (fitted to 0)" : `${w > 0 ? "+" : ""}${w} logit = ${points > 0 ? "+" : ""}${points.toFixed(1)} points`} (fitted, rules/weights.yaml)`];
  for (const [check, cm] of Object.entries(m.checks)) {
    const cw = cm.weights[rule.id];
    if (cw !== undefined) lines.push(`  ${check} check: ${cw > 0 ? "+" : ""}${cw} logit`);
  }
  return lines;
}

/** What the CLI needs of configuration; the YAML-reading resolver loads only when a config exists. */
interface Resolver {
  forFile(file: string | undefined): { path?: string; data: ConfigData; rules: RuleSetData };
}

async function resolverFor(opts: { config?: string | false }, inputs: string[], stdinFilename?: string): Promise<Resolver> {
  if (opts.config === false) return { forFile: () => ({ data: {}, rules: builtinRules }) };
  const searched = new Map<string, string | undefined>();
  const dirs = (inputs.length ? inputs : [undefined]).map((f) => resolve(dirname(f === "-" || f === undefined ? (stdinFilename ?? "./-") : f)));
  if (typeof opts.config !== "string" && !dirs.some((d) => findConfig(d, searched))) {
    return { forFile: () => ({ data: {}, rules: builtinRules }) };
  }
  const { ConfigResolver } = await import("./node/config.js");
  return new ConfigResolver(builtinRules, { configPath: typeof opts.config === "string" ? opts.config : undefined });
}

/** Runs the CLI; returns the exit status. Nothing here calls process.exit. */
export async function run(argv: string[], io: Io): Promise<number> {
  const cmd = program(io);
  try {
    const first = argv[0];
    // `invite-lint rules` is --list-rules: the built-in rules and those of the config's packs.
    if (first === "rules") argv = ["--list-rules", ...argv.slice(1)];
    if (first === "lsp") {
      // The language server takes over stdin and stdout; run() resolves when it exits.
      await import("./lsp/main.js");
      return new Promise<number>(() => {});
    }
    // `invite-lint web` serves the browser page (dist/web) on 127.0.0.1: src/node/web-server.ts.
    if (first === "web") return (await import("./node/web-server.js")).serveWeb(argv.slice(1), io);
    if (first === "init") {
      const target = ".invite-lintrc.yaml";
      if (existsSync(target)) throw new UsageError(`${target} already exists; not overwritten`);
      writeFileSync(target, STARTER_CONFIG, { flag: "wx" });
      io.stderr(`wrote ${target}\n`);
      return 0;
    }
    cmd.parse(argv, { from: "user" });
    const opts = cmd.opts<Record<string, unknown> & { color?: boolean; config?: string | false }>();
    const files = cmd.args;
    const maxBytes = intOption(opts.maxBytes as string | undefined, "--max-bytes", 1, 1024 * 1024 * 1024) ?? DEFAULT_MAX_BYTES;
    const minScore = intOption(opts.minScore as string | undefined, "--min-score", 0, 100);
    const maxWarnings = intOption(opts.maxWarnings as string | undefined, "--max-warnings", 0, Number.MAX_SAFE_INTEGER);
    const stdinFilename = opts.stdinFilename as string | undefined;
    const sameness = parseSamenessFlag(opts.sameness as string | undefined);
    const lang = opts.lang as string | undefined;
    if (lang !== undefined && lang !== "auto" && !(lang in builtinRules.languages)) {
      throw new UsageError(`--lang must be auto or one of ${Object.keys(builtinRules.languages).join(", ")}`);
    }

    if (opts.listRules || typeof opts.explain === "string") {
      const rules = (await resolverFor(opts, [], stdinFilename)).forFile(undefined).rules;
      if (opts.listRules) {
        io.stdout(listRules(rules));
        return 0;
      }
      const rule = rules.rules.find((r) => r.id === opts.explain);
      if (!rule) throw new UsageError(`--explain: unknown rule "${opts.explain}" (see: invite-lint rules)`);
      io.stdout(explain(rule, rules));
      return 0;
    }
    if (opts.printConfig !== undefined) {
      const target = typeof opts.printConfig === "string" ? opts.printConfig : files[0];
      const loaded = (await resolverFor(opts, target ? [target] : [], stdinFilename)).forFile(target ?? stdinFilename);
      const ruleSettings = parseRuleSettings(opts.rule as string[], loaded.rules);
      const account = (opts.account as string | undefined) ?? loaded.data.account ?? "premium";
      const merged = {
        configFile: loaded.path ?? null,
        minScore: minScore ?? loaded.data.minScore ?? loaded.rules.scoring.minScore,
        account,
        limit: loaded.data.limit ?? loaded.rules.scoring.limits[account],
        template: Boolean(opts.template ?? loaded.data.template ?? false),
        lang: opts.lang ?? loaded.data.lang ?? "auto",
        allow: [...(loaded.data.allow ?? []), ...(opts.allow as string[])],
        rulePacks: loaded.data.rules ?? [],
        maxWarnings: maxWarnings ?? loaded.data.maxWarnings ?? null,
        sameness: { threshold: sameness ?? loaded.data.sameness?.threshold ?? DEFAULT_THRESHOLD },
        settings: { ...(loaded.data.settings ?? {}), ...ruleSettings },
        rules: Object.fromEntries(loaded.rules.rules.map((r) => [r.id, (ruleSettings[r.id] ?? loaded.data.settings?.[r.id] ?? (r.kind === "cue" ? "cue" : r.severity))])),
      };
      io.stdout(`${JSON.stringify(merged, null, 2)}\n`);
      return 0;
    }

    if (files.length === 0 && io.stdinIsTTY) {
      io.stderr(cmd.helpInformation());
      io.stderr("\ninvite-lint: no input: name a file, or pipe a note into stdin\n");
      return 2;
    }
    const inputs = await expandInputs(files);
    const resolver = await resolverFor(opts, inputs, stdinFilename);
    const formatName = opts.format as FormatName;
    const firstFile = inputs.find((f) => f !== "-");
    const ruleSettings = parseRuleSettings(opts.rule as string[], resolver.forFile(firstFile ?? stdinFilename).rules);
    const toFile = typeof opts.outputFile === "string";
    const color = useColor(opts, io, toFile);
    // chalk loads only for a coloured report.
    const paint = color ? (await import("./report/chalk-paint.js")).chalkPaint() : undefined;
    const formatOptions = { color, paint, rules: builtinRules, version: pkg.version };
    const stream = streamFormatter(formatName, formatOptions);
    // Streamable formats write result by result once a run is large, so memory stays bounded;
    // smaller runs are written at the end, so an input error leaves no partial report.
    const pending: string[] = [];
    let streaming = false;
    let fd: number | undefined;
    /** Writes or holds a piece; true when the reader is keeping up. */
    const emit = (text: string): boolean => {
      if (!text) return true;
      if (!streaming) pending.push(text);
      else if (toFile) writeSync(fd!, text);
      else return io.stdout(text) !== false;
      return true;
    };
    const flush = () => {
      streaming = true;
      if (toFile) fd = openSync(opts.outputFile as string, "w");
      const text = pending.join("");
      pending.length = 0;
      emit(text);
    };
    const summary = emptySummary();
    const kept: LintResult[] = [];
    let clusters: Cluster[] = [];
    if (stream) emit(stream.start());
    const onResult = async (r: LintResult) => {
      if (opts.quiet) r.messages = r.messages.filter((m) => m.severity === "error");
      addToSummary(summary, r);
      if (!stream) {
        kept.push(r);
        return;
      }
      const keepingUp = emit(stream.result(r));
      if (!streaming && summary.files >= STREAM_AFTER) flush();
      else if (!keepingUp && io.drain) await io.drain();
    };
    try {
      await lintFiles(inputs, {
        resolver,
        config: typeof opts.config === "string" ? opts.config : undefined,
        noConfig: opts.config === false,
        stdinFilename,
        maxBytes,
        allowBinary: Boolean(opts.binary),
        ruleSettings,
        reportUnusedDirectives: Boolean(opts.reportUnusedDisableDirectives),
        onResult,
        sameness,
        onClusters: (c) => (clusters = c),
        overrides: {
          to: opts.to as string | undefined, company: opts.company as string | undefined, context: opts.context as string | undefined,
          type: (opts.type ?? opts.kind) as string | undefined, account: opts.account as "free" | "premium" | undefined,
          template: opts.template ? true : undefined, minScore, lang: opts.lang as string | undefined,
          allow: opts.allow as string[],
        },
      });
      emit(stream ? withClusters(formatName, stream.end(summary), clusters, formatOptions) : format({ version: 1, results: kept, summary, ...(clusters.length ? { clusters } : {}) }, formatName, formatOptions));
      if (!streaming) flush();
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    const limit = maxWarnings ?? inputs.map((f) => resolver.forFile(f === "-" ? stdinFilename : f).data.maxWarnings).find((v) => v !== undefined);
    const tooManyWarnings = limit !== undefined && summary.warnings > limit;
    if (tooManyWarnings) io.stderr(`invite-lint: ${summary.warnings} warnings, more than --max-warnings ${limit}\n`);
    return summary.failed === 0 && !tooManyWarnings ? 0 : 1;
  } catch (error) {
    return fail(error, io);
  }
}

function fail(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0) return 0;
    io.stderr(`invite-lint: ${error.message.replace(/^error: /, "").split("\n")[0]}\n`);
    return 2;
  }
  if (error instanceof RuleFileError) {
    io.stderr(`${error.message}\n`);
    return 2;
  }
  if (error instanceof InputError || error instanceof UsageError || error instanceof LintUsageError) {
    io.stderr(`invite-lint: ${error.message}\n`);
    return 2;
  }
  const e = error as NodeJS.ErrnoException;
  io.stderr(`invite-lint: internal error: ${e?.message?.split("\n")[0] ?? String(error)}\n`);
  return 2;
}
