import { isUtf8 } from "node:buffer";
import { openSync, readSync, closeSync, fstatSync } from "node:fs";
import { InputError } from "../errors.js";

export { InputError } from "../errors.js";

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** The first read of every file goes into this one buffer: notes are small, and a run reads thousands. */
const FIRST_READ = 64 * 1024;
const shared = Buffer.allocUnsafeSlow(FIRST_READ);

/**
 * Reads a file or stdin (fd 0) into text, refusing binary data, invalid UTF-8 and oversize
 * input. A file that fits the shared buffer costs open, read and close; only a larger one is
 * asked for its size (once), so that it is read into a buffer of that size.
 */
export function readText(path: string | 0, maxBytes: number, label: string, allowBinary = false): string {
  let fd: number;
  try {
    fd = path === 0 ? 0 : openSync(path, "r");
  } catch (error) {
    throw new InputError(`${label}: ${describe(error)}`);
  }
  try {
    let buf = shared;
    let total = 0;
    const tooLarge = (size?: number) =>
      new InputError(`${label}: larger than --max-bytes ${maxBytes}${size === undefined ? "" : ` (${size} bytes)`}`);
    for (;;) {
      if (total === buf.length) {
        if (total > maxBytes) throw tooLarge(path === 0 ? undefined : fileSize(fd));
        // Past the first read: a regular file's size says how much more to expect.
        const size = buf === shared && path !== 0 ? fileSize(fd) : undefined;
        if (size !== undefined && size > maxBytes) throw tooLarge(size);
        const want = size !== undefined && size >= total ? size + 1 : buf.length * 2;
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, want));
        buf.copy(bigger, 0, 0, total);
        buf = bigger;
      }
      let n: number;
      try {
        n = readSync(fd, buf, total, buf.length - total, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EAGAIN") continue;
        if (code === "EOF") break;
        throw new InputError(`${label}: ${describe(error)}`);
      }
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooLarge(path === 0 ? undefined : fileSize(fd));
    }
    return decode(buf.subarray(0, total), label, allowBinary);
  } finally {
    if (path !== 0) closeSync(fd);
  }
}

function fileSize(fd: number): number | undefined {
  try {
    const st = fstatSync(fd);
    return st.isFile() ? st.size : undefined;
  } catch {
    return undefined;
  }
}

/** UTF-8 (BOM stripped) or UTF-16 with a BOM; NUL bytes mean binary; bad UTF-8 is refused with its byte offset. */
export function decode(bytes: Buffer, label: string, allowBinary = false): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const nul = bytes.indexOf(0, start);
  if (nul !== -1) {
    if (!allowBinary)
      throw new InputError(`${label}: binary file (NUL byte at offset ${nul}); --binary lints it anyway`);
    // Forced: NUL bytes and bytes that are not UTF-8 become U+FFFD.
    return new TextDecoder("utf-8").decode(bytes.subarray(start)).replace(/\0/g, "\ufffd");
  }
  const body = bytes.subarray(start);
  if (!isUtf8(body)) throw new InputError(`${label}: invalid UTF-8 at byte ${firstInvalidUtf8(bytes, start)}`);
  return body.toString("utf8");
}

function firstInvalidUtf8(b: Buffer, start: number): number {
  let i = start;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
    }
    if (n === 2) {
      const cp = ((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6);
      if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    }
    if (n === 3) {
      const cp = ((c & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12);
      if (cp < 0x10000 || cp > 0x10ffff) return i;
    }
    i += n + 1;
  }
  return i;
}

export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a folder";
    case "ENAMETOOLONG":
      return "file name too long";
    default:
      return (error as Error).message.split("\n")[0] ?? "cannot read";
  }
}
