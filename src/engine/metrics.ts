import type { RuleDef } from "./types.js";
import type { Sentence, Word } from "./nlp.js";
import { wordSet, type NoteContext, type Span } from "./context.js";
import { atWordBoundary } from "./text.js";
import { allUpper, hasDomainEnding, hasInnerCapital, hasLetter, isUpper, lettersOf } from "./chars.js";

export type Metric = (ctx: NoteContext, params: RuleDef["params"]) => Span[];

const WHOLE: Span = { start: 0, end: 0 };

const set = (ctx: NoteContext, name: string): Set<string> => wordSet(ctx.vocabulary, name);
const num = (params: RuleDef["params"], key: string, fallback: number) =>
  typeof params[key] === "number" ? (params[key] as number) : fallback;

const PICTO = /\p{Extended_Pictographic}/gu;

/** A word that names something: capitalised mid-sentence, or with inner capitals or a dot (Acquire.com, brightonSEO). */
function isProperNoun(word: Word, index: number, common: Set<string>): boolean {
  const t = word.text;
  if (t.length < 2 || !hasLetter(t)) return false;
  if (common.has(t.toLowerCase())) return false;
  if (hasInnerCapital(t) || hasDomainEnding(t)) return true;
  return index > 0 && isUpper(String.fromCodePoint(t.codePointAt(0)!));
}

function sentenceWords(ctx: NoteContext, s: Sentence): string[] {
  return s.words.map((w) => ctx.norm.slice(w.start, w.end));
}

function insideSlot(ctx: NoteContext, start: number, end: number): Span | undefined {
  return ctx.slots.find((s) => start >= s.start && end <= s.end);
}

