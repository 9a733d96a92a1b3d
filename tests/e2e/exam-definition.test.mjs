// The exam the app simulates comes from questions/exam.md (DVA-C03): names, weights, the full mock's
// blueprint, the notice while DVA-C02 is still delivered, and attempts taken under DVA-C02 kept as taken.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { setup } from "./harness.mjs";
import { fresh } from "./helpers.mjs";

let t;
before(async () => { t = await setup(); });
after(async () => { await t.teardown(); });

const V2 = join(import.meta.dirname, "..", "fixtures", "store", "history-v2.json");

test("the dashboard names DVA-C03, its weights, and says when DVA-C02 ends until it has", async () => {
  const page = await t.open("#/");
  await fresh(page, t.url, "#/");
  await page.waitForSelector("h1");
  assert.equal(await page.textContent("h1"), "AWS Certified Developer - Associate (DVA-C03)");
  assert.equal(await page.title(), "DVA-C03 Practice");
  // The page before the app starts names the current exam too.
  const html = await page.evaluate(async () => (await fetch("./index.html")).text());
  assert.ok(html.includes("<title>DVA-C03 Practice</title>") && !html.includes("DVA-C02"), "index.html names DVA-C03");
  assert.equal(await page.textContent("header .brand"), "DVA-C03 Practice");
  const rows = await page.$$eval("table.domains tbody tr", (trs) =>
    trs.map((tr) => [...tr.children].slice(0, 2).map((c) => c.textContent.trim())));
  assert.deepEqual(rows, [
    ["1. Development with AWS Services", "30%"],
    ["2. Security", "26%"],
    ["3. Testing and Deployment", "22%"],
    ["4. Troubleshooting and Optimization", "22%"],
  ]);
  // The notice depends on the learner's date: shown on 2026-11-30, gone on 2026-12-01.
  const before = await t.browser.newPage();
  await before.clock.setFixedTime(new Date(2026, 10, 30, 12, 0));
  await before.goto(t.url + "#/");
  await before.waitForSelector("h1");
  assert.equal(
    (await before.textContent(".exam-change")).trim(),
    "DVA-C02 is delivered until 2026-11-30; from 2026-12-01 every candidate sits DVA-C03, which this app simulates.",
  );
  await before.close();
  const after = await t.browser.newPage();
  await after.clock.setFixedTime(new Date(2026, 11, 1, 9, 0));
  await after.goto(t.url + "#/");
  await after.waitForSelector("h1");
  assert.equal(await after.$(".exam-change"), null, "no notice once DVA-C02 has ended");
  await after.close();
  await page.close();
});

test("a full mock follows the DVA-C03 blueprint: 20/17/14/14 questions, 130 minutes", async () => {
  const page = await t.open("#/exam/new");
  await fresh(page, t.url);
  await page.waitForSelector("form.setup");
  assert.match(await page.textContent("form.setup"), /65 questions in 130 minutes, weighted like the real exam/);
  assert.match(await page.textContent("form.setup"), /Only the DVA-C03 task statements you choose/);
  await page.click('.option-card:has-text("Full mock exam")');
  await page.click("button:text('Start exam')");
  await page.waitForSelector(".exam .card");
  assert.match(await page.textContent(".exam"), /of 65/);
  await page.click("button.end");
  await page.click("#end-confirm");
  await page.waitForSelector(".results");
  const totals = await page.$$eval(".domains-bars .domain", (ds) => ds.map((d) => d.textContent));
  assert.equal(totals.length, 4);
  for (const [i, n] of [20, 17, 14, 14].entries()) assert.match(totals[i], new RegExp(`0/${n} · 0%`), totals[i]);
  assert.match(totals[2], /Domain 3: Testing and Deployment/);
  assert.equal((await page.textContent(".exam-code")).trim(), "Simulates the DVA-C03 exam.");
  await page.close();
});

test("attempts taken under DVA-C02 keep their score and domain names, labelled DVA-C02", async () => {
  const page = await t.open("#/");
  const v2 = await readFile(V2, "utf8");
  await page.evaluate((text) => { localStorage.clear(); localStorage.setItem("dva.history", text); }, v2);
  await page.goto(t.url + "#/history");
  await page.reload();
  await page.waitForSelector("table.attempts");
  const rows = await page.$$eval("table.attempts tbody tr", (trs) => trs.map((tr) => tr.textContent));
  assert.equal(rows.length, 2);
  for (const row of rows) assert.match(row, /DVA-C02/);
  // The full attempt: a one-question domain-3 drill answered right, scored 1000 as it was then.
  await page.goto(t.url + "#/results/19a9f5c8600-7");
  await page.waitForSelector(".results");
  assert.match(await page.textContent(".score"), /1000/);
  assert.equal(
    (await page.textContent(".exam-code")).trim(),
    "Simulated the DVA-C02 exam, scored and reported as it was then (the current exam is DVA-C03).",
  );
  const domains = await page.$$eval(".domains-bars .domain", (ds) => ds.map((d) => d.textContent));
  assert.match(domains[2], /Domain 3: Deployment.*1\/1 · 100%/);
  // Readiness counts DVA-C03 attempts only, and says so.
  await page.goto(t.url + "#/");
  await page.waitForSelector(".dash");
  assert.match(await page.textContent(".dash"), /last 5 timed DVA-C03 exams \(retries, reviews of due questions, practice mode and attempts under an earlier exam are not counted\)/);
  const readiness = await page.$$eval(".dash .domains-bars .domain", (ds) => ds.map((d) => d.textContent));
  assert.equal(readiness.length, 4);
  for (const r of readiness) assert.match(r, /not tested yet/);
  // The stored history is now v3, the attempts marked as DVA-C02 exams.
  const stored = await page.evaluate(() => localStorage.getItem("dva.history"));
  assert.equal(stored, v2, "reading does not rewrite the stored history");
  await page.close();
});
