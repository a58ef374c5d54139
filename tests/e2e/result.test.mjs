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
// The 相談記録票's fields as staff type them into the notes (ids kc-notes-<field>), in the
// order the record prints them.
const RECORD = {
  date: '2026-11-22', section: '市民参加推進課', person: '吉川 花子', group: 'NPO法人 よしかわ森の会',
  contact: '048-000-0000 hanako@example.jp', staff: '協働 太郎', next: '12月5日 企画書を持参',
};

/**
 * The record's fields as the printed sheet shows them (print media): field, the value
 * it holds (data-value) and the text printed for it, its line, whether it is shown.
 */
async function sheetFields(page) {
  await page.emulateMedia({ media: 'print' });
  const fields = await page.locator('.kc-sheet-fields [data-field]').evaluateAll((els) => els.map((e) => ({
    field: e.dataset.field, value: e.querySelector('[data-value]').dataset.value, printed: e.querySelector('[data-value]').innerText,
    line: getComputedStyle(e).borderBottomStyle, shown: e.getBoundingClientRect().height > 0,
  })));
  await page.emulateMedia({ media: 'screen' });
  return fields;
}
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
  // No page left over from an earlier, longer run.
  for (const f of fs.readdirSync(printDir).filter((f) => new RegExp(`^${name}-\\d+\\.png$`).test(f))) fs.rmSync(path.join(printDir, f));
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
    // Nothing typed yet: each of the record's fields prints as a line to fill in by hand.
    const blank = await sheetFields(page);
    assert.deepEqual(blank.map((f) => f.field), Object.keys(RECORD), 'the record lists its fields');
    for (const f of blank) assert.ok(f.shown && f.value === '' && f.printed === '' && f.line === 'solid', `${f.field} prints as an empty line: ${JSON.stringify(f)}`);
    // Typed into the notes, each field is labelled and printed filled in.
    for (const [field, value] of Object.entries(RECORD)) {
      const input = page.locator(`#kc-notes-${field}`);
      assert.equal(await page.locator(`label[for="kc-notes-${field}"]`).count(), 1, `${field} has its label`);
      await input.fill(value);
    }
    await page.locator('#kc-notes-text').fill('次回は企画書を持参。');
    const filled = await sheetFields(page);
    assert.deepEqual(Object.fromEntries(filled.map((f) => [f.field, f.value])), RECORD, 'the printed record holds what was typed');
    for (const f of filled) {
      assert.ok(f.shown, `${f.field} is on paper`);
      // The date in the language's own format (as the sheet's other date), the rest as typed.
      if (f.field === 'date') assert.ok(/2026\D+11\D+22|22\D+11\D+2026/.test(f.printed) && f.printed !== RECORD.date, `the date as ${lang.code} writes it: ${f.printed}`);
      else assert.equal(f.printed, RECORD[f.field], `${f.field} printed as typed`);
    }
    // The visitor's details never go into the link, not even with the notes included.
    await page.locator('label[for="kc-notes-in-link"]').click();
    const link = await page.locator('#kc-share-link').inputValue();
    assert.equal(link.split('!').length, 5, 'the notes were included');
    const inLink = decodeURIComponent(link.split('!')[4]);
    assert.ok(inLink.includes(RECORD.section) && inLink.includes('次回は企画書を持参。'), `the section and the advice travel: ${inLink}`);
    for (const field of ['person', 'group', 'contact', 'staff', 'next']) {
      assert.ok(!inLink.includes(RECORD[field]), `${field} is not in the link: ${inLink}`);
    }
    await page.locator('label[for="kc-notes-in-link"]').click();
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
