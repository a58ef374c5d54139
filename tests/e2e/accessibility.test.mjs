// Accessibility (JIS X 8341-3:2016 AA; WCAG 2.2 AA where stricter): axe-core on every
// page state in every language and profile and in counter mode (108 page states), the
// accessibility tree by role queries, a keyboard-only run, reflow at 320 px and 200 %
// zoom, text-spacing overrides, forced colours and reduced motion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, dist, answerAll, screenshot, switchLanguage, assertPrivacy, LANGS, PROFILES, caseById, axe } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// A 後援 flow with part of the readiness checklist still to do (both kinds of item show).
const ANSWERS = { ...caseById('yoshikawa_science_class').answers, readiness: 'purpose' };


test('axe: zero violations on every page state, in every language and profile, and in counter mode; no request after load, none to another origin, storage empty', async () => {
  const problems = [];
  let pagesChecked = 0;
  let requestsSeen = 0;
  for (const { code: lang } of LANGS) {
    for (const profile of PROFILES) {
      for (const mode of profile === 'general' ? ['citizen', 'counter'] : ['citizen']) {
        // bypassCSP only so the test can inject axe-core; the widget's own policy is tested elsewhere.
        const context = await browser.newContext({ bypassCSP: true });
        const page = await context.newPage();
        const tag = `${lang}/${profile}/${mode}`;
        // Privacy, on the same flows: every request is logged.
        const requests = [];
        page.on('request', (r) => requests.push({ url: r.url(), at: Date.now() }));
        await page.goto(`${server.url}?lang=${lang}&mode=${mode}`);
        await page.locator('.kc h1').waitFor();
        const loadedAt = Date.now();
        problems.push(...await axe(page, `${tag} start`));
        await page.locator(`label[for="kc-profile-${profile}"]`).click();
        await page.locator('.kc-button--start').click();
        await page.waitForFunction(() => location.hash === '#/q/role');
        problems.push(...await axe(page, `${tag} question`));
        await page.locator('.kc form button[type=submit]').click();
        await page.locator('.kc-error-summary').waitFor();
        problems.push(...await axe(page, `${tag} question with error summary`));
        await answerAll(page, ANSWERS);
        problems.push(...await axe(page, `${tag} check`));
        await page.locator('.kc-button--result').click();
        await page.locator('.kc-result h1').waitFor();
        problems.push(...await axe(page, `${tag} result`));
        pagesChecked += 5;
        const foreign = requests.filter((r) => !r.url.startsWith(server.origin) && !r.url.startsWith('data:'));
        const late = requests.filter((r) => r.at > loadedAt && !r.url.startsWith('data:'));
        if (foreign.length || late.length) problems.push(`${tag}: requests ${JSON.stringify([...foreign, ...late].map((r) => r.url))}`);
        const stored = await page.evaluate(async () => ({
          local: localStorage.length, session: sessionStorage.length, cookies: document.cookie,
          idb: (await indexedDB.databases()).length, caches: (await caches.keys()).length,
        }));
        if (JSON.stringify(stored) !== JSON.stringify({ local: 0, session: 0, cookies: '', idb: 0, caches: 0 })) problems.push(`${tag}: storage ${JSON.stringify(stored)}`);
        requestsSeen += requests.length;
        if (profile === 'tomakomai') {
          await page.locator('.kc-footer a').click();
          await page.waitForFunction(() => location.hash === '#/accessibility');
          problems.push(...await axe(page, `${tag} accessibility statement`));
          pagesChecked += 1;
        }
        await context.close();
      }
    }
  }
  console.log(`axe: ${pagesChecked} page states checked; privacy: ${requestsSeen} requests, all same-origin and before load ended; storage empty after each flow`);
  assert.deepEqual(problems, []);
  // docs/accessibility.md and README.md state this number: 3 languages × (6 profiles +
  // counter mode) × 5 states, and the statement page once per language.
  assert.equal(pagesChecked, LANGS.length * (PROFILES.length + 1) * 5 + LANGS.length);
  assert.equal(pagesChecked, 108);
});

