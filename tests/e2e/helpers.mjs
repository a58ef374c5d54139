// Shared Playwright helpers: Debian's Chromium (never a downloaded browser), a request
// log per page, and a way to play a flow by answering each question as a user would.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.join(root, 'dist');
export const shots = path.join(root, 'artifacts', 'screenshots');

/**
 * Debian's Chromium. Every context it opens is watched for privacy (see `watch`), so
 * each e2e flow in every file proves it: no request to another origin, none after the
 * widget became usable, and storage empty when the context closes unless the test
 * said the user opted in (`allowSaving`).
 */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (opts) => {
    const context = await newContext(opts);
    await watch(context);
    return context;
  };
  return browser;
}

// ---- privacy ledger ----

const ledger = { contexts: 0, pages: 0, requests: 0, late: [], foreign: [], storage: [] };
/** For the test that proves the watch itself catches what it should. */
export const privacyLedger = ledger;
const savingAllowed = new WeakSet();

/** The test's user ticked 「この端末に保存する」 (or the test seeded storage itself). */
export function allowSaving(context) {
  savingAllowed.add(context);
}

/**
 * Records every request of every page in the context. A page is "loading" from each
 * navigation request until the widget's heading appears in it (an init script reports
 * that); any other request while it is not loading is a request after load.
 */
async function watch(context) {
  ledger.contexts++;
  const state = new WeakMap(); // page → 'loading' | 'ready'
  await context.exposeBinding('__kcReady', ({ page }) => { state.set(page, 'ready'); });
  await context.addInitScript(() => {
    const seen = () => document.querySelector('.kc h1');
    const obs = new MutationObserver(() => { if (seen()) { obs.disconnect(); window.__kcReady?.(); } });
    obs.observe(document, { subtree: true, childList: true });
  });
  context.on('page', () => { ledger.pages++; });
  context.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return;
    ledger.requests++;
    const page = r.frame()?.page();
    if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) ledger.foreign.push(url);
    if (r.isNavigationRequest()) { if (page) state.set(page, 'loading'); return; }
    if (page && state.get(page) === 'ready') ledger.late.push(url);
  });
  const close = context.close.bind(context);
  context.close = async (...args) => {
    for (const page of context.pages()) {
      if (!/^http:\/\/127\.0\.0\.1/.test(page.url())) continue;
      const s = await storageState(page).catch(() => null);
      if (!s) continue;
      const allowed = savingAllowed.has(context) ? ['kyodo-check'] : [];
      const extra = s.local.filter((k) => !allowed.includes(k));
      if (extra.length || s.session.length || s.cookies || s.indexedDB.length || s.caches.length) {
        ledger.storage.push(`${page.url()}: ${JSON.stringify(s)}`);
      }
    }
    return close(...args);
  };
}

/**
 * Call in each test file's `after`: fails if any context of the file broke privacy,
 * and appends the file's figures to artifacts/privacy.json (docs/security.md quotes them).
 */
export function assertPrivacy(file) {
  const summary = { file, contexts: ledger.contexts, pages: ledger.pages, requests: ledger.requests,
    foreign: ledger.foreign.length, late: ledger.late.length, storage: ledger.storage.length };
  fs.mkdirSync(path.join(root, 'artifacts'), { recursive: true });
  fs.appendFileSync(path.join(root, 'artifacts', 'privacy.jsonl'), JSON.stringify(summary) + '\n');
  console.log(`privacy (${file}): ${summary.contexts} contexts, ${summary.pages} pages, ${summary.requests} requests; foreign ${summary.foreign}, after load ${summary.late}, storage left ${summary.storage}`);
  const problems = [
    ...ledger.foreign.map((u) => `request to another origin: ${u}`),
    ...ledger.late.map((u) => `request after load: ${u}`),
    ...ledger.storage.map((s) => `storage left without opt-in: ${s}`),
  ];
  if (problems.length) throw new Error(`privacy broken:\n${problems.join('\n')}`);
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
