// Loaded only when a run needs them: a glob on the command line, an .invite-lintignore file.
export { globSync } from "tinyglobby";
export { default as ignore } from "ignore";
