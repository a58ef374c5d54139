// End-to-end: a city adopts the widget as docs/adding-a-city.md tells its web team, at
// both levels, in a copy of this repository: 見本市 with one file (level 1, the common
// guideline) and 雛形市 with its own guideline (level 2: the new-city scaffold, then the
// filled files). The copy is built and each city is played to its result in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from './server.mjs';
import { launch, open, root, playToResult, outcome, screenshot, switchLanguage, assertPrivacy } from './helpers.mjs';

const fixtures = path.join(root, 'tests/fixtures/cities');
const KYODO = JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/cases.json'), 'utf8')).answer_sets.kyodo;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-adopt-'));
const copy = path.join(work, 'kyodo-check');
let server, browser;

function run(cmd, args) {
  // The copy shares this checkout's target/ so that only the widget itself is compiled again.
  // Both then share build.rs's output folder; KYODO_CHECKOUT (build.rs reruns when it
  // changes) makes each side's next build compile its own content, not the other's.
  execFileSync(cmd, args, { cwd: copy, stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}`, CARGO_TARGET_DIR: path.join(root, 'target'), TRUNK_OFFLINE: 'true', KYODO_CHECKOUT: copy } });
}

before(async () => {
  // The repository as a city would download it (no build output, no node_modules of its own).
  fs.mkdirSync(copy);
  for (const entry of ['.cargo', 'Cargo.toml', 'Cargo.lock', 'build.rs', 'Trunk.toml', 'index.html', 'content', 'sources', 'src', 'styles', 'scripts']) {
    fs.cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
  // Level 1, step 1 of the guide: one file in content/cities/.
  fs.mkdirSync(path.join(copy, 'content/cities'), { recursive: true });
  fs.copyFileSync(path.join(fixtures, 'level1/mihon.toml'), path.join(copy, 'content/cities/mihon.toml'));
  // Level 2: the scaffold writes every file with each value marked to fill...
  run('cargo', ['run', '--quiet', '--bin', 'new-city', '--', 'hinagata', path.join(fixtures, 'level2/hinagata.txt')]);
  for (const f of ['content/profiles/hinagata.toml', 'content/text/ja/hinagata.toml', 'content/text/ja-easy/hinagata.toml', 'content/text/en/hinagata.toml', 'sources/hinagata.txt']) {
    assert.ok(fs.existsSync(path.join(copy, f)), `the scaffold wrote ${f}`);
  }
  assert.match(fs.readFileSync(path.join(copy, 'content/profiles/hinagata.toml'), 'utf8'), /【要記入】/);
  // ...and the city's staff fill them in (here: the filled fixture files).
  fs.copyFileSync(path.join(fixtures, 'level2/profiles/hinagata.toml'), path.join(copy, 'content/profiles/hinagata.toml'));
  for (const lang of ['ja', 'ja-easy', 'en']) {
    fs.copyFileSync(path.join(fixtures, `level2/text/${lang}/hinagata.toml`), path.join(copy, `content/text/${lang}/hinagata.toml`));
  }
  run('trunk', ['build', '--release', '--offline=true', '--dist', path.join(work, 'dist')]);
  server = await serve(path.join(work, 'dist'));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(work, { recursive: true, force: true });
  assertPrivacy('adopt.test.mjs');
});

/** The contact card's rows by id, and whether it names what is not known. */
async function card(page) {
  return page.locator('#kc-contact').evaluate((el) => ({
    rows: [...el.querySelectorAll('[data-contact]')].map((r) => r.dataset.contact),
    tel: el.querySelector('[data-contact=phone] a')?.getAttribute('href') ?? null,
    blank: [...el.querySelectorAll('dd')].filter((d) => !d.textContent.trim()).length,
  }));
}

test('the chooser lists both adopted cities beside the built-in ones', async () => {
  const { context, page, errors } = await open(browser, server.url);
  for (const id of ['mihon', 'hinagata', 'tomakomai', 'general']) {
    assert.equal(await page.locator(`#kc-profile-${id}`).count(), 1, `chooser lists ${id}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('level 1: 見本市 with one file gets its own name and contact, and says it follows the common guideline', async () => {
  const { context, page, errors } = await open(browser, `${server.url}?city=mihon`, { width: 375, height: 812 });
  assert.equal(await page.locator('[data-notice=common-guideline]').count(), 1, 'the start page says the common guideline is used');
  await playToResult(page, 'mihon', KYODO);
  assert.equal((await outcome(page)).verdict, 'kyodo');
  assert.equal(await page.locator('.kc-result [data-notice=common-guideline]').count(), 1);
  const c = await card(page);
  assert.deepEqual(c.rows, ['phone', 'address', 'hours', 'web', 'proposal'], 'every detail the city file gives, none missing');
  assert.equal(c.tel, 'tel:0120000000');
  assert.equal(c.blank, 0);
  assert.match(await page.locator('.kc-result h1').textContent(), /./);
  await screenshot(page, 'adopt-level1-result-375-ja');
  await switchLanguage(page, 'English');
  assert.deepEqual((await card(page)).rows, c.rows, 'the same details in English');
  await screenshot(page, 'adopt-level1-result-375-en');
  assert.deepEqual(errors, []);
  await context.close();
});

test('level 2: 雛形市 with its own guideline cites it, and its contact comes from the guideline', async () => {
  const { context, page, errors } = await open(browser, `${server.url}?city=hinagata`, { width: 375, height: 812 });
  assert.equal(await page.locator('[data-notice=common-guideline]').count(), 0, 'its own guideline: no common-guideline notice');
  await playToResult(page, 'hinagata', KYODO);
  const o = await outcome(page);
  assert.equal(o.verdict, 'kyodo');
  assert.ok(o.forms.split(',').filter(Boolean).length > 0, 'a form is ranked');
  const c = await card(page);
  assert.ok(c.rows.includes('phone') && c.rows.includes('fax') && c.rows.includes('address'), `contact rows ${c.rows}`);
  assert.ok(c.rows.includes('missing'), 'hours and web page, which the guideline does not print, are named as not given');
  assert.equal(c.blank, 0);
  await screenshot(page, 'adopt-level2-result-375-ja');
  await switchLanguage(page, 'やさしい日本語');
  assert.deepEqual((await card(page)).rows, c.rows);
  assert.deepEqual(errors, []);
  await context.close();
});
