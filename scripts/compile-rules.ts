// Compiles rules/*.yaml into the JSON the engine loads, validating every file.
import { createHash } from "node:crypto";
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadRuleSet } from "../src/ruleset/load.js";
import { readRuleFiles } from "../src/node/rule-files.js";
import { RuleFileError } from "../src/ruleset/validate.js";

const root = process.argv[2] ?? process.cwd();
const out = join(root, "src/generated/rules.json");
try {
  const data = loadRuleSet(readRuleFiles(join(root, "rules")));
  mkdirSync(dirname(out), { recursive: true });
  // The digest keys --cache entries: any change of a rule, weight or lexicon invalidates them.
  const digest = createHash("sha1").update(JSON.stringify(data)).digest("hex");
  writeFileSync(out, JSON.stringify({ ...data, digest }));
  console.log(`rules: ${data.rules.length} rules compiled to ${out}`);
} catch (error) {
  if (error instanceof RuleFileError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
