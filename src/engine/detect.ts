/**
 * Phase 2: every active rule looks at the note (phrases, patterns, a metric or a detector)
 * and reports the spans it found. Nothing is dropped or weighed here.
 */
import type { ActiveRule } from "./activate.js";
import type { NoteContext, Span } from "./context.js";
import { DETECTORS } from "./detectors/index.js";
import { METRICS } from "./metrics.js";
import type { RuleDef } from "./types.js";

export interface RawHit {
  active: ActiveRule;
  spans: Span[];
}

/** A rule limited to one type of note, or to templates, sits out other notes. */
export function applies(def: RuleDef, ctx: NoteContext): boolean {
  return (
    (def.params.type === undefined || def.params.type === ctx.recipient.type) &&
    (def.params.template !== true || ctx.template)
  );
}

/** The spans of one rule. A cue needs one match, not all: a matcher stops at its first. */
function spansOf(a: ActiveRule, ctx: NoteContext): Span[] {
  const def = a.rule.def;
  if (!applies(def, ctx)) return [];
  const limit = def.kind === "cue" ? 1 : undefined;
  const spans: Span[] = [];
  for (const m of a.rule.matchersFor(ctx.lang)) {
    for (const s of m(ctx.norm, limit)) spans.push(s);
    if (limit && spans.length) return spans;
  }
  if (def.metric) spans.push(...METRICS[def.metric]!(ctx, def.params));
  if (def.detector) spans.push(...DETECTORS[def.detector]!(ctx, def.params));
  return spans;
}

/**
 * Runs the rules. Merge-field rules (`templateSlot`) find nothing in a template: there their
 * matches are the note's slots, and the note is judged as if they were filled in.
 */
export function detect(rules: ActiveRule[], ctx: NoteContext): RawHit[] {
  const hits: RawHit[] = [];
  for (const a of rules) {
    const def = a.rule.def;
    if (def.kind === "missing") continue;
    if (def.templateSlot && ctx.template) continue;
    const spans = spansOf(a, ctx);
    if (spans.length) hits.push({ active: a, spans });
  }
  return hits;
}

/** The merge fields of a note: the spans of its merge-field rules, in order, without overlaps. */
export function slotSpans(rules: ActiveRule[], ctx: Pick<NoteContext, "norm" | "lang">): Span[] {
  const spans: Span[] = [];
  for (const a of rules) {
    if (a.rule.def.templateSlot)
      for (const m of a.rule.matchersFor(ctx.lang)) for (const s of m(ctx.norm)) spans.push(s);
  }
  return dedupe(spans);
}

/** Sorts spans and drops repeats and spans inside an earlier, longer one. */
export function dedupe(spans: Span[]): Span[] {
  const out: Span[] = [];
  let reach = -1;
  let last: Span | undefined;
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (last && s.start === last.start && s.end === last.end) continue;
    if (s.end > s.start && s.end <= reach) continue;
    out.push(s);
    last = s;
    reach = Math.max(reach, s.end);
  }
  return out;
}
