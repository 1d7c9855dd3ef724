// The fitted score: every point explained, severities that mean one thing, checks that can be
// switched off without costing the note, templates counted as what their fields stand for.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { addRules, builtinRules, createLinter, lint } from "../../src/browser.js";
import type { LintResult } from "../../src/engine/types.js";

const GOOD =
  "Hi Priya, I enjoyed your talk on feature flags at DevOpsDays Amsterdam yesterday. Happy to share the rollout checklist we use.";
const PITCH =
  "Hi Nora, I help SaaS founders like you cut churn by 30% with our onboarding platform. Do you have 15 minutes this week for a quick demo?";
const STOCK = "I'd like to add you to my professional network on LinkedIn.";

const points = (r: LintResult, id: string) => r.breakdown.items.find((i) => i.ruleId === id)?.points;

describe("the breakdown explains every point", () => {
  it.each([GOOD, PITCH, STOCK])("base + contributions = raw, and the score is raw bounded and capped: %s", (text) => {
    const r = lint(text);
    const sum = r.breakdown.base + r.breakdown.items.reduce((a, i) => a + i.points, 0);
    expect(Math.abs(sum - r.breakdown.raw)).toBeLessThan(0.15);
    const capped = Math.min(r.breakdown.raw, ...r.breakdown.caps.map((c) => c.score));
    expect(r.score).toBe(Math.max(0, Math.min(100, Math.round(capped))));
  });

  it("a stock invitation alone is capped at 20", () => {
    const r = lint(STOCK);
    expect(r.score).toBeLessThanOrEqual(20);
    expect(r.breakdown.caps.map((c) => c.ruleId)).toEqual(["stock-invitation"]);
  });

  it("a failing note always says why, in an error at its start", () => {
    for (const text of [PITCH, STOCK, "Hi Sam, hope you're well! Let's connect."]) {
      const r = lint(text);
      expect(r.passed).toBe(false);
      const v = r.messages[0]!;
      expect([v.ruleId, v.severity]).toEqual(["verdict", "error"]);
      expect(v.message).toMatch(/^The note fails \(\d+\/100, needs 70\)/);
    }
    expect(lint(GOOD).messages.some((m) => m.ruleId === "verdict")).toBe(false);
  });

  it("a reason two rules word the same is named once, with the points of the costlier", () => {
    const r = lint("Hi Nora, we help teams like yours ship faster. Can we hop on a quick call?");
    const items = r.breakdown.items.filter((i) => i.message === '"we help teams" reads as a pitch');
    expect(items.map((i) => i.ruleId).sort()).toEqual(["sales-pitch", "sender-offering"]);
    const costliest = Math.round(Math.min(...items.map((i) => i.points)));
    const verdict = r.messages[0]!.message;
    expect(verdict.split('"we help teams" reads as a pitch').length).toBe(2);
    expect(verdict).toContain(`"we help teams" reads as a pitch (${costliest})`);
  });
});

describe("severities mean one thing", () => {
  it("info costs none, warning costs its fitted points, off removes the rule and its points", () => {
    const warned = lint(PITCH);
    const cost = points(warned, "commercial-terms")!;
    expect(cost).toBeLessThan(0);
    const info = lint(PITCH, { settings: { "commercial-terms": "info" } });
    expect(info.messages.find((m) => m.ruleId === "commercial-terms")?.severity).toBe("info");
    expect(points(info, "commercial-terms")).toBeUndefined();
    expect(info.score).toBeGreaterThanOrEqual(warned.score);
    const off = lint(PITCH, { settings: { "commercial-terms": "off" } });
    expect(off.messages.some((m) => m.ruleId === "commercial-terms")).toBe(false);
    expect(points(off, "commercial-terms")).toBeUndefined();
  });

  it("error blocks the note whatever its score", () => {
    const r = lint(GOOD, { settings: { "their-named-work": "error" } });
    // A cue set to error is still a cue; a finding set to error blocks.
    expect(r.passed).toBe(true);
    const blocked = lint(`${GOOD} Let's hop on a quick call.`, { settings: { "meeting-ask": "error" } });
    expect(blocked.passed).toBe(false);
    expect(blocked.messages[0]!.message).toMatch(/^The note fails: /);
  });

  it("a weight given in the settings replaces the fitted one, in points", () => {
    const r = lint(PITCH, { settings: { "commercial-terms": { severity: "warning", weight: 3 } } });
    expect(points(r, "commercial-terms")).toBe(-3);
  });
});

