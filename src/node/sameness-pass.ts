// The near-duplicate check in a run of files. A warning on one note needs every other note of
// the run, but the CLI writes results as they come once a run is large; so a first pass reads
// every input and keeps only a fingerprint per note (220 bytes and its name, never the
// text), the clusters are made, and then the lint pass reads the inputs again and each result
// gets its warning as it goes by. stdin cannot be read twice: the first pass keeps its text.
// A collection is not parsed twice either: the first pass keeps where each entry's text sits
// (three numbers an entry, and its facts and directives when it has any), and the lint pass
// cuts the entries from the file again when the file has not changed.
import { dirname, resolve } from "node:path";
import type { LintResult, Message, RuleSetData, RuleSetting, SeveritySetting } from "../engine/types.js";
import {
  createFingerprinter,
  NoteSet,
  RULE_ID,
  type Clustering,
  type Cluster,
  type Fingerprinter,
  type NearDuplicate,
  type NoteFacts,
} from "../engine/sameness.js";
import { documentFormat } from "../document-format.js";
import type { NoteUnit } from "../documents.js";
import type { LintFilesOptions, NoteConfig } from "./lint-options.js";
import { DEFAULT_MAX_BYTES, readText } from "./input.js";
import { lookupName, samenessThreshold, type ConfigSource } from "../config/resolve.js";
import type { CachedNote } from "./cache.js";

/** Notes fingerprinted between turns of the event loop (as the lint pass does), so Ctrl-C is heard. */
const YIELD_EVERY = 64;

export interface SamenessRun {
  /** stdin as the first pass read it (one text per `-`, in order). */
  readStdin(): string;
  /**
   * The notes of the next input for the lint pass (inputs come in the first pass's order): a
   * collection's entries as the first pass found them, otherwise `split()`; each passes by as
   * it is linted, so that `attach` knows the note a result is for.
   */
  units(text: string, split: () => Iterable<NoteUnit>): Iterable<NoteUnit>;
  /** Adds the near-duplicate warning, if any, to the result of the note `track` passed last. */
  attach(result: LintResult): void;
  /**
   * The next input's results came from the cache: adds their warnings (`leads`: where each
   * note's whole-note findings sit). `split` is called only when a note of the input stands
   * for its cluster and its text is needed.
   */
  cached(results: LintResult[], leads: number[], text: string, split: () => Iterable<NoteUnit>): void;
  /** The run's clusters, once the lint pass is over. */
  clusters(): Cluster[];
}

/** The facts that mask a note: command-line flags win over the note's own, as in linting. */
export function factsOf(unit: NoteUnit, overrides: LintFilesOptions["overrides"] = {}): NoteFacts {
  return {
    to: overrides.to ?? unit.facts.to,
    company: overrides.company ?? unit.facts.company,
    context: overrides.context ?? unit.facts.context,
  };
}

/** The masker's extra words from a rule set's vocabulary. */
export function fingerprinterFor(rules: RuleSetData): Fingerprinter {
  const v = rules.vocabulary;
  return createFingerprinter({ greetings: v.greetings, notNames: v["not-names"], common: v["common-capitalized"] });
}

/**
 * The first pass, or undefined when the check is off or the run holds a single note (one plain
 * or Markdown file, or stdin): then nothing is read twice.
 */
/** The cache's side of the first pass: notes it already has, and notes it should keep. */
export interface SamenessCache {
  /** The notes of input `input` as an earlier run saw them, if its file is unchanged. */
  notes(input: number, path: string, text: string): CachedNote[] | undefined;
  /** The notes of input `input` as this pass saw them. */
  record(input: number, notes: CachedNote[]): void;
}

