// Nothing is lost, whatever the browser's storage does: corrupt values, a full quota, storage disabled,
// two tabs. Each case in real Chromium with the real localStorage.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./harness.mjs";
import { fresh, startFull, startQuick, finish, answer } from "./helpers.mjs";

let t;
before(async () => { t = await setup(); });
after(async () => { await t.teardown(); });

test("corrupt JSON in the history: the app starts, says so, keeps the value aside, and export works", async () => {
  const page = await t.open("#/");
  await page.evaluate(() => { localStorage.clear(); localStorage.setItem("dva.history", "{\"version\":2,\"entries\":[{oops"); });
  await page.reload();
  await page.waitForSelector(".banner");
  assert.match(await page.textContent(".banner"), /could not be read.*kept aside/);
  assert.equal(await page.evaluate(() => localStorage.getItem("dva.history.unreadable")), "{\"version\":2,\"entries\":[{oops");
  await page.goto(t.url + "#/history");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("button:text('Export history')")]);
  assert.ok(download.suggestedFilename().endsWith(".json"));
  await page.close();
});

test("corrupt JSON in the saved exam: the app starts, says so, and keeps it aside", async () => {
  const page = await t.open("#/");
  await page.evaluate(() => { localStorage.clear(); localStorage.setItem("dva.exam", "not an exam"); });
  await page.reload();
  await page.waitForSelector(".banner");
  assert.match(await page.textContent(".banner"), /saved exam could not be read .*It was kept aside under "dva\.exam\.unreadable", not deleted/);
  assert.equal(await page.evaluate(() => localStorage.getItem("dva.exam.unreadable")), "not an exam");
  await page.close();
});

test("a history written by a newer version is left untouched, with every notice shown", async () => {
  const page = await t.open("#/");
  const newer = JSON.stringify({ version: 6, entries: [], from: "a later release" });
  await page.evaluate((n) => {
    localStorage.clear();
    localStorage.setItem("dva.history", n);
    localStorage.setItem("dva.exam", "not an exam");
  }, newer);
  await page.reload();
  await page.waitForSelector(".banner");
  const banner = await page.textContent(".banner");
  assert.match(banner, /stored results was written by a newer version of this app\. Reload the page/);
  assert.match(banner, /saved exam could not be read/, "both notices are shown, not only the last");
  // Finishing an exam in this tab does not write over the newer history.
  await page.goto(t.url + "#/exam/new");
  await startQuick(page, 10);
  await finish(page, 2);
  assert.equal(await page.evaluate(() => localStorage.getItem("dva.history")), newer);
  assert.equal(await page.evaluate(() => localStorage.getItem("dva.history.unreadable")), null, "not treated as corrupt");
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("a quota error on save: the user is told, the result stays in memory, export is offered", async () => {
  const page = await t.browser.newPage();
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === "dva.history") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return real.call(this, k, v);
    };
  });
  await page.goto(t.url + "#/");
  await page.waitForSelector("header.top");
  await fresh(page, t.url);
  await startQuick(page);
  const id = await finish(page, 2);
  assert.match(await page.textContent(".banner"), /Could not save.*export your history/);
  assert.equal(await page.$$eval(".domains-bars .domain", (l) => l.length), 4, "the results are still shown");
  await page.goto(t.url + "#/history");
  await page.waitForSelector("table.attempts");
  assert.equal(await page.$$eval("table.attempts tbody tr", (r) => r.length), 1, "the attempt is kept in memory");
  assert.match(id, /^[0-9a-f]+-[0-9a-f]+$/, "the attempt got its id");
  assert.ok(await page.$(`a[href="#/results/${id}"]`), "and its row links to its results");
  await page.close();
});

test("beyond the quota the oldest attempts are compacted to summaries, never deleted, and the user is told", async () => {
  const page = await t.browser.newPage();
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === "dva.history" && v.length > 20000) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return real.call(this, k, v);
    };
  });
  await page.goto(t.url + "#/");
  await page.waitForSelector("header.top");
  await fresh(page, t.url);
  for (let i = 0; i < 3; i++) {
    await page.goto(t.url + "#/exam/new");
    await startFull(page);
    await finish(page, 0);
  }
  assert.match(await page.textContent(".banner"), /storage was full, so the \d+ oldest attempts were stored as summaries only/);
  await page.goto(t.url + "#/history");
  await page.reload();
  await page.waitForSelector("table.attempts");
  const rows = await page.$$eval("table.attempts tbody tr", (r) => r.map((x) => x.textContent));
  assert.equal(rows.length, 3, "no attempt was deleted");
  assert.ok(rows.some((r) => r.includes("(summary only)")), "the oldest became summaries");
  assert.ok(!rows[0].includes("(summary only)"), "the newest keeps its detail");
  const stored = await page.evaluate(() => localStorage.getItem("dva.history").length);
  assert.ok(stored <= 20000);
  await page.close();
});

