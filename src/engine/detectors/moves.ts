/**
 * The note's moves besides the reason: thanking for something particular, the sender
 * offering their services (a pitch), and the sender reciting their CV.
 */
import type { Detector, Span, Token } from "../context.js";
import { wordSet } from "../context.js";
import { joined, listParam, negated, phraseAt, span } from "./phrases.js";

/**
 * Thanks for something particular: "thanks for the Terragrunt tip", "thank you for reviewing
 * my PR", "I appreciate the message on my post". Thanks for connecting, for your time or for
 * considering say nothing (`generic-thanks`).
 */
export const thanksFor: Detector = (ctx, params) => {
  const thanks = wordSet(ctx.vocabulary, listParam(params, "words", "thanks-words"), ctx.lang);
  const generic = wordSet(ctx.vocabulary, listParam(params, "generic", "generic-thanks"), ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!thanks.has(t.norm)) continue;
      let j = i + 1;
      while (
        tokens[j] &&
        (tokens[j]!.norm === "you" ||
          tokens[j]!.norm === "so" ||
          tokens[j]!.norm === "much" ||
          tokens[j]!.norm === "again" ||
          tokens[j]!.norm === "a" ||
          tokens[j]!.norm === "lot")
      )
        j++;
      const forTok = tokens[j];
      const direct = t.norm === "appreciate" || t.norm === "appreciated";
      // "I would appreciate a referral" asks for something; thanks are for what was given.
      if (tokens.slice(Math.max(0, i - 2), i).some((x) => x.tag === "MD" || x.norm === "i'd" || x.norm === "we'd"))
        continue;
      if (!direct && forTok?.norm !== "for") continue;
      const k = direct ? j : j + 1;
      const what = tokens[k];
      if (!what || what.first) continue;
      const words = tokens.slice(k, k + 3).map((x) => x.norm);
      if (direct && (words[0] === "any" || words[0] === "a" || words[1] === "chance" || words[1] === "opportunity"))
        continue;
      if (
        generic.has(words[0]!) ||
        generic.has(words.slice(0, 2).join(" ")) ||
        (words[0] === "your" && generic.has(words[1] ?? ""))
      )
        continue;
      const p = what.tag === "VG" ? undefined : phraseAt(ctx, tokens, k);
      const end = p ? p.end : tokens[Math.min(tokens.length - 1, k + 1)]!.end;
      out.push({ start: t.start, end });
    }
  }
  return out;
};

/**
 * The sender offering their services: a sender subject ("we", "I", "our agency") with a verb
 * of serving ("help", "offer", "provide") and customers as its object ("companies", "teams
 * like yours"): "we help SaaS founders book demos", "our platform helps teams cut costs".
 */
export const senderOffering: Detector = (ctx, params) => {
  const verbs = wordSet(ctx.vocabulary, listParam(params, "verbs", "serving-verbs"), ctx.lang);
  const customers = wordSet(ctx.vocabulary, listParam(params, "customers", "customer-nouns"), ctx.lang);
  const sellers = wordSet(ctx.vocabulary, listParam(params, "sellers", "seller-nouns"), ctx.lang);
  const outcomes = wordSet(ctx.vocabulary, listParam(params, "outcomes", "outcome-verbs"), ctx.lang);
  const quantities = wordSet(ctx.vocabulary, listParam(params, "quantities", "quantity-words"), ctx.lang);
  const own = wordSet(ctx.vocabulary, "first-possessive", ctx.lang);
  const shared = wordSet(ctx.vocabulary, "shared-nouns", ctx.lang);
  const relations = wordSet(ctx.vocabulary, "relation-nouns", ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const subject =
        ["we", "i", "we've", "we're", "i've", "i'm", "we'll", "i'll"].includes(t.norm) ||
        ((t.norm === "our" || t.norm === "my") && sellers.has(tokens[i + 1]?.norm ?? ""));
      if (!subject) continue;
      let j = t.norm === "our" || t.norm === "my" ? i + 2 : i + 1;
      while (
        tokens[j] &&
        (tokens[j]!.tag === "R" ||
          tokens[j]!.tag === "MD" ||
          tokens[j]!.norm === "can" ||
          tokens[j]!.norm === "are" ||
          tokens[j]!.norm === "am" ||
          tokens[j]!.norm === "is")
      )
        j++;
      const verb = tokens[j];
      if (!verb) continue;
      if (verbs.has(verb.norm)) {
        for (let k = j + 1; k < Math.min(tokens.length, j + 7); k++) {
          const w = tokens[k]!;
          if (w.first) break;
          if (customers.has(w.norm) || (w.norm === "you" && k === j + 1)) {
            out.push(span(t, w));
            break;
          }
        }
        continue;
      }
      const claim = outcomeClaim(tokens, j, outcomes, customers, quantities);
      if (claim) out.push(span(t, claim));
    }
    // "our scheduler saves managers 5 hours", "my tool cuts review time in half": the sender's product as the subject of an outcome.
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (!own.has(tokens[i]!.norm)) continue;
      const p = phraseAt(ctx, tokens, i);
      if (!p || p.tokens.some((x) => shared.has(x.norm) || relations.has(x.norm) || sellers.has(x.norm))) continue;
      const j = tokens.indexOf(p.head) + 1;
      const claim = outcomeClaim(tokens, j, outcomes, customers, quantities);
      if (claim) out.push(span(tokens[i]!, claim));
    }
  }
  return out;
};

