import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  banding,
  createFingerprinter,
  findNearDuplicates,
  jaccard,
  MIN_SHINGLES,
  NoteSet,
  PairSorter,
  similarity,
  type NoteInput,
} from "../../src/engine/sameness.js";
import { createMasker, PLACEHOLDER } from "../../src/engine/sameness-mask.js";

/** A team template: the greeting name and the company are swapped per recipient. */
const TEMPLATE = (name: string, company: string) =>
  `Hi ${name}, I saw that ${company} just opened a data platform team in Rotterdam. We built something similar last year and wrote down what worked when hiring the first four engineers. Most of it was about on-call and code review. I'd be glad to send you the notes if that helps. Best, Sam`;
/** The template with its closing sentence changed. */
const CHANGED = (name: string, company: string) =>
  TEMPLATE(name, company).replace("I'd be glad to send you the notes if that helps.", "Happy to share our notes.");

const pair = (a: string, b: string, facts: [Partial<NoteInput>, Partial<NoteInput>] = [{}, {}], threshold?: number) =>
  findNearDuplicates(
    [
      { name: "a.txt", text: a, ...facts[0] },
      { name: "b.txt", text: b, ...facts[1] },
    ],
    { threshold },
  );

const messages = (r: ReturnType<typeof findNearDuplicates>) => r.warnings.map((w) => w?.message);

describe("near-duplicate notes: pairs that are the same note", () => {
  it.each([
    {
      what: "the same template with different names and companies, the facts given",
      a: TEMPLATE("Priya", "Acme"),
      b: TEMPLATE("Tom", "Globex Robotics"),
      facts: [
        { to: "Priya Shah", company: "Acme" },
        { to: "Tom Berg", company: "Globex Robotics" },
      ],
      expected: [
        "100% the same as b.txt: only the name and company differ",
        "100% the same as a.txt: only the name and company differ",
      ],
    },
    {
      what: "the same template with different names and companies, no facts (capitalised names are masked)",
      a: TEMPLATE("Priya", "Acme"),
      b: TEMPLATE("Tom", "Initech"),
      expected: [
        "100% the same as b.txt: only the name and other names differ",
        "100% the same as a.txt: only the name and other names differ",
      ],
    },
    {
      what: "the template with merge fields against a filled-in copy",
      a: TEMPLATE("{{first_name}}", "{{company}}"),
      b: TEMPLATE("Tom", "Globex"),
      facts: [{}, { company: "Globex" }],
      expected: [
        "100% the same as b.txt: only the name and company differ",
        "100% the same as a.txt: only the name and company differ",
      ],
    },
    {
      what: "the same template with one sentence changed",
      a: TEMPLATE("Priya", "Acme"),
      b: CHANGED("Tom", "Acme"),
      expected: [
        "87% the same as b.txt: one sentence and the name differ",
        "87% the same as a.txt: one sentence and the name differ",
      ],
    },
    {
      what: "another greeting and sign-off",
      a: TEMPLATE("Priya", "Acme"),
      b: TEMPLATE("Tom", "Acme")
        .replace(/^Hi/, "Hello")
        .replace(/Best, Sam$/, "Cheers,\nAna Lima"),
      expected: [
        "100% the same as b.txt: only the name and sign-off differ",
        "100% the same as a.txt: only the name and sign-off differ",
      ],
    },
  ])("$what", ({ a, b, facts, expected }) => {
    const r = pair(a, b, (facts ?? [{}, {}]) as [Partial<NoteInput>, Partial<NoteInput>]);
    expect(messages(r)).toEqual(expected);
    expect(r.clusters).toHaveLength(1);
    expect(r.clusters[0]!.members.map((m) => m.file)).toEqual(["a.txt", "b.txt"]);
  });

  it("every merge-field spelling is masked like the name it stands for", () => {
    const filled = TEMPLATE("Tom", "Globex");
    for (const field of [
      "{{first_name}}",
      "{first_name}",
      "[Name]",
      "<FirstName>",
      "*|FNAME|*",
      "%FIRSTNAME%",
      "%%FirstName%%",
    ]) {
      const r = pair(TEMPLATE(field, "{{company}}"), filled);
      expect(
        r.clusters.map((c) => c.similarity),
        field,
      ).toEqual([100]);
    }
  });
});

