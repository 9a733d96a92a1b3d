// Reviewing a finished attempt: the filters, and the round trip review -> note section -> back to the
// same question.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./harness.mjs";
import { answer, fresh, openStored, startQuick } from "./helpers.mjs";
import { bankQuestions, storedExam } from "./bank.mjs";

let t;
before(async () => { t = await setup(); });
after(async () => { await t.teardown(); });

/** Finishes a 10-question quick exam: questions 1-5 answered with the first options, 2 flagged. */
async function finishQuickExam(page) {
  await fresh(page, t.url);
  await startQuick(page);
  for (let i = 0; i < 5; i++) {
    await answer(page);
    if (i === 1) await page.keyboard.press("f");
    await page.keyboard.press("ArrowRight");
  }
  await page.click("button.end");
  await page.click("#end-confirm");
  await page.waitForSelector(".results");
}

const visible = (page) => page.$$eval(".review-items > li", (l) => l.filter((x) => x.style.display !== "none").length);

test("review filters: all, missed, flagged, unanswered, and by domain", async () => {
  const page = await t.open("#/");
  await finishQuickExam(page);
  const correct = Number((await page.textContent(".score")).match(/(\d+) of 10 correct/)[1]);
  await page.click("a:text('Review all answers')");
  await page.waitForSelector(".review-items");
  assert.equal(await visible(page), 10);
  await page.click('.pill:has-text("Missed")');
  assert.equal(await visible(page), 10 - correct);
  // "Missed" is every question that counted as wrong, unanswered ones too (the pill said "Incorrect" and
  // then showed questions headed "Unanswered").
  assert.equal(await page.textContent('.pill:has-text("Missed")'), `Missed (${10 - correct})`);
  const heads = await page.$$eval(".review-items > li", (l) => l.filter((x) => x.style.display !== "none")
    .map((x) => x.querySelector(".verdict").textContent));
  assert.equal(heads.filter((h) => h === "Unanswered").length, 5, JSON.stringify(heads));
  assert.ok(heads.every((h) => h === "Unanswered" || h.startsWith("✗ Incorrect") || h.startsWith("Partly")), JSON.stringify(heads));
  await page.click('.pill:has-text("Flagged")');
  assert.equal(await visible(page), 1);
  await page.click('.pill:has-text("Unanswered")');
  assert.equal(await visible(page), 5);
  await page.click('.pill:has-text("All")');
  await page.selectOption("#review-domain", "1");
  assert.equal(await visible(page), 3, "a 10-question quick exam has 3 domain-1 questions");
  await page.close();
});

test("from a reviewed question to its note section and back to the same question", async () => {
  const page = await t.open("#/");
  await finishQuickExam(page);
  await page.click("a:text('Review missed questions')");
  await page.waitForSelector(".review-items");
  const card = page.locator(".review-items > li:visible").nth(2);
  const cardId = await card.getAttribute("id");
  const link = card.locator(".note-links a").first();
  const anchor = (await link.getAttribute("href")).split("?")[0].slice("#/notes/".length);
  const at = await page.evaluate(() => navigation.currentEntry.index);
  await link.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => scrollY);
  await link.click();
  await page.waitForFunction((a) => document.activeElement?.id === a, anchor);
  // A second section of the chapter on the way (its links keep the way back).
  await page.click("nav[aria-label='Sections of this chapter'] a:not([aria-current])");
  await page.waitForFunction((i) => navigation.currentEntry.index === i + 2, at);
  await page.click("a:text('← Back to review')");
  await page.waitForFunction((id) => document.activeElement?.id === id, cardId);
  assert.ok(page.url().includes("/incorrect?q="), page.url());
  // It went back to the review's own entry, as the browser's Back does (a copy of it was added, and Back then
  // led to the notes again), scrolled where the learner left it, the link followed in view; Back now leaves
  // the review for the results.
  assert.equal(await page.evaluate(() => navigation.currentEntry.index), at);
  await page.waitForFunction((y) => Math.abs(scrollY - y) < 2, y);
  const box = await card.locator(".note-links a").first().boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 800, `the link followed is in view (${JSON.stringify(box)})`);
  await page.goBack();
  await page.waitForSelector(".results");
  assert.match(page.url(), /#\/results\/[^/?]+$/);
  await page.close();
});

