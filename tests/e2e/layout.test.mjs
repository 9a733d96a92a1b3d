// What a person sees: every question of the bank, in the exam room and in the review, at 1280 px (light)
// and 360 px (dark), is laid out so it can be read (layout.mjs says what is checked). Text-only checks
// missed the review page showing every option one word per line; these look at the boxes the browser laid
// out. Every other page and state gets the same checks in the accessibility walk (axe.test.mjs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./harness.mjs";
import { problems } from "./layout.mjs";

let t;
before(async () => { t = await setup(); });
after(async () => { await t.teardown(); });

const SIZES = [
  { name: "1280 light", viewport: { width: 1280, height: 860 }, scheme: "light" },
  { name: "360 dark", viewport: { width: 360, height: 740 }, scheme: "dark" },
];

/** Every published question of the bank (from questions/bank.lock): id, option count, key count. */
async function wholeBank() {
  const { readFile } = await import("node:fs/promises");
  const { join } = await import("node:path");
  const lock = await readFile(join(import.meta.dirname, "..", "..", "questions", "bank.lock"), "utf8");
  return lock.split("\n").filter((l) => l && !l.startsWith("#") && !l.startsWith("retired "))
    .map((l) => { const [id, options, keys] = l.split(" "); return { id, options: +options, keys: +keys }; });
}

for (const size of SIZES) {
  test(`every question of the bank reads well in the exam room and the review at ${size.name}`, async () => {
    const bank = await wholeBank();
    const now = Date.now();
    // An untimed exam of the whole bank, each question answered with its first options.
    const session = {
      version: 1, id: "layout-whole-bank",
      spec: { kind: { Picked: { title: "Whole bank", ids: bank.map((q) => q.id) } }, mode: "Exam", extra_time: false, seed: 1 },
      exam: "DVA-C03", bank_version: "layout", started_ms: now, deadline_ms: null,
      items: bank.map((q) => ({
        id: q.id, order: [...Array(q.options).keys()], keys: q.keys,
        chosen: [...Array(q.keys).keys()], flagged: false, checked: false, spent_ms: 0,
      })),
      current: 0, entered_ms: now, finished_ms: null, expired: false,
    };
    const page = await t.open("#/", { viewport: size.viewport });
    await page.emulateMedia({ colorScheme: size.scheme });
    await page.evaluate((s) => { localStorage.clear(); localStorage.setItem("dva.exam", s); }, JSON.stringify(session));
    await page.goto(t.url + "#/exam");
    await page.reload();
    await page.waitForSelector(".exam .card");
    const all = [];
    for (let i = 0; i < bank.length; i++) {
      assert.equal(await page.textContent(".progress"), `Question ${i + 1} of ${bank.length}`);
      all.push(...(await problems(page, `exam room, ${bank[i].id}`)));
      await page.keyboard.press("ArrowRight");
    }
    await page.click("button.end");
    await page.click("#end-confirm");
    await page.waitForSelector(".results");
    const id = decodeURIComponent(page.url().split("#/results/")[1]);
    await page.goto(t.url + `#/review/${encodeURIComponent(id)}`);
    await page.waitForSelector(".review .choice");
    assert.equal(await page.$$eval(".review .card", (c) => c.length), bank.length);
    all.push(...(await problems(page, "review of the whole bank")));
    assert.deepEqual(all, []);
    await page.close();
  });
}
