/** A colour style: wraps a string; `.bold` adds bold. Chalk's styles have this shape. */
export type Style = ((text: string) => string) & { bold: (text: string) => string };

/** The styles the stylish format uses. */
export interface Paint {
  red: Style;
  green: Style;
  yellow: Style;
  blue: Style;
  dim: Style;
  underline: Style;
}

const same = Object.assign((text: string) => text, { bold: (text: string) => text });

/** No colour. */
export const plain: Paint = { red: same, green: same, yellow: same, blue: same, dim: same, underline: same };
