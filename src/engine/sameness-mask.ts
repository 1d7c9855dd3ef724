// Masking for the near-duplicate check: the parts of a note that a mass template swaps per
// recipient (merge fields, the greeting and the name in it, the recipient's facts, other proper
// names, the sign-off) are taken out, so that two copies of one template read the same.
// Pure: no Node API, no global state.
import { isLetterOrNumber } from "./chars.js";

/** What a masked part of a note was. */
export type MaskPart = "name" | "company" | "context" | "field" | "proper" | "signoff";
export const MASK_PARTS: readonly MaskPart[] = ["name", "company", "context", "field", "proper", "signoff"];

/** The recipient facts given with a note (front matter, collection entry, `--to` and friends). */
export interface NoteFacts {
  to?: string;
  company?: string;
  context?: string;
}

/** Word lists the masking uses; the rule set's vocabulary can extend them. */
export interface MaskWords {
  greetings: readonly string[];
  /** Words after a greeting that are not a name ("Hi there,"). */
  notNames: readonly string[];
  /** Capitalised words that are not names (I, LinkedIn, Monday). */
  common: readonly string[];
  closings: readonly string[];
}

/** One token, the stand-in for a masked run of words: the masked parts compare equal whatever they held. */
export const PLACEHOLDER = "\u0001";

export interface MaskedNote {
  /** The note's words in order, lower-cased, with PLACEHOLDER for each masked run; greeting and sign-off left out. */
  words: string[];
  /** Index in `words` where each sentence starts (ascending, the first is 0). */
  sentences: number[];
  /** The masked text of each part (lower-cased, in order), index by MASK_PARTS. */
  values: string[][];
}

const DEFAULT_GREETINGS = [
  "hi",
  "hello",
  "hey",
  "hiya",
  "dear",
  "good morning",
  "good afternoon",
  "good evening",
  "greetings",
  "hola",
  "buenos días",
  "estimado",
  "estimada",
  "olá",
  "oi",
  "bom dia",
  "ciao",
  "buongiorno",
  "caro",
  "cara",
  "hallo",
  "guten tag",
  "liebe",
  "lieber",
  "sehr geehrte",
  "sehr geehrter",
  "moin",
  "servus",
  "bonjour",
  "salut",
  "cher",
  "chère",
  "hoi",
  "beste",
  "dag",
];
const DEFAULT_NOT_NAMES = ["there", "all", "everyone", "team", "folks", "friend", "again"];
const DEFAULT_COMMON = [
  "i",
  "i'm",
  "i've",
  "i'd",
  "i'll",
  "linkedin",
  "hi",
  "hello",
  "hey",
  "dear",
  "thanks",
  "thank",
  "cheers",
  "congrats",
  "congratulations",
  "great",
  "quick",
  "hope",
  "happy",
  "just",
  "also",
  "sorry",
  "welcome",
  "nice",
  "loved",
  "best",
  "regards",
  "please",
  "ok",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "mr",
  "mrs",
  "ms",
  "dr",
];
const DEFAULT_CLOSINGS = [
  "best",
  "best regards",
  "best wishes",
  "kind regards",
  "warm regards",
  "warmest regards",
  "regards",
  "cheers",
  "thanks",
  "thanks again",
  "thanks so much",
  "thank you",
  "many thanks",
  "all the best",
  "talk soon",
  "speak soon",
  "take care",
  "sincerely",
  "yours",
  "viele grüße",
  "beste grüße",
  "liebe grüße",
  "grüße",
  "lg",
  "vg",
  "mfg",
  "cordialement",
  "bien à vous",
  "amitiés",
  "bises",
  "saludos",
  "un saludo",
  "atentamente",
  "abrazos",
  "abraços",
  "abraço",
  "cumprimentos",
  "atenciosamente",
  "cordiali saluti",
  "saluti",
  "un saluto",
  "a presto",
  "groeten",
  "met vriendelijke groet",
  "hartelijke groet",
  "groetjes",
];

/**
 * German capitalises every noun, so in a German note a capitalised word is not a name; two or
 * more of these function words mark a note as German and proper-name masking is left out.
 */
