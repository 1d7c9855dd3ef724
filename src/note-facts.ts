// What a note may say about itself: the keys of Markdown front matter, of a collection entry
// and of a Markdown section's facts comment, checked as strictly as a config file. A mistyped
// key or value is a problem at its position, never silently dropped.
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";
import { NOTE_TYPES } from "./engine/options.js";
import { didYouMean } from "./errors.js";

/** Recipient facts and template mode, as a note states them. */
export interface NoteFacts {
  to?: string;
  company?: string;
  type?: string;
  context?: string;
  template?: boolean;
}

/** How a Markdown file is read: as one note, or as a note per section under a heading. */
export type MarkdownCollection = "sections" | "none";

const FACT_KEYS = ["to", "company", "type", "kind", "context", "template"] as const;
/** Keys of Markdown front matter. */
export const FRONT_MATTER_KEYS: readonly string[] = [...FACT_KEYS, "collection"];
/** Keys of an entry in a list collection (`- id: welcome` / `text: ...`). */
export const LIST_ENTRY_KEYS: readonly string[] = ["id", "text", ...FACT_KEYS, "disable"];
/** Keys of an entry in a map collection (`welcome: {text: ...}`): the key is the id. */
export const MAP_ENTRY_KEYS: readonly string[] = ["text", ...FACT_KEYS, "disable"];
/** Keys of a Markdown facts comment (`<!-- invite-lint-facts to: Priya Shah -->`). */
export const SECTION_KEYS: readonly string[] = [...FACT_KEYS, "disable"];

const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** One problem, at an offset of the parsed text. */
export interface FactProblem {
  offset: number;
  message: string;
}

export interface ReadFacts {
  facts: NoteFacts;
  disable: string[];
  collection?: MarkdownCollection;
  /** The `text` pair's value, for collection entries (not checked here). */
  text?: unknown;
  /** The `id` value, for list entries. */
  id?: string;
  problems: FactProblem[];
}

const start = (n: unknown): number => (n as { range?: number[] } | null)?.range?.[0] ?? 0;

/**
 * Reads a mapping of facts: only `keys` are allowed; `label` names the place in messages
 * ("front matter", `entry "welcome"`). Problems carry offsets of the parsed text.
 */
export function readFacts(map: YAMLMap, keys: readonly string[], label: string): ReadFacts {
  const out: ReadFacts = { facts: {}, disable: [], problems: [] };
  const fail = (at: unknown, message: string) =>
    out.problems.push({ offset: start(at), message: `${label}: ${message}` });
  let typeKey: string | undefined;
  for (const pair of map.items as Pair<unknown, unknown>[]) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    if (key === undefined || !keys.includes(key)) {
      fail(keyNode, `unknown key ${key === undefined ? "(not a plain key)" : `"${key}"`}${suggest(key ?? "", keys)}`);
      continue;
    }
    const v = pair.value as Node | null;
    const value = isScalar(v) ? v.value : v;
    // `to:` with nothing after it means "not set", as in config files.
    if (value === null || value === undefined) {
      if (key === "text" || key === "id") fail(v ?? keyNode, `"${key}" is empty`);
      continue;
    }
    switch (key) {
      case "text":
        out.text = v;
        break;
      case "id":
        if (!isScalar(v) || (typeof value !== "string" && typeof value !== "number") || String(value).trim() === "")
          fail(v, `"id" must be a string or a number`);
        else out.id = String(value);
        break;
      case "to":
      case "company":
      case "context":
        if (typeof value !== "string" || value.trim() === "") fail(v, `"${key}" must be a non-empty string`);
        else out.facts[key] = value;
        break;
      case "type":
      case "kind":
        if (typeKey !== undefined) {
          fail(keyNode, `"${key}" and "${typeKey}" both set (kind is the older name of type: keep one)`);
          break;
        }
        typeKey = key;
        if (typeof value !== "string" || !(NOTE_TYPES as readonly string[]).includes(value)) {
          fail(
            v,
            `"${key}" must be one of ${NOTE_TYPES.join(", ")}${typeof value === "string" ? ` (got "${value}"${suggest(value, NOTE_TYPES, "")})` : ""}`,
          );
        } else out.facts.type = value;
        break;
      case "template":
        if (typeof value !== "boolean") fail(v, `"template" must be true or false`);
        else out.facts.template = value;
        break;
      case "disable":
        if (!isSeq(v) || v.items.some((x) => !isScalar(x) || typeof x.value !== "string" || !RULE_ID.test(x.value)))
          fail(v, `"disable" must be a list of rule or check ids`);
        else out.disable = v.items.map((x) => String((x as { value: string }).value));
        break;
      case "collection":
        if (value !== "sections" && value !== "none")
          fail(v, `"collection" must be "sections" (a note per section under a heading) or "none" (one note)`);
        else out.collection = value;
        break;
    }
  }
  return out;
}

/** Whether a node is a mapping with a `text` key: a collection entry. */
export function hasTextKey(node: unknown): boolean {
  return isMap(node) && node.items.some((p) => isScalar(p.key) && p.key.value === "text");
}

/** A key of `node` (a mapping) that looks like a misspelt `text` ("txet", "Text"), for the warning on a file that is not a collection. */
export function misspeltText(node: unknown): string | undefined {
  if (!isMap(node)) return undefined;
  for (const p of node.items) {
    const k = isScalar(p.key) ? String(p.key.value) : "";
    if (k !== "text" && (k.toLowerCase() === "text" || didYouMean(k, ["text"]) !== "")) return k;
  }
  return undefined;
}

/** `; did you mean "text"?` for a near miss, else the known keys. */
function suggest(word: string, known: readonly string[], fallback?: string): string {
  return didYouMean(word, known) || (fallback ?? ` (known: ${known.join(", ")})`);
}