/**
 * An outcome promised to customers: a verb of effect ("save", "cut", "raise", "solve") at `j`,
 * then, in its clause, the customers, the recipient ("your reps"), or a quantity ("by 40%",
 * "5 hours", "in half"). A past effect is the sender's own story ("we cut our build time by
 * 40% after your talk") unless it was for others ("we solved that for Ramp"). The last token
 * of the claim, or undefined.
 */
function outcomeClaim(
  tokens: Token[],
  j: number,
  outcomes: ReadonlySet<string>,
  customers: ReadonlySet<string>,
  quantities: ReadonlySet<string>,
): Token | undefined {
  const verb = tokens[j];
  if (!verb || !outcomes.has(verb.norm) || negated(tokens, j)) return undefined;
  const past = verb.tag === "VD";
  for (let k = j + 1; k < Math.min(tokens.length, j + 9); k++) {
    const w = tokens[k]!;
    if (w.first || w.tag === "C") break;
    if (past) {
      if (w.norm === "for" && tokens[k + 1] && (tokens[k + 1]!.tag === "NP" || customers.has(tokens[k + 1]!.norm)))
        return tokens[k + 1];
      continue;
    }
    if (w.norm === "our" || w.norm === "my") return undefined;
    if (customers.has(w.norm) || w.norm === "you" || w.norm === "your" || w.tag === "CD" || quantities.has(w.norm))
      return w;
  }
  return undefined;
}

/**
 * The sender's CV in the note: years of experience ("5+ years of experience", "I have 8
 * years in"), or a self-description built on skills ("specializing in", "proficient in").
 */
export const cvRecital: Detector = (ctx, params) => {
  const markers = wordSet(ctx.vocabulary, listParam(params, "markers", "cv-markers"), ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const next = tokens[i + 1];
      if (t.tag === "CD" && next && /^(?:years?|yrs?)$/.test(next.norm) && !/^(?:19|20)\d\d$/.test(t.norm)) {
        // "5+ years of experience", "with 8 years in", "I have 3 years as": the sender's experience, not "after six years in Singapore".
        const after = tokens.slice(i + 2, i + 5).map((x) => x.norm);
        const before = tokens.slice(Math.max(0, i - 3), i).map((x) => x.norm);
        if (
          after.includes("experience") ||
          before.some((x) => x === "with" || x === "have" || x === "i've" || x === "bring" || x === "having")
        ) {
          out.push(span(t, next));
        }
      } else if (markers.has(t.norm) && next && (next.norm === "in" || next.norm === "with")) out.push(span(t, next));
    }
  }
  return out;
};

/**
 * The sender's own thing as the subject of the note: "our smart-home sensors", "our analytics
 * suite", "my wealth management practice", "our client". Shared things ("our conversation",
 * "our mutual friend", "our team" in a new colleague's note) are not; `shared-nouns` and
 * `relation-nouns` leave them out.
 */
export const senderOwn: Detector = (ctx, params) => {
  const shared = wordSet(ctx.vocabulary, listParam(params, "shared", "shared-nouns"), ctx.lang);
  const relations = wordSet(ctx.vocabulary, "relation-nouns", ctx.lang);
  const own = wordSet(ctx.vocabulary, listParam(params, "possessives", "first-possessive"), ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i + 1 < tokens.length; i++) {
      const t = tokens[i]!;
      if (!own.has(t.norm)) continue;
      const p = phraseAt(ctx, tokens, i);
      if (!p || p.tokens.some((x) => shared.has(x.norm) || relations.has(x.norm))) continue;
      out.push({ start: t.start, end: p.end });
    }
  }
  return out;
};

/**
 * The sender introducing themself by role: "I'm a certified career coach", "I am a fresher
 * with a B.Tech", "My name is Vince and I'm a product manager", "I lead AI training at X".
 */
