import type { LintResult, Message, RuleDef, RuleSetData } from "../engine/types.js";
import { linterFor } from "../engine/default.js";
import { LineIndex } from "../engine/text.js";
import { builtinRules } from "../builtin.js";
import { documentFormat } from "../document-format.js";
import type { NoteUnit } from "../documents.js";
import { plainUnit } from "../note-unit.js";
import { DEFAULT_MAX_BYTES, readText } from "./input.js";
import { NEAR_DUPLICATE_RULE, type Cluster } from "../engine/sameness.js";
import { samenessPass, type SamenessCache } from "./sameness-pass.js";
import type { CachedNote, ResultCache } from "./cache.js";
import pkg from "../../package.json" with { type: "json" };
import { configSource, lookupName, noteOptions } from "../config/resolve.js";

import type { LintFilesOptions, NoteConfig } from "./lint-options.js";

export type { LintFilesOptions, NoteConfig } from "./lint-options.js";

/** Notes linted between turns of the event loop. */
const YIELD_EVERY = 64;

/**
 * A run over files: an async iterable of results, one per note, in input order. Iterating it
 * does the work; nothing is kept, so a run of any size holds one note at a time.
 */
export interface LintRun extends AsyncIterable<LintResult> {
  /** The near-duplicate clusters; complete once the iteration has ended. */
  readonly clusters: readonly Cluster[];
  /**
   * The metadata of every rule the results were linted with: the built-ins and the rule packs
   * of the configs used (ESLint's getRulesMetaForResults), for formatters that describe rules.
   */
  readonly rulesMeta: readonly RuleDef[];
}

/**
 * Lints files (and `-` for stdin): plain notes, Markdown and collections, each with its
 * nearest config. Config files, Markdown and collections need the YAML parser and rule-pack
 * loader; those are loaded only when an input needs them, so a plain note starts fast.
 */
