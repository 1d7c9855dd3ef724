/**
 * What every detector, metric and matcher may look at, built once per note: the text, its
 * normalised form, sentences and tagged words, merge fields, the greeting and sign-off, and
 * what the caller said about the recipient.
 */
import type { Recipient, RuleDef, Vocabulary } from "./types.js";
import type { Parsed, Sentence, Word } from "./nlp.js";
import { tagWords, type Lexicon, type Tag } from "./tagger.js";
import { isLetterOrNumber } from "./chars.js";
import { normalize } from "./text.js";

export interface Span {
  start: number;
  end: number;
  /** Values for the message template. */
  data?: Record<string, string | number>;
}

/** What a merge field stands for, from its name ({{first_name}}: name; [specific point]: specific). */
export type SlotRole = "name" | "company" | "sender" | "context" | "specific" | "other";

/** A merge field in the note. */
export interface Slot extends Span {
  role: SlotRole;
}

/** A word of the note with its part of speech. A merge field is one token (tag NP). */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased, apostrophes folded. */
  norm: string;
  tag: Tag;
  /** Index of its sentence in `sentences`. */
  sentence: number;
  /** The first word of a clause (after . ! ? : ; a dash, a quote or a line break). */
  first: boolean;
  slot?: Slot;
}

export interface NoteContext {
  text: string;
  norm: string;
  lang: string;
  sentences: Sentence[];
  words: Word[];
  /** Every word, tagged, in order; `sentenceTokens[i]` are those of sentence i. */
  tokens: Token[];
  sentenceTokens: Token[][];
  template: boolean;
  /** Merge fields found in the note (only meaningful in template mode). */
  slots: Slot[];
  greeting?: { start: number; end: number; name?: Span };
  /** The sender's name in a sign-off ("Best, Sam"), not something of the recipient's. */
  signature?: Span;
  recipient: Recipient;
  limit: number;
  nearLimit: number;
  characters: number;
  vocabulary: Vocabulary;
  hard: { start: number; end: number }[];
}

/** A detector (src/engine/detectors): what it found in a note, as spans. */
export type Detector = (ctx: NoteContext, params: RuleDef["params"]) => Span[];

/**
 * A vocabulary list as a set of lower-case words, made once per rule set. A list `name` applies
 * to every language; `name.xx` adds words for language xx only ("su" is "your" in Spanish and
 * "on" in Italian).
 */
const sets = new WeakMap<Vocabulary, Map<string, Map<string, Set<string>>>>();
export function wordSet(vocabulary: Vocabulary, name: string, lang = ""): Set<string> {
  let byLang = sets.get(vocabulary);
  if (!byLang) sets.set(vocabulary, (byLang = new Map()));
  let byName = byLang.get(lang);
  if (!byName) byLang.set(lang, (byName = new Map()));
  let s = byName.get(name);
  if (!s) {
    const words = [...(vocabulary[name] ?? []), ...(lang ? (vocabulary[`${name}.${lang}`] ?? []) : [])];
    byName.set(name, (s = new Set(words.map((w) => w.toLowerCase()))));
  }
  return s;
}

const SLOT_ROLES: [string, SlotRole][] = [
  ["slot-names-sender", "sender"],
  ["slot-names-mutual", "context"],
  ["slot-names-name", "name"],
  ["slot-names-company", "company"],
  ["context-slot-names", "context"],
  ["specific-slot-names", "specific"],
];

/** What a merge field stands for, from the words of its name. */
export function slotRole(field: string, vocabulary: Vocabulary): SlotRole {
  const words = field
    .toLowerCase()
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  const camel = field
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  for (const [list, role] of SLOT_ROLES) {
    const names = wordSet(vocabulary, list);
    if ([...words, ...camel].some((w) => names.has(w))) return role;
  }
  return "other";
}

