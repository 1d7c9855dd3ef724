// The web page in a real browser (Debian's Chromium through playwright-core): opened from
// disk and through `invite-lint web`, typed into, fixed, reloaded from a shared link, checked
// for requests and for accessibility, measured and photographed.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { BIN, ROOT } from "../helpers.js";
import { FLAGS, OUTPUT, pageBrowser, report } from "./chromium.js";

const STOCK = "I'd like to add you to my professional network on LinkedIn.";
const GOOD =
  "Hi Priya, great meeting you at the Denver PyData meetup last week. Your talk on dbt tests changed how our team works; happy to send you the checklist we built from it.";
const WEB = join(ROOT, "dist/web");
const INDEX = pathToFileURL(join(WEB, "index.html")).href;
/** The issue's budgets. */
const TRANSFER_BUDGET = 200 * 1024;
const FIRST_SCORE_BUDGET_MS = 300;

const browserFound = pageBrowser();
if (browserFound.skip) report(browserFound.skip);

describe.skipIf(!browserFound.path)("the web page in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: ChildProcessWithoutNullStreams;
  let served = "";
  /** Every request any page of the run made, and those that went anywhere but the page's files. */
  const requests: string[] = [];
  const escaped: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    expect(existsSync(join(WEB, "index.html")), "dist/web/index.html (npm run build)").toBe(true);
    browser = await chromium.launch({ executablePath: browserFound.path, args: FLAGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.on("request", (r) => void requests.push(r.url()));
    // Anything but the page's own files is recorded and refused, never fetched.
    const home = pathToFileURL(WEB).href;
    await context.route(
      (url) => !url.href.startsWith(`${home}/`) && !(served && url.href.startsWith(served)),
      async (route) => {
        escaped.push(route.request().url());
        await route.abort();
      },
    );
    server = spawn(process.execPath, [BIN, "web", "--port", "0"], { cwd: ROOT });
    served = await new Promise<string>((resolve, reject) => {
      let out = "";
      server.stdout.on("data", (chunk: Buffer) => {
        out += chunk;
        const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]!);
      });
      server.on("exit", (code) => reject(new Error(`invite-lint web exited with ${code}: ${out}`)));
    });
  });

  afterAll(async () => {
    server?.kill();
    await browser?.close();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    page.on("pageerror", (e) => void pageErrors.push(e.message));
    await page.goto(url);
    return page;
  }

  /** Waits until the score shows a result for the current note; returns its text. */
  async function scoreOf(page: Page, text = /\/100/): Promise<string> {
    const score = page.locator("#score");
    await expect.poll(() => score.textContent(), { timeout: 5000 }).toMatch(text);
    return (await score.textContent())!;
  }

  /** Milliseconds from navigation start to the first score (a mark the page sets). */
  async function firstScoreMs(page: Page): Promise<number> {
    await scoreOf(page);
    return Number(await page.evaluate("performance.getEntriesByName('invite-lint:first-score')[0].startTime"));
  }

  it("from disk: scores LinkedIn's stock invitation as typed, 20 or less, an F, the stock phrase highlighted", async () => {
    // The browser's first page: nothing of it is in any cache yet.
    const linked = await open(`${INDEX}#text=${encodeURIComponent(STOCK)}`);
    const cold = await firstScoreMs(linked);
    await linked.close();
    const page = await open(INDEX);
    await page.locator("#note").pressSequentially(STOCK);
    const text = await scoreOf(page, /F/);
    const m = /^(\d+)\/100 F ✖ fails$/.exec(text);
    expect(m, text).not.toBeNull();
    expect(Number(m![1])).toBeLessThanOrEqual(20);
    const mark = page.locator("#highlights mark[data-rules~='stock-invitation']");
    await expect.poll(() => mark.textContent()).toBe("I'd like to add you to my professional network on LinkedIn");
    expect(await page.locator("#findings [data-rule='stock-invitation'] .il-hint").textContent()).toMatch(/^→ /);
    // The live region announces the score and how many findings there are.
    expect(await page.locator("#status").getAttribute("aria-live")).toBe("polite");
    expect(await page.locator("#status").textContent()).toMatch(/^Score \d+ of 100, grade F, fails\. \d+ findings\.$/);
    // The per-check table and the reasons, as the JSON report has them.
    expect(await page.locator("#checks [data-check='generic'] td").first().textContent()).toBe("✖ fails");
    expect(await page.locator("#reasons").textContent()).toContain("Capped at");
    report(`load to first score from disk (cold browser): ${cold.toFixed(0)} ms (budget ${FIRST_SCORE_BUDGET_MS} ms)`);
    // The budget is checked by npm run bench (a timed unit test fails on a loaded machine); here the mark must exist.
    expect(cold).toBeGreaterThan(0);
    await page.close();
  });

  it("a good note addressed to the recipient passes; past the limit the counter says so", async () => {
    const page = await open(INDEX);
    await page.locator("#to").fill("Priya Shah");
    await page.locator("#note").fill(GOOD);
    const text = await scoreOf(page, /passes/);
    expect(text).toMatch(/^\d+\/100 [A-C] ✔ passes$/);
    expect(await page.locator("#count").textContent()).toBe(`${GOOD.length}/300 characters`);
    await page.locator("#account").selectOption("free");
    await expect.poll(() => page.locator("#count").textContent()).toBe(`${GOOD.length}/200 characters`);
    await page.locator("#note").fill(`${GOOD} ${GOOD}`);
    await expect.poll(() => page.locator("#count").textContent()).toMatch(/^\d+\/200 characters, \d+ over the limit$/);
    expect(await page.locator("#count").getAttribute("class")).toContain("over");
    await page.close();
  });

  it("applies a quick fix with one click, and the note is scored again", async () => {
    const page = await open(INDEX);
    await page.locator("#to").fill("Priya Shah");
    await page
      .locator("#note")
      .fill("Hi Priya!!! I hope this message finds you well. Great meeting you at PyData Denver.");
    await scoreOf(page);
    await page.locator("#findings [data-rule='exclamation-run'] .il-fix").click();
    await expect
      .poll(() => page.locator("#note").inputValue())
      .toBe("Hi Priya! I hope this message finds you well. Great meeting you at PyData Denver.");
    await expect.poll(() => page.locator("#findings [data-rule='exclamation-run']").count()).toBe(0);
    await page.locator("#findings [data-rule='boilerplate-phrase'] .il-fix").click();
    await expect.poll(() => page.locator("#note").inputValue()).toBe("Hi Priya! Great meeting you at PyData Denver.");
    // The fix is an edit the browser made: undo takes it back.
    await page.locator("#note").press("Control+z");
    await expect.poll(() => page.locator("#note").inputValue()).toContain("I hope this message finds you well");
    await page.close();
  });

  it("works by keyboard alone: tab to a fix, press Enter; the focus is visible", async () => {
    const page = await open(INDEX);
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.id")).toBe("note");
    await page.keyboard.type("Great meeting you at PyData Denver!!!");
    await scoreOf(page);
    let presses = 0;
    while (presses++ < 30 && (await page.evaluate("document.activeElement.className")) !== "il-fix")
      await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.textContent")).toBe("Fix: Use one exclamation mark");
    expect(await page.evaluate("getComputedStyle(document.activeElement).outlineStyle")).not.toBe("none");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#note").inputValue()).toBe("Great meeting you at PyData Denver!");
    await page.close();
  });

  it("a shared link reproduces the report, from disk and through invite-lint web", async () => {
    const page = await open(INDEX);
    await page.locator("#to").fill("Priya Shah");
    await page.locator("#company").fill("Acme");
    await page.locator("#account").selectOption("free");
    await page.locator("#lang").selectOption("en");
    await page
      .locator("#note")
      .fill("Hi Priya!!! I hope this message finds you well. Great meeting you at PyData Denver.");
    const before = await snapshot(page);
    const link = page.url();
    expect(link).toContain("#text=");
    expect(link).toContain("account=free");
    const fragment = link.slice(link.indexOf("#"));
    for (const url of [link, `${served}${fragment}`]) {
      const again = await open(url);
      expect(await snapshot(again)).toEqual(before);
      await again.close();
    }
    // "This verdict is wrong": a report to copy, with the note, the options, the version and the result.
    await page.locator("#wrong").click();
    const text = await page.locator("#report-text").inputValue();
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(text).toContain(`invite-lint ${pkg.version}`);
    expect(text).toContain("Hi Priya!!! I hope this message finds you well.");
    expect(text).toContain('"account":"free"');
    const json = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(text)![1]!) as { score: number };
    expect(`${json.score}/100`).toBe(before.score.split(" ")[0]);
    await page.locator("#copy").click();
    await expect.poll(() => page.locator("#copied").textContent()).toMatch(/^Copied/);
    await page.close();
  });

  it("through invite-lint web: transfer size and load to first score", async () => {
    const page = await context.newPage();
    const loaded: Promise<number>[] = [];
    page.on(
      "requestfinished",
      (r) => void loaded.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)),
    );
    await page.goto(`${served}#text=${encodeURIComponent(STOCK)}`);
    const ms = await firstScoreMs(page);
    expect(await scoreOf(page)).toMatch(/^(1\d|20|\d)\/100 F ✖ fails$/);
    await page.waitForLoadState("load");
    const transfer = (await Promise.all(loaded)).reduce((a, b) => a + b, 0);
    const files = readdirSync(WEB)
      .map((f) => gzipSync(readFileSync(join(WEB, f)), { level: 9 }).length)
      .reduce((a, b) => a + b, 0);
    report(
      `transfer through invite-lint web (gzip, with headers): ${(transfer / 1024).toFixed(1)} KiB in ${loaded.length} requests; dist/web gzipped: ${(files / 1024).toFixed(1)} KiB (budget ${TRANSFER_BUDGET / 1024} KiB)`,
    );
    report(`load to first score through invite-lint web: ${ms.toFixed(0)} ms`);
    expect(loaded.length).toBeGreaterThanOrEqual(3);
    expect(transfer).toBeLessThanOrEqual(TRANSFER_BUDGET);
    expect(files).toBeLessThanOrEqual(TRANSFER_BUDGET);
    expect(ms).toBeGreaterThan(0);
    await page.close();
  });

  it("has no serious or critical axe-core violations, and a screenshot is saved", async () => {
    const page = await open(
      `${INDEX}#text=${encodeURIComponent("Hi Priya!!! I hope this message finds you well. Great meeting you at PyData Denver.")}&to=Priya+Shah`,
    );
    await scoreOf(page);
    await page.screenshot({ path: join(OUTPUT, "web-page.png") });
    if (process.env.UPDATE_SCREENSHOTS) copyFileSync(join(OUTPUT, "web-page.png"), join(ROOT, "docs/web-page.png"));
    await page.locator("#wrong").click();
    // axe runs through the DevTools protocol, which the page's CSP does not govern.
    await page.evaluate(readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8"));
    const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as {
      violations: { id: string; impact: string; nodes: unknown[] }[];
      passes: unknown[];
    };
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    report(
      `axe-core: ${result.violations.length} violations (${serious.length} serious or critical)${result.violations.length ? `: ${result.violations.map((v) => `${v.id} (${v.impact})`).join(", ")}` : ""}`,
    );
    expect(serious.map((v) => `${v.id}: ${v.nodes.length} nodes`)).toEqual([]);
    await page.close();
  });

  it("made no request beyond its own files, and its policy refuses any other", async () => {
    const own = new Set(
      readdirSync(WEB)
        .flatMap((f) => [pathToFileURL(join(WEB, f)).href, `${served}${f}`])
        .concat([served]),
    );
    const strange = requests.map((u) => u.replace(/#.*$/, "")).filter((u) => !own.has(u));
    expect(requests.length).toBeGreaterThan(10);
    expect(strange).toEqual([]);
    expect(escaped).toEqual([]);
    // By construction: connect-src 'none' refuses fetch, XHR and WebSocket before any request.
    const page = await open(INDEX);
    const refused = await page.evaluate(`(async () => {
      const out = [];
      document.addEventListener("securitypolicyviolation", (e) => out.push("refused by " + e.effectiveDirective));
      try { await fetch("https://example.com/"); out.push("fetch sent"); } catch { out.push("fetch failed"); }
      const ws = new WebSocket("wss://example.com/");
      await new Promise((done) => { ws.onerror = done; ws.onopen = done; });
      out.push(ws.readyState === WebSocket.CLOSED ? "websocket failed" : "websocket open");
      await new Promise((done) => setTimeout(done, 50));
      return out.sort();
    })()`);
    expect(refused).toEqual(["fetch failed", "refused by connect-src", "refused by connect-src", "websocket failed"]);
    expect(escaped).toEqual([]);
    expect(await page.evaluate("localStorage.length + sessionStorage.length")).toBe(0);
    await page.close();
  });
});

/** What a report shows: score, count, findings, options. */
async function snapshot(page: Page) {
  const score = page.locator("#score");
  await expect.poll(() => score.textContent()).toMatch(/\/100/);
  return {
    score: (await score.textContent())!,
    count: await page.locator("#count").textContent(),
    findings: await page
      .locator("#findings li")
      .evaluateAll((items) => items.map((li) => li.getAttribute("data-rule"))),
    note: await page.locator("#note").inputValue(),
    to: await page.locator("#to").inputValue(),
    company: await page.locator("#company").inputValue(),
    account: await page.locator("#account").inputValue(),
    lang: await page.locator("#lang").inputValue(),
  };
}
