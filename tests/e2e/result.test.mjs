// End-to-end: the result as its users meet it (issue #19). On a 375 × 812 phone, in each
// language, the next steps and the counter's contact start within the first screens and
// the whole summary fits in three; the details are folded and open from the keyboard;
// each printout fits its pages (rendered to PNG in artifacts/print/ for people to look
// at); the counter's workspace comes first for staff; the host can hide the staff toggle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from './server.mjs';
import { launch, open, dist, root, LANGS, caseById, playToResult, outcome, expectedIds, screenshot, assertPrivacy } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertPrivacy('result.test.mjs'); });

const SCREEN = 812;
const printDir = path.join(root, 'artifacts', 'print');
// A complete 協働 flow with every section on the result (吉川市: start types, contact printed).
const FULL = caseById('yoshikawa_npo_forum');

async function positions(page) {
  return page.evaluate(() => {
    const y = (s) => { const e = document.querySelector(s); return e ? Math.round(e.getBoundingClientRect().top + scrollY) : null; };
    return { next: y('#kc-next'), contact: y('#kc-contact'), details: y('#kc-details'), trace: y('#kc-trace'), notes: y('#kc-notes'), height: document.documentElement.scrollHeight };
  });
}

/** Prints the page to A4 as Chromium does, renders each page to PNG, returns the page count. */
async function printPages(page, name) {
  fs.mkdirSync(printDir, { recursive: true });
  const pdf = path.join(printDir, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(printDir, name)]);
  return Number(execFileSync('pdfinfo', [pdf]).toString().match(/Pages:\s+(\d+)/)[1]);
}