const CLAUSE_BREAK = /[.!?:;"“”(—–\n]|\s-\s/;

/** Tags the words of each sentence; merge fields become one token each. */
export function tokenize(
  text: string,
  norm: string,
  parsed: Parsed,
  slots: Slot[],
  lexicon: Lexicon | undefined,
  lang = "en",
): Token[][] {
  const out: Token[][] = [];
  let prevEnd = 0;
  parsed.sentences.forEach((s, si) => {
    const units: { start: number; end: number; text: string; slot?: Slot; first: boolean }[] = [];
    for (const w of s.words) {
      const slot =
        slots.find((x) => w.start >= x.start && w.end <= x.end) ??
        slots.find((x) => w.start < x.end && x.start < w.end);
      const gap = text.slice(prevEnd, Math.max(prevEnd, slot ? Math.min(slot.start, w.start) : w.start));
      const first = units.length === 0 || CLAUSE_BREAK.test(gap);
      if (slot) {
        const last = units[units.length - 1];
        if (last?.slot === slot) continue;
        units.push({ start: slot.start, end: slot.end, text: text.slice(slot.start, slot.end), slot, first });
        prevEnd = slot.end;
        continue;
      }
      units.push({ start: w.start, end: w.end, text: w.text, first });
      prevEnd = w.end;
    }
    const starts = new Set<number>();
    units.forEach((u, i) => {
      if (u.first) starts.add(i);
    });
    // In a shouted sentence capitals say nothing about names: tag its words as if written in lower case.
    const lettered = units.filter(
      (u) => !u.slot && (/[A-Za-z]{2}/.test(u.text) || (/[^\x00-\x7f]/.test(u.text) && /\p{L}{2}/u.test(u.text))),
    );
    const shouted =
      lettered.length >= 2 && lettered.filter((u) => u.text === u.text.toUpperCase()).length / lettered.length >= 0.6;
    const tags = tagWords(
      units.map((u) => (u.slot ? "Slot" : shouted ? u.text.toLowerCase() : u.text)),
      lexicon,
      { starts, lang },
    );
    out.push(
      units.map((u, i) => ({
        start: u.start,
        end: u.end,
        text: u.text,
        norm: norm.slice(u.start, u.end),
        tag: u.slot ? "NP" : tags[i]!,
        sentence: si,
        first: u.first,
        ...(u.slot ? { slot: u.slot } : {}),
      })),
    );
  });
  return out;
}

const SIGN_OFFS = [
  "best",
  "best regards",
  "best wishes",
  "kind regards",
  "warm regards",
  "regards",
  "cheers",
  "thanks",
  "thank you",
  "many thanks",
  "warmly",
  "sincerely",
  "talk soon",
  "saludos",
  "abraço",
  "abraços",
  "grüße",
  "viele grüße",
  "bien à vous",
  "cordialement",
  "groetjes",
  "un abbraccio",
];
/** A word, case-insensitive letter by letter, so that the name after it can require its capital. */
const anyCase = (w: string) =>
  w
    .replace(/\p{L}/gu, (c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`))
    .replace(/ /g, "\\s+");
const signOff = (name: string, flags: string) => ({
  closing: new RegExp(
    `(?:^|[\\s.!?,])(?:${SIGN_OFFS.map(anyCase).join("|")})[\\s,.!]*[—–-]?\\s*(${name}(?:[ \\t]+${name}){0,2})[\\s.!]*$`,
    flags,
  ),
  dash: new RegExp(`(?:^|\\s)[—–-]+\\s*(${name}(?:[ \\t]+${name}){0,2})[\\s.!]*$`, flags),
});
/** ASCII notes (most) get patterns without Unicode classes, which V8 compiles far faster. */
let asciiSignOff: ReturnType<typeof signOff> | undefined;
let unicodeSignOff: ReturnType<typeof signOff> | undefined;

/** The sender's name at the end of the note ("Best, Sam", "— Ines"). */
export function findSignature(text: string): Span | undefined {
  const tail = text.slice(-80);
  const base = text.length - tail.length;
  const ascii = /^[\x00-\x7f]*$/.test(tail);
  const re = ascii
    ? (asciiSignOff ??= signOff("[A-Z][A-Za-z'.-]*", ""))
    : (unicodeSignOff ??= signOff("\\p{Lu}[\\p{L}'’.-]*", "u"));
  const m = re.closing.exec(tail) ?? re.dash.exec(tail);
  if (!m?.[1]) return undefined;
  const start = base + m.index + m[0].lastIndexOf(m[1]);
  // `from`: where the sign-off starts ("Best," or the dash), past the mark or space before it.
  const from = base + m.index + (/^[\s.!?,]/.test(m[0]) ? 1 : 0);
  return { start, end: start + m[1].length, data: { name: m[1], from } };
}

/** Finds the greeting ("Hi Tom,") and the name in it, if any. */
export function findGreeting(
  text: string,
  norm: string,
  slots: Span[],
  greetings: string[],
  notNames: Set<string>,
): NoteContext["greeting"] {
  const lead = norm.length - norm.trimStart().length;
  let at = lead;
  let matched = false;
  for (const g of greetings) {
    if (norm.startsWith(g, lead) && !isLetterOrNumber(norm[lead + g.length] ?? "")) {
      at = lead + g.length;
      matched = true;
      break;
    }
  }
  const skip = (i: number) => {
    while (i < text.length && /[\s,!.:;—–-]/u.test(text[i]!)) i++;
    return i;
  };
  let nameAt = matched ? skip(at) : lead;
  // A title is part of the name: "Dr. Shah", "Ms. Alvarez", "Prof. Nakamura".
  const title = /^(?:dr|mr|mrs|ms|mx|prof|professor|herr|frau|sr|sra|srta|dott|dott\.ssa|mme|mlle|m)\.?[ \t]+/iu.exec(
    text.slice(nameAt, nameAt + 12),
  );
  if (title) nameAt += title[0].length;
  const slot = slots.find((s) => s.start === nameAt);
  if (slot) return { start: lead, end: skip(slot.end), name: slot };
  const head = text.slice(nameAt, nameAt + 80);
  const word = /^[\x00-\x7f]*$/.test(head)
    ? /^[A-Z][A-Za-z'-]*(?:[ \t]+[A-Z][A-Za-z'-]*)?/.exec(head)
    : /^[\p{Lu}][\p{L}\p{M}'’-]*(?:[ \t]+[\p{Lu}][\p{L}\p{M}'’-]*)?/u.exec(head);
  if (word) {
    let name = word[0];
    // Keep a second capitalised word only when it is a surname, not the start of a sentence.
    const parts = name.split(/[ \t]+/);
    if (
      parts.length > 1 &&
      (notNames.has(parts[1]!.toLowerCase()) ||
        !/^[\s,!.:;—–-]/u.test(text.slice(nameAt + name.length, nameAt + name.length + 1) || " "))
    ) {
      name = parts[0]!;
    }
    const key = normalize(name.split(/[ \t]+/)[0]!);
    const after = text.slice(nameAt + name.length, nameAt + name.length + 6);
    const endsLikeGreeting = matched || title !== null || /^\s*[,!—–-]|^\s+(hi|hey|hello)\b/iu.test(after);
    if (!notNames.has(key) && !greetings.includes(key) && endsLikeGreeting && name.length > 1) {
      return {
        start: lead,
        end: skip(nameAt + name.length),
        name: { start: nameAt, end: nameAt + name.length, data: { name } },
      };
    }
  }
  return matched ? { start: lead, end: skip(at) } : undefined;
}
