// Performance benchmark of the built widget against a hand-written FLOOR page
// (bench/floor/). Not part of the test suite. Run with `npm run bench` (which builds
// first, see bench/run.sh) or, against an existing build:
//
//   node bench/run.mjs [--runs N] [--dist DIR] [--no-write] [--page PATH]
//
// --page measures the widget at another address under /kyodo/ (default: the city's own
// page, tomakomai/ja/; e.g. --page '?city=tomakomai' for index.html with the setting).
// Serves DIR (default $BENCH_DIST or dist/) at /kyodo/, bench/floor/ at /floor/ and the
// built Yew floor (bench/yew-floor/dist/, built by bench/run.sh) at /yew-floor/ on
// 127.0.0.1 with gzip, drives Debian's Chromium (playwright-core, the flags of
// tests/e2e/helpers.mjs), and reports the median over N fresh browser contexts at 1× and
// 4× CPU throttling. Prints a Markdown table and writes it into docs/performance.md
// between <!-- bench:start --> and <!-- bench:end -->.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const floorDir = path.join(root, 'bench', 'floor');
// The same page as the floor, written in Yew and built like the widget: what the stack
// itself costs before the widget adds anything.
const yewFloorDir = path.join(root, 'bench', 'yew-floor', 'dist');
const docPath = path.join(root, 'docs', 'performance.md');

// ---------------------------------------------------------------- arguments
const argv = process.argv.slice(2);
const opt = { runs: 7, dist: process.env.BENCH_DIST || 'dist', write: true, rates: [1, 4] };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const val = () => { const v = argv[++i]; if (v === undefined) throw new Error(`${a} needs a value`); return v; };
  if (a === '--runs') opt.runs = Number(val());
  else if (a.startsWith('--runs=')) opt.runs = Number(a.slice(7));
  else if (a === '--dist') opt.dist = val();
  else if (a.startsWith('--dist=')) opt.dist = a.slice(7);
  else if (a === '--no-write') opt.write = false;
  else if (a === '--page') opt.page = val();
  else if (a.startsWith('--page=')) opt.page = a.slice(7);
  else if (a === '--no-build') { /* handled by bench/run.sh */ }
  else if (a === '-h' || a === '--help') {
    console.log('usage: node bench/run.mjs [--runs N] [--dist DIR] [--no-write] [--page PATH]   (npm run bench -- ... builds first)');
    process.exit(0);
  } else throw new Error(`unknown argument ${a}`);
}
if (!Number.isInteger(opt.runs) || opt.runs < 1) throw new Error('--runs must be a positive integer');
const distDir = path.resolve(root, opt.dist);
if (!fs.existsSync(path.join(distDir, 'index.html'))) throw new Error(`no build in ${distDir} (run bench/run.sh or trunk build --release)`);
if (!fs.existsSync(path.join(yewFloorDir, 'index.html'))) throw new Error(`no build in ${yewFloorDir} (run bench/run.sh, which builds it)`);

// ---------------------------------------------------------------- the fixed flow
// The worked example tomakomai_koen_fits of tests/fixtures/cases.json (the 後援-wanting
// answers over the kyodo set), the case the native and end-to-end tests play too.
const CASE_ID = 'tomakomai_koen_fits';
const fixture = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'cases.json'), 'utf8'));
const benchCase = fixture.cases.find((c) => c.id === CASE_ID);
if (!benchCase) throw new Error(`no case ${CASE_ID} in tests/fixtures/cases.json`);
const PROFILE = benchCase.profile;
const FIRST_QUESTION = 'role';
const ANSWERS = { ...(benchCase.base ? fixture.answer_sets[benchCase.base] : {}), ...benchCase.answers };
const STEPS_MEASURED = 5;

// ---------------------------------------------------------------- in-page probes
/**
 * Injected before any page script. Records performance.now() (navigation start = 0) when
 * the start page is usable (.kc h1 rendered, .kc-button--start visible and enabled),
 * then clicks start one task later, and records when the first question is usable (its
 * radio inputs rendered and enabled). A MutationObserver catches the first moment.
 */
