import { DEFAULT_IGNORES } from "./note-files.js";

/** What the client may send as `initializationOptions`. */
export interface ServerSettings {
  /** The recipient's name, for notes without one in their front matter. */
  to?: string;
  template?: boolean;
  /** Files left out, in .invite-lintignore syntax, relative to the workspace folder. */
  ignores: string[];
}

/**
 * Reads the client's initialization options. A value of the wrong type is left out and
 * named in `problems`, for the server to show; it never stops the server.
 */
export function readSettings(options: unknown): { settings: ServerSettings; problems: string[] } {
  const settings: ServerSettings = { ignores: DEFAULT_IGNORES };
  const problems: string[] = [];
  if (options === undefined || options === null) return { settings, problems };
  if (typeof options !== "object" || Array.isArray(options))
    return { settings, problems: ["initializationOptions must be an object"] };
  const o = options as Record<string, unknown>;
  if (typeof o.to === "string" && o.to.trim()) settings.to = o.to;
  else if (o.to !== undefined && o.to !== null && o.to !== "") problems.push('"to" must be a string');
  if (typeof o.template === "boolean") settings.template = o.template;
  else if (o.template !== undefined && o.template !== null) problems.push('"template" must be true or false');
  if (Array.isArray(o.ignores) && o.ignores.every((x) => typeof x === "string"))
    settings.ignores = o.ignores as string[];
  else if (o.ignores !== undefined && o.ignores !== null) problems.push('"ignores" must be a list of patterns');
  return { settings, problems };
}