const GERMAN = new Set([
  "und",
  "ich",
  "nicht",
  "mit",
  "der",
  "das",
  "ist",
  "wir",
  "für",
  "auf",
  "dein",
  "deinen",
  "deine",
  "ihre",
  "ihren",
  "bei",
  "auch",
  "habe",
  "würde",
  "gerne",
  "über",
  "sie",
  "einen",
  "eine",
  "dem",
  "den",
]);

const CAPITAL = /^\p{Lu}/u;

/** Merge-field spellings: {{first_name}}, {first_name}, ${n}, [Name], <FirstName>, *|FNAME|*, %FIRSTNAME%, %%FirstName%%, INSERT NAME HERE. */
const FIELDS = [
  /\{\{\s*([^{}\n]{1,40}?)\s*\}\}/g,
  /\$\{([^{}\n]{1,30})\}/g,
  /\{([A-Za-z_][\w .-]{0,30})\}/g,
  /\[\s*([A-Za-z][\w .-]{0,30}?)\s*\]/g,
  /<\s*([A-Za-z][\w .-]{0,30}?)\s*>/g,
  /\*\|\s*([A-Za-z0-9_]{1,30})\s*\|\*/g,
  /%%?([A-Za-z][\w]{0,30})%%?/g,
  /\bINSERT(?: [A-Z]+){1,3} HERE\b/g,
];

/** A merge field is a name, a company or another slot, by its own name. */
function fieldPart(name: string): MaskPart {
  if (/first|last|full|^f?name$|fname|lname|contact|recipient|person|insert name/i.test(name)) return "name";
  if (/company|org|account|employer|business|firm/i.test(name)) return "company";
  return "field";
}

interface Token {
  start: number;
  end: number;
  raw: string;
  low: string;
}

interface Region {
  start: number;
  end: number;
  part: MaskPart;
}

/** The analysis both the fingerprint and the shared-text display are made from. */
interface Analysis {
  tokens: Token[];
  /** Per token: -1 dropped (greeting, sign-off), 0 kept, 1 + index in MASK_PARTS masked. */
  state: Int8Array;
  /** Per token: true when a sentence starts at it. */
  starts: boolean[];
  fields: Region[];
  /** Tokens [0, greeting.end) are the greeting, [greeting.nameFrom, greeting.end) the name in it. */
  greeting: { end: number; nameFrom: number };
  /** Tokens [signoff.start, length) are the sign-off, [signoff.nameFrom, length) the sender's name. */
  signoff: { start: number; nameFrom: number };
  values: string[][];
}

export interface Masker {
  mask(text: string, facts?: NoteFacts): MaskedNote;
  /** The note as a cluster's shared text shows it: greeting, sentences and sign-off with masked parts as {name}, {company}, ... */
  display(text: string, facts?: NoteFacts): { greeting: string; sentences: string[]; signoff: string };
}

const partIndex = (part: MaskPart) => MASK_PARTS.indexOf(part);