function probe(cfg) {
  const marks = (window.__bench = { visible: null, start: null, question: null });
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const tick = new MessageChannel();
  tick.port1.onmessage = () => {
    if (cfg.choose) document.getElementById(`kc-profile-${cfg.choose}`).click();
    document.querySelector('.kc-button--start').click();
  };
  let observer;
  const check = () => {
    // The start page's first content: its heading on screen (rendered at build time, or by the widget).
    if (marks.visible === null) {
      const h1 = document.querySelector('.kc h1');
      if (h1 && h1.textContent.trim() && visible(h1)) marks.visible = performance.now();
    }
    if (marks.start === null) {
      const h1 = document.querySelector('.kc h1');
      const button = document.querySelector('.kc-button--start');
      // A start page rendered at build time takes a click once the loader keeps it (#20).
      const taken = !document.querySelector('[data-prerendered]:not([data-kc-loader])');
      if (h1 && h1.textContent.trim() && button && !button.disabled && visible(button) && taken) {
        marks.start = performance.now();
        tick.port2.postMessage(0); // click as soon as usable, as its own task
      }
    } else if (marks.question === null) {
      const radios = document.querySelectorAll(`.kc input[type=radio][id^="kc-${cfg.question}-"]`);
      if (radios.length && document.querySelector('.kc h1') && [...radios].every((r) => !r.disabled)) {
        marks.question = performance.now();
        observer.disconnect();
      }
    }
  };
  observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

/** Waits (MutationObserver, hashchange, and rAF polling as a fallback) until done() holds. */
const WAIT_UNTIL = `(done, label) => new Promise((resolve, reject) => {
  if (done()) return resolve();
  let finished = false;
  const finish = () => { if (!finished && done()) { finished = true; mo.disconnect(); removeEventListener('hashchange', finish); clearTimeout(timer); resolve(); } };
  const mo = new MutationObserver(finish);
  mo.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  addEventListener('hashchange', finish);
  const poll = () => { if (!finished) { finish(); requestAnimationFrame(poll); } };
  requestAnimationFrame(poll);
  const timer = setTimeout(() => { finished = true; mo.disconnect(); reject(new Error('timed out waiting for ' + label)); }, 60000);
})`;

/** Clicks Continue and times it: t0 before the click, DOM changed, then the next frame. */
const stepInPage = `async () => {
  const waitUntil = ${WAIT_UNTIL};
  const h1 = document.querySelector('.kc h1');
  const prevText = h1 && h1.textContent;
  const prevHash = location.hash;
  const submit = document.querySelector('.kc form button[type=submit]');
  // What the user sees: the new question's heading. (The hash follows once it is painted.)
  const done = () => {
    const now = document.querySelector('.kc h1');
    return now && (now !== h1 || now.textContent !== prevText);
  };
  const t0 = performance.now();
  submit.click();
  await waitUntil(done, 'the next question after ' + prevHash);
  const tDom = performance.now();
  // Style and layout, which the frame needs before it can paint: forced here, so that
  // "laid out" is all the main-thread work the step costs before its frame.
  document.documentElement.getBoundingClientRect();
  const tLaid = performance.now();
  await new Promise((r) => requestAnimationFrame(() => r()));
  const t1 = performance.now();
  // Not timed: the history entry, written once the step is painted, before the next step.
  await waitUntil(() => location.hash !== prevHash, 'the history entry after ' + prevHash);
  return { dom: tDom - t0, laid: tLaid - t0, frame: t1 - t0, hash: location.hash };
}`;

/** Clicks the check page's result button and times the result page. */
const resultInPage = `async () => {
  const waitUntil = ${WAIT_UNTIL};
  const t0 = performance.now();
  document.querySelector('.kc-button--result').click();
  await waitUntil(() => !!document.querySelector('.kc-result h1'), 'the result page');
  const tDom = performance.now();
  document.documentElement.getBoundingClientRect();
  const tLaid = performance.now();
  await new Promise((r) => requestAnimationFrame(() => r()));
  const t1 = performance.now();
  const r = document.querySelector('.kc-result');
  return { dom: tDom - t0, laid: tLaid - t0, frame: t1 - t0, verdict: r.dataset.verdict, forms: r.dataset.forms };
}`;

// ---------------------------------------------------------------- one run
const kindOf = (url, type) => {
  const p = new URL(url).pathname;
  if (type === 'Document' || p.endsWith('/') || p.endsWith('.html')) return 'html';
  const ext = path.extname(p).slice(1);
  if (ext === 'bin') return 'content'; // the content file the embed settings name (#20)
  return ['js', 'wasm', 'css'].includes(ext) ? ext : 'other';
};

// The slow-network row (#20): about 1.6 Mbps down with 150 ms round trips, as CDP's
// Network.emulateNetworkConditions applies them to every request of the page.
const SLOW_NET = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 };

