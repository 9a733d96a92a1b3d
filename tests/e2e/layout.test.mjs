// What a person sees: every question of the bank, in the exam room and in the review, at 1280 px (light)
// and 360 px (dark), is laid out so it can be read (layout.mjs says what is checked). Text-only checks
// missed the review page showing every option one word per line; these look at the boxes the browser laid
// out. Every other page and state gets the same checks in the accessibility walk (axe.test.mjs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./harness.mjs";
import { bankQuestions, storedExam } from "./bank.mjs";
import { SIZES, problems } from "./layout.mjs";

let t;
before(async () => { t = await setup(); });
after(async () => { await t.teardown(); });

for (const size of SIZES) {
  test(`every question of the bank reads well in the exam room and the review at ${size.name}`, async () => {
    // An untimed exam of the whole bank, each question answered with its first options.
    const bank = bankQuestions();
    const session = storedExam(bank, { mode: "Exam", id: "layout-whole-bank", timed: false, answered: true });
    const page = await t.open("#/", { viewport: size.viewport });
    await page.emulateMedia({ colorScheme: size.scheme });
    await page.evaluate((s) => { localStorage.clear(); localStorage.setItem("dva.exam", s); }, session);
    await page.goto(t.url + "#/exam");
    await page.reload();
    await page.waitForSelector(".exam .card");
    const all = [];
    for (let i = 0; i < bank.length; i++) {
      assert.equal(await page.textContent(".progress"), `Question ${i + 1} of ${bank.length}`);
      all.push(...(await problems(page, `exam room, ${bank[i].id}`)));
      await page.keyboard.press("ArrowRight");
    }
    // The review screen lists every question with an excerpt of its stem.
    await page.keyboard.press("r");
    await page.waitForSelector(".review-list");
    assert.equal(await page.$$eval(".review-row", (r) => r.length), bank.length);
    all.push(...(await problems(page, "review screen of the whole bank")));
    await page.keyboard.press("r");
    await page.waitForSelector(".exam .card .choice");
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
