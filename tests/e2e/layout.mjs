// What a person would notice about the layout of the page as it is now, shared by the layout and the
// accessibility walks so every page and state gets both: sideways scrolling, options squeezed to a word
// per line, focus under a bar that stays on screen, controls under 24x24 px; and axe-core's violations.
import { readFileSync } from "node:fs";
import { join } from "node:path";

// Evaluated through the DevTools protocol, which the page's Content-Security-Policy (no inline script)
// rightly does not let a <script> tag do.
const AXE = readFileSync(join(import.meta.dirname, "node_modules", "axe-core", "axe.min.js"), "utf8");

/** axe's violations on the page as it is now, one line each: rule, impact, and the first targets. */
export async function violations(page, where) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
  return found.map((v) => `${where}: ${v}`);
}

/** The looks every screen is checked in: a desktop in the light theme, a phone in the dark one, and the
 * narrowest width WCAG asks content to reflow to (320 CSS px: a small phone, or a desktop at 400 % zoom). */
export const SIZES = [
  { name: "1280 light", viewport: { width: 1280, height: 860 }, scheme: "light" },
  { name: "360 dark", viewport: { width: 360, height: 740 }, scheme: "dark" },
  { name: "320 light", viewport: { width: 320, height: 640 }, scheme: "light" },
];

/** The layout problems of the page as it is now, as sentences; none is expected. */
export async function problems(page, where) {
  const found = await page.evaluate(() => {
    const out = [];
    const doc = document.documentElement;
    const label = (el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`;
    if (doc.scrollWidth > window.innerWidth) {
      // Name the widest element, to say what pushes the page sideways.
      let widest = null;
      for (const el of document.body.querySelectorAll("*")) {
        const r = el.getBoundingClientRect();
        if (r.right > window.innerWidth + 1 && (!widest || r.right > widest.r)) widest = { r: r.right, el };
      }
      // A box that fits may still spill its content (a long unbroken token in a grid cell): name the
      // innermost element whose content runs past the window (document order puts it last).
      if (!widest) {
        for (const el of document.body.querySelectorAll("*")) {
          const right = el.getBoundingClientRect().left + el.scrollWidth;
          if (el.scrollWidth > el.clientWidth + 1 && right > window.innerWidth + 1) widest = { r: right, el };
        }
      }
      const name = widest ? label(widest.el) : "?";
      out.push(`scrolls sideways: ${doc.scrollWidth} px wide in ${window.innerWidth} (widest: ${name})`);
    }
    // No two controls overlap (one would hide part of the other, or take its clicks). A modal covers the
    // page by design, and content scrolls under a sticky bar: a control is compared only with those in
    // the same layer. Content of a closed <details> has boxes but is not shown. A link that wraps has a
    // box per line: its bounding box would cover the links beside it.
    const layer = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const p = getComputedStyle(e).position;
        if (p === "fixed" || p === "sticky") return e;
      }
      return null;
    };
    const boxes = [...document.querySelectorAll("button, select, input:not(.sr-only), a, summary, label.button")]
      .filter((el) => !el.closest(".sr-only") && el.checkVisibility({ visibilityProperty: true }))
      .flatMap((el) => [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0).map((r) => ({ el, r })))
      .sort((a, b) => a.r.top - b.r.top);
    const layers = new Map();
    const layerOf = (el) => { if (!layers.has(el)) layers.set(el, layer(el)); return layers.get(el); };
    const reported = new Set();
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i];
      // Sorted by top: once a box starts below this one's bottom, no later one can overlap it.
      for (let j = i + 1; j < boxes.length && boxes[j].r.top < a.r.bottom - 2; j++) {
        const b = boxes[j];
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w <= 2 || h <= 2 || a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        if (layerOf(a.el) !== layerOf(b.el) || reported.has(a.el) || reported.has(b.el)) continue;
        reported.add(a.el).add(b.el);
        const name = (el) => `${el.tagName.toLowerCase()} "${(el.textContent || el.id || "").trim().slice(0, 25)}"`;
        out.push(`two controls overlap by ${Math.round(w)}x${Math.round(h)} px: ${name(a.el)} and ${name(b.el)}`);
      }
    }
    // Nothing is cut off at the edge of a box: not by a box that hides its overflow (unless an ellipsis
    // says so), and not by one that scrolls sideways, such as a table's, the header's links or the
    // chapter's sidebar (only code blocks and the notes' wide reference tables, which show a shadow, may
    // scroll). A 1 px box is hidden for screen readers on purpose. Layout first: computing styles for
    // every element is slow.
    for (const el of document.body.querySelectorAll("*")) {
      if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth <= 1 || el.closest(".sr-only, svg")) continue;
      const st = getComputedStyle(el);
      if ((st.overflowX === "hidden" || st.overflowX === "clip") && st.textOverflow !== "ellipsis" && el.textContent.trim() && el.checkVisibility()) {
        out.push(`text is cut off at the right of ${label(el)}: "${el.textContent.trim().slice(0, 30)}"`);
      } else if ((st.overflowX === "auto" || st.overflowX === "scroll") && !el.closest("pre, article.notes") && el.checkVisibility()) {
        out.push(`cut off at the edge of its scrolling box: ${el.scrollWidth} px of content in ${el.clientWidth} px (${label(el)})`);
      }
    }
    for (const choice of document.querySelectorAll(".choice")) {
      const text = choice.querySelector(".text");
      if (!text) continue;
      const [c, x] = [choice.getBoundingClientRect(), text.getBoundingClientRect()];
      if (c.width > 0 && x.width < c.width / 2) {
        out.push(`an option's text is ${Math.round(x.width)} px wide in a ${Math.round(c.width)} px card: "${text.textContent.slice(0, 40)}"`);
      }
      // About one word per line: several lines holding only a few characters each. (A long code token
      // may fill a line alone; that is fine.)
      const chars = text.textContent.trim().length;
      const words = text.textContent.trim().split(/\s+/).length;
      const lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 20;
      const lines = Math.round(x.height / lineHeight);
      if (lines >= 4 && words >= 4 && chars / lines < 12) out.push(`an option is laid out about one word per line (${lines} lines, ${words} words, ${chars} characters)`);
    }
    // A one-word table heading is never broken across lines ("Misse" over "d" in the history at 360 px).
    // (Text hidden for screen readers only is not seen; a hyphen or slash is a fair place to break.)
    for (const th of document.querySelectorAll("th")) {
      if (!th.checkVisibility()) continue;
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement.closest(".sr-only")) nodes.push(n);
      const word = nodes.map((n) => n.textContent).join("").trim();
      if (!word || /[\s\-\/]/.test(word)) continue;
      const tops = new Set();
      for (const n of nodes) {
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
      }
      if (tops.size > 1) out.push(`the table heading "${word}" is broken across ${tops.size} lines`);
    }
    // Every control at least 24x24 CSS pixels (WCAG 2.2, 2.5.8); a radio or checkbox counts with its
    // label, which takes the same click. Links inside running text are exempt (inline targets).
    for (const el of document.querySelectorAll("button, select, input, a.button, summary")) {
      if (el.closest(".sr-only") || el.type === "hidden") continue;
      const label = el.labels && el.labels.length ? el.labels[0] : null;
      const target = (el.type === "radio" || el.type === "checkbox" || el.type === "file") && label ? label : el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not shown
      if (r.width < 24 || r.height < 24) out.push(`a control is ${Math.round(r.width)}x${Math.round(r.height)} px: ${el.tagName.toLowerCase()} "${(target.textContent || el.id || "").trim().slice(0, 30)}"`);
    }
    return out;
  });
  found.push(...(await page.evaluate(underBars)));
  return found.map((p) => `${where}: ${p}`);
}

