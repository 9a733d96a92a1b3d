// One exam at a time, by choice: every way to start an exam asks before replacing an unfinished one, and
// the dialogs keep focus inside while open and give it back when closed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./harness.mjs";
import { answer, finish, fresh, startQuick } from "./helpers.mjs";

let t;
before(async () => { t = await setup(); });
after(async () => { await t.teardown(); });

const focusedId = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);
/** Waits (a frame or two) for the page to be scrolled to the top; returns the scroll position. */
async function atTop(page) {
  await page.waitForFunction(() => window.scrollY === 0, null, { timeout: 2000 }).catch(() => {});
  return page.evaluate(() => window.scrollY);
}
/** Waits (a frame or two) until the element with this id or text has focus, then returns what has it. */
async function focusOn(page, want) {
  await page.waitForFunction((w) => (document.activeElement?.id || document.activeElement?.textContent) === w, want, { timeout: 2000 }).catch(() => {});
  return focusedId(page);
}
const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem("dva.exam")));
const attempts = (page) => page.evaluate(() => JSON.parse(localStorage.getItem("dva.history") || '{"entries":[]}').entries.length);

test("starting an exam while one is unfinished asks: resume it, or discard it (nothing recorded)", async () => {
  const page = await t.open("#/");
  await fresh(page, t.url);
  await startQuick(page, 10);
  await answer(page);
  await page.keyboard.press("ArrowRight");
  await answer(page);
  const unfinished = (await stored(page)).id;
  // The setup page: Start opens the dialog, with focus on "Resume".
  page.once("dialog", (d) => d.accept()); // leaving the exam room asks first (native)
  await page.goto(t.url + "#/exam/new");
  await page.waitForSelector("form.setup");
  await page.click('.option-card:has-text("Quick exam")');
  await page.click(".pill:has-text('20 questions')");
  await page.click("button:text('Start exam')");
  await page.waitForSelector("#start-guard");
  assert.match(await page.textContent("#start-guard"), /unfinished exam: Quick exam \(10 questions\), 2 of 10 answered\./);
  assert.match(await page.textContent("#start-guard"), /"Quick exam \(20 questions\)"/);
  assert.equal(await focusOn(page, "guard-resume"), "guard-resume");
  // Tab stays inside: resume -> discard -> cancel -> resume; Shift+Tab goes back round.
  await page.keyboard.press("Tab");
  assert.equal(await focusedId(page), "guard-discard");
  await page.keyboard.press("Tab");
  assert.equal(await focusedId(page), "guard-cancel");
  await page.keyboard.press("Tab");
  assert.equal(await focusedId(page), "guard-resume");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await focusedId(page), "guard-cancel");
  // Esc closes it, changes nothing, and gives focus back to the Start button.
  await page.keyboard.press("Escape");
  assert.equal(await page.$("#start-guard"), null);
  assert.equal(await focusOn(page, "Start exam"), "Start exam");
  assert.equal((await stored(page)).id, unfinished);
  // Resume goes back to the same exam, on the question it was on.
  await page.click("button:text('Start exam')");
  await page.click("#guard-resume");
  await page.waitForSelector(".exam .card");
  assert.equal(await page.textContent(".progress"), "Question 2 of 10");
  assert.equal((await stored(page)).id, unfinished);
  // Discard starts the new exam and records nothing.
  page.once("dialog", (d) => d.accept());
  await page.goto(t.url + "#/exam/new");
  await page.waitForSelector("form.setup");
  await page.click('.option-card:has-text("Quick exam")');
  await page.click(".pill:has-text('20 questions')");
  await page.click("button:text('Start exam')");
  await page.click("#guard-discard");
  await page.waitForSelector(".exam .card");
  assert.equal(await page.textContent(".progress"), "Question 1 of 20");
  assert.notEqual((await stored(page)).id, unfinished);
  assert.equal(await attempts(page), 0, "the discarded exam is not recorded");
  await page.close();
});

