/**
 * The one place options are merged. Command-line flags (or an API caller's options, or the
 * language server's settings) win over a note's own facts (front matter, collection entry),
 * which win over its config file, which wins over the rule set's defaults. The CLI, lintFiles,
 * --print-config and the language server all go through here, so what --print-config shows is
 * what a note is linted with.
 */
import { dirname, resolve } from "node:path";
import type { LintOptions, RuleDef, RuleSetData, RuleSetting, SeveritySetting } from "../engine/types.js";
import { ruleSeverity, settingIds } from "../engine/activate.js";
import { DEFAULT_THRESHOLD } from "../engine/sameness.js";
import { UsageError, didYouMean } from "../errors.js";
import type { ConfigData } from "./schema.js";
import type { NoteUnit } from "../documents.js";
import { DEFAULT_FILES, DEFAULT_IGNORES } from "../node/files.js";
import { findConfig } from "../config/find.js";
import type { LintFilesOptions, NoteConfig } from "../node/lint-options.js";

/** The configuration of each note of a run, by the file it is in (`undefined`: stdin). */
export interface ConfigSource {
  forFile(file: string | undefined): NoteConfig;
}

/** The name a config is looked up by: stdin is found by --stdin-filename, else from the working folder. */
export const lookupName = (input: string, stdinFilename?: string) => (input === "-" ? stdinFilename : input);

/**
 * Where each note's configuration comes from. The YAML-reading resolver loads only when some
 * input has a config file to read (or one is named), so a plain note starts fast.
 */
export async function configSource(
  request: LintFilesOptions,
  inputs: string[],
  base: RuleSetData,
): Promise<ConfigSource> {
  if (request.resolver) return request.resolver;
  const none: ConfigSource = { forFile: () => ({ data: {}, rules: base }) };
  if (request.noConfig) return none;
  const searched = new Map<string, string | undefined>();
  const needed =
    request.config !== undefined ||
    (inputs.length ? inputs : ["-"]).some(
      (p) => findConfig(resolve(dirname(lookupName(p, request.stdinFilename) ?? "./-")), searched) !== undefined,
    );
  if (!needed) return none;
  const { ConfigResolver } = await import("../config/load.js");
  return new ConfigResolver(base, { configPath: request.config });
}

/** `--rule id=severity` items, checked against the rule set the run uses. */
export function parseRuleFlags(items: readonly string[], rules: RuleSetData): Record<string, SeveritySetting> {
  const ids = settingIds(rules);
  const out: Record<string, SeveritySetting> = {};
  for (const item of items) {
    const m = /^([a-z0-9-]+)[=:](off|info|warning|error)$/.exec(item);
    if (!m) throw new UsageError(`--rule "${item}": expected id=off|info|warning|error`);
    if (!ids.has(m[1]!))
      throw new UsageError(
        `--rule: unknown rule or check id "${m[1]}"${didYouMean(m[1]!, ids) || " (see: invite-lint rules)"}`,
      );
    out[m[1]!] = m[2] as SeveritySetting;
  }
  return out;
}

/**
 * The options one note is linted with, built as one literal: objects made by spreading a dozen
 * or more properties take a slower path in V8 and, made once per note, filled the old
 * generation with garbage in long runs.
 */
export function noteOptions(
  unit: NoteUnit,
  source: string,
  positions: LintOptions["positions"],
  c: ConfigData,
  request: LintFilesOptions,
  onSuppress?: (index: number) => void,
): LintOptions {
  const o = request.overrides ?? {};
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
    offsets: unit.offsets,
    source,
    positions,
    characters: unit.characters,
    file: unit.name,
    disable: unit.disable,
    suppress: unit.suppress,
    onSuppress,
    settings:
      c.settings || request.ruleSettings ? { ...(c.settings ?? {}), ...(request.ruleSettings ?? {}) } : undefined,
  };
}

/** The near-duplicate threshold of a run: the option, else the first of the inputs' configs that sets one, else 0.8. */
export function samenessThreshold(request: LintFilesOptions, configs: NoteConfig[]): number | "off" {
  if (request.sameness !== undefined) return request.sameness;
  for (const c of configs) {
    const t = c.data.sameness?.threshold;
    if (t !== undefined) return t;
  }
  return DEFAULT_THRESHOLD;
}

/** The warning limit of a run: the option (`--max-warnings`, -1 for none), else the first of the inputs' configs that sets one. */
export function warningLimit(maxWarnings: number | undefined, configs: NoteConfig[]): number | undefined {
  const limit = maxWarnings ?? configs.map((c) => c.data.maxWarnings).find((v) => v !== undefined);
  return limit === undefined || limit < 0 ? undefined : limit;
}

/** What a rule does in a note with these settings: its severity, "cue", or "off" (not run, or its check is off). */
export function ruleState(def: RuleDef, settings: Record<string, SeveritySetting | RuleSetting>): string {
  const { severity, silent } = ruleSeverity(def, settings);
  if (severity === "off" || silent) return "off";
  return def.kind === "cue" ? "cue" : severity;
}

/** `--print-config`: the options a note of `file` is linted with, from the same merge as linting. */
export function printedConfig(
  file: string | undefined,
  config: NoteConfig,
  request: LintFilesOptions,
  maxWarnings: number | undefined,
) {
  const unit: NoteUnit = {
    name: file ?? "<stdin>",
    text: "",
    offset: 0,
    characters: 0,
    facts: {},
    disable: [],
    suppress: [],
    directives: [],
  };
  const o = noteOptions(unit, "", undefined, config.data, request);
  const scoring = config.rules.scoring;
  const account = o.account ?? "premium";
  const settings = o.settings ?? {};
  return {
    configFile: config.path ?? null,
    minScore: o.minScore ?? scoring.minScore,
    account,
    limit: o.limit ?? scoring.limits[account],
    template: o.template ?? false,
    lang: o.lang ?? "auto",
    allow: o.allow ?? [],
    ...(o.to !== undefined ? { to: o.to } : {}),
    ...(o.company !== undefined ? { company: o.company } : {}),
    ...(o.context !== undefined ? { context: o.context } : {}),
    ...(o.type !== undefined ? { type: o.type } : {}),
    files: config.data.files ?? DEFAULT_FILES,
    ignores: [...DEFAULT_IGNORES, ...(config.data.ignores ?? [])],
    sections: config.data.sections ?? [],
    rulePacks: config.data.rules ?? [],
    maxWarnings: warningLimit(maxWarnings, [config]) ?? null,
    sameness: { threshold: samenessThreshold(request, [config]) },
    settings,
    rules: Object.fromEntries(config.rules.rules.map((r) => [r.id, ruleState(r, settings)])),
  };
}
