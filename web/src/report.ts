// "This verdict is wrong": a report the user copies into an issue by hand. Nothing is sent.
import { VERSION, type Result } from "./engine.js";
import type { PageState } from "./state.js";

/** The note, the options, the version and the result JSON, ready to paste. */
export function verdictReport(state: PageState, result: Result, fragment: string): string {
  const { text, ...options } = state;
  return [
    `### invite-lint ${VERSION}: this verdict looks wrong`,
    "",
    "What I expected instead: <!-- a sentence -->",
    "",
    "Note:",
    "```text",
    text,
    "```",
    "",
    `Options: \`${JSON.stringify(options)}\``,
    "",
    `Score: ${result.score}/100 ${result.grade}, ${result.passed ? "passes" : "fails"}`,
    "",
    "<details><summary>Result JSON</summary>",
    "",
    "```json",
    JSON.stringify(result, null, 2),
    "```",
    "",
    "</details>",
    "",
    // The fragment alone: a file:// address would also show where the page sits on this computer.
    `Link fragment (paste it after the page's address): ${fragment}`,
    "",
  ].join("\n");
}
