import { fstatSync, statSync, writeSync } from "node:fs";
import { run } from "./cli.js";

// Output goes straight to the file descriptors with writeSync: process.stdout and
// process.stderr are created only when a write would block (a full non-blocking pipe), so
// a run that prints a report never loads Node's stream and socket modules. A closed pipe
// (invite-lint big/ | head -1) drops the rest of the report quietly; the run goes on, so
// its exit status is still the verdict.
type Stream = NodeJS.WriteStream;
const streams: (Stream | undefined)[] = [];
const closed: boolean[] = [];
let waiting: (() => void)[] = [];

function close(fd: 1 | 2): void {
  closed[fd] = true;
  for (const resolve of waiting) resolve();
  waiting = [];
}

function streamFor(fd: 1 | 2): Stream {
  let s = streams[fd];
  if (!s) {
    s = fd === 1 ? process.stdout : process.stderr;
    s.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") close(fd);
    });
    streams[fd] = s;
  }
  return s;
}

/** Writes all of `text`; false when the rest went to a stream that asks to wait for `drain`. */
function write(fd: 1 | 2, text: string): boolean {
  if (closed[fd]) return true;
  if (streams[fd]) return streams[fd].write(text);
  const bytes = Buffer.from(text);
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EPIPE") {
      close(fd);
      return true;
    }
    if (code !== "EAGAIN") throw error;
    return streamFor(fd).write(bytes.subarray(done));
  }
  return true;
}

/**
 * True when fd is a terminal. Pipes, files and /dev/null are answered without loading
 * node:tty (which loads the stream and socket modules).
 */
function isTerminal(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    if (!st.isCharacterDevice()) return false;
    // Nor is /dev/null, where editors and hooks often send output.
    const devNull = statSync("/dev/null", { throwIfNoEntry: false });
    if (devNull && devNull.rdev === st.rdev && devNull.ino === st.ino) return false;
  } catch {
    return false;
  }
  return (require("node:tty") as typeof import("node:tty")).isatty(fd);
}

process.on("SIGINT", () => {
  write(2, "invite-lint: interrupted\n");
  process.exit(130);
});

let stdinIsTTY: boolean | undefined;
let stdoutIsTTY: boolean | undefined;
void run(process.argv.slice(2), {
  stdout: (s) => write(1, s),
  drain: () =>
    new Promise((resolve) => {
      if (closed[1]) return resolve();
      waiting.push(resolve);
      streamFor(1).once("drain", () => resolve());
    }),
  stderr: (s) => void write(2, s),
  // Asked only when they matter (no file named; colour not set by flag or environment).
  get stdinIsTTY() {
    return (stdinIsTTY ??= isTerminal(0));
  },
  get stdoutIsTTY() {
    return (stdoutIsTTY ??= isTerminal(1));
  },
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
