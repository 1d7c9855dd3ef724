import { isatty } from "node:tty";
import { run } from "./cli.js";

// A closed pipe (invite-lint big/ | head -1) ends the run quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
});
process.on("SIGINT", () => {
  process.stderr.write("invite-lint: interrupted\n");
  process.exit(130);
});

void run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  drain: () => new Promise((resolve) => process.stdout.once("drain", () => resolve())),
  stderr: (s) => void process.stderr.write(s),
  // isatty(0) rather than process.stdin.isTTY: it does not open a stream on stdin.
  stdinIsTTY: isatty(0),
  stdoutIsTTY: isatty(1),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
