/**
 * Phase 5: findings become messages with lines and columns, and a failing note gets one more,
 * the verdict, an error that says why it fails.
 */
import type { NoteContext, Span } from "./context.js";
import type { Hit } from "./filter.js";
import type { Scored } from "./score.js";
import type { Finding, FixDef, LintOptions, Message } from "./types.js";
import { LineIndex } from "./text.js";

/** The rule id of the message a failing note gets. */
export const VERDICT = "verdict";

/** Fills `{match}` and metric values into a message template; `{words:word}` counts with a noun ("1 word", "5 words"). */
export function fill(template: string, span: Span, text: string): string {
  return template.replace(/\{([a-z]+)(?::([a-z]+))?\}/g, (whole, key: string, noun?: string) => {
    if (key === "match") return span.end > span.start ? text.slice(span.start, span.end).replace(/\s+/g, " ") : "";
    const v = span.data?.[key];
    if (v === undefined) return whole;
    return noun ? `${v} ${noun}${v === 1 ? "" : "s"}` : String(v);
  });
}

/** What a fix may need of the note besides the finding: where its text starts, the recipient, the greeting and the sign-off. */
export interface FixContext {
  lead: number;
  to?: string;
  greeting?: NoteContext["greeting"];
  signature?: NoteContext["signature"];
}

/** The edit a rule's `fix:` makes of one of its findings, in the note's offsets; undefined when it cannot be made. */
export function fixOf(def: FixDef | undefined, s: Span, text: string, ctx: FixContext): Finding["fix"] {
  const fix = editOf(def, s, text, ctx);
  return fix && def?.label ? { ...fix, label: def.label } : fix;
}

