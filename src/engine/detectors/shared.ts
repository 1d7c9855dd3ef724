/**
 * Detectors for what the two share: a past ("we met", "we sat next to each other"), a
 * membership ("we're both in the cohort"), a conversation ("great chatting"), the sender
 * placing themself in it ("I'm the one who asked about..."), a new job together ("I start
 * on your team Monday"), and a person who connects them ("Dana said you...").
 */
import type { Detector, Span, Token } from "../context.js";
import { wordSet } from "../context.js";
import {
  clauseOf,
  isAddressOrSignature,
  joined,
  listParam,
  namesSomething,
  negated,
  phraseAt,
  span,
} from "./phrases.js";

const WE = new Set(["we", "we've", "we'd", "we'll", "we're", "us"]);
const PAST_BE = new Set(["were", "was"]);
const ALSO_SUBJECTS = new Set(["i", "i'm", "you", "you're"]);

/**
 * A shared past: "we" (or "you and I", "X and I") with a past verb ("we met", "we shared an
 * Uber", "we were in the same cohort"), or a together-word with one. `membership: true`
 * instead finds a shared present ("we're both in", "we both work at", "we'll be on the same"),
 * which reviewers count as context but which could still go to every member.
 */
export const sharedPast: Detector = (ctx, params) => {
  const together = wordSet(ctx.vocabulary, listParam(params, "together", "together-words"), ctx.lang);
  const pastWords = wordSet(ctx.vocabulary, listParam(params, "words", "shared-past-words"), ctx.lang);
  const sharedNouns = wordSet(ctx.vocabulary, listParam(params, "nouns", "shared-nouns"), ctx.lang);
  const firstPlural = wordSet(ctx.vocabulary, "first-plural", ctx.lang);
  const _statives = wordSet(ctx.vocabulary, "stative-verbs", ctx.lang);
  const sharedVerbs = wordSet(ctx.vocabulary, listParam(params, "verbs", "shared-verbs"), ctx.lang);
  const broad = wordSet(ctx.vocabulary, "broad-fields", ctx.lang);
  const out: Span[] = [];
  const membership = params.membership === true;
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (membership && (t.norm === "fellow" || t.norm === "another") && tokens[i + 1]) {
        // "Fellow volunteer at the Riverside Food Bank", "fellow Minerva grad": a named group, not "fellow professionals".
        const p = phraseAt(ctx, tokens, i + 1);
        if (!p) continue;
        const after = tokens[tokens.indexOf(p.head) + 1];
        const place =
          after && (after.norm === "at" || after.norm === "of" || after.norm === "from" || after.norm === "in")
            ? phraseAt(ctx, tokens, tokens.indexOf(after) + 1)
            : undefined;
        if (p.named || place?.named) out.push({ start: t.start, end: place?.named ? place.end : p.end });
        continue;
      }
      if (membership && ALSO_SUBJECTS.has(t.norm) && tokens[i + 1]?.norm === "also") {
        // "I also went through the Civic Bridge fellowship", "I'm also in the Leeds running club": the
        // sender in the same named programme, school or group as the recipient; "you also contribute
        // to OpenStreetMap" says the same from the other side.
        const k = tokens.slice(i + 2, i + 6).findIndex((x) => x.tag === "P" || x.norm === "through");
        const p = k >= 0 ? phraseAt(ctx, tokens, i + 3 + k) : undefined;
        if (p?.named && !isAddressOrSignature(ctx, p.head)) out.push({ start: t.start, end: p.end });
        continue;
      }
      if (membership && t.norm === "same" && tokens[i + 1] && joined(ctx, t, tokens[i + 1]!)) {
        // "the same cohort", "Same Amazon orientation on 6/3!"
        const p = phraseAt(ctx, tokens, i + 1);
        if (p) out.push({ start: t.start, end: p.end });
        continue;
      }
      if (
        !membership &&
        (t.norm === "our" || firstPlural.has(t.norm)) &&
        sharedNouns.has(tokens[i + 1]?.norm ?? "") &&
        joined(ctx, t, tokens[i + 1]!) &&
        tokens[i - 1]?.norm !== "to"
      ) {
        // "our conversation about", "our time at Accenture" (not "looking forward to our conversation": that one is to come)
        out.push(span(t, tokens[i + 1]!));
        continue;
      }
      const pair = (t.norm === "i" || t.norm === "me") && i >= 2 && tokens[i - 1]!.norm === "and";
      if (!WE.has(t.norm) && !firstPlural.has(t.norm) && !pair) continue;
      if (!membership && ctx.lang !== "en" && firstPlural.has(t.norm)) {
        // "wir haben uns gestern ... unterhalten", "nous avons travaillé": the participle may come late.
        const participle = clauseOf(tokens, i).find(
          (x) => x.start > t.start && (x.tag === "VD" || (ctx.lang === "de" && /^ge\p{Ll}{3,}(?:t|en)$/u.test(x.norm))),
        );
        if (participle) {
          out.push(span(t, participle));
          continue;
        }
      }
      let j = i + 1;
      const both = () => {
        while (tokens[j] && (tokens[j]!.tag === "R" || tokens[j]!.norm === "both" || tokens[j]!.norm === "all")) j++;
      };
      both();
      if (tokens[j]?.norm === "have" || tokens[j]?.norm === "had" || tokens[j]?.norm === "'ve") j++;
      const verb = tokens[j];
      if (!verb || negated(tokens, j) || verb.first) continue;
      const from = pair ? tokens[i - 2]! : t;
      // What two people do together ("we met", "we sat", "we co-wrote"), not what a company did for clients ("we've helped").
      const past =
        (verb.tag === "VD" && sharedVerbs.has(verb.norm.slice(verb.norm.lastIndexOf("-") + 1))) ||
        (PAST_BE.has(verb.norm) && t.norm === "we");
      // Sharing needs "both" or "also" ("we both work at Deloitte", "we're also in the cohort"), or
      // being somewhere together ("we're in the same Slack", "we'll be on the same rotation"):
      // "we're hiring" and "we're helping teams" are a company speaking.
      const together = tokens.slice(i + 1, j).some((x) => x.norm === "both" || x.norm === "also" || x.norm === "all");
      const place = (x: Token | undefined) =>
        x !== undefined && (x.tag === "P" || x.norm === "members" || x.norm === "part" || x.norm === "connected");
      const present = together
        ? verb.tag !== "VD"
        : t.norm === "we're" || verb.norm === "are"
          ? place(t.norm === "we're" ? verb : tokens[j + 1])
          : (t.norm === "we'll" && verb.norm === "be" && place(tokens[j + 1])) ||
            (verb.norm === "will" && tokens[j + 1]?.norm === "be" && place(tokens[j + 2]));
      if (!membership && past && t.norm !== "we're" && t.norm !== "we'll") out.push(span(from, verb));
      else if (membership && !past && present) {
        // "We're both in the Rotary literacy group": up to what they share, when it follows.
        const k = verb.tag === "P" ? j : tokens[j + 1]?.tag === "P" && !tokens[j + 1]!.first ? j + 1 : -1;
        const what = k >= 0 ? phraseAt(ctx, tokens, k + 1) : undefined;
        // A broad field is no membership: "we're both in the tech industry", "we both work in marketing".
        const field = what
          ? what.tokens
              .filter((x) => x.tag !== "D")
              .map((x) => x.norm)
              .join(" ")
          : tokens
              .slice(j + 1, j + 4)
              .map((x) => x.norm)
              .find((w) => broad.has(w));
        if (
          field !== undefined &&
          (broad.has(field) || broad.has(`the ${field}`) || (what && broad.has(what.head.norm)))
        )
          continue;
        out.push(what ? { start: from.start, end: what.end } : span(from, verb));
      }
    }
    if (membership) continue;
    // "worked together" (a together-word with an act), "kennengelernt", "coincidimos", "on s'est croisées" (a shared past by themselves).
    tokens.forEach((t, i) => {
      const act = together.has(t.norm) && clauseOf(tokens, i).some((x) => x.tag === "VD" && sharedVerbs.has(x.norm));
      if (act || pastWords.has(t.norm)) out.push({ start: t.start, end: t.end });
    });
  }
  return out;
};

