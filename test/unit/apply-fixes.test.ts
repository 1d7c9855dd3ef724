// Fixing a file's text in passes (src/node/fix.ts) and inside collection entries
// (src/node/fix-collection.ts): the rules' own fixes, as --fix and --fix-dry-run make them.
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { builtinRules } from "../../src/builtin.js";
import { addRules, createLinter, RuleFileError } from "../../src/browser.js";
import { splitDocument, type DocumentFormat, type NoteUnit } from "../../src/documents.js";
import type { LintOptions, LintResult, Message } from "../../src/engine/types.js";
import { lintUnits } from "../../src/node/lint-files.js";
import { fixSource, MAX_PASSES, type FixedSource } from "../../src/node/fix.js";
import { entryScalars, fixScalar, valueRange } from "../../src/node/fix-collection.js";

const TRIM = new Set(builtinRules.rules.filter((r) => r.fix?.action === "trim").map((r) => r.id));

/** Lints a text of the file `name` as the CLI does, with the built-in rules and no config. */
function linter(name: string, format: DocumentFormat, overrides: Partial<LintOptions> = {}) {
  return (text: string) => {
    const units = [...splitDocument(name, text, format)];
    return {
      units,
      results: [...lintUnits(units, text, format !== "text", { data: {}, rules: builtinRules }, { overrides })],
    };
  };
}

function fix(
  text: string,
  options: {
    name?: string;
    format?: DocumentFormat;
    overrides?: Partial<LintOptions>;
    accept?: (m: Message) => boolean;
  } = {},
): FixedSource {
  const name = options.name ?? "note.txt";
  const format = options.format ?? "text";
  return fixSource(text, {
    name,
    format,
    lint: linter(name, format, options.overrides),
    accept: options.accept,
    lastResort: TRIM,
    json: name.endsWith(".json"),
  });
}

const rulesOf = (
  text: string,
  name = "note.txt",
  format: DocumentFormat = "text",
  overrides: Partial<LintOptions> = {},
) => linter(name, format, overrides)(text).results.flatMap((r) => r.messages.map((m) => m.ruleId));

const PRIYA = { to: "Priya Shah" };
const LONG =
  "Hi Jo, great to meet you at the Leeds logistics meetup on Tuesday evening. Your point about slotting fast movers near packing changed how I think about our floor plan. I'd love to hear how the pilot goes, and I am happy to share the pick-path data we gathered last quarter with your";

