// Offline, installable, updatable, and strict about what it runs: after one visit the app works with the
// network off (a whole exam, a notes chapter never opened, search, history, export); a new release is
// picked up on the next visit while an exam in progress survives; it works from a sub-path; the
// Content-Security-Policy holds (any violation is a console error, which fails the test); and an imported
// history full of HTML and script payloads shows them as text.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { serve, launch } from "./harness.mjs";
import { fnv, startQuick, finish } from "./helpers.mjs";

const DIST = process.env.DIST || join(import.meta.dirname, "..", "..", "dist");
let site, browser, close, dir;
const errors = [];

before(async () => {
  // A copy of the build, so the update test can publish "the next release" into it.
  dir = mkdtempSync(join(tmpdir(), "dva-site-"));
  mkdirSync(join(dir, "some", "sub", "path"), { recursive: true });
  cpSync(DIST, dir, { recursive: true });
  cpSync(DIST, join(dir, "some", "sub", "path"), { recursive: true });
  site = await serve(dir);
  ({ browser, close } = await launch());
  browser.on("weberror", (e) => errors.push(String(e.error())));
});
after(async () => { await close(); await site.close(); rmSync(dir, { recursive: true, force: true }); });

async function open(url) {
  const page = await browser.newPage();
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector("header.top");
  return page;
}

/** Waits until the service worker controls the page (the first visit installs it and claims the page). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

test("the page carries a strict Content-Security-Policy and a web app manifest with icons", async () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  assert.match(csp, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+'; style-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
  assert.ok(!csp.includes("unsafe-inline") && !/(^|\s)'unsafe-eval'/.test(csp), csp);
  assert.ok(!/<[^>]+\sstyle=/.test(html), "no inline style attribute");
  const manifest = JSON.parse(readFileSync(join(DIST, "manifest.webmanifest"), "utf8"));
  assert.equal(manifest.short_name, "DVA-C03");
  assert.deepEqual(manifest.icons.map((i) => [i.src, i.sizes, i.purpose]),
    [["favicon.svg", "any", "any"], ["icon-192.png", "192x192", "any"], ["icon-512-maskable.png", "512x512", "maskable"]]);
  for (const i of manifest.icons) readFileSync(join(DIST, i.src)); // every icon is in the build
  const sw = readFileSync(join(DIST, "sw.js"), "utf8");
  assert.ok(!sw.includes("__FILES__") && !sw.includes("__VERSION__"), "the build wrote the file list");
  for (const f of JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1])) {
    if (f !== "./") readFileSync(join(DIST, f)); // every listed file exists
  }
});

test("the first screen needs only the page, at most 30 KB (brotli), styles and boot script inlined", () => {
  // Nothing else blocks the first paint: no stylesheet file, no boot script file.
  assert.deepEqual(readdirSync(DIST).filter((f) => f.endsWith(".css") || f.startsWith("boot-")), []);
  const page = readFileSync(join(DIST, "index.html"));
  const bytes = brotliCompressSync(page, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  assert.ok(bytes <= 30_000, `${bytes} bytes before the first screen`);
  // And that screen has text and working links before the app's code arrives.
  const html = page.toString("utf8");
  assert.match(html, /<div id="first-screen">[\s\S]*<a class="button primary" href="#\/exam\/new">Start an exam<\/a>/);
});

test("a first visit downloads each file of the code and content once: the worker caches what the page fetched without fetching it again", async () => {
  const own = await launch(); // a browser of its own: nothing cached, no worker yet
  try {
    site.requests.length = 0;
    const page = await own.browser.newPage();
    await page.goto(site.url + "#/");
    await page.waitForFunction(() => performance.getEntriesByName("questions-ready").length > 0);
    await controlled(page);
    // trunk's hash of the code drops leading zeros (15 digits in one build of sixteen).
    const hashed = site.requests.filter((p) => /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/.test(p));
    const times = {};
    for (const p of hashed) times[p] = (times[p] || 0) + 1;
    // The code, its glue, the content index, the questions, the explanations and all 24 chapters.
    assert.equal(Object.keys(times).length, 29, Object.keys(times).join(" "));
    assert.deepEqual(Object.entries(times).filter(([, n]) => n > 1), [], "downloaded twice");
    // And the worker's cache holds them all: offline, a chapter the page never fetched opens.
    const cached = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).length))));
    assert.ok(cached.some((n) => n >= 29 + 1), `cached: ${cached}`);
    await own.browser.setOffline(true);
    await page.goto(site.url + "#/notes/aws-x-ray");
    await page.waitForSelector("#aws-x-ray");
    await page.close();
  } finally {
    await own.close();
  }
});

test("after one visit the app works offline: an exam, a chapter never opened, search, history and export", async () => {
  const page = await open(site.url + "#/");
  await controlled(page);
  await browser.setOffline(true);
  try {
    await page.reload();
    await page.waitForSelector("header.top");
    assert.match(await page.textContent("h1"), /DVA-C03/);
    await page.goto(site.url + "#/exam/new");
    await startQuick(page, 10);
    const id = await finish(page, 10);
    assert.match(await page.textContent(".results h1"), /Quick exam \(10 questions\)/);
    await page.goto(site.url + "#/notes/aws-x-ray");
    await page.waitForSelector("#aws-x-ray");
    assert.equal(await page.textContent("#aws-x-ray"), "AWS X-Ray");
    await page.goto(site.url + "#/notes");
    await page.fill("#note-search", "envelope encryption");
    await page.waitForSelector(".hits li");
    assert.match(await page.textContent(".hits"), /Envelope Encryption/);
    await page.goto(site.url + "#/history");
    await page.waitForSelector("table.attempts");
    assert.equal(await page.$$eval("table.attempts tbody tr", (r) => r.length), 1);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("button:text('Export history')")]);
    const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.equal(exported.history.entries.length, 1);
    assert.ok(id);
  } finally {
    await browser.setOffline(false);
  }
  await page.close();
});

/** Publishes into `dir` what a release that changed only the content looks like: chapter 1 changed (a
 * new name), so a new content index naming it, a page naming that index, and a worker listing both; the
 * code is the same files. The old files are gone, as after a host's deploy. Returns the new names. */
