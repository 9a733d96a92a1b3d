// Steps shared by the browser tests: starting and finishing exams through the UI.

/** Clears storage and reloads `page` on the setup page, so a test starts from nothing. */
export async function fresh(page, url, hash = "#/exam/new") {
  await page.evaluate(() => localStorage.clear());
  await page.goto(url + hash);
  await page.reload();
  // The app, not the static first screen (which has an h1 too), is what the test goes on with.
  await page.waitForSelector("header.top");
}

/** Opens the exam room on a stored exam in progress (`stored`: the app's `dva.exam` value, as bank.mjs's
 *  storedExam writes it), in place of anything stored before. */
export async function openStored(page, url, stored) {
  await page.evaluate((s) => { localStorage.clear(); localStorage.setItem("dva.exam", s); }, stored);
  await page.goto(url + "#/exam");
  await page.reload();
  await page.waitForSelector(".exam .card");
}

/** Moves the stored exam's deadline to `ms` from now (negative: already passed); the page sees it once
 *  reloaded (or, away from the exam room, on the app's next check). */
export async function setDeadline(page, ms) {
  await page.evaluate((ms) => {
    const s = JSON.parse(localStorage.getItem("dva.exam"));
    // As if the time had passed: the start moves with the deadline, so the exam keeps its length (the
    // clock's warning levels are relative to it).
    const deadline = Date.now() + ms;
    s.started_ms += deadline - s.deadline_ms;
    s.deadline_ms = deadline;
    localStorage.setItem("dva.exam", JSON.stringify(s));
  }, ms);
}

/** Answers the current question with its first options, as many as it asks for, by keyboard. */
export async function answer(page) {
  const multi = await page.$(".choose");
  const need = multi ? ((await multi.textContent()).includes("THREE") ? 3 : 2) : 1;
  for (let k = 1; k <= need; k++) await page.keyboard.press(String(k));
}

/** Starts a quick exam of `length` questions from the setup page (which must be open). */
export async function startQuick(page, length = 10) {
  await page.waitForSelector("form.setup");
  await page.click('.option-card:has-text("Quick exam")');
  await page.click(`.pill:has-text("${length} questions")`);
  await page.click("button:text('Start exam')");
  await page.waitForSelector(".exam .card");
}

/** Starts a full mock exam from the setup page (which must be open). */
export async function startFull(page) {
  await page.waitForSelector("form.setup");
  await page.click('.option-card:has-text("Full mock exam")');
  await page.click("button:text('Start exam')");
  await page.waitForSelector(".exam .card");
}

/** Answers the first `answered` questions, ends the exam, and returns the attempt id from the results URL. */
export async function finish(page, answered = 0) {
  for (let i = 0; i < answered; i++) {
    await answer(page);
    await page.keyboard.press("ArrowRight");
  }
  await page.click("button.end");
  await page.click("#end-confirm");
  await page.waitForSelector(".results");
  return decodeURIComponent(page.url().split("#/results/")[1]);
}

/** FNV-1a, 64 bits, as hex: how src/compile names the content files (the app checks the index by it).
 * `data` is a Buffer or a string (hashed as UTF-8). */
export function fnv(data) {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(data)) { h ^= BigInt(b); h = (h * 0x100000001b3n) & 0xffffffffffffffffn; }
  return h.toString(16).padStart(16, "0");
}

/** The colour a person sees along a vertical strip of a screenshot: the mean [r, g, b] of the pixels of
 * column `x` between rows `top` and `bottom` of the PNG `png` (decoded by a canvas in a blank page of
 * `browser`, outside the app and its Content-Security-Policy). */
export async function stripColour(browser, png, x, top, bottom) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async ({ src, x, top, bottom }) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement("canvas");
      [canvas.width, canvas.height] = [img.width, img.height];
      const ctx = canvas.getContext("2d");
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(x, top, 1, bottom - top).data;
      const sum = [0, 0, 0];
      for (let i = 0; i < d.length; i += 4) for (let c = 0; c < 3; c++) sum[c] += d[i + c];
      return sum.map((s) => s / (d.length / 4));
    }, { src: "data:image/png;base64," + png.toString("base64"), x, top, bottom });
  } finally {
    await page.close();
  }
}