export const METRICS: Record<string, Metric> = {
  /** Over the note limit: the part past the limit. `near` fires close to it instead. */
  characters(ctx, params) {
    const n = ctx.characters;
    const data = { characters: n, limit: ctx.limit, over: n - ctx.limit };
    if (params.mode === "near") {
      return n <= ctx.limit && n >= Math.floor(ctx.limit * ctx.nearLimit) ? [{ ...WHOLE, data }] : [];
    }
    if (n <= ctx.limit) return [];
    // The last `over` characters: in a template whose merge fields count as what they stand for,
    // those are where the filled-in note runs over, not the limit's offset in the template's text.
    const lead = ctx.text.length - ctx.text.trimStart().length;
    const end = ctx.text.trimEnd().length;
    return [{ start: Math.max(lead, end - data.over), end, data }];
  },

  /** Nothing to lint. */
  empty(ctx) {
    return ctx.text.trim() === "" ? [WHOLE] : [];
  },

  /** Words in the note (excluding merge fields): below `min` or above `max`. */
  "word-count"(ctx, params) {
    const n = ctx.words.filter((w) => hasLetter(w.text) && !insideSlot(ctx, w.start, w.end)).length;
    const min = num(params, "min", 0);
    const max = num(params, "max", Infinity);
    if (ctx.text.trim() === "") return [];
    return n < min || n > max ? [{ ...WHOLE, data: { words: n, min, max } }] : [];
  },

  /** The greeting names the recipient (or a name merge field in a template). */
  "greeting-name"(ctx) {
    return ctx.greeting?.name ? [ctx.greeting.name] : [];
  },

  /** The recipient given by --to or front matter is not named in the note (first or last name, accents aside). */
  "recipient-name"(ctx) {
    const name = ctx.recipient.name?.trim();
    if (!name) return [];
    const greeted = ctx.greeting?.name;
    if (greeted && sameName(ctx.text.slice(greeted.start, greeted.end), name, set(ctx, "nicknames"))) return [];
    return nameSpans(ctx, name).length ? [] : [{ ...WHOLE, data: { name } }];
  },

  /**
   * The greeting names someone other than the recipient given by --to ("Hi Daniel" to Priya
   * Shah). A title, an accent or a short form of the name ("Hi Dr. Shah", "José", "Alex" for
   * Alexandra, `nicknames`) is still their name.
   */
  "greeting-mismatch"(ctx) {
    const to = ctx.recipient.name?.trim();
    const greeted = ctx.greeting?.name;
    if (!to || !greeted || insideSlot(ctx, greeted.start, greeted.end)) return [];
    const said = ctx.text.slice(greeted.start, greeted.end);
    return sameName(said, to, set(ctx, "nicknames"))
      ? []
      : [{ start: greeted.start, end: greeted.end, data: { greeted: said, name: to } }];
  },

  /** Mentions of the recipient's name or company, when they are known. */
  "mentions-recipient"(ctx) {
    const out: Span[] = [];
    const name = ctx.recipient.name?.trim();
    if (name) out.push(...nameSpans(ctx, name));
    if (ctx.recipient.company) out.push(...companySpans(ctx, ctx.recipient.company, set(ctx, "company-suffixes")));
    return out;
  },

  /** The recipient's company is known but not named (its short form counts: "Acme" for "Acme Corp"). */
  "recipient-company"(ctx) {
    const company = ctx.recipient.company?.trim();
    if (!company) return [];
    return companySpans(ctx, company, set(ctx, "company-suffixes")).length ? [] : [{ ...WHOLE, data: { company } }];
  },

  /** The shared context given by --context is not echoed in the note. */
  "recipient-context"(ctx, params) {
    const context = ctx.recipient.context?.trim();
    if (!context) return [];
    const stop = set(ctx, "context-stopwords");
    const keys = context
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= num(params, "minLength", 4) && !stop.has(w));
    if (keys.length === 0) return [];
    return keys.some((k) => findWord(ctx.norm, k).length) ? [] : [{ ...WHOLE, data: { context } }];
  },

  /**
   * A proper noun (or, in a template, a merge field) in a sentence that speaks to the
   * recipient ("your talk at KubeCon") or of something shared ("Fellow Apple engineer").
   */
  "named-reference"(ctx, params) {
    const second = set(ctx, "second-person");
    const shared = set(ctx, "shared-markers");
    const common = set(ctx, "common-capitalized");
    const sender = set(ctx, "sender-markers");
    const after = typeof params.after === "string" ? set(ctx, params.after) : undefined;
    const greetingName = ctx.greeting?.name;
    const out: Span[] = [];
    for (const s of ctx.sentences) {
      const words = sentenceWords(ctx, s);
      const addressed =
        words.some((w) => second.has(w)) || (params.shared === true && words.some((w) => shared.has(w)));
      if (!addressed) continue;
      // In a shouted sentence capitals say nothing about names.
      const shouted = s.words.filter((w) => allUpper(w.text, 2)).length >= 3;
      let index = 0;
      for (const w of s.words) {
        const i = index++;
        if (greetingName && w.start >= greetingName.start && w.end <= greetingName.end) continue;
        if (ctx.greeting && w.end <= ctx.greeting.end) continue;
        const slot = insideSlot(ctx, w.start, w.end);
        if (slot) {
          if (ctx.template && !out.some((o) => o.start === slot.start)) out.push(slot);
          continue;
        }
        if (!isProperNoun(w, i, common) || (shouted && allUpper(w.text))) continue;
        const before = words.slice(Math.max(0, i - 3), i);
        if (before.slice(-2).some((b) => sender.has(b))) continue;
        if (after && !before.some((b) => after.has(b))) continue;
        out.push({ start: w.start, end: w.end, data: { name: w.text } });
      }
    }
    return out;
  },

  /** Template merge fields whose names promise context ({{shared_context}}, [mutual's name]). */
  "context-slot"(ctx) {
    if (!ctx.template) return [];
    const names = set(ctx, "context-slot-names");
    return ctx.slots.filter((s) =>
      ctx.norm
        .slice(s.start, s.end)
        .split(/[^\p{L}]+/u)
        .some((w) => names.has(w)),
    );
  },

  /** Runs of shouted words, or a note mostly in capitals. */
  "all-caps"(ctx, params) {
    const minWords = num(params, "minWords", 4);
    const out: Span[] = [];
    let run: Word[] = [];
    const flush = () => {
      if (run.length >= minWords) out.push({ start: run[0]!.start, end: run[run.length - 1]!.end });
      run = [];
    };
    for (const w of ctx.words) {
      const letters = lettersOf(w.text);
      if (
        letters.length >= 2 &&
        letters === letters.toUpperCase() &&
        letters !== letters.toLowerCase() &&
        !insideSlot(ctx, w.start, w.end)
      )
        run.push(w);
      else if (letters.length > 0) flush();
    }
    flush();
    return out;
  },

  /** Too many emoji in all, or a string of them. */
  emoji(ctx, params) {
    const max = num(params, "max", 3);
    const run = num(params, "run", 3);
    const found: Span[] = [];
    for (const m of ctx.text.matchAll(PICTO)) found.push({ start: m.index, end: m.index + m[0].length });
    if (found.length > max)
      return [{ start: found[0]!.start, end: found[found.length - 1]!.end, data: { count: found.length } }];
    for (let i = 0; i + run - 1 < found.length; i++) {
      const gap = ctx.text
        .slice(found[i]!.start, found[i + run - 1]!.end)
        .replace(PICTO, "")
        .replace(/\s|\u200d|\ufe0f/g, "");
      if (gap === "") return [{ start: found[i]!.start, end: found[i + run - 1]!.end, data: { count: found.length } }];
    }
    return [];
  },

  /** The note is about the sender: many first-person words, few second-person ones. */
  "self-focus"(ctx, params) {
    const first = set(ctx, "first-person");
    const second = set(ctx, "second-person");
    let f = 0;
    let s = 0;
    for (const w of ctx.words) {
      const t = ctx.norm.slice(w.start, w.end);
      if (first.has(t)) f++;
      else if (second.has(t)) s++;
    }
    const ratio = num(params, "ratio", 3);
    return f >= num(params, "minFirst", 6) && f > ratio * Math.max(1, s)
      ? [{ ...WHOLE, data: { first: f, second: s } }]
      : [];
  },

  /** A sentence longer than `max` words. */
  "long-sentence"(ctx, params) {
    const max = num(params, "max", 35);
    return ctx.sentences
      .filter((s) => s.words.length > max)
      .map((s) => ({ start: s.start, end: s.end, data: { words: s.words.length, max } }));
  },

  /** Sentences retext-readability finds hard to read. */
  readability(ctx) {
    return ctx.hard.map((h) => ({ start: h.start, end: h.end }));
  },
};

