// Runs the engine's properties with many more cases than the test suite.
// Usage: npm run fuzz [-- CASES]   (default 100000 in all)
import fc from "fast-check";
import { properties } from "../test/properties.js";

const total = Number(process.argv[2] ?? 100_000);
const shares = { wellFormed: 0.6, jsonParses: 0.2, deterministic: 0.2 } as const;
let ran = 0;
const started = Date.now();
for (const [name, share] of Object.entries(shares)) {
  const numRuns = Math.round(total * share);
  const t = Date.now();
  fc.assert(properties[name as keyof typeof properties] as fc.IRawProperty<unknown[]>, { numRuns });
  ran += numRuns;
  console.log(`${name}: ${numRuns} cases passed in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
console.log(`fuzz: ${ran} cases, all properties held (${((Date.now() - started) / 1000).toFixed(1)} s)`);
