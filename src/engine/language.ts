import { letterWords } from "./chars.js";

/**
 * Cheap language guess for short notes: counts each language's function words.
 * English wins ties and notes with little evidence (another language needs at least two of
 * its words), since it has the deepest rules.
 */
export function detectLanguage(norm: string, languages: Record<string, { stopwords: string[] }>): string {
  const words = letterWords(norm);
  if (words.length === 0) return "en";
  let best = "en";
  let bestScore = 0;
  for (const [code, { stopwords }] of Object.entries(languages)) {
    const set = stopSets.get(stopwords) ?? new Set(stopwords);
    stopSets.set(stopwords, set);
    let score = 0;
    for (const w of words) if (set.has(w)) score++;
    if (code !== "en" && score < 2) continue;
    if (score > bestScore || (score === bestScore && code === "en")) {
      best = code;
      bestScore = score;
    }
  }
  return best;
}

const stopSets = new WeakMap<string[], Set<string>>();
