// The exam in a real browser: a quick exam by keyboard and mouse, flag and review, ending and results;
// resuming after a reload; an exam whose time ran out while away; practice mode; the multiple-response cap.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./harness.mjs";
import { bankQuestions, storedExam } from "./bank.mjs";
import { answer, fresh } from "./helpers.mjs";

let t;
before(async () => { t = await setup(); });
after(async () => { await t.teardown(); });

/** Starts an exam from the setup page. */
async function start(page, { kind = "Quick exam", length = 10, practice = false } = {}) {
  await fresh(page, t.url);
  await page.waitForSelector("form.setup");
  await page.click(`.option-card:has-text("${kind}")`);
  if (kind !== "Full mock exam") await page.click(`.pill:has-text("${length} questions")`);
  if (practice) await page.click('.option-card:has-text("Practice")');
  await page.click("button:text('Start exam')");
  await page.waitForSelector(".exam .card");
}

const progress = (page) => page.textContent(".progress");

test("a 10-question quick exam by keyboard and mouse, with a flag and the review screen", async () => {
  const page = await t.open("#/");
  await start(page);
  assert.equal(await progress(page), "Question 1 of 10");
  assert.match(await page.textContent(".timer"), /^Time remaining 0:(20:00|19:5\d)$/);
  for (let i = 0; i < 10; i++) {
    const multi = await page.$(".choose");
    const need = multi ? ((await multi.textContent()).includes("THREE") ? 3 : 2) : 1;
    if (i % 2 === 0) {
      for (let k = 1; k <= need; k++) await page.keyboard.press(String(k));
    } else {
      for (let k = 0; k < need; k++) await page.click(`.choice label >> nth=${k}`);
    }
    assert.equal(await page.$$eval(".choice input:checked", (l) => l.length), need, `question ${i + 1} answered`);
    if (i === 3) {
      await page.keyboard.press("f");
      assert.equal(await page.getAttribute("button.flag", "aria-pressed"), "true");
    }
    if (i < 9) {
      if (i % 2 === 0) await page.keyboard.press("ArrowRight"); else await page.click("button:text('Next →')");
      await page.waitForFunction((n) => document.querySelector(".progress").textContent === `Question ${n} of 10`, i + 2);
    }
  }
  assert.equal(await page.$$eval(".navigator .grid .cell.answered", (l) => l.length), 10);
  assert.equal(await page.$$eval(".navigator .grid .cell.flagged", (l) => l.length), 1);
  assert.match(await page.textContent(".tally"), /10 answered · 0 unanswered · 1 flagged/);

  await page.keyboard.press("r");
  await page.waitForSelector(".review-screen");
  assert.equal(await page.$$eval(".review-row", (l) => l.length), 10);
  await page.click('.pill:has-text("Flagged")');
  await page.waitForFunction(() => document.querySelectorAll(".review-row").length === 1);
  await page.click(".review-row");
  await page.waitForFunction(() => document.querySelector(".progress").textContent === "Question 4 of 10");

  await page.click("button.end");
  assert.match(await page.textContent("#end-text"), /0 unanswered and 1 flagged question\b/);
  await page.click("#end-confirm");
  await page.waitForSelector(".results");
  assert.match(page.url(), /#\/results\//);
  assert.equal(await page.$$eval(".domains-bars .domain", (l) => l.length), 4);
  const scaled = Number(await page.textContent(".score .big"));
  assert.ok(scaled >= 100 && scaled <= 1000);
  assert.match(await page.textContent(".score"), /of 10 correct/);
  await page.click("a:text('Review all answers')");
  await page.waitForSelector(".review-items");
  assert.equal(await page.$$eval(".review-items > li", (l) => l.length), 10);
  assert.ok(await page.$$eval(".review-items .mark", (ms) => ms.some((m) => m.textContent.includes("Correct"))));
  await page.close();
});

test("a reload mid-exam resumes on the same question with the clock still running", async () => {
  const page = await t.open("#/");
  await start(page, { length: 20 });
  await answer(page);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector(".progress").textContent === "Question 3 of 20");
  const deadline = await page.evaluate(() => JSON.parse(localStorage.getItem("dva.exam")).deadline_ms);
  await page.waitForTimeout(1200);
  await page.reload();
  await page.waitForSelector(".exam .card");
  assert.equal(await progress(page), "Question 3 of 20");
  assert.equal(await page.$$eval(".navigator .grid .cell.answered", (l) => l.length), 1);
  const shown = await page.textContent(".timer");
  assert.match(shown, /0:39:5\d/, `the clock kept running: ${shown}`);
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem("dva.exam")).deadline_ms), deadline);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("an exam whose time ran out while away is submitted on return, and the user is told", async () => {
  const page = await t.open("#/");
  await start(page);
  await answer(page);
  await page.evaluate(() => {
    const s = JSON.parse(localStorage.getItem("dva.exam"));
    s.deadline_ms = Date.now() - 60_000;
    localStorage.setItem("dva.exam", JSON.stringify(s));
  });
  await page.goto(t.url + "#/");
  await page.reload();
  await page.waitForSelector(".results");
  assert.match(await page.textContent(".banner"), /ran out while the app was closed/);
  assert.equal(await page.evaluate(() => localStorage.getItem("dva.exam")), null);
  assert.match(await page.textContent(".results"), /time ran out/);
  const history = await page.evaluate(() => JSON.parse(localStorage.getItem("dva.history")));
  assert.equal(history.entries.length, 1, "the attempt is stored");
  await page.click("a:text('Review all answers')");
  await page.click('.pill:has-text("Unanswered")');
  const unanswered = await page.$$eval(".review-items > li", (l) => l.filter((x) => x.style.display !== "none").length);
  assert.equal(unanswered, 9, "the answer saved before leaving counts");
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("at 0:00 an open exam ends itself and opens the results", async () => {
  const page = await t.open("#/");
  await start(page);
  await page.evaluate(() => {
    const s = JSON.parse(localStorage.getItem("dva.exam"));
    s.deadline_ms = Date.now() + 1500;
    localStorage.setItem("dva.exam", JSON.stringify(s));
  });
  await page.reload();
  await page.waitForSelector(".exam .card");
  await page.waitForSelector(".results", { timeout: 5000 });
  assert.match(await page.textContent(".results"), /time ran out/);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("practice mode: the key is judged Correct and a distractor Incorrect, with the reason, by mouse and Enter", async () => {
  const bank = bankQuestions();
  const single = bank.find((q) => !q.multi);
  const multi = bank.find((q) => q.keys.length === 2);
  // Four questions, options in file order: the single answered right, then wrong; the multi right, then wrong.
  const qs = [single, bank.filter((q) => !q.multi)[1], multi, bank.filter((q) => q.keys.length === 2)[1]];
  const page = await t.open("#/");
  await page.evaluate((s) => { localStorage.clear(); localStorage.setItem("dva.exam", s); }, storedExam(qs));
  await page.goto(t.url + "#/exam");
  await page.reload();
  await page.waitForSelector(".exam .card");
  assert.equal(await page.textContent(".timer"), "Practice · untimed");
  const pick = async (positions) => { for (const p of positions) await page.click(`.choice >> nth=${p}`); };
  const verdict = async () => (await page.textContent(".feedback .verdict")).trim();
  // 1: the key, by mouse and the button.
  assert.equal(await page.textContent("#check-why"), "Choose an option to check your answer.");
  await pick(qs[0].keys);
  await page.click("button:text('Check answer')");
  await page.waitForSelector(".feedback");
  assert.equal(await verdict(), "✓ Correct");
  assert.equal(await page.evaluate(() => document.activeElement.id), "feedback", "the feedback has focus");
  assert.ok((await page.textContent(".feedback .explanation")).length > 40);
  assert.ok(await page.$$eval(".note-links a", (l) => l.length > 0 && l.every((a) => a.getAttribute("href").startsWith("#/notes/"))));
  const marks = await page.$$eval(".choice .mark", (ms) => ms.map((m) => m.textContent));
  assert.deepEqual(marks, ["✓ Correct, your answer"], "only the key is marked, as chosen");
  assert.ok(await page.$eval(".choice input", (i) => i.disabled), "a checked answer is locked");
  // 2: a distractor, checked with Enter.
  await page.keyboard.press("ArrowRight");
  const wrong = [...Array(qs[1].options).keys()].find((i) => !qs[1].keys.includes(i));
  await pick([wrong]);
  await page.focus("#q-title");
  await page.keyboard.press("Enter");
  await page.waitForSelector(".feedback");
  assert.equal(await verdict(), "✗ Incorrect");
  // 3: Choose TWO: with one pick the button says why it waits; both keys are Correct.
  await page.keyboard.press("ArrowRight");
  await pick([qs[2].keys[0]]);
  assert.ok(await page.$eval("button:text('Check answer')", (b) => b.disabled));
  assert.equal(await page.textContent("#check-why"), "Choose 2 options to check your answer (1 chosen).");
  await pick([qs[2].keys[1]]);
  await page.click("button:text('Check answer')");
  await page.waitForSelector(".feedback");
  assert.equal(await verdict(), "✓ Correct");
  // 4: one key and one distractor is all-or-nothing: Incorrect.
  await page.keyboard.press("ArrowRight");
  const distractor = [...Array(qs[3].options).keys()].find((i) => !qs[3].keys.includes(i));
  await pick([qs[3].keys[0], distractor]);
  await page.click("button:text('Check answer')");
  await page.waitForSelector(".feedback");
  assert.equal(await verdict(), "✗ Incorrect");
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("a multiple-response question never takes more than its number of choices, and says so", async () => {
  const page = await t.open("#/");
  await start(page, { length: 30 });
  for (let i = 0; i < 30 && !(await page.$(".choose")); i++) await page.keyboard.press("ArrowRight");
  const text = await page.textContent(".choose");
  const need = text.includes("THREE") ? 3 : 2;
  for (let k = 1; k <= need + 1; k++) await page.keyboard.press(String(k));
  assert.equal(await page.$$eval(".choice input:checked", (l) => l.length), need);
  assert.match(await page.textContent(".cap"), /already chosen/);
  await page.keyboard.press("1");
  assert.equal(await page.$$eval(".choice input:checked", (l) => l.length), need - 1, "a choice can be cleared");
  // By mouse: ticking one more than allowed leaves on screen exactly what is recorded.
  await page.click(".choice >> nth=0");
  assert.equal(await page.$$eval(".choice input:checked", (l) => l.length), need);
  await page.click(`.choice >> nth=${need}`);
  const shown = await page.$$eval(".choice input", (l) => l.map((i, n) => (i.checked ? n : -1)).filter((n) => n >= 0));
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("dva.exam")));
  const item = stored.items[stored.current];
  const recorded = item.chosen.map((orig) => item.order.indexOf(orig)).sort();
  assert.deepEqual(shown, recorded, "the ticks on screen are the choices recorded");
  assert.equal(shown.length, need);
  assert.ok(!shown.includes(need), "the extra option stays unticked");
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("leaving a running exam asks first; staying keeps the exam open", async () => {
  const page = await t.open("#/");
  await start(page);
  page.once("dialog", (d) => d.dismiss());
  await page.click('header a:text("Notes")');
  await page.waitForTimeout(200);
  assert.ok(page.url().endsWith("#/exam"));
  assert.ok(await page.$(".exam .card"));
  page.once("dialog", (d) => d.accept());
  await page.click('header a:text("Notes")');
  await page.waitForSelector(".toc");
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("no exam page threw an error", () => {
  assert.deepEqual(t.errors, []);
});