async function measure(browser, target, rate, net = null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  const responses = new Map();
  cdp.on('Network.responseReceived', (e) => responses.set(e.requestId, { url: e.response.url, type: e.type }));
  cdp.on('Network.loadingFinished', (e) => { const r = responses.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (net) await cdp.send('Network.emulateNetworkConditions', net);
  await page.addInitScript(probe, { question: FIRST_QUESTION, choose: target.choose });

  await page.goto(target.url);
  await page.waitForFunction(() => window.__bench && window.__bench.question !== null, null, { timeout: 120000 });
  const marks = await page.evaluate(() => ({
    ...window.__bench,
    ends: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .map((e) => ({ url: e.name, end: e.responseEnd })),
  }));
  // Every response finished by the time the first question was usable, with its size on
  // the wire (CDP encodedDataLength: compressed body plus headers).
  const early = marks.ends.filter((e) => !e.url.startsWith('data:') && e.end <= marks.question);
  for (let i = 0; i < 100 && early.some((e) => ![...responses.values()].some((r) => r.url === e.url && r.bytes !== undefined)); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const files = early.map((e) => {
    const r = [...responses.values()].find((x) => x.url === e.url && x.bytes !== undefined);
    if (!r) throw new Error(`no network record for ${e.url}`);
    return { url: e.url, kind: kindOf(e.url, r.type), bytes: r.bytes };
  });
  const result = {
    visible: marks.visible, start: marks.start, question: marks.question,
    bytes: files.reduce((s, f) => s + f.bytes, 0), files, steps: [], errors,
  };

  if (!net && (target.flow || target.steps)) {
    // The same steps for both: the widget goes on to the check and result pages, the
    // floor stops after its STEPS_MEASURED steps (it has no questions after those).
    await page.waitForFunction((q) => location.hash === `#/q/${q}`, FIRST_QUESTION);
    for (let i = 0; i < (target.flow ? 60 : STEPS_MEASURED); i++) {
      const hash = await page.evaluate(() => location.hash);
      const m = hash.match(/^#\/q\/([a-z_]+)/);
      if (!m) break;
      const q = m[1];
      if (!(q in ANSWERS)) throw new Error(`the flow asked "${q}", which bench/run.mjs does not answer`);
      for (const o of ANSWERS[q].split('+')) await page.locator(`label[for="kc-${q}-${o}"]`).click();
      result.steps.push({ q, ...(await page.evaluate(`(${stepInPage})()`)) });
    }
  }
  if (!net && target.flow) {
    const hash = await page.evaluate(() => location.hash);
    if (hash !== "#/check") throw new Error(`expected the check page after the flow, got ${hash}`);
    result.result = await page.evaluate(`(${resultInPage})()`);
  }
  await cdp.send('HeapProfiler.collectGarbage');
  result.heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await context.close();
  return result;
}

// ---------------------------------------------------------------- statistics and formatting
const median = (xs) => {
  const s = xs.filter((x) => x !== undefined && x !== null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return undefined;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ms = (x) => (x === undefined ? '—' : `${x.toFixed(1)} ms`);
const kb = (x) => (x === undefined ? '—' : `${(x / 1024).toFixed(1)} KiB`);
const mb = (x) => (x === undefined ? '—' : `${(x / 1024 / 1024).toFixed(2)} MiB`);
const ratio = (a, b) => (a === undefined || b === undefined || !b ? '—' : `${(a / b).toFixed(2)}×`);

function cpuModel() {
  try {
    const line = fs.readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => /^model name\s*:/.test(l));
    if (line) return line.split(':').slice(1).join(':').trim();
  } catch { /* not Linux */ }
  return os.cpus()[0]?.model || 'unknown CPU';
}

// ---------------------------------------------------------------- main
const server = await serve(distDir, { prefix: '/kyodo/', gzip: true, mounts: { '/floor/': floorDir, '/yew-floor/': yewFloorDir } });
const browser = await launch();
const chromium = browser.version();
const targets = {
  // ?city= fixes the profile (docs/embedding.md), so the start page is the button alone,
  // as on a city's own page, and start leads straight to the first question.
  // The city's own page with its start page rendered at build time (docs/embedding.md).
  widget: { url: `${server.url}${opt.page ?? `${PROFILE}/ja/`}`, flow: true },
  // No city set: the chooser, also rendered at build time; the city is chosen, then start.
  chooser: { url: `${server.url}all/ja/`, flow: false, choose: PROFILE },
  // The floor answers the same first STEPS_MEASURED questions, then stops.
  floor: { url: `${server.origin}/floor/`, flow: false, steps: true },
  // The floor in Yew: the same questions and steps.
  yew: { url: `${server.origin}/yew-floor/`, flow: false, steps: true },
};
const runs = { widget: {}, chooser: {}, floor: {}, yew: {} };
const slowRuns = { widget: [], chooser: [], floor: [], yew: [] };
try {
  for (const rate of opt.rates) {
    for (const name of Object.keys(targets)) runs[name][rate] = [];
    for (let i = 0; i < opt.runs; i++) {
      for (const name of Object.keys(targets)) { // interleaved, so drift hits both alike
        const r = await measure(browser, targets[name], rate);
        if (r.errors.length) console.error(`warning: page errors in ${name} at ${rate}×: ${r.errors.join('; ')}`);
        runs[name][rate].push(r);
        const steps = r.steps.slice(0, STEPS_MEASURED).map((s) => s.frame.toFixed(1)).join(', ');
        console.error(`${name} ${rate}× run ${i + 1}/${opt.runs}: start ${r.start.toFixed(1)} ms, question ${r.question.toFixed(1)} ms, ${r.bytes} B` +
          (steps ? `, steps [${steps}] ms` : '') + (r.result ? `, result ${r.result.frame.toFixed(1)} ms` : '') + `, heap ${r.heap} B`);
      }
    }
  }
  // The slow network, at 1× CPU: what a visitor on a poor mobile connection waits for.
  for (let i = 0; i < opt.runs; i++) {
    for (const name of Object.keys(targets)) {
      const r = await measure(browser, targets[name], 1, SLOW_NET);
      slowRuns[name].push(r);
      console.error(`${name} slow network run ${i + 1}/${opt.runs}: start ${r.start.toFixed(1)} ms, question ${r.question.toFixed(1)} ms, ${r.bytes} B`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const summary = (name, rate) => {
  const rs = runs[name][rate];
  const steps = rs.filter((r) => r.steps.length >= STEPS_MEASURED);
  return {
    bytes: median(rs.map((r) => r.bytes)),
    visible: median(rs.map((r) => r.visible)),
    start: median(rs.map((r) => r.start)),
    question: median(rs.map((r) => r.question)),
    step: steps.length ? median(steps.map((r) => mean(r.steps.slice(0, STEPS_MEASURED).map((s) => s.frame)))) : undefined,
    stepDom: steps.length ? median(steps.map((r) => mean(r.steps.slice(0, STEPS_MEASURED).map((s) => s.dom)))) : undefined,
    stepLaid: steps.length ? median(steps.map((r) => mean(r.steps.slice(0, STEPS_MEASURED).map((s) => s.laid)))) : undefined,
    result: rs[0].result ? median(rs.map((r) => r.result.frame)) : undefined,
    resultDom: rs[0].result ? median(rs.map((r) => r.result.dom)) : undefined,
    resultLaid: rs[0].result ? median(rs.map((r) => r.result.laid)) : undefined,
    heap: median(rs.map((r) => r.heap)),
  };
};
const S = {};
for (const name of Object.keys(targets)) { S[name] = {}; for (const rate of opt.rates) S[name][rate] = summary(name, rate); }

const first = runs.widget[opt.rates[0]][0];
const stepNames = first.steps.slice(0, STEPS_MEASURED).map((s) => s.q).join(' → ');
const onDisk = (url, dir, prefix) => {
  let rel = decodeURIComponent(new URL(url).pathname.slice(prefix.length)) || 'index.html';
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(dir, rel);
  if (!fs.existsSync(file)) return [undefined, undefined];
  const raw = fs.readFileSync(file);
  return [raw.length, zlib.gzipSync(raw, { level: 9 }).length];
};

const lines = [];
lines.push(`Measured ${new Date().toISOString()} by \`npm run bench\` (bench/run.mjs), median of ${opt.runs} fresh browser context${opt.runs > 1 ? 's' : ''} per cell.`);
lines.push('');
lines.push(`Machine: ${cpuModel()}, ${os.cpus().length} cores; Chromium ${chromium} (headless, Debian); Node ${process.version}. ` +
  `Served from 127.0.0.1 with gzip (level 9), no cache. CPU throttling by CDP \`Emulation.setCPUThrottlingRate\`.`);
lines.push('');
lines.push(`Flow: profile ${PROFILE} on its own page \`${PROFILE}/ja/\` (the chooser page \`all/ja/\` chooses it, then starts), the 後援-wanting answers of case ${CASE_ID} in tests/fixtures/cases.json; ` +
  `answer → next is the mean of the first ${STEPS_MEASURED} steps (${stepNames}). The floor (bench/floor/) is a hand-written ` +
  `HTML+JS page with the same start page and the same first ${STEPS_MEASURED + 1} questions (same texts, options and selectors), measured by the same code; ` +
  'on each answer it does what the widget does on a step: replaces the question and, once that is painted, pushes the hash route `#/q/<next>`, sets `document.title` and focuses the new h1. ' +
  'It has no check or result page. The Yew floor (bench/yew-floor/) is the floor written in Yew 0.23 and built like the widget ' +
  '(release profile, wasm-opt -Oz, the same post-build hook): the same page and steps with no content, store or router, so it is the least any widget in this stack costs.');
lines.push('');
lines.push('| metric | CPU | widget (city page) | chooser page | floor | Yew floor | widget / floor | widget / Yew floor | Yew floor / floor |');
lines.push('|---|---|---|---|---|---|---|---|---|');
const row = (label, key, fmt, rate, floorToo = true) => {
  const w = S.widget[rate][key];
  const c = floorToo ? S.chooser[rate][key] : undefined;
  const f = floorToo ? S.floor[rate][key] : undefined;
  const y = floorToo ? S.yew[rate][key] : undefined;
  lines.push(`| ${label} | ${rate}× | ${fmt(w)} | ${floorToo ? fmt(c) : 'n/a'} | ${floorToo ? fmt(f) : 'n/a'} | ${floorToo ? fmt(y) : 'n/a'} | ` +
    `${floorToo ? ratio(w, f) : '—'} | ${floorToo ? ratio(w, y) : '—'} | ${floorToo ? ratio(y, f) : '—'} |`);
};
for (const rate of opt.rates) row('bytes transferred until the first question is usable', 'bytes', kb, rate);
for (const rate of opt.rates) row('**start page visible**: its heading on screen (from navigation start)', 'visible', ms, rate);
for (const rate of opt.rates) row('start page usable: a click is taken (from navigation start)', 'start', ms, rate);
for (const rate of opt.rates) row('**first question usable** (from navigation start)', 'question', ms, rate);
for (const rate of opt.rates) row(`answer → next question, next frame (mean of ${STEPS_MEASURED})`, 'step', ms, rate);
for (const rate of opt.rates) row(`answer → next question, DOM updated (mean of ${STEPS_MEASURED})`, 'stepDom', ms, rate);
for (const rate of opt.rates) row(`**answer → next question, laid out** (mean of ${STEPS_MEASURED})`, 'stepLaid', ms, rate);
for (const rate of opt.rates) row('check page → result page, next frame', 'result', ms, rate, false);
for (const rate of opt.rates) row('check page → result page, DOM updated', 'resultDom', ms, rate, false);
for (const rate of opt.rates) row('check page → result page, laid out', 'resultLaid', ms, rate, false);
for (const rate of opt.rates) {
  lines.push(`| JS heap after GC (widget: after the full flow; floors: after their ${STEPS_MEASURED} steps) | ${rate}× | ` +
    `${mb(S.widget[rate].heap)} | ${mb(S.floor[rate].heap)} | ${mb(S.yew[rate].heap)} | ` +
    `${ratio(S.widget[rate].heap, S.floor[rate].heap)} | ${ratio(S.yew[rate].heap, S.floor[rate].heap)} |`);
}
{
  const slow = (name, key) => median(slowRuns[name].map((r) => r[key]));
  for (const [label, key] of [['start page visible, slow network (1.6 Mbps, 150 ms RTT)', 'visible'], ['start page usable, slow network', 'start'], ['**first question usable**, slow network', 'question']]) {
    const [w, c, f, y] = ['widget', 'chooser', 'floor', 'yew'].map((n) => slow(n, key));
    lines.push(`| ${label} | 1× | ${ms(w)} | ${ms(c)} | ${ms(f)} | ${ms(y)} | ${ratio(w, f)} | ${ratio(w, y)} | ${ratio(y, f)} |`);
  }
}
lines.push('');
lines.push('"Next frame" is the time from just before the click to the first `requestAnimationFrame` after the DOM changed (so it includes waiting for the frame); ' +
  '"DOM updated" stops when the new heading is in the DOM; "laid out" adds the style and layout the frame needs (forced by `getBoundingClientRect`), so it is all the main-thread work of the step before its frame is painted. ' +
  'The rest of "next frame" is waiting for the display\'s next frame (up to 16.7 ms at 60 Hz), which no page can shorten. JS heap is `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage`; the wasm linear memory is not part of it.');
lines.push('');
lines.push('Targets:');
lines.push('');
lines.push('| target | CPU | measured | met? |');
lines.push('|---|---|---|---|');
// Issue #20's targets, as ratios within this run.
{
  const cityKb = S.widget[opt.rates[0]].bytes / 1024;
  lines.push(`| a city embed transfers ≤ 150 KB until its first question (on the wire) | ${opt.rates[0]}× | ${cityKb.toFixed(1)} KiB | ${cityKb <= 150 ? 'met' : '**not met**'} |`);
}
for (const rate of opt.rates) {
  const v = S.widget[rate].visible / S.floor[rate].visible;
  lines.push(`| start page visible within 1.2× of the floor's first content | ${rate}× | ${v.toFixed(2)}× (${ms(S.widget[rate].visible)} vs ${ms(S.floor[rate].visible)}) | ${v <= 1.2 ? 'met' : '**not met**'} |`);
}
for (const rate of opt.rates) {
  const v = S.chooser[rate].visible / S.floor[rate].visible;
  lines.push(`| chooser page's first paint within 1.2× of the floor | ${rate}× | ${v.toFixed(2)}× (${ms(S.chooser[rate].visible)}) | ${v <= 1.2 ? 'met' : '**not met**'} |`);
}
for (const rate of opt.rates) {
  const q = S.widget[rate].question / S.yew[rate].question;
  lines.push(`| first question usable within 1.3× of the Yew floor | ${rate}× | ${q.toFixed(2)}× (${ms(S.widget[rate].question)} vs ${ms(S.yew[rate].question)}) | ${q <= 1.3 ? 'met' : '**not met**'} |`);
}
for (const rate of opt.rates) {
  const q = S.widget[rate].question / S.floor[rate].question;
  lines.push(`| (#8's: first question usable within 1.3× of the floor) | ${rate}× | ${q.toFixed(2)}× (${ms(S.widget[rate].question)} vs ${ms(S.floor[rate].question)}) | ${q <= 1.3 ? 'met' : '**not met**'} |`);
}
// The same target for the Yew floor: whether the stack alone can meet it.
for (const rate of opt.rates) {
  const q = S.yew[rate].question / S.floor[rate].question;
  lines.push(`| (the Yew floor, first question within 1.3× of the floor) | ${rate}× | ${q.toFixed(2)}× (${ms(S.yew[rate].question)}) | ${q <= 1.3 ? 'met' : '**not met**'} |`);
}
const slow = opt.rates.includes(4) ? 4 : opt.rates[opt.rates.length - 1];
// Judged on the step's main-thread work (laid out): that is what must fit in a frame.
// Also shown to the next frame, which adds the wait for the display.
const met = (x) => (x === undefined ? '—' : x <= 16 ? 'met' : '**not met**');
lines.push(`| answer → next question ≤ 16 ms: laid out (the step's main-thread work) | ${slow}× | ${ms(S.widget[slow].stepLaid)} | ${met(S.widget[slow].stepLaid)} |`);
lines.push(`| answer → next question ≤ 16 ms: to the next frame | ${slow}× | ${ms(S.widget[slow].step)} | ${met(S.widget[slow].step)} |`);
// The floor against the same target: how much of a step is the browser's own work
// (style, layout, waiting for the frame) that no widget code can remove.
lines.push(`| (the floor, laid out / to the next frame) | ${slow}× | ${ms(S.floor[slow].stepLaid)} / ${ms(S.floor[slow].step)} | ${met(S.floor[slow].stepLaid)} / ${met(S.floor[slow].step)} |`);
lines.push(`| (the Yew floor, laid out / to the next frame) | ${slow}× | ${ms(S.yew[slow].stepLaid)} / ${ms(S.yew[slow].step)} | ${met(S.yew[slow].stepLaid)} / ${met(S.yew[slow].step)} |`);
lines.push('');
lines.push(`Transferred until the first question is usable, first run at ${opt.rates[0]}× (wire bytes include the response headers):`);
lines.push('');
lines.push('| page | file | kind | on the wire | file size | gzip -9 |');
lines.push('|---|---|---|---|---|---|');
for (const [name, dir, prefix, label] of [['widget', distDir, '/kyodo/', 'widget'], ['chooser', distDir, '/kyodo/', 'chooser page'], ['floor', floorDir, '/floor/', 'floor'], ['yew', yewFloorDir, '/yew-floor/', 'Yew floor']]) {
  const r = runs[name][opt.rates[0]][0];
  const byKind = {};
  for (const f of r.files) {
    const [raw, gz] = onDisk(f.url, dir, prefix);
    byKind[f.kind] = (byKind[f.kind] || 0) + f.bytes;
    const shown = new URL(f.url).pathname.slice(prefix.length) || 'index.html';
    lines.push(`| ${label} | \`${shown}\` | ${f.kind} | ${f.bytes.toLocaleString('en')} B | ${raw?.toLocaleString('en') ?? '—'} B | ${gz?.toLocaleString('en') ?? '—'} B |`);
  }
  const kinds = ['html', 'js', 'wasm', 'css', 'content', 'other'].filter((k) => byKind[k] !== undefined)
    .map((k) => `${k} ${byKind[k].toLocaleString('en')} B`).join(', ');
  lines.push(`| ${label} | **total** | ${kinds} | **${r.bytes.toLocaleString('en')} B** | | |`);
}
if (first.result) {
  lines.push('');
  lines.push(`The flow ended on verdict \`${first.result.verdict}\`, forms \`${first.result.forms}\` after ${first.steps.length} questions.`);
}
const table = lines.join('\n');
console.log(table);

if (opt.write) {
  const START = '<!-- bench:start -->';
  const END = '<!-- bench:end -->';
  let doc = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8')
    : `# Performance\n\nHow fast the built widget loads and responds, against a hand-written floor page (\`npm run bench\`).\n\n${START}\n${END}\n`;
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${docPath} lacks the ${START} … ${END} markers`);
  doc = `${doc.slice(0, a + START.length)}\n${table}\n${doc.slice(b)}`;
  fs.writeFileSync(docPath, doc);
  console.error(`wrote ${path.relative(root, docPath)}`);
}
