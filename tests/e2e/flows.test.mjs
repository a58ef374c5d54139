// End-to-end: the worked examples of PRODUCT.md played by clicking through the built
// dist/ in Chromium, plus back/forward, change from the check page, share-link round
// trip, print media and the privacy guarantees (no request after load, storage empty
// unless opted in).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, open, dist, answerAll, playToResult, screenshot, storageState, currentQuestion, assertPrivacy, allowSaving } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const KYODO = {
  role: 'npo', idea: 'together', partner: 'city', purpose: 'public', open_to: 'anyone', synergy: 'yes',
  risks: 'none', capacity: 'established', why_partner: 'strengths', repeat_partner: 'first',
  readiness: 'purpose+plan+cost+period+responsibility',
};
const w = (extra) => ({ ...KYODO, ...extra });

/** Every request of a flow: none after load, none to another origin. */
function assertPrivate(requests, loadedAt, origin) {
  const foreign = requests.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('data:'));
  assert.deepEqual(foreign.map((r) => r.url), [], 'no request to another origin');
  const late = requests.filter((r) => r.at > loadedAt && !r.url.startsWith('data:'));
  assert.deepEqual(late.map((r) => r.url), [], 'no request after the first load');
}

const examples = [
  { name: 'yoshikawa marathon runner → 参加', profile: 'yoshikawa', answers: { role: 'individual', idea: 'join' },
    verdict: '「参加」に当たる', cite: '吉川市 協働指針 Q1' },
  { name: 'yoshikawa marathon organising staff → 協働', profile: 'yoshikawa',
    answers: w({ role: 'individual', subject: 'event', lead: 'new_body', support: 'none', duration: 'once', start: 'a' }),
    verdict: '協働に当たる可能性が高い', form: '実行委員会等', cite: '吉川市' },
  { name: 'yoshikawa NPO forum → A, 共催', profile: 'yoshikawa',
    answers: w({ subject: 'event', lead: 'co_host', support: 'none', duration: 'once', start: 'a' }),
    verdict: '協働に当たる可能性が高い', form: '共催', start: 'A スタート時協力型', cite: '吉川市' },
  { name: 'yoshikawa road foster → B, アダプト制度', profile: 'yoshikawa',
    answers: w({ role: 'neighbourhood', subject: 'cleanup', lead: 'we_host', support: 'goods', duration: 'ongoing', start: 'b' }),
    verdict: '協働に当たる可能性が高い', form: 'アダプト制度', start: 'B 相互単独型', cite: '吉川市' },
  { name: 'yoshikawa general-plan council → C, 企画立案への参加', profile: 'yoshikawa',
    answers: w({ role: 'individual', subject: 'planning', lead: 'city_hosts', support: 'none', duration: 'ongoing', start: 'c' }),
    verdict: '協働に当たる可能性が高い', form: '企画立案', start: 'C 行政主導市民参加型', band: '行政主導', cite: '吉川市' },
  { name: 'yoshikawa science class → D, 後援', profile: 'yoshikawa',
    answers: w({ subject: 'event', lead: 'we_host', support: 'name', duration: 'once', start: 'd' }),
    verdict: '協働に当たる可能性が高い', form: '後援', start: 'D 市民主導行政協力型', band: '市民主導', cite: '吉川市' },
  { name: 'muroran 補助 → 市民主導', profile: 'muroran',
    answers: w({ subject: 'service', lead: 'we_host', support: 'money', duration: 'once' }), form: '補助', band: '市民主導', cite: '室蘭市' },
  { name: 'muroran 後援 → 市民主導', profile: 'muroran',
    answers: w({ subject: 'event', lead: 'we_host', support: 'name', duration: 'once' }), form: '後援', band: '市民主導', cite: '室蘭市' },
  { name: 'muroran 共催 → 協力・連携', profile: 'muroran',
    answers: w({ subject: 'event', lead: 'co_host', support: 'none', duration: 'once' }), form: '共催', band: '協力・連携', cite: '室蘭市' },
  { name: 'muroran 協定 → 協力・連携', profile: 'muroran',
    answers: w({ subject: 'service', lead: 'co_host', support: 'none', duration: 'ongoing' }), form: '事業協力・協定', band: '協力・連携', cite: '室蘭市' },
  { name: 'muroran 委託 → 行政主導', profile: 'muroran',
    answers: w({ subject: 'service', lead: 'city_work', support: 'none', duration: 'ongoing' }), form: '委託', band: '行政主導', cite: '室蘭市' },
  { name: 'muroran 計画策定への参画 → 行政主導', profile: 'muroran',
    answers: w({ subject: 'planning', lead: 'city_hosts', support: 'none', duration: 'ongoing' }), form: '計画策定への参画', band: '行政主導', cite: '室蘭市' },
];

