// The VS Code client: starts invite-lint's language server over stdio for the note files of
// the workspace. Which files are sent is `inviteLint.files`; the server then leaves out what
// `invite-lint FOLDER` leaves out (package.json, tsconfig.json, node_modules/, dist/, dot
// folders, .invite-lintignore) and `inviteLint.ignores`. Settings changes restart the client.
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

/** The server: `inviteLint.serverPath`, else the workspace's installed bin, else invite-lint-lsp on PATH. */
function serverCommand(config, folders) {
  const configured = config.get("serverPath");
  if (configured) return configured;
  const bin = process.platform === "win32" ? "invite-lint-lsp.cmd" : "invite-lint-lsp";
  for (const folder of folders) {
    const installed = join(folder.uri.fsPath, "node_modules", ".bin", bin);
    if (existsSync(installed)) return installed;
  }
  return "invite-lint-lsp";
}

/** Files matching `inviteLint.files` (globs relative to each workspace folder); with no folder open, anywhere. */
function documentSelector(files, folders) {
  if (folders.length === 0)
    return files.map((glob) => ({ scheme: "file", pattern: glob.startsWith("**/") ? glob : `**/${glob}` }));
  return folders.flatMap((folder) =>
    files.map((glob) => ({ scheme: "file", pattern: new vscode.RelativePattern(folder, glob) })),
  );
}

function createClient() {
  const config = vscode.workspace.getConfiguration("inviteLint");
  const folders = vscode.workspace.workspaceFolders ?? [];
  const command = serverCommand(config, folders);
  // A .cmd shim (Windows) runs through the shell.
  const executable = { command, transport: TransportKind.stdio, options: { shell: /\.cmd$/i.test(command) } };
  return new LanguageClient(
    "invite-lint",
    "invite-lint",
    { run: executable, debug: executable },
    {
      documentSelector: documentSelector(config.get("files") ?? [], folders),
      initializationOptions: { to: config.get("to") || undefined, ignores: config.get("ignores") ?? [] },
    },
  );
}

async function restart() {
  await client?.stop();
  client = createClient();
  await client.start();
}

exports.activate = async (context) => {
  client = createClient();
  await client.start();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => (e.affectsConfiguration("inviteLint") ? restart() : undefined)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => restart()),
    vscode.commands.registerCommand("invite-lint.showReport", async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const report = await client.sendRequest("workspace/executeCommand", {
        command: "invite-lint.showReport",
        arguments: [editor.document.uri.toString()],
      });
      const content = report || "No report for this file: it is not a note file, or it was not linted.";
      const doc = await vscode.workspace.openTextDocument({ content, language: "plaintext" });
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
  );
};

exports.deactivate = () => client?.stop();