/**
 * The sender placing themself in a shared occasion: "I'm the one who asked about...",
 * "I was your intern at Aramco", "it's Tom from the Boots graduate scheme", "the guy with the
 * broken badge from DevOpsDays here", "I'm Mei's mom".
 */
export const selfPlacement: Detector = (ctx, params) => {
  const relations = wordSet(ctx.vocabulary, listParam(params, "relations", "relation-nouns"), ctx.lang);
  const persons = wordSet(ctx.vocabulary, listParam(params, "persons", "person-nouns"), ctx.lang);
  const out: Span[] = [];
  for (const all of ctx.sentenceTokens) {
    // The greeting is not part of what the sentence says ("Pieter, Rob from the Rabobank traineeship.").
    const g = ctx.greeting;
    const tokens = g ? all.filter((t) => t.start >= g.end) : all;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const n = t.norm;
      const intro =
        n === "i'm" ||
        n === "im" ||
        (n === "i" && (tokens[i + 1]?.norm === "am" || tokens[i + 1]?.norm === "was")) ||
        ((n === "it's" || n === "this") && (n === "it's" || tokens[i + 1]?.norm === "is"));
      if (intro) {
        let j = i + 1;
        if (tokens[j]?.norm === "am" || tokens[j]?.norm === "was" || tokens[j]?.norm === "is") j++;
        const w = tokens[j];
        if (!w) continue;
        // "I was your intern", "I'm your new colleague", "I'm Priyanka's sister".
        if (w.tag === "PRP$" || (w.tag === "NP" && w.norm.endsWith("'s"))) {
          const p = phraseAt(ctx, tokens, w.tag === "PRP$" ? j : j + 1);
          if (p && (w.norm === "your" || relations.has(p.head.norm) || w.tag === "NP"))
            out.push({ start: t.start, end: p.end });
          continue;
        }
        // "I'm the one who...", "I was the guy in the yellow scarf", "I'm the nursing student from...", "it's Paul from the Stavanger office".
        if (w.norm === "the" || w.norm === "one") {
          const p = phraseAt(ctx, tokens, w.norm === "one" ? j : j);
          if (p && persons.has(p.head.norm)) {
            out.push({ start: t.start, end: p.end });
            continue;
          }
        }
        const look = tokens.slice(j, j + 8);
        const rel = look.findIndex(
          (x, k) => k > 0 && (x.norm === "who" || x.norm === "from" || x.norm === "that" || x.norm === "whose"),
        );
        if ((w.norm === "the" || w.tag === "NP") && rel > 0 && !look.slice(0, rel).some((x) => x.first)) {
          out.push(span(t, look[rel]!));
        }
        continue;
      }
      // "Rob from the Rabobank traineeship.", "the guy with the broken badge from DevOpsDays Amsterdam here"
      if (n === "here" && i >= 3 && (i === tokens.length - 1 || tokens[i + 1]!.first)) {
        const fromAt = tokens
          .slice(0, i)
          .map((x) => x.norm)
          .lastIndexOf("from");
        if (fromAt >= 1 && tokens.slice(fromAt + 1, i).some((x) => x.tag === "NP" || x.tag === "N"))
          out.push(span(tokens[0]!, t));
      }
    }
    // A clause that opens "NAME from the X" ("Liv from the CS 61B TA group", "Naledi from the Joburg Founders WhatsApp"),
    // or "the X person from Y" ("the weird-edge-case bug report person from the Obsidian forum").
    for (let i = 0; i < tokens.length; i++) {
      const a = tokens[i]!;
      if (!a.first && i > 0) continue;
      let j = i;
      if (a.tag === "NP" && !isAddressOrSignature(ctx, a)) j = i + 1;
      else if (a.norm === "the") {
        const p = phraseAt(ctx, tokens, i);
        if (!p || !persons.has(p.head.norm)) continue;
        j = tokens.indexOf(p.head) + 1;
      } else continue;
      const b = tokens[j];
      if (b && b.norm === "from" && !b.first) {
        const p = phraseAt(ctx, tokens, j + 1);
        if (p?.named) out.push({ start: a.start, end: p.end });
      }
    }
  }
  return out;
};

