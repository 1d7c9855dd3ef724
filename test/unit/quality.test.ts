import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/browser.js";
import { ROOT } from "../helpers.js";

interface Labelled {
  id: string;
  text: string;
  template?: boolean;
  pass: boolean;
  maxScore?: number;
  generic?: boolean;
  personalization?: boolean;
  context?: boolean;
  value?: boolean;
}

const notes = parse(readFileSync(join(ROOT, "test/fixtures/quality.yaml"), "utf8")) as Labelled[];

describe("hand-labelled notes pin the verdicts", () => {
  it.each(notes.map((n) => [n.id, n] as const))("%s", (_id, note) => {
    const r = lint(note.text, { template: note.template ?? false });
    expect(r.passed, `verdict, score ${r.score}, findings ${r.messages.map((m) => m.ruleId).join(",")}`).toBe(
      note.pass,
    );
    for (const check of ["generic", "personalization", "context", "value"] as const) {
      if (note[check] !== undefined) expect(r.checks[check]!.passed, check).toBe(note[check]);
    }
    if (note.maxScore !== undefined) expect(r.score).toBeLessThanOrEqual(note.maxScore);
  });

  it("covers both verdicts, templates and several languages", () => {
    expect(notes.filter((n) => n.pass).length).toBeGreaterThanOrEqual(8);
    expect(notes.filter((n) => !n.pass).length).toBeGreaterThanOrEqual(12);
    expect(notes.some((n) => n.template)).toBe(true);
  });
});

describe("languages", () => {
  it("guesses the language from function words, and --lang overrides it", () => {
    expect(lint("Hallo Jonas, ich möchte Sie gerne zu meinem Netzwerk hinzufügen.").lang).toBe("de");
    expect(lint("Bonjour Claire, je souhaiterais vous ajouter à mon réseau.").lang).toBe("fr");
    expect(lint("Olá Rafael, vi seu post sobre testes.").lang).toBe("pt");
    expect(lint("Hola Lucía, me gustaría conectar contigo.").lang).toBe("es");
    expect(lint("Ciao Marco, vorrei aggiungerti alla mia rete.").lang).toBe("it");
    expect(lint("Hoi Sanne, ik wil je graag toevoegen aan mijn netwerk.").lang).toBe("nl");
    expect(lint("Please guide me.").lang).toBe("en");
    expect(lint("Hallo Jonas, ich möchte Sie gerne zu meinem Netzwerk hinzufügen.", { lang: "en" }).lang).toBe("en");
  });
});
