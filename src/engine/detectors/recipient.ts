/**
 * Detectors for what a note says about the recipient: something of theirs ("your RustConf
 * talk", "the dashboard you shared"), something they did ("you filed issue 412"), an occasion
 * of theirs ("you're speaking at PyCon"), or only their profile ("your background", "you're a
 * data engineer at X").
 */
import type { Detector, NoteContext, Span, Token } from "../context.js";
import { wordSet } from "../context.js";
import {
  clauseOf,
  isAddressOrSignature,
  joined,
  listParam,
  namesSomething,
  negated,
  phraseAt,
  singular,
  span,
  type Phrase,
} from "./phrases.js";

const BE = new Set(["are", "were", "was", "is", "be", "been", "'re", "am"]);
const HAVE = new Set(["have", "has", "had", "'ve"]);

/** The phrase after a possessive ("your", "your team's"), with its complement ("on feature flags"). */
function possessed(
  ctx: NoteContext,
  tokens: Token[],
  i: number,
  possessives: Set<string>,
  praise?: Set<string>,
): { phrase: Phrase; end: number; complement?: Phrase } | undefined {
  // "Great RustConf talk, Tom!": praise opening a clause stands for "your".
  const elliptic = praise !== undefined && tokens[i]!.first && praise.has(tokens[i]!.norm);
  if (!possessives.has(tokens[i]!.norm) && !elliptic) return undefined;
  let j = i + 1;
  // "your team's post", "your company's launch": the thing is still theirs.
  if (j + 1 < tokens.length && tokens[j]!.norm.endsWith("'s") && joined(ctx, tokens[i]!, tokens[j]!)) j++;
  const phrase = phraseAt(ctx, tokens, j);
  if (!phrase) return undefined;
  const after = tokens.indexOf(phrase.head) + 1;
  const prep = tokens[after];
  let complement: Phrase | undefined;
  if (prep && prep.tag === "P" && joined(ctx, phrase.head, prep) && prep.norm !== "to")
    complement = phraseAt(ctx, tokens, after + 1, true);
  return { phrase, end: complement?.end ?? phrase.end, complement };
}

/** A complement that names something (not "in marketing", "at your company"); after a profile noun only a topic counts ("your work on X", not "your work at Google"). */
function specificComplement(
  ctx: NoteContext,
  c: Phrase | undefined,
  prep: string | undefined,
  broad: Set<string>,
  profile = false,
): boolean {
  if (!c) return false;
  // A template's "[specific area]" is a specific, whatever it follows.
  if (c.tokens.some((t) => t.slot?.role === "specific")) return true;
  if (prep === "at" || prep === "in" || prep === "with" || prep === "from")
    return !profile && c.named && !c.tokens.every((t) => isAddressOrSignature(ctx, t));
  const words = c.tokens.map((t) => t.norm).join(" ");
  return !broad.has(words) && !broad.has(singular(c.head.norm));
}

/**
 * Something of the recipient's: a possessive and a noun phrase whose head is not a profile
 * noun. `specific: true` asks for a name, a number, a quoted title or a topic in it, or a name
 * or time in its clause ("your RustConf talk", "your talk on feature flags", "your advice at
 * the Burlington career fair"); `profile: true` asks for the opposite, a profile noun ("your
 * background", "your journey"), which says nothing only they would know; `heads` names a list
 * the head must be in ("your comment", "your birthday message": what they sent the sender).
 */
export const theirThing: Detector = (ctx, params) => {
  const possessives = wordSet(ctx.vocabulary, listParam(params, "possessives", "second-possessive"), ctx.lang);
  const profile = wordSet(ctx.vocabulary, listParam(params, "profileNouns", "profile-nouns"), ctx.lang);
  const broad = wordSet(ctx.vocabulary, "broad-fields", ctx.lang);
  const common = wordSet(ctx.vocabulary, "common-capitalized", ctx.lang);
  const times = wordSet(ctx.vocabulary, "time-words", ctx.lang);
  const heads = typeof params.heads === "string" ? wordSet(ctx.vocabulary, params.heads, ctx.lang) : undefined;
  const vague = wordSet(ctx.vocabulary, listParam(params, "vagueNouns", "vague-nouns"), ctx.lang);
  const asking = wordSet(ctx.vocabulary, listParam(params, "askVerbs", "ask-verbs"), ctx.lang);
  const praise = wordSet(ctx.vocabulary, "praise-adjectives", ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i < tokens.length; i++) {
      const found = possessed(ctx, tokens, i, possessives, params.profile === true || heads ? undefined : praise);
      if (!found) continue;
      const { phrase, complement } = found;
      // Praise alone is not a reference: "Great stuff!" is not; "Great RustConf talk" is, when the phrase names something.
      if (!possessives.has(tokens[i]!.norm) && !phrase.named && !complement) continue;
      // "share your notes", "want your guidance": what is asked for is not a reason to write.
      if (tokens.slice(Math.max(0, i - 3), i).some((x) => asking.has(x.norm))) {
        i = tokens.indexOf(phrase.head);
        continue;
      }
      const prep = tokens[tokens.indexOf(phrase.head) + 1]?.norm;
      const head = singular(phrase.head.norm);
      // Praise without a name makes a career of anything: "your impressive transition to CTO".
      const flattered = phrase.tokens.some((x) => praise.has(x.norm)) && !phrase.named;
      const isProfile = profile.has(head) || profile.has(phrase.head.norm) || flattered;
      const isVague = vague.has(head) || vague.has(phrase.head.norm);
      const inClause = clauseOf(tokens, i).some(
        (t) =>
          (t.start < tokens[i]!.start || t.end > found.end) && (namesSomething(ctx, t, common) || times.has(t.norm)),
      );
      const specific =
        phrase.named || specificComplement(ctx, complement, prep, broad, isProfile) || (inClause && !isProfile);
      let hit: boolean;
      if (heads) hit = heads.has(head) || heads.has(phrase.head.norm);
      else if (params.profile === true) hit = isProfile && !specific;
      else if (params.specific === true)
        hit = specific && !(isProfile && !complement) && !(isVague && !phrase.named && !complement);
      else hit = !isProfile && !isVague;
      if (hit) out.push({ start: tokens[i]!.start, end: found.end });
      i = tokens.indexOf(phrase.head);
    }
  }
  return out;
};

