// Load benchmark (prints figures, asserts nothing): the bytes of dist/ (raw, gzip -9, brotli -11 per file
// and in total, and the bytes a browser needs before the first screen), then in headless Chromium, with a
// fresh cache each run, medians of 5:
//  - unthrottled, and at a phone profile (4x CPU slowdown, 150 ms round trip, 1.6 Mbit/s down,
//    750 kbit/s up): the first screen with text and working links (index.html's static first screen or
//    the app), the app mounted (its pages and the "Start exam" button work), and the questions ready
//    (the questions file installed: an exam shows its first question at once);
//  - a notes chapter opened at the phone profile: on the first visit (fetched) and on a repeat visit
//    (from the service worker's cache);
//  - a repeat visit at the phone profile, online and offline (served by the service worker);
//  - a one-heading baseline page's first paint, unthrottled: this machine's floor for the first screen;
//  - memory after a full 65-question mock: JS heap after a garbage collection plus the wasm linear memory
//    (target under 30 MB).
// Run: node tests/e2e/bench-load.mjs (after a release build into dist/).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { createServer } from "node:http";
import { extname } from "node:path";
import { launch } from "./harness.mjs";

const DIST = process.env.DIST || join(import.meta.dirname, "..", "..", "dist");
const RUNS = Number(process.env.RUNS || 5);

// ---- bytes
const walk = (dir) => readdirSync(join(DIST, dir)).flatMap((f) => {
  const rel = dir ? `${dir}/${f}` : f;
  return statSync(join(DIST, rel)).isDirectory() ? walk(rel) : [rel];
});
const files = walk("").sort();
// Compressed once here; the server below sends these same bytes (compressing per request would be timed).
const bodies = new Map();
const sizes = files.map((f) => {
  const b = readFileSync(join(DIST, f));
  const brBody = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } });
  bodies.set(f, { raw: b, br: brBody });
  return { f, raw: b.length, gz: gzipSync(b, { level: 9 }).length, br: brBody.length };
});
const line = (a, b, c, d) => `${a.padEnd(44)}${String(b).padStart(11)}${String(c).padStart(11)}${String(d).padStart(11)}`;
console.log(line("file", "bytes", "gzip", "brotli"));
const isContent = (s) => s.f.startsWith("content/");
for (const s of sizes.filter((s) => !isContent(s))) console.log(line(s.f, s.raw, s.gz, s.br));
const chapters = sizes.filter((s) => s.f.startsWith("content/notes-"));
const bankFile = sizes.filter((s) => /^content\/(questions|explanations|index)-/.test(s.f));
const group = (name, list) => console.log(line(name, list.reduce((a, s) => a + s.raw, 0),
  list.reduce((a, s) => a + s.gz, 0), list.reduce((a, s) => a + s.br, 0)));
group(`content/notes-*.html (${chapters.length} chapters)`, chapters);
for (const s of bankFile) console.log(line(s.f, s.raw, s.gz, s.br));
const sum = (k, pick = () => true) => sizes.filter(pick).reduce((a, s) => a + s[k], 0);
console.log(line("total", sum("raw"), sum("gz"), sum("br")));
// Before the first screen: the page and anything it blocks on (styles and boot script are inlined).
const first = (s) => s.f === "index.html" || s.f.endsWith(".css") || s.f.startsWith("boot-");
console.log(line("before the first screen", sum("raw", first), sum("gz", first), sum("br", first)));
// The content floor: the compiled notes, questions and content index, which the wasm fetches from
// content/; the rest of the release is code, glue, the page with its styles, the worker, the manifest and
// the icons.
const cbr = sum("br", isContent);
console.log(line("content (everything under content/)", sum("raw", isContent), sum("gz", isContent), cbr));
console.log(`the release beyond its content: ${sum("br") - cbr} bytes brotli (target: at most 150,000)`);

// ---- timings
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
// Served as a real host serves it: brotli when the browser accepts it (precompressed above).
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json", ".webmanifest": "application/manifest+json",
  ".png": "image/png", ".txt": "text/plain; charset=utf-8" };
// A page holding one heading and one paragraph, served by the same server: the browser's own floor for a
// first paint on this machine, printed beside the app's first screen (machines differ by tens of ms).
const BASELINE = "<!doctype html><html lang=en><head><meta charset=utf-8><title>Baseline</title></head>"
  + "<body><h1>Baseline</h1><p>One heading and one paragraph.</p></body></html>";
const server = createServer((req, res) => {
  const name = decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/+/, "") || "index.html";
  if (name === "__baseline.html") { res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(BASELINE); return; }
  if (name.includes("..") || !bodies.has(name)) { res.writeHead(404).end(); return; }
  const { raw, br } = bodies.get(name);
  const useBr = /\bbr\b/.test(req.headers["accept-encoding"] || "");
  res.writeHead(200, { "content-type": TYPES[extname(name)] || "application/octet-stream", ...(useBr ? { "content-encoding": "br" } : {}) });
  res.end(useBr ? br : raw);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const site = { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };

async function visit(profile, { warm = null, offline = false, openChapter = null } = {}) {
  const { browser, close } = warm || (await launch());
  const page = await browser.newPage();
  const cdp = await browser.newCDPSession(page);
  if (profile) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  if (offline) await browser.setOffline(true);
  await page.goto(site.url + "#/", { waitUntil: "commit" });
  // The first screen: the first paint with content (the static first screen or the app), as the browser
  // timed it; the app ready: the mark the app sets once mounted.
  await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0
    && performance.getEntriesByName("questions-ready").length > 0, null, { timeout: 60_000, polling: 50 });
  const [firstScreen, mounted, ready] = await page.evaluate(() => [
    performance.getEntriesByName("first-contentful-paint")[0].startTime,
    performance.getEntriesByName("app-mounted")[0].startTime,
    performance.getEntriesByName("questions-ready")[0].startTime,
  ]);
  // A chapter never opened before, and the time until its words are on the page.
  let chapter = null;
  if (openChapter) {
    chapter = await page.evaluate(async (anchor) => {
      const t0 = performance.now();
      location.hash = "#/notes/" + anchor;
      await new Promise((r) => { const check = () => (document.querySelector("article.notes [id='" + anchor + "']") ? r() : requestAnimationFrame(check)); check(); });
      return performance.now() - t0;
    }, openChapter);
  }
  // Let the service worker finish caching before a repeat visit.
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 60_000 }).catch(() => {});
  if (offline) await browser.setOffline(false);
  await page.close();
  return { firstScreen, mounted, ready, chapter, browser, close };
}

