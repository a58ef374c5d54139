// End-to-end: the worked examples of PRODUCT.md played by clicking through the built
// dist/ in Chromium, plus back/forward, change from the check page, share-link round
// trip, print media and the privacy guarantees (no request after load, storage empty
// unless opted in).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './server.mjs';
import {
  launch, open, dist, shots, answerAll, playToResult, screenshot, storageState, currentQuestion, assertPrivacy, allowSaving,
  expectErrors, outcome, expectedIds, cases, caseById, answerSet,
} from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Every request of a flow: none after load, none to another origin. */
function assertPrivate(requests, loadedAt, origin) {
  const foreign = requests.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('data:'));
  assert.deepEqual(foreign.map((r) => r.url), [], 'no request to another origin');
  const late = requests.filter((r) => r.at > loadedAt && !r.url.startsWith('data:'));
  assert.deepEqual(late.map((r) => r.url), [], 'no request after the first load');
}

// The city a profile's citations name (in Japanese, the language played here).
const CITY = { tomakomai: '苫小牧市', minami_alps: '南アルプス市', yoshikawa: '吉川市', tachikawa: '立川市', muroran: '室蘭市', general: '' };
// The 後援 cases of 苫小牧市 each give one finding about the disqualifiers (第3章 (7) 後援).
const KOEN = caseById('tomakomai_koen_fits').answers;

// Every case of tests/fixtures/cases.json, in Japanese (languages.test.mjs plays each in
// やさしい日本語 and English): each id the case fixes must be the one on the page.
for (const c of cases()) {
  test(`worked example ${c.id} (${c.profile}): ${JSON.stringify(Object.fromEntries(Object.entries(c.expect).filter(([, v]) => v !== null)))}`, async () => {
    const { context, page, requests, loadedAt } = await open(browser, server.url);
    await playToResult(page, c.profile, c.answers);
    const { want, have } = expectedIds(c.expect, await outcome(page));
    assert.ok(Object.keys(want).length > 0, 'the case fixes at least one id');
    assert.deepEqual(have, want);
    assert.ok(await page.locator('.kc-cite cite').count() > 0, 'citations are shown');
    if (CITY[c.profile]) assert.ok((await page.locator('.kc-result').textContent()).includes(CITY[c.profile]), `a citation names ${CITY[c.profile]}`);
    // The findings the case names (by id), and the forms it says must not fit.
    for (const f of c.findings ?? []) {
      assert.equal(await page.locator(`.kc-finding[data-finding="${f}"]`).count(), 1, `finding ${f}`);
    }
    const fits = Object.fromEntries(((await outcome(page)).forms || '').split(',').filter(Boolean).map((x) => x.split(':')));
    for (const f of c.not_forms ?? []) assert.ok(!['Good', 'Possible'].includes(fits[f]), `${f} must not fit: ${fits[f]}`);
    assertPrivate(requests, loadedAt, server.origin);
    await context.close(); // the watch fails the context on any page or console error
  });
}

test('an empty answer shows the error summary, focused, and keeps the page', async () => {
  const { context, page } = await open(browser, server.url);
  await page.locator('label[for="kc-profile-tomakomai"]').click();
  await page.getByRole('button', { name: '確認を始める' }).click();
  await page.waitForFunction(() => location.hash === '#/q/role');
  await page.getByRole('button', { name: '次へ進む' }).click();
  const summary = page.locator('.kc-error-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /問題があります/);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('kc-error-summary')), true, 'the summary has focus');
  assert.match(await page.title(), /^エラー：/);
  await summary.locator('a').click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'kc-role-individual', 'the link moves focus to the radios');
  assert.equal(await currentQuestion(page), 'role', 'the route did not change');
  await context.close();
});

test('back and forward move between steps as the user last saw them', async () => {
  const { context, page } = await open(browser, server.url);
  await page.locator('label[for="kc-profile-tomakomai"]').click();
  await page.getByRole('button', { name: '確認を始める' }).click();
  await answerAll(page, { role: 'npo', idea: 'together' }, { stopAt: 'partner' });
  assert.equal(await currentQuestion(page), 'partner');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/q/idea');
  assert.equal(await page.locator('#kc-idea-together').isChecked(), true, 'the answer is still chosen');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/q/role');
  assert.equal(await page.locator('#kc-role-npo').isChecked(), true);
  await page.goForward();
  await page.waitForFunction(() => location.hash === '#/q/idea');
  await page.locator('.kc a.kc-back').click();
  await page.waitForFunction(() => location.hash === '#/q/role');
  await context.close();
});