/** Verbs that say what someone is, not what they did ("you're", "you work"). */
function stative(t: Token | undefined, statives: Set<string>): boolean {
  return t !== undefined && (BE.has(t.norm) || HAVE.has(t.norm) || statives.has(t.norm));
}

/**
 * Something the recipient did: "you" and a past verb ("you filed", "you told me", "you
 * were on the panel"). Being or having ("you've been at X for years") is not an act.
 */
const TO_SENDER = new Set(["my", "me"]);
export const theirAct: Detector = (ctx, params) => {
  const statives = wordSet(ctx.vocabulary, listParam(params, "statives", "stative-verbs"), ctx.lang);
  const observing = wordSet(ctx.vocabulary, "observation-verbs", ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.norm !== "you" && t.norm !== "you've" && t.norm !== "u") continue;
      // "how you got there", "what you did": a question about their career, not an occasion.
      if (i > 0 && ["how", "what", "why", "whether", "if"].includes(tokens[i - 1]!.norm)) continue;
      // "I see you attended the webinar", "saw you starred a few repos": read off their activity,
      // not something the two were part of. `observed: true` finds only those.
      let seen = tokens.slice(Math.max(0, i - 2), i).some((x) => observing.has(x.norm));
      let j = i + 1;
      while (tokens[j]?.tag === "R" && j < i + 3) j++;
      // The perfect says what they have achieved ("you have achieved a lot", "you've built an
      // amazing community"): career flattery, not an occasion. "You had told me" is one.
      if (t.norm === "you've" || tokens[j]?.norm === "have" || tokens[j]?.norm === "has") continue;
      if (tokens[j]?.norm === "had") j++;
      const verb = tokens[j];
      if (!verb || negated(tokens, j)) continue;
      // Seen, but done to the sender ("saw you commented on my post", "I see you reviewed my PR"):
      // something between the two, as "you told me" is.
      if (seen && tokens.slice(j + 1, j + 5).some((x) => TO_SENDER.has(x.norm) && !x.first)) seen = false;
      if (seen !== (params.observed === true)) continue;
      if (verb.norm === "were" || verb.norm === "was") {
        // "you were my first manager", "you were on the panel": a role or occasion they had.
        const next = tokens[j + 1];
        if (next && (next.tag === "PRP$" || next.tag === "P" || next.tag === "D") && !stative(tokens[j + 2], statives))
          out.push(span(t, next));
        continue;
      }
      if (verb.tag === "VD" && !stative(verb, statives) && verb.norm !== "been") out.push(span(t, verb));
    }
  }
  return out;
};

/** A thing the recipient made or did, named by what they did: "the dashboard you shared", "the tip you gave me". */
export const thingTheyDid: Detector = (ctx) => {
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 1; i + 1 < tokens.length; i++) {
      const you = tokens[i]!;
      // "the dashboard you shared", "the demo your team did"
      const team =
        you.norm === "your" &&
        ["team", "company", "group", "lab", "org", "organization", "organisation"].includes(
          tokens[i + 1]?.norm ?? "",
        ) &&
        i + 2 < tokens.length;
      if (you.norm !== "you" && !team) continue;
      let k = i - 1;
      if (tokens[k]!.norm === "that" || tokens[k]!.norm === "which") k--;
      const noun = tokens[k];
      const verb = tokens[team ? i + 2 : i + 1]!;
      if (
        !noun ||
        (noun.tag !== "N" && noun.tag !== "NP") ||
        verb.tag !== "VD" ||
        BE.has(verb.norm) ||
        verb.norm === "been" ||
        isAddressOrSignature(ctx, noun)
      )
        continue;
      let s = k;
      while (
        s > 0 &&
        ["J", "N", "NP", "CD", "D", "PRP$"].includes(tokens[s - 1]!.tag) &&
        joined(ctx, tokens[s - 1]!, tokens[s]!)
      )
        s--;
      out.push(span(tokens[s]!, verb));
    }
  }
  return out;
};

