// The content the code does not carry: the notes chapters, the questions (stems and options) and the
// explanations are files under dist/content/, named by a hash of their bytes, fetched when needed. What a
// learner sees while they arrive (a status line), when one cannot be downloaded (the reason and a working
// "Try again"), and that search fetches every chapter on first use. Requests are held or refused with
// playwright's routing, so these tests run without the service worker (offline.test.mjs covers it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";
import { join } from "node:path";
import { serve, launch } from "./harness.mjs";
import { answer, fnv, fresh } from "./helpers.mjs";
import { SIZES, problems, violations } from "./layout.mjs";

const DIST = process.env.DIST || join(import.meta.dirname, "..", "..", "dist");
const CONTENT = readdirSync(join(DIST, "content")).sort();
let site, browser, close;
const errors = [];

before(async () => {
  site = await serve(DIST);
  ({ browser, close } = await launch({ serviceWorkers: "block" }));
  browser.on("weberror", (e) => errors.push(String(e.error())));
});
after(async () => { await close(); await site.close(); });

/** A new tab whose console errors are collected (a refused file's own network error aside). */
async function newTab() {
  const page = await browser.newPage();
  page.on("console", (m) => { if (m.type() === "error" && !m.text().includes("Failed to load resource")) errors.push(m.text()); });
  page.on("dialog", (d) => d.accept()); // leaving a running exam asks first
  return page;
}

/** A new tab whose requests for content files matching `pattern` are held until `release()`, or refused
 * while `refuse` is true. Returns { page, release, requests, setRefuse }. */
async function tab(pattern, { hold = false, refuse = false } = {}) {
  const page = await newTab();
  let open;
  const gate = hold ? new Promise((r) => { open = r; }) : Promise.resolve();
  const requests = [];
  let refusing = refuse;
  await page.route(pattern, async (route) => {
    requests.push(route.request().url());
    if (refusing) return route.abort("internetdisconnected");
    await gate;
    return route.continue();
  });
  return { page, release: () => open(), requests, setRefuse: (v) => { refusing = v; } };
}

/** From nothing stored, starts a 10-question quick exam on the setup page (which needs no question text). */
async function begin(page, { practice = false } = {}) {
  await page.goto(site.url + "#/exam/new");
  await fresh(page, site.url); // no unfinished exam from an earlier test
  await page.waitForSelector("form.setup");
  await page.click('.option-card:has-text("Quick exam")');
  await page.click(`.pill:has-text("10 questions")`);
  if (practice) await page.click('.option-card:has-text("Practice")');
  await page.click("button:text('Start exam')");
}