function publishContentRelease(dir) {
  const content = readdirSync(join(dir, "content"));
  const oldChapter = content.find((f) => f.startsWith("notes-01-"));
  const oldIndex = content.find((f) => f.startsWith("index-"));
  const chapter = readFileSync(join(dir, "content", oldChapter), "utf8") + "\n<p id=\"next-release\">Added in the next release.</p>";
  const newChapter = `notes-01-${fnv(chapter)}.html`;
  // The same length of name, so the index's numbers (string lengths) stay as they are.
  const index = readFileSync(join(dir, "content", oldIndex), "utf8").replace(oldChapter, newChapter);
  const newIndex = `index-${fnv(index)}.txt`;
  writeFileSync(join(dir, "content", newChapter), chapter);
  writeFileSync(join(dir, "content", newIndex), index);
  rmSync(join(dir, "content", oldChapter));
  rmSync(join(dir, "content", oldIndex));
  const page = readFileSync(join(dir, "index.html"), "utf8");
  writeFileSync(join(dir, "index.html"), page.replace(`content/${oldIndex}`, `content/${newIndex}`)
    .replace("<title>DVA-C03 Practice</title>", "<title>DVA-C03 Practice</title><meta name=\"release\" content=\"next\">"));
  const sw = readFileSync(join(dir, "sw.js"), "utf8");
  writeFileSync(join(dir, "sw.js"), sw.replace(/const VERSION = "[^"]+";/, 'const VERSION = "next-release";')
    .replace(`./content/${oldChapter}`, `./content/${newChapter}`).replace(`./content/${oldIndex}`, `./content/${newIndex}`));
  return { newChapter, newIndex };
}

