import { linearCompiler } from "./linear.js";
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

/**
 * The flags for a rule regex. Without the `u` flag V8 compiles a regex about a fifth faster;
 * it changes nothing for a source with no Unicode property classes, no `.`, no negated
 * classes or escapes (which would match half of a surrogate pair) and no astral characters.
 * Only the first-run compile matters here: most regexes run a few times per process.
 */
export function regexFlags(source: string): "g" | "gu" {
  return /\\[pPSWDu]|\.|\[\^|[\ud800-\udfff]/.test(source) ? "gu" : "g";
}

/** Upper bound on the spans one matcher reports for one note. */
const MAX_SPANS = 10_000;

/**
 * Which of the matchers' required literals a note holds. The first notes of a process check
 * each literal with includes(); from then on the literals are filed under their first three
 * characters and one pass over the note's three-character windows looks them up, so the cost
 * does not grow with the number of literals (some two thousand across the built-in rules;
 * includes() on each took half of a warm lint). Either way a set holds when the note contains
 * any of its literals.
 */
export class LiteralIndex {
  private readonly sets: string[][] = [];
  private byKey: Map<number, { literal: string; set: number }[]> | undefined;
  private short: { literal: string; set: number }[] = [];
  private filed = 0;
  private notes = 0;
  private lastNorm: string | undefined;
  private held: Uint8Array | undefined;

  /** Notes checked literal by literal before the index is built. */
  static readonly WARM = 8;

  /** Files a set of literals; returns its id. */
  add(literals: string[]): number {
    this.sets.push(literals);
    return this.sets.length - 1;
  }

  /** True when `norm` holds a literal of each of the sets. */
  holds(norm: string, ids: number[]): boolean {
    if (norm !== this.lastNorm) {
      this.lastNorm = norm;
      this.held = undefined;
      this.notes++;
    }
    if (this.notes <= LiteralIndex.WARM) return holdsAll(norm, ids.map((id) => this.sets[id]!));
    if (!this.held || this.held.length !== this.sets.length) this.held = this.scan(norm);
    for (const id of ids) if (this.held[id] === 0) return false;
    return true;
  }

  private scan(norm: string): Uint8Array {
    const byKey = (this.byKey ??= new Map());
    for (; this.filed < this.sets.length; this.filed++) {
      for (const literal of this.sets[this.filed]!) {
        const entry = { literal, set: this.filed };
        if (literal.length < 3) this.short.push(entry);
        else {
          const k = key3(literal, 0);
          const list = byKey.get(k);
          if (list) list.push(entry);
          else byKey.set(k, [entry]);
        }
      }
    }
    const held = new Uint8Array(this.sets.length);
    for (const { literal, set } of this.short) if (held[set] === 0 && norm.includes(literal)) held[set] = 1;
    for (let i = 0; i + 3 <= norm.length; i++) {
      const list = byKey.get(key3(norm, i));
      if (list) for (const { literal, set } of list) if (held[set] === 0 && norm.startsWith(literal, i)) held[set] = 1;
    }
    return held;
  }
}

/** True when `norm` contains a literal of each of the sets. */
function holdsAll(norm: string, sets: string[][]): boolean {
  return sets.every((set) => set.some((l) => norm.includes(l)));
}

/**
 * The three UTF-16 code units at i as one small integer (ten bits each, so beyond U+03FF two
 * windows can share a key: that only adds candidates, which startsWith() then rejects).
 */
function key3(s: string, i: number): number {
  return ((s.charCodeAt(i) & 0x3ff) << 20) | ((s.charCodeAt(i + 1) & 0x3ff) << 10) | (s.charCodeAt(i + 2) & 0x3ff);
}

/** One alternation of all the rule's phrases for a language: one scan, not one per phrase. */
export function phraseMatcher(phrases: string[], index?: LiteralIndex): Matcher {
  // Built on first use: most notes never get past a matcher's literal gate.
  let re: RegExp | undefined;
  const build = () => {
    const alternatives = [...new Set(phrases.map(phraseKey))]
      .sort((a, b) => b.length - a.length)
      .map((p) => escapeRegExp(p).replace(/ /g, "\\s+").replace(/'/g, "['’]?"));
    // The end boundary is in the regex, so the longest phrase that fits wins; the start is
    // checked in code, which leaves V8 its fast scan for the phrases' first characters.
    const source = alternatives.join("|");
    return new RegExp(`(?:${source})(?!${WORD})`, regexFlags(source));
  };
  // Every match contains its phrase's longest plain word: a note with none of them is skipped.
  const words = phrases.map((p) => phraseKey(p).split(/[\s']+/).reduce((a, b) => (b.length > a.length ? b : a), ""));
  const literals = words.every((w) => w.length >= 3) ? [[...new Set(words)]] : undefined;
  return gated(literals, index, (norm, more, limit) => {
    const out: Span[] = [];
    re ??= build();
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = out.length < limit && more(re.lastIndex) ? re.exec(norm) : null) {
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
export function patternMatcher(
  source: string, linear: boolean, literals: string[][] | null | undefined = requiredLiteralSets(source), index?: LiteralIndex,
): Matcher {
  return gated(literals ?? undefined, index, linearOrNative(source, linear));
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
function gated(sets: string[][] | undefined, index: LiteralIndex | undefined, scan: Scan): Matcher {
  if (!sets) return (norm, limit = MAX_SPANS) => scan(norm, () => true, Math.min(limit, MAX_SPANS));
  const ids = index ? sets.map((set) => index.add(set)) : undefined;
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
    if (ids ? !index!.holds(norm, ids) : !holdsAll(norm, sets)) return [];
    text = norm;
    next = undefined;
    return scan(norm, more, Math.min(limit, MAX_SPANS));
  };
}

function linearOrNative(source: string, linear: boolean): Scan {
  if (linear) {
    const match = linearCompiler()(source);
    return (norm, _more, limit) => match(norm).slice(0, limit);
  }
  // The end boundary sits inside the regex, so V8 backtracks to a longer alternative
  // ("worked" rather than "work" in "worked"); the start boundary is checked here, which
  // keeps V8's fast scan for the pattern's first characters.
  let re: RegExp | undefined;
  return (norm, more, limit) => {
    const out: Span[] = [];
    re ??= new RegExp(`(?:${source})(?:(?<!${WORD})|(?!${WORD}))`, regexFlags(source));
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
 * Compiles the rules' matchers for a language when a note in that language first needs them,
 * all rules at once, so that the literal index is complete before it first scans a note.
 */
export function compileRules(data: RuleSetData): CompiledRule[] {
  const index = new LiteralIndex();
  const built = new Set<string>();
  const rules = data.rules.map((def) => {
    const byLang = new Map<string, Matcher[]>();
    const own = (lang: string): Matcher[] => {
      const out: Matcher[] = [];
      const phrases = def.phrases[lang];
      if (phrases?.length) out.push(phraseMatcher(phrases, index));
      (def.patterns[lang] ?? []).forEach((p, i) => {
        out.push(patternMatcher(expandVocabulary(p, data.vocabulary), !def.builtin, def.anchors?.[lang]?.[i], index));
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