test("retry from the results goes through the same question while an exam is unfinished", async () => {
  const page = await t.open("#/");
  await fresh(page, t.url);
  await startQuick(page, 10);
  const id = await finish(page, 3);
  await page.goto(t.url + "#/exam/new");
  await startQuick(page, 10);
  const unfinished = (await stored(page)).id;
  page.once("dialog", (d) => d.accept());
  await page.goto(t.url + `#/results/${encodeURIComponent(id)}`);
  await page.waitForSelector(".results");
  await page.click("button:has-text('Retry the')");
  await page.waitForSelector("#start-guard");
  await page.click("#guard-cancel");
  assert.equal(await page.$("#start-guard"), null);
  assert.equal((await stored(page)).id, unfinished, "cancel keeps the unfinished exam");
  assert.ok(page.url().includes("#/results/"), "and stays on the results");
  await page.close();
});

test("the end-exam dialog keeps focus inside, and Esc gives it back to the End exam button", async () => {
  const page = await t.open("#/");
  await fresh(page, t.url);
  await startQuick(page, 10);
  await page.click("button.end");
  await page.waitForSelector("#end-dialog");
  assert.equal(await focusOn(page, "end-cancel"), "end-cancel");
  await page.keyboard.press("Tab");
  assert.equal(await focusedId(page), "end-confirm");
  await page.keyboard.press("Tab");
  assert.equal(await focusedId(page), "end-cancel", "Tab wraps inside the dialog");
  await page.keyboard.press("Escape");
  assert.equal(await page.$("#end-dialog"), null);
  assert.equal(await focusOn(page, "End exam"), "End exam");
  await page.close();
});

test("every page change starts at the top with focus on the new page's heading", async () => {
  const page = await t.open("#/", { viewport: { width: 360, height: 740 } });
  await fresh(page, t.url);
  await page.waitForSelector("form.setup");
  // Scroll down, start: the exam room opens at the top, focus on the question's heading.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.click('.option-card:has-text("Quick exam")');
  await page.click("button:text('Start exam')");
  await page.waitForSelector(".exam .card");
  assert.equal(await focusOn(page, "q-title"), "q-title");
  assert.equal(await atTop(page), 0);
  // Next: the new question at the top, its heading focused.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector(".progress")?.textContent.startsWith("Question 2 of "));
  assert.equal(await focusOn(page, "q-title"), "q-title");
  assert.equal(await atTop(page), 0);
  const id = await finish(page, 0);
  // Results, scrolled down, then "Review missed questions": the review opens at its top.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.click("a:text('Review missed questions')");
  await page.waitForSelector(".review");
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  assert.match(await page.evaluate(() => document.activeElement.textContent), /^Review: /);
  assert.equal(await atTop(page), 0);
  // A header link: the history page's heading.
  await page.click('header a:text("History")');
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "History");
  assert.ok(id);
  await page.close();
});

/** Presses Tab (or Shift+Tab) until the focused element's text or id matches `want`; at most 60 presses. */
async function tabTo(page, want, back = false) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const here = await page.evaluate(() => {
      const a = document.activeElement;
      // A radio or checkbox is named by its label.
      const text = (a?.closest("label")?.textContent || a?.textContent || "").trim();
      // Not hidden behind a sticky bar (WCAG 2.4.11): below the bottom of every sticky element at the top.
      const r = a.getBoundingClientRect();
      let covered = 0;
      for (const el of document.querySelectorAll("body *")) {
        const st = getComputedStyle(el);
        if ((st.position === "sticky" || st.position === "fixed") && !el.contains(a) && !a.contains(el)) {
          const b = el.getBoundingClientRect();
          if (b.top <= 0 && b.bottom > covered && b.height < window.innerHeight / 2) covered = b.bottom;
        }
      }
      return { text, id: a?.id || "", visible: a?.matches(":focus-visible") ?? false, hidden: r.bottom <= covered };
    });
    if (want.test(here.text) || want.test(here.id)) {
      assert.ok(here.visible, `focus on "${here.text}" is visible`);
      assert.ok(!here.hidden, `focus on "${here.text}" is not hidden behind a sticky bar`);
      return;
    }
  }
  throw new Error(`Tab never reached ${want}`);
}