const WANTS_KOEN = { subject: 'event', lead: 'we_host', support: 'name', duration: 'once' };
const disqualifiers = [
  ['営利', { role: 'business', idea: 'together', partner: 'city', purpose: 'profit' }, '営利や私的な利益'],
  ['特定の市民のみ', { role: 'npo', idea: 'together', partner: 'city', purpose: 'public', open_to: 'members' }, '特定の市民のみ'],
  ['安全・公衆衛生', w({ ...WANTS_KOEN, risks: 'safety' }), '安全上・公衆衛生上'],
  ['宗教・政治', { role: 'npo', idea: 'together', partner: 'city', purpose: 'religious_political' }, '宗教的または政治的'],
  ['公序良俗', w({ risks: 'public_order' }), '公序良俗に反する場合'],
  ['法令違反', w({ risks: 'illegal' }), '法令に違反するおそれがある場合'],
  ['社会的非難', w({ ...WANTS_KOEN, risks: 'criticism' }), '社会的な非難'],
];

for (const ex of examples) {
  test(`worked example: ${ex.name}`, async () => {
    const { context, page, requests, loadedAt, errors } = await open(browser, server.url);
    await playToResult(page, ex.profile, ex.answers);
    const body = await page.locator('.kc-result').innerText();
    if (ex.verdict) assert.match(await page.locator('.kc-result h1').innerText(), new RegExp(ex.verdict));
    if (ex.form) assert.match(await page.locator('.kc-form').first().locator('h3').innerText(), new RegExp(ex.form), 'the best form is ranked first');
    if (ex.start) assert.ok(body.includes(ex.start), `start type ${ex.start} shown`);
    if (ex.band) assert.ok(body.includes(`「${ex.band}」の位置`), `band ${ex.band} stated in text`);
    assert.ok(await page.locator('.kc-cite cite').count() > 0, 'citations are shown');
    assert.ok(body.includes(ex.cite), `a citation names ${ex.cite}`);
    assertPrivate(requests, loadedAt, server.origin);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const [name, answers, text] of disqualifiers) {
  test(`tomakomai 後援 disqualifier: ${name}`, async () => {
    const { context, page } = await open(browser, server.url);
    await playToResult(page, 'tomakomai', answers);
    const finding = page.locator('.kc-finding', { hasText: text });
    assert.equal(await finding.count() > 0, true, `finding about ${name}`);
    assert.match(await finding.first().locator('.kc-cite').innerText(), /苫小牧市 協働ガイドライン 第3章 \(7\) 後援/);
    await context.close();
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
  await playToResult(page, 'tomakomai', w({ subject: 'event', lead: 'co_host', support: 'none', duration: 'once' }));
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/check');
  const rows = await page.locator('.kc-summary__row').count();
  await page.locator('.kc-summary__row', { hasText: 'あなたの考えに一番近いもの' }).getByRole('link', { name: /変更/ }).click();
  await page.waitForFunction(() => location.hash === '#/q/idea');
  await page.locator('label[for="kc-idea-unsure"]').click();
  await page.getByRole('button', { name: '次へ進む' }).click();
  await page.waitForFunction(() => location.hash === '#/q/who_does');
  await page.locator('label[for="kc-who_does-plan_run"]').click();
  await page.getByRole('button', { name: '次へ進む' }).click();
  await page.waitForFunction(() => location.hash === '#/check');
  assert.equal(await page.locator('.kc-summary__row').count(), rows + 1, 'the new follow-up is listed');
  // A change that ends the flow drops the answers of the skipped branch.
  await page.locator('.kc-summary__row', { hasText: 'あなたの考えに一番近いもの' }).getByRole('link', { name: /変更/ }).click();
  await page.locator('label[for="kc-idea-join"]').click();
  await page.getByRole('button', { name: '次へ進む' }).click();
  await page.waitForFunction(() => location.hash === '#/check');
  assert.equal(await page.locator('.kc-summary__row').count(), 3, 'profile, role and idea only');
  await context.close();
});

test('a share link restores the result in a fresh browser context', async () => {
  const { context, page } = await open(browser, server.url);
  await playToResult(page, 'muroran', w({ subject: 'event', lead: 'co_host', support: 'none', duration: 'once' }));
  const link = await page.locator('#kc-share-link').inputValue();
  assert.ok(link.startsWith(server.url) && link.includes('#/s/k1!muroran!'), link);
  assert.ok(!link.split('#')[0].includes('?'), 'nothing in the query string');
  const title = await page.locator('.kc-result h1').innerText();
  await context.close();
  const fresh = await browser.newContext();
  const p2 = await fresh.newPage();
  await p2.goto(link);
  await p2.waitForFunction(() => location.hash === '#/result');
  assert.equal(await p2.locator('.kc-result h1').innerText(), title);
  assert.match(await p2.locator('.kc-notice').innerText(), /共有リンクから回答を読み込みました/);
  await fresh.close();
});

for (const [name, hash, expect] of [
  ['truncated', '#/s/k1!muroran!role:npo,idea:together,partner:ci', /一部が読み込めませんでした/],
  ['tampered', '#/s/k1!muroran!role:npo,idea:zzz,<script>:1', /一部が読み込めませんでした/],
  ['unknown city', '#/s/k1!sapporo!role:npo', /読み込めませんでした。最初から/],
  // From an older content version: an option that no longer exists is dropped and the
  // flow resumes at that question with every earlier answer kept.
  ['older-version', '#/s/k1!muroran!role:npo,idea:together,partner:city,purpose:retired_option,open_to:anyone', /一部が読み込めませんでした/],
  ['future-format', '#/s/k2!muroran!role:npo', /より新しい版の協働チェックで作られた/],
  ['garbage', '#/s/%E0%A4%A', /読み込めませんでした。最初から/],
]) {
  test(`a ${name} share link gives a calm message, never a blank page`, async () => {
    const { context, page } = await open(browser, server.url + hash);
    await page.locator('.kc-notice').waitFor();
    assert.match(await page.locator('.kc-notice').innerText(), expect);
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
  await playToResult(page, 'tomakomai', w({ ...WANTS_KOEN }));
  assert.equal(await page.locator('.kc-answers .kc-summary').isVisible(), false, 'answers are folded on screen');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.kc-answers .kc-summary').isVisible(), true, 'the answers print');
  assert.match(await page.locator('.kc-answers').innerText(), /市民活動団体・NPO/);
  assert.equal(await page.locator('.kc-header .kc-header__title').isVisible(), true, 'the title prints');
  assert.equal(await page.locator('.kc-back').count(), 0);
  assert.match(await page.locator('.kc-print-date').innerText(), /作成日：\d{4}年/);
  assert.equal(await page.locator('.kc-keep').isVisible(), false, 'the keep/share controls are hidden');
  assert.equal(await page.locator('.kc-notice').count() === 0 || !(await page.locator('.kc-notice').isVisible()), true);
  assert.equal(await page.locator('.kc-sources').isVisible(), true, 'the sources list prints');
  assert.equal(await page.locator('.kc-form').first().isVisible(), true);
  await screenshot(page, 'result-print-tomakomai');
  await page.pdf({ path: 'artifacts/result-tomakomai.pdf', format: 'A4' }).catch(() => {});
  await context.close();
});

test('storage stays empty without opt-in, holds only the widget key with it, and is wiped', async () => {
  const { context, page } = await open(browser, server.url);
  await playToResult(page, 'tomakomai', w({ ...WANTS_KOEN }));
  assert.deepEqual(await storageState(page), { local: [], session: [], cookies: '', indexedDB: [], caches: [] });
  allowSaving(context);
  await page.locator('label[for="kc-save"]').click();
  await page.waitForFunction(() => localStorage.length === 1);
  assert.deepEqual((await storageState(page)).local, ['kyodo-check']);
  // Reload: the saved answers come back.
  await page.goto(server.url);
  await page.locator('.kc-notice').waitFor();
  assert.match(await page.locator('.kc-notice').innerText(), /保存した回答を読み込みました/);
  await page.getByRole('button', { name: '保存したデータを消す' }).click();
  assert.deepEqual(await storageState(page), { local: [], session: [], cookies: '', indexedDB: [], caches: [] });
  await context.close();
});

test('corrupted saved answers are ignored with a notice and not overwritten', async () => {
  // Each damaged value on its own load. Bytes that are no saved answers at all are not
  // read; a valid header with a broken body keeps what could be read (here: the city).
  // Either way saving stays off and the stored value is left alone.
  const cases = [
    ['\u0000garbage', /保存されたデータを読み込めませんでした/],
    ['k1!tomakomai!{{{broken', /保存した回答の一部を読み込めませんでした/],
  ];
  for (const [corrupt, notice] of cases) {
    const context = await browser.newContext();
    allowSaving(context);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate((v) => localStorage.setItem('kyodo-check', v), corrupt);
    await page.reload();
    await page.locator('.kc-notice').waitFor();
    assert.match(await page.locator('.kc-notice').innerText(), notice, JSON.stringify(corrupt));
    assert.equal(await page.evaluate(() => localStorage.getItem('kyodo-check')), corrupt, 'left alone until the user saves again');
    await context.close();
  }
});

test('a panic is not a blank page: a calm message, a way to start again, saved answers intact', async () => {
  const { context, page } = await open(browser, server.url);
  await playToResult(page, 'tomakomai', w({ ...WANTS_KOEN }));
  allowSaving(context);
  await page.locator('label[for="kc-save"]').click();
  await page.waitForFunction(() => localStorage.length === 1);
  const saved = await page.evaluate(() => localStorage.getItem('kyodo-check'));
  await page.evaluate(() => { location.hash = '#/__panic'; });
  await page.locator('.kc h1', { hasText: '問題が起きました' }).waitFor();
  assert.match(await page.locator('.kc').innerText(), /保存した回答はそのまま残っています/);
  assert.equal(await page.evaluate(() => localStorage.getItem('kyodo-check')), saved, 'saved answers untouched');
  await page.locator('.kc a.kc-button').click();
  await page.locator('.kc-notice').waitFor();
  assert.match(await page.locator('.kc-notice').innerText(), /保存した回答を読み込みました/, 'starting again restores the saved answers');
  await context.close();
});

test('privacy held in every context this file opened: no other origin, nothing after load, no storage without opt-in', () => {
  assertPrivacy('flows');
});
