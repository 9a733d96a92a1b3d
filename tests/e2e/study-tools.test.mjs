// The study tools: how sure the learner was, striking out options, pacing, readiness per task statement
// with the booking verdict and the task-statement drill, and reporting a question. Each journey asserts
// what a learner would see: which options are crossed out, the exact lists and figures, the verdict's
// sentences.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./harness.mjs";
import { answer, fresh, openStored, startQuick } from "./helpers.mjs";
import { bankQuestions, storedExam } from "./bank.mjs";

let t;
before(async () => { t = await setup(); });
after(async () => { await t.teardown(); });

const single = bankQuestions().filter((q) => !q.multi);
/** A distractor of `q` (original index), the first option that is not a key. */
const wrong = (q) => [...Array(q.options).keys()].find((o) => !q.keys.includes(o));

/** Opens a stored exam of `questions` (options in file order, so display position = original index). */
async function openExam(page, questions, opts, edit = (s) => s) {
  const session = edit(JSON.parse(storedExam(questions, opts)));
  await page.evaluate((s) => { localStorage.clear(); localStorage.setItem("dva.exam", s); }, JSON.stringify(session));
  await page.goto(t.url + "#/exam");
  await page.reload();
  await page.waitForSelector(".exam .card .choice");
}

async function endExam(page) {
  await page.click("button.end");
  await page.click("#end-confirm");
  await page.waitForSelector(".results");
  return decodeURIComponent(page.url().split("#/results/")[1]);
}

test("confidence and struck-out options, by mouse and keyboard, are kept, scored and shown in the review", async () => {
  const page = await t.open("#/");
  const qs = single.slice(0, 3);
  await openExam(page, qs, { mode: "Exam", id: "study-conf" });
  // Strike a distractor with its button, then another by keyboard (focus on the option, X), then undo.
  const d = wrong(qs[0]);
  const other = [...Array(qs[0].options).keys()].find((o) => o !== d && !qs[0].keys.includes(o));
  await page.click(`#strike-${d}`);
  assert.equal(await page.getAttribute(`#strike-${d}`, "aria-pressed"), "true");
  assert.ok(await page.$eval(`.choice >> nth=${d}`, (li) => li.classList.contains("struck")));
  assert.equal(await page.textContent(`.choice >> nth=${d} >> .sr-only`), " (struck out)");
  await page.focus(`#choice-${other}`);
  await page.keyboard.press("x");
  assert.equal(await page.getAttribute(`#strike-${other}`, "aria-pressed"), "true");
  await page.keyboard.press("x");
  assert.equal(await page.getAttribute(`#strike-${other}`, "aria-pressed"), "false");
  // A struck option stays selectable: choose it (wrong), and say "sure" with the S key.
  await page.click(`label[for=choice-${d}]`);
  assert.ok(await page.isChecked(`#choice-${d}`));
  await page.keyboard.press("s");
  assert.equal(await page.getAttribute('.confidence button:has-text("Sure")', "aria-pressed"), "true");
  // A reload keeps both.
  await page.reload();
  await page.waitForSelector(".exam .card .choice");
  assert.equal(await page.getAttribute(`#strike-${d}`, "aria-pressed"), "true");
  assert.equal(await page.getAttribute('.confidence button:has-text("Sure")', "aria-pressed"), "true");
  // Question 2: right, marked as a guess by mouse; question 3: right, unsure by keyboard.
  await page.keyboard.press("ArrowRight");
  await page.click(`label[for=choice-${qs[1].keys[0]}]`);
  await page.click('.confidence button:has-text("Guess")');
  await page.keyboard.press("ArrowRight");
  await page.click(`label[for=choice-${qs[2].keys[0]}]`);
  await page.keyboard.press("u");
  const id = await endExam(page);
  assert.equal(await page.textContent(".results p:has-text('Sure:')"),
    "Sure: 0 of 1 right (0%) · Unsure: 1 of 1 right (100%) · Guess: 1 of 1 right (100%)");
  assert.equal(await page.textContent("h3:has-text('Wrong while sure')"), "Wrong while sure (1)");
  assert.match(await page.textContent("h3:has-text('Wrong while sure') ~ ul"), /^Question 1: /);
  assert.equal(await page.textContent("h3:has-text('Right by guessing')"), "Right by guessing (1)");
  assert.match(await page.textContent("h3:has-text('Right by guessing') ~ ul"), /^Question 2: /);
  // The review: the misconception filter, what was said and what was struck.
  await page.goto(t.url + `#/review/${encodeURIComponent(id)}`);
  await page.waitForSelector(".review .choice");
  await page.click(".pill:has-text('Wrong while sure')");
  assert.equal(await page.textContent(".review p.meta[aria-live]"), "1 question shown.");
  const card = page.locator("#q1");
  assert.match(await card.locator("p.meta").first().textContent(), /You said: Sure$/);
  assert.equal(await card.locator(".choice").nth(d).locator(".struck-note").textContent(), "You struck this option out.");
  await page.click(".pill:has-text('Right by guessing')");
  assert.equal(await page.textContent(".review p.meta[aria-live]"), "1 question shown.");
  assert.ok(await page.isVisible("#q2"));
  // The history's calibration column.
  await page.goto(t.url + "#/history");
  await page.waitForSelector("table.attempts");
  assert.equal(await page.textContent("table.attempts tbody tr td:last-child"), "0 of 1 (0%)");
  await page.close();
});

