// Screenshots of each page state at phone (375 px) and desktop (1280 px) width, saved
// under artifacts/screenshots/ (not committed) for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, open, dist, answerAll, screenshot, assertPrivacy } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const ANSWERS = {
  role: 'npo', idea: 'together', partner: 'city', purpose: 'public', open_to: 'anyone', synergy: 'yes',
  risks: 'none', subject: 'event', lead: 'we_host', support: 'name+goods', duration: 'once', start: 'd',
  capacity: 'new_group', why_partner: 'strengths', repeat_partner: 'same_always', readiness: 'purpose+plan',
};

for (const [label, width] of [['phone', 375], ['desktop', 1280]]) {
  test(`page states at ${label} width`, async () => {
    const { context, page } = await open(browser, server.url, { width, height: 800 });
    await screenshot(page, `${label}-1-start`);
    await page.getByRole('button', { name: '確認を始める' }).click();
    await page.locator('.kc-error-summary').waitFor();
    await screenshot(page, `${label}-2-start-error`);
    await page.locator('label[for="kc-profile-yoshikawa"]').click();
    await page.getByRole('button', { name: '確認を始める' }).click();
    await page.waitForFunction(() => location.hash === '#/q/role');
    await answerAll(page, ANSWERS, { stopAt: 'idea' });
    await page.locator('details').first().locator('summary').click();
    await screenshot(page, `${label}-3-question`);
    await page.getByRole('button', { name: '次へ進む' }).click();
    await page.locator('.kc-error-summary').waitFor();
    await screenshot(page, `${label}-4-question-error`);
    await answerAll(page, ANSWERS, { stopAt: 'support' });
    await screenshot(page, `${label}-5-question-multi`);
    await answerAll(page, ANSWERS);
    await page.waitForFunction(() => location.hash === '#/check');
    await screenshot(page, `${label}-6-check`);
    await page.getByRole('button', { name: 'この内容で結果を見る' }).click();
    await page.locator('.kc-result h1').waitFor();
    await screenshot(page, `${label}-7-result`);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, `${label}-8-result-print`);
    assert.ok(true);
    await context.close();
  });
}

test('privacy held in every context this file opened: no other origin, nothing after load, no storage without opt-in', () => {
  assertPrivacy('screenshots');
});