/** A conversation they had: "great chatting at the booth", "it was cool to chat", "following our call". */
export const conversation: Detector = (ctx, params) => {
  const praise = wordSet(ctx.vocabulary, listParam(params, "praise", "pleasant-words"), ctx.lang);
  const talk = wordSet(ctx.vocabulary, listParam(params, "talk", "conversation-verbs"), ctx.lang);
  const times = wordSet(ctx.vocabulary, "time-words", ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!praise.has(t.norm)) continue;
      for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
        const w = tokens[j]!;
        if (w.first) break;
        if (talk.has(w.norm)) {
          // "Good to meet you." greets; "good to meet you at the summit" and "great chatting" recall a meeting.
          const infinitive = tokens[j - 1]?.norm === "to";
          const where = clauseOf(tokens, j).some(
            (x) =>
              x.start > w.start &&
              ((x.tag === "P" && x.norm !== "to") || x.tag === "NP" || x.tag === "CD" || times.has(x.norm)),
          );
          // "It was cool to chat" tells of a talk that happened, as "great chatting" does.
          const happened = clauseOf(tokens, j).some((x) => x.start < t.start && PAST_BE.has(x.norm));
          if (!infinitive || where || happened) out.push(span(t, w));
          break;
        }
        if (!["P", "R", "V", "VD", "PRP"].includes(w.tag)) break;
      }
    }
  }
  return out;
};

