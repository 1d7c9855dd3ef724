import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node } from "yaml";
import { RuleFileError, type Locate, type Problem } from "./validate.js";

/** Config and rule files are small; anything bigger is refused before parsing. */
export const MAX_DATA_FILE_BYTES = 1024 * 1024;
const MAX_DEPTH = 64;
const MAX_ALIASES = 100;

export interface ParsedData {
  data: unknown;
  locate: Locate;
}

/**
 * Parses YAML (or JSON, which is YAML) with positions, refusing what could blow up:
 * alias bombs, deep nesting, custom tags, duplicate keys, oversize files.
 */
export function parseDataFile(text: string, file: string): ParsedData {
  const fail = (line: number, column: number, message: string): never => {
    throw new RuleFileError([{ file, line, column, message }]);
  };
  if (text.length > MAX_DATA_FILE_BYTES) fail(1, 1, `file is larger than ${MAX_DATA_FILE_BYTES} bytes`);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    schema: "core",
    customTags: [],
  });
  const pos = (offset: number) => lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
  const problems: Problem[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const p = pos(e.pos[0]);
    problems.push({ file, line: p.line, column: p.col, message: e.message.split("\n")[0] ?? "invalid YAML" });
  }
  if (problems.length) throw new RuleFileError(problems);
  const depth = maxDepth(doc.contents as Node | null, 0);
  if (depth > MAX_DEPTH) fail(1, 1, `document is nested more than ${MAX_DEPTH} levels deep`);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    fail(1, 1, `cannot read document: ${(error as Error).message.split("\n")[0]}`);
  }
  const locate: Locate = (path, key = false) => {
    let node: unknown = doc.contents;
    let best = node;
    let keyNode: unknown;
    for (const step of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof step === "number") {
        node = node.items[step];
      } else break;
      if (node && typeof node === "object" && "range" in node) best = node;
      else if (keyNode) best = keyNode;
    }
    const target = (key && keyNode ? keyNode : best) as { range?: [number, number, number] } | null;
    const p = pos(target?.range?.[0] ?? 0);
    return { line: p.line, column: p.col };
  };
  return { data, locate };
}

function maxDepth(node: Node | null | undefined, d: number): number {
  if (d > MAX_DEPTH) return d;
  let deepest = d;
  if (isMap(node)) for (const p of node.items) deepest = Math.max(deepest, maxDepth(p.value as Node, d + 1));
  else if (isSeq(node)) for (const n of node.items) deepest = Math.max(deepest, maxDepth(n as Node, d + 1));
  return deepest;
}
