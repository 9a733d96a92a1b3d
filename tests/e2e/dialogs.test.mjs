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
  assert.match(await page.textContent("#start-guard"), /unfinished exam: Quick exam \(10 questions\) \(2 of 10 answered\)/);
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
  // Results, scrolled down, then "Review incorrect answers": the review opens at its top.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.click("a:text('Review incorrect answers')");
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