test("opening and closing a dialog, or tabbing to the exam's buttons, never scrolls the question away", async () => {
  // The bar of buttons sits in the page's bottom scroll padding: focusing one (a dialog giving focus back,
  // or Tab) scrolled the page to its end, 350 px at a time on a phone.
  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 860 }]) {
    const page = await t.open("#/", { viewport });
    await fresh(page, t.url);
    await startQuick(page, 10);
    await page.evaluate(() => scrollTo(0, 0));
    await page.click("button.end");
    await page.waitForSelector("#end-dialog");
    assert.equal(await page.evaluate(() => scrollY), 0, `${viewport.width}: opening`);
    await page.click("#end-cancel");
    await page.waitForFunction(() => document.activeElement?.classList.contains("end"));
    assert.equal(await page.evaluate(() => scrollY), 0, `${viewport.width}: closing`);
    await page.keyboard.press("?");
    await page.waitForSelector("#help-dialog");
    await page.keyboard.press("Escape");
    assert.equal(await page.evaluate(() => scrollY), 0, `${viewport.width}: the shortcuts`);
    // Tab from the last control before the bar into the bar: the page stays where it was.
    await page.focus("#q-title");
    let before = 0;
    const seen = [];
    for (let i = 0; i < 40 && seen.length < 3; i++) {
      await page.keyboard.press("Tab");
      const [inBar, name, y] = await page.evaluate(() => [!!document.activeElement?.closest(".exam-actions"), document.activeElement.textContent, scrollY]);
      if (inBar) seen.push([name, y]); else if (!seen.length) before = y;
    }
    assert.equal(seen.length, 3, JSON.stringify(seen));
    for (const [name, y] of seen) assert.equal(y, before, `${viewport.width}: Tab to ${name} scrolled from ${before}`);
    await page.close();
  }
});

test("the skip link is first and moves focus to the main content", async () => {
  const page = await t.open("#/");
  await fresh(page, t.url, "#/");
  await page.waitForSelector("h1");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to content");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");
  assert.ok(page.url().endsWith("#/"), "the route did not change");
  await page.close();
});

test("a whole quick exam can be taken with the keyboard alone, focus always visible", async () => {
  const page = await t.open("#/");
  await fresh(page, t.url, "#/");
  await page.waitForSelector("h1");
  await tabTo(page, /^Start an exam$/);
  await page.keyboard.press("Enter");
  await page.waitForSelector("form.setup");
  assert.equal(await focusOn(page, "New exam"), "New exam", "the setup page's heading has focus");
  // The kind: the radio group is reached with Tab (on the newcomer's quick exam) and moved with the arrows.
  await tabTo(page, /^Quick exam/);
  await page.keyboard.press("ArrowLeft");
  assert.ok(await page.$eval('.option-card:has-text("Full mock exam") input', (i) => i.checked));
  await page.keyboard.press("ArrowRight");
  assert.ok(await page.$eval('.option-card:has-text("Quick exam") input', (i) => i.checked));
  await tabTo(page, /^10 questions$/);
  await page.keyboard.press("ArrowRight");
  assert.ok(await page.$eval('.pill:has-text("20 questions") input', (i) => i.checked));
  await page.keyboard.press("ArrowLeft");
  assert.ok(await page.$eval('.pill:has-text("10 questions") input', (i) => i.checked));
  await tabTo(page, /^Start exam$/);
  await page.keyboard.press("Enter");
  await page.waitForSelector(".exam .card");
  assert.equal(await focusOn(page, "q-title"), "q-title");
  for (let i = 0; i < 10; i++) {
    await answer(page);
    if (i === 3) await page.keyboard.press("f");
    if (i < 9) await page.keyboard.press("ArrowRight");
  }
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("dva.exam")));
  assert.equal(stored.items.filter((it) => it.chosen.length === it.keys).length, 10, "all ten answered");
  // R opens the review screen with focus on its heading; R again returns to the question.
  await page.keyboard.press("r");
  await page.waitForFunction(() => document.activeElement?.id === "q-title" && document.activeElement.textContent === "Review");
  await page.keyboard.press("r");
  await page.waitForFunction(() => document.activeElement?.id === "q-title" && document.activeElement.textContent.startsWith("Question"));
  assert.ok(stored.items[3].flagged);
  await tabTo(page, /^End exam$/);
  await page.keyboard.press("Enter");
  assert.equal(await focusOn(page, "end-cancel"), "end-cancel");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.waitForSelector(".results");
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  assert.match(await page.evaluate(() => document.activeElement.textContent), /^Results: Quick exam \(10 questions\)/);
  assert.match(await page.textContent(".score"), /10 of 10 correct|\d+ of 10 correct/);
  await page.close();
});