test('a change from the check page asks the new follow-up, then returns to the check page', async () => {
  const { context, page } = await open(browser, server.url);
  await playToResult(page, 'tomakomai', answerSet('kyodo'));
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/check');
  const rows = await page.locator('.kc-summary__row').count();
  const changeIdea = page.locator('.kc-summary__row a[href="#/q/idea"]');
  await changeIdea.click();
  await page.waitForFunction(() => location.hash === '#/q/idea');
  await page.locator('label[for="kc-idea-unsure"]').click();
  await page.locator('.kc form button[type=submit]').click();
  await page.waitForFunction(() => location.hash === '#/q/who_does');
  await page.locator('label[for="kc-who_does-plan_run"]').click();
  await page.locator('.kc form button[type=submit]').click();
  await page.waitForFunction(() => location.hash === '#/check');
  assert.equal(await page.locator('.kc-summary__row').count(), rows + 1, 'the new follow-up is listed');
  assert.equal(await page.locator('.kc-summary__row a[href="#/q/who_does"]').count(), 1);
  // A change that ends the flow drops the answers of the skipped branch.
  await changeIdea.click();
  await page.locator('label[for="kc-idea-join"]').click();
  await page.locator('.kc form button[type=submit]').click();
  await page.waitForFunction(() => location.hash === '#/check');
  assert.deepEqual(await page.locator('.kc-summary__row a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ['#/', '#/q/role', '#/q/idea'], 'profile, role and idea only');
  await context.close();
});

test('a share link restores the result in a fresh browser context', async () => {
  const { context, page } = await open(browser, server.url);
  await playToResult(page, 'muroran', answerSet('kyodo'));
  const link = await page.locator('#kc-share-link').inputValue();
  assert.ok(link.startsWith(server.url) && link.includes('#/s/k1!muroran!'), link);
  assert.ok(!link.split('#')[0].includes('?'), 'nothing in the query string');
  const seen = await outcome(page);
  await context.close();
  const fresh = await browser.newContext();
  const p2 = await fresh.newPage();
  await p2.goto(link);
  await p2.waitForFunction(() => location.hash === '#/result');
  await p2.locator('.kc-result h1').waitFor();
  assert.deepEqual(await outcome(p2), seen, 'the same outcome');
  assert.equal(await p2.locator('[data-notice=share_ok]').isVisible(), true, 'the user is told the answers came from the link');
  await fresh.close();
});

for (const [name, hash, notice] of [
  ['truncated', '#/s/k1!muroran!role:npo,idea:together,partner:ci', 'share_partial'],
  ['tampered', '#/s/k1!muroran!role:npo,idea:zzz,<script>:1', 'share_partial'],
  ['unknown city', '#/s/k1!sapporo!role:npo', 'share_broken'],
  // From an older content version: an option that no longer exists is dropped and the
  // flow resumes at that question with every earlier answer kept.
  ['older-version', '#/s/k1!muroran!role:npo,idea:together,partner:city,purpose:retired_option,open_to:anyone', 'share_partial'],
  ['future-format', '#/s/k2!muroran!role:npo', 'share_newer'],
  ['garbage', '#/s/%E0%A4%A', 'share_broken'],
]) {
  test(`a ${name} share link gives a calm message (${notice}), never a blank page`, async () => {
    const { context, page } = await open(browser, server.url + hash);
    await page.locator(`[data-notice=${notice}]`).waitFor();
    assert.deepEqual(await page.locator('[data-notice]').evaluateAll((els) => els.map((e) => e.dataset.notice)), [notice], 'that notice and no other');
    assert.ok((await page.locator('.kc h1').innerText()).length > 0);
    if (name === 'older-version') {
      assert.equal(await page.evaluate(() => location.hash), '#/q/purpose', 'resumes at the first question to answer again');
      await page.locator('.kc a.kc-back').click();
      await page.waitForFunction(() => location.hash === '#/q/partner');
      assert.equal(await page.locator('#kc-partner-city').isChecked(), true, 'earlier answers kept');
    }
    await context.close();
  });
}

test('print media shows the result without navigation chrome', async () => {
  const { context, page } = await open(browser, server.url);
  await playToResult(page, 'tomakomai', KOEN);
  // A notice on screen (the answers came from a share link), to see it leave the paper.
  const link = await page.locator('#kc-share-link').inputValue();
  await page.goto(link);
  await page.locator('[data-notice=share_ok]').waitFor();
  // What is on screen and must not print: the switcher, the mode toggle, the footer,
  // the keep/share controls and every button, the notice; the skip link exists.
  const chrome = ['.kc-lang', '.kc-mode', '.kc-footer', '.kc-keep', '.kc-result .kc-button >> nth=0', '[data-notice=share_ok]'];
  for (const sel of chrome) assert.equal(await page.locator(sel).isVisible(), true, `${sel} is on screen`);
  assert.equal(await page.locator('.kc-skip').count(), 1);
  assert.equal(await page.locator('.kc-print-answers').isVisible(), false, 'the answers are folded on screen');
  await page.emulateMedia({ media: 'print' });
  for (const sel of chrome) assert.equal(await page.locator(sel).isVisible(), false, `${sel} does not print`);
  assert.equal(await page.locator('.kc-skip').isVisible(), false, 'the skip link does not print');
  assert.equal(await page.locator('.kc-print-answers').isVisible(), true, 'the answers print');
  assert.match(await page.locator('.kc-print-answers').innerText(), /市民活動団体・NPO/);
  assert.equal(await page.locator('.kc-header .kc-header__title').isVisible(), true, 'the title prints');
  assert.match(await page.locator('.kc-sheet-head').innerText(), /作成日：\d{4}年/);
  assert.equal(await page.locator('.kc-result h1').isVisible(), true, 'the verdict prints');
  assert.equal(await page.locator('.kc-result-summary').isVisible(), true, 'the summary prints');
  assert.ok((await page.locator('.kc-print-link').innerText()).includes(link), 'the share link prints');
  assert.equal(await page.locator('.kc-print-qr svg').isVisible(), true, 'with its QR code');
  await screenshot(page, 'result-print-tomakomai');
  const pdf = path.join(shots, 'result-print-tomakomai.pdf');
  fs.rmSync(pdf, { force: true });
  await page.pdf({ path: pdf, format: 'A4' });
  assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString(), '%PDF-', 'the printout renders to PDF');
  // The check page's back link does not print either.
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => { location.hash = '#/check'; });
  await page.waitForFunction(() => location.hash === '#/check');
  await page.locator('.kc-button--result').waitFor();
  assert.equal(await page.locator('.kc-back').isVisible(), true, 'the back link is on screen');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.kc-back').isVisible(), false, 'the back link does not print');
  await context.close();
});