test("with some answers rated and none Sure, the results say so and count the answers without a rating", async () => {
  // "Wrong while sure (0): every answer you were sure of was right" read as praise when nothing was marked
  // Sure, and the line of rates left out the answers with no rating (a learner walkthrough).
  const page = await t.open("#/");
  const qs = single.slice(3, 6);
  await openExam(page, qs, { mode: "Exam", id: "study-unrated" });
  await page.click(`label[for=choice-${qs[0].keys[0]}]`);
  await page.keyboard.press("u");
  await page.keyboard.press("ArrowRight");
  await page.click(`label[for=choice-${qs[1].keys[0]}]`);
  await page.keyboard.press("ArrowRight");
  await page.click(`label[for=choice-${wrong(qs[2])}]`);
  await endExam(page);
  assert.equal(await page.textContent(".results p:has-text('Unsure:')"), "Unsure: 1 of 1 right (100%) · 2 answers without a rating");
  assert.equal(await page.textContent("h3:has-text('Wrong while sure') + p"), "None: you marked no answer as Sure.");
  await page.close();
});

test("pacing: time per domain against the pace, the slowest questions, and whether changes helped", async () => {
  const page = await t.open("#/");
  const d1 = single.filter((q) => q.domain === 1);
  const d3 = single.filter((q) => q.domain === 3);
  const qs = [d1[0], d3[0], d1[1], d3[1]];
  const spent = [200_000, 30_000, 90_000, 10_000];
  await openExam(page, qs, { mode: "Exam", id: "study-pace" }, (s) => {
    s.items.forEach((it, i) => { it.spent_ms = spent[i]; });
    // 1: wrong, then changed to the key; 2: the key, then changed to a distractor; 3: kept; 4: none.
    s.items[0].first = [wrong(qs[0])]; s.items[0].chosen = [qs[0].keys[0]];
    s.items[1].first = [qs[1].keys[0]]; s.items[1].chosen = [wrong(qs[1])];
    s.items[2].first = [qs[2].keys[0]]; s.items[2].chosen = [qs[2].keys[0]];
    s.current = 3;
    return s;
  });
  await endExam(page);
  assert.equal(await page.textContent("h2:has-text('Pacing') + p"),
    "The real exam allows about 2 minutes per question (65 questions in 130 minutes). 1 of your 4 questions took longer.");
  const rows = await page.$$eval("table.pacing tbody tr", (trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, " ").trim()));
  assert.deepEqual(rows, ["Domain 1 2 4 min 50 s 2 min 25 s (over)", "Domain 3 2 40 s 20 s"]);
  // On a phone each duration stays on one line ("4 min" and "50 s" broke apart in the cell), and the table fits.
  await page.setViewportSize({ width: 360, height: 800 });
  const lines = await page.$$eval("table.pacing td.num", (tds) => tds.map((td) => {
    const r = document.createRange();
    r.selectNodeContents(td.firstChild);
    return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size;
  }));
  assert.deepEqual(lines, [1, 1, 1, 1, 1, 1]);
  assert.ok(await page.$eval("table.pacing", (t) => t.parentElement.scrollWidth <= t.parentElement.clientWidth));
  await page.setViewportSize({ width: 1280, height: 800 });
  const slowest = await page.$$eval("h3:has-text('Slowest questions') + ol li", (lis) => lis.map((l) => l.textContent));
  assert.deepEqual(slowest, ["Question 1: 3\u00a0min\u00a020\u00a0s", "Question 3: 1\u00a0min\u00a030\u00a0s", "Question 2: 30\u00a0s", "Question 4: 10\u00a0s"]);
  assert.equal(await page.textContent("p:has-text('You changed')"),
    "You changed 2 of 3 answers: 1 from wrong to right, 1 from right to wrong, 0 from one wrong answer to another.");
  await page.close();
});

