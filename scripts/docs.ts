// Writes docs/rules.md from the built-in rules.
import { writeFileSync } from "node:fs";
import { builtinRules } from "../src/builtin.js";
import { rulesMarkdown } from "../src/ruleset/docs.js";

writeFileSync("docs/rules.md", rulesMarkdown(builtinRules));
console.log("docs/rules.md written");
