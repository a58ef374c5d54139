// Citations you can read: each citation opens the quoted guideline passage in place
// (by mouse and by keyboard; Escape closes; focus returns), other languages show a
// summary beside the city's Japanese, and the sources list every cited passage once;
// the similar cases of the guideline (cases like yours) open their passages the same way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, open, dist, playToResult, switchLanguage, screenshot, assertPrivacy, caseById, answerSet } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// 後援 with a disqualifier (社会的な非難): a finding that cites 第3章 (7) 後援.
const KOEN = caseById('tomakomai_koen_public_criticism').answers;

/** Opens the folded section (details) a locator is in, as a reader would, by its summary. */
async function unfold(locator) {
  const closed = locator.locator('xpath=ancestor::details[not(@open)]/summary');
  while (await closed.count()) await closed.last().click();
}

const activeId = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.className || '');

test('a citation opens its passage by mouse and closes again', async () => {
  const { context, page } = await open(browser, server.url);
  await playToResult(page, 'tomakomai', KOEN);
  const finding = page.locator('.kc-finding[data-finding=koen_dq_criticism]');
  await unfold(finding);
  const button = finding.locator('.kc-cite__button', { hasText: '第3章 (7) 後援' });
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const passage = page.locator(`#${await button.getAttribute('aria-controls')}`);
  assert.equal(await passage.isVisible(), true);
  const text = await passage.innerText();
  assert.match(text, /社会的な非難を受けるおそれがある。/, 'the exact sentence of 第3章(7) is shown');
  assert.match(text, /苫小牧市 協働ガイドライン 第3章 \(7\) 後援/, 'with the document and section');
  assert.equal(await passage.locator('[lang=ja]').count(), 1);
  assert.equal(await activeId(page), await button.getAttribute('aria-controls'), 'focus moved into the passage');
  await screenshot(page, 'citation-open');
  await button.click();
  assert.equal(await passage.count(), 0, 'closed');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await context.close();
});

test('by keyboard: Enter opens, Escape closes, focus returns to the citation', async () => {
  const { context, page } = await open(browser, server.url);
  await playToResult(page, 'tomakomai', KOEN);
  const button = page.locator('.kc-cite__button').first();
  await button.focus();
  await page.keyboard.press('Enter');
  const id = await button.getAttribute('aria-controls');
  await page.locator(`#${id}`).waitFor();
  assert.equal(await activeId(page), id, 'focus is in the passage');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator(`#${id}`).count(), 0, 'Escape closed it');
  assert.equal(await button.evaluate((b) => b === document.activeElement), true, 'focus is back on the citation');
  // Space opens too; the close button closes and returns focus.
  await page.keyboard.press('Space');
  await page.locator(`#${id}`).waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator(`#${id}`).count(), 0);
  assert.equal(await button.evaluate((b) => b === document.activeElement), true);
  await context.close();
});

test('in English and やさしい日本語 the passage stays Japanese with a summary beside it', async () => {
  for (const [name, summary] of [['English', /Summary:/], ['やさしい日本語', /やさしい/]]) {
    const { context, page } = await open(browser, server.url);
    await switchLanguage(page, name);
    await playToResult(page, 'tomakomai', KOEN);
    const button = page.locator('.kc-finding .kc-cite__button').first();
    await unfold(button);
    await button.click();
    const passage = page.locator(`#${await button.getAttribute('aria-controls')}`);
    assert.equal(await passage.locator('.kc-passage__quote').getAttribute('lang'), 'ja');
    assert.match(await passage.locator('.kc-passage__quote').innerText(), /[\u3040-\u30ff\u4e00-\u9fff]/, 'the quote is the Japanese original');
    assert.match(await passage.locator('.kc-passage__summary').innerText(), summary);
    await screenshot(page, `citation-open-${name === 'English' ? 'en' : 'ja-easy'}`);
    await context.close();
  }
});

test('the sources list every cited passage once, in the order first cited', async () => {
  const { context, page } = await open(browser, server.url);
  await playToResult(page, 'tomakomai', KOEN);
  const items = page.locator('.kc-sources__item');
  await unfold(items.first());
  const labels = await items.locator('.kc-passage__source').allInnerTexts();
  assert.ok(labels.length > 5);
  assert.equal(new Set(labels).size, labels.length, 'each passage once');
  const firstCited = await page.locator('.kc-panel .kc-cite__button').first().innerText();
  assert.equal(labels[0], firstCited, 'the verdict’s first citation comes first');
  const listed = await page.locator('#kc-r8').innerText(); // the folded section 出典
  assert.match(listed, /社会的な非難を受けるおそれがある。/, 'the passages are listed with their text');
  assert.match(listed, /苫小牧市「協働ガイドライン」（総合政策部政策推進室市民自治推進課、平成26年3月）/, 'the document is named in full');
  // Every citation on the page is among them.
  const cited = new Set(await page.locator('.kc-result .kc-cite__button').allTextContents());
  assert.deepEqual([...cited].filter((c) => !labels.includes(c.trim())), [], 'nothing cited is missing from the sources');
  await context.close();
});

