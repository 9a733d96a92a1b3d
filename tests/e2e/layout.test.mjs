// What a person sees: every page and state at 1280 px (light) and 360 px (dark) is laid out so it can be
// read. Text-only checks missed the review page showing every option one word per line; these look at
// the boxes the browser laid out.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./harness.mjs";
import { answer, finish, fresh, startQuick } from "./helpers.mjs";

let t;
before(async () => { t = await setup(); });
after(async () => { await t.teardown(); });

const SIZES = [
  { name: "1280 light", viewport: { width: 1280, height: 860 }, scheme: "light" },
  { name: "360 dark", viewport: { width: 360, height: 740 }, scheme: "dark" },
];

/** The layout problems of the page as it is now, as sentences; none is expected. */
async function problems(page, where) {
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
      const name = widest ? `${widest.el.tagName.toLowerCase()}.${[...widest.el.classList].join(".")}` : "?";
      out.push(`scrolls sideways: ${doc.scrollWidth} px wide in ${window.innerWidth} (widest: ${name})`);
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

for (const size of SIZES) {
  test(`every page reads well at ${size.name}`, async () => {
    const page = await t.open("#/", { viewport: size.viewport });
    await page.emulateMedia({ colorScheme: size.scheme });
    const all = [];
    const look = async (where) => all.push(...(await problems(page, where)));
    await fresh(page, t.url, "#/");
    await page.waitForSelector("h1");
    await look("dashboard, first visit");
    await page.goto(t.url + "#/exam/new");
    await page.waitForSelector("form.setup");
    await look("setup");
    for (const kind of ["Quick exam", "Domain drill", "Section drill"]) {
      await page.click(`.option-card:has-text("${kind}")`);
      await look(`setup, ${kind}`);
    }
    await page.click('.option-card:has-text("Quick exam")');
    await startQuick(page, 30);
    for (let i = 0; i < 30; i++) {
      await look(`exam room, question ${i + 1}`);
      await answer(page);
      await page.keyboard.press("ArrowRight");
    }
    const id = await finish(page, 0);
    await look("results");
    await page.goto(t.url + `#/review/${encodeURIComponent(id)}`);
    await page.waitForSelector(".review .choice");
    await look("review, all");
    await page.goto(t.url + `#/review/${encodeURIComponent(id)}/incorrect`);
    await page.waitForSelector(".review");
    await look("review, incorrect");
    await page.goto(t.url + "#/");
    await page.waitForSelector(".dash");
    await look("dashboard with an attempt");
    await page.goto(t.url + "#/history");
    await page.waitForSelector("table.attempts");
    await look("history");
    await page.goto(t.url + "#/notes");
    await page.waitForSelector("h1");
    await look("notes contents");
    for (const anchor of ["sse-kms", "lambda-concurrency", "dynamodb-capacity-modes", "aws-sam-cli"]) {
      await page.goto(t.url + `#/notes/${anchor}`);
      await page.waitForTimeout(100);
      await look(`notes #${anchor}`);
    }
    await page.goto(t.url + "#/nowhere");
    await page.waitForSelector("h1");
    await look("not found");
    assert.deepEqual(all, []);
    await page.close();
  });
}

/** Every published question of the bank (from questions/bank.lock): id, option count, key count. */
async function wholeBank() {
  const { readFile } = await import("node:fs/promises");
  const { join } = await import("node:path");
  const lock = await readFile(join(import.meta.dirname, "..", "..", "questions", "bank.lock"), "utf8");
  return lock.split("\n").filter((l) => l && !l.startsWith("#") && !l.startsWith("retired "))
    .map((l) => { const [id, options, keys] = l.split(" "); return { id, options: +options, keys: +keys }; });
}

for (const size of SIZES) {
  test(`every question of the bank reads well in the exam room and the review at ${size.name}`, async () => {
    const bank = await wholeBank();
    const now = Date.now();
    // An untimed exam of the whole bank, each question answered with its first options.
    const session = {
      version: 1, id: "layout-whole-bank",
      spec: { kind: { Picked: { title: "Whole bank", ids: bank.map((q) => q.id) } }, mode: "Exam", extra_time: false, seed: 1 },
      exam: "DVA-C03", bank_version: "layout", started_ms: now, deadline_ms: null,
      items: bank.map((q) => ({
        id: q.id, order: [...Array(q.options).keys()], keys: q.keys,
        chosen: [...Array(q.keys).keys()], flagged: false, checked: false, spent_ms: 0,
      })),
      current: 0, entered_ms: now, finished_ms: null, expired: false,
    };
    const page = await t.open("#/", { viewport: size.viewport });
    await page.emulateMedia({ colorScheme: size.scheme });
    await page.evaluate((s) => { localStorage.clear(); localStorage.setItem("dva.exam", s); }, JSON.stringify(session));
    await page.goto(t.url + "#/exam");
    await page.reload();
    await page.waitForSelector(".exam .card");
    const all = [];
    for (let i = 0; i < bank.length; i++) {
      assert.equal(await page.textContent(".progress"), `Question ${i + 1} of ${bank.length}`);
      all.push(...(await problems(page, `exam room, ${bank[i].id}`)));
      await page.keyboard.press("ArrowRight");
    }
    await page.click("button.end");
    await page.click("#end-confirm");
    await page.waitForSelector(".results");
    const id = decodeURIComponent(page.url().split("#/results/")[1]);
    await page.goto(t.url + `#/review/${encodeURIComponent(id)}`);
    await page.waitForSelector(".review .choice");
    assert.equal(await page.$$eval(".review .card", (c) => c.length), bank.length);
    all.push(...(await problems(page, "review of the whole bank")));
    assert.deepEqual(all, []);
    await page.close();
  });
}
