// The near-duplicate check: notes of one run that are one template with the names swapped.
// Each note becomes a fingerprint (a MinHash signature of its masked word 3-grams, and a few
// hashes to say what differs); locality-sensitive hashing over the signatures finds the pairs
// worth comparing, so a run costs time linear in its notes; union-find makes the clusters.
// Pure and deterministic: no Node API, seeded hash functions, no global state.
import type { RuleDef } from "./types.js";
import {
  createMasker,
  MASK_PARTS,
  PLACEHOLDER,
  type Masker,
  type MaskPart,
  type MaskWords,
  type NoteFacts,
} from "./sameness-mask.js";

export type { NoteFacts, MaskWords } from "./sameness-mask.js";

/**
 * MinHash values per note. With 128 the Jaccard estimate has a standard error of 0.042 at
 * J = 0.667 (a similarity of 0.8), 0.03 on the similarity; 256 would double memory and hashing
 * time to bring that to 0.021.
 */
export const HASHES = 128;
/**
 * Fewer distinct 3-grams than this after masking and the note is left out: below about twelve
 * words, independently written notes often share their wording ("Great meeting you at the
 * summit yesterday, let's stay in touch"), and one changed word moves the similarity by 0.3 or
 * more, so 0.8 would mean "identical" rather than "the same template".
 */
export const MIN_SHINGLES = 10;
export const DEFAULT_THRESHOLD = 0.8;
/** Lowest threshold: below it, two notes share less than half their word 3-grams. */
export const MIN_THRESHOLD = 0.5;
/** In an LSH bucket, each note is compared with at most this many notes before it (in canonical order), so a crowded bucket costs linear time. */
const WINDOW = 16;
/** For each member of a larger cluster, its closest other member is looked for among this many (the cluster's first, in canonical order). */
const ANCHORS = 16;
const SENTENCES = 16;

export const RULE_ID = "near-duplicate";

/** One note's fingerprint: what the check keeps of a note instead of its text (220 bytes in a NoteSet). */
export interface Fingerprint {
  /**
   * The low 8 bits of each MinHash value (b-bit MinHash, Li and König 2010): two different
   * values agree by chance 1 time in 256, which the estimate corrects for; at J = 0.667 the
   * variance of the estimate is 0.6% above that of full values, for an eighth of the memory.
   */
  signature: Uint8Array;
  /** Distinct word 3-grams after masking. */
  shingles: number;
  /** Hash of the masked words: equal when only masked parts differ. */
  words: number;
  /** Hash of the masked values of each part (0: none), by MASK_PARTS. */
  values: Uint32Array;
  /** Hash of each sentence's masked words (at most 16). */
  sentences: Uint32Array;
}

/** A cluster as the JSON report carries it. */
export type { Cluster } from "./types.js";
import type { Cluster } from "./types.js";

/** The warning one note gets. */
export interface NearDuplicate {
  message: string;
  suggestion: string;
}

export const SUGGESTION =
  "Write it for this person: one detail only they would recognise, in words no other note of the run shares.";

// ---- hashing -------------------------------------------------------------------------------

/** murmur3's finaliser: a bijection on 32-bit integers with full avalanche. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, then mixed. */
function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix(h);
}

const combine = (a: number, b: number) => mix((Math.imul(a, 0x9e3779b1) ^ b) >>> 0);

/** The seeds of the hash functions h_i(x) = mix(x ^ seed_i), from a fixed-seed generator (mulberry32), so every run agrees. */
const SEEDS = (() => {
  const out = new Int32Array(HASHES);
  let state = 0x5eed1e55;
  for (let i = 0; i < HASHES; i++) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = t ^ (t >>> 14);
  }
  return out;
})();

// ---- fingerprints --------------------------------------------------------------------------

export interface Fingerprinter {
  /** The fingerprint of a note, or undefined when it has fewer than MIN_SHINGLES 3-grams after masking. */
  fingerprint(text: string, facts?: NoteFacts): Fingerprint | undefined;
  /** A cluster's shared text from its first member (see Cluster.text); `keep(i)` says whether sentence i is common to all. */
  sharedText(text: string, facts: NoteFacts | undefined, keep: (i: number) => boolean): string;
}

