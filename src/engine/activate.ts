/**
 * Phase 1: which rules run for a note, at which severity and weight, from the rule set, the
 * settings (`--rule`, config `settings`) and the note's directives.
 */
import type { CompiledRule } from "./compile.js";
import type { LintOptions, RuleDef, RuleSetData, RuleSetting, Severity, SeveritySetting } from "./types.js";
import { UsageError, didYouMean } from "../errors.js";
import { RULE_ID as NEAR_DUPLICATE_ID } from "./sameness.js";

/**
 * The ids a setting may name: every rule and check of the set, and near-duplicate, which
 * compares the notes of a run (its setting is taken by the linter and used by the run).
 */
export function settingIds(rules: RuleSetData): Set<string> {
  return new Set([...rules.rules.map((r) => r.id), ...rules.scoring.checks.map((c) => c.id), NEAR_DUPLICATE_ID]);
}

export interface ActiveRule {
  rule: CompiledRule;
  severity: Severity;
  /** Points the rule is worth when the fitted model has no weight for it (its file's `weight`, or a setting's). */
  weight: number;
  /** A `weight` was set for the rule: it replaces the fitted weight. */
  weighted: boolean;
  /** The rule's check is switched off: it runs so the check can be made neutral, but reports nothing. */
  silent: boolean;
}

export interface Activation {
  rules: ActiveRule[];
  /** Checks switched off (`--rule context=off`): scored as if they passed. */
  off: Set<string>;
}

const SEVERITIES: readonly string[] = ["off", "info", "warning", "error"];

export function resolveSetting(s: SeveritySetting | RuleSetting | undefined): RuleSetting | undefined {
  if (s === undefined) return undefined;
  return typeof s === "string" ? { severity: s } : s;
}

/** Builds activations, caching the one for notes without settings or directives. */
export function activator(
  compiled: CompiledRule[],
  checks: ReadonlySet<string>,
  ids: ReadonlySet<string>,
): (options: LintOptions) => Activation {
  let plain: Activation | undefined;
  return (options) => {
    const simple = (!options.settings || Object.keys(options.settings).length === 0) && !options.disable?.length;
    if (simple) return (plain ??= activate(compiled, checks, ids, {}));
    return activate(compiled, checks, ids, options);
  };
}

/**
 * A rule's severity under the settings. A rule whose check is off still runs (silent: the
 * check is scored as if it passed) and reports nothing.
 */
export function ruleSeverity(
  def: RuleDef,
  settings: Record<string, SeveritySetting | RuleSetting>,
): { severity: SeveritySetting; silent: boolean; own: RuleSetting } {
  const own = resolveSetting(settings[def.id]) ?? {};
  const ofCheck = resolveSetting(settings[def.check]) ?? {};
  const silent = ofCheck.severity === "off";
  return { severity: own.severity ?? (silent ? def.severity : ofCheck.severity) ?? def.severity, silent, own };
}

function activate(
  compiled: CompiledRule[],
  checks: ReadonlySet<string>,
  ids: ReadonlySet<string>,
  options: LintOptions,
): Activation {
  const settings = options.settings ?? {};
  for (const [id, value] of Object.entries(settings)) {
    if (!ids.has(id)) throw new UsageError(`unknown rule or check id "${id}"${didYouMean(id, ids)}`);
    const s = resolveSetting(value);
    const severityOk = s?.severity === undefined || SEVERITIES.includes(s.severity);
    const weightOk = s?.weight === undefined || (typeof s.weight === "number" && s.weight >= 0 && s.weight <= 100);
    if (typeof s !== "object" || s === null || !severityOk || !weightOk) {
      throw new UsageError(
        `setting of "${id}" must be off, info, warning or error, or { severity, weight } with a weight from 0 to 100`,
      );
    }
  }
  const off = new Set([...checks].filter((c) => resolveSetting(settings[c])?.severity === "off"));
  const disabled = new Set(options.disable ?? []);
  const rules: ActiveRule[] = [];
  for (const rule of compiled) {
    const def = rule.def;
    if (disabled.has(def.id) || disabled.has(def.check)) continue;
    const { severity, silent, own } = ruleSeverity(def, settings);
    if (severity === "off") continue;
    rules.push({ rule, severity, weight: own.weight ?? def.weight, weighted: own.weight !== undefined, silent });
  }
  return { rules, off };
}
