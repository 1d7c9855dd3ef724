import type { LinearCompiler } from "./linear.js";
import { UsageError } from "../errors.js";
import type { RuleDef, RuleSetData } from "./types.js";
import type { Span } from "./context.js";
import { atWordBoundary, isWordChar, WORD_CLASS } from "./text.js";
import { requiredLiteralSets } from "./anchors.js";
import { escapeRegExp, expandVocabulary, phraseKey } from "./patterns.js";

/** Finds spans (at most `limit`) in normalised (lower-cased, apostrophe-folded) text. */
export type Matcher = (norm: string, limit?: number) => Span[];

export interface CompiledRule {
  def: RuleDef;
  /** The rule's matchers for a language, those for every language (`any`) first; built on first use. */
  matchersFor(lang: string): Matcher[];
}

const WORD = WORD_CLASS;

/** Upper bound on the spans one matcher reports for one note. */
const MAX_SPANS = 10_000;

/** True when `norm` contains a literal of each of the sets. */
function holdsAll(norm: string, sets: string[][]): boolean {
  return sets.every((set) => set.some((l) => norm.includes(l)));
}

/** One alternation of all the rule's phrases for a language: one scan, not one per phrase. */
export function phraseMatcher(phrases: string[]): Matcher {
  // Built on first use: most notes never get past a matcher's literal gate.
  let re: RegExp | undefined;
  const build = () => {
    const alternatives = [...new Set(phrases.map(phraseKey))]
      .sort((a, b) => b.length - a.length)
      .map((p) => escapeRegExp(p).replace(/ /g, "\\s+").replace(/'/g, "['’]?"));
    // The end boundary is in the regex, so the longest phrase that fits wins; the start is
    // checked in code, which leaves V8 its fast scan for the phrases' first characters.
    const source = alternatives.join("|");
    return new RegExp(`(?:${source})(?!${WORD})`, "gu");
  };
  // Every match contains its phrase's longest plain word: a note with none of them is skipped.
  const words = phrases.map((p) =>
    phraseKey(p)
      .split(/[\s']+/)
      .reduce((a, b) => (b.length > a.length ? b : a), ""),
  );
  const literals = words.every((w) => w.length >= 3) ? [[...new Set(words)]] : undefined;
  return gated(literals, (norm, more, limit) => {
    const out: Span[] = [];
    re ??= build();
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = out.length < limit && more(re.lastIndex) ? re.exec(norm) : null) {
      const start = m.index;
      if (m[0].length === 0 || (isWordChar(norm[start - 1]) && isWordChar(norm[start]))) {
        re.lastIndex = start + 1;
        continue;
      }
      out.push({ start, end: start + m[0].length });
    }
    return out;
  });
}

/**
 * A rule pattern. Built-in patterns run on V8's regex engine; patterns from user rule packs
 * run on the linear-time engine the caller passes (RE2, re2js), so a pattern like `(a+)+$`
 * cannot hang the process.
 */
export function patternMatcher(
  source: string,
  linear: LinearCompiler | undefined,
  literals: string[][] | null | undefined = requiredLiteralSets(source),
): Matcher {
  return gated(literals ?? undefined, linearOrNative(source, linear));
}

/** Scans for up to `limit` matches; `more(from)` says whether one could still start at or after `from`. */
type Scan = (norm: string, more: (from: number) => boolean, limit: number) => Span[];

/**
 * Skips the regex unless the text holds a string of each set that every match needs, and
 * stops scanning once the rest of the text holds none. Besides the work saved, a regex that
 * matches once is then run once, not a second time to find nothing more: V8 compiles a
 * regex to machine code on its second run, which for these large patterns costs more than
 * the scan.
 */
function gated(sets: string[][] | undefined, scan: Scan): Matcher {
  if (!sets) return (norm, limit = MAX_SPANS) => scan(norm, () => true, Math.min(limit, MAX_SPANS));
  // After a match: the next occurrence of each literal at or after the position asked about
  // (-1: none left); each is searched for again only once the scan has passed it, so the
  // checks cost one pass over the text per literal, however many matches there are.
  let text = "";
  let next: Map<string, number> | undefined;
  const at = (l: string, from: number) => {
    next ??= new Map();
    let i = next.get(l);
    if (i === undefined || (i !== -1 && i < from)) next.set(l, (i = text.indexOf(l, from)));
    return i;
  };
  const more = (from: number) => sets.every((set) => set.some((l) => at(l, from) !== -1));
  return (norm, limit = MAX_SPANS) => {
    if (!holdsAll(norm, sets)) return [];
    text = norm;
    next = undefined;
    return scan(norm, more, Math.min(limit, MAX_SPANS));
  };
}

function linearOrNative(source: string, linear: LinearCompiler | undefined): Scan {
  if (linear) {
    const match = linear(source);
    return (norm, _more, limit) => match(norm).slice(0, limit);
  }
  // The end boundary sits inside the regex, so V8 backtracks to a longer alternative
  // ("worked" rather than "work" in "worked"); the start boundary is checked here, which
  // keeps V8's fast scan for the pattern's first characters.
  let re: RegExp | undefined;
  return (norm, more, limit) => {
    const out: Span[] = [];
    re ??= new RegExp(`(?:${source})(?:(?<!${WORD})|(?!${WORD}))`, "gu");
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = out.length < limit && more(re.lastIndex) ? re.exec(norm) : null) {
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

/**
 * Compiles the rules' matchers for a language when a note in that language first needs them.
 * Rule packs' patterns need `linear`, a linear-time regex engine (invite-lint's RE2 compiler).
 */
export function compileRules(data: RuleSetData, linear?: LinearCompiler): CompiledRule[] {
  const built = new Set<string>();
  if (!linear && data.rules.some((r) => !r.builtin && Object.keys(r.patterns).length > 0)) {
    throw new UsageError(
      "a rule pack's patterns need a linear-time regex engine: pass { linear: re2Compiler } to createLinter",
    );
  }
  const rules = data.rules.map((def) => {
    const byLang = new Map<string, Matcher[]>();
    const own = (lang: string): Matcher[] => {
      const out: Matcher[] = [];
      const phrases = def.phrases[lang];
      if (phrases?.length) out.push(phraseMatcher(phrases));
      (def.patterns[lang] ?? []).forEach((p, i) => {
        out.push(
          patternMatcher(
            expandVocabulary(p, data.vocabulary),
            def.builtin ? undefined : linear,
            def.anchors?.[lang]?.[i],
          ),
        );
      });
      return out;
    };
    const build = (lang: string) => {
      if (!byLang.has("any")) byLang.set("any", own("any"));
      if (lang !== "any") byLang.set(lang, [...byLang.get("any")!, ...own(lang)]);
    };
    return { def, byLang, build };
  });
  return rules.map(({ def, byLang }) => ({
    def,
    matchersFor(lang: string): Matcher[] {
      if (!built.has(lang)) {
        for (const r of rules) r.build(lang);
        built.add(lang);
      }
      return byLang.get(lang)!;
    },
  }));
}