describe("every fix action on a plain note", () => {
  const table: { action: string; rule: string; text: string; fixed: string; overrides?: Partial<LintOptions> }[] = [
    {
      action: "remove",
      rule: "stock-invitation",
      text: "I'd like to add you to my professional network on LinkedIn. We met at PyData Denver last week.\n",
      fixed: "We met at PyData Denver last week.\n",
    },
    {
      action: "remove",
      rule: "stock-invitation",
      text: "Great talk at PyData Denver. I'd like to add you to my network, we should compare notes on dbt tests.\n",
      fixed: "Great talk at PyData Denver. We should compare notes on dbt tests.\n",
    },
    {
      action: "remove",
      rule: "boilerplate-phrase",
      text: "Hi Priya, I hope this message finds you well.\nGreat meeting you at PyData Denver.\n",
      fixed: "Hi Priya,\nGreat meeting you at PyData Denver.\n",
      overrides: PRIYA,
    },
    {
      action: "remove",
      rule: "boilerplate-phrase",
      text: "Hi Priya, great meeting you at PyData Denver.\nI hope this message finds you well.\nYour talk on dbt tests was great.\n",
      fixed: "Hi Priya, great meeting you at PyData Denver.\nYour talk on dbt tests was great.\n",
    },
    {
      action: "remove",
      rule: "stock-invitation",
      text: "I'd like to add you to my professional network on LinkedIn.\nwe met at PyData Denver last week.\n",
      fixed: "We met at PyData Denver last week.\n",
    },
    {
      action: "remove",
      rule: "empty-flattery",
      text: "Hi Cloud, your profile is amazing! Your post on Lambda cold starts saved us a week.\n",
      fixed: "Hi Cloud, Your post on Lambda cold starts saved us a week.\n",
    },
    {
      action: "replace",
      rule: "exclamation-run",
      text: "Great meeting you at PyData Denver!!!\n",
      fixed: "Great meeting you at PyData Denver!\n",
    },
    {
      action: "replace",
      rule: "double-space",
      text: "Great meeting you at PyData Denver.  Your talk was great.\n",
      fixed: "Great meeting you at PyData Denver. Your talk was great.\n",
    },
    {
      action: "greet",
      rule: "recipient-name-missing",
      text: "Great meeting you at PyData Denver last week.\n",
      fixed: "Hi Priya, Great meeting you at PyData Denver last week.\n",
      overrides: PRIYA,
    },
    {
      action: "greet",
      rule: "recipient-name-missing",
      text: "Hello, great meeting you at PyData Denver.\n",
      fixed: "Hello Priya, great meeting you at PyData Denver.\n",
      overrides: PRIYA,
    },
    {
      action: "rename",
      rule: "wrong-recipient",
      text: "Hi Daniel, we met at PyData Denver.\n",
      fixed: "Hi Priya, we met at PyData Denver.\n",
      overrides: PRIYA,
    },
    {
      action: "trim",
      rule: "note-too-long",
      text: `${LONG} team.\n\nBest regards,\nSam Okafor\n`,
      fixed: `${LONG} team.\n`,
    },
  ];

  it.each(table)("$action ($rule): $text", ({ rule, text, fixed, overrides }) => {
    const action = builtinRules.rules.find((r) => r.id === rule)!.fix!.action;
    expect(table.find((t) => t.rule === rule)!.action).toBe(action);
    expect(rulesOf(text, "note.txt", "text", overrides)).toContain(rule);
    const done = fix(text, { overrides });
    expect(done.text).toBe(fixed);
    expect(done.outputs).toEqual(new Map([["note.txt", fixed]]));
    expect(rulesOf(done.text, "note.txt", "text", overrides)).not.toContain(rule);
    expect(done.warnings).toEqual([]);
  });

  it("covers every action the built-in rules declare", () => {
    const actions = new Set(builtinRules.rules.flatMap((r) => (r.fix ? [r.fix.action] : [])));
    expect(new Set(table.map((t) => t.action))).toEqual(actions);
  });

  it("is idempotent: fixing the fixed text changes nothing", () => {
    for (const { text, overrides } of table) {
      const once = fix(text, { overrides });
      const twice = fix(once.text, { overrides });
      expect(twice.text, text).toBe(once.text);
      expect(twice.passes).toBe(0);
      expect(twice.outputs.size).toBe(0);
    }
  });
});

describe("what is not fixed", () => {
  it("a phrase inside a sentence: cutting it would leave words that do not read", () => {
    const text = "Hi Priya, I came across your profile and loved your post on dbt tests.\n";
    expect(rulesOf(text)).toContain("boilerplate-phrase");
    const done = fix(text);
    expect(done.text).toBe(text);
    expect(done.passes).toBe(0);
  });

  it("a note that is nothing but LinkedIn's stock text is not fixed into nothing", () => {
    const text = "I'd like to add you to my professional network on LinkedIn.\n";
    const done = fix(text);
    expect(done.text).toBe(text);
    expect(done.warnings).toEqual(["note.txt: fixes not made: they would leave the note empty"]);
  });

  it("a note over the limit by more than its sign-off: nothing is cut", () => {
    const text = `${LONG} team, and the notes from our own trial at the Leeds site last spring.\n\nBest,\nSam\n`;
    expect(rulesOf(text)).toContain("note-too-long");
    expect(fix(text).text).toBe(text);
  });

  it("--quiet: only the fixes of errors, as ESLint", () => {
    const text = "Hi Daniel, we met at PyData Denver!!!\n";
    const done = fix(text, { overrides: PRIYA, accept: (m) => m.severity === "error" });
    expect(done.text).toBe("Hi Priya, we met at PyData Denver!!!\n");
  });
});