/**
 * Joining the recipient's team or company: "I start at Asana next week", "I'm your new team
 * member", "welcome to the Leeds office", "we'll be pairing on the redesign".
 */
export const joining: Detector = (ctx, params) => {
  const verbs = wordSet(ctx.vocabulary, listParam(params, "verbs", "joining-verbs"), ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.norm === "welcome" && (tokens[i + 1]?.norm === "to" || tokens[i + 1]?.norm === "aboard")) {
        out.push(span(t, tokens[i + 1]!));
        continue;
      }
      // A first-person subject, or none before a gerund or past form ("Joining your team Monday!"):
      // "Join my network" is an imperative, not a new job.
      const subjectless = t.first && verbs.has(t.norm) && (t.tag === "VG" || t.tag === "VD");
      const subject = ["i", "i'm", "i'll", "im", "we'll", "we're", "we"].includes(t.norm) || subjectless;
      if (!subject) continue;
      for (let j = subjectless ? i : i + 1; j < Math.min(tokens.length, i + 4); j++) {
        const w = tokens[j]!;
        if (j > i && w.first) break;
        if (verbs.has(w.norm) && !negated(tokens, j)) {
          // Joining needs a place or a time: "at Asana", "on your team", "next Monday", "on the 14th".
          const rest = tokens.slice(j + 1, j + 8);
          // The sender's own company ("I recently joined {my_company}") is not theirs.
          if (rest[0]?.norm === "my" || rest[0]?.slot?.role === "sender") break;
          if (
            rest.some(
              (x) =>
                x.norm === "your" ||
                x.norm === "team" ||
                x.tag === "NP" ||
                x.tag === "CD" ||
                x.norm === "next" ||
                x.norm === "monday",
            )
          ) {
            out.push(span(t, w));
          }
          break;
        }
      }
    }
  }
  return out;
};

