// Accessibility: axe-core (from npm, injected into the page) reports no violations of any of its default
// rules on every page and state, in the light theme at 1280 px and the dark theme at 360 px; the same walk
// runs the layout checks (layout.mjs) on each of those states.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./harness.mjs";
import { bankQuestions, storedExam } from "./bank.mjs";
import { answer, finish, fresh, setDeadline, startQuick } from "./helpers.mjs";
import { SIZES, problems, violations } from "./layout.mjs";

let t;
before(async () => { t = await setup(); });
after(async () => { await t.teardown(); });

for (const size of SIZES) {
  test(`axe finds no violations on any page or state at ${size.name}`, async () => {
    const page = await t.open("#/", { viewport: size.viewport });
    await page.emulateMedia({ colorScheme: size.scheme });
    page.on("dialog", (d) => d.accept()); // leaving an exam room asks first
    const all = [];
    const look = async (where) => all.push(...(await violations(page, where)), ...(await problems(page, where)));
    await fresh(page, t.url, "#/");
    await page.waitForSelector("h1");
    await look("dashboard, first visit");
    await page.goto(t.url + "#/history");
    await page.waitForSelector("h1");
    await look("history, empty");
    await page.goto(t.url + "#/exam/new");
    await page.waitForSelector("form.setup");
    await look("setup, full mock");
    for (const kind of ["Quick exam", "Domain drill", "Section drill", "Task statement drill"]) {
      await page.click(`.option-card:has-text("${kind}")`);
      await look(`setup, ${kind}`);
    }
    await page.click('.option-card:has-text("Practice")');
    await look("setup, practice mode");
    await page.click('.option-card:has-text("Timed; no feedback")');
    await page.click('.option-card:has-text("Quick exam")');
    await startQuick(page, 30);
    await look("exam room, a question");
    for (let i = 0; i < 30 && !(await page.$(".choose")); i++) await page.keyboard.press("ArrowRight");
    await answer(page);
    await page.keyboard.press("3");
    await look("exam room, Choose TWO at its cap");
    await page.keyboard.press("f");
    await look("exam room, flagged");
    await page.keyboard.press("?");
    await look("exam room, shortcuts help");
    await page.keyboard.press("Escape");
    // The clock's last ten and last five minutes (their colours must still read against the bar).
    for (const [minutes, level] of [[8, "warning"], [4, "danger"]]) {
      await setDeadline(page, minutes * 60_000);
      await page.reload();
      await page.waitForSelector(`.timer.${level}`);
      // The clock shows while the questions file may still be loading after the reload; the room's keys
      // work once the question is there (a press of r before it was lost once in CI).
      await page.waitForSelector(".exam .card");
      await look(`exam room, clock in its last ${minutes < 5 ? "five" : "ten"} minutes`);
    }
    await page.keyboard.press("r");
    await page.waitForSelector(".review-list");
    await look("exam room, review screen");
    await page.keyboard.press("r");
    await page.click("button.end");
    await page.waitForSelector("#end-dialog");
    await look("exam room, end dialog");
    await page.click("#end-confirm");
    await page.waitForSelector(".results");
    await look("results");
    const id = decodeURIComponent(page.url().split("#/results/")[1]);
    await page.goto(t.url + `#/review/${encodeURIComponent(id)}`);
    await page.waitForSelector(".review .choice");
    await look("review, all");
    await page.goto(t.url + `#/review/${encodeURIComponent(id)}/incorrect`);
    await page.waitForSelector(".review");
    await look("review, incorrect");
    await page.goto(t.url + "#/exam/new");
    await startQuick(page, 10);
    await page.goto(t.url + "#/exam/new");
    await page.waitForSelector("form.setup");
    await page.click("button:text('Start exam')");
    await page.waitForSelector("#start-guard");
    await look("start guard dialog");
    await page.click("#guard-discard");
    await page.waitForSelector(".exam .card");
    await finish(page, 5);
    await page.goto(t.url + "#/");
    await page.waitForSelector(".dash");
    await look("dashboard with attempts");
    await page.goto(t.url + "#/history");
    await page.waitForSelector("table.attempts");
    await look("history with attempts");
    // Practice feedback, from a stored practice exam of one known question answered with its key.
    const q = bankQuestions()[0];
    await page.evaluate((s) => localStorage.setItem("dva.exam", s), storedExam([q]));
    await page.goto(t.url + "#/exam");
    await page.reload();
    await page.waitForSelector(".exam .card");
    for (const k of q.keys) await page.click(`.choice >> nth=${k}`);
    await page.click("button:text('Check answer')");
    await page.waitForSelector(".feedback");
    await look("practice feedback");
    await page.evaluate(() => localStorage.removeItem("dva.exam"));
    await page.goto(t.url + "#/notes");
    await page.waitForSelector("h1");
    await look("notes contents");
    await page.fill(".search input", "envelope encryption");
    await page.waitForTimeout(200);
    await look("notes search results");
    // Every chapter of the notes, and a few deep links.
    await page.fill("#note-search", "");
    await page.waitForSelector(".toc");
    const chapters = await page.$$eval(".toc > li h2 a", (as) => as.map((a) => a.getAttribute("href").replace("#/notes/", "")));
    assert.equal(chapters.length, 24);
    for (const anchor of [...chapters, "sse-kms", "lambda-concurrency", "bedrock-converse-versus-invokemodel"]) {
      await page.goto(t.url + `#/notes/${anchor}`);
      await page.waitForTimeout(200);
      await look(`notes #${anchor}`);
    }
    await page.goto(t.url + "#/nowhere");
    await page.waitForSelector("h1");
    await look("not found");
    await page.evaluate(() => localStorage.setItem("dva.history", "{oops"));
    await page.goto(t.url + "#/");
    await page.reload();
    await page.waitForSelector(".banner");
    await look("banner: unreadable storage");
    await page.evaluate(() => localStorage.clear());
    assert.deepEqual(all, []);
    await page.close();
  });
}