export function createFingerprinter(words: Partial<MaskWords> = {}): Fingerprinter {
  const masker: Masker = createMasker(words);
  // Signed 32-bit minima: values above 2^31 would leave V8's integer path. The order of signed
  // values is a permutation of the unsigned one, which is all MinHash needs.
  const mins = new Int32Array(HASHES);
  // Scratch space reused from note to note: a long run allocates little per note.
  let wordHashes = new Int32Array(64);
  let scratch = new Int32Array(64);

  function fingerprint(text: string, facts: NoteFacts = {}): Fingerprint | undefined {
    const m = masker.mask(text, facts);
    if (m.words.length < MIN_SHINGLES) return undefined;
    if (wordHashes.length < m.words.length) wordHashes = new Int32Array(m.words.length * 2);
    if (scratch.length < m.words.length) scratch = new Int32Array(m.words.length * 2);
    m.words.forEach((w, i) => {
      wordHashes[i] = w === PLACEHOLDER ? 0x9e3779b9 : hashString(w);
    });
    const bounds = [...m.sentences, m.words.length];
    const shingles = shinglesOf(wordHashes, bounds, scratch);
    shingles.sort();
    let distinct = 0;
    mins.fill(0x7fffffff);
    for (let k = 0; k < shingles.length; k++) {
      const x = shingles[k]!;
      if (k > 0 && x === shingles[k - 1]) continue;
      distinct++;
      for (let i = 0; i < HASHES; i++) {
        // h_i(x) = mix(x ^ seed_i), murmur3's finaliser inlined.
        let h = x ^ SEEDS[i]!;
        h ^= h >>> 16;
        h = Math.imul(h, 0x85ebca6b);
        h ^= h >>> 13;
        h = Math.imul(h, 0xc2b2ae35);
        h ^= h >>> 16;
        if (h < mins[i]!) mins[i] = h;
      }
    }
    if (distinct < MIN_SHINGLES) return undefined;
    const signature = new Uint8Array(HASHES);
    for (let i = 0; i < HASHES; i++) signature[i] = mins[i]! & 0xff;
    const values = new Uint32Array(MASK_PARTS.length);
    m.values.forEach((v, i) => {
      values[i] = v.length ? hashString(v.join("\u0000")) || 1 : 0;
    });
    const sentences = new Uint32Array(Math.min(SENTENCES, m.sentences.length));
    for (let s = 0; s < sentences.length; s++) {
      let h = 0x2545f491;
      for (let i = bounds[s]!; i < bounds[s + 1]!; i++) h = combine(h, wordHashes[i]!);
      sentences[s] = h;
    }
    let words = 0x1b873593;
    for (let i = 0; i < m.words.length; i++) words = combine(words, wordHashes[i]!);
    return { signature, shingles: distinct, words, values, sentences };
  }

  function sharedText(text: string, facts: NoteFacts | undefined, keep: (i: number) => boolean): string {
    const d = masker.display(text, facts);
    const parts: string[] = [];
    d.sentences.forEach((s, i) => {
      const shown = i >= SENTENCES || keep(i) ? s : "…";
      if (shown !== "…" || parts[parts.length - 1] !== "…") parts.push(shown);
    });
    return [d.greeting, ...parts, d.signoff].filter(Boolean).join(" ");
  }

  return { fingerprint, sharedText };
}

/**
 * The word 3-grams of each sentence (a sentence of one or two words is one shingle). They do
 * not run across sentences: a sentence replaced changes only its own 3-grams, and notes with the
 * same sentences in another order have the same set.
 */
function shinglesOf(words: Int32Array, bounds: number[], out: Int32Array): Int32Array {
  let k = 0;
  for (let s = 0; s + 1 < bounds.length; s++) {
    const from = bounds[s]!;
    const to = bounds[s + 1]!;
    if (to - from < 3) {
      let h = 0x5bd1e995;
      for (let i = from; i < to; i++) h = combine(h, words[i]!);
      out[k++] = h;
    } else for (let i = from; i + 2 < to; i++) out[k++] = combine(combine(words[i]!, words[i + 1]!), words[i + 2]!);
  }
  return out.subarray(0, k);
}