test('keyboard only: a whole flow without the mouse, focus on each step\'s heading', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}?city=muroran`);
  await page.locator('.kc h1').waitFor();
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return e ? `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : ''}` : 'none';
  });
  // Tab from the top of the page until the start button has focus.
  for (let i = 0; i < 20 && !(await focused()).includes('kc-button--start'); i++) await page.keyboard.press('Tab');
  assert.match(await focused(), /button\.kc-button/);
  await page.keyboard.press('Enter');
  const keys = { role: 2, idea: 1, partner: 0, purpose: 0, open_to: 0, synergy: 0, risks: null, subject: 0, lead: 0, support: null,
    duration: 0, capacity: 0, why_partner: 0, repeat_partner: 0, readiness: null };
  for (let step = 0; step < 20; step++) {
    await page.waitForFunction(() => /^#\/(q\/|check)/.test(location.hash));
    const hash = await page.evaluate(() => location.hash);
    if (hash === '#/check') break;
    const q = hash.slice(4);
    assert.match(await focused(), /^h1\.kc-h1/, `focus is on the heading of ${q}`);
    // Tab to the first option of the group.
    for (let i = 0; i < 10 && !(await focused()).startsWith('input'); i++) await page.keyboard.press('Tab');
    assert.match(await focused(), new RegExp(`input#kc-${q}-`), `Tab reaches the options of ${q}`);
    if (keys[q] === null) {
      // A checkbox group: Space ticks the focused box.
      await page.keyboard.press('Space');
    } else {
      // Radios: the first arrow press moves and selects; Space selects the first.
      if ((keys[q] ?? 0) === 0) await page.keyboard.press('Space');
      for (let i = 0; i < (keys[q] ?? 0); i++) await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction((prev) => location.hash !== prev, hash);
  }
  assert.equal(await page.evaluate(() => location.hash), '#/check');
  assert.match(await focused(), /^h1\.kc-h1/, 'focus on the check page heading');
  for (let i = 0; i < 80 && !(await focused()).includes('kc-button--result'); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/result');
  assert.match(await focused(), /^h1\.kc-h1/, 'focus on the result heading');
  assert.ok((await page.locator('.kc-result h1').innerText()).length > 0);
  await context.close();
});

async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.querySelectorAll('.kc *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1 && !el.closest('.kc-table-wrap, .kc-vh, .kc-skip')) wide.push(`${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className} ${Math.round(r.right)}>${width}`);
    }
    const clipped = [...document.querySelectorAll('.kc *')].filter((el) => {
      const s = getComputedStyle(el);
      return (s.overflow === 'hidden' || s.overflowY === 'hidden') && el.scrollHeight > el.clientHeight + 2 && !el.closest('.kc-vh, .kc-skip');
    }).map((el) => el.className);
    return { scroll: document.documentElement.scrollWidth > width + 1, wide: wide.slice(0, 5), clipped: clipped.slice(0, 5) };
  });
}

for (const [label, width] of [['320 px (400 % zoom)', 320], ['640 px (200 % zoom)', 640]]) {
  test(`reflow at ${label}: nothing wider than the viewport, no clipped text, with text spacing overridden`, async () => {
    // bypassCSP: the test adds a reader's text-spacing stylesheet, which the page's CSP would refuse.
    const context = await browser.newContext({ viewport: { width, height: 700 }, bypassCSP: true });
    const page = await context.newPage();
    for (const { code: lang } of LANGS) {
      await page.goto(`${server.url}?lang=${lang}&mode=counter`);
      await page.locator('.kc h1').waitFor();
      assert.deepEqual(await overflow(page), { scroll: false, wide: [], clipped: [] }, `${lang} start`);
      await page.locator('label[for="kc-profile-tachikawa"]').click();
      await page.locator('.kc-button--start').click();
      await answerAll(page, ANSWERS, { stopAt: 'lead' });
      assert.deepEqual(await overflow(page), { scroll: false, wide: [], clipped: [] }, `${lang} question`);
      await answerAll(page, ANSWERS);
      await page.locator('.kc-button--result').click();
      await page.locator('.kc-result h1').waitFor();
      assert.deepEqual(await overflow(page), { scroll: false, wide: [], clipped: [] }, `${lang} result`);
      // WCAG 1.4.12 text spacing, as a reader's own stylesheet would set it.
      await page.addStyleTag({ content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }' });
      assert.deepEqual(await overflow(page), { scroll: false, wide: [], clipped: [] }, `${lang} result with text spacing`);
      if (width === 320) await screenshot(page, `reflow-320-${lang}-result-text-spacing`);
    }
    await context.close();
  });
}

test('forced colours (screenshots to look at)', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${server.url}?city=muroran`);
  await page.locator('.kc h1').waitFor();
  assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
  await page.locator('.kc-button--start').click();
  await page.locator('.kc form button[type=submit]').click();
  await page.locator('.kc-error-summary').waitFor();
  await screenshot(page, 'forced-colors-question-error');
  await answerAll(page, ANSWERS);
  await page.locator('.kc-button--result').click();
  await page.locator('.kc-result h1').waitFor();
  await screenshot(page, 'forced-colors-result');
  await context.close();
});

/** Every element of the widget (and its ::before / ::after) that would move: a transition or an animation. */
const moving = (page) => page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('.kc *')) {
    for (const pseudo of [null, '::before', '::after']) {
      const s = getComputedStyle(el, pseudo);
      const t = s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
      const a = s.animationName.split(',').some((n) => n.trim() !== 'none') && s.animationDuration.split(',').some((d) => parseFloat(d) > 0);
      if (t || a) out.push(`${el.localName}.${el.classList[0] ?? ''}${pseudo ?? ''}`);
    }
  }
  return out;
});

test('reduced motion: nothing in the widget moves, even where a host stylesheet adds transitions and animations', async () => {
  // A host page's stylesheet that animates everything it can reach inside the widget.
  // bypassCSP: the test adds it as an inline style, which the widget's page rightly refuses.
  // Its selectors outrank the widget's reset of host styles (which reverts a plain
  // `.kc *` transition anyway), so only the reduced-motion rule can stop them.
  const HOST = 'html body .kc * { transition: color 2s, background-color 2s; } html body .kc h1, html body .kc .kc-button { animation: host-pulse 1s infinite; } '
    + '@keyframes host-pulse { from { opacity: 1; } to { opacity: 0.5; } }';
  const seen = {};
  for (const reducedMotion of ['no-preference', 'reduce']) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion });
    await page.goto(`${server.url}?city=muroran`);
    await page.locator('.kc h1').waitFor();
    const own = [];
    own.push(...await moving(page));
    await page.locator('.kc-button--start').click();
    await answerAll(page, ANSWERS);
    own.push(...await moving(page));
    await page.locator('.kc-button--result').click();
    await page.locator('.kc-result h1').waitFor();
    own.push(...await moving(page));
    await page.addStyleTag({ content: HOST });
    seen[reducedMotion] = { own, withHost: await moving(page) };
    await context.close();
  }
  // The control: without the preference the host's motion takes effect, so the probe sees motion.
  assert.ok(seen['no-preference'].withHost.length > 10, `the host stylesheet moves things without the preference: ${seen['no-preference'].withHost.length}`);
  // With it, the widget's own reduced-motion rule stops all of it, and the widget's own styles.
  assert.deepEqual(seen.reduce, { own: [], withHost: [] }, 'nothing moves under prefers-reduced-motion: reduce');
  console.log(`motion: the widget's own styles move ${seen['no-preference'].own.length} elements without the preference; a host stylesheet moves ${seen['no-preference'].withHost.length} without it and 0 with it`);
});

