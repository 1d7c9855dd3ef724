import { dirname, resolve } from "node:path";
import type { LintOptions, LintResult, Message, RuleSetData, RuleSetting, SeveritySetting } from "../engine/types.js";
import { linterFor } from "../engine/default.js";
import type { LinearCompiler } from "../engine/linear.js";
import { LineIndex } from "../engine/text.js";
import { builtinRules } from "../builtin.js";
import { documentFormat } from "../document-format.js";
import type { NoteUnit } from "../documents.js";
import type { ConfigData } from "../config/schema.js";
import { findConfig } from "./config-find.js";
import { DEFAULT_MAX_BYTES, readText } from "./input.js";
import type { Cluster } from "../engine/sameness.js";
import { samenessPass } from "./sameness-pass.js";
import type { LintFilesOptions, NoteConfig } from "./lint-options.js";

export type { LintFilesOptions, NoteConfig } from "./lint-options.js";


/** Notes linted between turns of the event loop. */
const YIELD_EVERY = 64;


/**
 * Lints files (and `-` for stdin): plain notes, Markdown and collections, each with its
 * nearest config. Config files, Markdown and collections need the YAML parser and rule-pack
 * loader; those are loaded only when an input needs them, so a plain note starts fast.
 */
export async function lintFiles(paths: string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const inputs = paths.length ? paths : ["-"];
  const base = options.rules ?? builtinRules;
  const formatOf = (p: string) => (p === "-" ? (options.stdinFilename ? documentFormat(options.stdinFilename) : "text") : documentFormat(p));
  const lookupFor = (p: string) => (p === "-" ? options.stdinFilename : p);
  const searched = new Map<string, string | undefined>();
  const needsConfig = !options.resolver && !options.noConfig && (options.config !== undefined ||
    inputs.some((p) => findConfig(resolve(dirname(lookupFor(p) ?? "./-")), searched) !== undefined));
  const needsDocuments = inputs.some((p) => formatOf(p) !== "text");
  const configs = options.resolver ?? (needsConfig ? new (await import("./config.js")).ConfigResolver(base, { configPath: options.config }) : undefined);
  const documents = needsDocuments ? await import("../documents.js") : undefined;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // Near-duplicates: a first pass fingerprints every note (src/node/sameness-pass.ts).
  const same = await samenessPass(inputs, options, configs, base);
  const readStdin = same?.readStdin ?? options.readStdin;
  const results: LintResult[] = [];
  let done = 0;
  for (const p of inputs) {
    const isStdin = p === "-";
    const name = isStdin ? (options.stdinFilename ?? "<stdin>") : p;
    const text = isStdin ? (readStdin ? readStdin() : readText(0, maxBytes, name, options.allowBinary)) : readText(p, maxBytes, p, options.allowBinary);
    const config: NoteConfig = configs ? configs.forFile(lookupFor(p)) : { data: {}, rules: base };
    const format = formatOf(p);
    const split = () => (documents ? documents.splitDocument(name, text, format, { sections: config.sections?.(lookupFor(p) ?? name), onWarning: options.onWarning }) : [plainUnit(name, text)]);
    const units = same ? same.units(text, split) : split();
    for (const r of lintUnits(units, text, format !== "text", config, options)) {
      same?.attach(r);
      if (options.onResult) await options.onResult(r);
      else results.push(r);
      // Let signals (Ctrl-C) and output through during a long run.
      if (++done % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  options.onClusters?.(same?.clusters() ?? []);
  return results;
}

function plainUnit(name: string, text: string): NoteUnit {
  return { name, text, offset: 0, characters: text.trim().length, facts: {}, disable: [], suppress: [], directives: [] };
}

/** Lints the notes of one file with its configuration, one at a time. */
export function* lintUnits(units: Iterable<NoteUnit>, text: string, shared: boolean, config: NoteConfig, options: LintFilesOptions): Generator<LintResult> {
  const linter = linterFor(config.rules, config.linear);
  const positions = shared ? new LineIndex(text) : undefined;
  for (const unit of units) {
    let usedSuppress: Set<number> | undefined;
    const onSuppress = unit.suppress.length ? (i: number) => void (usedSuppress ??= new Set()).add(i) : undefined;
    const result = linter.lint(unit.text, lintOptionsFor(unit, text, positions, config.data, options, onSuppress));
    if (options.reportUnusedDirectives && unit.directives.length) {
      // A whole-note disable is used when the rule fires without it.
      const plain = { ...lintOptionsFor(unit, text, positions, config.data, options), disable: undefined, suppress: undefined };
      const fired = unit.disable.length ? new Set(linter.lint(unit.text, plain).messages.map((m) => m.ruleId)) : new Set<string>();
      const index = positions ?? new LineIndex(text);
      for (const d of unit.directives) {
        const unused = d.action === "disable"
          ? d.rules.filter((r) => !fired.has(r))
          : d.suppress !== undefined && !usedSuppress?.has(d.suppress) ? (d.rules.length ? d.rules : ["(all rules)"]) : [];
        for (const r of unused) result.messages.push(unusedDirective(r, d.offset, index));
      }
    }
    yield result;
  }
}

function unusedDirective(rule: string, offset: number, index: LineIndex): Message {
  const p = index.position(offset);
  return {
    ruleId: "unused-disable-directive", check: "directives", severity: "warning",
    message: `Unused invite-lint-disable directive (no "${rule}" finding here)`, suggestion: "Remove the directive.",
    line: p.line, column: p.column, endLine: p.line, endColumn: p.column, offset, endOffset: offset,
  };
}

/**
 * The options for one note, built as one literal: objects made by spreading a dozen or more
 * properties take a slower path in V8 and, made once per note, filled the old generation
 * with garbage in long runs.
 */
function lintOptionsFor(
  unit: NoteUnit, source: string, positions: LineIndex | undefined, c: ConfigData, options: LintFilesOptions, onSuppress?: (index: number) => void,
): LintOptions {
  const o = options.overrides ?? {};
  const facts = unit.facts;
  return {
    account: o.account ?? c.account,
    limit: o.limit ?? c.limit,
    nameLength: o.nameLength ?? c.nameLength,
    template: o.template ?? facts.template ?? c.template,
    minScore: o.minScore ?? c.minScore,
    lang: o.lang ?? c.lang,
    to: o.to ?? facts.to,
    company: o.company ?? facts.company,
    context: o.context ?? facts.context,
    type: o.type ?? facts.type,
    allow: c.allow?.length || o.allow?.length ? [...(c.allow ?? []), ...(o.allow ?? [])] : undefined,
    ignore: unit.ignore,
    offset: unit.offset,
    source,
    positions,
    characters: unit.characters,
    file: unit.name,
    disable: unit.disable,
    suppress: unit.suppress,
    onSuppress,
    settings: c.settings || options.ruleSettings ? { ...(c.settings ?? {}), ...(options.ruleSettings ?? {}) } : undefined,
  };
}
