// Three languages: every worked example of tests/fixtures/cases.json gives the outcome
// ids it expects in やさしい日本語 and English (flows.test.mjs plays each in 日本語),
// switching mid-flow keeps every answer and the step, and <html lang> follows the choice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import {
  launch, open, dist, answerAll, playToResult, outcome, expectedIds, switchLanguage, screenshot, currentQuestion, assertPrivacy,
  LANGS, cases, answerSet, caseById, inkColumns,
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

// Issue #19: a reading wider than its word must not push the word's characters apart
// (Chromium's default ruby-align spreads them). Measured in pixels, as a reader sees it:
// the ink of each such word on the page is as wide as the same word set without ruby.
test('やさしい日本語: a reading wider than its word leaves the word as it is', async () => {
  const { context, page, errors } = await open(browser, `${server.url}?city=yoshikawa&lang=ja-easy`, { width: 375, height: 812 });
  // Words of two or more characters, on the first screen, whose reading is wider than the word.
  const words = await page.evaluate(() => {
    const natural = (text, like) => {
      const s = getComputedStyle(like);
      const probe = document.createElement('span');
      probe.textContent = text;
      Object.assign(probe.style, { position: 'absolute', whiteSpace: 'nowrap', font: s.font, letterSpacing: s.letterSpacing });
      document.querySelector('.kc').append(probe);
      const w = probe.getBoundingClientRect().width;
      probe.remove();
      return w;
    };
    return [...document.querySelectorAll('.kc-main ruby')].flatMap((ruby, index) => {
      const rt = ruby.querySelector('rt');
      const base = [...ruby.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
      const [box, over] = [ruby.getBoundingClientRect(), rt.getBoundingClientRect()];
      if ([...base].length < 2 || box.bottom > innerHeight || natural(rt.textContent, rt) < natural(base, ruby) + 4) return [];
      return [{ index, base, reading: rt.textContent, rtPx: parseFloat(getComputedStyle(rt).fontSize), x: box.left, y: over.bottom, width: box.width, height: box.bottom - over.bottom }];
    });
  });
  assert.ok(words.length >= 3, `words with a wider reading on the first screen: ${JSON.stringify(words)}`);
  await screenshot(page, 'ruby-375-ja-easy');
  for (const w of words) {
    assert.ok(w.rtPx >= 10, `${w.base}: its reading is ${w.rtPx} px`);
    const shown = inkColumns(await page.screenshot({ clip: { x: w.x, y: w.y, width: w.width, height: w.height } }));
    // The same word without ruby, in the same font, black on white on top of the page.
    const plain = await page.evaluate(({ index, base }) => {
      const ruby = document.querySelectorAll('.kc-main ruby')[index];
      const s = getComputedStyle(ruby);
      const probe = document.createElement('div');
      probe.id = 'ruby-probe';
      probe.textContent = base;
      Object.assign(probe.style, { position: 'fixed', left: '0', top: '0', zIndex: '2147483647', padding: '8px', background: '#fff', color: '#000', whiteSpace: 'nowrap', font: s.font, letterSpacing: s.letterSpacing });
      document.body.append(probe);
      const r = probe.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    }, w);
    const alone = inkColumns(await page.screenshot({ clip: plain }));
    await page.evaluate(() => document.getElementById('ruby-probe').remove());
    assert.ok(shown && alone, `${w.base}: ink found`);
    assert.ok(Math.abs(shown.width - alone.width) <= 2,
      `「${w.base}」 under 「${w.reading}」 is ${shown.width} px of ink on the page, ${alone.width} px without ruby: its characters are spread apart`);
  }
  assert.deepEqual(errors, []);
  await context.close();
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
