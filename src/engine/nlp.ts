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
      // ones; handing it only the sentences long enough to judge gives the same messages
      // for a fraction of the work.
      const long = sentenceNodes(tree).filter((_, i) => sentences[start + i]!.words.length >= readability.minWords);
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
