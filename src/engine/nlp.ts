import { unified } from "unified";
import retextEnglish from "retext-english";
import retextReadability from "retext-readability";
import { VFile } from "vfile";

export interface Word {
  start: number;
  end: number;
  text: string;
}

export interface Sentence {
  start: number;
  end: number;
  words: Word[];
}

export interface Parsed {
  sentences: Sentence[];
  /** Sentences retext-readability judged hard to read. */
  hard: { start: number; end: number }[];
}

export interface ReadabilityOptions {
  age: number;
  minWords: number;
  threshold: number;
}

interface NlcstNode {
  type: string;
  value?: string;
  children?: NlcstNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** Longest piece parsed at once: keeps the syntax tree of a huge input small. */
const CHUNK = 16 * 1024;

/**
 * Builds the unified/retext pipeline once; the returned function parses a note into
 * sentences and words (positions from the syntax tree) and runs retext-readability.
 */
export function createParser(readability: ReadabilityOptions): (text: string) => Parsed {
  const processor = unified().use(retextEnglish).use(retextReadability, readability).freeze();
  return (text) => {
    const sentences: Sentence[] = [];
    const hard: Parsed["hard"] = [];
    for (const [from, to] of chunks(text)) {
      const piece = text.slice(from, to);
      const file = new VFile(piece);
      const tree = processor.parse(file) as unknown as NlcstNode;
      const start = sentences.length;
      collect(tree, piece, from, sentences);
      // retext-readability measures every word of every sentence before it skips the short
      // ones; handing it only the sentences it could judge hard gives the same messages for
      // a fraction of the work.
      const long = sentenceNodes(tree).filter((_, i) => mayBeHard(sentences[start + i]!.words, readability));
      if (long.length) {
        const root = { type: "RootNode", children: [{ type: "ParagraphNode", children: long }] };
        processor.runSync(root as never, file);
      }
      for (const m of file.messages) {
        const s = m.place && "start" in m.place ? m.place.start.offset : undefined;
        const e = m.place && "end" in m.place ? m.place.end.offset : undefined;
        if (s !== undefined && e !== undefined) hard.push({ start: from + s, end: from + e });
      }
    }
    return { sentences, hard };
  };
}

/**
 * Whether retext-readability could judge a sentence of these words hard to read. It scores a
 * sentence of at least `minWords` words with seven formulas and flags it when at least
 * `threshold` of them put it above `age`. Three of the seven are known before any word is
 * looked up: the automated readability index and Coleman-Liau depend only on the counts of
 * words and letters, and SMOG's age, ceil(sqrt(3.1291 + 1.043 * sqrt(30 * polysyllables)) +
 * 2.5), stays under 19 for any sentence under about 1,700 words. When those that surely stay
 * at or under `age` leave too few to reach `threshold`, the sentence is not handed over. Each
 * is counted as surely under only half a year or more below the age it would have to pass
 * once rounded, so rounding cannot tip one. (A test runs retext-readability on every sentence and compares.)
 */
export function mayBeHard(words: readonly Word[], { age, minWords, threshold }: ReadabilityOptions): boolean {
  const n = words.length;
  if (n < minWords || n === 0) return false;
  let letters = 0;
  for (const w of words) letters += w.text.length;
  // The grades as retext-readability's formulas give them; the age is the grade + 5.
  const ari = 4.71 * (letters / n) + 0.5 * n - 21.43;
  const colemanLiau = 0.0588 * ((letters / n) * 100) - 0.296 * ((1 / n) * 100) - 15.8;
  const smogAge = Math.sqrt(3.1291 + 1.043 * Math.sqrt(30 * n)) + 2.5;
  let under = 0;
  if (ari + 5 < age - 1) under++;
  if (colemanLiau + 5 < age - 1) under++;
  if (smogAge < Math.floor(age) - 0.5) under++;
  return (7 - under) / 7 >= threshold;
}

/** Splits at blank lines, then at whitespace, so no piece is much longer than CHUNK. */
function* chunks(text: string): Generator<[number, number]> {
  let start = 0;
  while (start < text.length) {
    if (text.length - start <= CHUNK) {
      yield [start, text.length];
      return;
    }
    let cut = text.lastIndexOf("\n\n", start + CHUNK);
    if (cut <= start) cut = text.lastIndexOf("\n", start + CHUNK);
    if (cut <= start) cut = text.lastIndexOf(" ", start + CHUNK);
    if (cut <= start) cut = start + CHUNK;
    // Never split a surrogate pair.
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut++;
    yield [start, cut];
    start = cut;
  }
}

function sentenceNodes(node: NlcstNode, out: NlcstNode[] = []): NlcstNode[] {
  if (node.type === "SentenceNode") out.push(node);
  else for (const child of node.children ?? []) sentenceNodes(child, out);
  return out;
}

function collect(node: NlcstNode, piece: string, base: number, out: Sentence[]): void {
  if (node.type === "SentenceNode") {
    const words: Word[] = [];
    for (const child of node.children ?? []) {
      if (child.type !== "WordNode") continue;
      const s = child.position?.start.offset;
      const e = child.position?.end.offset;
      if (s === undefined || e === undefined) continue;
      words.push({ start: base + s, end: base + e, text: piece.slice(s, e) });
    }
    const s = node.position?.start.offset ?? 0;
    const e = node.position?.end.offset ?? 0;
    out.push({ start: base + s, end: base + e, words });
    return;
  }
  for (const child of node.children ?? []) collect(child, piece, base, out);
}