for (const lang of LANGS) {
  test(`${lang.code}: on a phone the summary comes first, and the citizen's printout fits`, async () => {
    const { context, page, errors } = await open(browser, `${server.url}?city=yoshikawa&lang=${lang.code}`, { width: 375, height: SCREEN });
    await playToResult(page, 'yoshikawa', FULL.answers);
    const { want, have } = expectedIds(FULL.expect, await outcome(page));
    assert.deepEqual(have, want);
    const p = await positions(page);
    console.log(`${lang.code} 375 px: next steps at ${p.next}, contact at ${p.contact}, details at ${p.details}, page ${p.height} px`);
    if (lang.code === 'ja') {
      assert.ok(p.next < 2 * SCREEN && p.contact < 2 * SCREEN, `next steps and contact within two screens: ${JSON.stringify(p)}`);
    }
    assert.ok(p.details < 3 * SCREEN, `the summary fits in three screens: ${JSON.stringify(p)}`);
    assert.ok(p.next < p.details && p.contact < p.details, 'next steps and contact are in the summary');
    // Every section after the summary is folded, with its gist in view.
    const folds = await page.locator('.kc-result-details details.kc-fold').count();
    assert.ok(folds >= 5, `${folds} folded sections`);
    assert.equal(await page.locator('.kc-result-details details.kc-fold[open]').count(), 0);
    assert.equal(await page.locator('.kc-result-details .kc-fold__gist').count(), folds);
    await screenshot(page, `result-summary-375-${lang.code}`);
    const pages = await printPages(page, `citizen-${lang.code}`);
    assert.ok(pages <= (lang.code === 'ja' ? 1 : 2), `the citizen's printout in ${lang.code} is ${pages} A4 page(s)`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${lang.code}: the counter's workspace comes first and its record fits two pages`, async () => {
    const { context, page, errors } = await open(browser, `${server.url}?city=yoshikawa&lang=${lang.code}&mode=counter`, { width: 1280, height: 900 });
    await playToResult(page, 'yoshikawa', FULL.answers);
    const p = await positions(page);
    console.log(`${lang.code} counter 1280 px: notes at ${p.notes}, trace at ${p.trace}`);
    assert.ok(p.notes < 900, `the notes are on the first screen: ${p.notes}`);
    assert.ok(p.notes < p.trace && p.trace < p.details, 'notes, then the trace, then the details');
    assert.equal(await page.locator('#kc-staff-bar [data-jump]').count(), 3, 'jump links to the trace, the notes and sharing');
    assert.ok(await page.locator('#kc-staff-bar [data-score]').count() > 0, 'the form scores in the staff bar');
    // A jump link moves focus to its section without touching the route.
    await page.locator('#kc-staff-bar [data-jump=kc-trace]').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'kc-trace');
    assert.equal(await page.evaluate(() => location.hash), '#/result');
    // The trace names each passage once, as a citation that opens in place.
    assert.equal(await page.locator('.kc-trace blockquote').count(), 0, 'no passage quoted in the trace');
    assert.ok(await page.locator('.kc-trace .kc-cite__button').count() > 0);
    await page.locator('#kc-notes-text').fill('次回は企画書を持参。');
    await screenshot(page, `result-counter-1280-${lang.code}`);
    const pages = await printPages(page, `counter-${lang.code}`);
    assert.ok(pages <= 2, `the 相談記録票 in ${lang.code} is ${pages} A4 pages`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the folded details open and close from the keyboard, one at a time', async () => {
  const { context, page, errors } = await open(browser, `${server.url}?city=yoshikawa`, { width: 375, height: SCREEN });
  await playToResult(page, 'yoshikawa', FULL.answers);
  const first = page.locator('.kc-result-details details.kc-fold').first();
  await first.locator('summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await first.evaluate((d) => d.open), true, 'Enter opens a section');
  assert.ok(await first.locator('[data-finding]').count() > 0, 'its findings are shown');
  await page.keyboard.press('Space');
  assert.equal(await first.evaluate((d) => d.open), false, 'Space closes it');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a copied link and a saving choice are confirmed beside their controls', async () => {
  const { context, page, errors } = await open(browser, `${server.url}?city=yoshikawa`, { width: 375, height: SCREEN, permissions: ['clipboard-read', 'clipboard-write'] });
  await playToResult(page, 'yoshikawa', FULL.answers);
  await page.locator('.kc-share button').click();
  const status = page.locator('#kc-copy-status');
  await page.locator('#kc-copy-status[data-notice=copied]').waitFor();
  assert.equal(await status.getAttribute('role'), 'status', 'announced');
  const [button, shown] = await Promise.all([page.locator('.kc-share button').boundingBox(), status.boundingBox()]);
  assert.ok(Math.abs(shown.y - button.y) < 120, `the confirmation is beside the button (${button.y} / ${shown.y})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('data-staff="hide" keeps the staff toggle off a public page; mode=counter still opens it', async () => {
  const hidden = await open(browser, `${server.url}?city=tomakomai&staff=hide`, { width: 375, height: SCREEN });
  assert.equal(await hidden.page.locator('.kc-mode').count(), 0);
  await hidden.context.close();
  // The header stays at most 80 px tall at 375 px in every language, the toggle in it.
  for (const lang of LANGS) {
    const shown = await open(browser, `${server.url}?city=tomakomai&lang=${lang.code}`, { width: 375, height: SCREEN });
    assert.equal(await shown.page.locator('.kc-mode').count(), 1);
    const header = await shown.page.locator('.kc-header').boundingBox();
    assert.ok(header.height <= 80, `the header is ${header.height} px tall at 375 px in ${lang.code}`);
    await shown.context.close();
  }
  const staff = await open(browser, `${server.url}?city=tomakomai&staff=hide&mode=counter`, { width: 1280, height: 900 });
  await playToResult(staff.page, 'tomakomai', FULL.answers);
  assert.equal(await staff.page.locator('#kc-staff-bar').count(), 1, 'counter mode from the address');
  await staff.context.close();
});

test('every question shows its place in the flow, and a shortening branch says so', async () => {
  const { context, page } = await open(browser, `${server.url}?city=yoshikawa`, { width: 375, height: SCREEN });
  await page.locator('.kc-button--start').click();
  await page.locator('#kc-progress').waitFor();
  const first = await page.locator('#kc-progress').textContent();
  const [n1, t1] = first.match(/\d+/g).map(Number);
  assert.equal(n1, 1);
  assert.ok(t1 > 5, first);
  await page.locator('label[for="kc-role-individual"]').click();
  await page.locator('.kc form button[type=submit]').click();
  await page.waitForFunction(() => location.hash === '#/q/idea');
  await page.locator('label[for="kc-idea-join"]').click();
  // Going back to the question shows the shorter flow once "join" was chosen.
  await page.locator('.kc form button[type=submit]').click();
  await page.waitForFunction(() => location.hash === '#/check');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/q/idea');
  const [n2, t2] = (await page.locator('#kc-progress').textContent()).match(/\d+/g).map(Number);
  assert.deepEqual([n2, t2], [2, 2], 'the participant flow ends at the second question');
  await context.close();
});
