// The content file (issue #20): the wasm carries only the shell; the rest comes in one
// file the embed settings name. Until it is here, the start page (a city's, rendered at
// build time; the chooser's, from the shell) works and a click and a city chosen are
// kept; a step asked for early waits calmly. A file that is missing, truncated, from
// another build, another city's, or not a content file at all gives a calm message with
// the counter's contact and a retry that works, never a blank page or a panic; the
// console names the file and the fix for the web team.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, dist, assertPrivacy, expectErrors, screenshot, LANGS, axe, holdResponses } from './helpers.mjs';

let server, browser;
before(async () => {
  server = await serve(dist);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  assertPrivacy('content.test.mjs');
});

/** The bytes of a profile's content file in this build (`all` for the chooser's). */
const bytes = (stem) => {
  const dir = path.join(dist, 'content');
  const name = fs.readdirSync(dir).find((f) => new RegExp(`^${stem}\\.[0-9a-f]{16}\\.bin$`).test(f));
  assert.ok(name, `content/${stem}.<hash>.bin in the build`);
  return fs.readFileSync(path.join(dir, name));
};
const fileOf = (stem) => new RegExp(`/content/${stem}\\.[0-9a-f]{16}\\.bin$`);

/** Holds a content file's response until `release()` (a slow network, made certain). */
const hold = (page, stem) => holdResponses(page, fileOf(stem));

const BROKEN = [
  { name: 'missing (404)', problem: 'missing', reply: () => ({ status: 404, body: 'not found' }), console: [/Failed to load resource.*404/] },
  { name: 'truncated', problem: 'damaged', reply: () => { const b = bytes('yoshikawa'); return { status: 200, body: b.subarray(0, b.length >> 1) }; } },
  { name: 'from another build', problem: 'other-build', reply: () => { const b = Buffer.from(bytes('yoshikawa')); b[4] ^= 0xff; return { status: 200, body: b }; } },
  { name: "another city's", problem: 'other-profile', reply: () => ({ status: 200, body: bytes('tachikawa') }) },
  { name: 'an error page served as 200', problem: 'not-content', reply: () => ({ status: 200, body: '<!doctype html><title>Not found</title><p>Not found</p>' }) },
];

for (const b of BROKEN) {
  test(`a content file that is ${b.name}: a calm message with the counter and a retry that works`, async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    expectErrors(context, /協働チェック: content\/yoshikawa\.[0-9a-f]{16}\.bin .*Upload the whole dist\/ folder/, ...(b.console ?? []));
    const page = await context.newPage();
    let broken = true;
    await page.route(fileOf('yoshikawa'), (route) => (broken ? route.fulfill({ contentType: 'application/octet-stream', ...b.reply() }) : route.continue()));
    await page.goto(`${server.url}?city=yoshikawa`);
    // The start page stays usable and says what happened, with the counter's phone.
    const problem = page.locator(`.kc-load-problem[data-problem="${b.problem}"]`);
    await problem.waitFor();
    assert.equal(await page.locator('.kc h1').count(), 1, 'the start page keeps its heading');
    assert.equal(await problem.getAttribute('role'), 'alert');
    assert.equal(await problem.locator('[data-contact="phone"] a[href^="tel:"]').count(), 1, "the counter's phone");
    assert.equal(await page.locator('.kc-button--start').count(), 0, 'the retry is the one thing to do');
    if (b.problem === 'missing') await screenshot(page, 'content-missing-start-375');
    // A step asked for meanwhile (a bookmark) says the same on a page of its own.
    await page.evaluate(() => { location.hash = '#/q/role'; });
    await page.locator('main[data-loading="failed"] h1').waitFor();
    assert.equal(await page.locator('main[data-loading="failed"] .kc-load-problem').count(), 1);
    // Once the file can be read, the retry carries on to the step asked for.
    broken = false;
    await page.locator('[data-action="retry"]').click();
    await page.locator('form[data-question="role"]').waitFor();
    await context.close();
  });
}

