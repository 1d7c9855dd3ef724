// One note of a file, as the documents module cuts it and the lint and fix passes take it.
import type { NoteFacts } from "./note-facts.js";

export interface NoteUnit {
  /** `path` for a whole file, `path#id` for a collection entry or a Markdown section. */
  name: string;
  /** The note text; offsets in findings are relative to it. */
  text: string;
  /** Offset of `text` in the file. */
  offset: number;
  /** Characters as the recipient will see them (markup and YAML quoting removed). */
  characters: number;
  facts: NoteFacts;
  /** Rules disabled for this note (directives, per-entry `disable:`). */
  disable: string[];
  /** Rules disabled on single lines (Markdown `disable-next-line`), as offset ranges of `text`. */
  suppress: { start: number; end: number; rules: string[] }[];
  /**
   * Where each character of `text` sits in the file, when `text` is not a slice of it: a
   * quoted scalar with escapes ("I\u0027d", "\n") is linted as the text it stands for.
   * `offsets[i]` is the file offset of `text[i]`; `offsets[text.length]` is where it ends.
   */
  offsets?: number[];
  /** Ranges of `text` that were markup, blanked out (Markdown). */
  ignore?: { start: number; end: number }[];
  /** Where each directive sits (offsets in the file), to report unused ones; `suppress` indexes `disable-next-line` ones. */
  directives: { rules: string[]; offset: number; action: "disable" | "disable-next-line"; suppress?: number }[];
}

/** A whole file (or stdin) as one note: no facts, no directives. */
export function plainUnit(name: string, text: string): NoteUnit {
  return {
    name,
    text,
    offset: 0,
    characters: text.trim().length,
    facts: {},
    disable: [],
    suppress: [],
    directives: [],
  };
}