describe("near-duplicate notes: pairs that are not the same note", () => {
  it.each([
    {
      what: "two good notes to different people that share only the greeting and the sign-off",
      a: "Hi Priya, great meeting you at the Denver PyData meetup last week. Your talk on dbt tests changed how our team reviews models. Best, Sam",
      b: "Hi Tom, congrats on shipping the warehouse routing engine - the write-up on slotting fast movers near packing was the clearest I have read. Best, Sam",
    },
    {
      what: "a note and its translation",
      a: TEMPLATE("Priya", "Acme"),
      b: "Hallo Priya, ich habe gesehen, dass Acme gerade ein Data-Platform-Team in Rotterdam aufbaut. Wir haben letztes Jahr etwas Ähnliches gebaut und aufgeschrieben, was bei der Einstellung der ersten vier Entwickler funktioniert hat. Ich schicke dir gern die Notizen. Beste Grüße, Sam",
    },
    {
      what: "the same opening with the rest of the note rewritten",
      a: TEMPLATE("Priya", "Acme"),
      b: "Hi Tom, I saw that Acme just opened a data platform team in Rotterdam. Your post on on-call rotations made me rethink ours, and the part on handovers is now in our runbook. Best, Sam",
    },
    {
      what: "the template with its longest sentence, a third of the note, rewritten (74% the same)",
      a: TEMPLATE("Priya", "Acme"),
      b: TEMPLATE("Tom", "Acme").replace(
        "We built something similar last year and wrote down what worked when hiring the first four engineers.",
        "We did the same in Lisbon.",
      ),
    },
    { what: "two notes that are only a greeting and a sign-off", a: "Hi Priya, Best, Sam", b: "Hi Tom,\n\nBest,\nSam" },
  ])("$what", ({ a, b }) => {
    const r = pair(a, b);
    expect(messages(r)).toEqual([undefined, undefined]);
    expect(r.clusters).toEqual([]);
  });

  it("one note alone is never a near-duplicate", () => {
    expect(findNearDuplicates([{ name: "a.txt", text: TEMPLATE("Priya", "Acme") }])).toEqual({
      warnings: [undefined],
      clusters: [],
    });
  });

  it(`notes with fewer than ${MIN_SHINGLES} word 3-grams after masking are left out, however alike`, () => {
    const fp = createFingerprinter();
    // Eleven words after masking: nine 3-grams (LinkedIn's own stock invitation is one of these).
    expect(fp.fingerprint("I'd like to add you to my professional network on LinkedIn.")).toBeUndefined();
    expect(
      fp.fingerprint("Hi Priya, I'd like to add you to my professional network on LinkedIn today. Best, Sam")?.shingles,
    ).toBe(10);
    const stock = "I'd like to add you to my professional network on LinkedIn.";
    expect(pair(stock, stock).clusters).toEqual([]);
  });
});

describe("near-duplicate notes: thresholds", () => {
  const a = TEMPLATE("Priya", "Acme");
  const b = CHANGED("Tom", "Acme");

  it("a pair 87% the same clusters at 0.8 and 0.85, not at 0.9 or 1", () => {
    expect(pair(a, b, undefined, 0.8).clusters.map((c) => c.similarity)).toEqual([87]);
    expect(pair(a, b, undefined, 0.85).clusters.map((c) => c.similarity)).toEqual([87]);
    expect(pair(a, b, undefined, 0.9).clusters).toEqual([]);
    expect(pair(a, b, undefined, 1).clusters).toEqual([]);
    expect(pair(a, a, undefined, 1).clusters.map((c) => c.similarity)).toEqual([100]);
  });

  it("banding finds a pair at the threshold with probability 0.995 or more, with the most rows a band", () => {
    expect(banding(0.8)).toEqual({ bands: 32, rows: 4 });
    expect(banding(0.9)).toEqual({ bands: 21, rows: 6 });
    expect(banding(0.5)).toEqual({ bands: 64, rows: 2 });
    expect(banding(1)).toEqual({ bands: 1, rows: 128 });
    for (const t of [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]) {
      const { bands, rows } = banding(t);
      const j = t / (2 - t);
      expect(1 - (1 - j ** rows) ** bands).toBeGreaterThanOrEqual(0.995);
      expect(1 - (1 - j ** (rows + 1)) ** Math.floor(128 / (rows + 1))).toBeLessThan(0.995);
    }
  });
});

