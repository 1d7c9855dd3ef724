// The browser extension in Debian's Chromium (headless, --load-extension; the headless shell
// cannot load extensions): a stand-in for LinkedIn's invitation dialog is served at a
// linkedin.com address through Playwright's request routing, and the panel under the note box
// is typed against, clicked, and checked for requests it should never make.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { ROOT } from "../helpers.js";
import { extensionBrowser, FLAGS, freshProfile, OUTPUT, report } from "./chromium.js";

const EXTENSION = join(ROOT, "dist/extension");
const FIXTURE = readFileSync(join(import.meta.dirname, "fixtures/linkedin-invite.html"), "utf8");
const PROFILE_URL = "https://www.linkedin.com/in/priya-shah/";
const STOCK = "I'd like to add you to my professional network on LinkedIn.";
const GOOD =
  "Hi Priya, great meeting you at the Denver PyData meetup last week. Your talk on dbt tests changed how our team works; happy to send you the checklist we built from it.";
const GOOD_WITHOUT_NAME =
  "Great meeting you at the Denver PyData meetup last week. Your talk on dbt tests changed how our team works; happy to send you the checklist we built from it.";

/**
 * The fixture with every class name replaced by another (in its markup and its stylesheet),
 * as a LinkedIn deploy renames its generated classes: the extension must not notice.
 */
function shuffledClasses(html: string): string {
  const names = new Map<string, string>();
  const rename = (name: string) => {
    if (!names.has(name)) names.set(name, `x${createHash("sha1").update(name).digest("hex").slice(0, 7)}`);
    return names.get(name)!;
  };
  const out = html
    .replace(
      /class="([^"]*)"/g,
      (_, list: string) => `class="${list.split(/\s+/).filter(Boolean).map(rename).join(" ")}"`,
    )
    .replace(
      /<style>([\s\S]*?)<\/style>/,
      (_, css: string) =>
        `<style>${css.replace(/\.([a-zA-Z][\w-]*)/g, (m, name: string) => (names.has(name) ? `.${names.get(name)}` : m))}</style>`,
    );
  expect(names.size).toBeGreaterThan(20);
  for (const name of names.keys()) expect(out).not.toContain(`class="${name}"`);
  return out;
}

/** Chromium's id for an unpacked extension: the first 128 bits of SHA-256 of its path, in the letters a to p. */
function extensionId(path: string): string {
  const hex = createHash("sha256").update(realpathSync(path)).digest("hex").slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("");
}

const browserFound = extensionBrowser();
if (browserFound.skip) report(browserFound.skip);

