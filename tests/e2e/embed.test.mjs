// Embedding on a city homepage and counter mode: both ways of embedding under a
// sub-path with a hostile host stylesheet, settings by attribute and URL parameter
// with a visible fallback for unknown values, the CSP enforced during a whole flow,
// the rule trace, notes kept out of share links unless chosen, the QR code, and the
// build served from its ready-compressed .br copies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from './server.mjs';
import {
  launch, dist, root, shots, answerAll, playToResult, screenshot, assertPrivacy, allowSaving, expectErrors, outcome,
  answerSet, caseById, recordCspViolations, cspViolations, armXssSentinel, xssAfterSettling,
} from './helpers.mjs';

let server, browser;
const examples = path.join(root, 'examples');
// The host site has its own favicon, as a city's site would (the example pages ask for one).
const FAVICON = { '/favicon.ico': ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'] };
before(async () => { server = await serve(dist, { mounts: { '/shisei/': examples }, extra: FAVICON }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const HOSTILE = '* { font-size: 30px; box-sizing: content-box; line-height: 3; } button { display: none; } a { color: #f0f; }';
// 苫小牧市 後援, from tests/fixtures/cases.json, with the result it must give.
const KOEN = caseById('tomakomai_koen_fits');
// The same with the partner chosen every time (for the counter's fixed-partner rule).
const SAME_PARTNER = { ...KOEN.answers, repeat_partner: 'same_always', readiness: 'purpose+plan' };

/** A page that records CSP violations and console warnings from the start. */
async function watchedPage(context) {
  await recordCspViolations(context);
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  return { page, warnings };
}

test('direct mount under a sub-path survives a hostile host stylesheet and completes the flow', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const { page } = await watchedPage(context);
  await page.goto(`${server.origin}/shisei/direct.html`);
  await page.addStyleTag({ content: HOSTILE });
  await page.locator('.kc h1').waitFor();
  assert.equal(await page.locator('.site-header').isVisible(), true, 'the host page is still there');
  const h1 = await page.locator('.kc h1').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(h1 < 40, `widget heading keeps its size (${h1}px)`);
  assert.equal(await page.locator('.kc-button--start').isVisible(), true, 'host `button {display:none}` does not hide the widget buttons');
  assert.equal(await page.locator('.kc').evaluate((e) => getComputedStyle(e).boxSizing), 'border-box');
  await playToResult(page, 'tomakomai', KOEN.answers);
  assert.equal((await outcome(page)).verdict, KOEN.expect.verdict);
  assert.ok((await page.locator('.kc-header').innerText()).includes('苫小牧市'), 'data-city chose the profile');
  assert.deepEqual(await cspViolations(page), []);
  await screenshot(page, 'embed-direct-hostile-result');
  await context.close();
});

test('iframe embed under a sub-path completes the flow and sends only its height, only when opted in', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__messages = [];
    window.addEventListener('message', (e) => window.__messages.push(e.data));
  });
  await page.goto(`${server.origin}/shisei/iframe.html`);
  await page.addStyleTag({ content: HOSTILE });
  const frame = page.frameLocator('#kyodo-check-frame');
  await frame.locator('.kc h1').waitFor();
  const f = page.frame({ url: /\/kyodo\// });
  await playToResult(f, 'tomakomai', KOEN.answers);
  assert.equal((await outcome(f)).verdict, KOEN.expect.verdict);
  const messages = await page.evaluate(() => window.__messages);
  assert.ok(messages.length > 0, 'the height is sent');
  assert.ok(messages.every((m) => typeof m === 'number'), `nothing but a number: ${JSON.stringify(messages.slice(0, 3))}`);
  const frameHeight = await page.locator('#kyodo-check-frame').evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(frameHeight > 1000, `the host resized the frame to fit (${frameHeight}px)`);
  await screenshot(page, 'embed-iframe-result');
  await context.close();

  // Without resize=1 the widget posts nothing at all. The host listens before either
  // frame loads; a frame with resize=1 beside it is the control: once the control has
  // posted after the same steps, the other frame would have too.
  const c2 = await browser.newContext();
  const p2 = await c2.newPage();
  await p2.setContent(`<script>
      window.__from = { with: [], without: [] };
      window.addEventListener('message', (e) => {
        for (const id of ['with', 'without']) if (e.source === document.getElementById(id)?.contentWindow) window.__from[id].push(e.data);
      });
    </script>
    <iframe id="with" src="${server.url}?city=muroran&resize=1" title="with" style="width:100%;height:600px"></iframe>
    <iframe id="without" src="${server.url}?city=muroran" title="without" style="width:100%;height:600px"></iframe>`);
  for (const id of ['without', 'with']) await p2.frameLocator(`#${id}`).locator('.kc h1').waitFor();
  const control = await p2.evaluate(() => window.__from.with.length);
  const frames = {};
  for (const id of ['with', 'without']) frames[id] = await (await p2.locator(`#${id}`).elementHandle()).contentFrame();
  for (const id of ['without', 'with']) await frames[id].locator('.kc-button--start').click();
  // A new step alone, before any answer, has a new height, and the host is told.
  await p2.waitForFunction((n) => window.__from.with.length > n, control, { timeout: 5000 });
  const afterStart = await p2.evaluate(() => window.__from.with.length);
  for (const id of ['without', 'with']) await answerAll(frames[id], { role: 'npo' }, { stopAt: 'idea' });
  await p2.waitForFunction((n) => window.__from.with.length > n, afterStart);
  await frames.without.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  await p2.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  const from = await p2.evaluate(() => window.__from);
  assert.ok(from.with.length >= 2 && from.with.every((m) => typeof m === 'number'), `the control frame sent its height: ${JSON.stringify(from.with)}`);
  assert.deepEqual(from.without, [], 'the frame without resize=1 sent nothing');
  await c2.close();
});

test('attributes choose profile, language and mode', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(`${server.origin}/shisei/custom.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>t</title></head><body>' +
      '<div id="kyodo-check" data-city="muroran" data-lang="en" data-mode="counter"></div>' +
      '<script type="module" src="/kyodo/loader.js"></script></body></html>',
  }));
  await page.goto(`${server.origin}/shisei/custom.html`);
  await page.locator('.kc h1').waitFor();
  assert.match(await page.locator('.kc-header').innerText(), /Muroran/);
  assert.equal(await page.locator('.kc').getAttribute('lang'), 'en');
  assert.equal(await page.locator('.kc-mode').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja', 'the host page keeps its own <html lang>');
  assert.equal(await page.locator('input[name=kc-profile]').count(), 0, 'no chooser when the city is fixed');
  await context.close();
});

// docs/embedding.md: on a direct mount the host page's title is the host's, unless it
// sets data-title="set"; the widget's own page (and so the iframe) names every step.
test('document.title: a direct mount leaves the host title alone unless data-title="set"; the own page names each step', async () => {
  const HOST_TITLE = '協働について｜○○市';
  const host = (attrs) => '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>' + HOST_TITLE + '</title></head><body>' +
    `<div id="kyodo-check" data-city="tomakomai" ${attrs}></div><script type="module" src="/kyodo/loader.js"></script></body></html>`;
  // The title after the start page, the first question and the second. Each is read once
  // the widget has focused the step's heading, which it does in the same callback as
  // it names the step: whatever the title is then, the widget has had its say.
  const titles = async (url, attrs) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (attrs !== null) {
      await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: host(attrs) }));
    }
    await page.goto(url);
    const stepShown = (hash) => page.waitForFunction((h) => location.hash === h && document.activeElement === document.querySelector('.kc h1'), hash);
    const seen = [];
    await page.locator('.kc h1').waitFor();
    await stepShown('');
    seen.push(await page.title());
    await page.locator('.kc-button--start').click();
    await stepShown('#/q/role');
    seen.push(await page.title());
    await answerAll(page, { role: 'npo' }, { stopAt: 'idea' });
    await stepShown('#/q/idea');
    seen.push(await page.title());
    const headings = await page.locator('.kc h1').innerText();
    await context.close();
    return { seen, lastHeading: headings };
  };

  const kept = await titles(`${server.origin}/shisei/title-default.html`, '');
  assert.deepEqual(kept.seen, [HOST_TITLE, HOST_TITLE, HOST_TITLE], 'without data-title the host title is never touched');
  const keep = await titles(`${server.origin}/shisei/title-keep.html`, 'data-title="keep"');
  assert.deepEqual(keep.seen, [HOST_TITLE, HOST_TITLE, HOST_TITLE], 'data-title="keep" is the default, said out loud');

  for (const [what, run] of [
    ['data-title="set" on a direct mount', () => titles(`${server.origin}/shisei/title-set.html`, 'data-title="set"')],
    ['the widget\'s own page', () => titles(`${server.url}?city=tomakomai`, null)],
  ]) {
    const { seen, lastHeading } = await run();
    assert.equal(new Set(seen).size, 3, `${what}: a title of its own for each step: ${JSON.stringify(seen)}`);
    assert.ok(seen.every((t) => t !== HOST_TITLE && t.endsWith(' - 協働チェック')), `${what}: each step named: ${JSON.stringify(seen)}`);
    assert.ok(lastHeading.includes(seen[2].replace(/ - 協働チェック$/, '')), `${what}: the title names the question on screen (${seen[2]} / ${lastHeading})`);
  }
});

test('unknown settings fall back to the default with a visible notice and a console warning', async () => {
  const context = await browser.newContext();
  const { page, warnings } = await watchedPage(context);
  await page.goto(`${server.url}?city=sapporo&lang=fr&mode=admin`);
  await page.locator('.kc h1').waitFor();
  const notices = await page.locator('.kc-notice--config').allInnerTexts();
  assert.equal(notices.length, 3, notices.join('\n'));
  assert.ok(notices[0].includes('data-city="sapporo"'));
  assert.equal(await page.locator('input[name=kc-profile]').count(), 6, 'the chooser stands in for the unknown city');
  assert.equal(await page.locator('.kc').getAttribute('lang'), 'ja');
  assert.ok(warnings.some((w) => w.includes('sapporo')), warnings.join('\n'));
  await context.close();
});

test('the Content-Security-Policy is enforced and nothing violates it during a whole flow', async () => {
  const context = await browser.newContext();
  const { page } = await watchedPage(context);
  await page.goto(server.url);
  await page.locator('.kc h1').waitFor();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
  // Enforced: an inline script is refused and reported.
  // Chromium reports the refusal as a console error: expected here, and only here.
  expectErrors(context, /inline script violates the following Content Security Policy directive 'script-src/);
  await page.evaluate(() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.head.append(s); });
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.equal((await cspViolations(page)).length, 1, 'the probe itself was blocked');
  await page.evaluate(() => { window.__csp = []; });
  await playToResult(page, 'general', { ...SAME_PARTNER, start: 'd' });
  await page.locator('.kc-mode').click();
  await page.locator('#kc-notes-text').fill('メモ');
  allowSaving(context);
  await page.locator('label[for="kc-save"]').click();
  assert.deepEqual(await cspViolations(page), [], 'no violation during the flow');
  await context.close();
});

test('counter mode: rule trace, notes out of the link unless chosen, a QR code of the link, and the A4 sheet', async () => {
  // bypassCSP: the test injects a QR decoder, which the widget's own policy rightly refuses.
  // Without the CSP, only the widget's own escaping stands between the notes and the page.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await armXssSentinel(context);
  const page = await context.newPage();
  await page.goto(`${server.url}?city=tomakomai&mode=counter`);
  await page.locator('.kc h1').waitFor();
  // Keyboard only: arrow keys choose, Enter continues.
  await page.locator('.kc-button--start').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/q/role');
  await page.locator('#kc-role-individual').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#kc-role-npo').isChecked(), true, 'arrow keys move the choice');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/q/idea');
  await answerAll(page, SAME_PARTNER);
  await page.locator('.kc-button--result').click();
  await page.locator('.kc-result h1').waitFor();

  const trace = page.locator('.kc-trace');
  assert.equal(await trace.isVisible(), true);
  const traceText = await trace.innerText();
  assert.match(traceText, /条件：/);
  assert.match(traceText, /「その取り組みの一番の目的は何ですか？」の回答が「地域や社会の課題を解決すること/);
  // Each rule names its passages; opened, they quote the guideline.
  const cites = trace.locator('.kc-cite__button');
  assert.ok(await cites.count() > 0, 'the rules cite the guideline');
  for (let i = 0; i < await cites.count(); i++) {
    if (await cites.nth(i).getAttribute('aria-expanded') === 'false') await cites.nth(i).click();
  }
  assert.ok(await trace.locator('.kc-passage__quote[lang=ja]').count() > 0, 'the guideline passages are quoted');
  assert.match(await trace.innerText(), /協働事業の相手方が特定の団体や個人に固定化しないよう/, 'the fixed-partner rule quotes 第4章(5)');

  await page.locator('#kc-notes-date').fill('2026-11-22');
  await page.locator('#kc-notes-section').fill('市民自治推進課');
  const NOTE = '後援の申請は開催の1か月前までに。<img src=x onerror="window.__xss=1">';
  await page.locator('#kc-notes-text').fill(NOTE);
  const without = await page.locator('#kc-share-link').inputValue();
  assert.equal(without.split('!').length, 4, `no notes in the link by default: ${without}`);
  await page.locator('label[for="kc-notes-in-link"]').click();
  const withNotes = await page.locator('#kc-share-link').inputValue();
  assert.equal(withNotes.split('!').length, 5, 'notes included once chosen');
  // The notes are rendered (as the printed sheet's text), then given the time an image's
  // error event needs: the sentinel is still untouched.
  await page.waitForFunction((t) => document.querySelector('.kc-notes .kc-pre')?.textContent === t, NOTE);
  assert.equal(await xssAfterSettling(page), 0, 'the notes are text, not markup');
  // The control: the same wait catches a real <img onerror> put into the page as markup.
  await page.locator('.kc-notes').evaluate((el) => {
    const probe = document.createElement('div');
    probe.id = 'xss-control';
    probe.innerHTML = '<img src="data:," onerror="window.__xss=1">';
    el.append(probe);
  });
  assert.equal(await xssAfterSettling(page), 1, 'the check would have seen markup run');
  await page.evaluate(() => { document.getElementById('xss-control').remove(); window.__xss = 0; });

  // Every QR code (on screen, and the one for the printed sheet) decodes to the share link.
  const jsqr = fs.readFileSync(path.join(root, 'node_modules/jsqr/dist/jsQR.js'), 'utf8');
  await page.addScriptTag({ content: jsqr });
  const decoded = await page.locator('svg.kc-qr').evaluateAll((svgs) => Promise.all(svgs.map(async (svg) => {
    const xml = new XMLSerializer().serializeToString(svg);
    const img = new Image();
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(xml.replace('<svg', '<svg width="800" height="800"'));
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 800;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 800, 800);
    ctx.drawImage(img, 0, 0, 800, 800);
    const data = ctx.getImageData(0, 0, 800, 800);
    return window.jsQR(data.data, 800, 800)?.data ?? null;
  })));
  assert.ok(decoded.length >= 1, 'a QR code is drawn');
  assert.deepEqual(decoded, decoded.map(() => withNotes), 'each QR code carries exactly the share link');

  await screenshot(page, 'counter-mode-result');
  // The A4 consultation sheet: print to PDF and render its first page.
  fs.mkdirSync(shots, { recursive: true });
  const pdf = path.join(shots, 'consultation-sheet.pdf');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.kc-sheet-title').isVisible(), true, 'the sheet is titled 相談記録票');
  assert.equal(await page.locator('.kc-sheet-fields [data-field=section] [data-value]').innerText(), '市民自治推進課', 'the section is on the sheet');
  assert.equal(await page.locator('.kc-notes [data-field=text]').innerText(), NOTE, 'and the advice, as text');
  // docs/accessibility.md cites these PNGs as its print check: rendering them must work.
  for (const f of fs.readdirSync(shots).filter((f) => /^consultation-sheet/.test(f))) fs.rmSync(path.join(shots, f));
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString(), '%PDF-', 'a PDF was written');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, path.join(shots, 'consultation-sheet')]);
  const pngs = fs.readdirSync(shots).filter((f) => /^consultation-sheet-\d+\.png$/.test(f));
  assert.ok(pngs.length >= 1, `pdftoppm rendered the sheet: ${pngs}`);
  for (const f of pngs) assert.ok(fs.statSync(path.join(shots, f)).size > 5000, `${f} is a rendered page`);
  await context.close();
});

test('served from the pre-compressed copies (brotli_static / gzip_static), the widget loads and completes the flow', async () => {
  const packed = await serve(dist, { precompressed: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const encodings = new Map();
    page.on('response', async (r) => {
      const p = new URL(r.url()).pathname;
      encodings.set(p.endsWith('/') ? 'index.html' : path.basename(p), (await r.allHeaders())['content-encoding']);
    });
    await page.goto(`${packed.url}?city=tomakomai`);
    await playToResult(page, 'tomakomai', KOEN.answers);
    assert.equal((await outcome(page)).verdict, KOEN.expect.verdict);
    const wasm = [...encodings.keys()].find((f) => f.endsWith('.wasm'));
    assert.ok(wasm, 'the wasm was loaded');
    // Chromium offers brotli on secure origins, 127.0.0.1 included: every file of the
    // first load came as the build's .br copy, and the browser took each one.
    assert.ok(encodings.size >= 5, `html, loader, glue, wasm and css were loaded: ${[...encodings.keys()]}`);
    for (const [f, enc] of encodings) assert.equal(enc, 'br', `${f} came as its .br copy`);
    console.log(`pre-compressed: ${[...encodings].map(([f, e]) => `${f} ${e}`).join(', ')}`);
    await context.close(); // the watch fails the context on any page error
  } finally {
    await packed.close();
  }
});

test('privacy held in every context this file opened: no other origin, nothing after load, no storage without opt-in', () => {
  assertPrivacy('embed');
});
