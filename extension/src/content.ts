// The content script on linkedin.com: watches for the invitation dialog and puts a panel
// under its note box. The engine runs here, in the page's tab; nothing is sent anywhere.
import css from "../panel.css";
import { createFinder } from "./find.js";
import { Panel } from "./panel.js";
import { DEFAULTS, loadSettings, onSettingsChange, type Settings } from "./settings.js";

/** Mutations come in bursts (a feed loading); one scan after the burst is enough. */
const SCAN_DELAY_MS = 100;

const finder = createFinder();
let settings: Settings = DEFAULTS;
const panels = new Map<HTMLElement, Panel>();
/** The document and the open shadow roots seen so far: LinkedIn renders some dialogs inside one. */
const roots = new Set<Document | ShadowRoot>();
const styled = new WeakSet<ShadowRoot>();
let timer: ReturnType<typeof setTimeout> | undefined;

const observer = new MutationObserver((records) => {
  for (const r of records) for (const node of r.addedNodes) if (node instanceof Element) addShadowRoots(node);
  scheduleScan();
});

function watch(root: Document | ShadowRoot): void {
  if (roots.has(root)) return;
  roots.add(root);
  observer.observe(root, { childList: true, subtree: true });
}

/** Watches every open shadow root at or under `el` (a tree walker does not enter them, hence the recursion). */
function addShadowRoots(el: Element): void {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = el; node; node = walker.nextNode()) {
    const shadow = (node as Element).shadowRoot;
    if (!shadow || roots.has(shadow)) continue;
    watch(shadow);
    for (const child of shadow.children) addShadowRoots(child);
  }
}

function scheduleScan(): void {
  if (timer !== undefined) return;
  timer = setTimeout(() => {
    timer = undefined;
    scan();
  }, SCAN_DELAY_MS);
}

/** A panel for each note box that has none; panels of boxes that left the page go. */
function scan(): void {
  for (const root of roots) {
    if (root instanceof ShadowRoot && !root.host.isConnected) {
      roots.delete(root);
      continue;
    }
    for (const { dialog, box } of finder.noteBoxes(root)) {
      if (panels.has(box)) continue;
      if (root instanceof ShadowRoot) styleShadowRoot(root);
      panels.set(box, new Panel(box, dialog, finder, () => settings));
    }
  }
  for (const [box, panel] of panels) {
    if (box.isConnected) continue;
    panel.destroy();
    panels.delete(box);
  }
}

/** The manifest's stylesheet reaches the document only; a shadow root gets its own copy. */
function styleShadowRoot(root: ShadowRoot): void {
  if (styled.has(root)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  styled.add(root);
}

watch(document);
addShadowRoots(document.documentElement);
scan();
void loadSettings().then((s) => {
  settings = s;
  for (const p of panels.values()) p.update();
});
onSettingsChange((s) => {
  settings = s;
  for (const p of panels.values()) p.update();
});