export const selfIntro: Detector = (ctx, params) => {
  const roles = wordSet(ctx.vocabulary, listParam(params, "verbs", "role-verbs"), ctx.lang);
  const founding = wordSet(ctx.vocabulary, listParam(params, "founding", "founding-verbs"), ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i + 1 < tokens.length; i++) {
      const t = tokens[i]!;
      const next = tokens[i + 1]!;
      if ((t.norm === "i'm" || t.norm === "im" || (t.norm === "i" && next.norm === "am")) && !next.first) {
        const j = t.norm === "i" ? i + 2 : i + 1;
        const w = tokens[j];
        if (w && (w.norm === "a" || w.norm === "an")) {
          const p = phraseAt(ctx, tokens, j);
          if (p && p.head.tag === "N") out.push({ start: t.start, end: p.end });
        } else if (
          w &&
          founding.has(w.norm) &&
          tokens[j + 1] &&
          (tokens[j + 1]!.tag === "D" || tokens[j + 1]!.tag === "NP" || tokens[j + 1]!.tag === "N")
        ) {
          // "I'm building an AI agent platform", "I'm launching my own consulting practice"
          out.push(span(t, tokens[j + 1]!));
        }
      } else if (t.norm === "my" && next.norm === "name" && tokens[i + 2]?.norm === "is")
        out.push(span(t, tokens[i + 2]!));
      else if (
        t.norm === "i" &&
        roles.has(next.norm) &&
        tokens[i + 2] &&
        (tokens[i + 2]!.tag === "N" || tokens[i + 2]!.tag === "NP" || tokens[i + 2]!.tag === "P")
      ) {
        out.push(span(t, tokens[i + 2]!));
      }
    }
  }
  return out;
};

/**
 * Commercial terms: prices and growth figures ("$49/month", "40% lower cost", "10x more
 * views", "CTC up to 25 LPA") and free offers ("a free trial", "your free session").
 */
export const commercialTerms: Detector = (ctx) => {
  const out: Span[] = [];
  const re =
    /[$€£₹]\s?\d[\d,.]*\s?[kKmMbB]?\b(?:\s?(?:\/|per\s)\s?(?:mo|month|year|yr|hour|hr)\b)?|\b\d[\d,.]*\s?(?:%|x\b|×)|\b\d[\d,.]*\+?\s?(?:lpa|usd|eur|k\/year)\b/giu;
  for (const m of ctx.text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  const nouns = wordSet(ctx.vocabulary, "commercial-nouns", ctx.lang);
  for (const t of ctx.tokens) if (nouns.has(t.norm)) out.push({ start: t.start, end: t.end });
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i + 1 < tokens.length; i++) {
      const t = tokens[i]!;
      if (
        t.norm !== "free" &&
        t.norm !== "complimentary" &&
        t.norm !== "gratuit" &&
        t.norm !== "gratis" &&
        t.norm !== "kostenlos" &&
        t.norm !== "gratuito"
      )
        continue;
      const p = phraseAt(ctx, tokens, i + 1);
      if (p && p.head.tag === "N" && p.head.norm !== "time" && joined(ctx, t, tokens[i + 1]!))
        out.push({ start: t.start, end: p.end });
    }
  }
  return out;
};

/**
 * Job talk: the sender seeking a job ("I'm exploring marketing roles", "looking for an
 * internship", "could you refer me") or offering one ("we're hiring", "our client is looking
 * for", "a role that matches your skills"). `side: seeker` or `side: recruiter`.
 */
export const jobTalk: Detector = (ctx, params) => {
  const jobs = wordSet(ctx.vocabulary, listParam(params, "nouns", "job-nouns"), ctx.lang);
  const seeking = wordSet(ctx.vocabulary, listParam(params, "verbs", "seeking-verbs"), ctx.lang);
  const recruiter = params.side === "recruiter";
  const firstSingular = wordSet(ctx.vocabulary, "first-singular", ctx.lang);
  const firstPlural = wordSet(ctx.vocabulary, "first-plural", ctx.lang);
  const hiringWords = wordSet(ctx.vocabulary, "hiring-words", ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const seeker = ["i", "i'm", "im", "i've", "i'd", "my", "me"].includes(t.norm) || firstSingular.has(t.norm);
      const hirer =
        ["we", "we're", "we've", "our", "my", "i'm", "i", "they're"].includes(t.norm) ||
        firstSingular.has(t.norm) ||
        firstPlural.has(t.norm);
      if (recruiter ? !hirer : !seeker) continue;
      const window = tokens.slice(i + 1, i + 9);
      const end = window.findIndex((x) => x.first);
      const clause = end === -1 ? window : window.slice(0, end);
      const verb = clause.findIndex((x) => seeking.has(x.norm));
      const noun = clause.findIndex((x) => jobs.has(x.norm));
      if (recruiter) {
        // "we're hiring", "our client is looking for a Data Engineer", "I have a role that..."
        const hiring = clause.findIndex((x) => hiringWords.has(x.norm));
        if (hiring >= 0 && (t.norm !== "i" || clause[hiring]!.norm !== "client")) out.push(span(t, clause[hiring]!));
        else if (
          (t.norm === "i" || t.norm === "we" || firstSingular.has(t.norm)) &&
          (clause[0]?.norm === "have" ||
            clause
              .slice(0, 4)
              .some(
                (x) =>
                  x.norm === "heb" ||
                  x.norm === "habe" ||
                  x.norm === "tengo" ||
                  x.norm === "ho" ||
                  x.norm === "tenho" ||
                  x.norm === "ai",
              )) &&
          noun >= 0
        ) {
          out.push(span(t, clause[noun]!));
        }
      } else if (
        noun >= 0 &&
        (verb >= 0 || t.norm === "me" || ["referral", "cv", "resume", "résumé"].includes(clause[noun]!.norm))
      ) {
        // A referral or a CV is the seeker's whatever the verb ("would love a referral", "my CV is attached").
        out.push(span(t, clause[Math.max(noun, verb)]!));
      }
    }
  }
  return out;
};

