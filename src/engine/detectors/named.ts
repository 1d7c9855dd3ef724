/**
 * Named things and times: a proper noun that is not the greeting's name or the sender's
 * (an event, a product, a school, a repo, a person), and a time anchor ("yesterday", "last
 * week", "on Tuesday", "in 2019").
 */
import type { Detector, Span, Token } from "../context.js";
import { wordSet } from "../context.js";
import { clauseOf, isAddressOrSignature, joined, listParam } from "./phrases.js";

/**
 * Runs of proper nouns (or merge fields that stand for a specific, in a template), each a span.
 * `min` asks for at least that many different ones; `exclude` names a list of capitalised
 * words that name nothing in particular (LinkedIn, weekdays).
 */
export const namedThing: Detector = (ctx, params) => {
  const common = wordSet(ctx.vocabulary, listParam(params, "exclude", "common-capitalized"), ctx.lang);
  const roles = wordSet(ctx.vocabulary, listParam(params, "roles", "role-nouns"), ctx.lang);
  const min = typeof params.min === "number" ? params.min : 1;
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    let run: Token[] = [];
    const flush = () => {
      // A capitalised job title ("Engineering Manager", "Co Founder") names a role, not a thing.
      if (run.length && !roles.has(run[run.length - 1]!.norm.replace(/s$/, ""))) {
        out.push({
          start: run[0]!.start,
          end: run[run.length - 1]!.end,
          data: { name: ctx.text.slice(run[0]!.start, run[run.length - 1]!.end) },
        });
      }
      run = [];
    };
    for (const t of tokens) {
      const named = t.slot
        ? t.slot.role === "specific" || t.slot.role === "context"
        : t.tag === "NP" && !common.has(t.norm) && !common.has(t.norm.replace(/'s$/, ""));
      if (named && !isAddressOrSignature(ctx, t)) {
        if (run.length && !joined(ctx, run[run.length - 1]!, t)) flush();
        run.push(t);
      } else flush();
    }
    flush();
  }
  const distinct = new Set(out.map((s) => String(s.data?.name).toLowerCase()));
  return distinct.size >= min ? out : [];
};

const VERB_TAGS = new Set(["V", "VD", "MD"]);
const question = (ctx: { text: string }, tokens: Token[]) =>
  /^\s*\?/.test(ctx.text.slice(tokens[tokens.length - 1]!.end, tokens[tokens.length - 1]!.end + 3));
const YEAR = /^(?:19|20)\d\d$|^'\d\d$/;
const DATE = /^\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?$|^\d{1,2}(?:st|nd|rd|th)$/;

/**
 * A time anchor: a word of `time-words` ("yesterday", "tonight", weekdays, months, and their
 * equivalents in the other languages), "last"/"next"/"this" and a unit ("last week"), a year
 * ("2019", "'09") or a date ("6/3", "the 14th").
 */
export const timeAnchor: Detector = (ctx, params) => {
  const words = wordSet(ctx.vocabulary, listParam(params, "words", "time-words"), ctx.lang);
  const relative = wordSet(ctx.vocabulary, listParam(params, "relative", "time-relative"), ctx.lang);
  const units = wordSet(ctx.vocabulary, listParam(params, "units", "time-units"), ctx.lang);
  const past = wordSet(ctx.vocabulary, listParam(params, "past", "time-past"), ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const next = tokens[i + 1];
      let found: Span | undefined;
      // "this morning" has happened by the time a note is written; "this week" may not have.
      const pastWord =
        past.has(t.norm) || (t.norm === "this" && next !== undefined && ["morning", "afternoon"].includes(next.norm));
      if (words.has(t.norm) || YEAR.test(t.norm) || DATE.test(t.norm)) found = { start: t.start, end: t.end };
      else if (relative.has(t.norm) && next && (units.has(next.norm) || words.has(next.norm)) && joined(ctx, t, next)) {
        found = { start: t.start, end: next.end };
        i++;
      }
      if (!found) continue;
      // An occasion is in the past ("yesterday", "last week", a verb in the past in its clause);
      // "this week" in "free for a call this week?" is an ask, not an occasion.
      // A year has passed or names an edition ("The 2019 case team in Chicago"); a clause without a
      // verb that is no question names a memory ("Same orientation on 6/3!").
      const clause = clauseOf(tokens, i);
      const memory = YEAR.test(t.norm) || (!clause.some((x) => VERB_TAGS.has(x.tag)) && !question(ctx, tokens));
      if (!pastWord && params.any !== true && !memory && !clause.some((x) => x.tag === "VD")) continue;
      out.push(found);
    }
  }
  return out;
};
