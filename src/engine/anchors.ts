/**
 * Required literals of a regular expression: strings of which every match must contain at
 * least one. A note that contains none of them cannot match, so the regex is not run at all;
 * most notes then touch only a few of the rules' patterns. Returns undefined when no useful
 * set can be found (the pattern always runs).
 */
export function requiredLiterals(source: string): string[] | undefined {
  return requiredLiteralSets(source)?.[0];
}

/**
 * All the literal sets a match needs: it contains at least one string of every set. A pattern
 * with one branch can give several (`(?:read|saw) your (?:post|talk)` needs one of read/saw,
 * " your " and one of post/talk); the most selective set comes first.
 */
export function requiredLiteralSets(source: string): string[][] | undefined {
  try {
    const branches = splitTop(source);
    if (branches.length === 1) {
      const sets = runsOfSequence(branches[0]!);
      return sets.length ? sets : undefined;
    }
    const best = branches.map((b) => runsOfSequence(b)[0]);
    if (best.some((s) => s === undefined)) return undefined;
    const all = [...new Set(best.flat() as string[])];
    return all.length ? [all] : undefined;
  } catch {
    return undefined;
  }
}

interface Atom {
  /** Literal alternatives this atom matches exactly (one string for a plain character). */
  alts?: string[];
  /** 0 when the atom is optional. */
  min: number;
  /** Repeated (`+`, `{2,}`): a literal run ends after it. */
  repeat?: boolean;
}

const MAX_ALTS = 64;

/** Splits at top-level `|`. */
function splitTop(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "[") {
      i = skipClass(src, i);
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return out;
}

function skipClass(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === "^") j++;
  if (src[j] === "]") j++;
  for (; j < src.length; j++) {
    if (src[j] === "\\") j++;
    else if (src[j] === "]") return j;
  }
  throw new Error("unclosed class");
}

function closeParen(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === "\\") j++;
    else if (c === "[") j = skipClass(src, j);
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return j;
  }
  throw new Error("unclosed group");
}

/** Parses a branch into atoms with their minimum counts. */
function atoms(src: string): Atom[] {
  const out: Atom[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    let atom: Atom;
    if (c === "\\") {
      const n = src[i + 1] ?? "";
      if (/[pPu]/.test(n) && src[i + 2] === "{") {
        i = src.indexOf("}", i) + 1;
        atom = { min: 1 };
      } else if (/[.*+?^${}()|[\]\\/\-'"]/.test(n)) {
        atom = { alts: [n], min: 1 };
        i += 2;
      } else {
        atom = { min: 1 };
        i += 2;
        if (n === "u" || n === "x") i += n === "u" ? 4 : 2;
      }
    } else if (c === "[") {
      i = skipClass(src, i) + 1;
      atom = { min: 1 };
    } else if (c === "(") {
      const end = closeParen(src, i);
      let inner = src.slice(i + 1, end);
      i = end + 1;
      if (inner.startsWith("?:")) inner = inner.slice(2);
      else if (/^\?[=!<]/.test(inner)) {
        // Lookarounds match nothing themselves.
        atom = { alts: [""], min: 1 };
        out.push(atom);
        continue;
      } else if (inner.startsWith("?<")) inner = inner.slice(inner.indexOf(">") + 1);
      atom = { alts: literalAlternatives(inner), min: 1 };
    } else if (c === "^" || c === "$") {
      i++;
      continue;
    } else if (c === ".") {
      atom = { min: 1 };
      i++;
    } else {
      atom = { alts: [c], min: 1 };
      i++;
    }
    // Quantifier. `?` and `*` make the atom optional; `+` and `{m,n}` repeat it, so a literal
    // run may include it but not continue past it.
    const q = src[i];
    if (q === "?" || q === "*") {
      atom.min = 0;
      i++;
    } else if (q === "+") {
      atom.repeat = true;
      i++;
    } else if (q === "{") {
      const m = /^\{(\d+)(,\d*)?\}/.exec(src.slice(i));
      if (m) {
        const min = Number(m[1]);
        const exact = m[2] === undefined || m[2] === `,${min}`;
        if (min === 0) atom.min = 0;
        else {
          // `!{2,}` needs "!!": the atom's literal, min times.
          if (min > 1 && atom.alts) atom.alts = atom.alts.map((a) => a.repeat(min));
          if (!exact) atom.repeat = true;
        }
        i += m[0].length;
      }
    }
    if (src[i] === "?") i++;
    out.push(atom);
  }
  return out;
}

/** The literal strings a group matches, when it is an alternation of literals. */
function literalAlternatives(inner: string): string[] | undefined {
  const branches = splitTop(inner);
  const out: string[] = [];
  for (const b of branches) {
    const seq = atoms(b);
    const expanded = expand(seq);
    if (!expanded) return undefined;
    out.push(...expanded);
    if (out.length > MAX_ALTS) return undefined;
  }
  return out;
}

/** All strings a sequence of literal atoms matches, or undefined when it is not literal. */
function expand(seq: Atom[]): string[] | undefined {
  let acc = [""];
  for (const a of seq) {
    if (!a.alts || a.repeat) return undefined;
    const options = a.min === 0 ? ["", ...a.alts] : a.alts;
    const next: string[] = [];
    for (const x of acc) for (const y of options) next.push(x + y);
    if (next.length > MAX_ALTS) return undefined;
    acc = next;
  }
  return acc;
}

/**
 * A literal worth checking for before running a regex: two or more characters besides
 * spaces, a run of one repeated character ("!!", two spaces), or one character that
 * notes seldom hold (a brace or bracket of a merge field).
 */
function selective(literal: string): boolean {
  return literal.trim().length >= 2 || /^(.)\1+$/su.test(literal) || /^[{}[\]<>#@*_~|\\^]$/.test(literal);
}

/** The required literal runs of a branch, most selective first (shortest member, longest first). */
function runsOfSequence(branch: string): string[][] {
  const seq = atoms(branch);
  const runs: string[][] = [];
  let run: string[] = [""];
  const close = () => {
    const uniq = [...new Set(run)];
    if (uniq.length <= MAX_ALTS && uniq.every(selective)) runs.push(uniq);
    run = [""];
  };
  for (const a of seq) {
    if (a.alts && a.min >= 1) {
      const next: string[] = [];
      for (const x of run) for (const y of a.alts) next.push(x + y);
      if (next.length > MAX_ALTS) {
        close();
        run = [...new Set(a.alts)];
      } else run = next;
      if (a.repeat) close();
    } else close();
  }
  close();
  const score = (set: string[]) => Math.min(...set.map((x) => x.trim().length));
  return runs.sort((x, y) => score(y) - score(x));
}
