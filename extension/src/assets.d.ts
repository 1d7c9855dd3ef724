/** Stylesheets imported by a script arrive as their text (the build's text loader). */
declare module "*.css" {
  const text: string;
  export default text;
}
