// Benchmark (run by hand: npm run bench). Whole-process wall time and peak memory of each
// command, measured with /usr/bin/time, in turns (A B A B ...), medians and paired ratios.
// Writes the table to stdout and to bench/results.md. Not a test: the suite has no timings.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { samenessRows } from "./bench-sameness.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = join(root, "bench/work");
const runs = Number(process.env.BENCH_RUNS ?? 7);
const bin = join(root, "bin/invite-lint.cjs");
const writeGood = join(root, "node_modules/write-good/bin/write-good.js");
const node = process.execPath;

if (!existsSync(join(root, "dist/cli.cjs"))) {
  console.error("bench: run npm run build first");
  process.exit(2);
}
if (!existsSync("/usr/bin/time")) {
  console.error("bench: needs /usr/bin/time (Debian package: time)");
  process.exit(2);
}

// A seeded generator, so every run lints the same notes.
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const names = ["Priya", "Tom", "Ana", "Kemal", "Rosa", "Omar", "Lena", "Jo", "Marta", "Sam"];
const openers = ["Hi {n},", "Hello {n},", "Hey {n} -", "{n},", "Hi,"];
const middles = [
  "great meeting you at the Denver PyData meetup last week.",
  "I read your post on warehouse slotting and tried it on our floor.",
  "we worked together on the billing rewrite at Acme.",
  "I'd like to add you to my professional network on LinkedIn.",
  "my company helps teams like yours ship 2x faster.",
  "I came across your profile and would love to connect.",
  "your talk on dbt tests at Coalesce changed how our team works.",
  "congrats on the Series B - exciting news for the whole team.",
];
const closers = [
  "Happy to send you the checklist we built from it.",
  "Let's hop on a quick call this week?",
  "Would love to stay in touch.",
  "I can introduce you to our head of data if useful.",
  "",
];
function note(r) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  return `${pick(openers).replace("{n}", pick(names))} ${pick(middles)} ${pick(closers)}`.trim();
}

function prepare() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, "notes"), { recursive: true });
  const r = rng(42);
  let one = note(r);
  while (one.length < 280) one = `${one} ${note(r).split(" ").slice(1).join(" ")}`.slice(0, 300);
  writeFileSync(join(work, "note.txt"), `${one.slice(0, 300)}\n`);
  for (let i = 0; i < 1000; i++)
    writeFileSync(join(work, "notes", `${String(i).padStart(4, "0")}.txt`), `${note(r)}\n`);
  const entries = [];
  for (let i = 0; i < 10000; i++) entries.push(`- id: n${i}\n  text: ${JSON.stringify(note(r))}`);
  writeFileSync(join(work, "collection.yaml"), `${entries.join("\n")}\n`);
  let para = "";
  while (para.length < 1024 * 1024) para += `${note(r)}\n\n`;
  writeFileSync(join(work, "big1.txt"), para.slice(0, 1024 * 1024));
  writeFileSync(join(work, "big10.txt"), para.slice(0, 1024 * 1024).repeat(10));
  writeFileSync(join(work, "big5.txt"), para.slice(0, 1024 * 1024).repeat(5));
}

const env = { ...process.env, NO_COLOR: "1" };
delete env.NODE_EXTRA_CA_CERTS;

/**
 * One run: wall seconds (measured here around the child, to the microsecond; /usr/bin/time
 * only reports hundredths) and peak resident memory (MiB) from /usr/bin/time.
 */
function measure(cmd) {
  const out = join(work, "time.txt");
  const t0 = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", "-o", out, ...cmd], {
    env,
    cwd: work,
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 1 << 26,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error) throw r.error;
  const kb = Number(readFileSync(out, "utf8").trim().split("\n").pop());
  return { wall, mib: kb / 1024, status: r.status };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A and B in turns after a warm-up; medians of each and of the pairwise ratios A/B. */
function paired(a, b, n = runs) {
  measure(a);
  if (b) measure(b);
  const A = [];
  const B = [];
  const ratios = [];
  for (let i = 0; i < n; i++) {
    const x = measure(a);
    A.push(x);
    if (b) {
      const y = measure(b);
      B.push(y);
      ratios.push(x.wall / y.wall);
    }
  }
  return {
    a: { wall: median(A.map((x) => x.wall)), mib: median(A.map((x) => x.mib)), status: A[0].status },
    b: b ? { wall: median(B.map((x) => x.wall)), mib: median(B.map((x) => x.mib)) } : undefined,
    ratio: b ? median(ratios) : undefined,
  };
}

