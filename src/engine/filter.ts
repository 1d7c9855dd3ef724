/**
 * Phase 3: the raw spans go through small filters in order (allowed phrases, directives,
 * markup, overlaps, `unless`), then `missing` rules are decided from what is left.
 * What comes out is what the note is scored on and what the report shows.
 */
import type { ActiveRule } from "./activate.js";
import type { NoteContext, Span } from "./context.js";
import { dedupe, type RawHit } from "./detect.js";
import type { LintOptions } from "./types.js";

export interface Hit {
  active: ActiveRule;
  spans: Span[];
}

export interface Kept {
  /** Rules that flag the note (existence, metric, missing, and detectors of those kinds). */
  findings: Hit[];
  /** Cue rules present: what counts as personal, context or value. */
  cues: Hit[];
}

type SpanFilter = (hit: Hit) => Span[];

/** Spans overlapping a phrase the user allows. */
const notAllowed =
  (allowed: Span[]): SpanFilter =>
  (hit) =>
    hit.spans.filter((s) => !allowed.some((x) => s.start < x.end && x.start < s.end));

/** Spans on a line a directive turns the rule off for. */
const notSuppressed =
  (options: LintOptions): SpanFilter =>
  (hit) =>
    hit.spans.filter((s) => {
      const i = (options.suppress ?? []).findIndex(
        (x) =>
          s.start >= x.start && s.start < x.end && (x.rules.length === 0 || x.rules.includes(hit.active.rule.def.id)),
      );
      if (i >= 0) options.onSuppress?.(i);
      return i < 0;
    });

/** Spans that start or end in blanked-out markup (Markdown). */
const notInMarkup =
  (options: LintOptions): SpanFilter =>
  (hit) => {
    const inside = (o: number) => (options.ignore ?? []).some((r) => o >= r.start && o < r.end);
    return hit.spans.filter((s) => !(s.end > s.start && (inside(s.start) || inside(s.end - 1))));
  };

function applyFilters(hits: RawHit[], filters: SpanFilter[]): Hit[] {
  const out: Hit[] = [];
  for (const h of hits) {
    let hit: Hit = { active: h.active, spans: dedupe(h.spans) };
    for (const f of filters) {
      hit = { active: hit.active, spans: f(hit) };
      if (hit.spans.length === 0) break;
    }
    if (hit.spans.length) out.push(hit);
  }
  return out;
}

/**
 * A span inside a heavier rule's longer span of the same check says the same thing twice: the
 * heavier rule keeps it (the lower id on a tie). Two rules that flag the same words both count:
 * each is evidence the model weighs. Whole-note findings have no span to nest.
 */
function withoutNested(findings: Hit[]): Hit[] {
  const out: Hit[] = [];
  const indexes = new Map<Hit, SpanIndex>();
  const indexOf = (h: Hit) => {
    let ix = indexes.get(h);
    if (!ix) indexes.set(h, (ix = spanIndex(h.spans)));
    return ix;
  };
  for (const h of findings) {
    const a = h.active;
    const over = findings.filter(
      (o) =>
        o !== h &&
        o.active.rule.def.check === a.rule.def.check &&
        (o.active.weight > a.weight || (o.active.weight === a.weight && o.active.rule.def.id < a.rule.def.id)),
    );
    const kept = over.length
      ? h.spans.filter((s) => s.end === s.start || !over.some((o) => holdsLarger(indexOf(o), s)))
      : h.spans;
    if (kept.length) out.push({ active: a, spans: kept });
  }
  return out;
}

/** A rule's spans sorted by start, with the largest end up to each: containment in O(log n) a span. */
export interface SpanIndex {
  starts: number[];
  maxEnd: number[];
}
export function spanIndex(spans: Span[]): SpanIndex {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const maxEnd: number[] = [];
  let m = -Infinity;
  for (const s of sorted) maxEnd.push((m = Math.max(m, s.end)));
  return { starts: sorted.map((s) => s.start), maxEnd };
}
/** The first index whose start is at least `at` (or past it, with `after`). */
function bound(starts: number[], at: number, after: boolean): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < at || (after && starts[mid] === at)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/** Whether a span of the index holds `s` and is larger: starts before it and ends no earlier, or starts with it and ends later. */
export function holdsLarger(ix: SpanIndex, s: Span): boolean {
  const before = bound(ix.starts, s.start, false) - 1;
  if (before >= 0 && ix.maxEnd[before]! >= s.end) return true;
  // Every span starting before `s` ends before it does: a larger end among those up to the last
  // span starting with `s` belongs to one that starts with it.
  const upTo = bound(ix.starts, s.start, true) - 1;
  return upTo > before && ix.maxEnd[upTo]! > s.end;
}

/**
 * Keeps what survives the filters. `unless` names cue rules, finding rules or checks (a
 * check counts when a cue of it is present): a rule whose `unless` holds is dropped, cues too.
 */
export function filterHits(
  raw: RawHit[],
  ctx: NoteContext,
  options: LintOptions,
  allowed: Span[],
  active: ActiveRule[],
): Kept {
  const hits = applyFilters(raw, [notAllowed(allowed), notSuppressed(options), notInMarkup(options)]);
  const cueHits = hits.filter((h) => h.active.rule.def.kind === "cue");
  const findingHits = withoutNested(hits.filter((h) => h.active.rule.def.kind !== "cue"));
  const fired = new Set(findingHits.map((h) => h.active.rule.def.id));
  const presentAll = new Set(cueHits.map((h) => h.active.rule.def.id));
  const checksWithCue = (present: Set<string>) =>
    new Set(cueHits.filter((h) => present.has(h.active.rule.def.id)).map((h) => h.active.rule.def.check));
  // Cues first: a cue's `unless` looks at findings and at the other cues.
  const cueChecks = checksWithCue(presentAll);
  const holds = (id: string, self: string) => id !== self && (fired.has(id) || presentAll.has(id) || cueChecks.has(id));
  const cues = cueHits.filter((h) => !h.active.rule.def.unless.some((id) => holds(id, h.active.rule.def.id)));
  const present = new Set(cues.map((h) => h.active.rule.def.id));
  const withCue = checksWithCue(present);
  const satisfied = (id: string) => present.has(id) || withCue.has(id);
  const findings = findingHits.filter((h) => !h.active.rule.def.unless.some((id) => satisfied(id) || fired.has(id)));

  // `missing` rules: the cues (or checks) they require add up to less than `below`.
  const credit = (id: string) =>
    cues
      .filter((h) => h.active.rule.def.id === id || h.active.rule.def.check === id)
      .reduce((sum, h) => sum + h.active.weight, 0);
  for (const a of active) {
    const def = a.rule.def;
    if (def.kind !== "missing" || ctx.text.trim() === "") continue;
    if (def.params.type !== undefined && def.params.type !== ctx.recipient.type) continue;
    if (def.unless.some((id) => satisfied(id) || fired.has(id))) continue;
    const have = def.requires.reduce((sum, id) => sum + credit(id), 0);
    if (have < def.below) findings.push({ active: a, spans: [{ start: 0, end: 0 }] });
  }
  return { findings, cues };
}
