export type DocumentFormat = "text" | "markdown" | "collection";

/** How a file is read: a plain note, a Markdown note, or a YAML/JSON collection of notes. */
export function documentFormat(path: string): DocumentFormat {
  if (/\.(md|markdown|mdx)$/i.test(path)) return "markdown";
  if (/\.(ya?ml|json)$/i.test(path)) return "collection";
  return "text";
}