export async function samenessPass(
  inputs: string[],
  options: LintFilesOptions,
  configs: ConfigSource | undefined,
  base: RuleSetData,
  cache?: SamenessCache,
): Promise<SamenessRun | undefined> {
  const formatOf = (p: string) =>
    p === "-" ? (options.stdinFilename ? documentFormat(options.stdinFilename) : "text") : documentFormat(p);
  // A collection, or a Markdown file (which may be a note per section), can hold many notes.
  if (inputs.length < 2 && !inputs.some((p) => formatOf(p) !== "text")) return undefined;
  const configFor = (p: string): NoteConfig =>
    configs ? configs.forFile(lookupName(p, options.stdinFilename)) : { data: {}, rules: base };
  const threshold = samenessThreshold(options, inputs.map(configFor));
  if (threshold === "off") return undefined;

  const documents = inputs.some((p) => formatOf(p) !== "text") ? await import("../documents.js") : undefined;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const stdin: string[] = [];
  const fingerprinter = fingerprinterFor(base);
  const notes = new NoteSet();
  const layout = new Layout();
  /** Notes that take no warning: `disable: [near-duplicate]`, or the check or their generic check is off. */
  const exempt = new Set<number>();
  /** Notes whose warning is set to another level (`--rule near-duplicate=error`, config `settings`). */
  const levels = new Map<number, NearDuplicateLevel>();
  /** The ordinal of each input's first note. */
  const starts: number[] = [];
  for (const [input, p] of inputs.entries()) {
    starts.push(notes.size);
    const name = p === "-" ? (options.stdinFilename ?? "<stdin>") : p;
    let text: string;
    if (p === "-")
      stdin.push((text = options.readStdin ? options.readStdin() : readText(0, maxBytes, name, options.allowBinary)));
    else text = options.readFile?.(p) ?? readText(p, maxBytes, p, options.allowBinary);
    const known = p === "-" ? undefined : cache?.notes(input, p, text);
    const config = configFor(p);
    const level = nearDuplicateLevel(options.ruleSettings, config.data.settings);
    if (known) {
      for (const n of known) {
        const i = notes.add(n.name, n.fingerprint);
        if (n.exempt) exempt.add(i);
        else if (level !== "warning" && level !== undefined) levels.set(i, level);
      }
      continue;
    }
    const units = documents
      ? documents.splitDocument(name, text, formatOf(p), {
          sections: config.sections?.(lookupName(p, options.stdinFilename) ?? name),
        })
      : [{ name, text, offset: 0, characters: 0, facts: {}, disable: [], suppress: [], directives: [] }];
    const file = formatOf(p) === "collection" ? layout.file(input, text, notes.size) : undefined;
    const seen: CachedNote[] | undefined = cache && p !== "-" ? [] : undefined;
    for (const unit of units) {
      file?.add(unit);
      const fingerprint = fingerprinter.fingerprint(unit.text, factsOf(unit, options.overrides));
      const i = notes.add(unit.name, fingerprint);
      const isExempt = level === undefined || unit.disable.includes(RULE_ID) || unit.disable.includes("generic");
      if (isExempt) exempt.add(i);
      else if (level !== "warning") levels.set(i, level);
      seen?.push({ name: unit.name, exempt: isExempt, ...(fingerprint ? { fingerprint } : {}) });
      if ((i + 1) % YIELD_EVERY === 0) await new Promise((r) => setImmediate(r));
    }
    if (seen) cache!.record(input, seen);
  }
  const clustering = notes.cluster(threshold);
  starts.push(notes.size);
  return lintPass({ notes, clustering, fingerprinter, exempt, levels, stdin, layout, starts }, options, base);
}

const isOff = (s: SeveritySetting | RuleSetting | undefined) =>
  s === "off" || (typeof s === "object" && s.severity === "off");

/** How loud the near-duplicate warning is. */
export type NearDuplicateLevel = "info" | "warning" | "error";
type Settings = Record<string, SeveritySetting | RuleSetting> | undefined;

/**
 * The near-duplicate check's level for a note under the command line's settings (`--rule`) and
 * its config's (`settings:`), the command line's first: undefined when it or the generic check is off.
 */
export function nearDuplicateLevel(cli: Settings, config: Settings): NearDuplicateLevel | undefined {
  if (isOff(cli?.generic) || isOff(config?.generic)) return undefined;
  const s = cli?.[RULE_ID] ?? config?.[RULE_ID];
  const severity = typeof s === "object" ? s.severity : s;
  return severity === "off" ? undefined : (severity ?? "warning");
}

