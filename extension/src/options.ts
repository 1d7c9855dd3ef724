// The options page: account, pass mark, language and rules, saved to chrome.storage.sync as
// soon as they change.
import { builtinRules } from "../../src/builtin.js";
import { loadSettings, saveSettings, type Settings } from "./settings.js";

const form = document.getElementById("options") as HTMLFormElement;
const minScore = document.getElementById("minScore") as HTMLInputElement;
const lang = document.getElementById("lang") as HTMLSelectElement;
const rulesBox = document.getElementById("rules") as HTMLFieldSetElement;
const saved = document.getElementById("saved") as HTMLParagraphElement;

/** One checkbox per rule that reports findings (cue rules only add credit), grouped by check. */
function ruleCheckboxes(off: ReadonlySet<string>): void {
  for (const check of builtinRules.scoring.checks) {
    const group = document.createElement("div");
    group.className = "check-group";
    const heading = document.createElement("h2");
    heading.textContent = `${check.id}: ${check.description}`;
    group.append(heading);
    for (const rule of builtinRules.rules.filter((r) => r.check === check.id && r.kind !== "cue")) {
      const label = document.createElement("label");
      label.className = "rule";
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = "rule";
      box.value = rule.id;
      box.checked = !off.has(rule.id);
      const id = document.createElement("code");
      id.textContent = rule.id;
      label.append(box, " ", id, ` ${rule.description}`);
      group.append(label);
    }
    rulesBox.append(group);
  }
}

function show(s: Settings): void {
  (document.getElementById(s.account) as HTMLInputElement).checked = true;
  minScore.value = String(s.minScore);
  lang.value = s.lang;
  ruleCheckboxes(new Set(s.rulesOff));
}

function read(): Settings {
  const account =
    (form.querySelector("input[name=account]:checked") as HTMLInputElement | null)?.value === "free"
      ? "free"
      : "premium";
  const score = Math.round(Number(minScore.value));
  return {
    account,
    minScore: Number.isFinite(score) ? Math.max(0, Math.min(100, score)) : 70,
    lang: lang.value,
    rulesOff: [...form.querySelectorAll<HTMLInputElement>("input[name=rule]")]
      .filter((b) => !b.checked)
      .map((b) => b.value),
  };
}

for (const [code, language] of Object.entries(builtinRules.languages))
  lang.append(new Option(`${language.name} (${code})`, code));
void loadSettings().then((s) => {
  show(s);
  form.addEventListener("change", () => {
    void saveSettings(read()).then(() => (saved.textContent = "✔ Saved"));
  });
});