/**
 * A person who connects them: a name with a verb of telling or sending ("Dana said", "Mike
 * Chen forwarded me", "Lukas vouches for you", "Professor Lin at UCT said"), or a relation
 * and a name ("our mutual friend Hugo", "Priyanka's sister"), or a mutual-contact merge field.
 */
export const namedContact: Detector = (ctx, params) => {
  const verbs = wordSet(ctx.vocabulary, listParam(params, "verbs", "referral-verbs"), ctx.lang);
  const relations = wordSet(ctx.vocabulary, listParam(params, "relations", "relation-nouns"), ctx.lang);
  const common = wordSet(ctx.vocabulary, "common-capitalized", ctx.lang);
  const out: Span[] = [];
  const isName = (t: Token | undefined): t is Token =>
    t !== undefined &&
    (t.slot !== undefined ? t.slot.role === "context" : t.tag === "NP" && !common.has(t.norm)) &&
    !isAddressOrSignature(ctx, t);
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!isName(t)) continue;
      // The name itself may run over two words ("Mike Chen", "Professor Lin").
      let j = i + 1;
      while (isName(tokens[j]) && joined(ctx, tokens[j - 1]!, tokens[j]!)) j++;
      // "Professor Lin at UCT said", "Jorge from the Monterrey office suggested".
      if (tokens[j] && (tokens[j]!.norm === "at" || tokens[j]!.norm === "from" || tokens[j]!.norm === "of")) {
        const p = phraseAt(ctx, tokens, j + 1);
        if (p && p.end - tokens[j]!.end < 40) j = tokens.indexOf(p.head) + 1;
      }
      while (tokens[j] && (tokens[j]!.tag === "R" || tokens[j]!.norm === "has" || tokens[j]!.norm === "had")) j++;
      const verb = tokens[j];
      if (verb && verbs.has(verb.norm) && !verb.first) {
        out.push(span(t, verb));
        i = j;
        continue;
      }
      // "Priyanka's sister", "Mei's mom".
      if (t.norm.endsWith("'s")) {
        const p = phraseAt(ctx, tokens, i + 1);
        if (p && relations.has(p.head.norm)) out.push({ start: t.start, end: p.end });
      }
    }
    // Verb first, then the full name: "mi ha parlato di te Chiara Rossi", "me pasó tu contacto Pablo Ruiz".
    for (let i = 0; i < tokens.length; i++) {
      if (!verbs.has(tokens[i]!.norm) || (tokens[i]!.first && i > 0)) continue;
      for (let j = i + 1; j < Math.min(tokens.length - 1, i + 5); j++) {
        const a = tokens[j]!;
        const b = tokens[j + 1]!;
        if (a.first) break;
        if (isName(a) && isName(b) && joined(ctx, a, b)) {
          out.push(span(tokens[i]!, b));
          break;
        }
      }
    }
    // "our mutual friend Hugo", "my colleague Dana", "a friend of mine, Sara".
    for (let i = 0; i + 1 < tokens.length; i++) {
      const t = tokens[i]!;
      if (!relations.has(t.norm)) continue;
      const next = tokens[i + 1];
      if (!isName(next) || !joined(ctx, t, next)) continue;
      // Start at the possessive when there is one: "our mutual friend Hugo".
      let from = i;
      while (from > 0 && i - from < 2 && (tokens[from - 1]!.tag === "J" || tokens[from - 1]!.tag === "PRP$")) from--;
      out.push(span(tokens[from]!, next));
    }
  }
  return out;
};

/**
 * A meeting that is planned: "looking forward to the interview with you", "I look forward to
 * meeting you on Friday", "see you Tuesday". Looking forward to connecting is not one.
 */
