import { describe, expect, it } from "vitest";
import { splitDocument, type NoteUnit, type SplitOptions } from "../../src/documents.js";
import { RuleFileError } from "../../src/errors.js";
import { LineIndex } from "../../src/engine/text.js";

/** The notes of a file and the warnings it gave. */
function split(path: string, text: string, options: SplitOptions = {}): { units: NoteUnit[]; warnings: string[] } {
  const warnings: string[] = [];
  const units = [...splitDocument(path, text, undefined, { ...options, warn: (m) => warnings.push(m) })];
  return { units, warnings };
}

/** The problems a file is refused with, as `line:column: message`. */
function problems(path: string, text: string, options: SplitOptions = {}): string[] {
  try {
    split(path, text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleFileError);
    return (error as RuleFileError).problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
  }
  throw new Error(`${path} was accepted`);
}

/** line:column of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string, from = 0): string {
  const i = text.indexOf(needle, from);
  expect(i, needle).toBeGreaterThanOrEqual(0);
  const p = new LineIndex(text).position(i);
  return `${p.line}:${p.column}`;
}

describe("YAML and JSON: a collection or not", () => {
  it("a docker-compose file is not a collection: no notes and one warning naming it", () => {
    const r = split("docker-compose.yml", "services:\n  web:\n    image: nginx\n    ports: ['8080:80']\n");
    expect(r.units).toEqual([]);
    expect(r.warnings).toEqual(['docker-compose.yml: not a note collection (no entry has a "text" key), skipped']);
  });

  it("a package-like JSON file, a single value and a stream of documents are not collections", () => {
    expect(split("app.json", '{"name": "x", "scripts": {"lint": "invite-lint ."}}').warnings).toEqual([
      'app.json: not a note collection (no entry has a "text" key), skipped',
    ]);
    expect(split("v.yaml", "just a sentence\n").warnings).toEqual([
      "v.yaml: not a note collection (a single value, not a list or map of notes), skipped",
    ]);
    expect(split("k8s.yaml", "kind: Service\n---\nkind: Deployment\n").warnings).toEqual([
      "k8s.yaml: not a note collection (several YAML documents), skipped",
    ]);
    // A map of id to note is a collection only when every value is a note.
    expect(split("mixed.yaml", "welcome: Hi Priya, great meeting you.\nmeta:\n  version: 2\n").warnings).toHaveLength(
      1,
    );
  });

  it("when no entry has text, a key that looks like a misspelt text is named in the warning", () => {
    const r = split("notes.yaml", "- id: a\n  txet: Hi Priya, great meeting you at PyData.\n");
    expect(r.units).toEqual([]);
    expect(r.warnings).toEqual([
      'notes.yaml: not a note collection (no entry has a "text" key; "txet" is not "text"), skipped',
    ]);
  });

  it("lists of entries, lists of strings and maps of id to text are collections", () => {
    expect(
      split("a.yaml", "- id: hi\n  text: Hello Priya\n- text: Hello Dan\n").units.map((u) => [u.name, u.text]),
    ).toEqual([
      ["a.yaml#hi", "Hello Priya"],
      ["a.yaml#2", "Hello Dan"],
    ]);
    expect(split("b.yaml", "- Hello Priya\n- Hello Dan\n").units.map((u) => u.name)).toEqual(["b.yaml#1", "b.yaml#2"]);
    const map = split("c.json", '{"welcome": "Hello Priya", "followup": {"text": "Hello again", "to": "Priya Shah"}}');
    expect(map.units.map((u) => [u.name, u.text, u.facts])).toEqual([
      ["c.json#welcome", "Hello Priya", {}],
      ["c.json#followup", "Hello again", { to: "Priya Shah" }],
    ]);
    expect(map.warnings).toEqual([]);
  });

  it("an empty file or an empty list is a collection of no notes, without a warning", () => {
    expect(split("e.yaml", "# nothing yet\n")).toEqual({ units: [], warnings: [] });
    expect(split("e.json", "[]")).toEqual({ units: [], warnings: [] });
  });

  it("in a collection, an entry without text is an error at its position, the misspelt key first", () => {
    const text = "- id: a\n  text: Hi Priya, great meeting you.\n- id: b\n  txet: Hello\n";
    expect(problems("c.yaml", text)).toEqual([
      `c.yaml:${at(text, "txet")}: entry "b": unknown key "txet"; did you mean "text"?`,
      `c.yaml:${at(text, "id: b")}: entry "b" has no "text"`,
    ]);
    // The first entry decides nothing by itself: a later entry with text makes the file a collection.
    const first = "- id: a\n  to: Priya\n- id: b\n  text: Hello\n";
    expect(problems("d.yaml", first)).toEqual([`d.yaml:1:3: entry "a" has no "text"`]);
  });

  it("entry facts are checked: type, kind, template, disable, unknown keys", () => {
    const text =
      "- id: a\n  text: Hi\n  type: friend\n  template: yes\n  disable: near-duplicate\n  company: 12\n  colour: blue\n";
    expect(problems("c.yaml", text)).toEqual([
      `c.yaml:${at(text, "friend")}: entry "a": "type" must be one of reconnect, cold, event, recruiter, sales, job-seeker, alumni, other (got "friend")`,
      `c.yaml:${at(text, "yes")}: entry "a": "template" must be true or false`,
      `c.yaml:${at(text, "near-duplicate")}: entry "a": "disable" must be a list of rule or check ids`,
      `c.yaml:${at(text, "12")}: entry "a": "company" must be a non-empty string`,
      `c.yaml:${at(text, "colour")}: entry "a": unknown key "colour" (known: id, text, to, company, type, kind, context, template, disable)`,
    ]);
    expect(split("k.yaml", "- id: a\n  text: Hi\n  kind: event\n").units[0]!.facts).toEqual({ type: "event" });
    const both = "- id: a\n  text: Hi\n  type: event\n  kind: cold\n";
    expect(problems("k.yaml", both)).toEqual([
      `k.yaml:${at(both, "kind")}: entry "a": "kind" and "type" both set (kind is the older name of type: keep one)`,
    ]);
    // A map entry's id is its key: an `id` inside it is unknown.
    expect(problems("m.yaml", "a:\n  id: x\n  text: Hi\n")).toEqual([
      'm.yaml:2:3: entry "a": unknown key "id" (known: text, to, company, type, kind, context, template, disable)',
    ]);
  });

  it("a non-string entry, a text that is not a string and a duplicate id are errors", () => {
    expect(problems("c.yaml", "- text: Hi\n- 42\n")).toEqual([
      'c.yaml:2:3: entry "2" must be the note text or a mapping with "text"',
    ]);
    expect(problems("c.yaml", "- id: b\n  text: [a, b]\n")).toEqual([
      'c.yaml:2:9: entry "b": the note text must be a string',
    ]);
    expect(problems("c.yaml", "- id: a\n  text: Hi\n- id: a\n  text: Ho\n")).toEqual([
      'c.yaml:3:3: duplicate entry id "a"',
    ]);
  });

  it("a large collection parsed entry by entry is judged on all its entries", () => {
    const filler = (n: number, key = "text") =>
      Array.from(
        { length: n },
        (_, i) => `- id: n${i}\n  ${key}: Hi Priya, great meeting you at the meetup number ${i} last week.\n`,
      ).join("");
    // Not a collection: a large list of mappings, none with text.
    const none = split("big.yaml", filler(1500, "body"));
    expect(none.units).toEqual([]);
    expect(none.warnings).toEqual(['big.yaml: not a note collection (no entry has a "text" key), skipped']);
    // A collection whose first entry lacks text: an error at that entry, found before any note is linted.
    const late = `- id: first\n  to: Priya\n${filler(1500)}`;
    expect(late.length).toBeGreaterThan(64 * 1024);
    expect(problems("big.yaml", late)).toEqual(['big.yaml:1:3: entry "first" has no "text"']);
    // A collection whose last entry lacks text: the entries before it come, then the error.
    const last = `${filler(1500)}- id: last\n  to: Priya\n`;
    const seen: string[] = [];
    expect(() => {
      for (const u of splitDocument("big.yaml", last)) seen.push(u.name);
    }).toThrow(`big.yaml:${at(last, "id: last")}: entry "last" has no "text"`);
    expect(seen).toHaveLength(1500);
  });
});

describe("Markdown front matter is checked like a config file", () => {
  it("an unknown type, a misspelt key and an unknown key are errors at their position", () => {
    const text = "---\nto: Priya Shah\ntype: friend\ntxet: hello\ntitle: Intro\n---\nHi Priya.\n";
    expect(problems("n.md", text)).toEqual([
      'n.md:3:7: front matter: "type" must be one of reconnect, cold, event, recruiter, sales, job-seeker, alumni, other (got "friend")',
      'n.md:4:1: front matter: unknown key "txet" (known: to, company, type, kind, context, template, collection)',
      'n.md:5:1: front matter: unknown key "title" (known: to, company, type, kind, context, template, collection)',
    ]);
    expect(problems("n.md", "---\ncompnay: Acme\n---\nHi.\n")).toEqual([
      'n.md:2:1: front matter: unknown key "compnay"; did you mean "company"?',
    ]);
  });

  it("kind is the older name of type; empty keys mean not set; positions hold with CRLF and a BOM", () => {
    expect(split("n.md", "---\nkind: reconnect\nto:\n---\nHi Dan.\n").units[0]!.facts).toEqual({ type: "reconnect" });
    const crlf = "\ufeff---\r\nto: Dan\r\ntype: frend\r\n---\r\nHi Dan.\r\n";
    expect(problems("n.md", crlf)[0]).toMatch(/^n\.md:3:7: front matter: "type" must be one of .* \(got "frend"\)$/);
  });

  it("front matter that is not a mapping, or not YAML, is an error", () => {
    expect(problems("n.md", "---\n- a\n- b\n---\nHi.\n")).toEqual([
      "n.md:2:1: front matter must be a mapping of keys (to, company, type, kind, context, template, collection)",
    ]);
    expect(problems("n.md", "---\nto: [unclosed\n---\nHi.\n")[0]).toMatch(/^n\.md:\d+:\d+: front matter: /);
  });
});

const PLAYBOOK = `---
collection: sections
company: Acme
---
# Event follow-ups

Notes we send after a meetup. Each section is one note.

## After a talk

Hi Ana, your PyCon talk on data contracts was the best of the day.

## Group

### After a booth visit
<!-- invite-lint-facts to: Omar Haddad, type: event -->
Great to meet you!!! Let's connect.

### After a booth visit

Hi Omar, good to meet you at the booth.
`;

describe("Markdown as a collection: a note per section under a heading", () => {
  it("each section is a note named by its heading's anchor; the title, the introduction and empty sections are not notes", () => {
    const { units, warnings } = split("playbook.md", PLAYBOOK);
    expect(warnings).toEqual([]);
    expect(units.map((u) => u.name)).toEqual([
      "playbook.md#after-a-talk",
      "playbook.md#after-a-booth-visit",
      "playbook.md#after-a-booth-visit-1",
    ]);
    expect(units.map((u) => u.text.trim())).toEqual([
      "Hi Ana, your PyCon talk on data contracts was the best of the day.",
      "Great to meet you!!! Let's connect.",
      "Hi Omar, good to meet you at the booth.",
    ]);
  });

  it("positions point into the file: a note's text sits at its offset, markup blanked to spaces", () => {
    for (const u of split("playbook.md", PLAYBOOK).units) {
      // Every character kept is the file's character at the same place.
      for (let i = 0; i < u.text.length; i++)
        if (u.text[i] !== " ") expect(PLAYBOOK[u.offset + i], `${u.name} at ${i}`).toBe(u.text[i]);
      const body = u.text.trim();
      expect(PLAYBOOK.indexOf(body)).toBe(u.offset + u.text.indexOf(body));
      // The heading line is part of the slice, blanked.
      expect(u.text.slice(0, u.text.indexOf("\n")).trim()).toBe("");
      for (const r of u.ignore ?? []) expect(PLAYBOOK.slice(u.offset + r.start, u.offset + r.end).trim()).not.toBe("");
    }
  });

  it("front matter facts apply to every note; a facts comment to its own section", () => {
    const [talk, booth, second] = split("playbook.md", PLAYBOOK).units;
    expect(talk!.facts).toEqual({ company: "Acme" });
    expect(booth!.facts).toEqual({ company: "Acme", to: "Omar Haddad", type: "event" });
    expect(second!.facts).toEqual({ company: "Acme" });
  });

  it("a facts comment is checked too", () => {
    const text = "---\ncollection: sections\n---\n## A\n<!-- invite-lint-facts type: friend -->\nHi.\n## B\nHo.\n";
    expect(problems("p.md", text)).toEqual([
      `p.md:${at(text, "friend")}: facts comment: "type" must be one of reconnect, cold, event, recruiter, sales, job-seeker, alumni, other (got "friend")`,
    ]);
  });

  it("the config's sections switch it on; front matter collection: none switches it off", () => {
    const text = "## A\nHello Priya.\n## B\nHello Dan.\n";
    expect(split("t.md", text).units.map((u) => u.name)).toEqual(["t.md"]);
    expect(split("t.md", text, { sections: true }).units.map((u) => u.name)).toEqual(["t.md#a", "t.md#b"]);
    expect(split("t.md", `---\ncollection: none\n---\n${text}`, { sections: true }).units.map((u) => u.name)).toEqual([
      "t.md",
    ]);
    expect(problems("t.md", "---\ncollection: yes\n---\nHi.\n")).toEqual([
      't.md:2:13: front matter: "collection" must be "sections" (a note per section under a heading) or "none" (one note)',
    ]);
  });

  it("headings of one level are all notes; a file without headings is one note; headings in fenced code do not split", () => {
    expect(split("t.md", "# A\nHello.\n# B\nHi.\n", { sections: true }).units.map((u) => u.name)).toEqual([
      "t.md#a",
      "t.md#b",
    ]);
    expect(split("t.md", "Hello Priya.\n", { sections: true }).units.map((u) => [u.name, u.text])).toEqual([
      ["t.md", "Hello Priya.\n"],
    ]);
    const fenced = "## A\nHello.\n```sh\n# not a heading\n```\n## B\nHi.\n";
    expect(split("t.md", fenced, { sections: true }).units.map((u) => u.name)).toEqual(["t.md#a", "t.md#b"]);
  });

  it("a file whose headings hold no text gives a warning and no notes", () => {
    expect(split("t.md", "# Title\n## A\n## B\n", { sections: true })).toEqual({
      units: [],
      warnings: ["t.md: no note under its headings, skipped"],
    });
  });

  it("directives apply to the section they are in, or to every note from the introduction", () => {
    const text =
      "# T\n<!-- invite-lint-disable too-short -->\n## A\n<!-- invite-lint-disable no-offer -->\nHello.\n## B\n<!-- invite-lint-disable-next-line exclamation-run -->\nHi!!!\n";
    const [a, b] = split("t.md", text, { sections: true }).units;
    expect(a!.disable).toEqual(["too-short", "no-offer"]);
    expect(b!.disable).toEqual(["too-short"]);
    expect(b!.suppress).toEqual([
      {
        start: text.indexOf("Hi!!!") - b!.offset,
        end: text.indexOf("Hi!!!") - b!.offset + 5,
        rules: ["exclamation-run"],
      },
    ]);
    // Only a section's own directives are reported when unused.
    expect(a!.directives.map((d) => d.rules)).toEqual([["no-offer"]]);
    expect(b!.directives.map((d) => [d.action, d.suppress])).toEqual([["disable-next-line", 0]]);
  });
});

describe("quoted entries with escapes are linted as the text they stand for", () => {
  it("a JSON entry's \\u0027 and \\n are decoded; each character knows where it sits in the file", () => {
    const file = '[{"id": "a", "text": "I\\u0027d like to meet.\\nThanks"}]\n';
    const [u] = split("c.json", file).units;
    expect(u!.text).toBe("I'd like to meet.\nThanks");
    expect(u!.offsets).toHaveLength(u!.text.length + 1);
    // The apostrophe is the whole escape's first character; "d" follows the escape.
    expect(file.slice(u!.offsets![1]!, u!.offsets![2]!)).toBe("\\u0027");
    expect(file[u!.offsets![2]!]).toBe("d");
    expect(file.slice(u!.offsets![u!.text.length]!)).toBe('"}]\n');
  });

  it("a single-quoted YAML entry's '' is one apostrophe", () => {
    const file = "- text: 'We met at Tom''s meetup.'\n";
    const [u] = split("c.yaml", file).units;
    expect(u!.text).toBe("We met at Tom's meetup.");
    expect(file[u!.offsets![u!.text.indexOf("s meetup")]!]).toBe("s");
  });

  it("an entry without escapes is a slice of the file, with no offsets", () => {
    const [u] = split("c.json", '[{"text": "Hi Tom, great talk."}]').units;
    expect(u!.text).toBe("Hi Tom, great talk.");
    expect(u!.offsets).toBeUndefined();
  });
});
