// The start page rendered at build time (issue #20: src/bin/prerender.rs, yew's
// server-side rendering, put into <city>/<lang>/index.html and embed/ by the post-build
// hook). It is on screen and readable before any wasm arrives; when the widget starts it
// takes the page over with no frame without its heading, keeping the city chosen, the
// focus and a click on the start button made meanwhile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, dist, assertPrivacy, screenshot, PROFILES, expectErrors, holdResponses, axe } from './helpers.mjs';

const LANGS = ['ja', 'ja-easy', 'en'];
let server, browser;
before(async () => {
  // A host page with the build's own snippet for a direct mount, as a CMS would hold it.
  const snippet = fs.readFileSync(path.join(dist, 'embed', 'yoshikawa.ja.html'), 'utf8');
  const host = '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>市のページ</title></head>'
    + `<body><main><h1>吉川市のページ</h1>${snippet}</main></body></html>`;
  server = await serve(dist, { extra: { '/shisei/snippet.html': ['text/html; charset=utf-8', host] } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  assertPrivacy('prerender.test.mjs');
});

/** Holds every wasm response until `release()`: the page as it is before the wasm. */
const holdWasm = (page) => holdResponses(page, /_bg\.wasm$/);

/** Counts the animation frames in which the page had no widget heading, from the first that had one. */
const frameWatch = () => {
  window.__kcFrames = { with: 0, without: 0 };
  const tick = () => {
    const has = !!document.querySelector('#kyodo-check .kc h1');
    if (has) window.__kcFrames.with++;
    else if (window.__kcFrames.with) window.__kcFrames.without++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

test('every city and language has its start page in the HTML itself, readable without any script', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  for (const city of [...PROFILES, 'all']) {
    for (const lang of LANGS) {
      await page.goto(`${server.url}${city}/${lang}/`);
      const h1 = page.locator('#kyodo-check[data-prerendered] .kc h1');
      assert.equal(await h1.count(), 1, `${city}/${lang}: the heading`);
      assert.ok(await h1.isVisible(), `${city}/${lang}: styled and visible`);
      assert.equal(await page.locator('.kc-button--start').count(), 1, `${city}/${lang}: the start button`);
      assert.equal(await page.locator('html').getAttribute('lang'), lang === 'en' ? 'en' : 'ja', `${city}/${lang}: <html lang>`);
      assert.equal(await page.locator('#kyodo-check').getAttribute('data-lang'), lang);
      assert.equal(await page.locator('#kyodo-check').getAttribute('data-city'), city === 'all' ? null : city);
      assert.equal(await page.locator('input[name="kc-profile"]').count() > 0, city === 'all', `${city}/${lang}: the chooser only where no city is set`);
      assert.notEqual(await page.title(), '協働チェック', `${city}/${lang}: the step in the title`);
      // A click does nothing by itself (method=dialog): no reload, nothing in the URL.
      const before = page.url();
      await page.locator('.kc-button--start').click();
      assert.equal(page.url(), before);
    }
  }
  await page.goto(`${server.url}tomakomai/ja-easy/`);
  await screenshot(page, 'prerendered-tomakomai-ja-easy-375-noscript');
  await context.close();
});

test('the city page: visible before the wasm, then taken over with no frame without its heading, and a click made meanwhile is kept', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  await page.addInitScript(frameWatch);
  const release = await holdWasm(page);
  await page.goto(`${server.url}tomakomai/ja/`);
  await page.locator('#kyodo-check .kc h1').waitFor();
  await screenshot(page, 'prerendered-tomakomai-ja-375-before-wasm');
  assert.equal(await page.locator('.kc-hint[role="status"]').textContent(), '', 'no hint before a click');
  await page.locator('.kc-button--start').click();
  await page.waitForFunction(() => document.getElementById('kyodo-check').dataset.kcStart === 'pending');
  // Said on screen at once, with the widget's own hint (in a status, for a screen reader).
  const hint = page.locator('.kc-hint[role="status"]');
  assert.ok(await hint.isVisible(), 'the hint is shown');
  assert.equal((await hint.innerHTML()).trim(), (await page.locator('template[data-kc-waiting]').innerHTML()).trim());
  assert.notEqual((await hint.textContent()).trim(), '');
  assert.equal(await page.locator('#kc-start').getAttribute('data-waiting'), 'true');
  await screenshot(page, 'prerendered-tomakomai-ja-375-click-kept');
  release();
  await page.locator('form[data-question="role"]').waitFor();
  const frames = await page.evaluate(() => window.__kcFrames);
  assert.equal(frames.without, 0, `no frame without the heading (${JSON.stringify(frames)})`);
  assert.equal(await page.locator('#kyodo-check').getAttribute('data-kc-start'), null, 'the kept click is used once');
  await context.close();
});

test('the chooser page: a city chosen and the focus before the wasm are kept', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(frameWatch);
  const release = await holdWasm(page);
  await page.goto(`${server.url}all/ja/`);
  await page.locator('label[for="kc-profile-muroran"]').click();
  await page.locator('#kc-profile-muroran').focus();
  const scroll = await page.evaluate(() => { window.scrollTo(0, 120); return window.scrollY; });
  release();
  // The widget's own render: the header names the city once it is chosen in the store.
  await page.locator('.kc-header__profile').waitFor();
  await page.waitForTimeout(300); // past the first step's focus (after paint)
  assert.ok(await page.locator('#kc-profile-muroran').isChecked(), 'the city chosen is still chosen');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'kc-profile-muroran', 'focus where the visitor put it');
  assert.equal(await page.evaluate(() => window.scrollY), scroll, 'the page did not move');
  const frames = await page.evaluate(() => window.__kcFrames);
  assert.equal(frames.without, 0, `no frame without the heading (${JSON.stringify(frames)})`);
  await page.locator('.kc-button--start').click();
  await page.locator('form[data-question="role"]').waitFor();
  await context.close();
});