describe("near-duplicate notes: masking", () => {
  const m = createMasker();
  const masked = (text: string, facts = {}) => m.mask(text, facts).words.join(" ").replaceAll(PLACEHOLDER, "#");

  it.each([
    ["Hi Priya, great to meet you.", "great to meet you"],
    ["Hello {{first_name}} - great to meet you.", "great to meet you"],
    ["Priya, great to meet you.", "great to meet you"],
    ["Hi there, great to meet you.", "great to meet you"],
    ["Great to meet you. Best regards, Sam Lee", "great to meet you"],
    ["Great to meet you.\n\nCheers,\nSam", "great to meet you"],
    ["Great to meet you - Sam", "great to meet you"],
    ["Great to meet you. Beste Grüße, Sam", "great to meet you"],
    ["I saw that Acme Robotics hired Dana from Globex.", "i saw that # hired # from #"],
    ["I saw your post on {topic} at {{company}}'s blog.", "i saw your post on # at # blog"],
    ["We met at the meetup, thanks to Jo.", "we met at the meetup thanks to #"],
  ])("%j -> %j", (text, words) => {
    expect(masked(text)).toBe(words);
  });

  it("masks the recipient's facts: the whole fact anywhere, a word of a name or company where capitalised", () => {
    expect(
      masked("Great to see acme robotics and Acme grow; shah says hi to priya.", {
        to: "Priya Shah",
        company: "Acme Robotics",
      }),
    ).toBe("great to see # and # grow shah says hi to priya");
    expect(masked("We both met at pydata denver last spring.", { context: "PyData Denver" })).toBe(
      "we both met at # last spring",
    );
  });

  it("a sentence ends at . ! ? … and at a blank line (LF or CRLF); a wrapped line ends one only before a capital", () => {
    const sentences = (text: string) => m.mask(text).sentences;
    expect(sentences("we read your post on slotting\nand tried it on our floor")).toEqual([0]);
    expect(sentences("we read your post on slotting\nThen we tried it on our floor")).toEqual([0, 6]);
    expect(sentences("we read your post on slotting\r\n\r\nand tried it on our floor")).toEqual([0, 6]);
    expect(sentences("we read it… and tried it! did it work? yes. it did")).toEqual([0, 3, 6, 9, 10]);
    expect(m.mask("O’Neil’s team didn't").words).toEqual(["o'neil's", "team", "didn't"]);
  });

  it("keeps capitalised words in German notes, where every noun is capitalised", () => {
    expect(masked("Ich habe deinen Vortrag über Datenqualität gesehen und fand ihn gut.")).toBe(
      "ich habe deinen vortrag über datenqualität gesehen und fand ihn gut",
    );
  });

  it("shows a cluster's shared text with the masked parts named and the sentences not shared by all as …", () => {
    const r = pair(TEMPLATE("Priya", "Acme"), CHANGED("Tom", "Acme"));
    expect(r.clusters[0]).toEqual({
      similarity: 87,
      size: 2,
      differs: "one sentence and the name differ",
      text: "Hi {name}, I saw that {name} just opened a data platform team in {name}. We built something similar last year and wrote down what worked when hiring the first four engineers. Most of it was about on-call and code review. … Best, {sender}",
      members: [
        { file: "a.txt", closest: "b.txt", similarity: 87 },
        { file: "b.txt", closest: "a.txt", similarity: 87 },
      ],
    });
  });
});

describe("near-duplicate notes: MinHash", () => {
  /** Fingerprints of notes made of numbered words: `shared` words in common and `own` words of their own each. */
  function pairOf(shared: number, own: number, seed: number) {
    const fp = createFingerprinter();
    const words = (from: number, n: number) => Array.from({ length: n }, (_, i) => `w${seed}x${from + i}`).join(" ");
    const a = fp.fingerprint(`${words(0, shared)} ${words(10_000, own)}`)!;
    const b = fp.fingerprint(`${words(0, shared)} ${words(20_000, own)}`)!;
    return { a, b };
  }

  it("estimates the Jaccard similarity of the 3-gram sets without bias, with the error the theory gives", () => {
    // 40 shared words and 6 of their own: 38 shared 3-grams of 44 each, J = 38 / 50 = 0.76.
    const errors = Array.from({ length: 300 }, (_, seed) => {
      const { a, b } = pairOf(40, 6, seed);
      return jaccard(a.signature, b.signature) - 38 / 50;
    });
    const mean = errors.reduce((x, y) => x + y, 0) / errors.length;
    const sd = Math.sqrt(errors.reduce((x, y) => x + (y - mean) ** 2, 0) / errors.length);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    // Theory for 128 hashes: sqrt(J (1 - J) / 128) = 0.0377.
    expect(sd).toBeGreaterThan(0.03);
    expect(sd).toBeLessThan(0.045);
  });

  it("reports the share of 3-grams in common, 2J / (1 + J)", () => {
    const { a, b } = pairOf(40, 6, 1);
    const j = jaccard(a.signature, b.signature);
    expect(similarity(a.signature, b.signature)).toBeCloseTo((2 * j) / (1 + j), 12);
    expect(similarity(a.signature, a.signature)).toBe(1);
  });

  it("is deterministic: the same note gives the same signature in every fingerprinter", () => {
    const text = TEMPLATE("Priya", "Acme");
    expect(Array.from(createFingerprinter().fingerprint(text)!.signature)).toEqual(
      Array.from(createFingerprinter().fingerprint(text)!.signature),
    );
  });

  it("a large cluster: 3,000 copies of a template are one cluster, each note named against its closest", () => {
    const names = ["Priya", "Tom", "Ana", "Kemal", "Rosa", "Omar"];
    const notes = Array.from({ length: 3000 }, (_, i) => ({
      name: `n${String(i).padStart(4, "0")}`,
      text: TEMPLATE(names[i % names.length]!, "Acme"),
    }));
    const r = findNearDuplicates(notes);
    expect(r.clusters.map((c) => [c.size, c.similarity, c.differs])).toEqual([[3000, 100, "only the name differs"]]);
    // With the names masked every copy is 100% the same as every other: the closest is the first other in name order.
    expect(r.warnings[0]!.message).toBe("100% the same as n0001 and 2998 others: only the name differs");
    expect(r.warnings[1]!.message).toBe("100% the same as n0000 and 2998 others: only the name differs");
    expect(r.warnings[6]!.message).toBe("100% the same as n0000 and 2998 others: nothing differs");
  });
});