test("storage disabled: the app works for the session with a banner saying nothing will be kept", async () => {
  const page = await t.browser.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
  });
  await page.goto(t.url + "#/exam/new");
  await page.waitForSelector(".banner");
  assert.match(await page.textContent(".banner"), /does not let the app store anything/);
  await startQuick(page);
  await finish(page, 1);
  assert.equal(await page.$$eval(".domains-bars .domain", (l) => l.length), 4);
  await page.close();
});

test("two tabs: attempts finished in either are all kept, and one exam open in both is warned about", async () => {
  const a = await t.open("#/");
  await fresh(a, t.url);
  const b = await t.open("#/exam/new");
  await startQuick(a);
  await startQuick(b);
  await finish(a, 1);
  await finish(b, 2);
  const count = (p) => p.evaluate(() => JSON.parse(localStorage.getItem("dva.history")).entries.length);
  assert.equal(await count(a), 2);
  await a.goto(t.url + "#/history");
  await a.waitForFunction(() => document.querySelectorAll("table.attempts tbody tr").length === 2);

  // The same exam in two tabs.
  await a.goto(t.url + "#/exam/new");
  await startQuick(a);
  await b.goto(t.url + "#/exam");
  await b.reload();
  await b.waitForSelector(".exam .card");
  await answer(a);
  await b.waitForSelector(".banner");
  assert.match(await b.textContent(".banner"), /also open in another tab/);
  await a.close();
  await b.close();
});

/** Tab a starts a quick exam and answers question 1; tab b opens the same stored exam. */
async function sameExamInTwoTabs() {
  const a = await t.open("#/");
  await fresh(a, t.url);
  await startQuick(a);
  await answer(a);
  const b = await t.open("#/exam");
  await b.waitForSelector(".exam .card");
  return [a, b];
}

test("the same exam in two tabs: answers and flags given in either show in both, and none is lost", async () => {
  // Each tab stored the whole exam after every move, so an answer given in one tab was overwritten at the
  // other tab's next move and scored as wrong (a learner walkthrough found it).
  const [a, b] = await sameExamInTwoTabs();
  await b.click(".exam-side .navigator .grid .cell >> nth=5");
  await b.waitForSelector(".exam-bar:has-text('Question 6 of 10')");
  await answer(b);
  await b.keyboard.press("f");
  const cells = (p, kind) => p.$$eval(`.exam-side .navigator .grid .cell.${kind}`, (l) => l.map((c) => c.textContent.trim()));
  // Tab a shows b's answer and flag at once, and stays on its own question.
  await a.waitForFunction(() => document.querySelectorAll(".exam-side .navigator .grid .cell.answered").length === 2);
  assert.deepEqual(await cells(a, "answered"), ["1", "6"]);
  assert.deepEqual(await cells(a, "flagged"), ["6"]);
  assert.match(await a.textContent(".exam-bar"), /Question 1 of 10/);
  assert.match(await a.textContent(".banner"), /also open in another tab\. Answers given in either tab show in both/);
  // a's next answer keeps b's; b sees it too.
  await a.keyboard.press("ArrowRight");
  await answer(a);
  await b.waitForFunction(() => document.querySelectorAll(".exam-side .navigator .grid .cell.answered").length === 3);
  assert.deepEqual(await cells(b, "answered"), ["1", "2", "6"]);
  const stored = await a.evaluate(() => JSON.parse(localStorage.getItem("dva.exam")).items.map((i) => [i.chosen.length > 0, i.flagged]));
  assert.deepEqual(stored.map(([c]) => c), [true, true, false, false, false, true, false, false, false, false]);
  assert.deepEqual(stored.map(([, f]) => f), [false, false, false, false, false, true, false, false, false, false]);
  // Ended in a: the attempt holds all three answers (an attempt's items are lists; the chosen options 4th).
  await a.click("button.end");
  await a.click("#end-confirm");
  await a.waitForSelector(".results");
  const answered = await a.evaluate(() => JSON.parse(localStorage.getItem("dva.history")).entries[0].a.q.map((q) => q[3] != null && q[3].length > 0));
  assert.deepEqual(answered, [true, true, false, false, false, true, false, false, false, false]);
  await a.close();
  await b.close();
});

