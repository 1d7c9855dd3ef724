// The extension's settings, kept in chrome.storage.sync so they follow the user's browser
// profile: the account (which sets the character limit), the pass mark, rules turned off and
// the language.
import type { LintOptions } from "../../web/src/engine.js";

export interface Settings {
  account: "premium" | "free";
  minScore: number;
  /** Rule or check ids turned off. */
  rulesOff: string[];
  /** A language code, or "auto". */
  lang: string;
}

export const DEFAULTS: Settings = { account: "premium", minScore: 70, rulesOff: [], lang: "auto" };

/** Settings from storage, with anything missing or malformed at its default. */
export function readSettings(raw: Record<string, unknown>): Settings {
  const minScore = Number(raw.minScore);
  return {
    account: raw.account === "free" ? "free" : "premium",
    minScore: Number.isInteger(minScore) && minScore >= 0 && minScore <= 100 ? minScore : DEFAULTS.minScore,
    rulesOff: Array.isArray(raw.rulesOff) ? raw.rulesOff.filter((x): x is string => typeof x === "string") : [],
    lang: typeof raw.lang === "string" && raw.lang ? raw.lang : "auto",
  };
}

export async function loadSettings(): Promise<Settings> {
  return readSettings(await chrome.storage.sync.get(null));
}

export function saveSettings(s: Settings): Promise<void> {
  return chrome.storage.sync.set({ ...s });
}

/** Calls back with the new settings whenever the options page saves. */
export function onSettingsChange(callback: (s: Settings) => void): void {
  chrome.storage.onChanged.addListener((_changes, area) => {
    if (area === "sync") void loadSettings().then(callback);
  });
}

/**
 * The engine options for a note addressed to `to`. Ids the engine no longer knows (a rule
 * renamed since they were saved) are dropped: the engine would refuse them.
 */
export function lintOptionsFor(s: Settings, to: string | undefined, known: ReadonlySet<string>): LintOptions {
  const o: LintOptions = { account: s.account, minScore: s.minScore };
  if (to) o.to = to;
  if (s.lang !== "auto") o.lang = s.lang;
  const off = s.rulesOff.filter((id) => known.has(id));
  if (off.length) o.settings = Object.fromEntries(off.map((id) => [id, "off" as const]));
  return o;
}