describe("near-duplicate notes: the clusters do not depend on the order of the notes", () => {
  const templates = [
    TEMPLATE("{name}", "{company}"),
    "Hello {name} - congrats on the new role at {company}! I lead a small group of analytics engineers who trade notes on pricing pages every month, and you would fit right in. Cheers, Lena",
    "Hi {name}, your post about forecasting at {company} matched what we keep running into with our own customers. Would you be open to comparing notes sometime next month? Thanks, Omar",
  ];
  const note = fc.oneof(
    fc
      .record({
        t: fc.integer({ min: 0, max: templates.length - 1 }),
        name: fc.constantFrom("Priya", "Tom", "Ana", "Kemal", "Rosa"),
        company: fc.constantFrom("Acme", "Globex", "Initech", "Hooli"),
        edit: fc.option(fc.constantFrom("last year", "this spring", "recently"), { nil: undefined }),
      })
      .map(({ t, name, company, edit }) => {
        const text = templates[t]!.replace("{name}", name).replace("{company}", company);
        return edit ? text.replace(/\. /, ` ${edit}. `) : text;
      }),
    fc
      .array(
        fc.constantFrom(
          "meetup",
          "talk",
          "roadmap",
          "survey",
          "pilot",
          "garden",
          "marathon",
          "thesis",
          "podcast",
          "read",
          "built",
          "shared",
        ),
        { minLength: 14, maxLength: 30 },
      )
      .map((w) => `Hi Sam, ${w.join(" ")}.`),
  );

  it("the same clusters, similarities and warnings for any order", () => {
    fc.assert(
      fc.property(fc.array(note, { minLength: 2, maxLength: 40 }), fc.integer(), (texts, seed) => {
        const notes = texts.map((text, i) => ({ name: `notes/${String(i).padStart(2, "0")}.txt`, text }));
        // A permutation from the seed (Fisher-Yates with a small LCG).
        const shuffled = [...notes];
        let s = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = findNearDuplicates(notes);
        const b = findNearDuplicates(shuffled);
        expect(b.clusters).toEqual(a.clusters);
        const byName = (r: typeof a, list: typeof notes) =>
          Object.fromEntries(list.map((n, i) => [n.name, r.warnings[i]?.message]));
        expect(byName(b, shuffled)).toEqual(byName(a, notes));
      }),
      { numRuns: 200, seed: 20260515 },
    );
  });

  it("a NoteSet gives the same clusters as findNearDuplicates", () => {
    const fp = createFingerprinter();
    const set = new NoteSet();
    set.add("a.txt", fp.fingerprint(TEMPLATE("Priya", "Acme")));
    set.add("b.txt", fp.fingerprint(TEMPLATE("Tom", "Acme")));
    set.add("c.txt", fp.fingerprint("Hi Priya, Best, Sam"));
    const c = set.cluster(0.8);
    expect(c.groups.map((g) => Array.from(g))).toEqual([[0, 1]]);
    expect(c.warning(2)).toBeUndefined();
    expect(c.warning(0)?.message).toBe("100% the same as b.txt: only the name differs");
  });
});

describe("a band's keys sort the same by comparison and by radix", () => {
  it("equal keys stay in rank order either way", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 300 }),
        fc.nat(5),
        (raw, spread) => {
          // Few distinct keys too, so ties are common.
          const values = raw.map((k) => (spread === 0 ? k % 7 : k) >>> 0);
          const sorted = (byComparison: boolean) => {
            const s = new PairSorter(values.length, byComparison);
            s.keys.set(values);
            const { keys, ranks } = s.sort();
            return { keys: [...keys], ranks: [...ranks] };
          };
          expect(sorted(true)).toEqual(sorted(false));
        },
      ),
    );
  });
});
