/** What `invite-lint init` writes. */
export const STARTER_CONFIG = `# invite-lint configuration. Found from each linted file's folder upward.
# Every key is optional; delete what you do not need.

# Lowest passing score (0-100).
minScore: 70

# LinkedIn account: free = 200 characters, premium = 300.
account: premium

# Files here are templates: merge fields like {{first_name}} or [Name] are slots, not errors.
template: false

# Language of the notes: auto, en, de, fr, es, pt, it or nl.
lang: auto

# Phrases never flagged (your brand's sign-off, say).
allow: []

# Your own rule packs: folders of rule YAML files, relative to this file.
rules: []

# Per rule or per check: off, info, warning, error, or { severity, weight }.
# List them with: invite-lint rules
settings:
  # readability: off
  # meeting-ask: error

# Fail the run when there are more warnings than this.
# maxWarnings: 0

# Which files folders and globs lint, and which they skip (gitignore syntax, relative to
# this file). By default: *.txt, *.md, *.yaml, *.json and the like, without README*,
# CHANGELOG*, docs/, dist/, dot files and package metadata.
# files: ["*.txt", "*.md", "outreach/*.yaml"]
# ignores: ["archive/", "!docs/"]

# Markdown files that hold a note per section under a heading.
# sections: ["playbooks/*.md"]
`;