/**
 * An ask of the recipient: a request addressed to them ("could you refer me", "would you mind
 * looking at", "can you tell me", "would you be open to a call", "please share"), whatever is asked.
 */
export const asksThem: Detector = (ctx) => {
  const out: Span[] = [];
  const openers = wordSet(ctx.vocabulary, "ask-openers", ctx.lang);
  // Asking to connect is the invitation itself, not a favour.
  const invitation = new Set(["connect", "connecting", "accept", "add", "join"]);
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i + 2 < tokens.length; i++) {
      const t = tokens[i]!;
      const next = tokens[i + 1]!;
      const third = tokens[i + 2]!;
      // The verb asked for: "would you be open to connect" asks nothing more than the invitation does.
      const asked = tokens.slice(i + 1, i + 6).some((x) => invitation.has(x.norm)) ? "connect" : "";
      if (t.tag === "MD" && ["could", "can", "would", "will"].includes(t.norm) && next.norm === "you" && !next.first) {
        if (
          (third.tag === "V" || third.norm === "be" || third.norm === "mind" || third.tag === "R") &&
          !invitation.has(third.norm) &&
          !invitation.has(asked)
        )
          out.push(span(t, third));
      } else if (
        (t.norm === "please" || t.norm === "kindly") &&
        (next.tag === "V" || next.norm === "let") &&
        !next.first &&
        !invitation.has(next.norm)
      )
        out.push(span(t, next));
      else if (
        t.tag === "MD" &&
        ["could", "can", "shall"].includes(t.norm) &&
        next.norm === "we" &&
        third.tag === "V" &&
        !invitation.has(third.norm) &&
        !invitation.has(asked)
      )
        out.push(span(t, third));
      else if (openers.has(t.norm) || openers.has(`${t.norm} ${next.norm}`))
        out.push(span(t, openers.has(t.norm) ? t : next));
      else if (
        (t.norm === "are" || t.norm === "r") &&
        next.norm === "you" &&
        ["open", "free", "available", "interested", "up"].includes(third.norm)
      )
        out.push(span(t, third));
      else if (t.norm === "do" && next.norm === "you" && (third.norm === "have" || third.norm === "mind"))
        out.push(span(t, third));
    }
  }
  return out;
};

/**
 * The sender wanting to present something: "I'd love to tell you about an exciting
 * opportunity", "happy to show you how we...", "share how we've helped similar companies".
 */
export const presenting: Detector = (ctx, params) => {
  const verbs = wordSet(ctx.vocabulary, listParam(params, "verbs", "presenting-verbs"), ctx.lang);
  const looking = new Set(["see", "learn", "discover", "explore"]);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i + 2 < tokens.length; i++) {
      const t = tokens[i]!;
      if (!verbs.has(t.norm)) continue;
      let j = i + 1;
      if (tokens[j]!.norm === "with") j++;
      if (tokens[j]?.norm === "you") j++;
      const w = tokens[j];
      const sender = ["we", "our", "my", "i", "we've", "we're"].includes(tokens[j + 1]?.norm ?? "");
      // "tell you about an opportunity" presents; "learn about your work" does not: verbs of
      // seeing and learning present only the sender's own ("see how our AI scribe saves...").
      const telling = !looking.has(t.norm) && w?.norm === "about" && tokens[i + 1]?.norm !== "about";
      if (w && !w.first && (telling || ((w.norm === "how" || w.norm === "what") && sender)))
        out.push(span(t, tokens[j + 1] ?? w));
    }
  }
  return out;
};
