// History, dashboard, retry, spaced review, export and import, in a real browser with the real localStorage.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setup } from "./harness.mjs";
import { answer, fresh, startFull, startQuick, finish, openStored } from "./helpers.mjs";
import { bankQuestions, storedExam } from "./bank.mjs";

let t;
before(async () => { t = await setup(); });
after(async () => { await t.teardown(); });

test("the history lists every attempt with a chart, and the weakest sections lead to notes and drills", async () => {
  const page = await t.open("#/");
  await fresh(page, t.url);
  await startQuick(page);
  await finish(page, 5);
  await page.goto(t.url + "#/exam/new");
  await startQuick(page);
  await finish(page, 0);
  await page.click('header a:text("History")');
  await page.waitForSelector("table.attempts");
  assert.equal(await page.$$eval("table.attempts tbody tr", (r) => r.length), 2);
  assert.equal(await page.$$eval(".trend svg circle.dot", (c) => c.length), 2);
  assert.equal(await page.$$eval(".trend svg circle.dot.short", (c) => c.length), 2, "two quick exams: hollow dots");
  assert.ok(await page.$(".trend svg line.pass-line"));
  assert.match(await page.getAttribute(".trend svg", "aria-label"), /Scaled scores of 2 attempts/);
  // The score chart on its own axis (100-1000 with 720), dated.
  const chart = await page.$$eval(".trend:not(.strips) svg text", (t) => t.map((x) => x.textContent));
  assert.deepEqual(chart.slice(0, 3), ["720", "1000", "100"]);
  // Both attempts fall on one day: the ticks give their times, or their numbers when the minute is the same
  // too (two ticks both reading "11-26" told nothing).
  const ticks = chart.slice(3);
  assert.equal(ticks.length, 2, `${chart}`);
  assert.ok(ticks.every((x) => /^\d\d:\d\d$/.test(x)) || ticks.join() === "#1,#2", `ticks: ${ticks}`);
  assert.notEqual(ticks[0], ticks[1]);
  // One strip per domain, each with a line of its own (four lines in one chart lay on one another when
  // domains scored alike), stacked without overlapping, as wide as the score chart so the points line up;
  // its head gives the domain and its latest share, which its label repeats for a screen reader.
  const strips = await page.$$eval(".strips li.strip", (ls) => ls.map((l) => {
    const svg = l.querySelector("svg"), r = svg.getBoundingClientRect();
    return { head: l.querySelector(".strip-head").textContent, label: svg.getAttribute("aria-label"), lines: svg.querySelectorAll("path.line").length,
      texts: [...svg.querySelectorAll("text")].map((t) => t.textContent), top: r.top, bottom: r.bottom, width: r.width };
  }));
  assert.equal(strips.length, 4);
  const scoreWidth = await page.$eval(".trend:not(.strips) svg", (s) => s.getBoundingClientRect().width);
  strips.forEach((st, i) => {
    assert.equal(st.lines, 1);
    assert.deepEqual(st.texts, ["72%"]);
    assert.ok(Math.abs(st.width - scoreWidth) < 1, `strip ${i + 1} is ${st.width} px wide, the chart ${scoreWidth}`);
    if (i > 0) assert.ok(st.top >= strips[i - 1].bottom, `strip ${i + 1} overlaps the one above`);
    const [, latest] = st.head.match(/(\d+%|–)$/);
    assert.match(st.head, new RegExp(`^Domain ${i + 1}: `));
    if (latest !== "–") assert.match(st.label, new RegExp(`latest ${latest}, lowest \\d+%, highest \\d+%; 72% passes\\.$`));
  });
  assert.match(await page.textContent(".strips figcaption"), /each strip runs from \d+% to 100%, and its line marks 72%/);
  // The weakest sections: at most ten rows, most missed first, each with its miss count.
  const weak = await page.$$eval("table.weak tbody tr", (r) => r.map((x) => x.children[1].textContent));
  assert.ok(weak.length >= 5 && weak.length <= 10, `${weak.length} weak sections`);
  // Most missed first, then the higher miss rate ("2 of 3" comes before "1 of 1": missed more often).
  const parse = (t) => t.split(" of ").map(Number);
  for (let i = 1; i < weak.length; i++) {
    const [[m0, n0], [m1, n1]] = [parse(weak[i - 1]), parse(weak[i])];
    assert.ok(m0 > m1 || (m0 === m1 && m0 * n1 >= m1 * n0), `most missed, then by miss rate: ${weak}`);
  }
  await page.click("table.weak tbody tr >> nth=0 >> a:text('Drill this section')");
  await page.waitForSelector("form.setup");
  assert.ok(await page.$eval('.option-card:has-text("Section drill") input', (i) => i.checked));
  assert.notEqual(await page.$eval("#section-pick", (s) => s.value), "");
  // Every drill link leads to a drill that starts: a small section offers all of its questions.
  await page.goto(t.url + "#/history");
  await page.waitForSelector("table.weak");
  const links = await page.$$eval("table.weak a", (as) => as.filter((a) => a.textContent === "Drill this section").map((a) => a.getAttribute("href")));
  assert.ok(links.length >= 5, `${links.length} drill links`);
  page.on("dialog", (d) => d.accept()); // leaving each drill's exam room asks first
  for (const href of links) {
    await page.goto(t.url + href);
    await page.waitForSelector("form.setup");
    const summary = await page.textContent(".summary");
    await page.click("button:text('Start exam')");
    if (await page.waitForSelector("#start-guard", { timeout: 500 }).catch(() => null)) await page.click("#guard-discard");
    await page.waitForSelector(".exam .card");
    const [, n] = (await page.textContent(".progress")).match(/of (\d+)/);
    assert.match(summary, new RegExp(`^${n} ${n === "1" ? "question" : "questions"},`), `${href}: ${summary}`);
  }
  await page.evaluate(() => localStorage.removeItem("dva.exam"));
  await page.close();
});

