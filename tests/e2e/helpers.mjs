// Shared Playwright helpers: Debian's Chromium (never a downloaded browser), the watch
// every context runs under (privacy and page errors), the shared fixtures
// (tests/fixtures/cases.json, the languages), and a way to play a flow by answering
// each question as a user would.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { isTrustedOrigin } from './server.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// KC_DIST: another build to test (e.g. a deliberately broken copy, to see a check fail).
export const dist = process.env.KC_DIST ? path.resolve(process.env.KC_DIST) : path.join(root, 'dist');
export const shots = path.join(root, 'artifacts', 'screenshots');

// ---- shared fixtures ----

/** The three languages, as the switcher names them, with the `<html lang>` each sets. */
export const LANGS = [
  { code: 'ja', name: '日本語', htmlLang: 'ja' },
  { code: 'ja-easy', name: 'やさしい日本語', htmlLang: 'ja' },
  { code: 'en', name: 'English', htmlLang: 'en' },
];
export const PROFILES = ['tomakomai', 'minami_alps', 'yoshikawa', 'tachikawa', 'muroran', 'general'];

let fixture;
function casesFile() {
  // Read when first asked for, so that a file that needs no case does not need the file.
  fixture ??= JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/cases.json'), 'utf8'));
  return fixture;
}

/** A named answer set of tests/fixtures/cases.json (question id → option id, several joined with +), as a fresh copy. */
export function answerSet(name) {
  const set = casesFile().answer_sets?.[name];
  if (!set) throw new Error(`tests/fixtures/cases.json has no answer set "${name}"`);
  return { ...set };
}

/**
 * The worked examples of tests/fixtures/cases.json, each with its answers complete: the
 * base answer set (if any) with the case's own answers over it. `expect` holds the ids
 * the result must show; null means the case does not fix that one.
 */
export function cases() {
  return casesFile().cases.map((c) => ({
    ...c,
    answers: { ...(c.base ? answerSet(c.base) : {}), ...c.answers },
    expect: { ...c.expect },
  }));
}

/** One case by id. */
export function caseById(id) {
  const c = cases().find((x) => x.id === id);
  if (!c) throw new Error(`tests/fixtures/cases.json has no case "${id}"`);
  return c;
}

// ---- the browser and the watch ----

/**
 * Debian's Chromium. Every context it opens is watched (see `watch`), so each e2e flow in
 * every file proves it: no request to an origin but the test servers', none after the
 * widget became usable, no WebSocket, no service worker, storage empty when the context
 * closes unless the test said the user opted in (`allowSaving`), and no page error or
 * console error unless the test declared it (`expectErrors`).
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
  // browser.newPage() would open a context of its own, outside the watch.
  browser.newPage = async () => { throw new Error('open pages with browser.newContext() and context.newPage(), so the context is watched'); };
  return browser;
}

const ledger = {
  contexts: 0, closed: 0, checked: 0, pages: 0, frames: 0, opaque: 0, requests: 0,
  late: [], foreign: [], storage: [], sockets: [], workers: [], errors: [], unchecked: [],
  open: new Set(),
};
/** For the test that proves the watch itself catches what it should. */
export const privacyLedger = ledger;
const records = new WeakMap(); // context → its record
const savingAllowed = new WeakSet();

/** The test's user ticked 「この端末に保存する」 (or the test seeded storage itself): only the widget's key may stay. */
export function allowSaving(context) {
  savingAllowed.add(context);
}

/**
 * Errors the test causes on purpose (a CSP probe, a forced panic, a request it aborts):
 * page errors and console errors matching one of the patterns do not fail the context,
 * and each pattern must match at least one error, or closing the context fails.
 */
export function expectErrors(context, ...patterns) {
  const rec = records.get(context);
  if (!rec) throw new Error('expectErrors: not a watched context');
  rec.expected.push(...patterns);
}

const STORAGE = Symbol.for('kyodo-check.watch.storage');

/**
 * Runs in the page. 'capture' (an init script that runs before any script of the test
 * or the page): keeps the browser's own storage getters, so a test that replaces
 * `localStorage` or `Storage.prototype` cannot hide what is stored. 'read': every kind
 * of storage the frame's origin has. Storage the browser refuses to this document (an
 * opaque origin such as about:blank, or a frame under one) reads as 'denied'; any other
 * error is thrown, never swallowed.
 */
