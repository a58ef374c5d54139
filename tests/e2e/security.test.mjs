// Hostile input and faults (issue #7): a few hundred XSS filter-evasion vectors in the
// counter notes and in share links never execute; storage that is full, blocked or
// written by a newer version never stops the check and is explained to the user.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, dist, root, playToResult, assertPrivacy, allowSaving, privacyLedger } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const vectors = JSON.parse(fs.readFileSync(path.join(root, 'tests/data/xss-vectors.json'), 'utf8'));
const ANSWERS = 'role:npo,idea:together,partner:city,purpose:public,open_to:anyone,synergy:yes,risks:none,subject:event,'
  + 'lead:co_host,support:none,duration:once,capacity:established,why_partner:strengths,repeat_partner:first,'
  + 'readiness:purpose+plan+cost+period+responsibility';
const KOEN = {
  role: 'npo', idea: 'together', partner: 'city', purpose: 'public', open_to: 'anyone', synergy: 'yes', risks: 'none',
  subject: 'event', lead: 'we_host', support: 'name', duration: 'once', capacity: 'established', why_partner: 'strengths',
  repeat_partner: 'first', readiness: 'purpose+plan',
};
// The share format's own escaping (src/share.rs): every byte but [A-Za-z0-9-_.~] as %XX.
const pct = (s) => Array.from(new TextEncoder().encode(s), (b) =>
  /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
const cap = (s, n) => Array.from(s.replace(/\u001f/g, '')).slice(0, n).join('');

/** A context whose page records any script the vectors manage to run. */
async function hostileContext() {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__xss = 0;
    for (const f of ['alert', 'confirm', 'prompt']) window[f] = () => { window.__xss++; };
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return context;
}

/** Nothing ran, nothing was blocked trying, and no active element reached the widget. */
async function assertInert(page, label) {
  const state = await page.evaluate(() => ({
    xss: window.__xss, csp: window.__csp,
    active: [...document.querySelectorAll('.kc *')].filter((el) =>
      /^(script|iframe|object|embed|img|image|base|meta|link|style|frame|frameset|applet|video|audio|source|math)$/i.test(el.localName)
      || [...el.attributes].some((a) => /^on/i.test(a.name) || /^\s*(javascript|vbscript|data):/i.test(a.value) && /^(href|src|action|formaction|xlink:href)$/i.test(a.name)))
      .map((el) => el.outerHTML.slice(0, 120)),
  }));
  assert.deepEqual(state, { xss: 0, csp: [], active: [] }, label);
}

test(`${vectors.length} XSS vectors as notes in share links: shown as text, never run`, async () => {
  const context = await hostileContext();
  const page = await context.newPage();
  await page.goto(`${server.url}?mode=counter#/s/k1!tomakomai!${ANSWERS}!ja`);
  await page.waitForFunction(() => location.hash === '#/result');
  await page.locator('.kc-notes').waitFor();
  let shown = 0;
  for (const [i, v] of vectors.entries()) {
    // As the encoder does: U+001F separates the fields, so a field never holds it.
    const f = v.replace(/\u001f/g, '');
    const link = `k1!tomakomai!${ANSWERS}!ja!${pct(`2026-11-22\u001f${f}\u001f${f}`)}`;
    await page.evaluate((l) => { location.hash = `#/s/${l}`; }, link);
    const want = cap(v, 2000);
    await page.waitForFunction((w) => location.hash === '#/result' && document.querySelector('.kc-notes .kc-pre')?.textContent === w, want, { timeout: 5000 })
      .catch(() => assert.fail(`vector ${i} did not come back as text: ${JSON.stringify(v).slice(0, 120)}`));
    assert.equal(await page.locator('#kc-notes-text').inputValue(), want, `vector ${i}: the textarea holds the same text`);
    shown++;
    if (i % 50 === 0 || i === vectors.length - 1) await assertInert(page, `after vector ${i}`);
  }
  await assertInert(page, 'after every vector');
  assert.equal(shown, vectors.length);
  console.log(`xss: ${shown} vectors restored from share links as notes text; sentinel unset, no CSP violation`);
  await context.close();
});

test(`${vectors.length} XSS vectors as a whole share link and as typed notes: never run`, async () => {
  const context = await hostileContext();
  const page = await context.newPage();
  await page.goto(`${server.url}?mode=counter`);
  for (const v of vectors) {
    await page.evaluate((l) => { location.hash = `#/s/${l}`; }, encodeURIComponent(v));
    await page.waitForFunction(() => !location.hash.startsWith('#/s/'), null, { timeout: 5000 });
  }
  await assertInert(page, 'vectors as share links');
  await page.evaluate(() => { location.hash = '#/'; });
  await playToResult(page, 'tomakomai', KOEN);
  for (const [i, v] of vectors.entries()) {
    await page.locator('#kc-notes-section').fill(v.replace(/[\r\n]/g, ' '));
    await page.locator('#kc-notes-text').fill(v);
    const typed = await page.locator('#kc-notes-text').inputValue();
    assert.equal(await page.locator('.kc-notes .kc-pre').textContent(), typed, `vector ${i} shown as typed`);
    if (i % 50 === 0) await assertInert(page, `typed vector ${i}`);
  }
  await assertInert(page, 'after every typed vector');
  await context.close();
});

test('storage full (QuotaExceededError): the check goes on, says it could not save, keeps the answers', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await playToResult(page, 'tomakomai', KOEN);
  const title = await page.locator('.kc-result h1').innerText();
  await page.locator('label[for="kc-save"]').click();
  await page.locator('.kc-notice').waitFor();
  assert.match(await page.locator('.kc-notice').innerText(), /この端末に保存できませんでした/);
  assert.equal(await page.locator('#kc-save').isChecked(), false, 'the box is unticked again');
  assert.equal(await page.locator('.kc-result h1').innerText(), title, 'the result stays');
  await page.evaluate(() => { location.hash = '#/check'; });
  await page.waitForFunction(() => location.hash === '#/check');
  assert.match(await page.locator('.kc-main').innerText(), /市民活動団体・NPO/, 'the answers are all still there');
  assert.deepEqual(errors, []);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await context.close();
});