test('a language and 職員モード chosen in the header before the wasm are shown at once and kept', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  const release = await holdWasm(page);
  await page.goto(`${server.url}muroran/ja/`);
  await page.locator('#kc-lang-ja-easy').click();
  await page.locator('#kc-lang-en').click();
  assert.equal(await page.locator('#kc-lang-en').getAttribute('aria-pressed'), 'true', 'pressed at once');
  assert.equal(await page.locator('.kc-lang__button[aria-pressed="true"]').count(), 1);
  await page.locator('#kc-mode').click();
  assert.equal(await page.locator('#kc-mode').getAttribute('aria-pressed'), 'true');
  await page.locator('#kc-lang-en').focus();
  release();
  await page.locator('#kyodo-check[data-kc-running] .kc[lang="en"] h1').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the page follows the language chosen');
  assert.equal(await page.locator('#kc-lang-en').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#kc-mode').getAttribute('aria-pressed'), 'true', '職員モード kept');
  await page.waitForTimeout(300); // past the first step's focus (after paint)
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'kc-lang-en', 'focus where the visitor put it');
  for (const a of ['data-kc-chosen-lang', 'data-kc-chosen-mode']) assert.equal(await page.locator('#kyodo-check').getAttribute(a), null, `${a} read once`);
  // The widget's own buttons from now on, and its counter mode in the flow.
  await page.locator('#kc-lang-ja').click();
  await page.locator('.kc[lang="ja"] h1').waitFor();
  await page.locator('.kc-button--start').click();
  await page.locator('form[data-question="role"]').waitFor();
  await context.close();
});

test('the chooser page: a click before the wasm with no city chosen gets no hint, then the question for a city', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  const release = await holdWasm(page);
  await page.goto(`${server.url}all/en/`);
  await page.locator('.kc-button--start').click();
  await page.waitForFunction(() => document.getElementById('kyodo-check').dataset.kcStart === 'pending');
  assert.equal(await page.locator('.kc-hint[role="status"]').textContent(), '', 'no promise to move on by itself');
  release();
  await page.locator('#kyodo-check[data-kc-running] .kc-error-summary').waitFor();
  assert.ok(await page.locator('.kc-error-summary a[href^="#kc-profile-"]').count() > 0, 'the error links to the chooser');
  assert.equal(await page.locator('form[data-question]').count(), 0, 'still on the start page');
  await page.locator('label[for="kc-profile-muroran"]').click();
  await page.locator('.kc-button--start').click();
  await page.locator('form[data-question="role"]').waitFor();
  await context.close();
});

test("a host page with the build's snippet shows the start page before the wasm and works", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const release = await holdWasm(page);
  await page.goto(`${server.origin}/shisei/snippet.html`);
  const h1 = page.locator('#kyodo-check .kc h1');
  await h1.waitFor();
  assert.ok(await h1.isVisible(), 'styled by the snippet\'s own stylesheet link');
  assert.equal(await page.title(), '市のページ', "the host's title is left alone");
  release();
  await page.locator('.kc-button--start').click();
  await page.locator('form[data-question="role"]').waitFor();
  await context.close();
});

test('a city page whose content file is missing: the start page stays, with the calm message and a retry that works', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  expectErrors(context, /協働チェック: content\/yoshikawa\.[0-9a-f]{16}\.bin answered HTTP 404/, /Failed to load resource.*404/);
  const page = await context.newPage();
  let broken = true;
  await page.route(/\/content\/yoshikawa\.[0-9a-f]{16}\.bin$/, (route) => (broken ? route.fulfill({ status: 404, body: 'not found' }) : route.continue()));
  await page.goto(`${server.url}yoshikawa/ja/`);
  await page.locator('#kyodo-check[data-kc-running] .kc-load-problem[data-problem="missing"]').waitFor();
  assert.equal(await page.locator('.kc h1').count(), 1, 'the start page keeps its heading');
  assert.equal(await page.locator('[data-contact="phone"] a[href^="tel:"]').count(), 1, "the counter's phone");
  broken = false;
  await page.locator('[data-action="retry"]').click();
  await page.locator('.kc-button--start').click();
  await page.locator('form[data-question="role"]').waitFor();
  await context.close();
});