function storageProbe(mode) {
  const key = Symbol.for('kyodo-check.watch.storage');
  const capture = () => {
    const find = (o, k) => { for (; o; o = Object.getPrototypeOf(o)) { const d = Object.getOwnPropertyDescriptor(o, k); if (d) return d; } return undefined; };
    return {
      local: find(window, 'localStorage')?.get, session: find(window, 'sessionStorage')?.get,
      idb: find(window, 'indexedDB')?.get, caches: find(window, 'caches')?.get,
      secure: find(window, 'isSecureContext')?.get, origin: find(window, 'origin')?.get,
      cookie: find(Document.prototype, 'cookie')?.get,
      length: find(Storage.prototype, 'length').get, key: Storage.prototype.key,
      databases: IDBFactory.prototype.databases, keys: self.CacheStorage?.prototype.keys,
    };
  };
  if (mode === 'capture') {
    if (!window[key]) Object.defineProperty(window, key, { value: capture() });
    return null;
  }
  const p = window[key] || capture();
  const isDenied = (e) => e?.name === 'SecurityError';
  const keysOf = (area) => Array.from({ length: p.length.call(area) }, (_, i) => p.key.call(area, i));
  const out = { url: location.href, origin: p.origin.call(window), pristine: Boolean(window[key]) };
  for (const kind of ['local', 'session']) {
    try { out[kind] = keysOf(p[kind].call(window)); } catch (e) { if (!isDenied(e)) throw e; out[kind] = 'denied'; }
  }
  try { out.cookies = p.cookie.call(document); } catch (e) { if (!isDenied(e)) throw e; out.cookies = 'denied'; }
  if (out.local === 'denied') {
    // A document refused localStorage gets no IndexedDB or Cache Storage either (and in an
    // opaque origin Chromium's indexedDB.databases() rejects with nothing at all).
    out.indexedDB = 'denied';
    out.caches = 'denied';
    return out;
  }
  return (async () => {
    out.indexedDB = (await p.databases.call(p.idb.call(window))).map((d) => d.name);
    out.caches = p.secure.call(window) ? await p.keys.call(p.caches.call(window)) : 'not a secure context';
    return out;
  })();
}

const nothingIn = (v) => !Array.isArray(v) || v.length === 0;

/** Reads the storage of every frame of the page; what is left without opt-in goes to the ledger. */
async function checkPage(page, rec) {
  for (const frame of page.frames()) {
    if (frame.isDetached()) continue;
    let s;
    try {
      s = await frame.evaluate(storageProbe, 'read');
    } catch (e) {
      ledger.unchecked.push(`storage of ${frame.url()} could not be read: ${e.message.split('\n')[0]}`);
      rec.failed = true;
      continue;
    }
    ledger.frames++;
    if (s.origin === 'null') {
      // about:blank (a host page made with setContent) and other opaque origins: the
      // browser gives them no storage at all; the probe proves it rather than skipping.
      ledger.opaque++;
      if (s.local !== 'denied' || s.session !== 'denied') ledger.storage.push(`${s.url}: an opaque origin with storage ${JSON.stringify(s)}`);
      continue;
    }
    rec.seen.add(s.origin);
    const allowed = savingAllowed.has(rec.context) && isTrustedOrigin(s.origin) ? ['kyodo-check'] : [];
    const extra = Array.isArray(s.local) ? s.local.filter((k) => !allowed.includes(k)) : [];
    if (extra.length || !nothingIn(s.session) || (s.cookies && s.cookies !== 'denied') || !nothingIn(s.indexedDB) || !nothingIn(s.caches)) {
      ledger.storage.push(`${s.url}: ${JSON.stringify(s)}`);
    }
  }
}

/**
 * Watches one context: every request, WebSocket and service worker of every page;
 * every page error and console error; and, when the context (or one of its pages)
 * closes, the storage of every frame of every page. A page is "loading" from each
 * navigation request until the widget's heading appears in it (an init script reports
 * that); any other request while it is not loading, but the content file, is a request
 * after load.
 */
/** A content file of the build (content/<profile or all>.<hash>.bin). */
export const isContentFile = (url) => /\/content\/[a-z_]+\.[0-9a-f]{16}\.bin$/.test(new URL(url).pathname);