test("on a phone the navigator is offered folded at the top of the exam room", async () => {
  const page = await t.open("#/", { viewport: { width: 360, height: 740 } });
  await fresh(page, t.url);
  await startQuick(page, 10);
  assert.equal(await page.$eval(".exam-side .navigator", (n) => n.checkVisibility()), false, "the side column is not shown");
  const top = await page.$eval(".nav-mobile", (d) => d.getBoundingClientRect().top);
  const question = await page.$eval(".exam .card", (c) => c.getBoundingClientRect().top);
  assert.ok(top < question, "above the question");
  await page.click(".nav-mobile summary");
  await page.click(".nav-mobile .cell >> nth=4");
  await page.waitForFunction(() => document.querySelector(".progress").textContent === "Question 5 of 10");
  await page.close();
});

/** Whether the dialog `sel` lies inside the window, whether it scrolls, and which of its buttons cannot be
 *  brought into view and hit at their centre (each is scrolled into view first, as a person would scroll). */
const reach = (page, sel) => page.evaluate((s) => {
  const d = document.querySelector(s);
  const r = d.getBoundingClientRect();
  const fits = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5;
  const unreachable = [];
  for (const b of d.querySelectorAll("button")) {
    b.scrollIntoView({ block: "nearest" });
    const br = b.getBoundingClientRect();
    if (!b.contains(document.elementFromPoint(br.x + br.width / 2, br.y + br.height / 2))) unreachable.push(b.textContent);
  }
  d.scrollTop = 0;
  return { fits, scrolls: d.scrollHeight > d.clientHeight + 1, unreachable };
}, sel);

test("on a short window (a phone held sideways, a zoomed page) every dialog fits and scrolls inside itself", async () => {
  const scrolled = [];
  for (const viewport of [{ width: 740, height: 360 }, { width: 320, height: 256 }]) {
    const size = `${viewport.width}x${viewport.height}`;
    const page = await t.open("#/", { viewport });
    page.on("dialog", (d) => d.accept()); // leaving the exam room asks first (native)
    await fresh(page, t.url);
    await startQuick(page, 10);
    await answer(page);
    // The keyboard shortcuts: its Close button sits below the list.
    await page.click("button:text('Keyboard shortcuts (?)')");
    await page.waitForSelector("#help-dialog");
    let r = await reach(page, "#help-dialog");
    assert.deepEqual([r.fits, r.unreachable], [true, []], `${size}: the shortcuts dialog fits and its Close button can be reached`);
    if (r.scrolls) scrolled.push(`help ${size}`);
    const close = await page.$eval("#help-close", (b) => { b.scrollIntoView({ block: "nearest" }); const x = b.getBoundingClientRect(); return [x.x + x.width / 2, x.y + x.height / 2]; });
    await page.mouse.click(close[0], close[1]);
    await page.waitForSelector("#help-dialog", { state: "detached" });
    // Ending the exam.
    await page.click("button.end");
    await page.waitForSelector("#end-dialog");
    r = await reach(page, "#end-dialog");
    assert.deepEqual([r.fits, r.unreachable], [true, []], `${size}: the end dialog fits and both its buttons can be reached`);
    if (r.scrolls) scrolled.push(`end ${size}`);
    await page.click("#end-cancel");
    // Starting another exam while this one is unfinished.
    await page.goto(t.url + "#/exam/new");
    await page.waitForSelector("form.setup");
    await page.click('.option-card:has-text("Quick exam")');
    await page.click("button:text('Start exam')");
    await page.waitForSelector("#start-guard");
    r = await reach(page, "#start-guard");
    assert.deepEqual([r.fits, r.unreachable], [true, []], `${size}: the unfinished-exam dialog fits and its three buttons can be reached`);
    if (r.scrolls) scrolled.push(`guard ${size}`);
    await page.close();
  }
  // The premise: at these sizes some dialogs are taller than the window and must scroll.
  assert.ok(scrolled.includes("help 740x360") && scrolled.includes("end 320x256") && scrolled.includes("guard 320x256"), scrolled.join(", "));
});
