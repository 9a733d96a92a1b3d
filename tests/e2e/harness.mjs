// Shared set-up for the browser tests: serves the release dist/ on 127.0.0.1 and drives Debian's
// Chromium, headless, through playwright-core. No browser is downloaded and no traffic leaves loopback.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json", ".txt": "text/plain; charset=utf-8",
};

/** Serves `dir` on an ephemeral port of 127.0.0.1; resolves to { url, requests (every path asked for), close }. */
export function serve(dir) {
  const requests = []; // every path asked for, in order (a test may read or empty it)
  const server = createServer(async (req, res) => {
    const asked = new URL(req.url, "http://x").pathname;
    requests.push(asked);
    const path = normalize(decodeURIComponent(asked)).replace(/^(\.\.[/\\])+/, "");
    const file = join(dir, path.endsWith("/") ? path + "index.html" : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Starts headless Chromium with a fresh profile; resolves to { browser, close }. `options` go to
 * playwright's context (e.g. `{ serviceWorkers: "block" }` where a test intercepts requests itself). */
export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), "dva-e2e-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
    ...options,
  });
  return {
    browser,
    close: async () => { await browser.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

/** Everything a test needs: a served dist/, a browser, and a page opener that waits for the app. */
export async function setup() {
  const dist = process.env.DIST || join(import.meta.dirname, "..", "..", "dist");
  const site = await serve(dist);
  const { browser, close } = await launch();
  const errors = [];
  browser.on("weberror", (e) => errors.push(String(e.error())));
  return {
    url: site.url,
    errors,
    browser,
    /** Opens a new tab at `hash` and waits until the app has rendered its header. */
    async open(hash = "#/", options = {}) {
      const page = await browser.newPage();
      if (options.viewport) await page.setViewportSize(options.viewport);
      page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      await page.goto(site.url + hash);
      await page.waitForSelector("header.top");
      return page;
    },
    async teardown() { await close(); await site.close(); },
  };
}
