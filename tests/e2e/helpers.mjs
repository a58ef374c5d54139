// Shared Playwright helpers: Debian's Chromium (never a downloaded browser), a request
// log per page, and a way to play a flow by answering each question as a user would.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.join(root, 'dist');
export const shots = path.join(root, 'artifacts', 'screenshots');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A fresh context and page whose every request is logged (URL and time). */
export async function open(browser, url, { width = 1280, height = 900, ...opts } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...opts });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), at: Date.now() }));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.locator('.kc h1').first().waitFor();
  const loadedAt = Date.now();
  return { context, page, requests, errors, loadedAt };
}

/** The id of the question on screen, from the hash route. */
export async function currentQuestion(page) {
  const hash = await page.evaluate(() => location.hash);
  const m = hash.match(/^#\/q\/([a-z_]+)/);
  return m ? m[1] : null;
}

/**
 * Plays a flow from the current question: answers maps question id → option id
 * (or "a+b" for several); clicks labels like a person, then Continue. Stops at the
 * check page. Fails if asked a question the answers do not cover.
 */
export async function answerAll(page, answers, { stopAt } = {}) {
  for (let i = 0; i < 40; i++) {
    await page.locator('.kc h1').first().waitFor();
    const q = await currentQuestion(page);
    if (!q || q === stopAt) return;
    if (!(q in answers)) throw new Error(`flow asked "${q}", which the test does not answer`);
    for (const opt of answers[q].split('+')) {
      await page.locator(`label[for="kc-${q}-${opt}"]`).click();
    }
    await page.locator('.kc form button[type=submit]').click();
    await page.waitForFunction((prev) => location.hash !== `#/q/${prev}`, q);
  }
  throw new Error('the flow did not end');
}

/** From the start page: choose the profile (if the chooser is there), answer everything, see the result. */
export async function playToResult(page, profile, answers) {
  const chooser = page.locator(`#kc-profile-${profile}`);
  if (await chooser.count()) await page.locator(`label[for="kc-profile-${profile}"]`).click();
  await page.locator('.kc-button--start').click();
  await answerAll(page, answers);
  await page.waitForFunction(() => location.hash === '#/check');
  await page.locator('.kc-button--result').click();
  await page.waitForFunction(() => location.hash === '#/result');
  await page.locator('.kc-result h1').waitFor();
}

export async function screenshot(page, name) {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** Storage of every kind the page could have written. */
export async function storageState(page) {
  return page.evaluate(async () => {
    const dbs = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
    const caches = self.caches ? await self.caches.keys() : [];
    return {
      local: Object.keys(localStorage), session: Object.keys(sessionStorage),
      cookies: document.cookie, indexedDB: dbs, caches,
    };
  });
}

/** What the result decided, independent of the language on screen. */
export async function outcome(page) {
  return page.locator('.kc-result').evaluate((m) => ({ verdict: m.dataset.verdict, band: m.dataset.band, forms: m.dataset.forms }));
}

/** Switches the language with the switcher in the header. */
export async function switchLanguage(page, name) {
  await page.locator('.kc-lang').getByRole('button', { name, exact: true }).click();
}
