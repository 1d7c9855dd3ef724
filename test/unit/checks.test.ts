// How the checks judge whole notes. What each rule finds, and where, is in the rule tables
// (test/unit/tables, run by rule-tables.test.ts).
import { describe, expect, it } from "vitest";
import { lint } from "../../src/browser.js";
import { signals } from "../helpers.js";

const STOCK = "I'd like to add you to my professional network on LinkedIn.";

describe("generic", () => {
  it("scores a note that is nothing but a stock invitation at 20 or less, with or without name and signature", () => {
    for (const text of [
      STOCK,
      `Hi Tolga, ${STOCK} - Mia Chen`,
      "Tolga,\n\nI'd like to join your LinkedIn network.\n\nBest, Mia",
      "Join my network on LinkedIn.",
    ]) {
      const r = lint(text);
      expect(r.score, text).toBeLessThanOrEqual(20);
      expect(r.passed).toBe(false);
      expect(r.checks.generic!.passed).toBe(false);
    }
  });

  it("fails a note with nothing specific to the recipient, even with a name greeting", () => {
    const r = lint("Hi Jane, hope you are well. Would love to connect!");
    expect(r.checks.generic!.passed).toBe(false);
    expect(r.passed).toBe(false);
  });

  it("scores an empty note 0", () => {
    expect(lint("").score).toBe(0);
    expect(lint("   \n  ").score).toBe(0);
  });
});

describe("personalization", () => {
  it("fails a draft with unfilled merge fields, and reads them as slots with --template", () => {
    const text = "Hi {{first_name}}, loved your post on {{topic}}.";
    expect(lint(text).passed).toBe(false);
    expect(lint(text).checks.personalization!.passed).toBe(false);
    expect(lint(text, { template: true }).signals).toContain("recipient-named");
  });
});

describe("context", () => {
  it("recognises a shared past, and the context check passes on it", () => {
    for (const [t, cue] of [
      ["Great meeting you at the Leeds JS meetup last night.", "conversation"],
      ["We worked together on the billing rewrite at Monzo.", "we-did"],
      ["Fellow Shopify engineer here.", "shared-membership"],
      ["Priya Patel suggested I reach out about your data team.", "named-contact"],
      ["We're both in the Rust Berlin Slack.", "shared-membership"],
      ["It's been a while since our time at Atlassian!", "we-did"],
      ["Thanks for the tour of the Stuttgart plant.", "thanks-for"],
    ] as const) {
      expect(signals(t), t).toContain(cue);
      expect(lint(t).checks.context!.passed, t).toBe(true);
    }
  });

  it("recognises a reason to write now, and the context check passes on it", () => {
    for (const [t, cue] of [
      ["I read your article on idempotency keys and tried it at work.", "their-named-work"],
      ["Congrats on the Series B!", "their-named-news"],
      ["Your talk on vector search at Haystack was excellent.", "their-named-work"],
      ["Saw that you're speaking at KubeCon next month.", "their-occasion"],
    ] as const) {
      expect(signals(t), t).toContain(cue);
      expect(lint(t).checks.context!.passed, t).toBe(true);
    }
  });

  it("does not take pleasantries or a pitch for context", () => {
    for (const t of [
      "Great to connect with you here on LinkedIn.",
      "Good to meet you.",
      "LinkedIn suggests we may know each other.",
      "At Voxify we help teams like yours at Stripe cut costs.",
    ]) {
      const r = lint(t);
      expect(r.checks.context!.passed, t).toBe(false);
    }
  });
});

describe("value", () => {
  it("passes only when an offer is made without an ask", () => {
    const offer = "Hi Ana, great meeting you at the Lisbon meetup - happy to send you the slides we discussed.";
    expect(lint(offer).checks.value!.passed).toBe(true);
    expect(lint("Hi Ana, great meeting you at the Lisbon meetup.").checks.value!.passed).toBe(false);
    const asked = lint("Hi Ana, happy to share our deck. Can we hop on a quick call this week?");
    expect(asked.signals).toContain("offer-value");
    expect(asked.checks.value!.passed).toBe(false);
  });
});

describe("tone", () => {
  it("fails a call asked of a stranger but passes one between people who share a past", () => {
    const stranger = lint("Hi Tom, saw your post on dbt at Snowflake. Let's hop on a quick call this week?");
    expect(stranger.passed).toBe(false);
    expect(stranger.breakdown.items.find((i) => i.ruleId === "meeting-ask")?.points).toBeLessThan(0);
    const friend = lint("Hi Tom, it's been a while since our time at Amazon! Would love a quick call to catch up.");
    expect(friend.passed).toBe(true);
  });
});

describe("length", () => {
  it("an over-long note is an error that fails it, whatever its score", () => {
    const long = `Hi Jo, ${"great to meet you at the Leeds logistics meetup. ".repeat(7)}`;
    const r = lint(long);
    expect(r.messages.find((x) => x.ruleId === "note-too-long")!.severity).toBe("error");
    expect(r.passed).toBe(false);
  });
});

describe("the issue's two notes", () => {
  it("fails the stock invitation and passes the specific note", () => {
    const stock = lint(STOCK);
    expect(stock.passed).toBe(false);
    expect(stock.score).toBeLessThanOrEqual(20);
    const good = lint(
      "Hi Priya, great meeting you at the Denver PyData meetup last week. Your talk on dbt tests changed how our team works; happy to send you the checklist we built from it.",
    );
    expect(good.passed).toBe(true);
    expect(good.score).toBeGreaterThanOrEqual(90);
    for (const c of ["generic", "personalization", "context", "value", "tone", "length", "readability"])
      expect(good.checks[c]!.passed, c).toBe(true);
  });
});