export function lintRun(paths: string[], options: LintFilesOptions = {}): LintRun {
  const inputs = paths.length ? paths : ["-"];
  const base = options.rules ?? builtinRules;
  const ruleSets = new Set<RuleSetData>([base]);
  let clusters: Cluster[] = [];
  async function* results(): AsyncGenerator<LintResult> {
    const formatOf = (p: string) =>
      p === "-" ? (options.stdinFilename ? documentFormat(options.stdinFilename) : "text") : documentFormat(p);
    const configs = await configSource(options, inputs, base);
    const documents = inputs.some((p) => formatOf(p) !== "text") ? await import("../documents.js") : undefined;
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    // The cache and its crypto module load only for --cache.
    const cache = options.cache ? openCache(await import("./cache.js"), options, base) : undefined;
    const keyOf = (p: string, text: string) =>
      cache!.key(text, configs.forFile(lookupName(p, options.stdinFilename)).digest ?? "");
    /** Near-duplicate fingerprints of the files the cache did not have, kept for their new entries. */
    const fresh = new Map<number, CachedNote[]>();
    const samenessCache: SamenessCache | undefined = cache && {
      notes: (_input, p, text) => cache.notes(p, keyOf(p, text)),
      record: (input, notes) => void fresh.set(input, notes),
    };
    // Near-duplicates: a first pass fingerprints every note (src/node/sameness-pass.ts).
    const same = await samenessPass(inputs, options, configs, base, samenessCache);
    const readStdin = same?.readStdin ?? options.readStdin;
    let done = 0;
    for (const [input, p] of inputs.entries()) {
      const isStdin = p === "-";
      const name = isStdin ? (options.stdinFilename ?? "<stdin>") : p;
      const text = isStdin
        ? readStdin
          ? readStdin()
          : readText(0, maxBytes, name, options.allowBinary)
        : (options.readFile?.(p) ?? readText(p, maxBytes, p, options.allowBinary));
      const config = configs.forFile(lookupName(p, options.stdinFilename));
      ruleSets.add(config.rules);
      const format = formatOf(p);
      const split = () =>
        documents
          ? documents.splitDocument(name, text, format, {
              sections: config.sections?.(lookupName(p, options.stdinFilename) ?? name),
              warn: options.warn,
            })
          : [plainUnit(name, text)];
      const key = cache && !isStdin ? keyOf(p, text) : undefined;
      const hit = key !== undefined ? cache!.get(p, key) : undefined;
      if (hit) {
        const results = hit.results;
        same?.cached(results, hit.leads, text, split);
        if (same && !hit.hasNotes && fresh.has(input)) cache!.addNotes(p, fresh.get(input)!);
        for (const r of results) yield r;
        done += results.length;
        continue;
      }
      const units = same ? same.units(text, split) : split();
      let unit: NoteUnit | undefined;
      const tracked = (function* () {
        for (unit of units) yield unit;
      })();
      // What the cache keeps of each result is its JSON before the warnings and the report change it.
      const entry = key !== undefined ? { results: [] as string[], leads: [] as number[] } : undefined;
      for (const r of lintUnits(tracked, text, format !== "text", config, options)) {
        if (entry) {
          entry.results.push(JSON.stringify(r));
          entry.leads.push(unit!.offset + (unit!.text.length - unit!.text.trimStart().length));
        }
        same?.attach(r);
        yield r;
        // Let signals (Ctrl-C) and output through during a long run.
        if (++done % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      // A file of no notes is not kept: a YAML file that is not a collection gives its warning on every run.
      if (entry?.results.length)
        cache!.set(p, {
          key: key!,
          results: `[${entry.results.join(",")}]`,
          leads: entry.leads,
          ...(fresh.has(input) ? { notes: fresh.get(input)! } : {}),
        });
      fresh.delete(input);
    }
    const unsaved = cache?.save();
    if (unsaved) options.warn?.(unsaved);
    clusters = same?.clusters() ?? [];
  }
  return {
    [Symbol.asyncIterator]: results,
    get clusters() {
      return clusters;
    },
    get rulesMeta() {
      const byId = new Map<string, RuleDef>();
      for (const set of ruleSets) for (const r of set.rules) if (!byId.has(r.id)) byId.set(r.id, r);
      return [...byId.values(), NEAR_DUPLICATE_RULE];
    },
  };
}

/** Lints files and returns every result (see lintRun to take them one at a time). */
export async function lintFiles(paths: string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const run = lintRun(paths, options);
  const out: LintResult[] = [];
  for await (const r of run) out.push(r);
  options.onClusters?.([...run.clusters]);
  return out;
}

/** The cache of a run: its key is everything results depend on besides each file's text and config. */
function openCache(m: typeof import("./cache.js"), options: LintFilesOptions, base: RuleSetData): ResultCache {
  return new m.ResultCache(m.cacheFile(options.cacheLocation), {
    version: pkg.version,
    rules: base.digest ?? null,
    overrides: options.overrides ?? {},
    settings: options.ruleSettings ?? {},
    unusedDirectives: Boolean(options.reportUnusedDirectives),
    binary: Boolean(options.allowBinary),
  });
}

/** Lints the notes of one file with its configuration, one at a time. */
export function* lintUnits(
  units: Iterable<NoteUnit>,
  text: string,
  shared: boolean,
  config: NoteConfig,
  options: LintFilesOptions,
): Generator<LintResult> {
  const linter = linterFor(config.rules, config.linear);
  const positions = shared ? new LineIndex(text) : undefined;
  for (const unit of units) {
    let usedSuppress: Set<number> | undefined;
    const onSuppress = unit.suppress.length ? (i: number) => void (usedSuppress ??= new Set()).add(i) : undefined;
    const result = linter.lint(unit.text, noteOptions(unit, text, positions, config.data, options, onSuppress));
    if (options.reportUnusedDirectives && unit.directives.length) {
      // A whole-note disable is used when the rule fires without it.
      const plain = {
        ...noteOptions(unit, text, positions, config.data, options),
        disable: undefined,
        suppress: undefined,
      };
      const fired = unit.disable.length
        ? new Set(linter.lint(unit.text, plain).messages.map((m) => m.ruleId))
        : new Set<string>();
      const index = positions ?? new LineIndex(text);
      for (const d of unit.directives) {
        const unused =
          d.action === "disable"
            ? d.rules.filter((r) => !fired.has(r))
            : d.suppress !== undefined && !usedSuppress?.has(d.suppress)
              ? d.rules.length
                ? d.rules
                : ["(all rules)"]
              : [];
        for (const r of unused) result.messages.push(unusedDirective(r, d.offset, index));
      }
    }
    yield result;
  }
}

function unusedDirective(rule: string, offset: number, index: LineIndex): Message {
  const p = index.position(offset);
  return {
    ruleId: "unused-disable-directive",
    check: "directives",
    severity: "warning",
    message: `Unused invite-lint-disable directive (no "${rule}" finding here)`,
    suggestion: "Remove the directive.",
    line: p.line,
    column: p.column,
    endLine: p.line,
    endColumn: p.column,
    offset,
    endOffset: offset,
  };
}
