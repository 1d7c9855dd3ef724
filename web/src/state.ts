// The page's whole state in the URL fragment (#text=...&to=...): a link reproduces a report,
// and a fragment is never sent to a server.
import type { LintOptions } from "./engine.js";

export interface PageState {
  text: string;
  to: string;
  company: string;
  context: string;
  account: "premium" | "free";
  template: boolean;
  /** A language code, or "auto". */
  lang: string;
}

export const DEFAULT_STATE: PageState = {
  text: "",
  to: "",
  company: "",
  context: "",
  account: "premium",
  template: false,
  lang: "auto",
};

/** Reads a fragment ("#text=..." or ""); unknown keys and values out of range fall back to defaults. */
export function parseFragment(hash: string, languages: readonly string[]): PageState {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const lang = p.get("lang") ?? "auto";
  return {
    text: p.get("text") ?? "",
    to: p.get("to") ?? "",
    company: p.get("company") ?? "",
    context: p.get("context") ?? "",
    account: p.get("account") === "free" ? "free" : "premium",
    template: p.get("template") === "1",
    lang: languages.includes(lang) ? lang : "auto",
  };
}

/** The fragment for a state; defaults are left out so links stay short. */
export function toFragment(s: PageState): string {
  const p = new URLSearchParams();
  if (s.text) p.set("text", s.text);
  if (s.to) p.set("to", s.to);
  if (s.company) p.set("company", s.company);
  if (s.context) p.set("context", s.context);
  if (s.account !== "premium") p.set("account", s.account);
  if (s.template) p.set("template", "1");
  if (s.lang !== "auto") p.set("lang", s.lang);
  const q = p.toString();
  return q ? `#${q}` : "";
}

/** The engine options for a state. */
export function lintOptions(s: PageState): LintOptions {
  const o: LintOptions = { account: s.account, template: s.template };
  if (s.to.trim()) o.to = s.to.trim();
  if (s.company.trim()) o.company = s.company.trim();
  if (s.context.trim()) o.context = s.context.trim();
  if (s.lang !== "auto") o.lang = s.lang;
  return o;
}