/** What the first pass leaves for the lint pass. */
interface FirstPass {
  notes: NoteSet;
  clustering: Clustering;
  fingerprinter: Fingerprinter;
  exempt: Set<number>;
  levels: Map<number, NearDuplicateLevel>;
  stdin: string[];
  layout: Layout;
  starts: number[];
}

function lintPass(
  { notes, clustering, fingerprinter, exempt, levels, stdin, layout, starts }: FirstPass,
  options: LintFilesOptions,
  base: RuleSetData,
): SamenessRun {
  const representative = new Map(clustering.representatives().map((o, c) => [o, c]));
  const texts: (string | undefined)[] = [];
  const checkOrder = base.scoring.checks.map((c) => c.id);
  let input = 0;
  let current: { ordinal: number; unit: NoteUnit } | undefined;
  /** The notes of input `at`, numbered from its first ordinal: a file that changed in between cannot shift the notes of the others. */
  function* track(units: Iterable<NoteUnit>, at: number) {
    let ordinal = starts[at]!;
    for (const unit of units) {
      if (ordinal >= starts[at + 1]!) ordinal = -1;
      const c = representative.get(ordinal);
      if (c !== undefined)
        texts[c] = fingerprinter.sharedText(unit.text, factsOf(unit, options.overrides), (i) =>
          clustering.shared(c, i),
        );
      current = { ordinal, unit };
      if (ordinal >= 0) ordinal++;
      yield unit;
    }
  }
  return {
    readStdin: () => stdin.shift() ?? "",
    units(text, split) {
      const at = input++;
      return track(layout.units(at, text, notes.names) ?? split(), at);
    },
    cached(results, leads, text, split) {
      const at = input++;
      const first = starts[at]!;
      const count = starts[at + 1]! - first;
      let units: NoteUnit[] | undefined;
      results.forEach((r, k) => {
        if (k >= count) return;
        const ordinal = first + k;
        const c = representative.get(ordinal);
        if (c !== undefined) {
          units ??= [...(layout.units(at, text, notes.names) ?? split())];
          const unit = units[k];
          if (unit)
            texts[c] = fingerprinter.sharedText(unit.text, factsOf(unit, options.overrides), (i) =>
              clustering.shared(c, i),
            );
        }
        if (notes.names[ordinal] !== r.file) return;
        const w = clustering.warning(ordinal);
        if (!w) return;
        if (exempt.has(ordinal)) dropUsedDirective(r);
        else addWarning(r, { text: "", offset: leads[k] ?? 0 }, w, checkOrder, levels.get(ordinal));
      });
    },
    attach(result) {
      // A note that changed between the passes is left alone.
      if (!current || current.ordinal < 0 || notes.names[current.ordinal] !== result.file) return;
      const w = clustering.warning(current.ordinal);
      if (!w) return;
      if (exempt.has(current.ordinal)) dropUsedDirective(result);
      else addWarning(result, current.unit, w, checkOrder, levels.get(current.ordinal));
    },
    clusters: () => clustering.clusters(texts),
  };
}

/** `--report-unused-disable-directives` counts `disable: [near-duplicate]` as unused (the engine never fires it); here it was used. */
function dropUsedDirective(result: LintResult): void {
  result.messages = result.messages.filter(
    (m) => !(m.ruleId === "unused-disable-directive" && m.message.includes(`"${RULE_ID}"`)),
  );
}

/**
 * Adds the warning where whole-note findings sit (where the note's text starts), in the
 * engine's order of findings: position, then check, then rule id. At level `error` it blocks
 * the note, as an error finding does: a note that passed fails, with a verdict that says why.
 */
