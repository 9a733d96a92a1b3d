// The notes reader in a real browser: deep links, search, unknown anchors, the theme, small screens.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./harness.mjs";
import { stripColour } from "./helpers.mjs";

let t;
before(async () => { t = await setup(); });
after(async () => { await t.teardown(); });

/** Whether the element's top edge lies inside the viewport. */
const inView = (page, sel) => page.$eval(sel, (el) => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.top < window.innerHeight && r.bottom > 0;
});

test("a deep link opens the notes at that section: in view, highlighted, focused", async () => {
  const page = await t.open("#/notes/sse-kms");
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === "sse-kms");
  assert.equal(await page.$eval("#sse-kms", (el) => el.textContent.trim()), "SSE-KMS");
  assert.ok(await inView(page, "#sse-kms"), "the heading is scrolled into view");
  assert.ok(await page.$eval("#sse-kms", (el) => el.classList.contains("target")), "the heading is highlighted");
  assert.ok(await page.evaluate(() => window.scrollY) > 200, "the page scrolled down to a section deep in its chapter");
  assert.match(await page.title(), /SSE-KMS/);
  await page.close();
});

test("following a link inside the notes moves to the linked section, and Back returns to the heading it sat under", async () => {
  const page = await t.open("#/notes/aws-sqs");
  await page.waitForFunction(() => document.activeElement?.id === "aws-sqs");
  // A link under a subsection, well below the section's top.
  const under = await page.$$eval('article.notes a[href^="#/notes/"]', (links) => {
    const heads = [...document.querySelectorAll("article.notes :is(h2, h3, h4)[id]")];
    for (const [n, a] of links.entries()) {
      const h = heads.filter((x) => x.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
      const top = document.getElementById("aws-sqs");
      if (h && top.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING
        && ![`#/notes/${h.id}`, "#/notes/aws-sqs"].includes(a.getAttribute("href"))) return [n, h.id];
    }
  });
  assert.ok(under, "the SQS section has a link under one of its subsections");
  const [n, heading] = under;
  const link = `article.notes a[href^="#/notes/"] >> nth=${n}`;
  const target = (await page.getAttribute(link, "href")).slice("#/notes/".length);
  await page.click(link);
  await page.waitForFunction((id) => document.activeElement?.id === id, target);
  assert.ok(await inView(page, `[id="${target}"]`));
  assert.equal(await page.$$eval(".target", (els) => els.length), 1, "only the current section is highlighted");
  // Back: to the heading the link was under (it returned to the top of the SQS section, screens above),
  // scrolled where the learner was reading: the link followed is in view again.
  await page.goBack();
  await page.waitForFunction((id) => document.activeElement?.id === id, heading);
  await page.waitForFunction((sel) => {
    const r = document.querySelectorAll('article.notes a[href^="#/notes/"]')[sel].getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, n);
  assert.ok(page.url().endsWith(`#/notes/${heading}`), page.url());
  // A jump through the chapter's contents, then Back: the place read before (it was the chapter's top).
  await page.evaluate(() => window.scrollBy(0, 900));
  const y = await page.evaluate(() => Math.round(scrollY));
  const entry = page.locator(".chapter-nav nav a").last();
  await entry.click();
  const jumped = (await entry.getAttribute("href")).split("?")[0].slice("#/notes/".length);
  await page.waitForFunction((id) => document.activeElement?.id === id, jumped);
  await page.goBack();
  await page.waitForFunction((y) => Math.abs(scrollY - y) <= 1, y);
  await page.close();
});

test("the contents list every chapter, and search filters sections as you type", async () => {
  const page = await t.open("#/notes");
  const chapters = await page.$$eval(".toc > li h2", (hs) => hs.map((h) => h.textContent.trim()));
  assert.equal(chapters.length, 24, `chapters listed: ${chapters.length}`);
  assert.ok(chapters.includes("Amazon S3"));
  await page.fill("#note-search", "visibility timeout");
  await page.waitForSelector(".hits li");
  const titles = await page.$$eval(".hits li > a", (as) => as.map((a) => a.textContent.trim()));
  assert.match(titles[0], /Visibility Timeout/, `a title match ranks first: ${titles.join(", ")}`);
  assert.ok(titles.length > 3, "text matches follow");
  assert.match(await page.textContent(".count"), /sections? match/);
  // The matched words are highlighted, as text.
  const marks = await page.$$eval(".hits li:first-child mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert.ok(marks.includes("visibility") && marks.includes("timeout"), `highlighted: ${marks}`);
  // A typo still finds what was meant, and highlights the word it matched.
  await page.fill("#note-search", "envelope encrpytion");
  await page.waitForFunction(() => document.querySelectorAll(".hits li").length > 0);
  const typoTitles = await page.$$eval(".hits li > a", (as) => as.map((a) => a.textContent.trim()));
  assert.ok(typoTitles.some((t) => /Envelope Encryption/i.test(t)), `found: ${typoTitles.slice(0, 5)}`);
  assert.ok((await page.$$eval(".hits mark", (ms) => ms.map((m) => m.textContent.toLowerCase()))).includes("encryption"));
  // A hyphenated word written as one still finds it ("fanout" found nothing, the notes say "fan-out").
  await page.fill("#note-search", "fanout");
  await page.waitForFunction(() => [...document.querySelectorAll(".hits mark")].some((m) => m.textContent.toLowerCase() === "fan-out"));
  assert.match(await page.textContent(".count"), /^\d+ sections? match/);
  // A query holding markup is shown as text, never as HTML.
  await page.fill("#note-search", "<img src=x onerror=alert(1)>");
  assert.equal(await page.$$eval(".hits img", (l) => l.length), 0);
  // A broad query shows 50 and says how many match in all; "Show 50 more" adds the next ones and moves
  // focus to the first of them (the list stopped at 50, silent about the rest).
  await page.fill("#note-search", "lambda");
  await page.waitForFunction(() => /showing the first 50/.test(document.querySelector(".count").textContent));
  const all = Number((await page.textContent(".count")).match(/^(\d+) sections match; showing the first 50\.$/)[1]);
  assert.ok(all > 100, `${all} sections mention lambda`);
  assert.equal(await page.$$eval(".hits > li", (l) => l.length), 50);
  assert.equal(await page.textContent(".hits + p button"), "Show 50 more");
  await page.click(".hits + p button");
  await page.waitForFunction(() => document.querySelectorAll(".hits > li").length === 100);
  assert.equal(await page.evaluate(() => document.activeElement === document.querySelector(".hits > li:nth-child(51) a")), true);
  assert.equal(await page.textContent(".count"), `${all} sections match; showing the first 100.`);
  // A result past the first 50, opened and left by Back, is there again with focus on it (the list came
  // back at 50 without it, focus on nothing).
  const href71 = await page.getAttribute(".hits > li:nth-child(71) a", "href");
  await page.click(".hits > li:nth-child(71) a");
  await page.waitForSelector("article.notes");
  await page.goBack();
  await page.waitForFunction((h) => document.activeElement?.getAttribute("href") === h, href71);
  assert.equal(await page.$$eval(".hits > li", (l) => l.length), 100);
  // A new query starts again at 50.
  await page.fill("#note-search", "lambda layers");
  await page.waitForFunction(() => document.querySelectorAll(".hits > li").length > 0);
  assert.ok(await page.$$eval(".hits > li", (l) => l.length) <= 50);
  await page.fill("#note-search", "zzzz-no-such-thing");
  await page.waitForFunction(() => document.querySelector(".count").textContent.includes("No section matches"));
  assert.equal(await page.$$eval(".hits li", (l) => l.length), 0);
  await page.fill("#note-search", "visibility timeout");
  // The query is in the address (replaced as typed: one history entry), and each result leads back to it,
  // naming itself (`at`) so that focus returns to it.
  await page.waitForFunction(() => location.hash === "#/notes?q=visibility%20timeout");
  const third = await page.getAttribute(".hits li > a >> nth=2", "href");
  const anchor = third.split("?")[0].slice(8);
  assert.equal(third, `#/notes/${anchor}?back=${encodeURIComponent(`#/notes?q=visibility%20timeout&at=${anchor}`)}`);
  const focusedResult = () => page.evaluate(() => document.activeElement?.getAttribute("href"));
  await page.click(".hits li > a >> nth=2");
  await page.waitForFunction((a) => document.activeElement?.id === a, anchor);
  await page.click("text=← Back to search results");
  await page.waitForSelector(".hits li");
  assert.equal(await page.inputValue("#note-search"), "visibility timeout");
  await page.waitForFunction((h) => document.activeElement?.getAttribute("href") === h, third);
  // The browser's Back from a result finds the results too, with focus on the result opened, in view.
  await page.click(".hits li > a >> nth=2");
  await page.waitForFunction((a) => document.activeElement?.id === a, anchor);
  await page.goBack();
  await page.waitForSelector(".hits li");
  assert.equal(await page.inputValue("#note-search"), "visibility timeout");
  await page.waitForFunction((h) => document.activeElement?.getAttribute("href") === h, third);
  assert.equal(await focusedResult(), third);
  const r = await page.$eval(".hits li > a >> nth=2", (a) => { const b = a.getBoundingClientRect(); return [b.top, b.bottom, innerHeight]; });
  assert.ok(r[0] >= 0 && r[1] <= r[2], `in view: ${r}`);
  // The box follows a query edited in the address, and Back to the one before.
  await page.evaluate(() => { location.hash = "#/notes?q=sqs%20fifo"; });
  await page.waitForFunction(() => document.querySelector("#note-search").value === "sqs fifo");
  await page.waitForFunction(() => document.querySelector(".hits li > a")?.textContent.trim() === "SQS FIFO Queues");
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("#note-search").value === "visibility timeout");
  // A search moved on from (typed, then Enter) keeps its own history entry: Back from the next one
  // returns to it.
  await page.fill("#note-search", "visibility");
  await page.press("#note-search", "Enter");
  await page.fill("#note-search", "dynamodb ttl");
  await page.waitForFunction(() => location.hash === "#/notes?q=dynamodb%20ttl");
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("#note-search")?.value === "visibility");
  assert.equal(await page.evaluate(() => location.hash), "#/notes?q=visibility");
  await page.close();
});

test("search puts the section a query names first: a service's chapter before sections that mention it", async () => {
  const page = await t.open("#/notes");
  const top = async (q) => {
    await page.fill("#note-search", q);
    await page.waitForFunction(() => document.querySelectorAll(".hits li").length > 0 && !document.querySelector(".count").textContent.includes("Loading"));
    return page.$$eval(".hits li", (l) => l.slice(0, 3).map((x) => [x.querySelector("a").textContent.trim(), x.querySelector("p").textContent]));
  };
  const lambda = await top("lambda");
  assert.equal(lambda[0][0], "AWS Lambda", JSON.stringify(lambda));
  assert.equal((await top("sqs fifo"))[0][0], "SQS FIFO Queues");
  assert.equal((await top("dynamodb"))[0][0], "Amazon DynamoDB");
  // A word no title of the rest holds ranks by its uses: the section about indexes, not the shortest
  // title that mentions a GSI once ("DynamoDB TTL" came before it).
  const gsi = await page.fill("#note-search", "dynamodb gsi").then(() => page.waitForFunction(() => document.querySelector(".hits li a")?.textContent.trim() === "DynamoDB GSI Throttling"))
    .then(() => page.$$eval(".hits li > a", (l) => l.slice(0, 5).map((a) => a.textContent.trim())));
  assert.ok(gsi.includes("DynamoDB Secondary Indexes") && !gsi.includes("DynamoDB TTL") && !gsi.includes("DynamoDB Table Classes"), JSON.stringify(gsi));
  // Excerpts start with what a section says, not its title or its task statements.
  for (const [title, excerpt] of lambda) {
    assert.ok(!excerpt.includes("Task statements:"), `${title}: ${excerpt}`);
  }
  await page.close();
});

test("on a phone a chapter opens with its contents folded, and a bar at the bottom keeps the way back and the contents in reach", async () => {
  const page = await t.open("#/", { viewport: { width: 360, height: 740 } });
  await page.goto(t.url + "#/notes/lambda-concurrency?back=" + encodeURIComponent("#/notes?q=concurrency"));
  await page.waitForFunction(() => document.activeElement?.id === "lambda-concurrency");
  assert.equal(await page.$eval(".chapter-nav details", (d) => d.open), false);
  // The section, not the contents, is what the window shows; the bar sits at its bottom, over nothing it hides.
  const box = (sel) => page.$eval(sel, (e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; });
  const bar = await box(".reader-tools");
  assert.equal(Math.round(bar.bottom), 740);
  assert.ok((await box("#lambda-concurrency")).top < bar.top);
  // Both on one line (short labels: two lines took 114 px of the screen).
  const tools = await page.$$eval(".reader-tools > *", (l) => l.map((x) => [x.textContent, Math.round(x.getBoundingClientRect().top)]));
  assert.deepEqual(tools.map(([x]) => x), ["← Search results", "↑ Contents"]);
  assert.equal(tools[0][1], tools[1][1], "one line");
  assert.ok(bar.bottom - bar.top <= 60, `${bar.bottom - bar.top} px`);
  assert.equal(await page.$$eval("a[href^='#/notes?q=']", (l) => l.filter((a) => a.checkVisibility()).length), 1, "one way back, in the bar");
  // A jump through the chapter's contents keeps the way back.
  await page.click("text=↑ Contents");
  await page.waitForFunction(() => document.activeElement?.id === "chapter-contents" && scrollY === 0);
  assert.equal(await page.$eval(".chapter-nav details", (d) => d.open), true);
  await page.click(".chapter-nav a:text-is('Lambda Provisioned Concurrency')");
  await page.waitForFunction(() => document.activeElement?.id === "lambda-provisioned-concurrency");
  assert.match(await page.evaluate(() => location.hash), /^#\/notes\/lambda-provisioned-concurrency\?back=/);
  await page.click("text=← Search results");
  await page.waitForSelector(".hits li");
  assert.equal(await page.inputValue("#note-search"), "concurrency");
  // A wide window keeps the contents open beside the chapter, with no bar.
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(t.url + "#/notes/lambda-concurrency");
  await page.reload();
  await page.waitForFunction(() => document.activeElement?.id === "lambda-concurrency");
  assert.equal(await page.$eval(".chapter-nav details", (d) => d.open), true);
  assert.equal(await page.$(".reader-tools"), null);
  await page.close();
});

test("an unknown anchor says so and shows the contents", async () => {
  const page = await t.open("#/notes/no-such-section");
  const notice = await page.textContent(".notice");
  assert.match(notice, /There is no section #no-such-section/);
  assert.ok(await page.$$eval(".toc > li", (l) => l.length) > 5);
  await page.close();
});

test("an unknown page gets a not-found page with a way back", async () => {
  const page = await t.open("#/nowhere");
  assert.equal(await page.textContent("h1"), "Page not found");
  await page.click('main a[href="#/"]');
  await page.waitForSelector("table.domains");
  assert.equal(await page.$$eval("table.domains tbody tr", (r) => r.length), 4);
  await page.close();
});

test("the theme follows the system, a choice is remembered across reloads, and System goes back", async () => {
  const page = await t.open("#/");
  await page.emulateMedia({ colorScheme: "dark" });
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await bg(), "rgb(17, 20, 24)", "dark system setting gives the dark theme");
  assert.equal(await page.$eval(".theme select", (s) => s.value), "system");
  // The menu names what the system shows (it hears the change of setting).
  await page.waitForFunction(() => document.querySelector('.theme option[value="system"]').textContent === "◐ System (dark)");
  await page.selectOption(".theme select", "light");
  assert.equal(await page.getAttribute("html", "data-theme"), "light");
  assert.equal(await bg(), "rgb(247, 248, 250)");
  await page.reload();
  await page.waitForSelector("header.top");
  assert.equal(await page.getAttribute("html", "data-theme"), "light", "the choice survives a reload");
  assert.equal(await page.$eval(".theme select", (s) => s.value), "light");
  assert.equal(await bg(), "rgb(247, 248, 250)");
  // Back to following the system.
  await page.selectOption(".theme select", "system");
  assert.equal(await page.getAttribute("html", "data-theme"), null);
  assert.equal(await bg(), "rgb(17, 20, 24)");
  await page.reload();
  await page.waitForSelector("header.top");
  assert.equal(await page.$eval(".theme select", (s) => s.value), "system");
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("a corrupt settings value neither crashes the app nor is thrown away", async () => {
  const page = await t.open("#/");
  await page.evaluate(() => localStorage.setItem("dva.settings", "{not json"));
  await page.reload();
  await page.waitForSelector("table.domains");
  assert.equal(await page.evaluate(() => localStorage.getItem("dva.settings.unreadable")), "{not json");
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("at 360 px wide the notes fit without sideways scrolling, and keyboard focus is visible", async () => {
  const page = await t.open("#/notes/s3---performance", { viewport: { width: 360, height: 740 } });
  await page.waitForFunction(() => document.activeElement?.id === "s3---performance");
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 360, `page is ${wide}px wide`);
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, "solid");
  await page.close();
});

/** How far a strip 3 px inside each edge of `box` (a scrolling table or code block) is from `colour`, at the
 *  start of its scroll and at its end, with its text hidden so that only its own background shows (words cut
 *  at an edge would count otherwise). */
async function edgeShadows(page, box, colour) {
  const { w, h, scrolls } = await box.evaluate((el) => ({ w: el.clientWidth, h: el.clientHeight, scrolls: el.scrollWidth > el.clientWidth + 50 }));
  assert.ok(scrolls, "wider than a phone");
  await box.evaluate((el) => { for (const c of el.querySelectorAll("th, td, code")) c.style.visibility = "hidden"; });
  const edges = async () => {
    const png = await box.screenshot();
    const off = async (x) => (await stripColour(t.browser, png, x, 4, h - 4)).reduce((a, c, i) => a + Math.abs(c - colour[i]), 0);
    return { left: await off(3), right: await off(w - 4) };
  };
  const start = await edges();
  await box.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  return { start, end: await edges() };
}

test("at 620 px a wide table in the notes shows a shadow at the edge where more columns wait", async () => {
  // Above 600 px a table stays a table; the six columns of deployment policies
  // are wider than the notes' column there.
  const page = await t.open("#/notes/elastic-beanstalk-deployment", { viewport: { width: 620, height: 740 } });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForSelector("#elastic-beanstalk-deployment");
  const table = page.locator("#elastic-beanstalk-deployment ~ table").first();
  await table.scrollIntoViewIfNeeded();
  const surface = await page.evaluate(() => getComputedStyle(document.querySelector("article.notes")).backgroundColor.match(/\d+/g).slice(0, 3).map(Number));
  const { start, end } = await edgeShadows(page, table, surface);
  assert.ok(start.right > 20 && start.left < 5, `at the start: a shadow on the right only ${JSON.stringify(start)}`);
  assert.ok(end.left > 20 && end.right < 5, `at the end: a shadow on the left only ${JSON.stringify(end)}`);
  await page.close();
});

test("at 360 px a table reads as a card per row, each value after its column's heading; at 1280 px it is a table", async () => {
  const seen = async (width) => {
    const page = await t.open("#/notes/bedrock-converse-versus-invokemodel", { viewport: { width, height: 740 } });
    await page.waitForSelector("#bedrock-converse-versus-invokemodel");
    const table = page.locator("#bedrock-converse-versus-invokemodel ~ table").first();
    await table.scrollIntoViewIfNeeded();
    const got = await table.evaluate((el) => {
      const row = el.querySelector("tbody tr");
      const [first, second, third] = row.querySelectorAll("td");
      const before = (c) => getComputedStyle(c, "::before").content;
      const box = (e) => e.getBoundingClientRect();
      return {
        scrolls: el.scrollWidth > el.clientWidth + 1,
        headingShown: box(el.querySelector("thead")).height > 10,
        first: [first.textContent, getComputedStyle(first).fontWeight],
        labels: [before(second), before(third)],
        // A card's values sit one under another inside the row's box, which fits the page.
        stacked: box(third).top >= box(second).bottom - 1,
        inside: box(row).left >= 0 && box(row).right <= innerWidth,
      };
    });
    await page.close();
    return got;
  };
  assert.deepEqual(await seen(360), {
    scrolls: false,
    headingShown: false,
    first: ["Request", "600"],
    labels: ['"Converse / ConverseStream: "', '"InvokeModel / InvokeModelWithResponseStream: "'],
    stacked: true,
    inside: true,
  });
  const wide = await seen(1280);
  assert.deepEqual([wide.headingShown, wide.labels, wide.stacked], [true, ["none", "none"], false]);
  // Two columns too: a long error name in the first used to push its meaning out of sight.
  const page = await t.open("#/notes/step-functions-error-names", { viewport: { width: 360, height: 740 } });
  await page.waitForSelector("#step-functions-error-names");
  const two = await page.locator("#step-functions-error-names ~ table").first().evaluate((el) => {
    const [first, cell] = el.querySelectorAll("tbody tr:first-child td");
    const before = (c) => getComputedStyle(c, "::before");
    return { scrolls: el.scrollWidth > el.clientWidth + 1, label: before(cell).content,
      // The first column's heading, small on a line of its own above the card's title (it was dropped).
      title: [before(first).content, before(first).display, before(first).fontSize],
      inside: cell.getBoundingClientRect().right <= innerWidth };
  });
  assert.deepEqual(two, { scrolls: false, label: '"Matches: "', title: ['"Error name"', "block", "12.8px"], inside: true });
  await page.close();
});

test("at 360 px a code block wider than its box shows a shadow at the edge where the lines go on", async () => {
  const page = await t.open("#/notes/lambda-response-streaming", { viewport: { width: 360, height: 740 } });
  await page.waitForSelector("#lambda-response-streaming");
  const pre = page.locator("#lambda-response-streaming ~ pre").first();
  await pre.scrollIntoViewIfNeeded();
  // The block's own colour: the code background, read from an inline code span.
  const codeBg = await page.evaluate(() => getComputedStyle(document.querySelector("article.notes p code, article.notes li code")).backgroundColor.match(/\d+/g).slice(0, 3).map(Number));
  const { start, end } = await edgeShadows(page, pre, codeBg);
  assert.ok(start.right > 20 && start.left < 5, `at the start: a shadow on the right only ${JSON.stringify(start)}`);
  assert.ok(end.left > 20 && end.right < 5, `at the end: a shadow on the left only ${JSON.stringify(end)}`);
  await page.close();
});

test("printed in the dark theme, a chapter is black on white, without the header or sidebar, and nothing is cut at a scrolling edge", async () => {
  const page = await t.open("#/notes/bedrock-converse-versus-invokemodel", { viewport: { width: 720, height: 1000 } });
  await page.waitForSelector("#bedrock-converse-versus-invokemodel");
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  const seen = await page.evaluate(() => {
    const style = (sel) => getComputedStyle(document.querySelector(sel));
    const article = document.querySelector("article.notes");
    return {
      paper: style("body").backgroundColor,
      ink: style("article.notes").color,
      header: style("header.top").display,
      sidebar: style(".chapter-nav").display,
      cut: [...article.querySelectorAll("table, pre")].filter((e) => e.scrollWidth > e.clientWidth + 1).length,
      boxes: article.querySelectorAll("table, pre").length,
    };
  });
  assert.deepEqual({ ...seen, boxes: seen.boxes > 3 },
    { paper: "rgb(255, 255, 255)", ink: "rgb(0, 0, 0)", header: "none", sidebar: "none", cut: 0, boxes: true });
  // On screen again, the dark theme is back.
  await page.emulateMedia({ media: "screen", colorScheme: "dark" });
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(255, 255, 255)");
  await page.close();
});

test("at 1280 px the chapter's contents show the entry of the section open, however far down the chapter", async () => {
  // Opened from a search: the way back stays at the top of the sidebar, above the entry brought into sight.
  const page = await t.open("#/notes/lambda-code-signing?back=" + encodeURIComponent("#/notes?q=lambda"), { viewport: { width: 1280, height: 860 } });
  await page.waitForFunction(() => document.activeElement?.id === "lambda-code-signing");
  const seen = await page.evaluate(() => {
    const link = document.querySelector(".chapter-nav a[aria-current]").getBoundingClientRect();
    const nav = document.querySelector(".chapter-nav").getBoundingClientRect();
    const back = document.querySelector(".chapter-nav .back").getBoundingClientRect();
    const heading = document.getElementById("lambda-code-signing").getBoundingClientRect();
    const atBack = document.elementFromPoint(back.left + 10, back.top + back.height / 2);
    return { scrolled: document.querySelector(".chapter-nav").scrollTop > 0,
      entry: link.top >= back.bottom - 1 && link.bottom <= Math.min(nav.bottom, innerHeight) + 1,
      back: back.top >= nav.top - 1 && !!atBack?.closest(".back"),
      heading: heading.top >= 0 && heading.top < 200 };
  });
  assert.deepEqual(seen, { scrolled: true, entry: true, back: true, heading: true }, "the entry and the way back in sight, the section still at the top");
  await page.close();
});

test("a link to the section already open brings it back into view", async () => {
  const page = await t.open("#/notes/aws-sqs");
  await page.waitForFunction(() => document.activeElement?.id === "aws-sqs");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.click('.chapter-nav a[href="#/notes/aws-sqs"]');
  await page.waitForFunction(() => document.activeElement?.id === "aws-sqs");
  assert.ok(await inView(page, "#aws-sqs"));
  await page.close();
});

test("no page threw an error", () => {
  assert.deepEqual(t.errors, []);
});

test("a section open in the notes offers a drill of its questions, and one without questions offers none", async () => {
  const page = await t.open("#/notes/lambda-concurrency");
  await page.waitForFunction(() => document.activeElement?.id === "lambda-concurrency");
  const link = page.locator(".chapter-nav a:has-text('Practise this')");
  assert.match(await link.textContent(), /^Practise this: \d+ questions? on Lambda Concurrency$/);
  const n = Number((await link.textContent()).match(/\d+/)[0]);
  assert.ok(n > 0);
  assert.equal(await link.getAttribute("href"), "#/exam/new?section=lambda-concurrency");
  await link.click();
  await page.waitForSelector("form.setup");
  assert.ok(await page.$eval('.option-card:has-text("Section drill") input', (i) => i.checked));
  assert.equal(await page.$eval("#section-pick", (s) => s.value), "lambda-concurrency");
  // "Practise this" opens in practice mode (it opened timed).
  assert.ok(await page.isChecked('input[name=mode] >> nth=1'));
  assert.match(await page.textContent('label:has(input[name=mode]:checked)'), /Practice/);
  // A section no question links (nor any subsection of it): no link to a drill that could not start.
  await page.goto(t.url + "#/notes/elb-deregistration-delay");
  await page.waitForFunction(() => document.activeElement?.id === "elb-deregistration-delay");
  assert.deepEqual(await page.$$eval(".chapter-nav a", (as) => as.filter((a) => a.textContent.startsWith("Practise this")).map((a) => a.textContent)), []);
  await page.close();
});