test("a weak task statement links the sections of its own missed questions, not those missed under another", async () => {
  // A Kiro question missed under task 1.1 was offered as study for 3.2, 3.3, 4.1 and 4.3 too (a learner's
  // walkthrough): the overall weakest sections were kept wherever they were tagged with the task.
  const bank = bankQuestions();
  const kiro = bank.find((q) => q.task === "1.1" && q.notes.includes("ai-assisted-development-with-kiro"));
  const dax = bank.find((q) => q.task === "4.3" && q.notes.length === 1 && q.notes[0] === "dynamodb-accelerator-dax");
  const page = await t.open("#/");
  await openStored(page, t.url, storedExam([kiro, dax], { mode: "Exam", id: "task-links", counted: true }));
  await page.click("button.end");
  await page.click("#end-confirm");
  await page.waitForSelector(".results");
  await page.goto(t.url + "#/history");
  await page.waitForSelector(".task-readiness");
  const links = (task) => page.$$eval(".task-readiness li", (lis, task) => lis
    .find((li) => li.querySelector(".task-head strong").textContent === `Task ${task}`)
    .querySelectorAll(".task-links a:not(:last-child)").values().map((a) => a.textContent).toArray(), task);
  assert.deepEqual(await links("4.3"), ["DynamoDB Accelerator (DAX)"]);
  // One question is too few to judge a task statement, and its row says so (it is not coloured).
  assert.equal(await page.textContent(".task-readiness li:has(.task-head strong:text-is('Task 4.3')) .task-figure"),
    "0% over 1 question · too few to judge (10 needed)");
  assert.ok((await links("1.1")).includes("AI-Assisted Development With Kiro"), JSON.stringify(await links("1.1")));
  await page.close();
});

/** A compacted summary as stored (history v4), with its task tallies. */
function summary(n, scaled, domains, tasks) {
  return { s: {
    id: `mock-${n}`, title: "Full mock exam", ex: "DVA-C03", m: true, t0: 1_790_000_000_000 + n * 86_400_000,
    t1: 1_790_000_000_000 + n * 86_400_000 + 7_000_000, s: scaled, p: scaled >= 720,
    c: domains.reduce((a, d) => a + d[0], 0), n: domains.reduce((a, d) => a + d[1], 0), d: domains, sec: [],
    tk: tasks,
  } };
}

const TASKS = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3"];