test('the accessibility tree: each question a group named by its legend, each option a radio or checkbox named by its label, the error summary an alert, the language switch announced in a status region', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}?city=muroran`);
  await page.locator('.kc h1').waitFor();
  await page.getByRole('button', { name: '確認を始める' }).click();
  const escape = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const seenKinds = new Set();
  for (let step = 0; step < 25; step++) {
    await page.waitForFunction(() => /^#\/(q\/|check)/.test(location.hash));
    const hash = await page.evaluate(() => location.hash);
    if (hash === '#/check') break;
    const q = hash.slice(4);
    // The fieldset is a group whose name is its legend (the question's h1).
    const legend = (await page.locator('.kc legend').innerText()).trim();
    const group = page.getByRole('group', { name: legend, exact: true });
    assert.equal(await group.count(), 1, `${q}: one group named by the legend "${legend}"`);
    assert.equal(await group.evaluate((e) => e.localName), 'fieldset');
    // Every option is found by its role and the name its label gives it.
    const inputs = await group.locator('input').evaluateAll((els) => els.map((e) => ({ id: e.id, type: e.type, name: document.querySelector(`label[for="${e.id}"]`).childNodes[0].textContent.trim() })));
    assert.ok(inputs.length >= 2, `${q}: options`);
    for (const { id, type, name } of inputs) {
      seenKinds.add(type);
      const byRole = group.getByRole(type, { name: new RegExp(`^${escape(name)}`) });
      assert.deepEqual(await byRole.evaluateAll((els) => els.map((e) => e.id)), [id], `${q}: the ${type} named "${name}"`);
    }
    if (step === 0) {
      // Nothing chosen: the error summary is an alert, its link moves focus to the first option.
      await page.locator('.kc form button[type=submit]').click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await alert.getByRole('link').click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), inputs[0].id, 'the alert\'s link leads to the first option');
    }
    // Answer by role, as assistive technology would.
    for (const opt of ANSWERS[q].split('+')) {
      const { type, name } = inputs.find((i) => i.id === `kc-${q}-${opt}`);
      await group.getByRole(type, { name: new RegExp(`^${escape(name)}`) }).check();
    }
    await page.locator('.kc form button[type=submit]').click();
    await page.waitForFunction((prev) => location.hash !== prev, hash);
  }
  assert.deepEqual([...seenKinds].sort(), ['checkbox', 'radio'], 'both radios and checkboxes were found by role');
  assert.equal(await page.evaluate(() => location.hash), '#/check');
  // The language switch is announced in the polite status region.
  await switchLanguage(page, 'English');
  const announced = page.getByRole('status').filter({ hasText: /\S/ });
  await announced.first().waitFor({ state: 'attached' });
  assert.deepEqual(await announced.evaluateAll((els) => els.map((e) => e.getAttribute('aria-live'))), ['polite'], 'one status region speaks, politely');
  await context.close();
});

test('privacy held in every context this file opened: no other origin, nothing after load, no storage without opt-in', () => {
  assertPrivacy('accessibility');
});