test("a city's own page: the start page is up before its content file, and a click made meanwhile is kept", async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  const release = await hold(page, 'tomakomai');
  await page.goto(`${server.url}tomakomai/ja/`);
  await page.locator('.kc h1').waitFor();
  await page.locator('.kc-button--start').click();
  await page.waitForFunction(() => document.getElementById('kyodo-check').dataset.kcStart === 'pending');
  assert.equal(await page.locator('form[data-question]').count(), 0, 'still the start page');
  release();
  await page.locator('form[data-question="role"]').waitFor();
  await context.close();
});

test('the chooser: every profile offered before the content arrives; the choice and the click are kept', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const release = await hold(page, 'all');
  await page.goto(server.url);
  const radios = page.locator('input[name="kc-profile"]');
  await radios.first().waitFor();
  assert.ok((await radios.count()) >= 6, 'every profile, from the wasm alone');
  const name = (await page.locator('label[for="kc-profile-muroran"]').textContent()).trim();
  await page.locator('label[for="kc-profile-muroran"]').click();
  await page.locator('.kc-button--start').click();
  await page.locator('.kc-button--start[data-waiting="true"]').waitFor();
  release();
  await page.locator('form[data-question="role"]').waitFor();
  assert.equal((await page.locator('.kc-header__profile').textContent()).trim(), name, 'the city chosen before the content came');
  await context.close();
});

test('a step asked for before the content arrives waits calmly, then shows', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  const release = await hold(page, 'all');
  await page.goto(`${server.url}#/accessibility`);
  const waiting = page.locator('main[data-loading="pending"][aria-busy="true"] h1');
  await waiting.waitFor();
  release();
  await page.locator('main:not([data-loading]) h1').waitFor();
  assert.equal(await page.evaluate(() => location.hash), '#/accessibility', 'the step asked for');
  await context.close();
});

test('leaving the page while its content file loads is no error: the browser cancels it, the console stays quiet', async () => {
  // A reload (or a link) before the file is here: the browser cancels the request. That
  // is no fault of the city's files, so the web team is not told it is (the watch fails
  // the context on any console error).
  const context = await browser.newContext();
  const page = await context.newPage();
  const release = await hold(page, 'all');
  await page.goto(server.url);
  await page.locator('.kc h1').waitFor(); // the chooser, from the shell; its file held
  const cancelled = page.waitForEvent('requestfailed', (r) => fileOf('all').test(r.url()));
  await page.reload();
  await cancelled;
  release();
  await page.locator('label[for="kc-profile-tomakomai"]').click();
  await page.locator('.kc-button--start').click();
  await page.locator('form[data-question]').waitFor(); // the reloaded page has its file
  await context.close();
});

test('the waiting and the failure pages pass axe in every language', async () => {
  const problems = [];
  let states = 0;
  for (const { code: lang } of LANGS) {
    // bypassCSP only so the test can inject axe-core; the widget's own policy is tested elsewhere.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 375, height: 812 } });
    expectErrors(context, /協働チェック: content\/(all|yoshikawa)\./, /Failed to load resource.*404/);
    const page = await context.newPage();
    // The chooser (no city): waiting, then the file with every city is missing.
    let release;
    const gate = new Promise((r) => { release = r; });
    await page.route(fileOf('all'), async (route) => { await gate; return route.fulfill({ status: 404, body: 'not found' }); });
    await page.goto(`${server.url}?lang=${lang}#/accessibility`);
    await page.locator('main[data-loading="pending"] h1').waitFor();
    problems.push(...(await axe(page, `${lang} waiting`)));
    release();
    await page.locator('main[data-loading="failed"] .kc-load-problem').waitFor();
    problems.push(...(await axe(page, `${lang} failed, a step`)));
    await page.evaluate(() => { location.hash = '#/'; });
    await page.locator('.kc-main .kc-load-problem').waitFor();
    problems.push(...(await axe(page, `${lang} failed, the chooser's start page`)));
    // A city's page: the counter's contact in the message.
    await page.route(fileOf('yoshikawa'), (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${server.url}yoshikawa/${lang}/`);
    await page.locator('[data-kc-running] .kc-load-problem [data-contact="phone"]').waitFor();
    problems.push(...(await axe(page, `${lang} failed, a city's start page`)));
    states += 4;
    await context.close();
  }
  assert.equal(states, 12);
  assert.deepEqual(problems, []);
});