/** Lower case without accents, so "José" and "Jose" are one name. */
export function foldName(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Where the note names the recipient: their first or last name, accents aside. */
function nameSpans(ctx: NoteContext, name: string): Span[] {
  const folded = foldName(ctx.norm);
  // Folding keeps offsets only when nothing was decomposed: fall back to the plain text then.
  const hay = folded.length === ctx.norm.length ? folded : ctx.norm;
  const parts = name
    .split(/\s+/)
    .filter((p) => p.length > 1)
    .map((p) => (hay === folded ? foldName(p) : p.toLowerCase()));
  return parts.flatMap((p) => findWord(hay, p));
}

/** The same person: a part of one name equals a part of the other, or is a short form of it. */
export function sameName(said: string, to: string, nicknames: Set<string>): boolean {
  const a = foldName(said)
    .split(/[\s.-]+/)
    .filter(Boolean);
  const b = foldName(to)
    .split(/[\s.-]+/)
    .filter(Boolean);
  return a.some((x) =>
    b.some(
      (y) =>
        x === y ||
        (x.length >= 3 && y.startsWith(x)) ||
        (y.length >= 3 && x.startsWith(y)) ||
        nicknames.has(`${x} ${y}`) ||
        nicknames.has(`${y} ${x}`),
    ),
  );
}

/** Where the note names the company, by its full name or without its legal form ("Acme" for "Acme Corp."). */
function companySpans(ctx: NoteContext, company: string, suffixes: Set<string>): Span[] {
  const full = company.trim().toLowerCase();
  const words = full.split(/[\s,]+/).filter(Boolean);
  while (words.length > 1 && suffixes.has(words[words.length - 1]!.replace(/\.$/, ""))) words.pop();
  const short = words.join(" ");
  const found = findWord(ctx.norm, full);
  return found.length || short === full ? found : findWord(ctx.norm, short);
}

/** Whole-word, case-folded occurrences of `needle` (already lower-case) in normalised text. */
export function findWord(norm: string, needle: string): Span[] {
  const out: Span[] = [];
  if (!needle) return out;
  let i = norm.indexOf(needle);
  while (i !== -1) {
    if (atWordBoundary(norm, i, i + needle.length)) out.push({ start: i, end: i + needle.length });
    i = norm.indexOf(needle, i + 1);
  }
  return out;
}