test('a click after the wasm has started but before the content file has come is kept too', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  let release;
  const gate = new Promise((r) => { release = r; });
  let asked = 0;
  await page.route(/\/content\/muroran\.[0-9a-f]{16}\.bin$/, async (route) => { asked++; await gate; await route.continue(); });
  await page.goto(`${server.url}muroran/ja/`);
  // The wasm has arrived and run: its glue has called init (the wasm's own fetch is
  // served by the loader's preload, so wait for the module instead).
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /_bg\.wasm$/.test(e.name) && e.responseEnd > 0));
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#kyodo-check').getAttribute('data-kc-running'), null, 'still waiting for the content file');
  assert.ok(asked >= 1, 'the content file was asked for');
  await page.locator('.kc-button--start').click();
  await page.waitForFunction(() => document.getElementById('kyodo-check').dataset.kcStart === 'pending');
  release();
  await page.locator('form[data-question="role"]').waitFor();
  await context.close();
});

test('leaving a city page while its code loads is no error; code that cannot be loaded is named for the web team', async () => {
  // A reload before the wasm is here: the browser cancels it, and nothing is reported
  // (the watch fails the context on any page or console error).
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    const release = await holdWasm(page);
    await page.goto(`${server.url}tachikawa/ja/`, { waitUntil: 'domcontentloaded' });
    const cancelled = page.waitForEvent('requestfailed', (r) => /_bg\.wasm$/.test(r.url()));
    await page.reload({ waitUntil: 'domcontentloaded' });
    await cancelled;
    release();
    await page.locator('#kyodo-check[data-kc-running] .kc h1').waitFor();
    assert.equal(await page.locator('#kyodo-check').getAttribute('data-kc-failed'), null);
    await context.close();
  }
  // The wasm missing from the upload: the start page stays, with the build's calm message
  // (the counter's phone, in the page's language) in place of the start button and a
  // retry that reloads; the console names the files and the fix.
  for (const lang of LANGS) {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    expectErrors(context, /協働チェック: the widget's code \(kyodo-check-[0-9a-f]+\.js, kyodo-check-[0-9a-f]+_bg\.wasm\) could not be loaded.*Upload the whole dist\/ folder/, /Failed to load resource.*404/);
    const page = await context.newPage();
    let broken = true;
    await page.route(/_bg\.wasm$/, (route) => (broken ? route.fulfill({ status: 404, body: 'not found' }) : route.continue()));
    await page.goto(`${server.url}tachikawa/${lang}/`);
    const problem = page.locator('#kyodo-check[data-kc-failed="code"] .kc-load-problem[data-problem="code"]');
    await problem.waitFor();
    assert.equal(await page.locator('.kc h1').count(), 1, 'the start page keeps its heading');
    assert.equal(await problem.getAttribute('role'), 'alert');
    assert.equal(await problem.locator('[data-contact="phone"] a[href^="tel:"]').count(), 1, "the counter's phone");
    assert.equal(await page.locator('.kc-button--start').count(), 0, 'the retry is the one thing to do');
    assert.equal(await page.locator('.kc-header__tools').isVisible(), false, 'no language or mode button that can do nothing');
    assert.equal(await page.locator('.kc').getAttribute('lang'), lang === 'en' ? 'en' : 'ja');
    assert.deepEqual(await axe(page, `code failed, ${lang}`), []);
    await screenshot(page, `code-failed-375-${lang}`);
    broken = false;
    await page.locator('[data-action="retry"]').click();
    await page.locator('#kyodo-check[data-kc-running] .kc-button--start').click();
    await page.locator('form[data-question="role"]').waitFor();
    await context.close();
  }
  // index.html, whose settings come from the URL: the chooser's message in that language
  // (no city's counter: the build cannot know it), never an empty page.
  for (const lang of LANGS) {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    expectErrors(context, /協働チェック: the widget's code .* could not be loaded/, /Failed to load resource.*404/);
    const page = await context.newPage();
    await page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${server.url}?city=tomakomai&lang=${lang}`);
    const problem = page.locator(`#kyodo-check[data-kc-failed="code"] .kc[lang="${lang === 'en' ? 'en' : 'ja'}"] .kc-load-problem[data-problem="code"]`);
    await problem.waitFor();
    assert.ok(await problem.locator('[data-action="retry"]').isVisible(), 'a retry');
    assert.deepEqual(await axe(page, `index.html, code failed, ${lang}`), []);
    await screenshot(page, `code-failed-index-375-${lang}`);
    await context.close();
  }
});