// BENCH_ONLY=sameness runs only the near-duplicate rows and prints them; bench/results.md is left as it is.
if (process.env.BENCH_ONLY === "sameness") {
  mkdirSync(work, { recursive: true });
  console.log(
    table(
      samenessRows({
        work,
        rng,
        runs,
        lint: (...args) => [node, bin, ...args],
        paired,
        ms: (s) => `${(s * 1000).toFixed(0)} ms`,
      }),
    ),
  );
  process.exit(0);
}

prepare();
const files = Array.from({ length: 1000 }, (_, i) => join("notes", `${String(i).padStart(4, "0")}.txt`));
const lint = (...args) => [node, bin, ...args];
const rows = [];
const ms = (s) => `${(s * 1000).toFixed(0)} ms`;

const cold = paired(lint("note.txt"), [node, "-e", ""]);
rows.push([
  "one 300-character note, cold",
  `invite-lint ${ms(cold.a.wall)}, node -e '' ${ms(cold.b.wall)}`,
  `${cold.ratio.toFixed(2)}x node -e ''`,
  "<= 2.5x",
  cold.ratio <= 2.5,
]);
const coldWg = paired(lint("note.txt"), [node, writeGood, "note.txt"]);
rows.push([
  "one note, against write-good",
  `invite-lint ${ms(coldWg.a.wall)}, write-good ${ms(coldWg.b.wall)}`,
  `${coldWg.ratio.toFixed(2)}x write-good`,
  "(reported)",
  undefined,
]);
const batch = paired(lint(...files), [node, writeGood, ...files], Math.max(3, Math.ceil(runs / 2)));
rows.push([
  "1,000 note files, one invocation",
  `invite-lint ${ms(batch.a.wall)}, write-good ${ms(batch.b.wall)}`,
  `${batch.ratio.toFixed(2)}x write-good`,
  "<= 0.33x",
  batch.ratio <= 1 / 3,
]);
// A re-run with --cache over the same 1,000 unchanged files, after a first run filled the cache.
const cacheFile = join(work, "cache.json");
rmSync(cacheFile, { force: true });
measure(lint("--cache", "--cache-location", cacheFile, ...files));
const cached = paired(lint("--cache", "--cache-location", cacheFile, ...files), [node, "-e", ""]);
rows.push([
  "1,000 unchanged note files again, --cache (cache filled by a first run)",
  `invite-lint ${ms(cached.a.wall)} (peak ${cached.a.mib.toFixed(0)} MiB), node -e '' ${ms(cached.b.wall)}`,
  `${cached.ratio.toFixed(2)}x node -e ''`,
  "<= 2.0x",
  cached.ratio <= 2.0,
]);
const coll = paired(lint("collection.yaml"), undefined, 3);
rows.push([
  "10,000 notes in one YAML collection",
  `${ms(coll.a.wall)}, peak ${coll.a.mib.toFixed(0)} MiB`,
  `${coll.a.mib.toFixed(0)} MiB`,
  "< 100 MiB",
  coll.a.mib < 100,
]);
const big = paired(lint("--max-bytes", "20000000", "big10.txt"), lint("--max-bytes", "20000000", "big1.txt"), 3);
// How long one note takes once the process is warm (JIT-compiled code, compiled regexes):
// the 1,000 notes linted three times to warm up, then three times timed, in one process.
const warmScript = `
  import { readFileSync, readdirSync } from "node:fs";
  const { createLinter, builtinRules } = await import(${JSON.stringify(join(root, "dist/index.js"))});
  const texts = readdirSync("notes").map((f) => readFileSync("notes/" + f, "utf8"));
  const linter = createLinter(builtinRules);
  for (let k = 0; k < 3; k++) for (const t of texts) linter.lint(t);
  const t0 = performance.now();
  for (let k = 0; k < 3; k++) for (const t of texts) linter.lint(t);
  console.log((performance.now() - t0) / (3 * texts.length) * 1000);`;