/** Makes a masker; `extra` adds words (the rule set's greetings, not-names and capitalised common words). */
export function createMasker(extra: Partial<MaskWords> = {}): Masker {
  const phrases = (base: readonly string[], more: readonly string[] = []) =>
    [
      ...new Set(
        [...base, ...more]
          .map((g) =>
            tokenize(g)
              .map((t) => t.low)
              .join(" "),
          )
          .filter(Boolean),
      ),
    ]
      .map((g) => g.split(" "))
      .sort((a, b) => b.length - a.length);
  const greetings = phrases(DEFAULT_GREETINGS, extra.greetings);
  const closings = phrases(DEFAULT_CLOSINGS, extra.closings);
  const notNames = new Set([...DEFAULT_NOT_NAMES, ...(extra.notNames ?? [])].map((w) => w.toLowerCase()));
  const common = new Set([...DEFAULT_COMMON, ...(extra.common ?? [])].map((w) => w.toLowerCase()));
  const isName = (t: Token | undefined) =>
    t !== undefined && CAPITAL.test(t.raw) && !common.has(t.low) && !notNames.has(t.low);

  function analyse(text: string, facts: NoteFacts): Analysis {
    const tokens = tokenize(text);
    const state = new Int8Array(tokens.length);
    const values: string[][] = MASK_PARTS.map(() => []);
    const mark = (i: number, part: MaskPart) => {
      if (state[i] === 0) state[i] = 1 + partIndex(part);
    };
    const fields = findFields(text);
    const fieldAt = (t: Token | undefined) =>
      t ? fields.find((f) => t.start >= f.start && t.start < f.end) : undefined;
    for (const f of fields) values[partIndex(f.part)]!.push(text.slice(f.start, f.end).toLowerCase());
    tokens.forEach((t, i) => {
      const f = fieldAt(t);
      if (f) mark(i, f.part);
    });
    /** The end of a name starting at token `from`: a whole merge field, or one or two capitalised words. */
    const nameEnd = (from: number, surname: boolean): number => {
      const f = fieldAt(tokens[from]);
      if (f) {
        let j = from;
        while (j < tokens.length && tokens[j]!.start < f.end) j++;
        return j;
      }
      if (!isName(tokens[from])) return from;
      // A second capitalised word is a surname when punctuation follows it: "Hi Priya Shah,".
      const gapAfter = (k: number) => text.slice(tokens[k]!.end, tokens[k + 1]?.start ?? text.length);
      if (
        surname &&
        isName(tokens[from + 1]) &&
        /^[ \t]+$/.test(gapAfter(from)) &&
        /^[ \t]*[,!:;—–-]/.test(gapAfter(from + 1))
      )
        return from + 2;
      return from + 1;
    };
    const greeting = findGreeting(tokens, text, nameEnd);
    const signoff = findSignoff(tokens, text, greeting.end, fieldAt);
    const words = (from: number, to: number) =>
      tokens
        .slice(from, to)
        .map((t) => t.low)
        .join(" ");
    if (greeting.end > greeting.nameFrom) values[partIndex("name")]!.push(words(greeting.nameFrom, greeting.end));
    if (tokens.length > signoff.nameFrom) values[partIndex("signoff")]!.push(words(signoff.nameFrom, tokens.length));
    // Greeting and sign-off are left out of the comparison.
    for (let i = 0; i < greeting.end; i++) state[i] = -1;
    for (let i = signoff.start; i < tokens.length; i++) state[i] = -1;

    // The recipient's facts: the whole fact anywhere, one word of a name or company only where capitalised.
    maskFact(tokens, state, facts.to, "name", true, values, mark);
    maskFact(tokens, state, facts.company, "company", true, values, mark);
    maskFact(tokens, state, facts.context, "context", false, values, mark);

    const starts = sentenceStarts(tokens, text, greeting.end);
    if (!looksGerman(tokens)) {
      for (let i = greeting.end; i < signoff.start; i++) {
        if (state[i] === 0 && !starts[i] && isName(tokens[i])) {
          mark(i, "proper");
          values[partIndex("proper")]!.push(tokens[i]!.low);
        }
      }
    }
    return { tokens, state, starts, fields, greeting, signoff, values };
  }

  /** The greeting: "Hi Priya,", "Hello {{first_name}} -", "Hi there,", or a bare "Priya," at the start. */
  function findGreeting(
    tokens: Token[],
    text: string,
    nameEnd: (from: number, surname: boolean) => number,
  ): Analysis["greeting"] {
    const g = greetings.find((words) => words.every((w, k) => tokens[k]?.low === w));
    if (g) {
      const at = g.length;
      if (notNames.has(tokens[at]?.low ?? "")) return { end: at + 1, nameFrom: at + 1 };
      return { end: nameEnd(at, true), nameFrom: at };
    }
    const end = nameEnd(0, true);
    const after = text.slice(tokens[end - 1]?.end ?? 0, tokens[end]?.start ?? text.length);
    return end > 0 && /^[ \t]*[,!—–]/.test(after) ? { end, nameFrom: 0 } : { end: 0, nameFrom: 0 };
  }

  /** The sign-off: "Best, Sam", "Thanks!", "- Sam", or a name alone on the last line. */
  function findSignoff(
    tokens: Token[],
    text: string,
    from: number,
    fieldAt: (t: Token | undefined) => Region | undefined,
  ): Analysis["signoff"] {
    // The sender's name: one merge field, or up to three capitalised words at the very end.
    let longest = tokens.length;
    const lastField = fieldAt(tokens[tokens.length - 1]);
    if (lastField) {
      while (longest > from && fieldAt(tokens[longest - 1]) === lastField) longest--;
    } else {
      while (longest > from && tokens.length - longest < 3 && isName(tokens[longest - 1])) longest--;
    }
    const gap = (k: number) => text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? text.length);
    // The longest name that a closing stands before ("Beste Grüße, Sam": the name is Sam).
    const names = lastField
      ? [longest, tokens.length]
      : Array.from({ length: tokens.length - longest + 1 }, (_, k) => longest + k);
    for (const nameFrom of names) {
      if (!/^[\s,!.-]*$/.test(gap(nameFrom))) continue;
      for (const c of closings) {
        const at = nameFrom - c.length;
        if (at < from || !c.every((w, k) => tokens[at + k]!.low === w)) continue;
        // The closing stands apart: right after the greeting, or after a sentence end, a comma or a line break.
        if (at > from && !/[.!?,;…\n]/.test(gap(at))) continue;
        return { start: at, nameFrom };
      }
    }
    if (longest < tokens.length && longest > from && /(?:[-–—~]|\n)\s*$/.test(gap(longest)))
      return { start: longest, nameFrom: longest };
    return { start: tokens.length, nameFrom: tokens.length };
  }

  function mask(text: string, facts: NoteFacts = {}): MaskedNote {
    const a = analyse(text, facts);
    const words: string[] = [];
    const sentences: number[] = [];
    for (let i = 0; i < a.tokens.length; i++) {
      const s = a.state[i]!;
      if (s < 0) continue;
      const fresh = a.starts[i] || sentences.length === 0;
      if (fresh && sentences[sentences.length - 1] !== words.length) sentences.push(words.length);
      // A run of masked words is one placeholder: "Priya Shah" and "{{first_name}}" compare equal.
      if (s === 0) words.push(a.tokens[i]!.low);
      else if (words[words.length - 1] !== PLACEHOLDER || sentences[sentences.length - 1] === words.length)
        words.push(PLACEHOLDER);
    }
    return { words, sentences, values: a.values.map((v) => [...v].sort()) };
  }

  function display(text: string, facts: NoteFacts = {}) {
    const a = analyse(text, facts);
    const { tokens } = a;
    /** Per token, what stands in its place: a label, the merge field as written (""), or itself (undefined). */
    const label = (i: number): string | undefined => {
      if (i >= a.greeting.nameFrom && i < a.greeting.end) return fieldAt(i) ? "" : "{name}";
      if (i >= a.signoff.nameFrom) return fieldAt(i) ? "" : "{sender}";
      const s = a.state[i]!;
      if (s <= 0) return undefined;
      const part = MASK_PARTS[s - 1]!;
      return part === "field" ? "" : `{${part === "proper" ? "name" : part}}`;
    };
    const fieldAt = (i: number) => a.fields.find((r) => tokens[i]!.start >= r.start && tokens[i]!.start < r.end);
    const regionOf = (i: number): [number, number] => {
      const f = fieldAt(i);
      return f ? [f.start, f.end] : [tokens[i]!.start, tokens[i]!.end];
    };
    const render = (from: number, to: number): string => {
      if (from >= to) return "";
      let out = "";
      let at = tokens[from]!.start;
      for (let i = from; i < to; i++) {
        const l = label(i);
        if (l === undefined) continue;
        const [start] = regionOf(i);
        let end = regionOf(i)[1];
        // A run of masked words shows as one label, as it counts as one word.
        while (i + 1 < to && label(i + 1) !== undefined && !a.starts[i + 1]) end = Math.max(end, regionOf(++i)[1]);
        out += text.slice(at, Math.max(at, start)) + (l === "" ? text.slice(start, end) : l);
        at = Math.max(at, end);
      }
      const last = tokens[to - 1]!;
      const tail = /^[^\s\p{L}\p{N}]*/u.exec(text.slice(Math.max(at, last.end)))![0];
      return (out + text.slice(at, Math.max(at, last.end)) + tail).replace(/\s+/g, " ").trim();
    };
    const sentences: string[] = [];
    let begin = a.greeting.end;
    for (let i = a.greeting.end + 1; i <= a.signoff.start; i++) {
      if (i === a.signoff.start || a.starts[i]) {
        if (begin < i) sentences.push(render(begin, i));
        begin = i;
      }
    }
    return { greeting: render(0, a.greeting.end), sentences, signoff: render(a.signoff.start, tokens.length) };
  }

  return { mask, display };
}