test("readiness per task statement, the booking verdict, and a task-statement drill from it", async () => {
  const page = await t.open("#/");
  // Domain 2: 14, 14 and 15 of 20, 43 of 60 = 71.7 % in all: under the 72 % line, so it must not read "72%".
  const domains = (d2) => [[16, 20], [d2, 20], [11, 14], [12, 14]];
  // Three good full mocks, except task 2.2: 2, 2 and 1 of 12.
  const tasks = (weak22) => TASKS.map((k) => (k === "2.2" ? [k, weak22, 12] : [k, 9, 10]));
  const history = { version: 4, entries: [summary(1, 820, domains(14), tasks(2)), summary(2, 850, domains(14), tasks(2)), summary(3, 900, domains(15), tasks(1))] };
  await fresh(page, t.url, "#/");
  await page.evaluate((h) => localStorage.setItem("dva.history", h), JSON.stringify(history));
  await page.reload();
  await page.waitForSelector(".verdict-card");
  assert.equal(await page.textContent(".verdict-card .no"), "Not yet. Still missing:");
  assert.deepEqual(await page.$$eval(".verdict-card .missing li", (l) => l.map((x) => x.textContent)),
    ["Task 2.2: 14% over 36 questions; it needs 60%: take a task-statement drill."]);
  // The three bars are explained together: the bars' mark is the pass share, and the verdict's rule says
  // why it asks 800, 70% and 60% (a learner saw 800, 70 % and 72 % with no word on how they relate).
  assert.match(await page.textContent(".dash .meta"), /The mark on each bar is 72%, the share correct that scores the pass mark of 720, and a bar under it is red; "Ready to book\?" asks for more margin/);
  const mark = await page.$eval(".dash .domains-bars .bar", (b) => {
    const m = b.querySelector(".pass-mark").getBoundingClientRect(), r = b.getBoundingClientRect();
    return (m.left + m.width / 2 - r.left) / r.width;
  });
  assert.ok(Math.abs(mark - 0.72) < 0.01, `the mark sits at ${mark} of the bar`);
  // A share just under the line reads under it, in the figure and the bar: "43/60 · 72%" on a red bar said
  // two things at once.
  const d2 = await page.$eval(".dash .domains-bars li:nth-child(2)", (li) => ({
    figure: li.querySelector(".figure").textContent, weak: li.classList.contains("weak"),
    width: li.querySelector(".bar span").style.width }));
  assert.deepEqual(d2, { figure: "43/60 · 71%", weak: true, width: "71%" });
  assert.match(await page.textContent(".verdict-card details .meta"),
    /at least 800 \(the pass mark is 720, reached at 72% correct; .*\), none had a domain under 70% \(a domain of one mock is few questions, so a little under the pass share is allowed there\), and every task statement is at 60% or more/);
  // Weakest first: 2.2, then the others at 90 % in the exam's order.
  const heads = await page.$$eval(".task-readiness .task-head strong", (s) => s.map((x) => x.textContent));
  assert.deepEqual(heads, ["Task 2.2", "Task 1.1", "Task 1.2", "Task 1.3"]);
  assert.equal(await page.textContent(".task-readiness li >> nth=0 >> .task-figure"), "14% over 36 questions · ↓ 8 points · under 60%");
  // The drill link opens the setup with task 2.2 chosen; the drill draws only task 2.2 questions.
  await page.click("a:has-text('Drill task 2.2')");
  await page.waitForSelector("form.setup");
  assert.ok(await page.isChecked('.option-card:has-text("Task statement drill") input'));
  assert.ok(await page.isChecked('label.check:has-text("2.2 Implement encryption") input'));
  assert.ok(!(await page.isChecked('label.check:has-text("2.1 Implement authentication") input')));
  await page.click('.pill:has-text("10 questions")');
  await page.click("button:text('Start exam')");
  await page.waitForSelector(".exam .card");
  assert.equal(await page.textContent(".exam-title"), "Task 2.2 drill");
  const ids = await page.evaluate(() => JSON.parse(localStorage.getItem("dva.exam")).items.map((i) => i.id));
  const taskOf = Object.fromEntries(bankQuestions().map((q) => [q.id, q.task]));
  assert.equal(ids.length, 10);
  assert.deepEqual([...new Set(ids.map((i) => taskOf[i]))], ["2.2"]);
  // With task 2.2 mastered too, the verdict is yes. The tab with the drill is closed first: while it is open
  // it may still save its exam or history over what the test writes (a race that failed once under load).
  await page.close();
  const next = await t.open("#/");
  await next.evaluate((h) => { localStorage.clear(); localStorage.setItem("dva.history", h); },
    JSON.stringify({ version: 4, entries: [summary(1, 820, domains(14), tasks(9)), summary(2, 850, domains(14), tasks(10)), summary(3, 900, domains(15), tasks(11))] }));
  await next.reload();
  await next.waitForSelector(".verdict-card.ready");
  assert.match(await next.textContent(".verdict-card .yes"), /^Yes\. /);
  await next.close();
});