const warm = [];
for (let i = 0; i < 3; i++) {
  const r = spawnSync(node, ["--input-type=module", "-e", warmScript], { env, cwd: work, encoding: "utf8" });
  warm.push(Number(r.stdout.trim()));
}
// The parser and the tagger on their own, from the source (scripts/bench-tagger.ts): warm, and the first note of a process.
const parts = [];
for (let i = 0; i < 3; i++) {
  const r = spawnSync(node, [join(root, "scripts/run-ts.mjs"), join(root, "scripts/bench-tagger.ts")], {
    env,
    cwd: work,
    encoding: "utf8",
  });
  parts.push(JSON.parse(r.stdout.trim()));
}
const part = (key) => median(parts.map((p) => p[key]));
rows.push([
  "tagger and parser, warm, in-process (the same 1,000 notes)",
  `tagging ${part("tag").toFixed(1)} us, parsing (retext) ${part("parse").toFixed(1)} us, whole lint ${part("lint").toFixed(0)} us a note`,
  `tagging ${((100 * part("tag")) / part("lint")).toFixed(0)}% of a lint`,
  "(reported)",
  undefined,
]);
rows.push([
  "tagger and parser, a process's first note",
  `tagging ${part("firstTag").toFixed(1)} ms (lexicon included), parsing ${part("firstParse").toFixed(1)} ms`,
  `tagging ${((100 * part("firstTag")) / (cold.a.wall * 1000)).toFixed(0)}% of one note cold`,
  "(reported)",
  undefined,
]);
rows.push([
  "one note in a warm process (in-process, after 3,000 warm-up lints)",
  `${median(warm).toFixed(0)} us a note`,
  "-",
  "(reported)",
  undefined,
]);
// The language server: from spawn to its answer to `initialize`.
const lspStarts = [];
for (let i = 0; i < runs; i++) {
  const body = JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { processId: null, rootUri: null, capabilities: {} },
  });
  const t0 = process.hrtime.bigint();
  const child = spawn(node, [join(root, "bin/invite-lint-lsp.cjs")], {
    env,
    cwd: work,
    stdio: ["pipe", "pipe", "ignore"],
  });
  await new Promise((resolve) => {
    child.stdout.once("data", () => {
      lspStarts.push(Number(process.hrtime.bigint() - t0) / 1e9);
      child.kill();
      resolve();
    });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}
rows.push(["language server, spawn to initialize answered", ms(median(lspStarts)), "-", "(reported)", undefined]);
rows.push([
  "10 MiB input against 1 MiB",
  `10 MiB ${ms(big.a.wall)} (peak ${big.a.mib.toFixed(0)} MiB), 1 MiB ${ms(big.b.wall)} (peak ${big.b.mib.toFixed(0)} MiB)`,
  `${big.ratio.toFixed(2)}x`,
  "<= 12x",
  big.ratio <= 12,
]);
// A 5 MiB note (the default input limit raised): wall time and peak memory against the input's size.
const big5 = paired(lint("--max-bytes", "20000000", "big5.txt"), undefined, 3);
rows.push([
  "one 5 MiB note (--max-bytes raised)",
  `${ms(big5.a.wall)}, peak ${big5.a.mib.toFixed(0)} MiB`,
  `peak ${(big5.a.mib / 5).toFixed(0)}x the input`,
  "<= about 20x (100 MiB)",
  big5.a.mib <= 100,
]);
rows.push(...samenessRows({ work, rng, runs, lint, paired, ms }));

function table(rows) {
  return [
    "# invite-lint benchmark",
    "",
    `Node ${process.version} on ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}), ${runs} paired runs (medians; ratios are medians of pairwise ratios), NODE_EXTRA_CA_CERTS unset, measured with /usr/bin/time. invite-lint runs as a user runs it: \`invite-lint FILE...\`, config search on, output to /dev/null, NO_COLOR=1.`,
    "",
    "| case | medians | ratio | target | met |",
    "| --- | --- | ---: | --- | :---: |",
    ...rows.map(([c, m, r, t, ok]) => `| ${c} | ${m} | ${r} | ${t} | ${ok === undefined ? "-" : ok ? "yes" : "no"} |`),
    "",
  ].join("\n");
}
const text = table(rows);
console.log(text);
mkdirSync(join(root, "bench"), { recursive: true });
writeFileSync(join(root, "bench/results.md"), `${text}\n`);
