// Screenshots of each page state at phone (375 px) and desktop (1280 px) width, saved
// under artifacts/screenshots/ (not committed) for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, open, dist, answerAll, screenshot, outcome, assertPrivacy, answerSet } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// A 後援 flow that shows most of what the result can hold: a multi-choice answer, a new
// group, the same partner every time, a checklist partly done.
const ANSWERS = {
  ...answerSet('kyodo'), lead: 'we_host', support: 'name+goods', koen_policy: 'yes', start: 'd', capacity: 'new_group',
  repeat_partner: 'same_always', readiness: 'purpose+plan',
};

for (const [label, width] of [['phone', 375], ['desktop', 1280]]) {
  test(`page states at ${label} width`, async () => {
    const { context, page } = await open(browser, server.url, { width, height: 800 });
    // Each screenshot is taken in the state its name says (asserted first), and checked
    // once written (screenshot(): a fresh PNG as wide as the viewport).
    const hash = () => page.evaluate(() => location.hash);
    assert.equal(await page.locator('.kc-button--start').isVisible(), true);
    await screenshot(page, `${label}-1-start`);
    await page.getByRole('button', { name: '確認を始める' }).click();
    await page.locator('.kc-error-summary').waitFor();
    assert.equal(await page.locator('.kc-error-summary').isVisible(), true);
    await screenshot(page, `${label}-2-start-error`);
    await page.locator('label[for="kc-profile-yoshikawa"]').click();
    await page.getByRole('button', { name: '確認を始める' }).click();
    await page.waitForFunction(() => location.hash === '#/q/role');
    await answerAll(page, ANSWERS, { stopAt: 'idea' });
    await page.locator('details').first().locator('summary').click();
    assert.equal(await hash(), '#/q/idea');
    assert.equal(await page.locator('details').first().evaluate((d) => d.open), true, 'the glossary is open');
    await screenshot(page, `${label}-3-question`);
    await page.getByRole('button', { name: '次へ進む' }).click();
    await page.locator('.kc-error-summary').waitFor();
    assert.equal(await hash(), '#/q/idea', 'the error keeps the question');
    await screenshot(page, `${label}-4-question-error`);
    await answerAll(page, ANSWERS, { stopAt: 'support' });
    assert.equal(await page.locator('.kc input[type=checkbox]').count() > 1, true, 'a multiple-choice question');
    await screenshot(page, `${label}-5-question-multi`);
    await answerAll(page, ANSWERS);
    await page.waitForFunction(() => location.hash === '#/check');
    assert.ok(await page.locator('.kc-summary__row').count() > 10, 'every answer listed');
    await screenshot(page, `${label}-6-check`);
    await page.getByRole('button', { name: 'この内容で結果を見る' }).click();
    await page.locator('.kc-result h1').waitFor();
    assert.equal((await outcome(page)).verdict, 'kyodo');
    await screenshot(page, `${label}-7-result`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.evaluate(() => matchMedia('print').matches), true);
    assert.equal(await page.locator('.kc-keep').isVisible(), false, 'the print layout is on');
    await screenshot(page, `${label}-8-result-print`);
    await context.close();
  });
}

test('privacy held in every context this file opened: no other origin, nothing after load, no storage without opt-in', () => {
  assertPrivacy('screenshots');
});
