/**
 * Helpers the detectors share: clauses, noun phrases, and what a word stands for in the note
 * (the greeting's name, the sender's signature, a merge field).
 */
import type { NoteContext, Span, Token } from "../context.js";
import type { Tag } from "../tagger.js";

/** Tags a noun phrase is made of, besides its determiner. */
const NOMINAL: ReadonlySet<Tag> = new Set<Tag>(["J", "N", "NP", "CD", "VG"]);
const HEADS: ReadonlySet<Tag> = new Set<Tag>(["N", "NP", "CD"]);

/** What may stand between two words of one phrase: spaces, hyphens, apostrophes, slashes, '#', '&', '@', '+'. */
const JOINED = /^[\s\-'’/#&@+.]*$/;
const QUOTE = /["“”«»„]/;

export function joined(ctx: NoteContext, a: Token, b: Token): boolean {
  return JOINED.test(ctx.text.slice(a.end, b.start)) && !b.first;
}

export interface Phrase {
  start: number;
  end: number;
  tokens: Token[];
  /** The last noun of the run: what the phrase is about. */
  head: Token;
  /** Holds a name, a number, a merge field or a quoted title. */
  named: boolean;
}

/**
 * The noun phrase that starts at token i (after any determiner or possessive there):
 * adjectives, nouns, names, numbers and gerunds run together, the last noun is the head.
 * `"..."` titles count as names.
 */
export function phraseAt(ctx: NoteContext, tokens: Token[], i: number, gerund = false): Phrase | undefined {
  let j = i;
  if (j < tokens.length && (tokens[j]!.tag === "D" || tokens[j]!.tag === "PRP$")) j++;
  const run: Token[] = [];
  let quoted = false;
  for (; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (run.length && !joined(ctx, run[run.length - 1]!, t)) {
      // A quoted title may follow: "your "Which One Doesn't Belong" prompts".
      const gap = ctx.text.slice(run[run.length - 1]!.end, t.start);
      if (!(QUOTE.test(gap) && !/[,.;!?]/.test(gap))) break;
      quoted = true;
    }
    if (!NOMINAL.has(t.tag) && !(t.tag === "PRP$" && t.norm.endsWith("'s"))) {
      if (run.length === 0 && QUOTE.test(ctx.text.slice(Math.max(0, t.start - 2), t.start))) {
        quoted = true;
        run.push(t);
        continue;
      }
      break;
    }
    run.push(t);
    if (run.length >= 6) break;
  }
  while (run.length && !HEADS.has(run[run.length - 1]!.tag) && !(gerund && run[run.length - 1]!.tag === "VG"))
    run.pop();
  if (run.length === 0) return undefined;
  const head = run[run.length - 1]!;
  const named =
    quoted ||
    run.some((t) =>
      t.slot ? t.slot.role === "specific" || t.slot.role === "context" : t.tag === "NP" || t.tag === "CD",
    );
  return { start: run[0]!.start, end: head.end, tokens: run, head, named };
}

/** The clause of token i: from the start of its clause to the next one. */
export function clauseOf(tokens: Token[], i: number): Token[] {
  let s = i;
  while (s > 0 && !tokens[s]!.first) s--;
  let e = i + 1;
  while (e < tokens.length && !tokens[e]!.first) e++;
  return tokens.slice(s, e);
}

/** True when a token names something in particular: a name (not the greeting's or the sender's), a number, a merge field for a specific. */
export function namesSomething(ctx: NoteContext, t: Token, common: Set<string>): boolean {
  if (t.slot) return t.slot.role === "specific" || t.slot.role === "context";
  if (t.tag === "CD") return true;
  return (
    t.tag === "NP" && !common.has(t.norm) && !common.has(t.norm.replace(/'s$/, "")) && !isAddressOrSignature(ctx, t)
  );
}

/** A plural folded to its singular, for matching word lists ("talks" -> "talk"). */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** True when the token is the greeting's name, the recipient's own name, or the sender's signature. */
export function isAddressOrSignature(ctx: NoteContext, t: Token): boolean {
  const g = ctx.greeting?.name;
  if (g && t.start >= g.start && t.end <= g.end) return true;
  const s = ctx.signature;
  if (s && t.start >= s.start && t.end <= s.end) return true;
  if (t.slot?.role === "name") return true;
  const to = ctx.recipient.name?.trim().toLowerCase().split(/\s+/) ?? [];
  return to.includes(t.norm.replace(/'s$/, ""));
}

/** A word is negated when "not", "never" or "n't" stands within two words before it. */
export function negated(tokens: Token[], i: number): boolean {
  for (let k = Math.max(0, i - 2); k < i; k++) {
    const n = tokens[k]!.norm;
    if (n === "not" || n === "never" || n.endsWith("n't") || n === "no") return true;
  }
  return false;
}

export function span(from: Token, to: Token, data?: Span["data"]): Span {
  return data ? { start: from.start, end: to.end, data } : { start: from.start, end: to.end };
}

/** The param naming a vocabulary list, or the default list name. */
export function listParam(params: Record<string, unknown>, key: string, fallback: string): string {
  const v = params[key];
  return typeof v === "string" ? v : fallback;
}
