// Screenshots of every page and state, at 1280x860 in the light theme and 360x740 in the dark theme, for a
// person to look at. Run through `bash tests/shots.sh` (after a build); writes PNGs into $SHOTS.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { setup } from "./harness.mjs";
import { answer, finish, fresh, startQuick } from "./helpers.mjs";

const out = process.env.SHOTS;
if (!out) throw new Error("set SHOTS to the folder for the screenshots");
mkdirSync(out, { recursive: true });

const SIZES = [
  { name: "1280-light", viewport: { width: 1280, height: 860 }, scheme: "light" },
  { name: "360-dark", viewport: { width: 360, height: 740 }, scheme: "dark" },
];

const env = await setup();
let count = 0;

/** Saves the page as `<n>-<name>-<size>.png`; the whole page unless `viewportOnly`. */
async function shot(page, size, name, viewportOnly = false) {
  count += 1;
  const file = join(out, `${String(count).padStart(3, "0")}-${name}-${size.name}.png`);
  await page.screenshot({ path: file, fullPage: !viewportOnly });
}

for (const size of SIZES) {
  const page = await env.open("#/", { viewport: size.viewport });
  await page.emulateMedia({ colorScheme: size.scheme });
  await fresh(page, env.url, "#/");
  await page.waitForSelector("h1");
  await shot(page, size, "dashboard-first-visit");

  await page.goto(env.url + "#/exam/new");
  await page.waitForSelector("form.setup");
  await shot(page, size, "setup-full");
  await page.click('.option-card:has-text("Domain drill")');
  await shot(page, size, "setup-domain-drill");
  await page.click('.option-card:has-text("Section drill")');
  await shot(page, size, "setup-section-drill");

  // A quick exam: a question, a multiple-response one, the navigator and the end dialog.
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
  await shot(page, size, "exam-flagged");
  const id = await finish(page, 6);
  await shot(page, size, "results");
  await page.goto(env.url + `#/review/${encodeURIComponent(id)}`);
  await page.waitForSelector(".review");
  await shot(page, size, "review-all");

  // Two more attempts, then the dashboard and history with data.
  for (let n = 0; n < 2; n++) {
    await page.goto(env.url + "#/exam/new");
    await startQuick(page, 10);
    await finish(page, 8);
  }
  await page.goto(env.url + "#/");
  await page.waitForSelector(".dash");
  await shot(page, size, "dashboard-three-attempts");
  await page.goto(env.url + "#/history");
  await page.waitForSelector("h1");
  await shot(page, size, "history");

  await page.goto(env.url + "#/notes");
  await page.waitForSelector("h1");
  await shot(page, size, "notes-toc", true);
  await page.goto(env.url + "#/notes/sse-kms");
  await page.waitForTimeout(300);
  await shot(page, size, "notes-deep-link", true);
  await page.goto(env.url + "#/nowhere");
  await page.waitForSelector("h1");
  await shot(page, size, "not-found", true);
  await page.close();
}

await env.teardown();
console.log(`${count} screenshots in ${out}`);
