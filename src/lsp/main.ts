import { startServer } from "./server.js";

// `invite-lint lsp` or `invite-lint-lsp`: a language server over stdio.
startServer();