/** Estimated Jaccard similarity J of two notes' 3-gram sets: the share of agreeing MinHash values, corrected for 8-bit agreement by chance. */
export function jaccard(a: Uint8Array, b: Uint8Array, offA = 0, offB = 0): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[offA + i] === b[offB + i]) same++;
  return jaccardOf(same);
}

const CHANCE = 1 / 256;
const jaccardOf = (agreeing: number) => Math.max(0, (agreeing / HASHES - CHANCE) / (1 - CHANCE));

/**
 * How much two notes are the same: the share of their word 3-grams they have in common,
 * 2|A∩B| / (|A| + |B|) (the Dice coefficient), which is 2J / (1 + J). This is what "87% the
 * same" reads as; Jaccard (shared over all distinct 3-grams of both) reads lower for the same
 * notes: two notes that each share 87% of their 3-grams have J = 0.77.
 */
export function similarity(a: Uint8Array, b: Uint8Array, offA = 0, offB = 0): number {
  const j = jaccard(a, b, offA, offB);
  return (2 * j) / (1 + j);
}

/** The Jaccard similarity at which `similarity` reaches `threshold`. */
export const jaccardAt = (threshold: number) => threshold / (2 - threshold);

/**
 * LSH banding for a threshold: the most rows per band (fewest pairs to verify) such that two
 * notes exactly at the threshold share a band with probability at least 0.995.
 * At 0.8 (J = 0.667): 32 bands of 4 rows, 0.9991 (a pair at J = 0.3 becomes a candidate with probability 0.23).
 */
export function banding(threshold: number): { bands: number; rows: number } {
  const j = jaccardAt(threshold);
  for (let rows = HASHES; rows > 1; rows--) {
    const bands = Math.floor(HASHES / rows);
    if (1 - (1 - j ** rows) ** bands >= 0.995) return { bands, rows };
  }
  return { bands: HASHES, rows: 1 };
}

// ---- the notes of a run --------------------------------------------------------------------

/** Blocks of typed arrays, so that 100,000 signatures grow without copying. */
const BLOCK = 1024;

/**
 * The fingerprints of one run, in input order. Keeps per note a signature and a few hashes
 * (220 bytes: 128 signature, 28 hashes, 64 sentence hashes) and its name, never its text.
 */
export class NoteSet {
  readonly names: string[] = [];
  private readonly signatures: Uint8Array[] = [];
  /** Per note: the words hash, then the value hashes. */
  private readonly hashes: Uint32Array[] = [];
  /** Per note: SENTENCES slots of sentence hashes, and how many are used. */
  private readonly sentenceBlocks: Uint32Array[] = [];
  private readonly sentenceCounts: Uint8Array[] = [];
  /** Ordinals (input order) of notes with a fingerprint. */
  private readonly present: number[] = [];

  get size(): number {
    return this.names.length;
  }

  /** Adds a note (undefined: too short to compare); returns its ordinal. */
  add(name: string, fp: Fingerprint | undefined): number {
    const i = this.names.length;
    this.names.push(name);
    const block = Math.floor(i / BLOCK);
    if (block === this.signatures.length) {
      this.signatures.push(new Uint8Array(BLOCK * HASHES));
      this.hashes.push(new Uint32Array(BLOCK * (1 + MASK_PARTS.length)));
      this.sentenceBlocks.push(new Uint32Array(BLOCK * SENTENCES));
      this.sentenceCounts.push(new Uint8Array(BLOCK));
    }
    if (fp) {
      this.present.push(i);
      this.signatures[block]!.set(fp.signature, (i % BLOCK) * HASHES);
      const h = this.hashes[block]!;
      const at = (i % BLOCK) * (1 + MASK_PARTS.length);
      h[at] = fp.words;
      h.set(fp.values, at + 1);
      this.sentenceBlocks[block]!.set(fp.sentences.subarray(0, SENTENCES), (i % BLOCK) * SENTENCES);
      this.sentenceCounts[block]![i % BLOCK] = Math.min(SENTENCES, fp.sentences.length);
    }
    return i;
  }