async function watch(context) {
  ledger.contexts++;
  const rec = { n: ledger.contexts, context, urls: [], origins: new Set(), seen: new Set(), errors: [], expected: [], failed: false };
  records.set(context, rec);
  ledger.open.add(rec);
  const state = new WeakMap(); // page → 'loading' | 'ready'
  // Each frame's navigations are counted. A document learns its number when it starts and
  // sends it with its "ready": a document the test already navigated away from (a reload
  // right after `goto` resolved on `load`, before the widget's heading) may still report
  // ready, and must not mark the next document's own files as "after load".
  const navs = new WeakMap(); // frame → number of navigation requests
  await context.addInitScript(storageProbe, 'capture');
  await context.exposeBinding('__kcNav', ({ frame }) => navs.get(frame) ?? 0);
  await context.exposeBinding('__kcReady', ({ page, frame }, nav) => {
    if (nav === (navs.get(frame) ?? 0)) state.set(page, 'ready');
  });
  await context.addInitScript(() => {
    const nav = window.__kcNav?.();
    // The widget's heading, rendered by the widget itself: a start page rendered at build
    // time (data-prerendered) counts once the widget has taken it over (data-kc-running).
    const seen = () => document.querySelector('.kc h1') && !document.querySelector('[data-prerendered]:not([data-kc-running])');
    const obs = new MutationObserver(() => { if (seen()) { obs.disconnect(); nav?.then((n) => window.__kcReady?.(n)); } });
    obs.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-kc-running'] });
  });
  const attach = (page) => {
    ledger.pages++;
    page.on('pageerror', (e) => rec.errors.push(`page error on ${page.url()}: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') rec.errors.push(`console error on ${m.location()?.url || page.url()}: ${m.text()}`); });
    page.on('crash', () => rec.errors.push(`page crashed: ${page.url()}`));
    page.on('websocket', (ws) => ledger.sockets.push(ws.url()));
    page.on('framenavigated', (f) => {
      const u = f.url();
      if (rec.urls.length < 5) rec.urls.push(u);
      if (/^https?:/.test(u)) rec.origins.add(new URL(u).origin);
    });
    const closePage = page.close.bind(page);
    page.close = async (...args) => {
      if (!page.isClosed()) await checkPage(page, rec);
      return closePage(...args);
    };
  };
  context.on('page', attach);
  context.on('serviceworker', (w) => ledger.workers.push(w.url()));
  context.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return;
    ledger.requests++;
    const page = r.frame()?.page();
    let origin = null;
    try { origin = new URL(url).origin; } catch { /* not a URL: foreign */ }
    if (!origin || !isTrustedOrigin(origin)) ledger.foreign.push(url);
    if (r.isNavigationRequest()) {
      if (page) state.set(page, 'loading');
      navs.set(r.frame(), (navs.get(r.frame()) ?? 0) + 1);
      return;
    }
    // The one request allowed after the start page is up: the content file the embed
    // settings name (issue #20; privacy.test.mjs proves it is the same whatever the visitor does).
    if (page && state.get(page) === 'ready' && !isContentFile(url)) ledger.late.push(url);
  });
  const close = context.close.bind(context);
  context.close = async (...args) => {
    if (!ledger.open.has(rec)) return close(...args);
    ledger.open.delete(rec);
    for (const page of context.pages()) await checkPage(page, rec);
    // An origin the pages left before closing keeps its storage out of sight: an error.
    for (const o of rec.origins) {
      if (!rec.seen.has(o)) { ledger.unchecked.push(`context ${rec.n} left ${o} before closing: its storage was not checked`); rec.failed = true; }
    }
    const cookies = await context.cookies();
    if (cookies.length) ledger.storage.push(`context ${rec.n} cookies: ${JSON.stringify(cookies.map((c) => `${c.domain} ${c.name}`))}`);
    if (!rec.failed) ledger.checked++;
    ledger.closed++;
    await close(...args);
    const unexpected = rec.errors.filter((e) => !rec.expected.some((p) => p.test(e)));
    const missing = rec.expected.filter((p) => !rec.errors.some((e) => p.test(e)));
    const problems = [...unexpected, ...missing.map((p) => `an error the test expected did not happen: ${p}`)];
    if (problems.length) {
      ledger.errors.push(...problems);
      throw new Error(`context ${rec.n} (${rec.urls.join(' → ')}):\n${problems.join('\n')}`);
    }
  };
}

/** What the watch found so far, as sentences; empty when all is well. */
export function privacyProblems() {
  return [
    ...(ledger.contexts === 0 ? ['no browser context was watched'] : []),
    ...[...ledger.open].map((r) => `context ${r.n} was never closed, so its storage was never checked (${r.urls.join(' → ') || 'no page loaded'})`),
    ...(ledger.checked !== ledger.closed ? [`${ledger.closed} contexts closed, but the storage of only ${ledger.checked} was read completely`] : []),
    ...ledger.unchecked,
    ...ledger.foreign.map((u) => `request to another origin: ${u}`),
    ...ledger.late.map((u) => `request after load: ${u}`),
    ...ledger.sockets.map((u) => `WebSocket opened: ${u}`),
    ...ledger.workers.map((u) => `service worker started: ${u}`),
    ...ledger.storage.map((s) => `storage left without opt-in: ${s}`),
    ...ledger.errors.map((e) => `page error: ${e}`),
  ];
}

/**
 * Call at the end of each test file: fails if any context of the file broke privacy or
 * showed an unexpected error, if none was watched, or if one was never closed; appends
 * the file's figures to artifacts/privacy.jsonl (docs/security.md quotes them).
 */
export function assertPrivacy(file) {
  const summary = { file, contexts: ledger.contexts, checked: ledger.checked, frames: ledger.frames, opaque: ledger.opaque,
    pages: ledger.pages, requests: ledger.requests, foreign: ledger.foreign.length, late: ledger.late.length,
    sockets: ledger.sockets.length, storage: ledger.storage.length, errors: ledger.errors.length };
  fs.mkdirSync(path.join(root, 'artifacts'), { recursive: true });
  fs.appendFileSync(path.join(root, 'artifacts', 'privacy.jsonl'), JSON.stringify(summary) + '\n');
  console.log(`privacy (${file}): ${summary.contexts} contexts, storage of ${summary.checked} read on close (${summary.frames} frames, ${summary.opaque} opaque), `
    + `${summary.pages} pages, ${summary.requests} requests; foreign ${summary.foreign}, after load ${summary.late}, WebSockets ${summary.sockets}, storage left ${summary.storage}, errors ${summary.errors}`);
  const problems = privacyProblems();
  if (problems.length) throw new Error(`privacy broken:\n${problems.join('\n')}`);
}

/** Holds every response whose URL matches `pattern` until the returned `release()` is called: a slow network, made certain. */
export async function holdResponses(page, pattern) {
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(pattern, async (route) => { await gate; await route.continue(); });
  return release;
}

// ---- accessibility ----

let axeSource;
/** axe-core's WCAG 2.2 AA rules on the page as it is; each violation as a sentence (empty: none). */
export async function axe(page, label) {
  axeSource ??= fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const r = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return r.violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

// ---- pages and flows ----

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
      const label = page.locator(`label[for="kc-${q}-${opt}"]`);
      try {
        await label.click();
      } catch (e) {
        // Say what the page was doing, so a rare failure can be read from the log alone.
        const state = await page.evaluate(async () => {
          const frames = await new Promise((r) => { let n = 0; const t0 = performance.now(); const f = () => (performance.now() - t0 < 500 ? (n++, requestAnimationFrame(f)) : r(n)); requestAnimationFrame(f); });
          const l = document.querySelector('label[for]');
          return { hash: location.hash, frames500ms: frames, h1: document.querySelector('.kc h1')?.textContent, label: l?.getBoundingClientRect().toJSON(), loading: document.querySelector('[data-loading]')?.dataset.loading ?? null, visibility: document.visibilityState };
        }).catch((x) => `page not answering: ${x}`);
        await screenshot(page, `failed-click-${q}-${opt}`).catch(() => {});
        throw new Error(`${e.message}\npage state: ${JSON.stringify(state)}`);
      }
    }
    await page.locator('.kc form button[type=submit]').click();
    await page.waitForFunction((prev) => location.hash !== `#/q/${prev}`, q);
  }
  throw new Error('the flow did not end');
}

/** From the start page: choose the profile (if the chooser is there), answer everything, see the result. */
export async function playToResult(page, profile, answers) {
  await startFlow(page, profile);
  await answerAll(page, answers);
  await checkToResult(page);
}

/** From the start page: choose the profile (if the chooser is there) and start. */
export async function startFlow(page, profile) {
  const chooser = page.locator(`#kc-profile-${profile}`);
  if (await chooser.count()) await page.locator(`label[for="kc-profile-${profile}"]`).click();
  await page.locator('.kc-button--start').click();
}

/** From the check page (the flow answered): on to the result. */
export async function checkToResult(page) {
  await page.waitForFunction(() => location.hash === '#/check');
  await page.locator('.kc-button--result').click();
  await page.waitForFunction(() => location.hash === '#/result');
  await page.locator('.kc-result h1').waitFor();
}

/**
 * A full-page screenshot in artifacts/screenshots/, checked once written: a fresh PNG as
 * wide as the viewport and of some height (not a stale file from an earlier run).
 */
export async function screenshot(page, name) {
  fs.mkdirSync(shots, { recursive: true });
  const file = path.join(shots, `${name}.png`);
  fs.rmSync(file, { force: true });
  await page.screenshot({ path: file, fullPage: true });
  const png = fs.readFileSync(file);
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const viewport = page.viewportSize();
  if (png.subarray(1, 4).toString() !== 'PNG' || (viewport && width !== viewport.width) || height < 200) {
    throw new Error(`screenshot ${file}: ${width}×${height}, viewport ${JSON.stringify(viewport)}`);
  }
  return { file, width, height };
}

/** Storage of every kind the page's main frame could have written (read with the browser's own getters). */
export async function storageState(page) {
  const s = await page.evaluate(storageProbe, 'read');
  return { local: s.local, session: s.session, cookies: s.cookies, indexedDB: s.indexedDB, caches: s.caches };
}

/** What the result decided, as ids, independent of the language on screen. */
export async function outcome(page) {
  return page.locator('.kc-result').evaluate((m) => ({
    verdict: m.dataset.verdict, band: m.dataset.band, forms: m.dataset.forms, start: m.dataset.start,
  }));
}

/**
 * Asserts an outcome against a case's `expect`: every id the case fixes (non-null) must
 * be on the page; returns the list of what was compared, for messages.
 */
export function expectedIds(expect, seen) {
  const forms = (seen.forms || '').split(',').filter(Boolean).map((f) => f.split(':'));
  const got = {
    verdict: seen.verdict ?? null,
    top_form: forms[0]?.[0] ?? null,
    top_fit: forms[0]?.[1] ?? null,
    band: seen.band || null,
    start: seen.start || null,
  };
  const want = {};
  const have = {};
  for (const [k, v] of Object.entries(expect)) {
    if (v === null || v === undefined) continue;
    want[k] = v;
    have[k] = got[k];
  }
  return { want, have };
}

/** Switches the language with the switcher in the header. */
export async function switchLanguage(page, name) {
  await page.locator('.kc-lang').getByRole('button', { name, exact: true }).click();
}

// ---- hostile input ----

/** Records every Content-Security-Policy violation of every page of the context (read with `cspViolations`). */
export async function recordCspViolations(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
export const cspViolations = (page) => page.evaluate(() => window.__csp);

/** A sentinel any script smuggled in would touch: alert/confirm/prompt count into window.__xss. */
export async function armXssSentinel(context) {
  await context.addInitScript(() => {
    window.__xss = 0;
    for (const f of ['alert', 'confirm', 'prompt']) window[f] = () => { window.__xss++; };
  });
}

/**
 * window.__xss once anything injected has had its chance: after the next frame is
 * painted and `ms` more (an <img onerror> fires after the image fails to load, a timer
 * later still).
 */
export async function xssAfterSettling(page, ms = 400) {
  await page.evaluate((t) => new Promise((r) => requestAnimationFrame(() => setTimeout(r, t))), ms);
  return page.evaluate(() => window.__xss);
}

// ---- pixels ----

/**
 * Decodes a PNG as Chromium writes screenshots (8-bit RGB or RGBA, not interlaced) into
 * {width, height, rgb(x, y)}: enough to measure where ink is, with no package.
 */
export function decodePng(buf) {
  if (buf.subarray(1, 4).toString() !== 'PNG') throw new Error('not a PNG');
  let pos = 8;
  let width, height, channels;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.subarray(pos + 4, pos + 8).toString();
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
      const [depth, colour, interlace] = [data[8], data[9], data[12]];
      channels = { 2: 3, 6: 4 }[colour];
      if (depth !== 8 || !channels || interlace !== 0) throw new Error(`PNG not handled: depth ${depth}, colour type ${colour}, interlace ${interlace}`);
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? px[y * stride + i - channels] : 0;
      const b = y > 0 ? px[(y - 1) * stride + i] : 0;
      const c = i >= channels && y > 0 ? px[(y - 1) * stride + i - channels] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter];
      if (pred === undefined) throw new Error(`PNG filter ${filter}`);
      px[y * stride + i] = (line[i] + pred) & 0xff;
    }
  }
  return { width, height, rgb: (x, y) => [...px.subarray(y * stride + x * channels, y * stride + x * channels + 3)] };
}

/**
 * The columns that hold ink in a screenshot: pixels that differ clearly from the
 * background (the commonest colour). Returns {left, right, width} in
 * pixels, or null for a blank image.
 */
export function inkColumns(png) {
  const { width, height, rgb } = decodePng(png);
  const seen = new Map();
  for (let x = 0; x < width; x++) for (let y = 0; y < height; y++) { const k = rgb(x, y).join(); seen.set(k, (seen.get(k) ?? 0) + 1); }
  const bg = [...seen].sort((p, q) => q[1] - p[1])[0][0].split(',').map(Number);
  let left = null;
  let right = null;
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      const [r, g, b] = rgb(x, y);
      if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 150) {
        left ??= x;
        right = x;
        break;
      }
    }
  }
  return left === null ? null : { left, right, width: right - left + 1 };
}
