// The near-duplicate check in a run of files. A warning on one note needs every other note of
// the run, but the CLI writes results as they come once a run is large; so a first pass reads
// every input and keeps only a fingerprint per note (about 330 bytes and its name, never the
// text), the clusters are made, and then the lint pass reads the inputs again and each result
// gets its warning as it goes by. stdin cannot be read twice: the first pass keeps its text.
import { dirname, resolve } from "node:path";
import type { LintResult, Message, RuleSetData, RuleSetting, SeveritySetting } from "../engine/types.js";
import {
  createFingerprinter, DEFAULT_THRESHOLD, NoteSet, RULE_ID, type Clustering, type Cluster, type Fingerprinter, type NearDuplicate, type NoteFacts,
} from "../engine/sameness.js";
import { documentKind } from "../document-kind.js";
import type { NoteUnit } from "../documents.js";
import type { LintFilesOptions, NoteConfig } from "./lint-files.js";
import { DEFAULT_MAX_BYTES, readText } from "./input.js";

/** Notes fingerprinted between turns of the event loop (as the lint pass does), so Ctrl-C is heard. */
const YIELD_EVERY = 64;

export interface SamenessRun {
  /** stdin as the first pass read it (one text per `-`, in order). */
  readStdin(): string;
  /** Passes the notes of one input through to the lint pass, noting the note each result is for. */
  track(units: Iterable<NoteUnit>): Iterable<NoteUnit>;
  /** Adds the near-duplicate warning, if any, to the result of the note `track` passed last. */
  attach(result: LintResult): void;
  /** The run's clusters, once the lint pass is over. */
  clusters(): Cluster[];
}

/** The facts that mask a note: command-line flags win over the note's own, as in linting. */
export function factsOf(unit: NoteUnit, overrides: LintFilesOptions["overrides"] = {}): NoteFacts {
  return { to: overrides.to ?? unit.facts.to, company: overrides.company ?? unit.facts.company, context: overrides.context ?? unit.facts.context };
}

/** The masker's extra words from a rule set's vocabulary. */
export function fingerprinterFor(rules: RuleSetData): Fingerprinter {
  const v = rules.vocabulary;
  return createFingerprinter({ greetings: v.greetings, notNames: v["not-names"], common: v["common-capitalized"] });
}

/**
 * The threshold of a run: the option (`--sameness`), else the first config among the inputs'
 * that sets one, else 0.8. One threshold for the whole run: the notes are compared together.
 */
function thresholdOf(inputs: string[], options: LintFilesOptions, configFor: (p: string) => NoteConfig): number | "off" {
  if (options.sameness !== undefined) return options.sameness;
  for (const p of inputs) {
    const t = configFor(p).data.sameness?.threshold;
    if (t !== undefined) return t;
  }
  return DEFAULT_THRESHOLD;
}

/**
 * The first pass, or undefined when the check is off or the run holds a single note (one plain
 * or Markdown file, or stdin): then nothing is read twice.
 */
export async function samenessPass(
  inputs: string[], options: LintFilesOptions, configs: { forFile(file: string | undefined): NoteConfig } | undefined, base: RuleSetData,
): Promise<SamenessRun | undefined> {
  const kindOf = (p: string) => (p === "-" ? (options.stdinFilename ? documentKind(options.stdinFilename) : "text") : documentKind(p));
  if (inputs.length < 2 && !inputs.some((p) => kindOf(p) === "collection")) return undefined;
  const lookupFor = (p: string) => (p === "-" ? options.stdinFilename : p);
  const configFor = (p: string): NoteConfig => (configs ? configs.forFile(lookupFor(p)) : { data: {}, rules: base });
  const threshold = thresholdOf(inputs, options, configFor);
  if (threshold === "off") return undefined;

  const documents = inputs.some((p) => kindOf(p) !== "text") ? await import("../documents.js") : undefined;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const stdin: string[] = [];
  const fingerprinter = fingerprinterFor(base);
  const notes = new NoteSet();
  /** Notes that take no warning: `disable: [near-duplicate]`, or their generic check is off. */
  const exempt = new Set<number>();
  for (const p of inputs) {
    const name = p === "-" ? (options.stdinFilename ?? "<stdin>") : p;
    let text: string;
    if (p === "-") stdin.push((text = options.readStdin ? options.readStdin() : readText(0, maxBytes, name, options.allowBinary)));
    else text = readText(p, maxBytes, p, options.allowBinary);
    const config = configFor(p);
    const checkOff = isOff(config.data.settings?.generic) || isOff(options.ruleSettings?.generic);
    const units = documents ? documents.splitDocument(name, text, kindOf(p)) : [{ name, text, offset: 0, characters: 0, facts: {}, disable: [], suppress: [], directives: [] }];
    for (const unit of units) {
      const i = notes.add(unit.name, fingerprinter.fingerprint(unit.text, factsOf(unit, options.overrides)));
      if (checkOff || unit.disable.includes(RULE_ID) || unit.disable.includes("generic")) exempt.add(i);
      if ((i + 1) % YIELD_EVERY === 0) await new Promise((r) => setImmediate(r));
    }
  }
  const clustering = notes.cluster(threshold);
  return lintPass(notes, clustering, fingerprinter, exempt, stdin, options, base);
}

