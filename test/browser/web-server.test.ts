// `invite-lint web` and the page's bundle, without a browser: the server's files, types,
// refusals and options; what the bundle holds and how much it weighs.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, makeTempDir, runCli } from "../helpers.js";
import { resolveRequest } from "../../src/node/web-server.js";
import { report } from "./chromium.js";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw GET: the path goes out exactly as written, ".." and all (fetch would normalise it). */
function request(base: string, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const req = get({ host: url.hostname, port: url.port, path, headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
  });
}

describe("invite-lint web", () => {
  let server: ChildProcessWithoutNullStreams;
  let base = "";

  beforeAll(async () => {
    server = spawn(process.execPath, [BIN, "web", "--port", "0"], { cwd: makeTempDir("invite-lint-web-") });
    base = await new Promise<string>((resolve, reject) => {
      let out = "";
      server.stdout.on("data", (c: Buffer) => {
        out += c;
        const m = /serving (http:\/\/127\.0\.0\.1:\d+\/) \(Ctrl-C to stop\)/.exec(out);
        if (m) resolve(m[1]!);
      });
      server.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
  });
  afterAll(() => void server?.kill());

  it("serves the page's files with their content types, gzipped when asked", async () => {
    const index = await request(base, "/");
    expect(index.status).toBe(200);
    expect(index.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(index.body.toString()).toBe(readFileSync(join(ROOT, "dist/web/index.html"), "utf8"));
    expect(index.headers["content-security-policy"]).toContain("connect-src 'none'");
    const types = {
      "/app.js": "text/javascript; charset=utf-8",
      "/style.css": "text/css; charset=utf-8",
      "/icon.svg": "image/svg+xml",
      "/index.html": "text/html; charset=utf-8",
    };
    for (const [path, type] of Object.entries(types)) {
      const r = await request(base, path, { "Accept-Encoding": "gzip, deflate" });
      expect([path, r.status, r.headers["content-type"], r.headers["content-encoding"]]).toEqual([
        path,
        200,
        type,
        "gzip",
      ]);
      expect(gunzipSync(r.body).equals(readFileSync(join(ROOT, "dist/web", path)))).toBe(true);
    }
  });

  it("refuses paths out of dist/web, missing files and other methods", async () => {
    for (const path of [
      "/../package.json",
      "/%2e%2e/package.json",
      "/..%2fpackage.json",
      "/%2e%2e%5cpackage.json",
      "/app.js%00.html",
      "/nothing.html",
      "/%E0%A4%A",
    ]) {
      const r = await request(base, path);
      expect([path, r.status]).toEqual([path, 404]);
      expect(r.body.toString()).toBe("not found\n");
    }
    expect((await request(base, "/", {}, "POST")).status).toBe(405);
    expect((await request(base, "/", {}, "HEAD")).body.length).toBe(0);
  });

  it("listens on 127.0.0.1 only, and says what is wrong with its options", () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const bad = runCli(["web", "--port", "http"]);
    expect([bad.status, bad.stderr]).toEqual([2, "invite-lint: web: --port must be a whole number from 0 to 65535\n"]);
    const unknown = runCli(["web", "--verbose"]);
    expect([unknown.status, unknown.stderr]).toEqual([
      2,
      'invite-lint: web: unknown argument "--verbose" (see: invite-lint web --help)\n',
    ]);
    const help = runCli(["web", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: invite-lint web [--port N] [--open]");
    expect(runCli(["--help"]).stdout).toContain("invite-lint web [--port N] [--open]");
  });

  it("a port in use is a usage error, not a crash", async () => {
    const port = new URL(base).port;
    const r = runCli(["web", "--port", port]);
    expect([r.status, r.stderr]).toEqual([2, `invite-lint: web: cannot listen on 127.0.0.1:${port}: EADDRINUSE\n`]);
  });
});

describe("resolveRequest", () => {
  it("stays inside the root, through symbolic links too", () => {
    const dir = makeTempDir("invite-lint-root-");
    const root = join(dir, "web");
    mkdirSync(join(root, "sub"), { recursive: true });
    writeFileSync(join(root, "index.html"), "<p>home</p>");
    writeFileSync(join(root, "sub/index.html"), "<p>sub</p>");
    writeFileSync(join(dir, "secret.txt"), "secret");
    symlinkSync(join(dir, "secret.txt"), join(root, "leak.txt"));
    const real = realpathSync(root);
    expect(resolveRequest(real, "/")).toBe(join(real, "index.html"));
    expect(resolveRequest(real, "/sub/?q=1#x")).toBe(join(real, "sub/index.html"));
    expect(resolveRequest(real, "/leak.txt")).toBeUndefined();
    expect(resolveRequest(real, "/../secret.txt")).toBeUndefined();
    expect(resolveRequest(real, "/sub/%2e%2e/%2e%2e/secret.txt")).toBeUndefined();
  });
});

describe("the page's bundle", () => {
  it("holds the engine and the rules but not chalk, yaml or re2js", () => {
    const metas = JSON.parse(
      readFileSync(join(ROOT, "node_modules/.cache/invite-lint/web-meta.json"), "utf8"),
    ) as Record<string, { inputs: Record<string, unknown> }>;
    expect(Object.keys(metas)).toContain("page");
    for (const name of Object.keys(metas)) {
      const inputs = Object.keys(metas[name]!.inputs);
      expect(
        inputs.filter((p) => /node_modules\/(chalk|yaml|re2js)\//.test(p)),
        name,
      ).toEqual([]);
      expect(
        inputs.some((p) => p.endsWith("src/generated/rules.json")),
        name,
      ).toBe(true);
    }
    const page = Object.keys(metas.page!.inputs);
    expect(page.some((p) => p.endsWith("src/engine/lint.ts"))).toBe(true);
    // Not even as a string: the formatters and rule loader are not in the page.
    const app = readFileSync(join(ROOT, "dist/web/app.js"), "utf8");
    expect(app).not.toMatch(/RE2JS|supports-color|LineCounter/);
  });

  it("weighs at most 200 KiB gzipped, all files of the page together", () => {
    const files = readdirSync(join(ROOT, "dist/web"));
    const sizes = files.map((f) => gzipSync(readFileSync(join(ROOT, "dist/web", f)), { level: 9 }).length);
    const total = sizes.reduce((a, b) => a + b, 0);
    report(
      `dist/web gzipped: ${files.map((f, i) => `${f} ${(sizes[i]! / 1024).toFixed(1)} KiB`).join(", ")}; total ${(total / 1024).toFixed(1)} KiB`,
    );
    expect(files.sort()).toEqual(["app.js", "icon.svg", "index.html", "style.css"]);
    expect(total).toBeLessThanOrEqual(200 * 1024);
  });
});
