// What a person would notice about the layout of the page as it is now, shared by the layout and the
// accessibility walks so every page and state gets both: sideways scrolling, options squeezed to a word
// per line, focus hidden under a sticky bar, controls under 24x24 px; and axe-core's violations.
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

/** The two looks every screen is checked in: a desktop in the light theme, a phone in the dark one. */
export const SIZES = [
  { name: "1280 light", viewport: { width: 1280, height: 860 }, scheme: "light" },
  { name: "360 dark", viewport: { width: 360, height: 740 }, scheme: "dark" },
];

/** The layout problems of the page as it is now, as sentences; none is expected. */
export async function problems(page, where) {
  const found = await page.evaluate(() => {
    const out = [];
    const doc = document.documentElement;
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
      const name = widest ? `${widest.el.tagName.toLowerCase()}.${[...widest.el.classList].join(".")}` : "?";
      out.push(`scrolls sideways: ${doc.scrollWidth} px wide in ${window.innerWidth} (widest: ${name})`);
    }
    // The app's own tables fit the window: a column cut off at the edge of its scrolling box is missed
    // (the notes' wide reference tables may scroll; their chapters say so by their width).
    for (const t of document.querySelectorAll("table, .table-wrap")) {
      if (t.closest("article.notes")) continue;
      if (t.scrollWidth > t.clientWidth + 1) {
        out.push(`a table is cut off: ${t.scrollWidth} px of columns in a ${t.clientWidth} px box (${t.tagName.toLowerCase()}.${[...t.classList].join(".")})`);
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
    // The focused element is never hidden behind a sticky or fixed bar (WCAG 2.2, 2.4.11).
    const a = document.activeElement;
    if (a && a !== document.body) {
      const r = a.getBoundingClientRect();
      let covered = 0;
      for (const el of document.querySelectorAll("body *")) {
        const st = getComputedStyle(el);
        if ((st.position === "sticky" || st.position === "fixed") && !el.contains(a) && !a.contains(el) && st.display !== "none") {
          const b = el.getBoundingClientRect();
          if (b.top <= 0 && b.bottom > covered && b.height < window.innerHeight / 2) covered = b.bottom;
        }
      }
      if (r.height > 0 && r.bottom <= covered) out.push(`the focused ${a.tagName.toLowerCase()}#${a.id} is hidden behind a sticky bar`);
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
  return found.map((p) => `${where}: ${p}`);
}

