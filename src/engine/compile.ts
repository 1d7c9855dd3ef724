import { linearCompiler } from "./linear.js";
import type { RuleDef, RuleSetData } from "./types.js";
import type { Span } from "./metrics.js";
import { atWordBoundary, isWordChar, WORD_CLASS } from "./text.js";
import { requiredLiteralSets } from "./anchors.js";
import { escapeRegExp, expandVocabulary, phraseKey } from "../rules/validate.js";

/** Finds spans in normalised (lower-cased, apostrophe-folded) text. */
export type Matcher = (norm: string) => Span[];

export interface CompiledRule {
  def: RuleDef;
  /** Matchers by language code; `any` applies to every language. */
  matchers: Map<string, Matcher[]>;
}

const WORD = WORD_CLASS;

/** Upper bound on the spans one matcher reports for one note. */
const MAX_SPANS = 10_000;

/** One alternation of all the rule's phrases for a language: one scan, not one per phrase. */
export function phraseMatcher(phrases: string[]): Matcher {
  const alternatives = [...new Set(phrases.map(phraseKey))]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/ /g, "\\s+").replace(/'/g, "['’]?"));
  // The end boundary is in the regex, so the longest phrase that fits wins; the start is
  // checked in code, which leaves V8 its fast scan for the phrases' first characters.
  const re = new RegExp(`(?:${alternatives.join("|")})(?!${WORD})`, "gu");
  // Every match contains its phrase's longest plain word: a note with none of them is skipped.
  const words = phrases.map((p) => phraseKey(p).split(/[\s']+/).reduce((a, b) => (b.length > a.length ? b : a), ""));
  const literals = words.every((w) => w.length >= 3) ? [[...new Set(words)]] : undefined;
  return gated(literals, (norm) => {
    const out: Span[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(norm); m && out.length < MAX_SPANS; m = re.exec(norm)) {
      const start = m.index;
      if (m[0].length === 0 || isWordChar(norm[start - 1]) && isWordChar(norm[start])) {
        re.lastIndex = start + 1;
        continue;
      }
      out.push({ start, end: start + m[0].length });
    }
    return out;
  });
}

/**
 * A rule pattern. Built-in patterns run on V8's regex engine; patterns from user rule
 * packs run on RE2 (re2js), whose matching time is linear in the input, so a pattern
 * like `(a+)+$` cannot hang the process.
 */
export function patternMatcher(source: string, linear: boolean, literals: string[][] | null | undefined = requiredLiteralSets(source)): Matcher {
  return gated(literals ?? undefined, linearOrNative(source, linear));
}

/** Skips the regex unless the text holds a string of each set that every match needs. */
function gated(sets: string[][] | undefined, run: Matcher): Matcher {
  if (!sets) return run;
  return (norm) => (sets.every((set) => set.some((l) => norm.includes(l))) ? run(norm) : []);
}

function linearOrNative(source: string, linear: boolean): Matcher {
  if (linear) return linearCompiler()(source);
  // The end boundary sits inside the regex, so V8 backtracks to a longer alternative
  // ("worked" rather than "work" in "worked"); the start boundary is checked here, which
  // keeps V8's fast scan for the pattern's first characters.
  const re = new RegExp(`(?:${source})(?:(?<!${WORD})|(?!${WORD}))`, "gu");
  return (norm) => {
    const out: Span[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(norm); m && out.length < MAX_SPANS; m = re.exec(norm)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start || !atWordBoundary(norm, start, end)) {
        re.lastIndex = start + 1;
        continue;
      }
      out.push({ start, end });
    }
    return out;
  };
}


export function compileRules(data: RuleSetData): CompiledRule[] {
  return data.rules.map((def) => {
    const matchers = new Map<string, Matcher[]>();
    const add = (lang: string, m: Matcher) => {
      const list = matchers.get(lang) ?? [];
      list.push(m);
      matchers.set(lang, list);
    };
    for (const [lang, list] of Object.entries(def.phrases)) if (list.length) add(lang, phraseMatcher(list));
    for (const [lang, list] of Object.entries(def.patterns)) {
      list.forEach((p, i) => {
        const anchors = def.anchors?.[lang]?.[i];
        add(lang, patternMatcher(expandVocabulary(p, data.vocabulary), !def.builtin, anchors));
      });
    }
    return { def, matchers };
  });
}