test('storage blocked by the browser: the widget loads, works, and says it cannot save', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); } });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await playToResult(page, 'muroran', KOEN);
  await page.locator('label[for="kc-save"]').click();
  await page.locator('.kc-notice').waitFor();
  assert.match(await page.locator('.kc-notice').innerText(), /この端末に保存できませんでした/);
  assert.equal(await page.locator('#kc-save').isChecked(), false);
  assert.ok((await page.locator('.kc-result h1').innerText()).length > 0, 'the result stays');
  assert.deepEqual(errors, []);
  await context.close();
});

test('answers saved by a newer version: not loaded, not overwritten, and the user is told why', async () => {
  const context = await browser.newContext();
  allowSaving(context);
  const page = await context.newPage();
  await page.goto(server.url);
  const future = 'k2!tomakomai!role:npo,idea:together!ja!something-new';
  await page.evaluate((v) => localStorage.setItem('kyodo-check', v), future);
  await page.reload();
  await page.locator('.kc-notice').waitFor();
  assert.match(await page.locator('.kc-notice').innerText(), /より新しい版の協働チェックで保存されたデータ/);
  assert.equal(await page.evaluate(() => localStorage.getItem('kyodo-check')), future, 'left as it was');
  await playToResult(page, 'tomakomai', KOEN);
  assert.equal(await page.evaluate(() => localStorage.getItem('kyodo-check')), future, 'still not overwritten without a new opt-in');
  await context.close();
});

test('the privacy watch itself notices a request after load, one to another origin, and storage left behind', async () => {
  // bypassCSP: the widget's own policy would refuse the foreign request before it is made.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('.kc h1').waitFor();
  const before = { late: privacyLedger.late.length, foreign: privacyLedger.foreign.length, storage: privacyLedger.storage.length };
  await page.evaluate(async () => { await fetch('./index.html').catch(() => {}); });
  await page.evaluate(() => { localStorage.setItem('tracker', '1'); });
  await page.route('http://example.invalid/**', (r) => r.abort());
  await page.evaluate(() => { const i = new Image(); i.src = 'http://example.invalid/pixel.gif'; }).catch(() => {});
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  await context.close();
  const caught = {
    late: privacyLedger.late.splice(before.late),
    foreign: privacyLedger.foreign.splice(before.foreign),
    storage: privacyLedger.storage.splice(before.storage),
  };
  assert.ok(caught.late.some((u) => u.endsWith('/kyodo/index.html')), JSON.stringify(caught));
  assert.equal(caught.storage.length, 1, JSON.stringify(caught));
  assert.ok(caught.foreign.some((u) => u.startsWith('http://example.invalid/')), JSON.stringify(caught));
});

test('privacy held in every context this file opened: no other origin, nothing after load, no storage without opt-in', () => {
  assertPrivacy('security');
});
