/**
 * A small part-of-speech tagger for the words of a note. The tags are coarse (what the
 * detectors ask about), the lexicon is data (rules/lexicon/en.tsv, generated from
 * en-lexicon for the 30,000 most frequent English words), and words the lexicon leaves out
 * are guessed from their suffix, their capitals and their neighbours. Other languages have
 * no lexicon: their words are tagged from capitals and digits only.
 *
 * The lexicon is one sorted string searched in place, so loading it costs nothing at start-up.
 */

/**
 * N noun, NP proper noun, V verb (base or present), VD verb (past or participle), VG gerund,
 * MD modal or negated auxiliary, J adjective, R adverb, PRP pronoun, PRP$ possessive pronoun,
 * D determiner, P preposition (and "to"), C conjunction, CD number, UH interjection.
 */
export type Tag = "N" | "NP" | "V" | "VD" | "VG" | "MD" | "J" | "R" | "PRP" | "PRP$" | "D" | "P" | "C" | "CD" | "UH";

export const TAGS: readonly Tag[] = [
  "N",
  "NP",
  "V",
  "VD",
  "VG",
  "MD",
  "J",
  "R",
  "PRP",
  "PRP$",
  "D",
  "P",
  "C",
  "CD",
  "UH",
];

/** Looks a lower-case word up; its possible tags, most likely first. */
export type Lexicon = (word: string) => readonly Tag[] | undefined;

/**
 * A lexicon over `text`: lines of `word<TAB>tag[<TAB>tag]`, sorted by word (code unit order),
 * `#` lines first. Binary search over the string: no table is built.
 */
export function createLexicon(text: string): Lexicon {
  const body = text.indexOf("\n", text.lastIndexOf("\n#") + 1) + 1 || 0;
  const start = text.startsWith("#") ? body : 0;
  const cache = new Map<string, readonly Tag[] | undefined>();
  const lineAt = (i: number): [number, number] => {
    const s = text.lastIndexOf("\n", i - 1) + 1;
    const e = text.indexOf("\n", i);
    return [Math.max(s, start), e === -1 ? text.length : e];
  };
  const find = (word: string): readonly Tag[] | undefined => {
    let lo = start;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const [s, e] = lineAt(mid);
      const tab = text.indexOf("\t", s);
      const key = text.slice(s, tab);
      if (key === word) return text.slice(tab + 1, e).split("\t") as Tag[];
      if (key < word) lo = e + 1;
      else hi = s;
    }
    return undefined;
  };
  return (word) => {
    if (cache.has(word)) return cache.get(word);
    const tags = find(word);
    if (cache.size < 5000) cache.set(word, tags);
    return tags;
  };
}

/** The tag a word's ending suggests when the lexicon does not know it (the generator drops words this gets right). */
export function suffixGuess(word: string): Tag {
  const n = word.length;
  if (n > 4 && word.endsWith("ing")) return "VG";
  if (n > 3 && word.endsWith("ed")) return "VD";
  if (n > 3 && word.endsWith("ly")) return "R";
  if (n > 4 && /(?:ous|ful|ive|able|ible|ical|ic|less|ish|ary|al|ent|ant)$/.test(word)) return "J";
  return "N";
}

const SUBJECTS = new Set(["i", "we", "you", "they", "he", "she", "it", "who", "u", "ya"]);
const NOUN_CONTEXT: ReadonlySet<Tag> = new Set<Tag>(["PRP$", "D"]);
/** Words of these classes keep their tag when capitalised mid-sentence ("I", "Thanks"). */
const CLOSED: ReadonlySet<Tag> = new Set<Tag>(["PRP", "PRP$", "D", "P", "C", "MD", "UH"]);
const VERBAL: ReadonlySet<Tag> = new Set<Tag>(["V", "VD"]);