  signature(i: number): Uint8Array {
    const off = (i % BLOCK) * HASHES;
    return this.signatures[Math.floor(i / BLOCK)]!.subarray(off, off + HASHES);
  }

  /** The block holding note i's signature and where in it: the clustering reads signatures in place, without a view per read. */
  block(i: number): Uint8Array {
    return this.signatures[Math.floor(i / BLOCK)]!;
  }

  static offset(i: number): number {
    return (i % BLOCK) * HASHES;
  }

  wordsHash(i: number): number {
    return this.hashes[Math.floor(i / BLOCK)]![(i % BLOCK) * (1 + MASK_PARTS.length)]!;
  }

  valueHash(i: number, part: number): number {
    return this.hashes[Math.floor(i / BLOCK)]![(i % BLOCK) * (1 + MASK_PARTS.length) + 1 + part]!;
  }

  sentences(i: number): Uint32Array {
    const off = (i % BLOCK) * SENTENCES;
    return this.sentenceBlocks[Math.floor(i / BLOCK)]!.subarray(
      off,
      off + this.sentenceCounts[Math.floor(i / BLOCK)]![i % BLOCK]!,
    );
  }

  /** The clusters at a similarity threshold (0.5 to 1). */
  cluster(threshold = DEFAULT_THRESHOLD): Clustering {
    return new Clustering(this, this.canonicalOrder(), threshold);
  }

  /**
   * The notes with a fingerprint, sorted by name, then signature: every later step walks this
   * order, so the clusters do not depend on the order the notes came in.
   */
  private canonicalOrder(): Int32Array {
    const order = Int32Array.from(this.present);
    const names = this.names;
    order.sort((a, b) => {
      const x = names[a]!;
      const y = names[b]!;
      if (x !== y) return x < y ? -1 : 1;
      const sa = this.signature(a);
      const sb = this.signature(b);
      for (let i = 0; i < HASHES; i++) if (sa[i] !== sb[i]) return sa[i]! - sb[i]!;
      return this.wordsHash(a) - this.wordsHash(b) || a - b;
    });
    return order;
  }
}

/** The result of clustering a run: per note its cluster, closest other member and similarity. */
export class Clustering {
  /** Per canonical rank: cluster index, or -1. */
  private readonly clusterOf: Int32Array;
  /** Per canonical rank: rank of the closest other member, and the similarity to it (percent). */
  private readonly closest: Int32Array;
  private readonly percent: Uint8Array;
  /** Per ordinal: canonical rank, or -1 (no fingerprint). */
  private readonly rankOf: Int32Array;
  /** Members of each cluster, as canonical ranks, ascending. */
  readonly groups: Int32Array[] = [];
  /** Per cluster: which of its first member's sentences every member has (bit i: sentence i). */
  private readonly common: number[] = [];

  constructor(
    private readonly notes: NoteSet,
    private readonly order: Int32Array,
    readonly threshold: number,
  ) {
    const n = order.length;
    this.rankOf = new Int32Array(notes.size).fill(-1);
    order.forEach((ordinal, rank) => {
      this.rankOf[ordinal] = rank;
    });
    this.clusterOf = new Int32Array(n).fill(-1);
    this.closest = new Int32Array(n).fill(-1);
    this.percent = new Uint8Array(n);
    const parent = this.link();
    this.collect(parent);
    for (const g of this.groups) this.findClosest(g);
    for (const g of this.groups) this.common.push(this.commonSentences(g));
  }

  /** Similarity of two notes by canonical rank. */
  private sim(a: number, b: number): number {
    const x = this.order[a]!;
    const y = this.order[b]!;
    return similarity(this.notes.block(x), this.notes.block(y), NoteSet.offset(x), NoteSet.offset(y));
  }

