// Benchmark helper (run by scripts/bench.mjs through run-ts.mjs, from the folder of the notes):
// what the parser and the tagger cost of a lint, warm and on a process's first note. Prints
// one line of JSON: microseconds a note for the whole lint, the parse (retext, sentences and
// words) and the parse with tagging; milliseconds for the first note of each.
import { readdirSync, readFileSync } from "node:fs";
import { builtinRules } from "../src/builtin.js";
import { tokenize } from "../src/engine/context.js";
import { createLinter } from "../src/engine/lint.js";
import { createParser } from "../src/engine/nlp.js";
import { createLexicon } from "../src/engine/tagger.js";
import { normalize } from "../src/engine/text.js";

const texts = readdirSync("notes").map((f) => readFileSync(`notes/${f}`, "utf8"));
const now = () => performance.now();

let t = now();
const parse = createParser({ age: 18, minWords: 12, threshold: 5 / 7 });
parse(texts[0]!);
const firstParse = now() - t;
const first = parse(texts[0]!);
t = now();
const lexicon = createLexicon(builtinRules.lexicons?.en ?? "");
tokenize(texts[0]!, normalize(texts[0]!), first, [], lexicon);
const firstTag = now() - t;
t = now();
const linter = createLinter(builtinRules);
linter.lint(texts[0]!);
const firstLint = now() - t;

const parsed = texts.map((x) => parse(x));
const norms = texts.map((x) => normalize(x));
function perNote(f: (i: number) => void): number {
  for (let k = 0; k < 3; k++) for (let i = 0; i < texts.length; i++) f(i);
  const t0 = now();
  for (let k = 0; k < 3; k++) for (let i = 0; i < texts.length; i++) f(i);
  return ((now() - t0) / (3 * texts.length)) * 1000;
}
const lint = perNote((i) => linter.lint(texts[i]!));
const parseOnly = perNote((i) => parse(texts[i]!));
const tagOnly = perNote((i) => tokenize(texts[i]!, norms[i]!, parsed[i]!, [], lexicon));
console.log(JSON.stringify({ lint, parse: parseOnly, tag: tagOnly, firstLint, firstParse, firstTag }));
