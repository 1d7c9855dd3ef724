import { relative } from "node:path";
import type { LintOptions, LintResult, Message, RuleSetData, RuleSetting, SeveritySetting } from "../engine/types.js";
import { linterFor } from "../engine/default.js";
import { LineIndex } from "../engine/text.js";
import { builtinRules } from "../builtin.js";
import { splitDocument, documentKind, type NoteUnit } from "../documents.js";
import { ConfigResolver, type LoadedConfig } from "./config.js";
import { DEFAULT_MAX_BYTES, readText } from "./input.js";

export interface LintFilesOptions {
  /** Use this config file instead of searching (`--config`). */
  config?: string;
  /** Use no config file (`--no-config`). */
  noConfig?: boolean;
  /** Name for stdin in reports and config lookup. */
  stdinFilename?: string;
  maxBytes?: number;
  /** Options that win over config files (command-line flags). */
  overrides?: Partial<LintOptions>;
  /** Rule settings that win over config files (`--rule`). */
  ruleSettings?: Record<string, SeveritySetting | RuleSetting>;
  reportUnusedDirectives?: boolean;
  /** Built-in rules to start from. */
  rules?: RuleSetData;
  /** Reads stdin; defaults to file descriptor 0. */
  readStdin?: () => string;
}

/** Lints files (and `-` for stdin): Markdown, collections and plain notes, each with its nearest config. */
export function lintFiles(paths: string[], options: LintFilesOptions = {}): LintResult[] {
  const resolver = new ConfigResolver(options.rules ?? builtinRules, { configPath: options.config, noConfig: options.noConfig });
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const results: LintResult[] = [];
  for (const p of paths.length ? paths : ["-"]) {
    const isStdin = p === "-";
    const name = isStdin ? (options.stdinFilename ?? "<stdin>") : p;
    const text = isStdin ? (options.readStdin ? options.readStdin() : readText(0, maxBytes, name)) : readText(p, maxBytes, p);
    const configFor = isStdin ? options.stdinFilename : p;
    results.push(...lintDocument(name, text, resolver.forFile(configFor), options, isStdin && !options.stdinFilename ? "text" : documentKind(name)));
  }
  return results;
}

export function lintDocument(name: string, text: string, config: LoadedConfig, options: LintFilesOptions, kind = documentKind(name)): LintResult[] {
  const linter = linterFor(config.rules);
  const units = splitDocument(name, text, kind);
  const positions = units.length > 1 || kind !== "text" ? new LineIndex(text) : undefined;
  return units.map((unit) => {
    const base = lintOptionsFor(unit, config, options);
    const lintOpts: LintOptions = { ...base, offset: unit.offset, source: text, positions, characters: unit.characters, file: unit.name };
    const usedSuppress = new Set<number>();
    const result = linter.lint(unit.text, {
      ...lintOpts, disable: unit.disable, suppress: unit.suppress, onSuppress: (i) => usedSuppress.add(i),
    });
    if (options.reportUnusedDirectives && unit.directives.length) {
      // A whole-note disable is used when the rule fires without it.
      const fired = unit.disable.length ? new Set(linter.lint(unit.text, lintOpts).messages.map((m) => m.ruleId)) : new Set<string>();
      const index = positions ?? new LineIndex(text);
      for (const d of unit.directives) {
        const unused = d.kind === "disable"
          ? d.rules.filter((r) => !fired.has(r))
          : d.suppress !== undefined && !usedSuppress.has(d.suppress) ? (d.rules.length ? d.rules : ["(all rules)"]) : [];
        for (const r of unused) result.messages.push(unusedDirective(r, d.offset, index));
      }
    }
    return result;
  });
}

function unusedDirective(rule: string, offset: number, index: LineIndex): Message {
  const p = index.position(offset);
  return {
    ruleId: "unused-disable-directive", check: "directives", severity: "warning",
    message: `Unused invite-lint-disable directive (no "${rule}" finding here)`, suggestion: "Remove the directive.",
    line: p.line, column: p.column, endLine: p.line, endColumn: p.column, offset, endOffset: offset,
  };
}

function lintOptionsFor(unit: NoteUnit, config: LoadedConfig, options: LintFilesOptions): LintOptions {
  const c = config.data;
  const o = options.overrides ?? {};
  const facts = unit.facts;
  return {
    account: o.account ?? c.account,
    limit: o.limit ?? c.limit,
    template: o.template ?? facts.template ?? c.template,
    minScore: o.minScore ?? c.minScore,
    lang: o.lang ?? c.lang,
    to: o.to ?? facts.to,
    company: o.company ?? facts.company,
    context: o.context ?? facts.context,
    kind: o.kind ?? facts.kind,
    allow: [...(c.allow ?? []), ...(o.allow ?? [])],
    settings: { ...(c.settings ?? {}), ...(options.ruleSettings ?? {}) },
  };
}

export function displayPath(p: string): string {
  return p === "-" ? "<stdin>" : relative(process.cwd(), p) || p;
}