  /** Union-find over the candidate pairs of every LSH band that are at least `threshold` alike. */
  private link(): Int32Array {
    const n = this.order.length;
    const parent = new Int32Array(n);
    for (let i = 0; i < n; i++) parent[i] = i;
    const find = (x: number) => {
      while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
      return x;
    };
    if (n < 2) return parent;
    const { bands, rows } = banding(this.threshold);
    const sorter = new PairSorter(n);
    for (let band = 0; band < bands; band++) {
      const input = sorter.keys;
      for (let rank = 0; rank < n; rank++) {
        const ordinal = this.order[rank]!;
        const s = this.notes.block(ordinal);
        const off = NoteSet.offset(ordinal);
        let h = 0x27d4eb2f ^ band;
        for (let r = off + band * rows; r < off + (band + 1) * rows; r++) h = combine(h, s[r]!);
        input[rank] = h;
      }
      // Sorted by band key; a stable sort of ranks in order keeps each bucket in rank (canonical) order.
      const { keys, ranks } = sorter.sort();
      for (let start = 0; start < n; ) {
        const key = keys[start]!;
        let end = start + 1;
        while (end < n && keys[end] === key) end++;
        // While every member so far is in one cluster, a member of that cluster needs no comparison.
        let uniform = true;
        const head = ranks[start]!;
        for (let j = start + 1; j < end; j++) {
          const b = ranks[j]!;
          if (uniform && find(b) === find(head)) continue;
          for (let i = j - 1; i >= Math.max(start, j - WINDOW); i--) {
            const a = ranks[i]!;
            const ra = find(a);
            const rb = find(b);
            if (ra !== rb && this.sim(a, b) >= this.threshold) parent[Math.max(ra, rb)] = Math.min(ra, rb);
          }
          uniform &&= find(b) === find(head);
        }
        start = end;
      }
    }
    for (let i = 0; i < n; i++) parent[i] = find(i);
    return parent;
  }

  private collect(parent: Int32Array): void {
    const sizes = new Map<number, number>();
    for (const root of parent) sizes.set(root, (sizes.get(root) ?? 0) + 1);
    const index = new Map<number, number>();
    const fill: number[] = [];
    for (let rank = 0; rank < parent.length; rank++) {
      const root = parent[rank]!;
      if (sizes.get(root)! < 2) continue;
      let c = index.get(root);
      if (c === undefined) {
        c = this.groups.length;
        index.set(root, c);
        this.groups.push(new Int32Array(sizes.get(root)!));
        fill.push(0);
      }
      this.groups[c]![fill[c]!++] = rank;
      this.clusterOf[rank] = c;
    }
  }

  /** Each member's closest other member: among all of a small cluster, among the first ANCHORS of a large one. */
  private findClosest(group: Int32Array): void {
    const anchors = group.length <= ANCHORS + 1 ? group : group.subarray(0, ANCHORS);
    for (const m of group) {
      let best = -1;
      let bestSim = -1;
      for (const a of anchors) {
        if (a === m) continue;
        const s = this.sim(m, a);
        if (s > bestSim) {
          bestSim = s;
          best = a;
          // Nothing is closer than a twin.
          if (s === 1) break;
        }
      }
      this.closest[m] = best;
      this.percent[m] = Math.round(bestSim * 100);
    }
  }

  private commonSentences(group: Int32Array): number {
    const first = this.notes.sentences(this.order[group[0]!]!);
    let mask = first.length >= 31 ? 0x7fffffff : (1 << first.length) - 1;
    for (let k = 1; k < group.length && mask; k++) {
      const other = this.notes.sentences(this.order[group[k]!]!);
      for (let i = 0; i < first.length && i < 31; i++)
        if (mask & (1 << i) && !other.includes(first[i]!)) mask &= ~(1 << i);
    }
    return mask;
  }

  /** The warning for a note (by input ordinal), or undefined when it is in no cluster. */
  warning(ordinal: number): NearDuplicate | undefined {
    const rank = this.rankOf[ordinal] ?? -1;
    const c = rank < 0 ? -1 : this.clusterOf[rank]!;
    if (c < 0) return undefined;
    const other = this.closest[rank]!;
    const others = this.groups[c]!.length - 2;
    const name = this.notes.names[this.order[other]!]!;
    const differs = this.differs([rank, other]);
    return {
      message: `${this.percent[rank]}% the same as ${name}${others > 0 ? ` and ${others} other${others === 1 ? "" : "s"}` : ""}: ${differs}`,
      suggestion: SUGGESTION,
    };
  }