// Each note section's parent (the heading above it one level up), read from the built chapters.
function sectionParents() {
  const dir = join(process.env.DIST || join(import.meta.dirname, "..", "..", "dist"), "content");
  const parent = new Map();
  for (const f of readdirSync(dir).filter((f) => f.startsWith("notes-"))) {
    const stack = [];
    for (const [, level, id] of readFileSync(join(dir, f), "utf8").matchAll(/<h([1-6])[^>]* id="([^"]+)"/g)) {
      while (stack.length && stack.at(-1)[0] >= Number(level)) stack.pop();
      parent.set(id, stack.length ? stack.at(-1)[1] : null);
      stack.push([Number(level), id]);
    }
  }
  return parent;
}

test("the weakest sections never list a section beside one inside it: the inner one's place goes to another", async () => {
  // Two questions that each link one section, the second the parent of the first: both missed, the lists
  // showed "SNS" and "SNS fan-out" as two weak spots sending the learner to the same pages.
  const parent = sectionParents();
  const single = bankQuestions().filter((q) => q.notes.length === 1);
  const inner = single.find((q) => single.some((p) => p.notes[0] === parent.get(q.notes[0])));
  const outer = single.find((p) => p.notes[0] === parent.get(inner.notes[0]));
  const stored = JSON.parse(storedExam([inner, outer], { mode: "Exam" }));
  // Each answered with its first distractor.
  stored.items.forEach((it, i) => { it.chosen = [[...Array(8).keys()].find((k) => ![inner, outer][i].keys.includes(k))]; });
  const page = await t.open("#/");
  await openStored(page, t.url, JSON.stringify(stored));
  await finish(page);
  // The results list every section a miss links, both of them.
  const missed = await page.$$eval(".results ol.missed a", (as) => as.map((a) => a.getAttribute("href").split("?")[0].split("/").pop()));
  assert.deepEqual(missed.sort(), [inner.notes[0], outer.notes[0]].sort());
  // Both missed 1 of 1: the first by anchor is kept, the other left out as it holds or lies in it.
  const first = [inner.notes[0], outer.notes[0]].sort()[0];
  await page.goto(t.url + "#/");
  const dashboard = await page.$$eval("ol.missed li a:first-child", (as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(dashboard, [`#/notes/${first}`]);
  await page.goto(t.url + "#/history");
  await page.waitForSelector("table.weak");
  const history = await page.$$eval("table.weak tbody tr", (r) => r.map((x) => x.querySelector("a").getAttribute("href")));
  assert.deepEqual(history.map((h) => h.split("?")[0]), [`#/notes/${first}`]);
});

test("the score chart marks a full-length mock with a solid dot and a shorter exam with a hollow one", async () => {
  const page = await t.open("#/");
  await fresh(page, t.url);
  await startQuick(page);
  await finish(page, 3);
  await page.goto(t.url + "#/exam/new");
  await startFull(page);
  await finish(page, 0);
  await page.goto(t.url + "#/history");
  await page.waitForSelector(".trend svg circle.dot");
  const dots = await page.$$eval(".trend svg circle.dot", (cs) => cs.map((c) => [c.classList.contains("short"), getComputedStyle(c).fill]));
  // Oldest first: the quick exam (hollow: filled with the card's colour), then the full mock (the accent).
  assert.deepEqual(dots.map(([short]) => short), [true, false]);
  const card = await page.$eval(".trend", (f) => getComputedStyle(f).backgroundColor);
  assert.equal(dots[0][1], card);
  assert.notEqual(dots[1][1], card);
  assert.match(await page.getAttribute(".trend svg", "aria-label"), /^Scaled scores of 2 attempts \(1 of them full length\)/);
  const legend = await page.$$eval(".trend >> nth=0 >> .chart-legend li", (l) => l.map((x) => x.textContent));
  assert.deepEqual(legend, ["Scaled score", "65 questions", "Fewer questions", "Pass mark (720)"]);
  await page.close();
});

test("a practice session is tagged, not plotted, and its skipped questions send the learner to no section", async () => {
  const page = await t.open("#/");
  // A practice session of six known questions: the first answered wrongly, the next four skipped, and the
  // last ("Choose TWO") given one tick and left so.
  const qs = [...bankQuestions().filter((q) => !q.multi).slice(40, 45), bankQuestions().find((q) => q.keys.length === 2)];
  await openStored(page, t.url, storedExam(qs, { mode: "Practice", id: "practice-skips" }));
  const wrong = [...Array(qs[0].options).keys()].find((i) => !qs[0].keys.includes(i));
  await page.keyboard.press(String(wrong + 1));
  // → checks the complete answer first, then moves on.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector(".feedback");
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  assert.equal(await page.textContent(".progress"), "Question 6 of 6");
  await page.keyboard.press("1");
  await page.click("button.end");
  assert.match(await page.textContent("#end-text"), /^5 questions unanswered \(1 of them partly answered\)/);
  await page.click("#end-confirm");
  await page.waitForSelector(".results");
  assert.match(await page.textContent(".results .counted"), /^Practice mode shows each answer once checked, so this score is not counted toward readiness or plotted in History\.$/);
  // Whether it counts comes first, then which exam it simulates (under "Simulates the DVA-C03 exam." the
  // practice note read as a contradiction).
  assert.deepEqual(await page.$$eval(".results > .meta", (p) => p.slice(0, 2).map((x) => x.className)), ["meta counted", "meta exam-code"]);
  // The results count as the end dialog did: the half-answered question is skipped, not answered (it
  // said "Of the 2 you answered" after a dialog that said 5 unanswered).
  assert.equal(await page.textContent(".practice-tally"), "Of the 1 you answered, 0 right; 5 skipped.");
  assert.match(await page.textContent(".results"), /The 5 questions you skipped are left out/);
  // Sections to study: exactly the sections the wrong answer's question teaches, each missed 1 of 1.
  const listed = await page.$$eval("ol.missed li", (l) => l.map((x) => [x.querySelector("a").getAttribute("href").split("?")[0], x.textContent.trim().split("— ")[1]]));
  assert.ok(listed.length > 0 && listed.every(([, n]) => n === "missed 1\u00a0of\u00a01"), JSON.stringify(listed));
  await page.click("text=Review all answers");
  await page.waitForSelector(".review .card");
  const links = await page.$eval(".review .card", (c) => [...new Set([...c.querySelectorAll(".note-links a")].map((a) => a.getAttribute("href").split("?")[0]))]);
  assert.deepEqual(listed.map(([h]) => h).sort(), links.sort());
  // The dashboard's last result says what it was.
  await page.goto(t.url + "#/");
  assert.match(await page.textContent("p.last"), /^Last result: \d+ \/ 1000 \(fail\), Chosen questions · practice$/);
  // Practice measures no task statement: "Weakest task statements" lists none (it listed four rows of "no
  // questions yet") and says what would measure them.
  assert.equal(await page.$$eval(".dash .task-readiness li", (l) => l.length), 0);
  assert.ok(await page.isVisible(".dash .none-yet"));
  assert.equal(await page.textContent(".dash .none-yet"), "None measured yet: a timed exam measures them.");
  // Then a timed quick exam.
  await page.goto(t.url + "#/exam/new");
  await startQuick(page);
  await finish(page, 3);
  // Now the dashboard lists the task statements that exam measured (up to four), none unmeasured.
  await page.goto(t.url + "#/");
  await page.waitForSelector(".dash .task-readiness li");
  const figures = await page.$$eval(".dash .task-readiness li .task-figure", (f) => f.map((x) => x.textContent));
  assert.ok(figures.length >= 1 && figures.length <= 4 && figures.every((f) => / over \d+ questions?/.test(f)), figures.join(" | "));
  assert.ok(!(await page.isVisible(".dash .none-yet")));
  // History: two rows, the practice one tagged; the chart plots the timed exam only.
  await page.goto(t.url + "#/history");
  await page.waitForSelector("table.attempts");
  const kinds = await page.$$eval("table.attempts tbody tr td:nth-child(2)", (c) => c.map((x) => x.textContent.trim()));
  assert.deepEqual(kinds, ["Quick exam (10 questions)", "Chosen questions Practice"]);
  assert.equal(await page.$$eval(".trend svg circle.dot", (c) => c.length), 1);
  assert.match(await page.getAttribute(".trend svg", "aria-label"), /Scaled scores of 1 attempts/);
  assert.match(await page.textContent(".history"), /practice sessions and retries, tagged in the list below, are not plotted/);
  await page.goto(t.url + "#/");
  assert.match(await page.textContent("p.last"), /^Last result: \d+ \/ 1000 \((pass|fail)\), Quick exam \(10 questions\)$/);
  await page.close();
});

test("on a phone each attempt is a card that fits, every figure named; on a desktop a row of columns", async () => {
  const page = await t.open("#/", { viewport: { width: 360, height: 740 } });
  await fresh(page, t.url);
  await startQuick(page);
  await finish(page, 3);
  await page.goto(t.url + "#/history");
  await page.waitForSelector("table.attempts tbody tr");
  // After a first attempt the domain strips are not empty: a line needs two attempts, so each domain's
  // share is one dot (four domains in a 10-question quick exam), in its own strip.
  const points = await page.$$eval(".strips li.strip", (ls) => ls.map((l) => l.querySelectorAll("svg circle.point").length));
  assert.deepEqual(points, [1, 1, 1, 1]);
  const layout = () => page.$eval("table.attempts", (table) => {
    const row = table.querySelector("tbody tr");
    const cells = [...row.children].map((c) => { const r = c.getBoundingClientRect(); return { left: r.left, right: r.right, top: Math.round(r.top) }; });
    return { cells, tableRight: table.getBoundingClientRect().right, scrolls: table.scrollWidth > table.clientWidth + 1,
      header: table.querySelector("thead").getBoundingClientRect().height };
  });
  const phone = await layout();
  assert.equal(phone.scrolls, false, "the attempts scroll sideways on a phone");
  assert.ok(phone.cells.every((c) => c.right <= phone.tableRight + 1), `a figure runs past the card: ${JSON.stringify(phone.cells)}`);
  assert.ok(new Set(phone.cells.map((c) => c.top)).size >= 3, "a card of three lines: date and verdict, kind, figures");
  assert.ok(phone.header <= 1, "the header row is out of sight on a phone");
  // What a screen reader reads: still a table with its column headers, each figure's cell named.
  assert.deepEqual(await page.locator("table.attempts").getByRole("columnheader").allTextContents(),
    ["Date", "Kind", "Score", "Result", "Correct", "Time used", "Sure and right"]);
  const before = () => page.locator("table.attempts tbody tr").first().locator("td").evaluateAll((tds) =>
    tds.map((td) => getComputedStyle(td, "::before").content));
  assert.deepEqual(await before(), ["none", "none", '"Score "', "none", '"Correct "', '"Time used "', '"Sure and right "']);
  const score = await page.locator("table.attempts tbody tr").first().getByRole("cell", { name: /^Score \d+$/ }).count();
  assert.equal(score, 1, "the score's cell reads 'Score N'");
  // On a desktop the same attempt is one row of columns, without the names.
  await page.setViewportSize({ width: 1280, height: 800 });
  const desk = await layout();
  assert.equal(new Set(desk.cells.map((c) => c.top)).size, 1, "one row on a desktop");
  assert.ok(desk.header > 20);
  assert.deepEqual(await before(), Array(7).fill("none"));
  await page.close();
});

test("retry missed starts an exam of exactly the missed (incorrect or unanswered) and flagged questions", async () => {
  const page = await t.open("#/");
  await fresh(page, t.url);
  await startQuick(page);
  await finish(page, 0);
  const label = await page.textContent("button:has-text('Retry the')");
  assert.match(label, /Retry the 10 missed or flagged/);
  const asked = await page.evaluate(() => {
    const h = JSON.parse(localStorage.getItem("dva.history"));
    return h.entries[0].a.q.map((i) => i[0]).sort(); // v5: each question a list, its id first
  });
  await page.click("button:has-text('Retry the')");
  await page.waitForSelector(".exam .card");
  assert.equal(await page.textContent(".progress"), "Question 1 of 10");
  assert.equal(await page.textContent(".exam-title"), "Retry (10 questions) of Quick exam (10 questions)");
  const retried = await page.evaluate(() => JSON.parse(localStorage.getItem("dva.exam")).items.map((i) => i.id).sort());
  assert.deepEqual(retried, asked, "nothing answered: every question comes back");
  // A retry of the retry says its own size and names the original exam once.
  await answer(page);
  await page.click("button.end");
  await page.click("#end-confirm");
  await page.waitForSelector(".results");
  await page.click("button:has-text('Retry the')");
  await page.waitForSelector(".exam .card");
  const left = await page.evaluate(() => JSON.parse(localStorage.getItem("dva.exam")).items.length);
  assert.ok(left >= 9, `${left}`);
  assert.equal(await page.textContent(".exam-title"), `Retry (${left} questions) of Quick exam (10 questions)`);
  await page.close();
});

test("export, clear, import restores the same history; a bad file changes nothing", async () => {
  const page = await t.open("#/");
  await fresh(page, t.url);
  await startQuick(page);
  await finish(page, 3);
  await page.goto(t.url + "#/exam/new");
  await startQuick(page);
  await finish(page, 1);
  await page.goto(t.url + "#/history");
  await page.waitForSelector("table.attempts");
  const before = await page.evaluate(() => localStorage.getItem("dva.history"));
  const rowsBefore = await page.$$eval("table.attempts tbody tr", (r) => r.map((x) => x.textContent));
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("button:text('Export history')")]);
  const dir = await mkdtemp(join(tmpdir(), "dva-export-"));
  const file = join(dir, "export.json");
  await download.saveAs(file);
  assert.match(download.suggestedFilename(), /^dva-practice-history-\d{4}-\d\d-\d\d\.json$/);
  // The file holds the whole history, as stored: both attempts, with their scores.
  const exported = JSON.parse(await readFile(file, "utf8"));
  assert.equal(exported.format, "dva-c02-practice-history");
  assert.equal(exported.history.version, 5);
  assert.deepEqual(exported.history, JSON.parse(before));
  assert.equal(exported.history.entries.length, 2);

  // A broken file is refused with a message and the history is untouched.
  const bad = join(dir, "bad.json");
  await writeFile(bad, "{ this is not json");
  await page.setInputFiles("#import-file", bad);
  await page.waitForSelector(".message.bad");
  assert.match(await page.textContent(".message"), /Nothing was imported: .*JSON/);
  assert.equal(await page.evaluate(() => localStorage.getItem("dva.history")), before);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector("h1:text('History')");
  assert.equal(await page.$$eval("table.attempts tbody tr", (r) => r.length), 0);
  await page.setInputFiles("#import-file", file);
  await page.waitForSelector(".message.ok");
  assert.match(await page.textContent(".message"), /Imported 2 new attempts \(0 already here\)/);
  // In sight, though the charts drawn above it pushed it down (it was screens below the window).
  await page.waitForFunction(() => {
    const r = document.querySelector(".message").getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight + 1;
  }, null, { timeout: 5000 }).catch(async () => assert.fail(`the message is out of sight: ${await page.evaluate(() => JSON.stringify([scrollY, innerHeight, document.querySelector(".message").getBoundingClientRect()]))}`));
  assert.deepEqual(await page.$$eval("table.attempts tbody tr", (r) => r.map((x) => x.textContent)), rowsBefore);
  // Importing the same file again adds nothing.
  await page.setInputFiles("#import-file", file);
  await page.waitForFunction(() => document.querySelector(".message").textContent.includes("Imported 0 new attempts (2 already here)"));
  assert.equal(await page.$$eval("table.attempts tbody tr", (r) => r.length), 2);
  await page.close();
});