/** Text before a phrase that ends a sentence or a clause: the phrase then starts one. */
const CLAUSE_BEFORE = /(?:^|[.!?…]["”’')]*|[,;:]|\s[-–—])[ \t]*$|\n[ \t]*$/u;
const SENTENCE_BEFORE = /(?:^|[.!?…]["”’')]*|\n)[ \t]*$/u;

function editOf(def: FixDef | undefined, s: Span, text: string, ctx: FixContext): Finding["fix"] {
  if (!def) return undefined;
  const first = ctx.to?.trim().split(/\s+/)[0];
  switch (def.action) {
    case "remove": {
      if (s.end <= s.start) return undefined;
      // The spaces and marks after the phrase go with it.
      let end = s.end;
      while (/[ \t.,!]/.test(text[end] ?? "")) end++;
      // Only a phrase that is a sentence or clause of its own: cut from the middle of one, the
      // rest would not read ("Hi Jo, and wanted to connect"), so that takes the writer's words.
      const before = text.slice(Math.max(0, s.start - 8), s.start);
      const opens = s.start <= ctx.lead || s.start === ctx.greeting?.end || CLAUSE_BEFORE.test(before);
      const rest = text.slice(end);
      const closes = /[.,!]/.test(text.slice(s.end, end)) || /^\r?\n/.test(rest) || rest.trim() === "";
      if (!opens || !closes) return undefined;
      const label = `Remove “${text.slice(s.start, s.end)}”`;
      let start = s.start;
      const eol = /^\r?\n/.exec(rest);
      if (eol || rest.trim() === "") {
        let back = s.start;
        while (back > ctx.lead && /[ \t]/.test(text[back - 1]!)) back--;
        const lineBreak = /\r?\n$/.exec(text.slice(Math.max(0, back - 2), back));
        if (/\S/.test(text[back - 1] ?? "") && back < s.start) {
          // At the end of a line or of the note, the spaces between the words before and the phrase go too.
          start = back;
        } else if (lineBreak && back - lineBreak[0].length >= ctx.lead) {
          // A whole line goes with the line break before it: the next line keeps its place.
          start = back - lineBreak[0].length;
        } else if (eol && rest.slice(eol[0].length).trim() !== "") {
          // The note's first line goes with the line break after it and the next line's indentation.
          end += eol[0].length;
          while (/[ \t]/.test(text[end] ?? "")) end++;
        }
      }
      // What now starts a sentence starts with a capital: "Great talk. I'd like to connect, we met" -> "Great talk. We met".
      const next = text[end] ?? "";
      const startsSentence = s.start <= ctx.lead || (s.start !== ctx.greeting?.end && SENTENCE_BEFORE.test(before));
      if (startsSentence && /^\p{Ll}$/u.test(next) && next.toUpperCase().length === 1)
        return { range: [start, end + 1], text: next.toUpperCase(), label };
      return { range: [start, end], text: "", label };
    }
    case "replace":
      return s.end > s.start
        ? { range: [s.start, s.end], text: def.with, label: `Replace with “${def.with}”` }
        : undefined;
    case "greet": {
      if (!first) return undefined;
      const g = ctx.greeting;
      // "Hi," becomes "Hi Priya,"; a note with no greeting gets one.
      if (g && !g.name)
        return {
          range: [g.start, g.end],
          text: `${text.slice(g.start, g.end).replace(/[\s,!.:;—–-]+$/u, "")} ${first}, `,
          label: `Greet ${first} by name`,
        };
      return g?.name
        ? undefined
        : { range: [ctx.lead, ctx.lead], text: `Hi ${first}, `, label: `Greet ${first} by name` };
    }
    case "rename":
      return first && s.end > s.start
        ? { range: [s.start, s.end], text: first, label: `Greet ${first} instead` }
        : undefined;
    case "trim":
      return trimOf(s, text, ctx);
  }
}

/**
 * The one cut that is safe to make without the writer: the sign-off at the end ("Best, Sam",
 * "- Ines"), which LinkedIn shows anyway with the sender's name and photo, and the space before
 * it; only when that alone brings the note within the limit. Anything else over the limit is
 * content, and what to drop is the writer's choice.
 */
function trimOf(s: Span, text: string, ctx: FixContext): Finding["fix"] {
  const over = s.data?.over;
  const sig = ctx.signature;
  if (typeof over !== "number" || over <= 0 || !sig) return undefined;
  let cut = typeof sig.data?.from === "number" ? sig.data.from : sig.start;
  while (cut > ctx.lead && /\s/.test(text[cut - 1]!)) cut--;
  // The text's own trailing line break stays.
  const end = text.trimEnd().length;
  if (cut <= ctx.lead || cut >= end) return undefined;
  if (end - cut < over) return undefined;
  return {
    range: [cut, end],
    text: "",
    label: `Cut the sign-off “${text.slice(cut, end).trim().replace(/\s+/g, " ")}” (${over} over the limit)`,
  };
}

/** One finding per span of each rule that flags the note; whole-note findings sit where its text starts. */
export function findingsOf(
  hits: Hit[],
  text: string,
  lead: number,
  order: ReadonlyMap<string, number>,
  ctx: Omit<FixContext, "lead"> = {},
): Finding[] {
  const out: Finding[] = [];
  for (const h of hits) {
    if (h.active.silent) continue;
    const def = h.active.rule.def;
    for (const found of h.spans) {
      const s = found.start === 0 && found.end === 0 ? { ...found, start: lead, end: lead } : found;
      out.push({
        ruleId: def.id,
        check: def.check,
        severity: h.active.severity,
        message: fill(def.message, s, text),
        suggestion: fill(def.hint, s, text),
        start: s.start,
        end: s.end,
        url: def.url || undefined,
        fix: fixOf(def.fix, s, text, { lead, ...ctx }),
      });
    }
  }
  return out.sort(
    (x, y) =>
      x.start - y.start ||
      x.end - y.end ||
      (order.get(x.check) ?? 99) - (order.get(y.check) ?? 99) ||
      x.ruleId.localeCompare(y.ruleId),
  );
}

/**
 * The verdict of a failing note: an error naming what blocks it, or the score against the
 * pass mark with the findings that cost most and the checks that fail.
 */
export function verdictFinding(
  scored: Scored,
  findings: Finding[],
  minScore: number,
  lead: number,
): Finding | undefined {
  if (scored.passed) return undefined;
  const errors = findings.filter((f) => f.severity === "error");
  let message: string;
  let suggestion: string;
  if (errors.length) {
    message = `The note fails: ${errors
      .map((e) => e.message.replace(/\.$/, ""))
      .slice(0, 2)
      .join("; ")}`;
    suggestion = errors[0]!.suggestion;
  } else {
    const cap = scored.breakdown.caps[0];
    const capped =
      cap && cap.score < scored.breakdown.raw
        ? [`capped at ${cap.score} by ${findings.find((f) => f.ruleId === cap.ruleId)?.message ?? cap.ruleId}`]
        : [];
    // Two rules can word a finding the same ("we help teams" reads as a pitch): name it once,
    // with the costlier one's points (items come costliest first; a Map would keep the last).
    const said = new Set<string>();
    const costs = scored.breakdown.items
      .filter(
        (c) =>
          c.points < 0 && (!capped.length || c.ruleId !== cap!.ruleId) && !said.has(c.message) && said.add(c.message),
      )
      .slice(0, capped.length ? 2 : 3)
      .map((c) => `${lowerFirst(c.message)} (${Math.round(c.points)})`);
    const reasons = [...capped, ...costs];
    message = `The note fails (${scored.score}/100, needs ${minScore})${reasons.length ? `: ${reasons.join("; ")}` : ": nothing in it counts toward a good note"}`;
    const worst = findings.find(
      (f) => f.ruleId === (cap?.ruleId ?? scored.breakdown.items.find((c) => c.points < 0)?.ruleId),
    );
    suggestion = worst?.suggestion ?? "Say how you know them or what of theirs made you write, in your own words.";
  }
  return { ruleId: VERDICT, check: VERDICT, severity: "error", message, suggestion, start: lead, end: lead };
}

/** "No context - ..." reads "no context - ..." mid-sentence; a name keeps its capital ("LinkedIn's"). */
const lowerFirst = (s: string) =>
  /^[A-Z][a-z]*[\s,.-]/.test(s) && !/^[A-Z][a-z]+[A-Z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;

/** Where the note's text starts in its file. */
export function positionOf(options: LintOptions, text: string, lead: number): { line: number; column: number } {
  const at = inSource(options)(lead);
  if (at === 0) return { line: 1, column: 1 };
  const index = options.positions ?? new LineIndex(options.source ?? text);
  return index.position(at);
}

/** A note offset as an offset in its file: `offset` added, or read off `offsets` (clamped to the note). */
function inSource(options: LintOptions): (i: number) => number {
  const map = options.offsets;
  if (map) return (i) => map[Math.max(0, Math.min(map.length - 1, i))]!;
  const base = options.offset ?? 0;
  return (i) => base + i;
}

export function toMessages(findings: Finding[], text: string, options: LintOptions): Message[] {
  const at = inSource(options);
  const index = options.positions ?? new LineIndex(options.source ?? text);
  return findings.map((f) => {
    const s = index.position(at(f.start));
    const e = index.position(at(f.end));
    const msg: Message = {
      ruleId: f.ruleId,
      check: f.check,
      severity: f.severity,
      message: f.message,
      suggestion: f.suggestion,
      line: s.line,
      column: s.column,
      endLine: e.line,
      endColumn: e.column,
      offset: at(f.start),
      endOffset: at(f.end),
    };
    if (f.url) msg.url = f.url;
    if (f.fix) msg.fix = { range: [at(f.fix.range[0]), at(f.fix.range[1])], text: f.fix.text, label: f.fix.label };
    return msg;
  });
}