// Chapters to open: the first section of the 5th and of the 12th chapter (never opened before).
const [CH_A, CH_B] = (() => {
  const html = readFileSync(join(DIST, chapters[4].f), "utf8");
  const html2 = readFileSync(join(DIST, chapters[11].f), "utf8");
  const id = (h) => /<h1[^>]* id="([^"]+)"/.exec(h)[1];
  return [id(html), id(html2)];
})();

async function series(name, profile) {
  const fs = [], mt = [], rd = [], ch = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await visit(profile, { openChapter: CH_A });
    fs.push(r.firstScreen); mt.push(r.mounted); rd.push(r.ready); ch.push(r.chapter);
    await r.close();
  }
  console.log(`${name}: first screen ${median(fs).toFixed(0)} ms, app mounted (pages and the "Start exam" button work) ${median(mt).toFixed(0)} ms, questions ready (an exam shows its first question at once) ${median(rd).toFixed(0)} ms; then a chapter opened (fetched) in ${median(ch).toFixed(0)} ms (medians of ${RUNS}, fresh cache)`);
}

// The first screen unthrottled against the baseline page, in a fresh browser each run, interleaved and 15
// of each: medians of 5 moved by 10-30 ms between runs on this machine (96 ms once, 128 ms right after).
{
  const FS_RUNS = 15;
  const app = [], base = [];
  for (let i = 0; i < FS_RUNS; i++) {
    for (const which of i % 2 ? ["app", "base"] : ["base", "app"]) {
      const { browser, close } = await launch();
      const page = await browser.newPage();
      await page.goto(site.url + (which === "app" ? "#/" : "__baseline.html"), { waitUntil: "commit" });
      await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, { polling: 20 });
      (which === "app" ? app : base).push(await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0].startTime));
      await close();
    }
  }
  console.log(`first screen, unthrottled, fresh browser: ${median(app).toFixed(0)} ms; the baseline (a page with one heading and one paragraph, the floor on this machine): ${median(base).toFixed(0)} ms (medians of ${FS_RUNS}, interleaved; target 100 ms)`);
}
await series("unthrottled", false);
await series("phone profile", true);
for (const offline of [false, true]) {
  const fs = [], rd = [], ch = [];
  for (let i = 0; i < RUNS; i++) {
    const warm = await visit(false); // first visit installs the service worker
    await new Promise((r) => setTimeout(r, 300));
    const r = await visit(true, { warm, offline, openChapter: CH_B });
    fs.push(r.firstScreen); rd.push(r.ready); ch.push(r.chapter);
    await warm.close();
  }
  console.log(`repeat visit at the phone profile, ${offline ? "offline" : "online"}: first screen ${median(fs).toFixed(0)} ms, questions ready ${median(rd).toFixed(0)} ms, a chapter never opened before (from the service worker's cache) ${median(ch).toFixed(0)} ms (medians of ${RUNS})`);
}

// Memory after a full mock, unthrottled.
{
  const { browser, close } = await launch();
  await browser.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => { window.__wasm = e.detail.wasm; });
  });
  const page = await browser.newPage();
  page.on("dialog", (d) => d.accept());
  await page.goto(site.url + "#/exam/new");
  await page.waitForSelector("form.setup");
  await page.click('.option-card:has-text("Full mock exam")'); // a newcomer's setup opens on a quick exam
  await page.click("button:text('Start exam')");
  await page.waitForSelector(".exam .card");
  for (let i = 0; i < 65; i++) {
    const multi = await page.$(".choose");
    const need = multi ? ((await multi.textContent()).includes("THREE") ? 3 : 2) : 1;
    for (let k = 1; k <= need; k++) await page.keyboard.press(String(k));
    await page.keyboard.press("ArrowRight");
  }
  await page.click("button.end");
  await page.click("#end-confirm");
  await page.waitForSelector(".results");
  const cdp = await browser.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  // The instance's linear memory, whatever its export is named (src/web/slim.py shortens the names).
  const wasm = await page.evaluate(() => {
    const memory = Object.values(window.__wasm || {}).find((v) => v instanceof WebAssembly.Memory);
    return memory ? memory.buffer.byteLength : 0;
  });
  const mb = (b) => (b / 1_048_576).toFixed(2);
  console.log(`memory after a full mock: JS heap ${mb(usedSize)} MB + wasm memory ${mb(wasm)} MB = ${mb(usedSize + wasm)} MB (target under 30 MB)`);
  await close();
}
await site.close();