test("the browser's Back from a note returns to the question it was opened from; First missed works under any filter", async () => {
  const page = await t.open("#/");
  await finishQuickExam(page);
  await page.click("a:text('Review all answers')");
  await page.waitForSelector(".review-items");
  const card = page.locator(".review-items > li").nth(4);
  const link = card.locator(".note-links a").first();
  const anchor = (await link.getAttribute("href")).split("?")[0].slice("#/notes/".length);
  await link.click();
  await page.waitForFunction((a) => document.activeElement?.id === a, anchor);
  await page.goBack();
  await page.waitForFunction(() => document.activeElement?.id === "q5");
  assert.ok(page.url().endsWith("?q=5"), page.url());
  // Where the learner was reading: the link followed is in view again (the card's top may be above it).
  await page.waitForFunction((a) => {
    const r = document.querySelector(`#q5 .note-links a[href^="#/notes/${a}?"]`).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, anchor);
  // A filter that hides every question (no answer was marked a guess): no jump to offer (it used to reset
  // the filters silently).
  await page.click('.pill:has-text("Right by guessing")');
  assert.equal(await visible(page), 0);
  assert.equal(await page.$("button:has-text('First missed')"), null);
  // Each filter says how many it shows.
  assert.equal(await page.textContent('.pill:has-text("Right by guessing")'), "Right by guessing (0)");
  assert.equal(await page.textContent('.pill:has-text("All")'), "All (10)");
  // Under a domain, the jumps go from one wrong question of it to the next, and the filters stay.
  // At least five of the ten count as wrong (five were left unanswered), so some domain holds two of them:
  // take the first such (domain 1 alone held only one when two of its three were answered right).
  await page.click('.pill:has-text("All")');
  const wrongShown = () => page.$$eval(".review-items > li", (l) => l
    .filter((x) => x.style.display !== "none" && !x.querySelector(".verdict").classList.contains("right"))
    .map((x) => Number(x.id.slice(1))));
  let domain = 0;
  let wrongs = [];
  for (const d of ["1", "2", "3", "4"]) {
    await page.selectOption("#review-domain", d);
    wrongs = await wrongShown();
    if (wrongs.length >= 2) { domain = d; break; }
  }
  assert.ok(wrongs.length >= 2, `a domain has ${wrongs.length} wrong answers`);
  assert.equal(await page.textContent("button:has-text('First missed')"), `First missed: question ${wrongs[0]} ↓`);
  await page.click("button:has-text('First missed')");
  await page.waitForFunction((id) => document.activeElement?.id === id, `q${wrongs[0]}`);
  assert.equal(await page.textContent(`#q${wrongs[0]} .next-wrong`), `Next missed: question ${wrongs[1]} ↓`);
  // Every question shown offers the next wrong one shown after it, if any (none hidden by the domain).
  const nexts = await page.$$eval(".review-items > li", (l) => l.filter((x) => x.style.display !== "none")
    .map((x) => [Number(x.id.slice(1)), Number(x.querySelector(".next-wrong")?.textContent.match(/question (\d+)/)[1] ?? 0)]));
  assert.deepEqual(nexts.map(([, k]) => k), nexts.map(([n]) => wrongs.find((w) => w > n) ?? 0), JSON.stringify(nexts));
  assert.equal(await page.$eval("#review-domain", (s) => s.value), domain);
  assert.ok(await page.$eval('.pill:has-text("All") input', (i) => i.checked));
  await page.close();
});

test("the filters are in the address: a trip to the notes and back, by Back or by the notes' link, keeps them", async () => {
  const page = await t.open("#/");
  await finishQuickExam(page);
  await page.click("a:text('Review all answers')");
  await page.waitForSelector(".review-items");
  await page.click('.pill:has-text("Unanswered")');
  // A domain with an unanswered question (its option's count says so).
  const d = await page.$$eval("#review-domain option", (o) => o.find((x) => x.value !== "0" && !/\(0\)$/.test(x.textContent)).value);
  await page.selectOption("#review-domain", d);
  assert.match(page.url(), new RegExp(`#/review/[^?]+\\?s=unanswered&d=${d}$`));
  const shown = await visible(page);
  assert.ok(shown > 0);
  const restored = async (how) => {
    assert.ok(await page.$eval('.pill:has-text("Unanswered") input', (i) => i.checked), how);
    assert.equal(await page.$eval("#review-domain", (s) => s.value), d, how);
    assert.equal(await visible(page), shown, how);
  };
  const openNote = async () => {
    const card = page.locator(".review-items > li:visible").last();
    const id = await card.getAttribute("id");
    const link = card.locator(".note-links a").first();
    const anchor = decodeURIComponent((await link.getAttribute("href")).split("?")[0].slice("#/notes/".length));
    await link.click();
    await page.waitForFunction((a) => document.activeElement?.id === a, anchor);
    return id;
  };
  let id = await openNote();
  await page.goBack();
  await page.waitForFunction((id) => document.activeElement?.id === id, id);
  assert.match(page.url(), new RegExp(`\\?s=unanswered&d=${d}&q=${id.slice(1)}$`));
  await restored("after Back");
  id = await openNote();
  await page.click("a:text('← Back to review')");
  await page.waitForFunction((id) => document.activeElement?.id === id, id);
  await restored("after the notes' Back to review");
  // A reload keeps them too; the defaults write nothing.
  await page.reload();
  await page.waitForSelector(".review-items");
  await restored("after a reload");
  await page.click('.pill:has-text("All")');
  await page.selectOption("#review-domain", "0");
  assert.match(page.url(), /#\/review\/[^?]+$/);
  await page.close();
});

test("the results' sections to study are every section the missed questions link, however many", async () => {
  const page = await t.open("#/");
  await finishQuickExam(page);
  const anchor = (href) => decodeURIComponent(href.split("#/notes/")[1].split("?")[0]);
  const listed = await page.$$eval("ol.missed a", (as) => as.map((a) => a.getAttribute("href")));
  // The first ten shown, the rest folded under "N more sections" (a weak mock links ninety).
  assert.equal(await page.$$eval(".results > ol.missed > li", (l) => l.length), Math.min(10, listed.length));
  if (listed.length > 10) {
    assert.equal((await page.textContent(".more-missed summary")).trim(), `${listed.length - 10} more sections`);
    assert.equal(await page.$eval(".more-missed", (d) => d.open), false);
  }
  await page.click("a:text('Review all answers')");
  await page.waitForSelector(".review-items");
  await page.click('.pill:has-text("Missed")');
  const linked = await page.$$eval(".review-items > li", (items) => items
    .filter((x) => x.style.display !== "none")
    .flatMap((x) => [...x.querySelectorAll(".note-links a")].map((a) => a.getAttribute("href"))));
  const wanted = [...new Set(linked.map(anchor))].sort();
  assert.ok(wanted.length > 8, `${wanted.length} sections: more than the eight the list used to stop at`);
  assert.deepEqual([...new Set(listed.map(anchor))].sort(), wanted);
  assert.equal(listed.length, wanted.length, "each once");
  await page.close();
});

test("with every answer right the results lead to all answers, not to an empty list of missed ones", async () => {
  const qs = bankQuestions().slice(0, 3);
  const stored = JSON.parse(storedExam(qs, { mode: "Exam", counted: true }));
  stored.items.forEach((it, i) => { it.chosen = [...qs[i].keys]; });
  const page = await t.open("#/");
  await openStored(page, t.url, JSON.stringify(stored));
  await page.click("button.end");
  await page.click("#end-confirm");
  await page.waitForSelector(".results");
  assert.match(await page.textContent(".results .score"), /3 of 3 correct/);
  const buttons = await page.$$eval(".results .actions .button", (b) => b.map((x) => [x.textContent, x.classList.contains("primary")]));
  assert.deepEqual(buttons.slice(0, 1), [["Review all answers", true]]);
  assert.ok(!buttons.some(([text]) => text === "Review missed questions"), JSON.stringify(buttons));
  await page.close();
});

test("the review's domain filter offers only the domains the attempt asked about, each with its count", async () => {
  const bank = bankQuestions();
  const qs = [...bank.filter((q) => q.domain === 1).slice(0, 3), ...bank.filter((q) => q.domain === 2).slice(0, 2)];
  const page = await t.open("#/");
  await openStored(page, t.url, storedExam(qs, { mode: "Exam", counted: true }));
  await page.click("button.end");
  await page.click("#end-confirm");
  await page.waitForSelector(".results");
  await page.click("a:text('Review all answers')");
  await page.waitForSelector(".review-items");
  const options = () => page.$$eval("#review-domain option", (o) => o.map((x) => x.textContent));
  assert.deepEqual(await options(), ["All domains (5)", "1: Development (3)", "2: Security (2)"]);
  // The counts are of what the Show filter leaves (nothing was flagged).
  await page.click('.pill:has-text("Flagged")');
  assert.deepEqual(await options(), ["All domains (0)", "1: Development (0)", "2: Security (0)"]);
  await page.click('.pill:has-text("All")');
  await page.selectOption("#review-domain", "2");
  assert.equal(await visible(page), 2);
  await page.close();
});

test("no review page threw an error", () => {
  assert.deepEqual(t.errors, []);
});

test("the AWS documentation links name the guide as a learner knows it and the page in words", async () => {
  // They read as fragments of addresses: "AWSSimpleQueueService · FIFO-queues-understanding-logic",
  // "goto · SendSSHPublicKey", "https: · hooks" for Kiro's pages (a learner's walkthrough).
  const bank = bankQuestions();
  const pick = (re) => bank.find((q) => q.docs.some((d) => re.test(d)));
  const qs = [pick(/AWSSimpleQueueService\/latest\/SQSDeveloperGuide\/FIFO-queues/), pick(/\/goto\/WebAPI\//), pick(/^https:\/\/kiro\.dev\/docs\/cli\//)];
  const page = await t.open("#/");
  await openStored(page, t.url, storedExam(qs, { mode: "Exam", id: "doc-labels" }));
  await page.click("button.end");
  await page.click("#end-confirm");
  await page.waitForSelector(".results");
  await page.click("text=Review all answers");
  await page.waitForSelector(".review .doc-links a");
  const links = await page.$$eval(".review .doc-links a", (l) => l.map((a) => [a.getAttribute("href"), a.firstChild.textContent]));
  assert.equal(links.length, qs.reduce((n, q) => n + q.docs.length, 0), "every page of the three questions is linked");
  const label = (re) => links.find(([href]) => re.test(href))[1];
  assert.match(label(/FIFO-queues/), /^Amazon SQS · FIFO queues/);
  assert.match(label(/\/goto\/WebAPI\//), /^API reference · [A-Za-z]+$/);
  assert.match(label(/kiro\.dev\/docs\/cli\//), /^Kiro CLI · /);
  for (const [href, text] of links) {
    assert.ok(!/https:|goto|AWS[A-Z][a-z]|Amazon[A-Z][a-z]|amazondynamodb|\.html/.test(text), `${href}: ${text}`);
  }
  await page.close();
});

test("Back and Forward return to where the page was scrolled: the results, a review card's note link", async () => {
  // The browser restored the position before the app had drawn the page again, so Back landed at the
  // page's top, screens above the link followed (src/web/boot.js keeps and restores it).
  const page = await t.open("#/", { viewport: { width: 360, height: 740 } });
  await finishQuickExam(page);
  const scrollY = () => page.evaluate(() => Math.round(window.scrollY));
  const backTo = async (y) => {
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 1, y);
    assert.equal(await scrollY(), y);
  };
  // The results: the lowest link of the page, scrolled to the page's end.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const y1 = await scrollY();
  assert.ok(y1 > 1000, `the results are long at 360 px (${y1})`);
  const lowest = await page.evaluate(() => {
    const links = [...document.querySelectorAll("main a[href^='#/']")].filter((a) => a.checkVisibility());
    const a = links.sort((x, z) => x.getBoundingClientRect().top - z.getBoundingClientRect().top).pop();
    a.id = "lowest";
    return a.getAttribute("href");
  });
  await page.click("#lowest");
  await page.waitForFunction((h) => location.hash === h, lowest);
  await page.waitForSelector("main h1");
  await page.goBack();
  await page.waitForSelector(".results");
  await backTo(y1);
  // A review card far down: its note link, then Back from the note, then Forward and Back again.
  await page.click("a:has-text('Review all answers')");
  await page.waitForSelector(".review .card");
  const link = page.locator("#q6 .note-links a").first();
  await link.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 37));
  const y2 = await scrollY();
  assert.ok(y2 > 2000, `the sixth card is far down (${y2})`);
  await link.click();
  await page.waitForSelector("article.notes h1, article.notes h2");
  await page.goBack();
  await page.waitForSelector(".review .card");
  await backTo(y2);
  await page.goForward();
  await page.waitForSelector("article.notes h1, article.notes h2");
  await page.goBack();
  await backTo(y2);
  await page.close();
});

test("Back from a note opened from the results' sections to study returns to that section's link", async () => {
  // Back, or the notes' "Back to results", returned to the top of the results, screens above the list.
  const page = await t.open("#/");
  await finishQuickExam(page);
  const links = page.locator(".results ol.missed a");
  assert.ok(await links.count() >= 3, "a quick exam with misses lists sections");
  const link = links.nth(2);
  const href = await link.getAttribute("href");
  const focusedHref = () => page.evaluate(() => document.activeElement?.getAttribute("href"));
  const inView = () => page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  await link.click();
  await page.waitForSelector("article.notes h1, article.notes h2");
  await page.goBack();
  await page.waitForFunction((h) => document.activeElement?.getAttribute("href") === h, href);
  assert.ok(await inView(), "the link is in view");
  // The same by the notes' own way back.
  await link.click();
  await page.click("a:text('← Back to results')");
  await page.waitForFunction((h) => document.activeElement?.getAttribute("href") === h, href);
  assert.equal(await focusedHref(), href);
  assert.ok(await inView());
  await page.close();
});