/** Width in UTF-16 code units of the code point at i when it is a letter or a digit (of any script), else 0. */
function wordChar(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  return isLetterOrNumber(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/**
 * The words of a text: runs of letters and digits, an apostrophe inside one belongs to it
 * ("I'd", "O’Neil"). A scan of character codes: a note's masking allocates little besides the
 * words themselves, which keeps V8's young generation small in a long run.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const w = wordChar(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    const start = i;
    i += w;
    for (;;) {
      const more = wordChar(text, i);
      if (more) i += more;
      else if (isApostrophe(text.charCodeAt(i)) && wordChar(text, i + 1)) i++;
      else break;
    }
    const raw = text.slice(start, i);
    const lower = raw.toLowerCase();
    out.push({ start, end: i, raw, low: lower.includes("’") ? lower.replace(/’/g, "'") : lower });
  }
  return out;
}

/**
 * What separates two words: 2 a sentence end (. ! ? … or a blank line), 1 a single line break,
 * 0 neither. A line wrapped in a YAML or Markdown file is no sentence end, so a single line break
 * counts only before a capital.
 */
function gapKind(text: string, from: number, to: number): 0 | 1 | 2 {
  let lineBreak = false;
  let blank = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 0x2026) return 2;
    if (c === 10) {
      if (blank) return 2;
      lineBreak = blank = true;
    } else if (c !== 32 && c !== 9 && c !== 13) blank = false;
  }
  return lineBreak ? 1 : 0;
}

