// PRODUCT.md's privacy rule as it is now stated: the requests the widget makes are fixed by
// the embed settings alone. Under each setting (a city set, the chooser, a fixed language,
// counter mode, a direct mount on a host page, the start pages rendered at build time) two
// flows that differ in every way a visitor can make them differ (the answers, a language
// switch, counter mode, typed notes, citations opened, the city chosen) each record every
// request of their page, one content file among them (the city's, or with no city the one
// with every city). The two
// lists must be the same, every request same-origin and a GET with no body, and no URL
// may carry anything the visitor chose or typed. The watch of helpers.mjs runs as well
// (no storage without opt-in, no third-party origin, nothing after load but the content file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, dist, answerAll, switchLanguage, assertPrivacy, cases, PROFILES, startFlow, checkToResult, playToResult, isContentFile } from './helpers.mjs';

let server, browser;
before(async () => {
  const host = (attrs) => '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>市のページ</title></head><body>'
    + `<main><h1>市のページ</h1><div id="kyodo-check" ${attrs}></div></main>`
    + '<script type="module" src="/kyodo/loader.js"></script></body></html>';
  server = await serve(dist, {
    extra: {
      '/shisei/direct-city.html': ['text/html; charset=utf-8', host('data-city="tomakomai"')],
      '/shisei/direct-en.html': ['text/html; charset=utf-8', host('data-lang="en"')],
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  assertPrivacy('privacy.test.mjs');
});

// What a visitor types: none of it may appear in any request.
const TYPED = 'ひみつのメモ-kc-7f3a';

/** The two flows: as different as a visitor can make them. */
const FLOWS = {
  /** A 協働 case of the city (or the first offered), in the page's language, citations opened. */
  async a(page, city) {
    const c = cases().find((x) => x.profile === (city ?? 'tomakomai') && x.expect.verdict === 'kyodo');
    await playToResult(page, c.profile, c.answers);
    const cite = page.locator('.kc-cite button, .kc-cite summary').first();
    if (await cite.count()) await cite.click();
  },
  /** Another city where there is a choice, other answers (not 協働), a language switch,
   *  counter mode and notes typed. */
  async b(page, city) {
    const other = city ?? PROFILES.find((p) => p !== 'tomakomai');
    await startFlow(page, other);
    const lang = (await page.locator('html').getAttribute('lang')) === 'en' ? 'やさしい日本語' : 'English';
    await switchLanguage(page, lang);
    await answerAll(page, { role: 'individual', idea: 'request' });
    await checkToResult(page);
    const mode = page.locator('.kc-mode');
    if (await mode.count()) {
      if ((await mode.getAttribute('aria-pressed')) !== 'true') await mode.click();
      const notes = page.locator('#kc-notes-text');
      await notes.waitFor();
      await notes.fill(TYPED);
      await page.locator('#kc-notes-text').press('Tab');
    }
  },
};

/** Plays one flow under one setting; every request of the page, from the first. */
async function record(url, flow, city) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() }));
  await page.goto(url);
  await page.locator('.kc h1').first().waitFor();
  await FLOWS[flow](page, city);
  // Let anything a late timer would fetch arrive before the list is read.
  await page.waitForTimeout(300);
  await context.close();
  return requests;
}

const SETTINGS = [
  { name: 'a city set (?city=)', path: '?city=tomakomai', city: 'tomakomai' },
  { name: 'the chooser (no setting)', path: '', city: null },
  { name: 'a fixed language (?lang=en)', path: '?lang=en', city: null },
  { name: 'a fixed language (?lang=ja-easy) and a city', path: '?city=muroran&lang=ja-easy', city: 'muroran' },
  { name: 'counter mode (?mode=counter)', path: '?city=tachikawa&mode=counter', city: 'tachikawa' },
  { name: 'a direct mount with data-city', page: '/shisei/direct-city.html', city: 'tomakomai' },
  { name: 'a direct mount with data-lang', page: '/shisei/direct-en.html', city: null },
  { name: 'a start page rendered at build time (tomakomai/ja/)', path: 'tomakomai/ja/', city: 'tomakomai' },
  { name: 'the chooser rendered at build time (all/en/)', path: 'all/en/', city: null },
];

for (const s of SETTINGS) {
  test(`the requests are fixed by the embed settings alone: ${s.name}`, async () => {
    const url = s.page ? `${server.origin}${s.page}` : `${server.url}${s.path}`;
    const lists = {};
    for (const flow of Object.keys(FLOWS)) lists[flow] = await record(url, flow, s.city);
    const urls = (l) => l.map((r) => r.url).filter((u) => !u.startsWith('data:')).sort();
    assert.ok(urls(lists.a).length > 0, 'the page made requests');
    assert.deepEqual(urls(lists.b), urls(lists.a), 'the same files, whatever the visitor did');
    // One content file: the city's own, or with no city the one with every profile.
    const content = urls(lists.a).filter(isContentFile).map((u) => new URL(u).pathname.match(/content\/([a-z_]+)\./)[1]);
    assert.deepEqual(content, [s.city ?? 'all'], 'the content file the settings name, once');
    for (const r of [...lists.a, ...lists.b].filter((x) => !x.url.startsWith('data:'))) {
      assert.equal(new URL(r.url).origin, server.origin, `same-origin: ${r.url}`);
      assert.equal(r.method, 'GET', `${r.url}: nothing is sent`);
      assert.equal(r.body ?? null, null, `${r.url}: no body`);
      assert.ok(!decodeURIComponent(r.url).includes(TYPED), `${r.url}: nothing typed`);
      // Only the page's own address may carry settings; a file fetched later names no answer.
      if (r.url !== url) assert.ok(!/[?#].*(idea|role|request|notes)/.test(r.url), `${r.url}: no answer in a file's address`);
    }
  });
}