const isOff = (s: SeveritySetting | RuleSetting | undefined) => s === "off" || (typeof s === "object" && s.severity === "off");

function lintPass(
  notes: NoteSet, clustering: Clustering, fingerprinter: Fingerprinter, exempt: Set<number>, stdin: string[], options: LintFilesOptions, base: RuleSetData,
): SamenessRun {
  const representative = new Map(clustering.representatives().map((o, c) => [o, c]));
  const texts: (string | undefined)[] = [];
  const checkOrder = base.scoring.checks.map((c) => c.id);
  let next = 0;
  let current: { ordinal: number; unit: NoteUnit } | undefined;
  return {
    readStdin: () => stdin.shift() ?? "",
    *track(units) {
      for (const unit of units) {
        const ordinal = next++;
        const c = representative.get(ordinal);
        if (c !== undefined) texts[c] = fingerprinter.sharedText(unit.text, factsOf(unit, options.overrides), (i) => clustering.shared(c, i));
        current = { ordinal, unit };
        yield unit;
      }
    },
    attach(result) {
      // A note that changed between the passes is left alone.
      if (!current || notes.names[current.ordinal] !== result.file) return;
      const w = exempt.has(current.ordinal) ? undefined : clustering.warning(current.ordinal);
      if (clustering.warning(current.ordinal)) dropUsedDirective(result);
      if (w) addWarning(result, current.unit, w, checkOrder);
    },
    clusters: () => clustering.clusters(texts),
  };
}

/** `--report-unused-disable-directives` counts `disable: [near-duplicate]` as unused (the engine never fires it); here it was used. */
function dropUsedDirective(result: LintResult): void {
  result.messages = result.messages.filter((m) => !(m.ruleId === "unused-disable-directive" && m.message.includes(`"${RULE_ID}"`)));
}

/**
 * Adds the warning where whole-note findings sit (where the note's text starts), in the
 * engine's order of findings: position, then check, then rule id.
 */
export function addWarning(result: LintResult, unit: Pick<NoteUnit, "text" | "offset">, w: NearDuplicate, checkOrder: string[]): void {
  const offset = unit.offset + (unit.text.length - unit.text.trimStart().length);
  const { line, column } = result.position;
  const message: Message = {
    ruleId: RULE_ID, check: "generic", severity: "warning", message: w.message, suggestion: w.suggestion,
    line, column, endLine: line, endColumn: column, offset, endOffset: offset,
  };
  const rank = (check: string) => (checkOrder.indexOf(check) + 1 || checkOrder.length + 1);
  const after = (m: Message) => m.offset > offset || (m.offset === offset && (m.endOffset > offset ||
    rank(m.check) > rank("generic") || (m.check === "generic" && m.ruleId > RULE_ID)));
  const at = result.messages.findIndex(after);
  result.messages.splice(at < 0 ? result.messages.length : at, 0, message);
}

/** The folder a path is in, absolute: the language server compares a note with the note files there. */
export const folderOf = (path: string) => dirname(resolve(path));