describe("passes", () => {
  it("fixes that touch wait for the next pass, as ESLint's", () => {
    const text = "Hi Priya, great meeting you at PyData Denver!!  We should compare notes on dbt tests.\n";
    const first = linter(
      "note.txt",
      "text",
      PRIYA,
    )(text)
      .results[0]!.messages.filter((m) => m.fix)
      .map((m) => m.fix!.range);
    // The exclamation marks end where the double space starts.
    expect(first).toHaveLength(2);
    expect(first[0]![1]).toBe(first[1]![0]);
    const done = fix(text, { overrides: PRIYA });
    expect(done.text).toBe("Hi Priya, great meeting you at PyData Denver! We should compare notes on dbt tests.\n");
    expect(done.passes).toBe(2);
  });

  it("the sign-off is cut only when the note's other fixes do not bring it within the limit", () => {
    const fits = `${LONG} team!!!\n\nBest,\nSam\n`;
    expect(fits.trim().length).toBe(301);
    expect(rulesOf(fits)).toEqual(expect.arrayContaining(["note-too-long", "exclamation-run"]));
    const kept = fix(fits);
    expect(kept.text).toBe(`${LONG} team!\n\nBest,\nSam\n`);
    expect(rulesOf(kept.text)).not.toContain("note-too-long");

    const over = `${LONG} own team!!!\n\nBest,\nSam\n`;
    expect(over.trim().length).toBe(305);
    const cut = fix(over);
    expect(cut.text).toBe(`${LONG} own team!\n`);
    expect(cut.passes).toBe(2);
    expect(rulesOf(cut.text)).not.toContain("note-too-long");
  });

  it("the trim of note-too-long's own example with a sign-off: it fits once the sign-off is cut", () => {
    const example = builtinRules.rules
      .find((r) => r.id === "note-too-long")!
      .examples.bad.find((b) => b.endsWith("— Sam Okafor"))!;
    expect(example.length).toBe(301);
    const done = fix(example);
    expect(done.text).toBe(example.slice(0, -" — Sam Okafor".length));
    expect(rulesOf(done.text)).not.toContain("note-too-long");
  });

  it("trim is declared only on a characters metric, and a rule pack's trim cuts as the built-in one does", () => {
    const rule = (metric: string) =>
      `id: too-long\ncheck: length\nkind: metric\nmetric: ${metric}\ndescription: Over the limit of this team.\nseverity: error\nweight: 10\nfix: { action: trim }\nmessage: m\nhint: h\n`;
    expect(() => addRules(builtinRules, [{ path: "pack/too-long.yaml", text: rule("word-count") }])).toThrow(
      RuleFileError,
    );
    expect(() => addRules(builtinRules, [{ path: "pack/too-long.yaml", text: rule("word-count") }])).toThrow(
      /pack\/too-long.yaml:8:\d+: a "trim" fix needs "metric: characters"/,
    );
    const pack = addRules(builtinRules, [{ path: "pack/too-long.yaml", text: rule("characters") }]);
    const note = `${LONG} team. — Sam Okafor`;
    const m = createLinter(pack)
      .lint(note)
      .messages.find((x) => x.ruleId === "too-long")!;
    expect(note.slice(0, m.fix!.range[0]) + m.fix!.text + note.slice(m.fix!.range[1])).toBe(`${LONG} team.`);
  });

  it("stop after the tenth pass", () => {
    let calls = 0;
    // A lint that always has one more fix to make.
    const lint = (text: string) => {
      calls++;
      const unit: NoteUnit = {
        name: "x.txt",
        text,
        offset: 0,
        characters: text.length,
        facts: {},
        disable: [],
        suppress: [],
        directives: [],
      };
      const message = {
        ruleId: "r",
        check: "c",
        severity: "warning",
        message: "m",
        suggestion: "s",
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        offset: 0,
        endOffset: 0,
        fix: { range: [0, 0], text: "a", label: "l" },
      } as Message;
      return { units: [unit], results: [{ file: "x.txt", messages: [message] } as unknown as LintResult] };
    };
    const done = fixSource("b", { name: "x.txt", format: "text", lint });
    expect(done.passes).toBe(MAX_PASSES);
    expect(done.text).toBe(`${"a".repeat(MAX_PASSES)}b`);
    expect(calls).toBe(MAX_PASSES);
  });
});

/** The file with each entry's text scalar cut out: what a fix must leave byte for byte. */
function outside(name: string, text: string): string[] {
  const scalars = entryScalars(name, text)!;
  const parts: string[] = [];
  let at = 0;
  for (const s of scalars) {
    parts.push(text.slice(at, s.start));
    at = s.end;
  }
  return [...parts, text.slice(at)];
}

