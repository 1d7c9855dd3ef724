// Benchmark rows for the near-duplicate check: 10,000 and 100,000 notes in one run, the check
// on against off (--sameness off), A and B in turns. The notes come from a seeded generator:
// team templates sent with the name and company swapped, and notes of their own.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Collection files of this many entries (about 1.3 MB each, under the 2 MiB input limit). */
const PER_FILE = 5000;

const FIRST = [
  "Priya",
  "Tom",
  "Ana",
  "Kemal",
  "Rosa",
  "Omar",
  "Lena",
  "Jo",
  "Marta",
  "Sam",
  "Ines",
  "Yusuf",
  "Chloe",
  "Bram",
  "Aiko",
  "Dara",
  "Felix",
  "Nadia",
  "Ravi",
  "Greta",
  "Hugo",
  "Lina",
  "Mateo",
  "Noor",
  "Oskar",
  "Petra",
  "Quinn",
  "Sofia",
  "Theo",
  "Uma",
];
const LAST = [
  "Shah",
  "Berg",
  "Costa",
  "Yilmaz",
  "Diaz",
  "Haddad",
  "Vogel",
  "Okafor",
  "Novak",
  "Lee",
  "Moreau",
  "Sato",
  "Kowalski",
  "Reyes",
];
const COMPANIES = [
  "Northwind",
  "Globex",
  "Initech",
  "Hooli",
  "Umbrella Labs",
  "Vandelay",
  "Stark Freight",
  "Acme Robotics",
  "Pied Piper",
  "Wayne Logistics",
  "Soylent Foods",
  "Tyrell Data",
  "Cyberdyne",
  "Massive Dynamic",
  "Oscorp",
  "Wonka Retail",
  "Gringotts Pay",
  "Monarch Health",
];
const TOPICS = [
  "warehouse slotting",
  "dbt tests",
  "pricing pages",
  "on-call rotations",
  "design reviews",
  "churn models",
  "vendor audits",
  "hiring loops",
  "feature flags",
  "release notes",
  "forecasting",
  "data contracts",
];
/** Templates a team would send to hundreds: {first}, {company} and {topic} are swapped per recipient. */
const TEMPLATES = [
  "Hi {first}, I saw that {company} just opened a data platform team. We built something similar last year and I'd be glad to share what we learned about hiring for it. Best, Sam",
  "Hello {first} - congrats on the new role at {company}! I lead a small group of analytics engineers who trade notes on {topic} every month, and you would fit right in. Cheers, Lena",
  "Hi {first}, your post about {topic} at {company} matched what we keep running into with our own customers. Would you be open to comparing notes sometime next month? Thanks, Omar",
  "Dear {first}, we help teams like {company} cut their reporting time in half with a lightweight metrics layer. Happy to send a two-page summary of how it works if useful. Regards, Jo",
  "Hi {first}! I noticed {company} is hiring for platform roles. I recruit for a few companies in the same space and keep a shortlist of strong engineers who know {topic} well. Best, Marta",
  "Hey {first}, I came across your talk on {topic} and the part about rollout checklists stuck with me. We wrote up our own version at work and I can send it over. Best wishes, Kemal",
  "Hi {first}, fellow alumni here. I see you are at {company} now; we are building tooling for {topic} and I would value ten minutes of your view on what hurts most. Thanks, Rosa",
  "Hello {first}, I run a monthly roundtable for leaders working on {topic}. The next one is on the first Thursday and a few people from companies like {company} will join. Warm regards, Tom",
];
/** Words for notes of their own: random sentences, so that no two share a template. */
const WORDS = (
  "meetup talk project team launch checklist notes pipeline review migration budget roadmap customer survey interview podcast " +
  "article workshop panel demo prototype benchmark dashboard report spreadsheet incident rollout pilot sprint retro offsite hackathon " +
  "conference keynote thread newsletter chapter course paper thesis grant volunteer mentor community library garden marathon trail " +
  "enjoyed liked read watched heard tried built shipped wrote shared borrowed adapted questioned admired followed noticed remembered " +
  "yesterday recently finally honestly quickly together carefully again still really often nearly clearly gladly"
).split(" ");
const GLUE = ["your", "the", "our", "that", "a", "my", "this", "their"];

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function fill(template, r) {
  return template
    .replace(/\{first\}/g, pick(r, FIRST))
    .replace(/\{company\}/g, pick(r, COMPANIES))
    .replace(/\{topic\}/g, pick(r, TOPICS));
}

function ownNote(r) {
  const sentence = () => {
    const n = 6 + Math.floor(r() * 7);
    const words = Array.from({ length: n }, (_, i) => (i % 3 === 1 ? pick(r, GLUE) : pick(r, WORDS)));
    return `${words.join(" ").replace(/^./, (c) => c.toUpperCase())}.`;
  };
  return `Hi ${pick(r, FIRST)}, ${sentence().replace(/^./, (c) => c.toLowerCase())} ${sentence()} ${sentence()}`;
}

/**
 * Writes `count` notes as collection files under work/sameness-<count>/: 60% copies of the
 * templates (a third of them with `to` and `company` facts), 40% notes of their own.
 */
export function prepareSameness(work, count, rng) {
  const dir = join(work, `sameness-${count}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = rng(count);
  for (let f = 0; f * PER_FILE < count; f++) {
    const lines = [];
    for (let i = f * PER_FILE; i < Math.min(count, (f + 1) * PER_FILE); i++) {
      if (r() < 0.6) {
        const first = pick(r, FIRST);
        const company = pick(r, COMPANIES);
        const text = fill(
          pick(r, TEMPLATES)
            .replace(/\{first\}/g, first)
            .replace(/\{company\}/g, company),
          r,
        );
        const facts = r() < 0.33 ? `\n  to: ${first} ${pick(r, LAST)}\n  company: ${company}` : "";
        lines.push(`- id: n${i}${facts}\n  text: ${JSON.stringify(text)}`);
      } else {
        lines.push(`- id: n${i}\n  text: ${JSON.stringify(ownNote(r))}`);
      }
    }
    writeFileSync(join(dir, `notes-${String(f).padStart(2, "0")}.yaml`), `${lines.join("\n")}\n`);
  }
  return dir;
}

/** The rows: per size, the run with the check on against the same run with --sameness off. */
export function samenessRows({ work, rng, runs, lint, paired, ms }) {
  const rows = [];
  // Fewer pairs for the larger run: one takes about half a minute.
  for (const [count, pairs] of [
    [10_000, Math.min(runs, 5)],
    [100_000, Math.min(runs, 3)],
  ]) {
    const dir = prepareSameness(work, count, rng);
    const t = paired(lint(dir), lint("--sameness", "off", dir), pairs);
    rows.push([
      `${count.toLocaleString("en")} notes in one run (${Math.ceil(count / PER_FILE)} YAML collections), near-duplicate check on against \`--sameness off\`, ${pairs} pairs`,
      `on ${ms(t.a.wall)} (peak ${t.a.mib.toFixed(0)} MiB), off ${ms(t.b.wall)} (peak ${t.b.mib.toFixed(0)} MiB)`,
      `${t.ratio.toFixed(2)}x`,
      "<= 1.5x",
      t.ratio <= 1.5,
    ]);
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