  /** The input ordinal of each cluster's first member, whose text gives the cluster's shared text. */
  representatives(): number[] {
    return this.groups.map((g) => this.order[g[0]!]!);
  }

  /** The clusters for the report, largest first; `texts[c]` is cluster c's shared text (see representatives). */
  clusters(texts: (string | undefined)[] = []): Cluster[] {
    const out = this.groups.map((g, c) => ({
      similarity: this.lowest(g),
      size: g.length,
      differs: this.differs(g),
      text: texts[c] ?? "",
      members: Array.from(g, (m) => ({
        file: this.notes.names[this.order[m]!]!,
        closest: this.notes.names[this.order[this.closest[m]!]!]!,
        similarity: this.percent[m]!,
      })),
    }));
    return out.sort((a, b) => b.size - a.size || (a.members[0]!.file < b.members[0]!.file ? -1 : 1));
  }

  /** The lowest similarity (percent) of a member to the first member: linear in the cluster's size, unlike the lowest of all pairs. */
  private lowest(group: Int32Array): number {
    let low = 1;
    for (let k = 1; k < group.length; k++) low = Math.min(low, this.sim(group[0]!, group[k]!));
    return Math.round(low * 100);
  }

  /** Whether sentence i of cluster c's first member is common to every member. */
  shared(c: number, i: number): boolean {
    return i < 31 && (this.common[c]! & (1 << i)) !== 0;
  }

  /** What differs among notes (canonical ranks): "only the name and company differ", "one sentence and the name differ". */
  private differs(ranks: ArrayLike<number>): string {
    const ords = Array.from(ranks, (r) => this.order[r]!);
    const parts = MASK_PARTS.filter((_, k) =>
      ords.some((o) => this.notes.valueHash(o, k) !== this.notes.valueHash(ords[0]!, k)),
    );
    const items = parts.map((k) => PART_WORDS[k]);
    const sentences = differingSentences(ords.map((o) => this.notes.sentences(o)));
    const sameWords = ords.every((o) => this.notes.wordsHash(o) === this.notes.wordsHash(ords[0]!));
    if (sentences > 0) items.unshift(sentences === 1 ? "one sentence" : `${sentences} sentences`);
    else if (!sameWords) items.unshift("the order of the sentences");
    if (items.length === 0) return "nothing differs";
    const list = joinList(items);
    const plural = items.length > 1 || (/s$/.test(items[0]!) && !/^the order/.test(items[0]!));
    return `${sentences === 0 && sameWords ? "only " : ""}${list} ${plural ? "differ" : "differs"}`;
  }
}

/**
 * Sorts (32-bit key, rank) pairs by key: two stable counting passes of 16 bits each, a few
 * milliseconds for 100,000 pairs where a comparison sort of numbers took 14.
 */
/** Up to this many notes, a band's keys are sorted by comparison rather than by radix. */
const SORT_BY_COMPARISON = 512;

export class PairSorter {
  keys: Uint32Array;
  ranks: Int32Array;
  private spareKeys: Uint32Array;
  private spareRanks: Int32Array;
  private readonly counts: Int32Array;

  constructor(
    n: number,
    private readonly byComparison = n <= SORT_BY_COMPARISON,
  ) {
    this.keys = new Uint32Array(n);
    this.counts = new Int32Array(byComparison ? 0 : 65537);
    this.ranks = new Int32Array(n);
    this.spareKeys = new Uint32Array(n);
    this.spareRanks = new Int32Array(n);
  }

  /**
   * Sorts `keys` (with the ranks 0..n-1 as payload) and returns the sorted pairs, equal keys in
   * rank order. A radix sort's two passes clear and sum 65,536 counters each, whatever n is: up
   * to a few hundred notes (a folder in the language server, on every keystroke) a comparison
   * sort is faster (10 notes: 1.3 against 121 µs a band; they cross near 700).
   */
  sort(): { keys: Uint32Array; ranks: Int32Array } {
    const n = this.keys.length;
    if (this.byComparison) {
      const { keys, ranks, spareKeys, spareRanks } = this;
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
      for (let i = 0; i < n; i++) {
        spareKeys[i] = keys[order[i]!]!;
        spareRanks[i] = order[i]!;
      }
      this.keys = spareKeys;
      this.ranks = spareRanks;
      this.spareKeys = keys;
      this.spareRanks = ranks;
      return { keys: this.keys, ranks: this.ranks };
    }
    for (let i = 0; i < this.ranks.length; i++) this.ranks[i] = i;
    this.pass(0);
    this.pass(16);
    return { keys: this.keys, ranks: this.ranks };
  }