const YAML = `# Outreach templates for the PyData follow-ups
- id: plain
  text: Hi Priya, I hope this message finds you well.  Great meeting you at PyData Denver!!!
  to: Priya Shah   # the recipient
- id: multi
  # a plain scalar over two lines
  text: Hi Priya, I hope this message finds you well.
    Great meeting you at PyData Denver!!!
- id: double
  text: "Hi Priya, I hope this message finds you well. Great meeting you at \\"PyData\\" Denver!!!"
- id: single
  text: 'Hi Priya, I hope this message finds you well. It''s great meeting you at PyData Denver!!!'
- id: literal
  text: |
    Hi Priya, I hope this message finds you well.
    Great meeting you at PyData Denver!!!
- id: folded
  text: >
    Hi Priya, I hope this message finds you well.
    Great meeting you at PyData Denver!!!
- id: lines
  text: |-
    I'd like to add you to my professional network on LinkedIn.
    We met at PyData Denver.
    I hope this message finds you well.
    Your talk on dbt tests changed how our team works.
- id: untouched
  text: Hi Priya, your talk on dbt tests at PyData Denver changed how our team works.
# the end
`;

describe("a YAML collection", () => {
  it("each scalar style fixed in its style: the file parses, each entry reads as its fixed text, the rest is byte for byte", () => {
    const done = fix(YAML, { name: "notes.yaml", format: "collection" });
    expect(done.warnings).toEqual([]);
    const expected: Record<string, string> = {
      plain: "Hi Priya, Great meeting you at PyData Denver!",
      multi: "Hi Priya, Great meeting you at PyData Denver!",
      double: 'Hi Priya, Great meeting you at "PyData" Denver!',
      single: "Hi Priya, It's great meeting you at PyData Denver!",
      literal: "Hi Priya,\nGreat meeting you at PyData Denver!\n",
      folded: "Hi Priya, Great meeting you at PyData Denver!\n",
      lines: "We met at PyData Denver.\nYour talk on dbt tests changed how our team works.",
    };
    expect(Object.fromEntries([...done.outputs].map(([k, v]) => [k.replace("notes.yaml#", ""), v]))).toEqual(expected);
    const parsed = parseYaml(done.text) as { id: string; text: string; to?: string }[];
    const before = parseYaml(YAML) as { id: string; text: string; to?: string }[];
    expect(parsed.map((e) => e.id)).toEqual(before.map((e) => e.id));
    for (const [i, e] of parsed.entries()) {
      expect(e.text).toBe(expected[e.id] ?? before[i]!.text);
      expect({ ...e, text: undefined }).toEqual({ ...before[i], text: undefined });
    }
    // Comments, keys, indentation and the entry that had nothing to fix: unchanged.
    expect(outside("notes.yaml", done.text)).toEqual(outside("notes.yaml", YAML));
    expect(done.text).toContain("  to: Priya Shah   # the recipient\n");
    expect(done.text).toContain("  # a plain scalar over two lines\n");
    expect(done.text).toContain(
      "- id: untouched\n  text: Hi Priya, your talk on dbt tests at PyData Denver changed how our team works.\n# the end\n",
    );
    // Each style kept: the quotes, the block headers, the second line of the plain scalar.
    expect(done.text).toContain('  text: "Hi Priya, Great meeting you at \\"PyData\\" Denver!"\n');
    expect(done.text).toContain("  text: 'Hi Priya, It''s great meeting you at PyData Denver!'\n");
    expect(done.text).toContain("  text: Hi Priya,\n    Great meeting you at PyData Denver!\n");
    expect(done.text).toContain("  text: |\n    Hi Priya,\n    Great meeting you at PyData Denver!\n");
    expect(done.text).toContain("  text: >\n    Hi Priya,\n    Great meeting you at PyData Denver!\n");
    expect(done.text).toContain(
      "  text: |-\n    We met at PyData Denver.\n    Your talk on dbt tests changed how our team works.\n- id: untouched",
    );
    // Fixing again changes nothing.
    expect(fix(done.text, { name: "notes.yaml", format: "collection" }).text).toBe(done.text);
  });

  it("a greeting with an apostrophe goes into a single-quoted entry escaped, and into a double-quoted one as it is", () => {
    const text =
      "a:\n  text: 'Hello, great meeting you at PyData Denver.'\n  to: D'Arcy Moore\nb:\n  text: \"Hello, great meeting you at PyData Denver.\"\n  to: D'Arcy Moore\n";
    const done = fix(text, { name: "o.yaml", format: "collection" });
    expect(done.text).toBe(
      "a:\n  text: 'Hello D''Arcy, great meeting you at PyData Denver.'\n  to: D'Arcy Moore\nb:\n  text: \"Hello D'Arcy, great meeting you at PyData Denver.\"\n  to: D'Arcy Moore\n",
    );
    const parsed = parseYaml(done.text) as Record<string, { text: string }>;
    expect(parsed.a!.text).toBe(done.outputs.get("o.yaml#a"));
    expect(parsed.b!.text).toBe(done.outputs.get("o.yaml#b"));
  });

  it("a fix the scalar's style cannot hold is not made, with a warning: a plain scalar would turn the rest into a comment", () => {
    const text =
      "- id: hash\n  text: Hi Jo, I hope this message finds you well.#1 fan of your dbt talk at PyData Denver\n";
    expect(rulesOf(text, "h.yaml", "collection")).toContain("boilerplate-phrase");
    const done = fix(text, { name: "h.yaml", format: "collection" });
    expect(done.text).toBe(text);
    expect(done.warnings).toEqual([
      "h.yaml#hash: a boilerplate-phrase fix not made: the entry's plain text cannot hold the fixed text in the same style",
    ]);
  });

  it("a fix that ends inside an escape is not made, with a warning", () => {
    const text = '- text: "Great to meet you!!\\u0021 We met at PyData Denver."\n';
    const s = entryScalars("e.yaml", text)![0]!;
    const escapeAt = text.indexOf("\\u0021");
    expect(s.value).toBe("Great to meet you!!! We met at PyData Denver.");
    // Up to the escape is a clean place; into it is not.
    expect(valueRange(text, s, escapeAt - 2, escapeAt)).toEqual([17, 19]);
    expect(valueRange(text, s, escapeAt - 2, escapeAt + 3)).toBeUndefined();
    const meeting = text.indexOf("We met");
    const lint = (t: string) => {
      const units = [...splitDocument("e.yaml", t, "collection")];
      const messages = [
        {
          ruleId: "exclamation-run",
          severity: "warning",
          fix: { range: [escapeAt - 2, escapeAt + 3], text: "!", label: "l" },
        },
        { ruleId: "other", severity: "warning", fix: { range: [meeting, meeting + 2], text: "Y'all", label: "l" } },
      ] as Message[];
      return { units, results: [{ file: "e.yaml#1", messages: t === text ? messages : [] } as unknown as LintResult] };
    };
    const done = fixSource(text, { name: "e.yaml", format: "collection", lint });
    // The fix into the escape is not made; the entry's other fix is.
    expect(done.text).toBe('- text: "Great to meet you!!\\u0021 Y\'all met at PyData Denver."\n');
    expect(parseYaml(done.text)).toEqual([{ text: "Great to meet you!!! Y'all met at PyData Denver." }]);
    expect(done.warnings).toEqual([
      "e.yaml#1: a exclamation-run fix not made: it ends inside an escape, a line break or the indentation of the entry's text",
    ]);
    // The same fix as far as the escape is made, and written back in the style, with the escape kept.
    const made = fixScalar(text, s, [{ range: [escapeAt - 2, escapeAt], text: "" }]);
    expect(made.edit?.text).toBe('"Great to meet you\\u0021 We met at PyData Denver."');
    expect(made.edit?.value).toBe("Great to meet you! We met at PyData Denver.");
  });

  it("a place inside a folded line break or an indentation is not a clean end", () => {
    const text = "- text: Hi Priya, great meeting you\n    at PyData Denver.\n";
    const s = entryScalars("f.yaml", text)![0]!;
    expect(s.value).toBe("Hi Priya, great meeting you at PyData Denver.");
    const fold = text.indexOf("\n    at");
    expect(valueRange(text, s, fold - 3, fold)).toEqual([24, 27]);
    expect(valueRange(text, s, fold - 3, fold + 3)).toBeUndefined();
    expect(valueRange(text, s, fold + 5, fold + 7)).toEqual([28, 30]);
  });
});

