// A table per detector rule, as ESLint's RuleTester takes them: notes where the rule must find
// nothing, and notes where it must find exactly these words (each span's text, in order).
import { describe, expect, it } from "vitest";
import { linterFor } from "../../src/engine/default.js";
import { builtinRules } from "../../src/builtin.js";
import type { LintOptions } from "../../src/engine/types.js";

const linter = linterFor(builtinRules);

interface Case {
  text: string;
  options?: LintOptions;
}
interface Invalid extends Case {
  /** The text of every span the rule found, in order. */
  found: string[];
}

function table(ruleId: string, valid: (string | Case)[], invalid: Invalid[]): void {
  describe(ruleId, () => {
    it.each(valid.map((v) => (typeof v === "string" ? { text: v } : v)).map((c) => [c.text, c] as const))("finds nothing in: %s", (_t, c) => {
      expect(linter.matches(c.text, c.options)[ruleId] ?? []).toEqual([]);
    });
    it.each(invalid.map((c) => [c.text, c] as const))("finds its words in: %s", (_t, c) => {
      const spans = linter.matches(c.text, c.options)[ruleId] ?? [];
      expect(spans.map(([s, e]) => c.text.slice(s, e))).toEqual(c.found);
    });
  });
}

describe("detectors", () => {
  table("their-named-work", [
    "Your profile is impressive.",
    "Your background in fintech caught my eye.",
    "I came across your work at Google.",
    "Could you share your notes on the exam?",
  ], [
    { text: "Hi Tom, loved your RustConf talk.", found: ["your RustConf talk"] },
    { text: "Your post on flaky Cypress tests saved me a day.", found: ["Your post on flaky Cypress tests"] },
    { text: "I read your 2022 paper on malaria tests.", found: ["your 2022 paper on malaria tests"] },
    { text: "Great Strange Loop talk, Ana!", found: ["Great Strange Loop talk"] },
  ]);

  table("their-work", ["Your profile is impressive.", "Your company is growing fast.", "Hi Jo, I would love to connect."], [
    { text: "Your thread made my week.", found: ["Your thread"] },
  ]);

  table("their-profile", [
    "Your talk on fraud models at Money20/20 was great.",
    "Your background in ML is impressive and your talk at PyData was the best.",
  ], [
    { text: "Your background in fintech is impressive.", found: ["Your background in fintech"] },
    { text: "I noticed your impressive transition to CTO.", found: ["your impressive transition"] },
  ]);

  table("their-message", ["Your profile is great."], [
    { text: "Thank you for your kind message on my post.", found: ["your kind message on my post"] },
  ]);

  table("their-act", [
    "You have achieved a lot in your career.",
    "I'd love to hear how you got there.",
    "I see you attended the webinar.",
  ], [
    { text: "You filed the TLS bug on our chart last week.", found: ["You filed"] },
    { text: "Ravi, you were my first manager at Infosys.", found: ["you were my"] },
  ]);

  table("their-act-seen", ["You filed the TLS bug."], [
    { text: "Saw you liked my post about release notes.", found: ["you liked"] },
  ]);

  table("thing-they-did", ["The dashboard is great."], [
    { text: "The Grafana dashboard you shared runs in my garage.", found: ["The Grafana dashboard you shared"] },
    { text: "Saw the demo your team did at the summit.", found: ["the demo your team did"] },
  ]);

  table("their-occasion", ["You are a product manager at Acme."], [
    { text: "Saw you're speaking at PyCon next month.", found: ["you're speaking"] },
    { text: "Congrats on the new role!", found: ["Congrats on the new role"] },
  ]);

  table("their-named-news", ["Congrats on your new role!"], [
    { text: "Congrats on launching Notion Calendar!", found: ["Congrats on launching Notion Calendar"] },
  ]);

  table("their-role", ["I see you're speaking at StripeSessions."], [
    { text: "I see you're a passionate engineering leader at Stripe.", found: ["you're a passionate engineering leader"] },
    { text: "I noticed you work at Apple.", found: ["you work"] },
  ]);

  table("we-did", ["We haven't met yet.", "We help companies grow.", "Looking forward to our conversation."], [
    { text: "We met at the Berlin Rust meetup.", found: ["We met"] },
    { text: "We co-wrote that RFP response at Accenture.", found: ["We co-wrote"] },
    { text: "It's been ages since our time at Boots.", found: ["our time"] },
    { text: "Hallo Anna, wir haben zusammen bei SAP gearbeitet.", found: ["wir haben zusammen bei SAP gearbeitet"] },
  ]);

  table("shared-membership", ["Fellow professionals, let's connect."], [
    { text: "We're both in the Rotary literacy group.", found: ["We're both in the Rotary literacy group"] },
    { text: "Same Amazon orientation on Monday!", found: ["Same Amazon orientation"] },
    { text: "Fellow volunteer at the Riverside Food Bank here.", found: ["Fellow volunteer at the Riverside Food Bank"] },
  ]);

  table("self-placement", ["I am a data engineer with five years of experience."], [
    { text: "I'm the one who asked about cold starts after your talk.", found: ["I'm the one"] },
    { text: "I was your intern at Aramco in 2020.", found: ["I was your intern"] },
    { text: "Pieter, Rob from the Rabobank traineeship.", found: ["Rob from the Rabobank traineeship"] },
  ]);

  table("named-contact", ["We have many mutual connections.", "LinkedIn suggests we may know each other."], [
    { text: "Dana said I should talk to you about support.", found: ["Dana said"] },
    { text: "Our mutual friend Hugo claims you bake the best bread.", found: ["Our mutual friend Hugo", "Hugo claims"] },
    { text: "Hola Diego, Marta López me dijo que organizas el meetup.", options: { lang: "es" }, found: ["Marta López me"] },
  ]);

  table("joining-them", ["Join my network on LinkedIn.", "I recently joined my own startup."], [
    { text: "Hi Maya, I start at Asana next week on the Goals team.", found: ["I start"] },
    { text: "Welcome to the Leeds office, Hannah!", found: ["Welcome to"] },
  ]);

  table("conversation", ["Would love to chat."], [
    { text: "Great chatting at the Kafka meetup last night.", found: ["Great chatting"] },
  ]);

  table("planned-meeting", ["Looking forward to connecting!"], [
    { text: "Looking forward to the interview with you and your team.", found: ["forward to the interview"] },
  ]);

  table("shared-memory", ["Hope you are well."], [
    { text: "Remember the Black Friday at Geek Squad?", found: ["Remember the"] },
    { text: "It's been forever since the night shifts on 4 West.", found: ["since the"] },
  ]);

  table("saw-them", ["I see you work in fintech."], [
    { text: "Listened to you on the Changelog talking about SQLite.", found: ["Listened to you on"] },
  ]);

  table("sender-did", ["I came across your profile on LinkedIn.", "I noticed Acme is growing."], [
    { text: "Played Lanternfall with my daughter all weekend.", found: ["Played Lanternfall"] },
    { text: "Been using Tandoor for our family recipes.", found: ["using Tandoor"] },
  ]);

  table("thanks-for", ["Thanks for connecting!", "I would appreciate a referral."], [
    { text: "Thanks for the Terragrunt tip at the meetup.", found: ["Thanks for the Terragrunt tip"] },
    { text: "I appreciate the message on my post.", found: ["appreciate the message"] },
  ]);

  table("time-anchor", ["Are you free for a call this week?"], [
    { text: "We met at the booth yesterday.", found: ["yesterday"] },
    { text: "Nice chatting this morning.", found: ["this morning"] },
    { text: "I interned at Aramco in 2019.", found: ["2019"] },
  ]);

  table("named-thing", ["Hi Jo, I would love to connect.", "HI MIKE!!! GREAT TO CONNECT!!!", "I'm a Data Science Product Manager."], [
    { text: "Hi Jo, loved the demo at KubeCon.", found: ["KubeCon"] },
  ]);

  table("sender-offering", ["We met at the FinOps meetup."], [
    { text: "We help companies like yours cut cloud costs.", found: ["We help companies"] },
    { text: "We're helping teams like yours onboard faster.", found: ["We're helping teams"] },
  ]);

  table("cv-recital", ["After six years in Singapore I'm back home."], [
    { text: "I have 5 years of experience in data engineering.", found: ["5 years"] },
  ]);

  table("commercial-terms", ["Your post on pricing pages was sharp."], [
    { text: "We cut cloud bills by 40% for teams like yours.", found: ["40%"] },
    { text: "Book your free strategy session today.", found: ["free strategy session"] },
  ]);

  table("asks-them", ["Would you be open to connect?", "Please accept my request."], [
    { text: "Could you review my resume?", found: ["Could you review"] },
    { text: "Bonjour, pourriez-vous transmettre ma candidature ?", options: { lang: "fr" }, found: ["pourriez-vous"] },
  ]);

  table("job-seeking", ["We met at the career fair."], [
    { text: "I'm currently exploring marketing roles at your company.", found: ["I'm currently exploring marketing roles"] },
  ]);

  table("recruiting", ["Your talk on stream joins was the clearest I have seen."], [
    { text: "Our client is looking for a senior data engineer.", found: ["Our client"] },
  ]);

  table("presenting", ["I'd love to learn about your work."], [
    { text: "I'd love to tell you about an exciting opportunity.", found: ["tell you about an"] },
  ]);

  table("self-intro", ["We met at the PyData social."], [
    { text: "I'm a certified career coach with ten years in tech.", found: ["I'm a certified career coach"] },
  ]);

  table("wrong-recipient", [{ text: "Hi Dr. Shah, we met at PyCon.", options: { to: "Priya Shah" } }, { text: "Hi Alex, we met at PyCon.", options: { to: "Alexandra Ng" } }], [
    { text: "Hi Daniel, we met at PyCon.", options: { to: "Priya Shah" }, found: ["Daniel"] },
  ]);
});

describe("part-of-speech tagging", () => {
  it("tags the hand-tagged fixture sentences at 95% or better", async () => {
    const { readFileSync } = await import("node:fs");
    const { parse } = await import("yaml");
    const { createLexicon, tagWords } = await import("../../src/engine/tagger.js");
    const { createParser } = await import("../../src/engine/nlp.js");
    const { ROOT } = await import("../helpers.js");
    const fixtures = parse(readFileSync(`${ROOT}/test/fixtures/pos.yaml`, "utf8")) as { text: string; tags: string }[];
    const lexicon = createLexicon(readFileSync(`${ROOT}/rules/lexicon/en.tsv`, "utf8"));
    const parseNote = createParser({ age: 18, minWords: 12, threshold: 5 / 7 });
    let right = 0;
    let all = 0;
    for (const f of fixtures) {
      const words = parseNote(f.text).sentences.flatMap((s) => s.words.map((w) => w.text));
      const gold = f.tags.split(" ");
      expect(words.length, f.text).toBe(gold.length);
      tagWords(words, lexicon).forEach((t, i) => {
        all++;
        if (t === gold[i]) right++;
      });
    }
    expect(right / all).toBeGreaterThanOrEqual(0.95);
  });
});