test("a new release is picked up on the next visit, with a banner meanwhile; the exam in progress survives; a content-only release downloads only what changed", async () => {
  const page = await open(site.url + "#/exam/new");
  await controlled(page);
  await startQuick(page, 10);
  await page.keyboard.press("1");
  const before = await page.evaluate(() => localStorage.getItem("dva.exam"));
  // Publish the next release: new content, the same code.
  const { newChapter, newIndex } = publishContentRelease(dir);
  site.requests.length = 0;
  await page.reload();
  await page.waitForSelector(".exam .card");
  await page.waitForSelector(".banner:has-text('A new version of this app is ready')", { timeout: 30_000 });
  // Not forced: the page is still the old release, and the exam is where it was.
  assert.equal(await page.$('meta[name="release"]'), null);
  assert.equal(await page.textContent(".progress"), "Question 1 of 10");
  // The same exam, answers and all; only the question on screen was charged its time up to the reload.
  const kept = (raw) => { const e = JSON.parse(raw); return { ...e, entered_ms: 0, items: e.items.map(({ spent_ms, ...i }) => i) }; };
  const after = await page.evaluate(() => localStorage.getItem("dva.exam"));
  assert.deepEqual(kept(after), kept(before));
  assert.ok(JSON.parse(after).items[0].spent_ms >= JSON.parse(before).items[0].spent_ms);
  // The new worker downloaded the two changed files (and the unhashed page, manifest and icons), and
  // took the code and the unchanged content from the old release's cache.
  const fetched = site.requests.filter((p) => !p.startsWith("/some/"));
  assert.ok(fetched.includes(`/content/${newChapter}`) && fetched.includes(`/content/${newIndex}`), fetched.join(" "));
  const code = fetched.filter((p) => /\.(wasm|js)$/.test(p) && p !== "/sw.js");
  assert.deepEqual(code, [], "the code is not downloaded again");
  assert.equal(fetched.filter((p) => p.startsWith("/content/")).length, 2, fetched.join(" "));
  // Next visit (every tab closed): the new release, the same exam in progress.
  await page.close();
  await new Promise((r) => setTimeout(r, 500));
  const next = await open(site.url + "#/exam");
  await next.waitForSelector(".exam .card");
  await next.waitForFunction(() => document.querySelector('meta[name="release"]') !== null, null, { timeout: 30_000 })
    .catch(async () => { await next.reload(); await next.waitForSelector('meta[name="release"]', { state: "attached" }); });
  assert.equal(await next.textContent(".progress"), "Question 1 of 10");
  assert.equal(await next.evaluate(() => JSON.parse(localStorage.getItem("dva.exam")).items[0].chosen.length), 1);
  await next.close();
  // The changed chapter opens offline: the new worker has every file of the new release (the old chapter
  // file is gone from the server, and the old cache is gone too).
  await browser.setOffline(true);
  try {
    const notes = await open(site.url + "#/notes/aws-regions");
    await notes.waitForSelector("#aws-regions");
    assert.equal(await notes.getAttribute("#content-index", "href"), `content/${newIndex}`);
    // The old release's cache is gone; the sub-path copy's cache (its own scope) is not this one's to
    // delete.
    const keys = await notes.evaluate(() => caches.keys());
    assert.deepEqual(keys.filter((k) => k.startsWith(`dva-${site.url} `)), [`dva-${site.url} next-release`]);
    await notes.close();
  } finally {
    await browser.setOffline(false);
  }
});

test("the build works unchanged from a sub-path", async () => {
  const page = await open(site.url + "some/sub/path/#/notes/sse-kms");
  await page.waitForSelector("#sse-kms");
  // The same origin as the tests before: start from empty storage (no exam left in progress).
  await page.evaluate(() => localStorage.clear());
  await page.goto(site.url + "some/sub/path/#/exam/new");
  await page.reload();
  await startQuick(page, 10);
  await finish(page, 2);
  assert.match(await page.textContent(".results .scaled"), /\/ 1000/);
  // Its own worker (scope: the sub-path) keeps its own cache beside the root copy's: neither release
  // deletes the other's when it activates.
  await page.waitForFunction((u) => caches.keys().then((ks) => ks.some((k) => k.startsWith(`dva-${u}some/sub/path/ `))), site.url, { timeout: 30_000 });
  const keys = await page.evaluate(() => caches.keys());
  assert.ok(keys.some((k) => k === `dva-${site.url} next-release`), keys.join(", "));
  await page.close();
});

test("an imported history whose text fields hold HTML and script shows them as text and runs nothing", async () => {
  const page = await open(site.url + "#/history");
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const summary = {
    id: "evil-import", title: `Retry: ${evil}`, ex: "DVA-C03", m: true, t0: 1_790_000_000_000, t1: 1_790_000_600_000,
    s: 500, p: false, c: 1, n: 2, d: [[1, 2]], sec: [["sse-kms", 1, 1]], tk: [["1.1", 1, 2]],
  };
  const file = JSON.stringify({ format: "dva-c02-practice-history", history: { version: 4, entries: [{ s: summary }] } });
  await page.setInputFiles("#import-file", { name: "evil.json", mimeType: "application/json", buffer: Buffer.from(file) });
  await page.waitForSelector(".message");
  assert.match(await page.textContent(".message"), /^Imported 1 new attempt/);
  await page.waitForSelector("table.attempts");
  assert.ok((await page.textContent("table.attempts")).includes(`Retry: ${evil}`), "the title is shown as text");
  assert.equal(await page.$("table.attempts img"), null);
  await page.goto(site.url + "#/");
  await page.waitForSelector(".dash");
  await page.goto(site.url + `#/results/${encodeURIComponent(summary.id)}`);
  await page.waitForSelector(".results");
  assert.equal(await page.$(".results img"), null);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.close();
});

test("no offline or security page threw an error or broke the Content-Security-Policy", () => {
  assert.deepEqual(errors.filter((e) => !e.includes("net::ERR_INTERNET_DISCONNECTED")), []);
});
