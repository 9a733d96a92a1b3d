// Browser benchmark (prints figures, asserts nothing): in headless Chromium against dist/,
//  - the time from "Start exam" (full mock) to the first question on screen, 20 runs;
//  - the time from a click on an option to the updated DOM (the option's input and its highlighted row
//    both changed), over 100 clicks: p50 and p95. Target: p95 under 16 ms (one frame).
//  - with HISTORY=<file> (a stored history, e.g. 500 full mocks from `cargo run --example make-history`):
//    the time to render the dashboard and the history page from that history.
// Run: node tests/e2e/bench.mjs (after a release build into dist/).
import { readFile } from "node:fs/promises";
import { setup } from "./harness.mjs";

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.round((s.length - 1) * p)]; };
const fmt = (xs) => `p50 ${pct(xs, 0.5).toFixed(2)} ms, p95 ${pct(xs, 0.95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms`;

const t = await setup();
const page = await t.open("#/");
page.on("dialog", (d) => d.accept().catch(() => {})); // "Leave the exam?" between runs

const draws = [];
for (let i = 0; i < 20; i++) {
  // Out of the exam room first: leaving it saves the exam (its open question's time), so storage is
  // cleared after that.
  await page.goto(t.url + "#/exam/new");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector("form.setup");
  // A newcomer's setup opens on a quick exam: this times a full mock.
  await page.click('.option-card:has-text("Full mock exam")');
  draws.push(await page.evaluate(() => new Promise((resolve) => {
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Start exam");
    const t0 = performance.now();
    button.click();
    const poll = () => document.querySelector(".exam .card") ? resolve(performance.now() - t0) : requestAnimationFrame(poll);
    poll();
  })));
}
console.log(`start a full mock (draw 65 questions and render the room), 20 runs: ${fmt(draws)}`);

const clicks = await page.evaluate(async () => {
  const out = [];
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  for (let i = 0; i < 100; i++) {
    // Move to a fresh single-answer question every other click so both choosing and re-choosing are timed.
    const labels = document.querySelectorAll(".choice label");
    const pick = labels[i % 2];
    const item = pick.parentElement;
    const input = item.querySelector("input");
    const was = input.checked;
    const done = () => input.checked !== was && item.classList.contains("chosen") === input.checked;
    const t0 = performance.now();
    pick.click();
    if (!done()) await Promise.resolve();
    while (!done() && performance.now() - t0 < 1000) await frame();
    out.push(performance.now() - t0);
    if (i % 2 === 1) { document.querySelectorAll(".exam-actions button")[2].click(); await frame(); }
  }
  return out;
});
console.log(`click an option -> DOM updated, 100 clicks: ${fmt(clicks)}`);
if (process.env.HISTORY) {
  const raw = await readFile(process.env.HISTORY, "utf8");
  await page.evaluate((raw) => { localStorage.clear(); localStorage.setItem("dva.history", raw); }, raw);
  const n = JSON.parse(raw).entries.length;
  const render = async (hash, selector, count) => {
    const times = [];
    for (let i = 0; i < 10; i++) {
      await page.goto(t.url + "#/notes");
      await page.reload();
      await page.waitForSelector(".toc");
      times.push(await page.evaluate(({ hash, selector, count }) => new Promise((resolve) => {
        const t0 = performance.now();
        location.hash = hash;
        const poll = () => document.querySelectorAll(selector).length >= count ? resolve(performance.now() - t0) : requestAnimationFrame(poll);
        poll();
      }), { hash, selector, count }));
    }
    return times;
  };
  console.log(`stored history: ${n} attempts, ${raw.length} characters`);
  console.log(`render the dashboard with ${n} attempts, 10 runs: ${fmt(await render("#/", ".dash .domains-bars .domain", 4))}`);
  console.log(`render the history page with ${n} attempts, 10 runs: ${fmt(await render("#/history", "table.attempts tbody tr", n))}`);
}
console.log(`errors: ${t.errors.length}`);
await t.teardown();
