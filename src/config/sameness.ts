import { MIN_THRESHOLD } from "../engine/sameness.js";
import { LintUsageError } from "../engine/lint.js";

/** `sameness:` in a config file: the near-duplicate check's threshold, or off. */
export interface SamenessConfig {
  threshold: number | "off";
}

const RANGE = `a number from ${MIN_THRESHOLD} to 1`;

const validThreshold = (v: unknown): v is number | "off" =>
  v === "off" || (typeof v === "number" && v >= MIN_THRESHOLD && v <= 1);

/** Checks a config's `sameness` value; a problem names the key path under `sameness` it is at. */
export function validateSameness(
  v: unknown,
): { value: SamenessConfig } | { path: string[]; message: string; key?: boolean } {
  if (typeof v !== "object" || v === null || Array.isArray(v))
    return { path: [], message: `"sameness" must be a mapping: { threshold: ${RANGE} | off }` };
  for (const k of Object.keys(v))
    if (k !== "threshold") return { path: [k], message: `unknown key "${k}" (use threshold)`, key: true };
  const t = (v as Record<string, unknown>).threshold;
  if (!validThreshold(t)) return { path: ["threshold"], message: `"sameness.threshold" must be ${RANGE}, or off` };
  return { value: { threshold: t } };
}

/** `--sameness <n|off>`. */
export function parseSamenessFlag(v: string | undefined): number | "off" | undefined {
  if (v === undefined) return undefined;
  const t = v === "off" ? "off" : /^(?:0(?:\.\d+)?|1(?:\.0*)?|\.\d+)$/.test(v) ? Number(v) : NaN;
  if (!validThreshold(t)) throw new LintUsageError(`--sameness must be ${RANGE}, or off`);
  return t;
}
