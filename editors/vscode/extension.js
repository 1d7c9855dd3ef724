// A minimal client: starts invite-lint-lsp over stdio for text, Markdown and YAML files.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

exports.activate = async (context) => {
  const config = vscode.workspace.getConfiguration("inviteLint");
  const command = config.get("serverPath") || "invite-lint-lsp";
  client = new LanguageClient(
    "invite-lint",
    "invite-lint",
    { run: { command, transport: TransportKind.stdio }, debug: { command, transport: TransportKind.stdio } },
    {
      documentSelector: [{ language: "plaintext" }, { language: "markdown" }, { language: "yaml" }, { language: "json" }],
      initializationOptions: { to: config.get("to") || undefined },
    },
  );
  await client.start();
  context.subscriptions.push(vscode.commands.registerCommand("invite-lint.showReport", async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const report = await client.sendRequest("workspace/executeCommand", { command: "invite-lint.showReport", arguments: [editor.document.uri.toString()] });
    const doc = await vscode.workspace.openTextDocument({ content: report || "No report for this file.", language: "plaintext" });
    await vscode.window.showTextDocument(doc, { preview: true });
  }));
};

exports.deactivate = () => client?.stop();