test("an import over 10 MB is refused before it is read", async () => {
  const page = await t.open("#/history");
  const dir = await mkdtemp(join(tmpdir(), "dva-big-"));
  const big = join(dir, "big.json");
  await writeFile(big, "[" + "0,".repeat(5_500_000) + "0]");
  await page.setInputFiles("#import-file", big);
  await page.waitForSelector(".message.bad");
  assert.match(await page.textContent(".message"), /Nothing was imported: This file is 1\d\.\d MB/);
  await page.close();
});

test("missed questions come back when due, from the dashboard", async () => {
  const page = await t.open("#/");
  await fresh(page, t.url);
  await startQuick(page, 20);
  await finish(page, 0);
  // With nothing answered, pacing says so (it said "You kept every first answer.").
  assert.match(await page.textContent(".results"), /No answer was given, so none was changed\./);
  assert.ok(!(await page.textContent(".results")).includes("You kept every first answer"));
  await page.goto(t.url + "#/");
  await page.waitForSelector(".dash");
  assert.match(await page.textContent(".dash"), /Nothing is due/);
  assert.equal(await page.$$eval(".dash .domains-bars .domain", (l) => l.length), 4, "readiness per domain");
  // Each share says how many answers it rests on, as on the results page (20 questions, none answered).
  const figures = await page.$$eval(".dash .domains-bars .figure", (l) => l.map((x) => x.textContent));
  assert.ok(figures.every((f) => /^0\/\d+ · 0%$/.test(f)), JSON.stringify(figures));
  assert.equal(figures.reduce((a, f) => a + Number(f.split("/")[1].split(" ")[0]), 0), 20);
  // Two days later the ten missed questions are due. (The fake clock is installed for the whole browser
  // context, so this test runs after the others.)
  await page.clock.install({ time: Date.now() + 2 * 86_400_000 });
  await page.reload();
  await page.waitForSelector(".dash");
  assert.match(await page.textContent(".dash"), /20 questions you missed or guessed right are due again/);
  // A set of 10 (the most overdue), or all 20 at once.
  assert.deepEqual(await page.$$eval(".dash button", (b) => b.map((x) => x.textContent)), ["Review 10", "Review all 20"]);
  await page.click("button:text('Review 10')");
  await page.waitForSelector(".exam .card");
  assert.equal(await page.textContent(".progress"), "Question 1 of 10");
  assert.equal(await page.textContent(".timer"), "Practice · untimed");
  await page.close();
});

test("no history page threw an error", () => {
  assert.deepEqual(t.errors, []);
});