/** Run in the page: the focused control if a bar that stays on screen (sticky or fixed, shown, not holding it)
 *  covers more than 2 px of it (and is drawn over it there), and any such bar drawn more than 2 px under another (WCAG 2.2, 2.4.11: focus not obscured).
 *  Stricter than "wholly hidden": a half-covered control is hard to see as focused. A focused box taller than
 *  100 px (a whole chapter, a dialog) is scrolled to by its top and may pass under a bar by design. */
export function underBars() {
  const overlap = (r, b) => (Math.min(r.right, b.right) > Math.max(r.left, b.left) ? Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top) : 0);
  const name = (e) => `${e.tagName.toLowerCase()}.${e.classList[0] || ""} "${(e.textContent || "").trim().slice(0, 24)}"`;
  const bars = [...document.querySelectorAll("body *")]
    .filter((e) => ["sticky", "fixed"].includes(getComputedStyle(e).position) && e.checkVisibility());
  const out = [];
  const a = document.activeElement;
  if (a && a !== document.body) {
    const r = a.getBoundingClientRect();
    if (r.height > 0 && r.height <= 100) {
      // Covered only where the bar is drawn on top (a modal's backdrop lies over the bars by design).
      const onTop = (b) => {
        const q = b.getBoundingClientRect();
        const x = (Math.max(r.left, q.left) + Math.min(r.right, q.right)) / 2;
        const y = (Math.max(r.top, q.top) + Math.min(r.bottom, q.bottom)) / 2;
        return b.contains(document.elementFromPoint(x, y));
      };
      for (const b of bars) if (!b.contains(a) && overlap(r, b.getBoundingClientRect()) > 2 && onTop(b)) out.push(`the focused ${name(a)} is under ${name(b)}`);
    }
  }
  // A modal dialog's backdrop covers the bars by design.
  for (const b of bars) for (const c of bars) {
    if (b !== c && !b.contains(c) && !c.contains(b) && !c.querySelector('[aria-modal="true"]') && Number(getComputedStyle(c).zIndex) > Number(getComputedStyle(b).zIndex)
      && overlap(b.getBoundingClientRect(), c.getBoundingClientRect()) > 2) out.push(`bar ${name(b)} is under bar ${name(c)}`);
  }
  return out;
}

