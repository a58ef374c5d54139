// Three languages: the worked examples give identical outcomes in each, switching
// mid-flow keeps every answer and the step, and <html lang> follows the choice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, open, dist, answerAll, playToResult, outcome, switchLanguage, screenshot, currentQuestion, assertPrivacy } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const LANGS = [['ja', '日本語', 'ja'], ['ja-easy', 'やさしい日本語', 'ja'], ['en', 'English', 'en']];
const KYODO = {
  role: 'npo', idea: 'together', partner: 'city', purpose: 'public', open_to: 'anyone', synergy: 'yes',
  risks: 'none', capacity: 'established', why_partner: 'strengths', repeat_partner: 'first', readiness: 'purpose+plan',
};
const FLOWS = [
  ['yoshikawa', { role: 'individual', idea: 'join' }],
  ['yoshikawa', { ...KYODO, subject: 'event', lead: 'co_host', support: 'none', duration: 'once', start: 'a' }],
  ['yoshikawa', { ...KYODO, subject: 'cleanup', lead: 'we_host', support: 'goods', duration: 'ongoing', start: 'b' }],
  ['yoshikawa', { ...KYODO, subject: 'planning', lead: 'city_hosts', support: 'none', duration: 'ongoing', start: 'c' }],
  ['yoshikawa', { ...KYODO, subject: 'event', lead: 'we_host', support: 'name', duration: 'once', start: 'd' }],
  ['muroran', { ...KYODO, subject: 'service', lead: 'city_work', support: 'none', duration: 'ongoing' }],
  ['tomakomai', { ...KYODO, subject: 'event', lead: 'we_host', support: 'name', duration: 'once', risks: 'criticism' }],
];

test('the worked examples give identical outcomes in every language', async () => {
  for (const [profile, answers] of FLOWS) {
    const seen = [];
    for (const [, name, htmlLang] of LANGS) {
      const { context, page } = await open(browser, server.url);
      await switchLanguage(page, name);
      await playToResult(page, profile, answers);
      assert.equal(await page.evaluate(() => document.documentElement.lang), htmlLang);
      assert.ok(await page.locator('.kc-cite cite').count() > 0, 'citations shown');
      seen.push(await outcome(page));
      await context.close();
    }
    assert.deepEqual(seen[1], seen[0], `${profile} ja-easy = ja`);
    assert.deepEqual(seen[2], seen[0], `${profile} en = ja`);
  }
});

test('switching language mid-flow keeps the answers and the step', async () => {
  const { context, page } = await open(browser, server.url);
  await page.locator('label[for="kc-profile-tomakomai"]').click();
  await page.locator('.kc-button--start').click();
  await answerAll(page, KYODO, { stopAt: 'purpose' });
  const jaHeading = await page.locator('.kc h1').innerText();
  await switchLanguage(page, 'English');
  assert.equal(await currentQuestion(page), 'purpose', 'same step');
  assert.notEqual(await page.locator('.kc h1').innerText(), jaHeading, 'the heading is now English');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.locator('.kc').getAttribute('lang'), 'en');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/q/partner');
  assert.equal(await page.locator('#kc-partner-city').isChecked(), true, 'answers kept');
  await switchLanguage(page, 'やさしい日本語');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  assert.ok(await page.locator('.kc h1 ruby rt').count() > 0, 'furigana as real <ruby> markup');
  assert.equal(await page.locator('#kc-partner-city').isChecked(), true);
  assert.match(await page.locator('.kc [aria-live=polite]').innerText(), /\S/, 'the switch is announced');
  await context.close();
});

test('the language travels in the share link and the printout shows Japanese beside it', async () => {
  const { context, page } = await open(browser, server.url);
  await switchLanguage(page, 'English');
  await playToResult(page, 'tomakomai', { ...KYODO, subject: 'event', lead: 'we_host', support: 'name', duration: 'once' });
  const link = await page.locator('#kc-share-link').inputValue();
  assert.ok(link.endsWith('!en'), link);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.kc-print-ja').first().isVisible(), true);
  assert.match(await page.locator('.kc-print-ja').first().innerText(), /協働に当たる可能性が高いです/);
  assert.equal(await page.locator('.kc-print-ja').first().getAttribute('lang'), 'ja');
  await context.close();
  const fresh = await browser.newContext();
  const p2 = await fresh.newPage();
  await p2.goto(link);
  await p2.waitForFunction(() => location.hash === '#/result');
  assert.equal(await p2.evaluate(() => document.documentElement.lang), 'en');
  await fresh.close();
});

for (const [code, name] of LANGS) {
  test(`screenshots in ${code}`, async () => {
    for (const [label, width] of [['phone', 375], ['desktop', 1280]]) {
      const { context, page } = await open(browser, server.url, { width, height: 800 });
      await switchLanguage(page, name);
      await screenshot(page, `lang-${code}-${label}-1-start`);
      await page.locator('label[for="kc-profile-yoshikawa"]').click();
      await page.locator('.kc-button--start').click();
      await answerAll(page, KYODO, { stopAt: 'idea' });
      await screenshot(page, `lang-${code}-${label}-2-question`);
      await answerAll(page, { ...KYODO, subject: 'event', lead: 'we_host', support: 'name', duration: 'once', start: 'd' });
      await page.locator('.kc-button--result').click();
      await page.locator('.kc-result h1').waitFor();
      await screenshot(page, `lang-${code}-${label}-3-result`);
      if (label === 'desktop') {
        await page.emulateMedia({ media: 'print' });
        await screenshot(page, `lang-${code}-print`);
      }
      await context.close();
    }
  });
}

test('privacy held in every context this file opened: no other origin, nothing after load, no storage without opt-in', () => {
  assertPrivacy('languages');
});
