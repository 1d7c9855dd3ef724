// A table per built-in rule (test/helpers.ts: ruleTable), grouped by check.
import type { RuleTable } from "../../helpers.js";
import { CONTEXT } from "./context.js";
import { GENERIC } from "./generic.js";
import { LENGTH } from "./length.js";
import { PERSONALIZATION } from "./personalization.js";
import { READABILITY } from "./readability.js";
import { TONE } from "./tone.js";
import { VALUE } from "./value.js";

export const TABLES: RuleTable[] = [
  ...GENERIC,
  ...PERSONALIZATION,
  ...CONTEXT,
  ...VALUE,
  ...TONE,
  ...LENGTH,
  ...READABILITY,
];
