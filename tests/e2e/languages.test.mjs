// Three languages: every worked example of tests/fixtures/cases.json gives the outcome
// ids it expects in やさしい日本語 and English (flows.test.mjs plays each in 日本語),
// switching mid-flow keeps every answer and the step, and <html lang> follows the choice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import {
  launch, open, dist, answerAll, playToResult, outcome, expectedIds, switchLanguage, screenshot, currentQuestion, assertPrivacy,
  LANGS, cases, answerSet, caseById,
} from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const KYODO = answerSet('kyodo');

// Every case of tests/fixtures/cases.json in the other two languages (flows.test.mjs
// plays each in 日本語): the ids on the page must be the ones the case expects.
for (const c of cases()) {
  test(`worked example ${c.id} in やさしい日本語 and English: the expected outcome ids`, async () => {
    for (const lang of LANGS.filter((l) => l.code !== 'ja')) {
      const { context, page } = await open(browser, server.url);
      await switchLanguage(page, lang.name);
      await playToResult(page, c.profile, c.answers);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang.htmlLang);
      assert.equal(await page.locator('.kc').getAttribute('lang'), lang.htmlLang);
      assert.ok(await page.locator('.kc-cite cite').count() > 0, 'citations shown');
      const { want, have } = expectedIds(c.expect, await outcome(page));
      assert.ok(Object.keys(want).length > 0, 'the case fixes at least one id');
      assert.deepEqual(have, want, `${c.id} in ${lang.code}`);
      for (const f of c.findings ?? []) assert.equal(await page.locator(`.kc-finding[data-finding="${f}"]`).count(), 1, `finding ${f} in ${lang.code}`);
      await context.close();
    }
  });
}

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
  await playToResult(page, 'tomakomai', caseById('tomakomai_koen_fits').answers);
  const link = await page.locator('#kc-share-link').inputValue();
  assert.ok(link.endsWith('!en'), link);
  const seen = await outcome(page);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.kc-print-ja').first().isVisible(), true);
  assert.match(await page.locator('.kc-print-ja').first().innerText(), /協働に当たる可能性が高いです/);
  assert.equal(await page.locator('.kc-print-ja').first().getAttribute('lang'), 'ja');
  await context.close();
  const fresh = await browser.newContext();
  const p2 = await fresh.newPage();
  await p2.goto(link);
  await p2.waitForFunction(() => location.hash === '#/result');
  await p2.locator('.kc-result h1').waitFor();
  assert.equal(await p2.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual(await outcome(p2), seen, 'the same outcome');
  await fresh.close();
});

for (const { code, name } of LANGS) {
  test(`screenshots in ${code}`, async () => {
    for (const [label, width] of [['phone', 375], ['desktop', 1280]]) {
      const { context, page } = await open(browser, server.url, { width, height: 800 });
      await switchLanguage(page, name);
      await screenshot(page, `lang-${code}-${label}-1-start`);
      await page.locator('label[for="kc-profile-yoshikawa"]').click();
      await page.locator('.kc-button--start').click();
      await answerAll(page, KYODO, { stopAt: 'idea' });
      await screenshot(page, `lang-${code}-${label}-2-question`);
      await answerAll(page, caseById('yoshikawa_science_class').answers);
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
