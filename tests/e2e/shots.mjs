// Screenshots of every page and state, at 1280x860 in the light theme and 360x740 in the dark theme, for a
// person to look at. Run through `bash tests/shots.sh` (after a build); writes PNGs into $SHOTS.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setup, launch } from "./harness.mjs";
import { bankQuestions, storedExam } from "./bank.mjs";
import { answer, finish, fresh, openStored, setDeadline, startQuick } from "./helpers.mjs";

const out = process.env.SHOTS;
if (!out) throw new Error("set SHOTS to the folder for the screenshots");
mkdirSync(out, { recursive: true });

const SIZES = [
  { name: "1280-light", viewport: { width: 1280, height: 860 }, scheme: "light" },
  { name: "360-dark", viewport: { width: 360, height: 740 }, scheme: "dark" },
];

const env = await setup();

/** A new page of `browser` at `size`'s viewport and colour scheme. */
async function themedPage(browser, size) {
  const page = await browser.newPage();
  await page.setViewportSize(size.viewport);
  await page.emulateMedia({ colorScheme: size.scheme });
  return page;
}
/** A new tab of `browser` at `size`, its requests set up by `routes`, on the setup page with nothing stored (no
 * unfinished exam from a tab before it). */
async function setupPage(browser, size, routes) {
  const page = await themedPage(browser, size);
  await routes(page);
  await page.goto(env.url + "#/exam/new");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector("form.setup");
  return page;
}
let count = 0;

/** Saves the page as `<n>-<name>-<size>.png`; the whole page unless `viewportOnly`. */
async function shot(page, size, name, viewportOnly = false) {
  count += 1;
  const file = join(out, `${String(count).padStart(3, "0")}-${name}-${size.name}.png`);
  await page.screenshot({ path: file, fullPage: !viewportOnly });
}

/** Opens a stored exam of known questions (see bank.mjs) in the exam room. */
const openExam = (page, questions, options) => openStored(page, env.url, storedExam(questions, options));

const bank = bankQuestions();
const singles = bank.filter((q) => !q.multi);

