/** Helpers for rule phrases and patterns, shared by the matchers and the rule validator. */
import type { Vocabulary } from "./types.js";

/** Expands `{name}` references to vocabulary lists; unknown names are reported by the caller. */
export function expandVocabulary(pattern: string, vocabulary: Vocabulary, unknown?: (name: string) => void): string {
  return pattern.replace(/\{([a-z][a-z0-9-]*)\}/g, (whole, name: string) => {
    const words = vocabulary[name];
    if (!words) {
      unknown?.(name);
      return whole;
    }
    return `(?:${words.map(escapeRegExp).join("|")})`;
  });
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Case-, space- and apostrophe-insensitive key of a phrase, for duplicate checks and matching. */
export function phraseKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