test("report a problem: the report with the question id, bank version and answer goes to the clipboard", async () => {
  await t.browser.grantPermissions(["clipboard-read", "clipboard-write"], { origin: t.url.replace(/\/$/, "") });
  const page = await t.open("#/");
  const q = single[5];
  await openExam(page, [q], { mode: "Practice", id: "study-report" });
  await page.click(`label[for=choice-${wrong(q)}]`);
  await page.click("button:text('Check answer')");
  await page.waitForSelector(".feedback");
  await page.click("button:has-text('Report a problem with this question')");
  await page.waitForSelector(".report .meta:has-text('Copied')");
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(text.startsWith(`Question ${q.id}: `), text);
  assert.ok(text.includes(`**Question:** \`${q.id}\``));
  assert.match(text, /\*\*Bank version:\*\* `[0-9a-f]{16}` \(DVA-C03\)/);
  const letter = (i) => String.fromCharCode(65 + i);
  assert.ok(text.includes(`**Answer given:** ${letter(wrong(q))} (the key, in the order shown: ${letter(q.keys[0])})`));
  await page.close();
});

/** Starts a quick exam of 10 at `t0` (Date.now set by hand; timers run as usual), spends 20 s on
 *  question 1 and 10 s on question 2, then leaves for the notes at `t0` + 30 s. */
async function toNotesMidExam(page, t0) {
  await page.clock.setFixedTime(t0);
  await startQuick(page, 10);
  await page.clock.setFixedTime(t0 + 20_000);
  await answer(page);
  await page.keyboard.press("ArrowRight"); // 20 s on question 1
  await page.clock.setFixedTime(t0 + 30_000); // 10 s on question 2, then to the notes
  page.once("dialog", (d) => d.accept());
  await page.evaluate(() => { location.hash = "#/notes"; });
  await page.waitForSelector(".search input");
}

test("pacing: twelve minutes in the notes in the middle of an exam are charged to no question", async () => {
  // A learner's walkthrough: "Question 2: 12 min 01 s" after 12 minutes in the notes. Date.now is set by
  // hand (timers run as usual); the context keeps it, so this test comes last.
  const page = await t.open("#/");
  await fresh(page, t.url);
  const t0 = Date.now();
  await toNotesMidExam(page, t0);
  await page.clock.setFixedTime(t0 + 750_000);
  await page.goBack();
  await page.waitForSelector(".exam .card");
  assert.equal(await page.textContent(".progress"), "Question 2 of 10");
  await page.clock.setFixedTime(t0 + 765_000); // 15 s more on question 2
  await page.click("button.end");
  await page.click("#end-confirm");
  await page.waitForSelector(".results");
  const slowest = await page.$$eval("h3:has-text('Slowest questions') + ol li", (lis) => lis.map((l) => l.textContent));
  assert.deepEqual(slowest.slice(0, 2), ["Question 2: 25\u00a0s", "Question 1: 20\u00a0s"], JSON.stringify(slowest));
  // The exam's own clock ran on: its time used counts the visit.
  assert.match(await page.textContent(".results"), /of 10 correct · time used 0:12:45/);
  await page.close();
});

test("pacing: an exam that runs out while the learner is in the notes charges the wait to no question", async () => {
  // The question left open was charged the whole wait ("Question 2: 19 min 30 s" for 10 s of work).
  const page = await t.open("#/");
  await fresh(page, t.url);
  const t0 = Date.now() + 3_600_000; // after the fixed time the test above left
  await toNotesMidExam(page, t0);
  await page.clock.setFixedTime(t0 + 25 * 60_000); // the 20 minutes run out there
  await page.waitForSelector(".banner");
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem("dva.history")).entries[0].a.id);
  await page.evaluate((id) => { location.hash = `#/results/${encodeURIComponent(id)}`; }, id);
  await page.waitForSelector(".results");
  const slowest = await page.$$eval("h3:has-text('Slowest questions') + ol li", (lis) => lis.map((l) => l.textContent));
  assert.deepEqual(slowest.slice(0, 2), ["Question 1: 20\u00a0s", "Question 2: 10\u00a0s"], JSON.stringify(slowest));
  assert.match(await page.textContent(".results"), /of 10 correct · time used 0:20:00/);
  await page.close();
});

test("no study-tools page threw an error", () => {
  assert.deepEqual(t.errors, []);
});