/** The ids of the similar cases the result lists, in order. */
const exampleIds = (block) => block.locator('[data-example]').evaluateAll((els) => els.map((e) => e.dataset.example));

test('cases like yours: the guideline’s own cases of the top form, folded, each citation opening in place', async () => {
  // 苫小牧市 第5章 (5), a talk co-hosted with the neighbourhood associations: 第5章's 共催 cases.
  const talk = caseById('tomakomai_ch5_05_machizukuri_talk');
  const { context, page } = await open(browser, server.url);
  await playToResult(page, talk.profile, talk.answers);
  const block = page.locator('.kc-result [data-section=similar]');
  assert.equal(await block.count(), 1);
  assert.equal(await block.evaluate((d) => d.tagName === 'DETAILS' && !d.open), true, 'folded');
  assert.notEqual((await block.locator('.kc-fold__gist').innerText()).trim(), '', 'with its gist while folded');
  // Under the summary, right after the forms.
  assert.equal(await page.locator('#kc-r2 + [data-section=similar]').count(), 1, 'after the forms section');
  await block.locator('summary').click();
  assert.deepEqual(await exampleIds(block), ['machizukuri_talk', 'pc_class']);
  const item = block.locator('[data-example=pc_class]');
  const button = item.locator('.kc-cite__button');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const passage = page.locator(`#${await button.getAttribute('aria-controls')}`);
  assert.equal(await passage.isVisible(), true);
  assert.equal(await item.locator('.kc-passage').count(), 1, 'the passage opens in place, inside the case');
  assert.match(await passage.locator('.kc-passage__quote[lang=ja]').innerText(), /障がい者団体との共催/, 'the guideline’s own sentence of 第5章 (14)');
  assert.equal(await activeId(page), await button.getAttribute('aria-controls'), 'focus moved into the passage');
  await page.keyboard.press('Escape');
  assert.equal(await passage.count(), 0, 'Escape closed it');
  await context.close();

  // In English the same cases, and the general profile names each case's city.
  const en = await open(browser, server.url);
  await switchLanguage(en.page, 'English');
  await playToResult(en.page, talk.profile, talk.answers);
  assert.deepEqual(await exampleIds(en.page.locator('[data-section=similar]')), ['machizukuri_talk', 'pc_class']);
  await en.context.close();
  const general = await open(browser, server.url);
  await playToResult(general.page, 'general', answerSet('kyodo'));
  const ids = await exampleIds(general.page.locator('[data-section=similar]'));
  assert.ok(ids.length > 0, 'the common guideline lists the cities’ cases');
  for (const id of ids) assert.match(id, /^(tomakomai|yoshikawa|tachikawa|muroran)_/, `${id} names its city`);
  await general.context.close();

  // Not 協働 (後援 for profit): no form is shown, so no similar case either.
  const profit = caseById('tomakomai_koen_for_profit');
  const none = await open(browser, server.url);
  await playToResult(none.page, profit.profile, profit.answers);
  assert.equal(await none.page.locator('.kc-result').getAttribute('data-verdict'), 'excluded');
  assert.equal(await none.page.locator('[data-section=similar]').count(), 0);
  await none.context.close();
});

test('the counter’s record lists the similar cases with their sections', async () => {
  const talk = caseById('tomakomai_ch5_13_cleanup_supporter');
  const { context, page } = await open(browser, `${server.url}?mode=counter`);
  await playToResult(page, talk.profile, talk.answers);
  const line = page.locator('.kc-trace [data-record=similar]');
  assert.equal(await line.count(), 1);
  assert.equal(await line.isVisible(), false, 'on paper only');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await line.isVisible(), true, 'printed on the 相談記録票');
  assert.match(await line.innerText(), /第5章 \(13\)/, 'each case with its section');
  await page.emulateMedia({ media: 'screen' });
  await context.close();
});

test('privacy held in every context this file opened: no other origin, nothing after load, no storage without opt-in', () => {
  assertPrivacy('citations');
});
