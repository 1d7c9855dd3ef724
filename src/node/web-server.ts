// `invite-lint web`: serves the page of dist/web on 127.0.0.1, for those who prefer a URL to
// opening the file. Static files only, read-only, never outside dist/web.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { spawn } from "node:child_process";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".ico": "image/x-icon",
};
/** The same policy as the page's meta tag, sent as a header too. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

export const WEB_USAGE = `Usage: invite-lint web [--port N] [--open]

Serves the invite-lint page (score a note as you type, in the browser) on 127.0.0.1.
The page also works opened straight from disk: dist/web/index.html.

Options:
  --port <n>  port to listen on (default 0: any free port)
  --open      open the page in the default browser
  -h, --help  show this help
`;

/** dist/web: beside the CLI bundle (dist/cli.cjs), or under the package root when run from source. */
export function webRoot(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = basename(dir) === "dist" ? join(dir, "web") : join(dir, "dist/web");
    if (existsSync(join(candidate, "index.html"))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The file a request path names inside `root`, or undefined: no "..", no NUL, no escape
 * through a symbolic link; a folder means its index.html.
 */
export function resolveRequest(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? "/");
  } catch {
    return undefined;
  }
  if (path.includes("\0") || path.split(/[\\/]/).includes("..")) return undefined;
  let file = resolve(root, `.${path.startsWith("/") ? path : `/${path}`}`);
  try {
    if (statSync(file).isDirectory()) file = join(file, "index.html");
    const real = realpathSync(file);
    if (real !== root && !real.startsWith(root + sep)) return undefined;
    return statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** A request handler for the files under `root`; gzipped when the browser accepts it. */
export function handler(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  const gzipped = new Map<string, Buffer>();
  return (req, res) => {
    const common = {
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-cache",
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      res
        .writeHead(405, { ...common, Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" })
        .end("method not allowed\n");
      return;
    }
    const file = resolveRequest(root, req.url ?? "/");
    if (!file) {
      res.writeHead(404, { ...common, "Content-Type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    let body: Buffer = readFileSync(file);
    const headers: Record<string, string> = {
      ...common,
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Content-Security-Policy": CSP,
      Vary: "Accept-Encoding",
    };
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) && extname(file) !== ".png") {
      let packed = gzipped.get(file);
      if (!packed) gzipped.set(file, (packed = gzipSync(body, { level: 9 })));
      body = packed;
      headers["Content-Encoding"] = "gzip";
    }
    headers["Content-Length"] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  };
}

/** Starts the server on 127.0.0.1; resolves with it once it listens. */
export function listen(root: string, port: number): Promise<Server> {
  return new Promise((ok, fail) => {
    const server = createServer(handler(root));
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok(server));
  });
}

/** Opens a URL with the platform's opener, without waiting for it. */
function openUrl(url: string): void {
  const [command, args] =
    process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", "", url]]
        : ["xdg-open", [url]];
  const child = spawn(command, args as string[], { stdio: "ignore", detached: true });
  child.on("error", () => process.stderr.write(`invite-lint web: could not start ${command}; open ${url} yourself\n`));
  child.unref();
}

interface Io {
  stdout: (s: string) => unknown;
  stderr: (s: string) => void;
}

/**
 * `invite-lint web [--port N] [--open]`: resolves with an exit status on a usage or listen
 * error; while it serves, the promise stays pending (Ctrl-C ends the process).
 */
export async function serveWeb(args: string[], io: Io): Promise<number> {
  let port = 0;
  let open = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = a.startsWith("--port=") ? a.slice(7) : a === "--port" ? args[++i] : undefined;
    if (a === "-h" || a === "--help") {
      io.stdout(WEB_USAGE);
      return 0;
    } else if (a === "--open") open = true;
    else if (value !== undefined || a === "--port") {
      if (value === undefined || !/^\d+$/.test(value) || Number(value) > 65535) {
        io.stderr("invite-lint: web: --port must be a whole number from 0 to 65535\n");
        return 2;
      }
      port = Number(value);
    } else {
      io.stderr(`invite-lint: web: unknown argument "${a}" (see: invite-lint web --help)\n`);
      return 2;
    }
  }
  const root = webRoot();
  if (!root) {
    io.stderr("invite-lint: web: dist/web/index.html not found; run npm run build\n");
    return 2;
  }
  let server: Server;
  try {
    server = await listen(root, port);
  } catch (error) {
    io.stderr(
      `invite-lint: web: cannot listen on 127.0.0.1:${port}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
    );
    return 2;
  }
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}/`;
  io.stdout(`invite-lint web: serving ${url} (Ctrl-C to stop)\n`);
  if (open) openUrl(url);
  return new Promise<number>(() => {});
}