/** Merge fields as regions of the text; a possessive right after one ("{{company}}'s") belongs to it. */
function findFields(text: string): Region[] {
  const found: Region[] = [];
  // Most notes hold no merge field: one scan for the characters every spelling needs.
  if (!/[{[<%|]|INSERT/.test(text)) return found;
  for (const re of FIELDS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      if (found.some((f) => start < f.end && f.start < start + m[0].length)) continue;
      const s = /^['’]s\b/.exec(text.slice(start + m[0].length));
      found.push({ start, end: start + m[0].length + (s ? 2 : 0), part: fieldPart(m[1] ?? m[0]) });
    }
  }
  return found.sort((x, y) => x.start - y.start);
}

/** Marks where a fact occurs: the whole fact (any case), and single words of it of three letters or more where capitalised. */
function maskFact(
  tokens: Token[],
  state: Int8Array,
  fact: string | undefined,
  part: MaskPart,
  parts: boolean,
  values: string[][],
  mark: (i: number, part: MaskPart) => void,
): void {
  const words = fact ? tokenize(fact).map((t) => t.low) : [];
  if (words.length === 0) return;
  const seen: string[] = [];
  const runs = [words, ...(parts && words.length > 1 ? words.filter((w) => w.length >= 3).map((w) => [w]) : [])];
  for (const run of runs) {
    for (let i = 0; i + run.length <= tokens.length; i++) {
      if (state[i]! < 0 || !run.every((w, k) => tokens[i + k]!.low === w)) continue;
      if (run !== words && !CAPITAL.test(tokens[i]!.raw)) continue;
      for (let k = 0; k < run.length; k++) mark(i + k, part);
      seen.push(run.join(" "));
    }
  }
  values[partIndex(part)]!.push(...seen);
}

/** Per token: does a sentence start here (the first word, after a greeting, at a sentence end)? */
function sentenceStarts(tokens: Token[], text: string, greetingEnd: number): boolean[] {
  return tokens.map((t, i) => {
    if (i === 0 || i === greetingEnd) return true;
    const gap = gapKind(text, tokens[i - 1]!.end, t.start);
    return gap === 2 || (gap === 1 && CAPITAL.test(t.raw));
  });
}

function looksGerman(tokens: Token[]): boolean {
  let first: string | undefined;
  for (const t of tokens) {
    if (!GERMAN.has(t.low)) continue;
    if (first === undefined) first = t.low;
    else if (t.low !== first) return true;
  }
  return false;
}