test("an exam submitted in another tab is let go here, not written back as still in progress", async () => {
  // The same exam open in two tabs, ended in one: the other's next answer stored it again as in progress.
  const [a, b] = await sameExamInTwoTabs();
  const id = await finish(b, 1);
  await a.waitForSelector(".banner a");
  // Its one notice: the warning that the exam was open in both tabs (b's answer) is withdrawn.
  assert.deepEqual(await a.$$eval(".banner p", (l) => l.map((p) => p.textContent)), ["This exam was submitted in another tab. See its results"]);
  assert.equal(await a.getAttribute(".banner a", "href"), `#/results/${id}`);
  await a.waitForSelector("main h1:text('No exam in progress')");
  assert.deepEqual(await a.$$eval("header nav a", (l) => l.map((x) => x.textContent)), ["Home", "New exam", "Notes", "History"]);
  // Nothing this tab does brings it back; the results open from the notice, and the notice goes.
  await a.keyboard.press("ArrowRight");
  await a.keyboard.press("1");
  assert.equal(await a.evaluate(() => localStorage.getItem("dva.exam")), null);
  await a.click(".banner a");
  await a.waitForSelector(".results");
  assert.equal(await a.$(".banner"), null);
  assert.equal(await a.evaluate(() => JSON.parse(localStorage.getItem("dva.history")).entries.length), 1);
  assert.equal(await a.evaluate(() => localStorage.getItem("dva.exam")), null);
  await a.close();
  await b.close();
});

test("no storage test page threw an error", () => {
  assert.deepEqual(t.errors.filter((e) => !/denied|quota/i.test(e)), []);
});

test("a history stored by the previous version (v4, each question an object) opens as it was and is kept as v5", async () => {
  const page = await t.open("#/");
  await fresh(page, t.url);
  await startQuick(page, 10);
  const id = await finish(page, 6);
  const score = await page.textContent(".score");
  const v5 = await page.evaluate(() => localStorage.getItem("dva.history"));
  assert.ok(v5.startsWith('{"version":5,'), v5.slice(0, 40));
  // The same history as v4 wrote it: each question an object with a short name per field.
  const v4 = await page.evaluate((raw) => {
    const names = ["i", "o", "k", "c", "ms", "cf", "p", "f", "x", "a1"];
    const h = JSON.parse(raw);
    h.version = 4;
    for (const e of h.entries) {
      e.a.q = e.a.q.map((l) => Object.fromEntries(l.map((v, n) => [names[n], v]).filter(([, v]) => v !== null)));
    }
    const out = JSON.stringify(h);
    localStorage.setItem("dva.history", out);
    return out;
  }, v5);
  assert.match(v4, /"q":\[\{"i":"[a-z0-9-]+","o":\[/);
  await page.goto(t.url + "#/history");
  await page.reload();
  await page.waitForSelector("header.top");
  assert.equal(await page.$(".banner"), null, "no notice: the history read");
  await page.goto(t.url + `#/results/${encodeURIComponent(id)}`);
  await page.waitForSelector(".results");
  assert.equal(await page.textContent(".score"), score);
  await page.click("a:text('Review all answers')");
  await page.click('.pill:has-text("Unanswered")');
  const unanswered = await page.$$eval(".review-items > li", (l) => l.filter((x) => x.style.display !== "none").length);
  assert.equal(unanswered, 4, "the six answers are there");
  // Reading does not rewrite it; the next save writes v5, the old attempt unchanged.
  assert.equal(await page.evaluate(() => localStorage.getItem("dva.history")), v4);
  await page.goto(t.url + "#/exam/new");
  await startQuick(page, 10);
  await finish(page, 0);
  const after = await page.evaluate(() => JSON.parse(localStorage.getItem("dva.history")));
  assert.equal(after.version, 5);
  assert.equal(after.entries.length, 2);
  assert.equal(JSON.stringify(after.entries[0]), JSON.stringify(JSON.parse(v5).entries[0]));
  await page.close();
});
