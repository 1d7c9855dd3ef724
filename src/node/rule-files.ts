import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { SourceFile } from "../ruleset/load.js";
import { MAX_DATA_FILE_BYTES } from "../ruleset/yaml-source.js";
import { RuleFileError } from "../ruleset/validate.js";

/** Reads every rule file (.yaml, .yml, .json, and .tsv lexicons) below a folder, sorted by path. */
export function readRuleFiles(
  dir: string,
  display: (p: string) => string = (p) => relative(process.cwd(), p) || p,
): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 8) return;
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (entry.isFile() && /\.(ya?ml|json|tsv)$/i.test(entry.name)) {
        if (statSync(full).size > MAX_DATA_FILE_BYTES) {
          throw new RuleFileError([
            {
              file: display(full),
              line: 1,
              column: 1,
              message: `rule file is larger than ${MAX_DATA_FILE_BYTES} bytes`,
            },
          ]);
        }
        out.push({ path: display(full), text: readFileSync(full, "utf8") });
      }
    }
  };
  walk(dir, 0);
  return out;
}