describe.skipIf(!browserFound.path)("the browser extension in Chromium", () => {
  let context: BrowserContext;
  const id = existsSync(EXTENSION) ? extensionId(EXTENSION) : "";
  /** Every request, and those that were not the fixture or the extension's own files. */
  const requests: string[] = [];
  const escaped: string[] = [];
  const pageErrors: string[] = [];
  let fixture = FIXTURE;

  beforeAll(async () => {
    expect(existsSync(join(EXTENSION, "manifest.json")), "dist/extension (npm run build)").toBe(true);
    context = await chromium.launchPersistentContext(freshProfile(), {
      executablePath: browserFound.path,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [...FLAGS, `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
    });
    context.on("request", (r) => void requests.push(r.url()));
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith("https://www.linkedin.com/in/"))
        return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: fixture });
      // The options page's own files.
      if (url.startsWith(`chrome-extension://${id}/`)) return route.continue();
      escaped.push(url);
      return route.abort();
    });
  });

  afterAll(async () => {
    await context?.close();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  /** Opens the fixture at a linkedin.com address, presses Connect and "Add a note"; returns the note box. */
  async function openDialog(query = "") {
    const page = await context.newPage();
    page.on("pageerror", (e) => void pageErrors.push(e.message));
    await page.goto(`${PROFILE_URL}${query}`);
    await page.getByRole("button", { name: "Invite Priya Shah to connect" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Add a note" }).click();
    const box = page.getByRole("dialog").getByRole("textbox", { name: "Add a note" });
    await expect.poll(() => page.locator("[data-invite-lint='score']").count(), { timeout: 5000 }).toBe(1);
    return { page, box, score: page.locator("[data-invite-lint='score']") };
  }

  async function scoreText(page: Page, pattern: RegExp): Promise<string> {
    const score = page.locator("[data-invite-lint='score']");
    await expect.poll(() => score.textContent(), { timeout: 5000 }).toMatch(pattern);
    return (await score.textContent())!;
  }

  it("puts the score under the note box: a stock invitation scores 20 or less", async () => {
    const { page, box, score } = await openDialog();
    // Nothing is typed for the user: the box stays empty until they type.
    expect(await box.inputValue()).toBe("");
    expect(await score.textContent()).toBe("No note yet");
    // The panel follows the box, inside the dialog.
    expect(await page.evaluate("document.querySelector('#custom-message').nextElementSibling.dataset.inviteLint")).toBe(
      "panel",
    );
    await box.pressSequentially(STOCK);
    const text = await scoreText(page, /\/100/);
    const m = /^(\d+)\/100 F ✖ fails$/.exec(text);
    expect(m, text).not.toBeNull();
    expect(Number(m![1])).toBeLessThanOrEqual(20);
    expect(await page.locator("[data-invite-lint='count']").textContent()).toBe(`${STOCK.length}/300 characters`);
    expect(await page.locator("[data-invite-lint='findings'] .il-finding").count()).toBe(3);
    expect(await page.locator("[data-invite-lint='findings'] .il-hint").first().textContent()).toMatch(/^→ /);
    await page.close();
  });

  it("reads the recipient's name from the dialog: a good note addressed to them passes", async () => {
    const { page, box } = await openDialog();
    await box.fill(GOOD_WITHOUT_NAME);
    await scoreText(page, /\/100/);
    // The dialog's "Priya Shah" is the note's --to: a note without the name is told so.
    await expect
      .poll(() => page.locator("[data-invite-lint='findings'] [data-rule='recipient-name-missing']").count())
      .toBe(1);
    expect(await page.locator("[data-rule='recipient-name-missing'] .il-message").textContent()).toContain(
      "Priya Shah",
    );
    await box.fill(GOOD);
    expect(await scoreText(page, /passes/)).toMatch(/^\d+\/100 [A-C] ✔ passes$/);
    await page.close();
  });

  it("clicking a finding selects its words; a fix applies with one click; Send is never pressed", async () => {
    const { page, box } = await openDialog();
    await box.fill("Great meeting you at PyData Denver!!! I hope this message finds you well.");
    await scoreText(page, /\/100/);
    await page.locator("[data-rule='exclamation-run'] .il-show").click();
    const selection = await page.evaluate(
      "(() => { const b = document.querySelector('#custom-message'); return b.value.slice(b.selectionStart, b.selectionEnd); })()",
    );
    expect(selection).toBe("!!!");
    await page.locator("[data-rule='exclamation-run'] .il-fix").click();
    await expect
      .poll(() => box.inputValue())
      .toBe("Great meeting you at PyData Denver! I hope this message finds you well.");
    // LinkedIn's own counter saw the edit as an ordinary input.
    expect(await page.locator("[data-fixture='counter']").textContent()).toBe("71/300");
    await expect.poll(() => page.locator("[data-rule='exclamation-run']").count()).toBe(0);
    expect(await page.evaluate("window.fixture.sent")).toBe(0);
    await page.screenshot({ path: join(OUTPUT, "extension-panel.png") });
    await page.close();
  });

  it("the options page sets the account: a free account counts against 200 characters", async () => {
    const options = await context.newPage();
    options.on("pageerror", (e) => void pageErrors.push(e.message));
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.getByLabel("Free: notes up to 200 characters").check();
    await expect.poll(() => options.locator("#saved").textContent()).toBe("✔ Saved");
    const { page, box } = await openDialog();
    await box.fill(GOOD);
    await expect
      .poll(() => page.locator("[data-invite-lint='count']").textContent())
      .toBe(`${GOOD.length}/200 characters`);
    // A setting changed while the dialog is open applies at once.
    await options.getByLabel("Premium: notes up to 300 characters").check();
    await expect
      .poll(() => page.locator("[data-invite-lint='count']").textContent())
      .toBe(`${GOOD.length}/300 characters`);
    await options.close();
    await page.close();
  });

  it("still finds the box when every class name has changed, and inside a shadow root", async () => {
    fixture = shuffledClasses(FIXTURE);
    try {
      for (const query of ["", "?shadow=1"]) {
        const { page, box } = await openDialog(query);
        await box.fill(STOCK);
        expect(Number(/^(\d+)\/100/.exec(await scoreText(page, /\/100/))![1])).toBeLessThanOrEqual(20);
        await box.fill(GOOD);
        expect(await scoreText(page, /passes/)).toMatch(/✔ passes$/);
        await page.close();
      }
    } finally {
      fixture = FIXTURE;
    }
  });

  it("made no network request: only the fixture pages and the extension's own files were loaded", () => {
    const own = (u: string) => u.startsWith(PROFILE_URL) || u.startsWith(`chrome-extension://${id}/`);
    expect(requests.filter((u) => u.startsWith(PROFILE_URL)).length).toBeGreaterThanOrEqual(6);
    expect(requests.filter((u) => !own(u))).toEqual([]);
    expect(escaped).toEqual([]);
    expect(context.serviceWorkers()).toEqual([]);
    if (process.env.UPDATE_SCREENSHOTS)
      copyFileSync(join(OUTPUT, "extension-panel.png"), join(ROOT, "docs/extension-panel.png"));
  });
});

describe("the extension's manifest", () => {
  it("asks for storage only, runs on www.linkedin.com only, and loads no remote code", () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION, "manifest.json"), "utf8")) as Record<string, unknown> & {
      content_scripts: { matches: string[]; js: string[] }[];
    };
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.permissions).toEqual(["storage"]);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.content_scripts.flatMap((c) => c.matches)).toEqual(["https://www.linkedin.com/*"]);
    expect(manifest.background).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    // Every script is a file of the package; none fetches, opens a socket or evaluates strings.
    for (const file of ["content.js", "options.js"]) {
      const code = readFileSync(join(EXTENSION, file), "utf8");
      expect(code, file).not.toMatch(
        /\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|\beval\(|new Function\(|importScripts/,
      );
    }
    expect(existsSync(join(ROOT, "dist/invite-lint-extension.zip"))).toBe(true);
  });
});