export function addWarning(
  result: LintResult,
  unit: Pick<NoteUnit, "text" | "offset">,
  w: NearDuplicate,
  checkOrder: string[],
  level: NearDuplicateLevel = "warning",
): void {
  const offset = unit.offset + (unit.text.length - unit.text.trimStart().length);
  const { line, column } = result.position;
  const message: Message = {
    ruleId: RULE_ID,
    check: "generic",
    severity: level,
    message: w.message,
    suggestion: w.suggestion,
    line,
    column,
    endLine: line,
    endColumn: column,
    offset,
    endOffset: offset,
  };
  const rank = (check: string) => checkOrder.indexOf(check) + 1 || checkOrder.length + 1;
  const after = (m: Message) =>
    m.offset > offset ||
    (m.offset === offset &&
      (m.endOffset > offset || rank(m.check) > rank("generic") || (m.check === "generic" && m.ruleId > RULE_ID)));
  const at = result.messages.findIndex(after);
  result.messages.splice(at < 0 ? result.messages.length : at, 0, message);
  if (level === "error" && result.passed) {
    result.passed = false;
    result.messages.splice(result.messages.indexOf(message), 0, {
      ...message,
      ruleId: "verdict",
      check: "verdict",
      message: `The note fails (${result.score}/100, but ${RULE_ID} is an error here): ${w.message}`,
    });
  }
}

/** The folder a path is in, absolute: the language server compares a note with the note files there. */
export const folderOf = (path: string) => dirname(resolve(path));

type UnitRest = Omit<NoteUnit, "name" | "text" | "offset" | "characters">;

/** Whether a note has no facts, directives or markup: most entries, which then need nothing stored. */
function plain(rest: UnitRest): boolean {
  for (const [key, v] of Object.entries(rest)) {
    if (v === undefined) continue;
    if (Array.isArray(v) ? v.length > 0 : key === "facts" ? Object.keys(v as object).length > 0 : true) return false;
  }
  return true;
}

interface FileLayout {
  length: number;
  hash: number;
  /** Ordinal of the file's first note, and where its entries start in the flat arrays. */
  first: number;
  base: number;
  count: number;
}

/** Where the entries of each collection sit in its file, so that the lint pass need not parse it again. */
class Layout {
  private readonly files = new Map<number, FileLayout>();
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private readonly characters: number[] = [];
  private readonly rests = new Map<number, UnitRest>();

  /** Starts the entries of collection input number `input`, whose first note has ordinal `first`. */
  file(input: number, text: string, first: number): { add(unit: NoteUnit): void } {
    const f: FileLayout = { length: text.length, hash: hashText(text), first, base: this.offsets.length, count: 0 };
    this.files.set(input, f);
    return {
      add: (unit) => {
        const { name: _name, text: t, offset, characters, ...rest } = unit;
        // Only entries whose text is a slice of the file can be cut again.
        if (!text.startsWith(t, offset)) this.files.delete(input);
        this.offsets.push(offset);
        this.lengths.push(t.length);
        this.characters.push(characters);
        // A JSON copy: the parser's strings can be slices that would keep the whole file alive.
        if (!plain(rest)) this.rests.set(f.base + f.count, JSON.parse(JSON.stringify(rest)) as UnitRest);
        f.count++;
      },
    };
  }

  /** The entries of input number `input`, when it is a collection that has not changed since the first pass. */
  units(input: number, text: string, names: string[]): Iterable<NoteUnit> | undefined {
    const f = this.files.get(input);
    // A file without entries is split again: its warning (not a collection) is the lint pass's to give.
    if (!f || f.count === 0 || f.length !== text.length || f.hash !== hashText(text)) return undefined;
    return this.entries(f, text, names);
  }

  private *entries(f: FileLayout, text: string, names: string[]): Generator<NoteUnit> {
    for (let k = 0; k < f.count; k++) {
      const offset = this.offsets[f.base + k]!;
      const rest = this.rests.get(f.base + k);
      yield {
        name: names[f.first + k]!,
        text: text.slice(offset, offset + this.lengths[f.base + k]!),
        offset,
        characters: this.characters[f.base + k]!,
        facts: rest?.facts ?? {},
        disable: rest?.disable ?? [],
        suppress: rest?.suppress ?? [],
        directives: rest?.directives ?? [],
        ...(rest?.ignore ? { ignore: rest.ignore } : {}),
      };
    }
  }
}

/** FNV-1a over the text's UTF-16 code units: tells the lint pass whether a file changed since the first pass. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
