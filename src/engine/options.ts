/**
 * The options of one lint call, checked before the note is read: an API caller who passes
 * `{ type: "friend" }` or no text gets a UsageError that says what is wrong, not a TypeError
 * from deep inside a phase.
 */
import type { LintOptions, RuleSetData } from "./types.js";
import { UsageError, didYouMean } from "../errors.js";

/** The types of note the rules know (`--type`, front matter `type:`). */
export const NOTE_TYPES = [
  "reconnect",
  "cold",
  "event",
  "recruiter",
  "sales",
  "job-seeker",
  "alumni",
  "other",
] as const;

const STRINGS = ["file", "to", "company", "context", "source", "lang"] as const;
const NUMBERS = {
  limit: [1, 100_000],
  minScore: [0, 100],
  offset: [0, Number.MAX_SAFE_INTEGER],
  characters: [0, Number.MAX_SAFE_INTEGER],
  nameLength: [0, 100],
} as const;
const OTHERS = [
  "account",
  "template",
  "type",
  "kind",
  "allow",
  "settings",
  "disable",
  "suppress",
  "ignore",
  "onSuppress",
  "positions",
  "offsets",
] as const;
const KNOWN = new Set<string>([...STRINGS, ...Object.keys(NUMBERS), ...OTHERS]);

const isList = (v: unknown, item: (x: unknown) => boolean) => Array.isArray(v) && v.every(item);
const isRange = (x: unknown) =>
  typeof x === "object" &&
  x !== null &&
  typeof (x as { start: unknown }).start === "number" &&
  typeof (x as { end: unknown }).end === "number";

/**
 * Checks the text and options of a lint call; returns the options to lint with (`kind`, the
 * older name of `type`, becomes `type`). Throws UsageError on the first problem.
 */
export function checkLintCall(text: unknown, options: LintOptions | undefined, data: RuleSetData): LintOptions {
  if (typeof text !== "string") throw new UsageError(`lint: the note must be a string, not ${describe(text)}`);
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || Array.isArray(options))
    throw new UsageError(`lint: options must be an object, not ${describe(options)}`);
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    const v = o[key];
    if (v === undefined) continue;
    if (!KNOWN.has(key))
      throw new UsageError(
        `lint: unknown option "${key}"${didYouMean(
          key,
          [...KNOWN].filter((k) => k !== "kind"),
        )}`,
      );
    if ((STRINGS as readonly string[]).includes(key) && typeof v !== "string")
      throw new UsageError(`lint: option "${key}" must be a string, not ${describe(v)}`);
    if (key in NUMBERS) {
      const [min, max] = NUMBERS[key as keyof typeof NUMBERS];
      if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
        throw new UsageError(`lint: option "${key}" must be a whole number from ${min} to ${max}, not ${describe(v)}`);
    }
  }
  const type = o.type ?? o.kind;
  if (type !== undefined && !(NOTE_TYPES as readonly unknown[]).includes(type)) {
    throw new UsageError(
      `lint: option "type" must be one of ${NOTE_TYPES.join(", ")}, not ${describe(type)}${typeof type === "string" ? didYouMean(type, NOTE_TYPES) : ""}`,
    );
  }
  if (o.account !== undefined && o.account !== "free" && o.account !== "premium")
    throw new UsageError(`lint: option "account" must be "free" or "premium", not ${describe(o.account)}`);
  if (o.template !== undefined && typeof o.template !== "boolean")
    throw new UsageError(`lint: option "template" must be true or false, not ${describe(o.template)}`);
  if (o.lang !== undefined && o.lang !== "auto" && !((o.lang as string) in data.languages)) {
    throw new UsageError(
      `lint: option "lang" must be auto or one of ${Object.keys(data.languages).join(", ")}, not ${describe(o.lang)}`,
    );
  }
  for (const key of ["allow", "disable"] as const) {
    if (o[key] !== undefined && !isList(o[key], (x) => typeof x === "string"))
      throw new UsageError(`lint: option "${key}" must be a list of strings`);
  }
  for (const key of ["suppress", "ignore"] as const) {
    if (o[key] !== undefined && !isList(o[key], isRange))
      throw new UsageError(`lint: option "${key}" must be a list of { start, end } ranges`);
  }
  if (
    o.settings !== undefined &&
    (typeof o.settings !== "object" || o.settings === null || Array.isArray(o.settings))
  ) {
    throw new UsageError(`lint: option "settings" must be an object of rule or check id to severity`);
  }
  if (
    o.offsets !== undefined &&
    (!isList(o.offsets, (x) => typeof x === "number") || (o.offsets as number[]).length !== text.length + 1)
  )
    throw new UsageError(
      `lint: option "offsets" must be a list of numbers, one per character of the note and one for its end`,
    );
  if (o.onSuppress !== undefined && typeof o.onSuppress !== "function")
    throw new UsageError(`lint: option "onSuppress" must be a function`);
  if (o.kind !== undefined) {
    const { kind: _older, ...rest } = o;
    return { ...(rest as LintOptions), type: type as string };
  }
  return options;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return typeof v === "undefined" ? "undefined" : `a ${typeof v}`;
}
