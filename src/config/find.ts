import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const CONFIG_NAMES = [".invite-lintrc.yaml", ".invite-lintrc.yml", ".invite-lintrc.json", "package.json"];

/** The nearest config file from `dir` upward, or undefined; `cache` remembers folders already searched. */
export function findConfig(dir: string, cache = new Map<string, string | undefined>()): string | undefined {
  if (cache.has(dir)) return cache.get(dir);
  let found: string | undefined;
  for (const name of CONFIG_NAMES) {
    const p = join(dir, name);
    if (!existsSync(p)) continue;
    if (name === "package.json" && !packageHasConfig(p)) continue;
    found = p;
    break;
  }
  const parent = dirname(dir);
  if (!found && parent !== dir) found = findConfig(parent, cache);
  cache.set(dir, found);
  return found;
}

function packageHasConfig(path: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    return typeof pkg === "object" && pkg !== null && "invite-lint" in pkg;
  } catch {
    return false;
  }
}