export const plannedMeeting: Detector = (ctx, params) => {
  const meetings = wordSet(ctx.vocabulary, listParam(params, "nouns", "meeting-nouns"), ctx.lang);
  const times = wordSet(ctx.vocabulary, "time-words", ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i + 2 < tokens.length; i++) {
      const t = tokens[i]!;
      if (
        (t.norm === "forward" && tokens[i + 1]!.norm === "to") ||
        (t.norm === "see" && tokens[i + 1]!.norm === "you")
      ) {
        const rest = tokens.slice(i + 2, i + 6).filter((x) => !x.first);
        const hit = rest.find((x) => meetings.has(x.norm) || times.has(x.norm) || x.norm === "there" || x.tag === "CD");
        if (hit) out.push(span(t, hit));
      }
    }
  }
  return out;
};

/**
 * A shared memory: "remember the Black Friday at Geek Squad?", "back in 2012", "it's been
 * forever since the night shifts", "I still have the pipette you lent me", "ti ricordi".
 */
export const sharedMemory: Detector = (ctx, params) => {
  const words = wordSet(ctx.vocabulary, listParam(params, "words", "memory-words"), ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const next = tokens[i + 1];
      if (
        words.has(t.norm) &&
        next &&
        !next.first &&
        (next.tag === "D" || next.tag === "PRP$" || next.norm === "when" || next.norm === "me" || next.tag === "PRP")
      ) {
        out.push(span(t, next));
      } else if (t.norm === "back" && next && (next.norm === "in" || next.norm === "when") && !next.first)
        out.push(span(t, next));
      else if (
        t.norm === "since" &&
        next &&
        (next.norm === "our" || next.norm === "the" || next.norm === "we") &&
        tokens.slice(Math.max(0, i - 5), i).some((x) => x.norm === "been" || x.norm === "it's")
      ) {
        out.push(span(t, next));
      } else if (t.norm === "still" && next && (next.tag === "V" || next.tag === "VG") && tokens[i - 1]?.norm === "i")
        out.push(span(tokens[i - 1]!, next));
    }
  }
  return out;
};

/**
 * Something the sender did with a named thing or with the recipient, told in the past: "Played
 * Lanternfall with my daughter all weekend", "Ran into you in the coffee line at the AAN
 * meeting", "I bought one of your boards at the Asheville craft fair". Seeing and coming
 * across (what anyone does with a profile) are left out.
 */
export const senderDid: Detector = (ctx, params) => {
  const statives = wordSet(ctx.vocabulary, "stative-verbs", ctx.lang);
  const observing = wordSet(ctx.vocabulary, "observation-verbs", ctx.lang);
  const skip = wordSet(ctx.vocabulary, listParam(params, "except", "browsing-verbs"), ctx.lang);
  const common = wordSet(ctx.vocabulary, "common-capitalized", ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const subject = t.norm === "i" || t.norm === "we" || t.norm === "i've" || t.norm === "we've";
      let verb = subject ? tokens[i + 1] : t.first ? t : undefined;
      // "Been using Tandoor since spring", "I've been playing your game": an ongoing use counts too.
      if (verb?.norm === "been" && tokens[tokens.indexOf(verb) + 1]?.tag === "VG")
        verb = tokens[tokens.indexOf(verb) + 1];
      const ongoing = verb?.tag === "VG" && tokens[tokens.indexOf(verb) - 1]?.norm === "been";
      if (
        !verb ||
        (verb.tag !== "VD" && !ongoing) ||
        statives.has(verb.norm) ||
        observing.has(verb.norm) ||
        skip.has(verb.norm) ||
        (subject && verb.first)
      )
        continue;
      const k = tokens.indexOf(verb);
      const clause = clauseOf(tokens, k).filter((x) => x.start > verb.start);
      const object = clause.find((x) => x.norm === "you" || x.norm === "your" || namesSomething(ctx, x, common));
      if (object) out.push(span(subject ? t : verb, object));
    }
  }
  return out;
};