  private pass(shift: number): void {
    const { keys, ranks, spareKeys, spareRanks, counts } = this;
    counts.fill(0);
    for (let i = 0; i < keys.length; i++) counts[((keys[i]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 1; d < counts.length; d++) counts[d]! += counts[d - 1]!;
    for (let i = 0; i < keys.length; i++) {
      const at = counts[(keys[i]! >>> shift) & 0xffff]!++;
      spareKeys[at] = keys[i]!;
      spareRanks[at] = ranks[i]!;
    }
    this.keys = spareKeys;
    this.ranks = spareRanks;
    this.spareKeys = keys;
    this.spareRanks = ranks;
  }
}

const PART_WORDS: Record<MaskPart, string> = {
  name: "the name",
  company: "the company",
  context: "the context",
  field: "merge fields",
  proper: "other names",
  signoff: "the sign-off",
};

/** "the name", "the company" -> "the name and company"; "one sentence", "the name" -> "one sentence and the name". */
function joinList(items: string[]): string {
  let seenThe = false;
  const words = items.map((w) => {
    if (!w.startsWith("the ") || /^the order/.test(w)) return w;
    const out = seenThe ? w.slice(4) : w;
    seenThe = true;
    return out;
  });
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** The most sentences any note of the list has that some other note lacks (linear: a count per sentence). */
function differingSentences(lists: Uint32Array[]): number {
  const holders = new Map<number, number>();
  for (const list of lists) for (const h of new Set(list)) holders.set(h, (holders.get(h) ?? 0) + 1);
  let most = 0;
  for (const list of lists) {
    let n = 0;
    for (const h of new Set(list)) if (holders.get(h)! < lists.length) n++;
    most = Math.max(most, n);
  }
  return most;
}

// ---- one call for a list of notes (the API, the browser, tests) ----------------------------

export interface NoteInput extends NoteFacts {
  /** How the note is named in messages and the report: `path`, `path#id`. */
  name: string;
  text: string;
}

/** Finds the near-duplicates among notes: per note the warning (or undefined), and the clusters. */
export function findNearDuplicates(
  notes: readonly NoteInput[],
  options: { threshold?: number; words?: Partial<MaskWords> } = {},
): { warnings: (NearDuplicate | undefined)[]; clusters: Cluster[] } {
  const fp = createFingerprinter(options.words);
  const set = new NoteSet();
  for (const n of notes) set.add(n.name, fp.fingerprint(n.text, n));
  const clustering = set.cluster(options.threshold ?? DEFAULT_THRESHOLD);
  const texts = clustering
    .representatives()
    .map((o, c) => fp.sharedText(notes[o]!.text, notes[o], (i) => clustering.shared(c, i)));
  return { warnings: notes.map((_, i) => clustering.warning(i)), clusters: clustering.clusters(texts) };
}

/** The check's entry for formats that describe their rules (SARIF). It is no rule file: it compares notes, not a note. */
export const NEAR_DUPLICATE_RULE: RuleDef = {
  id: RULE_ID,
  check: "generic",
  kind: "metric",
  severity: "warning",
  weight: 0,
  description: "Notes of one run that are the same note with a different name: a mass template.",
  message: "{similarity}% the same as {other}",
  hint: SUGGESTION,
  phrases: {},
  patterns: {},
  templateSlot: false,
  affects: [],
  unless: [],
  requires: [],
  below: 0,
  params: {},
  examples: { bad: [], good: [] },
  url: "https://github.com/invite-lint/invite-lint/blob/main/README.md#near-duplicate-notes",
  origin: { file: "src/engine/sameness.ts" },
  builtin: true,
};