/** True for a word written with a capital first letter. */
function capitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const first = String.fromCodePoint(word.codePointAt(0)!);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** Digits with or without letters: a number (2019, 6/3, 40%) or a name-like code (3DS2, #412). */
function numeric(word: string): Tag | undefined {
  if (!/\d/.test(word)) return undefined;
  if (/^[\d.,:/%'’+-]+$/.test(word)) return "CD";
  // "15-minute", "5-year", "2nd": a number made an adjective.
  return /^\d+(?:-[a-z]+|st|nd|rd|th)$/i.test(word) || (/[^\x00-\x7f]/.test(word) && /^\d+-\p{L}+$/u.test(word))
    ? "J"
    : "NP";
}

/** Inner capitals or a dot inside (RustConf, DevOpsDays, Acquire.com): a name, wherever it stands. */
function nameShaped(word: string): boolean {
  // Most words are lower-case letters: no capital after the first letter, no underscore, no dot.
  let plain = true;
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!(c >= 97 && c <= 122) && c !== 39 && c !== 45) {
      plain = false;
      break;
    }
  }
  if (plain) return false;
  if (/^[\x00-\x7f]*$/.test(word)) {
    return (
      /^[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+$/.test(word) ||
      /^[A-Za-z][a-z0-9]*[A-Z]/.test(word) ||
      /^[A-Za-z]+\.[A-Za-z]{2,}$/.test(word) ||
      /^[A-Z]{2,}s?$/.test(word)
    );
  }
  // Identifiers are names too: pg_partman, react-native_v2.
  if (/^\p{L}[\p{L}\p{N}]*_[\p{L}\p{N}_]+$/u.test(word)) return true;
  return (
    /^\p{L}[\p{Ll}\p{N}]*\p{Lu}/u.test(word) ||
    /^\p{L}+\.\p{L}{2,}$/u.test(word) ||
    (word.length >= 2 && /^\p{Lu}{2,}s?$/u.test(word))
  );
}

export interface TagOptions {
  /** Index of the first word of each clause: a capital there says nothing about names. */
  starts?: ReadonlySet<number>;
  /** The language: English words are guessed from their endings; German capitalises every noun. */
  lang?: string;
}

/** Looks a word up, then a hyphenated word by its last part ("co-wrote": "wrote"), then without a final 's. */
function lookup(lower: string, lexicon: Lexicon | undefined): readonly Tag[] | undefined {
  if (!lexicon) return undefined;
  let known = lexicon(lower);
  if (!known && lower.includes("-")) {
    // "co-wrote" is a verb like "wrote"; "write-up", "check-in" are nouns made with a particle.
    const last = lexicon(lower.slice(lower.lastIndexOf("-") + 1));
    known = last && (last[0] === "R" || last[0] === "P") ? ["N"] : last;
  }
  if (!known && lower.endsWith("'s") && lower.length > 2) known = lexicon(lower.slice(0, -2));
  return known;
}

/** True when the nouns before i go back to a determiner, a possessive or a clause-opening adjective. */
function inNounRun(tags: readonly Tag[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (tags[k] === "N" || tags[k] === "NP" || tags[k] === "J")) k--;
  return k < 0 ? tags[0] === "J" : NOUN_CONTEXT.has(tags[k]!) || (tags[k + 1] === "J" && k + 1 < i);
}

/** A word that would make the one before it a verb: an object or a particle ("the team cuts costs"). */
function startsVerbPhrase(next: Tag | undefined): boolean {
  return (
    next === "D" || next === "PRP" || next === "PRP$" || next === "N" || next === "NP" || next === "CD" || next === "VG"
  );
}

/** Tags the words of one sentence. */
export function tagWords(words: readonly string[], lexicon: Lexicon | undefined, options: TagOptions = {}): Tag[] {
  const english = (options.lang ?? "en") === "en";
  const german = options.lang === "de";
  const guess = (lower: string): Tag => (english ? suffixGuess(lower.slice(lower.lastIndexOf("-") + 1)) : "N");
  const tags: Tag[] = [];
  const alternatives: (readonly Tag[] | undefined)[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const lower = word.toLowerCase().replace(/[’‘`´]/g, "'");
    const start = i === 0 || options.starts?.has(i) === true;
    const number = numeric(word);
    let known = lookup(lower, lexicon);
    let tag: Tag;
    if (number) tag = number;
    else if (known && (!capitalised(word) || start || CLOSED.has(known[0]!)) && !nameShaped(word)) tag = known[0]!;
    else if (nameShaped(word) && !capitalised(word)) tag = "NP";
    else if (capitalised(word)) {
      // A capital marks a name, at the start of a clause too when the word is not a known one;
      // in German every noun has one, so only a name-shaped word or one after a bare preposition is a name.
      known = undefined;
      if (nameShaped(word)) tag = "NP";
      else if (german) {
        // German capitalises every noun: a name is one after a bare preposition ("bei SAP"), one
        // of two capitalised words in a row ("Stefan Huber"), or a clause's subject before a verb.
        const next = words[i + 1];
        const nextKnown = next ? lookup(next.toLowerCase(), lexicon) : undefined;
        const pair = (next !== undefined && capitalised(next) && !nextKnown) || (i > 0 && tags[i - 1] === "NP");
        const subject = start && nextKnown !== undefined && ["V", "VD", "MD"].includes(nextKnown[0]!);
        tag = (i > 0 && tags[i - 1] === "P") || pair || subject ? "NP" : "N";
      } else if (start) tag = english && guess(lower) !== "N" ? guess(lower) : "NP";
      else tag = "NP";
    } else tag = guess(lower);
    tags.push(tag);
    alternatives.push(known);
  }
  // Context: a word that can be a noun is one after a possessive or determiner ("your talk"),
  // and a word that can be a verb is one after a subject pronoun or a modal ("we met", "would love").
  for (let i = 1; i < words.length; i++) {
    const alt = alternatives[i];
    const prev = tags[i - 1]!;
    const prevWord = words[i - 1]!.toLowerCase();
    if (!alt || alt.length < 2) {
      if (
        !alt &&
        tags[i] === "N" &&
        /s$/.test(words[i]!) &&
        SUBJECTS.has(prevWord) &&
        prevWord !== "you" &&
        prevWord !== "we" &&
        prevWord !== "i"
      )
        tags[i] = "V";
      continue;
    }
    if (NOUN_CONTEXT.has(prev) || (prev === "J" && i > 1 && NOUN_CONTEXT.has(tags[i - 2]!))) {
      if (alt.includes("N") && VERBAL.has(tags[i]!)) tags[i] = "N";
    } else if (
      VERBAL.has(tags[i]!) &&
      alt.includes("N") &&
      (prev === "N" || prev === "NP") &&
      inNounRun(tags, i) &&
      !startsVerbPhrase(tags[i + 1])
    ) {
      // The head of a noun run that a determiner or an adjective opened: "a certified career coach
      // with", "Great Strange Loop talk!", "the Terragrunt tip at the meetup".
      tags[i] = "N";
    } else if (prev === "PRP" && SUBJECTS.has(prevWord)) {
      if (alt.includes("VD") && (tags[i] === "N" || tags[i] === "J")) tags[i] = "VD";
      else if (alt.includes("V") && (tags[i] === "N" || tags[i] === "J")) tags[i] = "V";
    } else if (prev === "MD" || (prev === "P" && prevWord === "to")) {
      if (alt.includes("V")) tags[i] = "V";
    }
  }
  // A sentence needs a verb: with none, the noun that can also be a verb and follows a noun is one
  // ("Our analytics suite cuts reporting time").
  const contracted = words.some((w) => /'(?:m|re|s|ve|ll|d)$/i.test(w));
  if (!contracted && !tags.some((t) => t === "V" || t === "VD" || t === "MD")) {
    for (let i = 1; i + 1 < words.length; i++) {
      const next = tags[i + 1];
      if (
        tags[i] === "N" &&
        alternatives[i]?.includes("V") &&
        (tags[i - 1] === "N" || tags[i - 1] === "NP") &&
        (next === "D" || next === "PRP$" || next === "VG" || next === "CD" || next === "N")
      ) {
        tags[i] = "V";
        break;
      }
    }
  }
  return tags;
}