test("the code carries no content: 24 chapters, the questions, the explanations and the index are files named by their hash", () => {
  assert.equal(CONTENT.filter((f) => /^notes-\d\d-[0-9a-f]{16}\.html$/.test(f)).length, 24);
  assert.equal(CONTENT.filter((f) => /^questions-[0-9a-f]{16}\.txt$/.test(f)).length, 1);
  assert.equal(CONTENT.filter((f) => /^explanations-[0-9a-f]{16}\.txt$/.test(f)).length, 1);
  assert.equal(CONTENT.filter((f) => /^index-[0-9a-f]{16}\.txt$/.test(f)).length, 1);
  assert.equal(CONTENT.length, 27);
  for (const f of CONTENT) {
    assert.equal(f.match(/-([0-9a-f]{16})\./)[1], fnv(readFileSync(join(DIST, "content", f))), `${f} is named by its bytes`);
  }
  // Sentences from a chapter, a stem and an explanation are in the content files and not in the wasm.
  const wasm = readFileSync(join(DIST, readdirSync(DIST).find((f) => f.endsWith(".wasm"))));
  const sample = (f, re) => re.exec(readFileSync(join(DIST, "content", f), "utf8"))[1];
  const samples = [
    sample(CONTENT.find((f) => f.startsWith("notes-05")), /<p>([^<]{60,})/),
    sample(CONTENT.find((f) => f.startsWith("questions-")), /<p>([^<]{60,})/),
    sample(CONTENT.find((f) => f.startsWith("explanations-")), /<p>([^<]{60,})/),
  ];
  for (const s of samples) assert.ok(!wasm.includes(Buffer.from(s.slice(0, 60))), `not in the wasm: ${s.slice(0, 60)}`);
  // Nor a section title, a question id, a task statement's title or the name of a content file: all of
  // them are in the index only.
  const index = readFileSync(join(DIST, "content", CONTENT.find((f) => f.startsWith("index-"))), "utf8");
  for (const s of ["DynamoDB Accelerator (DAX)", "dynamodb-capacity-unit-calculation", "Develop code for applications that are hosted on AWS", "Development with AWS Services"]) {
    assert.ok(index.includes(s), `the index holds "${s}"`);
    assert.ok(!wasm.includes(Buffer.from(s)), `not in the wasm: ${s}`);
  }
  for (const f of CONTENT) assert.ok(!wasm.includes(Buffer.from(f.slice(0, -4))), `the wasm does not name ${f}`);
  // Every content file is kept for offline use; only the index is preloaded, after the code (the app
  // needs both to start; on a slow line the code comes first, and the rest when the app asks).
  const sw = readFileSync(join(DIST, "sw.js"), "utf8");
  for (const f of CONTENT) assert.ok(sw.includes(`"./content/${f}"`), `${f} is in the service worker's list`);
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const preloads = [...html.matchAll(/<link rel="(?:module)?preload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(preloads.length, 3, preloads.join(" "));
  assert.match(preloads[0], /^\.\/dva-exam-[0-9a-f]+\.js$/);
  assert.match(preloads[1], /^\.\/dva-exam-[0-9a-f]+_bg\.wasm$/);
  assert.equal(preloads[2], "content/" + CONTENT.find((f) => f.startsWith("index-")));
});

test("byte budgets (brotli): the code and everything else beyond the content stay within what they are today", () => {
  // Regression guards, not the goal: the target for the release beyond its content is 150 KB,
  // which this Leptos app does not reach (README, "Release size"). A change that grows the code past
  // these fails here and has to say why. Raised on 2026-11-27 from 236,000 / 258,000 by about 1.8 KB
  // (wasm 234,340 → 235,774) for a third learner walkthrough's fixes: focus back on the search result
  // opened and the search box following the address, the contents' entry of the open section in sight,
  // a task's suggested sections ranked by its questions, every missed section listed, right/wrong cells
  // in the practice navigator, the history chart's full mocks apart from shorter exams. On 2026-11-27 (a
  // later session) a shim in place of wasm-streams took 4.4 KB off the wasm (236,888 → 232,447) and a fifth
  // walkthrough's fixes spent it again (→ 236,913): filters kept in the review's address, search's "Show
  // more", the setup remembering the last exam, the pass mark on domain bars, named section drills. Raised
  // on 2026-11-27 (fourth session) from 237,000 to 237,400: documentation labels made at build time took
  // 1,056 B off (237,391 → 236,335), a sixth and seventh walkthrough's fixes spent it (→ 236,953), and the
  // task statements' own study links, computed in one pass for all rows (a pass per row made the history
  // page with 500 attempts three times slower to draw), cost 179 B more (→ 237,132). Raised on 2026-11-27
  // (fifth session) from 237,400 / 260,000 to 237,900 / 260,400 for history v5 (→ 237,710): each stored
  // question as a list by position, read beside v4's objects, because 500 full mocks in v4 came within
  // 3 KB of localStorage's 5 M characters with a 616-question bank (now 4.38 M), and losing detail of
  // stored attempts is worse than 0.2 % more code. Raised the same day from 237,900 / 260,400 to 238,100 /
  // 260,600 (→ 238,021) for an eighth walkthrough's defects: the browser's Back on the exam's review screen
  // returning to the question (it asked "Leave the exam?"), and safely when the screen was reached by its
  // address; an exam that ran out while the learner was in the notes charging the wait to the question left
  // open; → in practice mode checking a complete answer as the bar's button does. A smaller history item
  // writer (-100 B) and index.html's comments no longer shipped (-98 B) paid for part of it. Lowered on
  // 2026-11-27 (sixth session) to 235,700 / 254,650: src/web/slim.py gives the wasm and its glue short
  // shared names for the 170 imports and exports that wasm-bindgen names with a hash, drops the wasm's
  // custom sections and the scripts' indentation and comment lines (wasm 237,909 → 235,446, the glue
  // 6,829 → 4,245, the release beyond its content 260,368 → 254,379). Raised the same session to 236,000 /
  // 254,900 (→ 235,763 / 254,655) for a ninth walkthrough's fixes: Back and Forward returning to where a
  // page was scrolled (in the boot script), "Due for review" no longer counting practice skips, the
  // setup's defaults (a newcomer's quick exam of 10, "Practise this" in practice mode, a reason when no
  // domain is ticked), the dashboard listing only measured task statements, the import's outcome in
  // sight; the glue's own helpers renamed short paid 240 B of it. Raised on 2026-11-27 (seventh session)
  // to 236,400 / 255,300 (→ 236,281 / 255,125) for the ninth walkthrough's leftovers: the notice of an
  // exam that ran out while the learner read on links to its results (~100 B; a click handler that also
  // cleared the banner cost 500 B more and was left out), search excerpts that separate a table's cells,
  // and pacing durations that keep a tenth under ten seconds (~200 B together); then to 236,500 / 255,400
  // (→ 236,392 / 255,268) because search must read the build's new <wbr> in long code as inline (+39 B),
  // and a content change moves the wasm's brotli size by tens of bytes (its bank hash) without a code change;
  // then to 236,700 / 255,800 (→ 236,608 / 255,726) for more of the ninth walkthrough's leftovers: "Leave the exam?"
  // answered Cancel returns to the exam's own entry through boot.js's `dvaReturn` (a copy of it was added),
  // the notes' way back goes back to the review's entry, and a notice whose results are opened goes (+216 B
  // of wasm, +250 B of boot script in the page); then to 237,200 / 256,300 (→ 237,074 / 256,208) for the
  // header's exam link that resumes an exam in progress from any page (+270 B); then to 237,400 / 256,500
  // (→ 237,279 / 256,402) so that a tab lets go of an exam submitted in another tab (+205 B): its next answer
  // stored it again as an exam in progress; then to 237,500 / 256,700 (→ 237,444 / 256,610) so that closing or
  // reloading the tab in the exam room charges the question on screen its last seconds (+165 B); then to
  // 237,700 / 256,900 (→ 237,670 / 256,824) so that the weakest-sections lists leave out a section inside or
  // around one ranked above it (+226 B); then to 238,400 / 257,450 (→ 238,349 / 257,382) for the history's
  // domain strips, one line each with its name, latest share and a label for screen readers, in place of four
  // lines in one chart (+679 B); then to 238,650 / 257,700 (→ 238,597 / 257,640) so that the exam room saves
  // the open question's seconds when the page is hidden, as a phone may close the tab without beforeunload
  // (+248 B); then to 239,200 / 258,300 (→ 239,158 / 258,264) for a tenth walkthrough's fixes (+534 B): the
  // same exam open in two tabs takes in what the other tab stores (an answer given in one tab was lost at the
  // next move in the other), the booking verdict gives one line for the scores and one per short domain
  // (three lines repeated "each of the last 3 needs 800"), and the confidence summary counts the answers
  // without a rating and says when none was marked Sure.
  const br = (f) => brotliCompressSync(readFileSync(join(DIST, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const rest = readdirSync(DIST).filter((f) => statSync(join(DIST, f)).isFile());
  const wasm = br(rest.find((f) => f.endsWith(".wasm")));
  const total = rest.reduce((a, f) => a + br(f), 0);
  assert.ok(wasm <= 239_200, `the wasm is ${wasm} bytes brotli`);
  assert.ok(total <= 258_300, `the release beyond its content is ${total} bytes brotli`);
  // What an exam needs before it starts, beside the code: the questions file, not the explanations.
  const q = br("content/" + CONTENT.find((f) => f.startsWith("questions-")));
  const e = br("content/" + CONTENT.find((f) => f.startsWith("explanations-")));
  assert.ok(q < e + 20_000 && q < 0.6 * (q + e), `questions ${q}, explanations ${e}`);
});

test("the code ships slim: short names shared by the wasm and its glue, no custom sections, no indentation", () => {
  // src/web/slim.py (run by postbuild.py): about 2.5 KB brotli off the wasm and 3 KB off the glue. The app
  // starting at all in every other test shows that the two files still agree on the names.
  const files = readdirSync(DIST);
  const wasm = readFileSync(join(DIST, files.find((f) => f.endsWith(".wasm"))));
  const glue = readFileSync(join(DIST, files.find((f) => /^dva-exam-[0-9a-f]+\.js$/.test(f))), "utf8");
  const leb = (at) => { let v = 0, shift = 0, b; do { b = wasm[at++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return [v, at]; };
  const name = (at) => { const [n, from] = leb(at); return [wasm.subarray(from, from + n).toString(), from + n]; };
  const sections = [], imports = [], exports = [];
  for (let at = 8; at < wasm.length;) {
    const id = wasm[at];
    const [size, body] = leb(at + 1);
    sections.push(id);
    if (id === 2 || id === 7) {
      let [count, i] = leb(body);
      for (let k = 0; k < count; k++) {
        let field;
        if (id === 2) [, i] = name(i);
        [field, i] = name(i);
        const kind = wasm[i];
        if (id === 2 && kind === 0) { imports.push(field); [, i] = leb(i + 1); }
        else if (id === 2) break; // a memory or table import comes after the functions here; not renamed
        else { exports.push(field); [, i] = leb(i + 1); }
      }
    }
    at = body + size;
  }
  assert.ok(!sections.includes(0), `custom sections: ${sections.join(",")}`);
  assert.ok(imports.length > 100, `${imports.length} imported functions`);
  assert.deepEqual(imports.filter((f) => !/^\d{1,3}$/.test(f)), [], "every imported function is named by its number");
  for (const f of imports) assert.ok(glue.includes(`\n${f}: function(`), `the glue's import object has ${f}`);
  assert.deepEqual(exports.filter((f) => glue.includes(`wasm.${f}`) && f.length > 2), [], "the exports the glue reads are short");
  assert.doesNotMatch(glue, /[0-9a-f]{16}/, "no hashed name left in the glue");
  assert.doesNotMatch(glue, /^[ \t]/m, "no indentation in the glue");
});

test("without its content index the app cannot start, and the first screen says why (not reachable, or damaged)", async () => {
  // Not reachable (offline before the first visit has been kept, or the host failing).
  const { page, setRefuse } = await tab("**/content/index-*", { refuse: true });
  await page.goto(site.url + "#/");
  const status = "#first-screen #first-status";
  await page.waitForFunction((s) => document.querySelector(s).textContent.startsWith("The app could not start"), status);
  assert.equal(await page.textContent(status),
    "The app could not start: its content index could not be downloaded (no connection, and it is not saved on this device yet). Reload the page to try again.");
  assert.equal(await page.getAttribute(status, "role"), "status", "announced");
  assert.equal(await page.getAttribute(status, "class"), "notice", "shown as a notice, not a grey status line");
  assert.equal(await page.$("header.top"), null, "the app did not mount");
  assert.equal(await page.$$eval("#first-screen a", (as) => as.length), 7, "the first screen's links stay");
  // The first screen, shown until the app mounts (seconds on a slow phone), is accessible too: it has its
  // banner and main landmarks (axe found none when it ran on it before the app had mounted).
  assert.deepEqual(await violations(page, "first screen"), []);
  // Reachable again: a reload starts the app.
  setRefuse(false);
  await page.reload();
  await page.waitForSelector("header.top");
  assert.equal(await page.$("#first-screen"), null);
  await page.close();
  // Damaged on the way (not the bytes its name promises): refused, with the reason.
  const damaged = await newTab();
  await damaged.route("**/content/index-*", async (route) => {
    const res = await route.fetch();
    const body = await res.text();
    await route.fulfill({ response: res, body: body.slice(0, body.length - 100) });
  });
  await damaged.goto(site.url + "#/");
  await damaged.waitForFunction((s) => document.querySelector(s).textContent.startsWith("The app could not start"), status);
  assert.equal(await damaged.textContent(status),
    "The app could not start: its content index does not match its name (it arrived damaged). Reload the page to try again.");
  assert.equal(await damaged.$("header.top"), null, "the app did not mount");
  await damaged.close();
  // The page's preload is the download the app reads: one request for the index per visit, not two.
  site.requests.length = 0;
  const once = await newTab();
  await once.goto(site.url + "#/");
  await once.waitForSelector("header.top");
  assert.equal(site.requests.filter((p) => p.startsWith("/content/index-")).length, 1, site.requests.join(" "));
  await once.close();
});

test("an exam waits for its questions with a status line, then starts", async () => {
  const { page, release } = await tab("**/content/questions-*", { hold: true });
  await begin(page);
  await page.waitForSelector("main .loading");
  assert.equal(await page.textContent("main .loading"), "Loading the questions…");
  assert.equal(await page.$(".exam .card"), null);
  const focused = () => page.evaluate(() => `${document.activeElement.tagName} ${document.activeElement.textContent}`);
  await page.waitForFunction(() => document.activeElement.tagName === "H1");
  assert.equal(await focused(), "H1 Loading the questions…", "the status heading has focus");
  release();
  await page.waitForSelector(".exam .card");
  await page.waitForFunction(() => document.activeElement.id === "q-title");
  assert.equal(await focused(), "H1 Question 1 of 10", "then the question's heading, not the page's body");
  assert.equal(await page.textContent(".progress"), "Question 1 of 10");
  assert.ok((await page.textContent(".stem")).length > 40, "the stem is shown");
  assert.equal(await page.$$eval(".choice .text", (ts) => ts.filter((t) => t.textContent.trim().length > 0).length),
    await page.$$eval(".choice", (cs) => cs.length), "every option has its words");
  await page.close();
});

test("questions that cannot be downloaded: the page says why, and Try again recovers", async () => {
  const { page, setRefuse } = await tab("**/content/questions-*", { refuse: true });
  await begin(page);
  await page.waitForSelector("main h1:text('This page could not load')");
  assert.match(await page.textContent("main section.page"),
    /Sorry: the questions file could not be downloaded \(no connection, and it is not saved on this device yet\)\. Your exams and history are safe on this device\./);
  setRefuse(false);
  await page.click("button:text('Try again')");
  await page.waitForSelector(".exam .card");
  assert.equal(await page.textContent(".progress"), "Question 1 of 10", "the exam started before is the one shown");
  await page.close();
});

test("practice feedback waits for the explanation, then shows it with its links", async () => {
  const { page, release } = await tab("**/content/explanations-*", { hold: true });
  await begin(page, { practice: true });
  await page.waitForSelector(".exam .card"); // the questions are here; the explanations are held
  await answer(page);
  await page.click("button:text('Check answer')");
  await page.waitForSelector(".feedback .verdict");
  assert.equal(await page.textContent(".feedback .loading"), "Loading the explanation…");
  release();
  await page.waitForSelector(".feedback .explanation");
  assert.ok((await page.textContent(".feedback .explanation")).length > 40);
  // (Once, in one of many runs, the links were counted before they were in the page: wait for them.)
  await page.waitForSelector(".feedback .note-links a");
  assert.ok(await page.$$eval(".feedback .note-links a", (l) => l.length > 0));
  assert.ok(await page.$$eval(".feedback a[href^='https://docs.aws.amazon.com/']", (l) => l.length > 0));
  assert.equal(await page.$(".feedback .loading"), null);
  await page.close();
});

test("a chapter that cannot be downloaded says why; Try again opens it at the section", async () => {
  const file = CONTENT.find((f) => f.startsWith("notes-05"));
  const html = readFileSync(join(DIST, "content", file), "utf8");
  const anchor = /<h2 id="([^"]+)"/.exec(html)[1];
  const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(html)[1];
  const { page, setRefuse } = await tab(`**/content/${file}`, { refuse: true });
  await page.goto(site.url + "#/notes/" + anchor);
  await page.waitForSelector(".reader .notice");
  assert.equal((await page.textContent(".reader .notice p")).trim(),
    "Sorry: the chapter could not be downloaded (no connection, and it is not saved on this device yet).");
  assert.ok(await page.$(`.chapter-nav a[href='#/notes/${anchor}']`), "the chapter's sections are listed meanwhile");
  assert.equal(await page.textContent("h1#chapter-title"), title, "the chapter's title heads the page");
  await page.waitForFunction(() => document.activeElement.id === "chapter-title");
  setRefuse(false);
  await page.click(".reader .notice button:text('Try again')");
  await page.waitForSelector(`article.notes [id='${anchor}']`);
  await page.waitForFunction((a) => document.activeElement && document.activeElement.id === a, anchor);
  assert.equal(await page.$(".reader .notice"), null);
  await page.close();
});

test("a file gone from the server (a newer release replaced this one) says to reload", async () => {
  const file = CONTENT.find((f) => f.startsWith("notes-07"));
  const anchor = /<h1 id="([^"]+)"/.exec(readFileSync(join(DIST, "content", file), "utf8"))[1];
  const page = await newTab();
  await page.route(`**/content/${file}`, (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto(site.url + "#/notes/" + anchor);
  await page.waitForSelector(".reader .notice");
  assert.equal((await page.textContent(".reader .notice p")).trim(),
    "Sorry: the chapter is no longer on the server (a newer version of the app was published: reload the page to use it).");
  await page.close();
});

test("search fetches every chapter on first use and finds a section of a chapter never opened", async () => {
  const { page, requests } = await tab("**/content/notes-*");
  await page.goto(site.url + "#/notes");
  await page.waitForSelector("ol.toc");
  assert.equal(requests.length, 0, "the contents need no chapter");
  await page.fill("#note-search", "lifecycle hook");
  await page.waitForSelector("ol.hits li");
  assert.equal(new Set(requests).size, 24, "every chapter was fetched once");
  assert.match(await page.textContent(".count"), /^\d+ sections? match/);
  const first = await page.getAttribute("ol.hits li a", "href");
  await page.click("ol.hits li a >> nth=0");
  await page.waitForSelector(`article.notes [id='${first.replace("#/notes/", "").split("?")[0]}']`);
  assert.equal(new Set(requests).size, 24, "opening a hit fetched nothing more");
  await page.close();
});

for (const size of SIZES) {
  test(`the waiting and failure states pass axe and the layout checks at ${size.name}`, async () => {
    const page = await newTab();
    await page.setViewportSize(size.viewport);
    await page.emulateMedia({ colorScheme: size.scheme });
    // Per kind of file: "pass", "refuse", or a promise that holds it until resolved.
    const mode = { questions: "pass", explanations: "pass", notes: "pass" };
    const holds = [];
    const hold = () => { let open; const p = new Promise((r) => { open = r; }); holds.push(open); return p; };
    await page.route(/\/content\/(questions|explanations|notes)-/, async (route) => {
      const kind = /\/content\/(questions|explanations|notes)-/.exec(route.request().url())[1];
      const m = mode[kind];
      if (m === "refuse") return route.abort("internetdisconnected");
      if (m !== "pass") await m;
      return route.continue().catch(() => {});
    });
    const all = [];
    const look = async (where) => all.push(...(await violations(page, where)), ...(await problems(page, where)));
    mode.questions = hold();
    await begin(page);
    await page.waitForSelector("main .loading");
    await look("an exam waiting for its questions");
    // Each held file is let through before the next state, so no request is left hanging.
    mode.questions = "pass";
    holds.pop()();
    await page.waitForSelector(".exam .card");
    mode.questions = "refuse";
    await begin(page);
    await page.waitForSelector("main h1:text('This page could not load')");
    await look("questions that cannot be downloaded");
    mode.questions = "pass";
    mode.explanations = hold();
    await begin(page, { practice: true });
    await page.waitForSelector(".exam .card");
    await answer(page);
    await page.click("button:text('Check answer')");
    await page.waitForSelector(".feedback .loading");
    await look("practice feedback waiting for its explanation");
    mode.explanations = "pass";
    holds.pop()();
    await page.waitForSelector(".feedback .explanation");
    mode.notes = "refuse";
    await page.goto(site.url + "#/notes/aws-cli-iam-roles-ec2-instance-metadata-aws-sdk-cli-profiles");
    await page.waitForSelector(".reader .notice");
    await look("a chapter that cannot be downloaded");
    await page.close();
    assert.deepEqual(all, []);
  });
}

test("no content test page threw an error", () => {
  assert.deepEqual(errors, []);
});