describe("a JSON collection", () => {
  const JSON_TEXT = `{
  "welcome": "Hello, great meeting you at PyData Denver!!!\\n\\nBest, Sam",
  "nested": { "text": "Hi Daniel, we met at \\"PyData\\" Denver.", "to": "Priya Shah" },
  "fine": "Hi Priya, your talk on dbt tests at PyData Denver changed how our team works."
}
`;
  it("stays JSON, with its indentation and key order; each entry reads as its fixed text", () => {
    const done = fix(JSON_TEXT, { name: "notes.json", format: "collection", overrides: { to: undefined } });
    const parsed = JSON.parse(done.text) as { welcome: string; nested: { text: string; to: string }; fine: string };
    expect(parsed.nested.text).toBe('Hi Priya, we met at "PyData" Denver.');
    expect(parsed.welcome).toBe("Hello, great meeting you at PyData Denver!\n\nBest, Sam");
    expect(done.outputs).toEqual(
      new Map([
        ["notes.json#welcome", parsed.welcome],
        ["notes.json#nested", parsed.nested.text],
      ]),
    );
    expect(Object.keys(parsed)).toEqual(["welcome", "nested", "fine"]);
    expect(outside("notes.json", done.text)).toEqual(outside("notes.json", JSON_TEXT));
    expect(done.text.split("\n")[3]).toBe(JSON_TEXT.split("\n")[3]);
  });
});