describe("a check switched off is scored as if it passed, never lower", () => {
  const notes = [
    GOOD,
    PITCH,
    STOCK,
    "Hi Tom, loved your RustConf talk.",
    "Thanks for the Terragrunt tip at the meetup!",
  ];
  it.each(notes)("%s", (text) => {
    const base = lint(text);
    for (const check of ["generic", "personalization", "context", "value", "tone", "length", "readability"]) {
      const off = lint(text, { settings: { [check]: "off" } });
      expect(off.score, `${check}=off`).toBeGreaterThanOrEqual(base.score);
      expect(Object.keys(off.checks)).not.toContain(check);
      expect(off.messages.some((m) => m.check === check)).toBe(false);
    }
  });

  it("value=off changes what value counted for", () => {
    const text = "Hi Sam, we met at the Leeds meetup last week. Happy to send you the slides.";
    const on = lint(text);
    const off = lint(text, { settings: { value: "off" } });
    expect(on.checks.value!.passed).toBe(true);
    expect(on.breakdown.items.find((i) => i.ruleId === "offer-value")!.points).toBeGreaterThan(0);
    expect(off.checks.value).toBeUndefined();
    expect(off.breakdown.items.some((i) => i.ruleId === "offer-value")).toBe(false);
  });
});

describe("rule packs", () => {
  const pack = (unless: string) =>
    addRules(builtinRules, [
      {
        path: "pack/warm-intro.yaml",
        text: `id: warm-intro
check: context
kind: cue
description: A warm introduction by a named colleague.
weight: 20
phrases: ["warm intro"]
${unless}examples:
  bad: ["Hi"]
  good: ["A warm intro from Jo."]
`,
      },
      {
        path: "pack/agency.yaml",
        text: `id: agency
check: tone
kind: existence
description: An agency's services.
weight: 25
message: agency pitch
hint: Lead with them.
phrases: ["full-service agency"]
examples:
  bad: ["We are a full-service agency."]
  good: ["Hi"]
`,
      },
    ]);

  it("a pack's rules weigh the points their files give them", () => {
    const r = createLinter(pack("")).lint("Hi Jo, a warm intro from Sam. We are a full-service agency.");
    expect(points(r, "warm-intro")).toBe(20);
    expect(points(r, "agency")).toBe(-25);
  });

  it("unless on a pack's cue applies, against findings and other cues", () => {
    const linter = createLinter(pack("unless: [agency]\n"));
    expect(linter.lint("Hi Jo, a warm intro from Sam.").signals).toContain("warm-intro");
    expect(linter.lint("Hi Jo, a warm intro from Sam. We are a full-service agency.").signals).not.toContain(
      "warm-intro",
    );
  });
});

describe("templates", () => {
  it("count a name field as a typical first name (8 characters, or nameLength) and a field with a default as its default", () => {
    const text = 'Hi {{first_name}}, loved your talk at {{ event | default("PyCon") }}.';
    const literal = text.trim().length;
    const r = lint(text, { template: true });
    expect(r.characters).toBe(
      literal - "{{first_name}}".length + 8 - '{{ event | default("PyCon") }}'.length + "PyCon".length,
    );
    expect(lint(text, { template: true, nameLength: 12 }).characters).toBe(r.characters + 4);
  });

  it("take a specific's field for a specific and a mutual's for a named contact", () => {
    expect(lint("Hi [Name], loved your post on [specific topic].", { template: true }).signals).toContain(
      "their-named-work",
    );
    expect(lint("Hi [Name], [Mutual Contact Name] suggested I reach out.", { template: true }).signals).toContain(
      "named-contact",
    );
    expect(lint("Hi [Name], we help [industry] leaders grow.", { template: true }).signals).not.toContain(
      "named-thing",
    );
  });
});

describe("the recipient's name and company", () => {
  it("greeting someone else is an error; a title, an accent or a short form is still the name", () => {
    const wrong = lint("Hi Daniel, we met at PyCon last week.", { to: "Priya Shah" });
    expect(wrong.messages.find((m) => m.ruleId === "wrong-recipient")?.severity).toBe("error");
    expect(wrong.passed).toBe(false);
    for (const [text, to] of [
      ["Hi Dr. Shah, we met at PyCon.", "Priya Shah"],
      ["Hola José, nos conocimos en PyCon.", "Jose Ruiz"],
      ["Hi Tom, we met at PyCon.", "Thomas Berg"],
    ] as const) {
      const r = lint(text, { to });
      expect(
        r.messages.map((m) => m.ruleId),
        text,
      ).not.toContain("wrong-recipient");
      expect(
        r.messages.map((m) => m.ruleId),
        text,
      ).not.toContain("recipient-name-missing");
    }
  });

  it("a company named by its short form counts", () => {
    const r = lint("Hi Jo, loved the launch at Acme last week.", { company: "Acme Corp" });
    expect(r.messages.map((m) => m.ruleId)).not.toContain("company-not-mentioned");
    expect(r.signals).toContain("recipient-mentioned");
  });
});

describe("npm run train", () => {
  const corpus = join(ROOT, "../shared/corpus/train.jsonl");
  // The labelled notes sit beside the project, not in it; without them there is nothing to refit.
  it.skipIf(!existsSync(corpus))(
    "reproduces rules/weights.yaml byte for byte from the labelled notes",
    () => {
      const r = spawnSync(process.execPath, ["scripts/run-ts.mjs", "scripts/train.ts", "--check", corpus], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(r.stdout + r.stderr).toContain("is what the notes and rules give");
      expect(r.status).toBe(0);
    },
    120_000,
  );
});