for (const size of SIZES) {
  const page = await env.open("#/", { viewport: size.viewport });
  await page.emulateMedia({ colorScheme: size.scheme });
  page.on("dialog", (d) => d.accept());
  await fresh(page, env.url, "#/");
  await page.waitForSelector("h1");
  await shot(page, size, "dashboard-first-visit");
  await page.goto(env.url + "#/history");
  await page.waitForSelector("h1");
  await shot(page, size, "history-empty", true);

  // Setup: each kind, practice mode, extra time.
  await page.goto(env.url + "#/exam/new");
  await page.waitForSelector("form.setup");
  await shot(page, size, "setup-full");
  for (const kind of ["Quick exam", "Domain drill", "Section drill"]) {
    await page.click(`.option-card:has-text("${kind}")`);
    await shot(page, size, `setup-${kind.toLowerCase().replace(/ /g, "-")}`);
  }
  await page.click('.option-card:has-text("Practice")');
  await shot(page, size, "setup-practice");
  await page.click('.option-card:has-text("Timed; no feedback")');
  await page.click('.option-card:has-text("Full mock exam")');
  await page.click("label.check:has-text('Extra time')");
  await shot(page, size, "setup-extra-time");

  // The exam room: a question, Choose TWO at its cap, flagged, the navigator, help, review screen filters,
  // the end dialog.
  await page.click("label.check:has-text('Extra time')");
  await page.click('.option-card:has-text("Quick exam")');
  await startQuick(page, 10);
  await shot(page, size, "exam-question", true);
  for (let i = 0; i < 10 && !(await page.$(".choose")); i++) await page.keyboard.press("ArrowRight");
  if (await page.$(".choose")) {
    await answer(page);
    await page.keyboard.press("3");
    await shot(page, size, "exam-choose-two-cap", true);
  }
  await page.keyboard.press("f");
  await shot(page, size, "exam-flagged-and-navigator");
  // How sure, and an option struck out (by its toggle).
  await page.keyboard.press("s");
  await page.click("#strike-0");
  await shot(page, size, "exam-sure-and-struck-out", true);
  await page.keyboard.press("?");
  await shot(page, size, "exam-shortcuts-help", true);
  await page.keyboard.press("Escape");
  await page.keyboard.press("r");
  await shot(page, size, "exam-review-screen-all");
  for (const f of ["Unanswered", "Flagged"]) {
    await page.click(`.review-screen .pill:has-text("${f}")`);
    await shot(page, size, `exam-review-screen-${f.toLowerCase()}`);
  }
  await page.keyboard.press("r");
  await page.click("button.end");
  await shot(page, size, "exam-end-dialog", true);
  await page.click("#end-cancel");
  const failed = await finish(page, 6);
  await shot(page, size, "results-fail");
  await page.locator("h2:has-text('How sure you were')").scrollIntoViewIfNeeded();
  await shot(page, size, "results-how-sure-and-pacing", true);
  await page.goto(env.url + `#/review/${encodeURIComponent(failed)}/incorrect`);
  await page.waitForSelector(".review");
  await shot(page, size, "review-incorrect", true);
  // The first domain the attempt asked about (only those are offered).
  await page.selectOption("#review-domain", { index: 1 });
  await shot(page, size, "review-by-domain", true);

  // The last five minutes' warning style.
  await openExam(page, singles.slice(0, 3), { mode: "Exam" });
  await setDeadline(page, 4 * 60_000);
  await page.reload();
  await page.waitForSelector(".exam .card");
  await shot(page, size, "exam-last-five-minutes", true);

  // Practice feedback, and a passed exam (every key chosen).
  const known = singles.slice(0, 5);
  await openExam(page, known);
  for (const k of known[0].keys) await page.click(`.choice >> nth=${k}`);
  await page.click("button:text('Check answer')");
  await page.waitForSelector(".feedback");
  await shot(page, size, "practice-feedback");
  await openExam(page, known, { mode: "Exam", counted: true });
  for (const q of known) {
    for (const k of q.keys) await page.click(`.choice >> nth=${k}`);
    await page.keyboard.press("ArrowRight");
  }
  await page.click("button.end");
  await page.click("#end-confirm");
  await page.waitForSelector(".results");
  await shot(page, size, "results-pass");
  const passed = decodeURIComponent(page.url().split("#/results/")[1]);
  await page.goto(env.url + `#/review/${encodeURIComponent(passed)}`);
  await page.waitForSelector(".review .choice");
  await shot(page, size, "review-all", true);

  // A third attempt, then the dashboard and history with data, and an import refused.
  await page.goto(env.url + "#/exam/new");
  await startQuick(page, 10);
  await finish(page, 8);
  await page.goto(env.url + "#/");
  await page.waitForSelector(".dash");
  await shot(page, size, "dashboard-three-attempts");
  await page.locator(".verdict-card").scrollIntoViewIfNeeded();
  await shot(page, size, "dashboard-ready-to-book-and-tasks", true);
  await page.goto(env.url + "#/exam/new?tasks=2.2");
  await page.reload();
  await page.waitForSelector("form.setup");
  await shot(page, size, "setup-task-statement-drill");
  await page.goto(env.url + "#/history");
  await page.waitForSelector("table.attempts");
  await shot(page, size, "history");
  const bad = join(out, "not-an-export.json");
  writeFileSync(bad, "{ this is not json");
  await page.setInputFiles("#import-file", bad);
  await page.waitForSelector(".message.bad");
  await shot(page, size, "history-import-refused");

  // Notes: contents, search results, a deep link, a long code block and a table.
  await page.goto(env.url + "#/notes");
  await page.waitForSelector("h1");
  await shot(page, size, "notes-contents", true);
  await page.fill("#note-search", "envelope encrpytion");
  await page.waitForTimeout(200);
  await shot(page, size, "notes-search-with-a-typo", true);
  for (const [anchor, name] of [["sse-kms", "deep-link"], ["lambda-response-streaming", "code-block"], ["bedrock-converse-versus-invokemodel", "table"]]) {
    await page.goto(env.url + `#/notes/${anchor}`);
    await page.waitForTimeout(250);
    await shot(page, size, `notes-${name}`, true);
  }
  await page.goto(env.url + "#/nowhere");
  await page.waitForSelector("h1");
  await shot(page, size, "not-found", true);

  // Content on its way, or not downloadable (a browser without the service worker, requests held or
  // refused): the exam waiting for its questions, the page that could not load, practice feedback
  // waiting for its explanation, a chapter that could not load.
  {
    const { browser, close } = await launch({ serviceWorkers: "block" });
    const p = await themedPage(browser, size);
    // Leaving the timed exam below for the setup page asks first: yes (dismissed, the app stayed in the exam
    // room, and the reload that followed could land there instead of on the setup page).
    p.on("dialog", (d) => d.accept());
    let release;
    const held = new Promise((r) => { release = r; });
    await p.route("**/content/questions-*", async (r) => { await held; return r.continue(); });
    await p.goto(env.url + "#/exam/new");
    await p.waitForSelector("form.setup");
    await p.click("button:text('Start exam')");
    await p.waitForSelector("main .loading");
    await shot(p, size, "exam-waiting-for-questions", true);
    release();
    await p.waitForSelector(".exam .card");
    await p.close();
    // A tab of its own for the refusal: a page that has the questions file keeps it in memory.
    const n = await setupPage(browser, size, (t) => t.route("**/content/questions-*", (r) => r.abort("internetdisconnected")));
    n.on("dialog", (d) => d.accept());
    await n.click("button:text('Start exam')");
    await n.waitForSelector("main h1:text('This page could not load')");
    await shot(n, size, "exam-questions-not-downloadable", true);
    await n.close();
    const q = await setupPage(browser, size, async (t) => {
      await t.route("**/content/explanations-*", () => {}); // never answered
      await t.route("**/content/notes-05-*", (r) => r.abort("internetdisconnected"));
    });
    await q.click('.option-card:has-text("Quick exam")');
    await q.click('.option-card:has-text("Practice")');
    await q.click("button:text('Start exam')");
    await q.waitForSelector(".exam .card");
    await answer(q);
    await q.click("button:text('Check answer')");
    await q.waitForSelector(".feedback .loading");
    await shot(q, size, "practice-waiting-for-explanation", true);
    await q.goto(env.url + "#/notes/aws-cli-iam-roles-ec2-instance-metadata-aws-sdk-cli-profiles");
    await q.waitForSelector(".reader .notice");
    await shot(q, size, "notes-chapter-not-downloadable", true);
    // The app cannot start without its content index: the first screen says why.
    const r = await themedPage(browser, size);
    await r.route("**/content/index-*", (route) => route.abort("internetdisconnected"));
    await r.goto(env.url + "#/");
    await r.waitForFunction(() => document.querySelector("#first-status").textContent.startsWith("The app could not start"));
    await shot(r, size, "first-screen-no-content-index", true);
    await close();
  }

  // The banner: unreadable storage kept aside.
  await page.evaluate(() => localStorage.setItem("dva.history", "{oops"));
  await page.goto(env.url + "#/");
  await page.reload();
  await page.waitForSelector(".banner");
  await shot(page, size, "banner-unreadable-storage", true);
  await page.evaluate(() => localStorage.clear());
  await page.close();
}

await env.teardown();
console.log(`${count} screenshots in ${out}`);