test('storage stays empty without opt-in, holds only the widget key with it, and is wiped', async () => {
  const EMPTY = { local: [], session: [], cookies: '', indexedDB: [], caches: [] };
  const { context, page } = await open(browser, server.url);
  await playToResult(page, 'tomakomai', KOEN);
  assert.deepEqual(await storageState(page), EMPTY);
  allowSaving(context);
  await page.locator('label[for="kc-save"]').click();
  await page.waitForFunction(() => localStorage.length === 1);
  assert.deepEqual(await storageState(page), { ...EMPTY, local: ['kyodo-check'] });
  // Reload: the saved answers come back.
  await page.goto(server.url);
  await page.locator('[data-notice=stored_restored]').waitFor();
  await page.getByRole('button', { name: '保存したデータを消す' }).click();
  await page.locator('[data-notice=wiped]').waitFor();
  assert.deepEqual(await storageState(page), EMPTY);
  await context.close();
});

test('corrupted saved answers are ignored with a notice and not overwritten', async () => {
  // Each damaged value on its own load. Bytes that are no saved answers at all are not
  // read; a valid header with a broken body keeps what could be read (here: the city).
  // Either way saving stays off and the stored value is left alone.
  for (const [corrupt, notice] of [['\u0000garbage', 'stored_corrupt'], ['k1!tomakomai!{{{broken', 'stored_partial']]) {
    const context = await browser.newContext();
    allowSaving(context);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate((v) => localStorage.setItem('kyodo-check', v), corrupt);
    await page.reload();
    await page.locator(`[data-notice=${notice}]`).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('kyodo-check')), corrupt, 'left alone until the user saves again');
    await context.close();
  }
});