describe("a Markdown note", () => {
  const MD = `---
to: Priya Shah
company: Acme   # I hope this message finds you well.
---
# Draft for Priya

Hello, I hope this message finds you well.  Great meeting you at **PyData Denver**!!!

<!-- invite-lint-disable no-offer -- fine for now -->
`;
  it("fixes the note and leaves the front matter, headings and comments as they were", () => {
    const done = fix(MD, { name: "note.md", format: "markdown" });
    expect(done.text).toBe(
      MD.replace(
        "Hello, I hope this message finds you well.  Great meeting you at **PyData Denver**!!!",
        "Hello Priya, Great meeting you at **PyData Denver**!",
      ),
    );
    expect(done.outputs).toEqual(new Map([["note.md", done.text]]));
    expect(done.warnings).toEqual([]);
  });

  it("another fix across markup is not made, with a warning", () => {
    const text = "---\nto: Priya Shah\n---\n**Hello**, great meeting you at PyData Denver.\n";
    expect(rulesOf(text, "n.md", "markdown")).toContain("recipient-name-missing");
    const done = fix(text, { name: "n.md", format: "markdown" });
    expect(done.text).toBe(text);
    expect(done.warnings).toEqual([
      expect.stringMatching(
        /^n\.md: a (recipient-name-missing|no-personal-touch) fix not made: it crosses Markdown markup$/,
      ),
    ]);
  });

  it("a Markdown collection: each section fixed in place; its output is its part of the file, and a section nothing changed has none", () => {
    const text = `---
collection: sections
---
# Event follow-ups

## After a talk

Hello, great meeting you at PyData Denver!!!
<!-- invite-lint-facts to: Priya Shah -->

## After a booth visit

Hi Omar, your talk on dbt tests at PyData Denver changed how our team works.
`;
    const done = fix(text, { name: "s.md", format: "markdown" });
    const fixed = text.replace(
      "Hello, great meeting you at PyData Denver!!!",
      "Hello Priya, great meeting you at PyData Denver!",
    );
    expect(done.text).toBe(fixed);
    expect([...done.outputs.keys()]).toEqual(["s.md#after-a-talk"]);
    expect(done.outputs.get("s.md#after-a-talk")).toBe(
      "## After a talk\n\nHello Priya, great meeting you at PyData Denver!\n<!-- invite-lint-facts to: Priya Shah -->\n\n",
    );
  });

  it("a removal stops where markup starts", () => {
    const text = "Hi Priya, I hope this message finds you well. **Great meeting you at PyData Denver.**\n";
    const done = fix(text, { name: "n.md", format: "markdown" });
    expect(done.text).toBe("Hi Priya, **Great meeting you at PyData Denver.**\n");
  });
});
