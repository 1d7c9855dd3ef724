import { Chalk } from "chalk";
import type { Paint } from "./paint.js";

/** Terminal colours through chalk (16 colours). Kept apart so that a run without colour never loads chalk. */
export function chalkPaint(): Paint {
  return new Chalk({ level: 1 });
}