test('a panic is not a blank page: a calm message, a way to start again, saved answers intact', async () => {
  const { context, page } = await open(browser, server.url);
  // The deliberate panic is reported on the console (and as an uncaught wasm error).
  expectErrors(context, /協働チェック: panicked at/, /unreachable/);
  await playToResult(page, 'tomakomai', KOEN);
  allowSaving(context);
  await page.locator('label[for="kc-save"]').click();
  await page.waitForFunction(() => localStorage.length === 1);
  const saved = await page.evaluate(() => localStorage.getItem('kyodo-check'));
  await page.evaluate(() => { location.hash = '#/__panic'; });
  await page.locator('.kc h1', { hasText: '問題が起きました' }).waitFor();
  assert.match(await page.locator('.kc').innerText(), /保存した回答はそのまま残っています/);
  assert.equal(await page.evaluate(() => localStorage.getItem('kyodo-check')), saved, 'saved answers untouched');
  await page.locator('.kc a.kc-button').click();
  await page.locator('[data-notice=stored_restored]').waitFor();
  await context.close();
});

test('privacy held in every context this file opened: no other origin, nothing after load, no storage without opt-in', () => {
  assertPrivacy('flows');
});

// Issue #18 item 9: staff planning their own section's project read the questions about
// the partner in their own voice (questions.toml [[voice]]); a citizen reads the plain one.
// The options stay the same, so the outcome does too.
test('city staff read the questions about the partner in their own voice', async () => {
  const seen = {};
  for (const role of ['staff', 'npo']) {
    const { context, page } = await open(browser, server.url);
    await page.locator('label[for="kc-profile-tomakomai"]').click();
    await page.locator('.kc-button--start').click();
    await answerAll(page, { role, idea: 'together', partner: 'city', purpose: 'public', open_to: 'anyone', synergy: 'yes', risks: 'none', subject: 'event' }, { stopAt: 'lead' });
    const form = page.locator('.kc form[data-question="lead"]');
    await form.waitFor();
    seen[role] = {
      voice: await form.getAttribute('data-voice'),
      title: await page.locator('.kc h1').first().textContent(),
      option: await page.locator('label[for="kc-lead-we_host"]').textContent(),
      options: await page.locator('.kc form input').evaluateAll((xs) => xs.map((x) => x.value)),
    };
    await context.close();
  }
  assert.equal(seen.staff.voice, 'staff');
  assert.equal(seen.npo.voice, 'event', 'a citizen planning an event is asked about the organiser');
  assert.notEqual(seen.staff.option, seen.npo.option, 'the option is worded for staff');
  assert.deepEqual(seen.staff.options, seen.npo.options, 'the same options');
});

// Issue #18 item 8: the band follows who carries and decides the work; where the city
// places the best-fitting form elsewhere, the result says both (and cites both).
test('the band explains both signals where they differ', async () => {
  const cases_ = [
    ['yoshikawa_form_4_adopt', 'shimin_shudo', 'kyoryoku_renkei'],
    ['muroran_4_2_kyotei_flower_circle', 'kyoryoku_renkei', 'shimin_shudo'],
    ['muroran_4_2_kyosai_seminar', 'kyoryoku_renkei', null],
  ];
  for (const [id, band, second] of cases_) {
    const c = caseById(id);
    const { context, page } = await open(browser, server.url);
    await playToResult(page, c.profile, c.answers);
    assert.equal(await page.locator('.kc-spectrum__band--on').getAttribute('data-band'), band, id);
    assert.equal(await page.locator('.kc-spectrum-text').getAttribute('data-band-second'), second, id);
    const lines = await page.locator('.kc-spectrum-text .kc-line').count();
    assert.equal(lines, second ? 4 : 3, `${id}: position, description, basis${second ? ', the other signal' : ''}`);
    await context.close();
  }
});