/**
 * An occasion of the recipient's, now or coming: "you're speaking at PyCon", "you just
 * joined Epic", "congrats on the launch". Verbs of occasion come from `occasion-verbs`.
 */
export const theirOccasion: Detector = (ctx, params) => {
  const verbs = wordSet(ctx.vocabulary, listParam(params, "verbs", "occasion-verbs"), ctx.lang);
  const news = wordSet(ctx.vocabulary, "congratulations", ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (news.has(t.norm)) {
        const on = tokens[i + 1];
        if (on && (on.norm === "on" || on.norm === "to" || on.norm === "for")) {
          // "congrats on the launch", "congrats on launching Notion Calendar"
          let k = i + 2;
          if (tokens[k]?.tag === "VG") k++;
          const p = phraseAt(ctx, tokens, k);
          const end = p?.end ?? tokens[k - 1]?.end;
          if ((end !== undefined && k > i + 2) || p) {
            if (params.specific !== true || p?.named) out.push({ start: t.start, end: end! });
          }
        }
        continue;
      }
      if (params.specific === true) continue;
      if (!["you", "you're", "you'll", "you've", "youre", "your team", "u"].includes(t.norm)) continue;
      for (let j = i + 1; j < Math.min(tokens.length, i + 5); j++) {
        const w = tokens[j]!;
        if (w.first) break;
        if (verbs.has(w.norm) && !negated(tokens, j)) {
          out.push(span(t, w));
          break;
        }
        if (!["R", "MD", "V", "VD"].includes(w.tag) && !BE.has(w.norm)) break;
      }
    }
  }
  return out;
};

/**
 * Only a profile fact as the reason: "you're a passionate React developer at Shopify", "I see
 * you work at Apple", "you lead sales at X": what anyone can read on their profile.
 */
export const theirRole: Detector = (ctx, params) => {
  const roles = wordSet(ctx.vocabulary, listParam(params, "verbs", "role-verbs"), ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i + 1 < tokens.length; i++) {
      const t = tokens[i]!;
      const next = tokens[i + 1]!;
      let j: number;
      if (t.norm === "you're" || t.norm === "youre") j = i + 1;
      else if (t.norm === "you" && next.norm === "are") j = i + 2;
      else if (t.norm === "you" && roles.has(next.norm)) {
        out.push(span(t, next));
        continue;
      } else continue;
      while (tokens[j]?.tag === "R") j++;
      const w = tokens[j];
      if (!w) continue;
      if (w.norm === "a" || w.norm === "an" || w.norm === "the") {
        const p = phraseAt(ctx, tokens, j);
        if (p && p.head.tag === "N") out.push({ start: t.start, end: p.end });
      } else if (roles.has(w.norm)) out.push(span(t, w));
    }
  }
  return out;
};

/** The recipient named mid-note, not only in the greeting ("Congrats on the new role, Eileen!"). */
export const recipientAddressed: Detector = (ctx) => {
  const out: Span[] = [];
  for (const t of ctx.tokens) {
    if (t.tag !== "NP" || !isAddressOrSignature(ctx, t)) continue;
    const g = ctx.greeting?.name;
    const s = ctx.signature;
    if ((g && t.start >= g.start && t.end <= g.end) || (s && t.start >= s.start && t.end <= s.end)) continue;
    if (t.slot && t.slot.role !== "name") continue;
    out.push({ start: t.start, end: t.end });
  }
  return out;
};

/**
 * The sender saw or heard the recipient somewhere: "listened to you on Lenny's Podcast", "saw
 * you speak at PyCon", "heard you at the panel". An engagement verb, then "you", then where.
 */
export const sawThem: Detector = (ctx, params) => {
  const verbs = wordSet(ctx.vocabulary, listParam(params, "verbs", "engagement-verbs"), ctx.lang);
  const performing = wordSet(ctx.vocabulary, listParam(params, "performing", "performing-verbs"), ctx.lang);
  const out: Span[] = [];
  for (const tokens of ctx.sentenceTokens) {
    for (let i = 0; i + 2 < tokens.length; i++) {
      const t = tokens[i]!;
      if (!verbs.has(t.norm)) continue;
      let j = i + 1;
      if (tokens[j]!.norm === "to") j++;
      if (tokens[j]?.norm !== "you") continue;
      // Where they were seen ("on the Changelog", "at PyCon") or what they did there ("speak",
      // "talking"); "noticed you work at Apple" reads their profile, not them.
      const where = tokens[j + 1];
      if (
        where &&
        !where.first &&
        ((where.tag === "P" && ["at", "on", "in", "during"].includes(where.norm)) || performing.has(where.norm))
      )
        out.push(span(t, where));
    }
  }
  return out;
};
