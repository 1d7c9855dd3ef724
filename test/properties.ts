// Properties of the engine, shared by the test suite (few cases) and `npm run fuzz` (many).
import fc from "fast-check";
import { format, lint, toReport } from "../src/browser.js";
import type { LintOptions, LintResult } from "../src/engine/types.js";

/** Fragments notes are made of: greetings, context, pitches, offers, merge fields, noise. */
const FRAGMENTS = [
  "Hi Priya,",
  "Hello there!",
  "Dear Sir/Madam,",
  "Hey {{first_name}},",
  "Hi [Name] —",
  "Olá Leonardo,",
  "great meeting you at the Denver PyData meetup last week.",
  "I'd like to add you to my professional network on LinkedIn.",
  "I came across your profile",
  "your talk on dbt tests changed how our team works;",
  "we worked together at Acme.",
  "My company helps teams like yours ship 2x faster.",
  "Let's hop on a quick call?",
  "Please guide me.",
  "happy to send you the checklist we built.",
  "I can introduce you to our head of data.",
  "Your profile is amazing!!!",
  "I AM VERY EXCITED TO CONNECT",
  "🚀🚀🚀",
  "Cheers, Jay",
  "- Mia",
  "\r\n",
  "\n\n",
  "\t",
  "  ",
  "é",
  "\u200b",
  "مرحبا",
  "👋🏽",
];

export const noteArbitrary = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 14 }).map((parts) => parts.join(" ")),
  fc
    .tuple(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 8 }), fc.string({ unit: "binary", maxLength: 40 }))
    .map(([p, s]) => `${p.join(" ")}${s}`),
);

export const optionsArbitrary: fc.Arbitrary<LintOptions> = fc.record(
  {
    template: fc.boolean(),
    account: fc.constantFrom<"free" | "premium">("free", "premium"),
    to: fc.constantFrom("Priya Shah", "José", ""),
    type: fc.constantFrom("reconnect", "cold", "event"),
    lang: fc.constantFrom("auto", "en", "de", "pt"),
  },
  { requiredKeys: [] },
);

/** Everything a result must satisfy for any text. */
export function checkResult(text: string, r: LintResult): void {
  if (!Number.isInteger(r.score) || r.score < 0 || r.score > 100) throw new Error(`score ${r.score}`);
  for (const c of Object.values(r.checks))
    if (!Number.isInteger(c.score) || c.score < 0 || c.score > 100) throw new Error(`check score ${c.score}`);
  const lines = text.split(/\r\n|\r|\n/);
  for (const m of r.messages) {
    if (!(m.offset >= 0 && m.endOffset >= m.offset && m.endOffset <= text.length))
      throw new Error(`span ${m.offset}-${m.endOffset} of ${text.length}`);
    if (m.line < 1 || m.line > lines.length || m.endLine < m.line || m.endLine > lines.length)
      throw new Error(`lines ${m.line}-${m.endLine} of ${lines.length}`);
    if (m.column < 1 || m.column > lines[m.line - 1]!.length + 1)
      throw new Error(`column ${m.column} on line ${m.line}`);
    if (m.endLine === m.line && m.endColumn < m.column) throw new Error("end before start");
    if (!m.message || !m.suggestion || !m.ruleId) throw new Error("finding without words");
  }
}

export const properties = {
  /** lint never throws; the score and every position are in range. */
  wellFormed: fc.property(noteArbitrary, optionsArbitrary, (text, options) => {
    checkResult(text, lint(text, options));
  }),
  /** The JSON report of any note parses back to the same results. */
  jsonParses: fc.property(noteArbitrary, (text) => {
    const report = toReport([lint(text)]);
    const back = JSON.parse(format(report, "json")) as typeof report;
    if (JSON.stringify(back) !== JSON.stringify(report)) throw new Error("JSON did not round-trip");
  }),
  /** Linting the same text twice gives the same result. */
  deterministic: fc.property(noteArbitrary, optionsArbitrary, (text, options) => {
    const first = JSON.stringify(lint(text, options));
    const second = JSON.stringify(lint(text, options));
    if (first !== second) throw new Error("two runs differ");
  }),
};
