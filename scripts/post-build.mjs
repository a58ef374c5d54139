// Trunk post-build hook: turns Trunk's inline loader into an external loader.js, so
//  - the page runs under a strict Content-Security-Policy (no 'unsafe-inline' scripts),
//  - the wasm and CSS are found relative to the loader itself, under any sub-path and
//    when a city mounts the widget directly into its own page (loader.js is the one
//    stable file name a host page references).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { minify } from 'terser';
import { precompress } from './dist-files.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');

// Attribute quotes are optional: Trunk's minified HTML (minify = "on_release") drops them.
const inline = html.match(/<script type="?module"?>([\s\S]*?)<\/script>/);
if (!inline) throw new Error('no inline module script in index.html (has Trunk changed its output?)');
const js = inline[1].match(/from '\.\/([^']+\.js)'/)?.[1];
const wasm = inline[1].match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
const cssLink = html.match(/<link\b[^>]*\bhref="?\.\/([^"\s>]+\.css)"?[^>]*>/);
const css = cssLink?.[1];
if (!js || !wasm || !css) throw new Error(`loader parts not found: js=${js} wasm=${wasm} css=${css}`);

// The content files build.rs wrote for this build (issue #20: one per profile, one with
// every profile for the chooser; see src/model/split.rs) go to dist/content/. The wasm
// names them (each name carries the hash of its bytes), so the names are read from the
// wasm itself and the files found in the build's output folders: another checkout
// building into the same target/ cannot slip its own files in.
const names = [...new Set(fs.readFileSync(path.join(dir, wasm)).toString('latin1').match(/content\/[a-z0-9_]+\.[0-9a-f]{16}\.bin/g) ?? [])];
if (!names.length) throw new Error(`no content file named in ${wasm} (has build.rs changed?)`);
{
  const root = process.env.TRUNK_SOURCE_DIR || path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const target = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
  const builds = path.join(target, 'wasm32-unknown-unknown', process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug', 'build');
  const outs = fs.readdirSync(builds).filter((d) => d.startsWith('kyodo-check-')).map((d) => path.join(builds, d, 'out', 'content'));
  const from = outs.find((d) => names.every((n) => fs.existsSync(path.join(d, path.basename(n)))));
  if (!from) throw new Error(`the content files ${names.join(', ')} are in no ${builds}/kyodo-check-*/out/content/: touch build.rs and build again`);
  const to = path.join(dir, 'content');
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(to);
  for (const n of names) fs.copyFileSync(path.join(from, path.basename(n)), path.join(dir, n));
  console.log(`post-build: ${names.length} content files -> content/`);
}

// profile → content file, for the loader's preload ('' is the chooser's, with every profile).
const files = Object.fromEntries(names.map((n) => { const stem = path.basename(n).replace(/\.[0-9a-f]{16}\.bin$/, ''); return [stem === 'all' ? '' : stem, n]; }));

const loader = `// 協働チェック loader: the one file a host page includes (see docs/embedding.md).
const here = (file) => new URL(file, import.meta.url).href;
const el = document.getElementById('kyodo-check');
// A start page rendered at build time is on screen before the wasm (issue #20). Until the
// widget has taken it over (data-kc-running: after the wasm and the content file), its
// form does nothing by itself (method=dialog); a click on the start button is kept here,
// and the widget carries on with it (src/app/early.rs).
const keep = (e) => {
  if (el.hasAttribute('data-kc-running')) return; // the widget's own form handles it now
  e.preventDefault();
  el.dataset.kcStart = 'pending';
  const form = e.target;
  // On the chooser with no city chosen, the widget asks for one when it runs: no hint.
  if (form.querySelector('input[name=kc-profile]') && !form.querySelector('input[name=kc-profile]:checked')) return;
  // Says on screen (and to a screen reader: the hint is a status) that the click counts.
  const hint = form.querySelector('.kc-hint[role=status]');
  const text = form.querySelector('template[data-kc-waiting]');
  if (hint && text && !hint.hasChildNodes()) hint.append(text.content.cloneNode(true));
  form.querySelector('#kc-start')?.setAttribute('data-waiting', 'true');
};
// A language or 職員モード chosen in the header meanwhile is kept the same way: shown as
// pressed at once, and the widget starts with it (src/app/early.rs).
const choose = (e) => {
  if (el.hasAttribute('data-kc-running')) return;
  const lang = e.target.closest?.('.kc-lang__button');
  const mode = e.target.closest?.('.kc-mode');
  if (lang?.value) {
    el.dataset.kcChosenLang = lang.value;
    for (const b of el.querySelectorAll('.kc-lang__button')) b.setAttribute('aria-pressed', String(b === lang));
  } else if (mode) {
    const on = mode.getAttribute('aria-pressed') !== 'true';
    mode.setAttribute('aria-pressed', String(on));
    el.dataset.kcChosenMode = on ? 'counter' : 'citizen';
  }
};
if (el?.hasAttribute('data-prerendered')) {
  el.addEventListener('submit', keep, true);
  el.addEventListener('click', choose, true);
  el.dataset.kcLoader = '';
}
// Mounted directly into a host page: bring the widget's own (scoped) stylesheet.
if (!document.querySelector('link[data-kyodo-check]')) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = here('./${css}');
  link.dataset.kyodoCheck = '';
  document.head.append(link);
}
// The content file the embed settings name, asked for now, beside the wasm, rather than
// once the wasm runs (which fetches the same file; issue #20). Only where the settings
// name it plainly (a known city, or the chooser); otherwise the wasm alone asks.
{
  const files = ${JSON.stringify(files)};
  const params = new URLSearchParams(location.search);
  const get = (name) => (el?.getAttribute(\`data-\${name}\`) ?? params.get(name))?.trim() || null;
  const city = get('city');
  const file = city ? (Object.hasOwn(files, city) ? files[city] : null) : get('chooser') === 'hide' ? null : files[''];
  if (file) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = here('./' + file);
    document.head.append(link);
  }
}
// A visitor who leaves the page (a link, a reload) while the code loads makes the browser
// cancel it: no fault of the city's files, so nothing is reported then.
let leaving = false;
addEventListener('pagehide', () => { leaving = true; });
// Imported here, not at the top, so that the lines above run as soon as this file arrives.
try {
  const { default: init } = await import('./${js}');
  await init({ module_or_path: here('./${wasm}') });
} catch (e) {
  if (!leaving) {
    if (el) el.dataset.kcFailed = 'code';
    // Without the code the header's language and 職員モード buttons can do nothing: hidden.
    el?.querySelector('.kc-header__tools')?.setAttribute('hidden', '');
    // A start page rendered at build time carries the message for this (with the counter's
    // contact, in its language): in place of the start button, and its retry reloads.
    const form = el?.querySelector('.kc-main form');
    if (form) {
      const message = el.querySelector(':scope > template[data-kc-failed]');
      if (message) {
        el.querySelector('.kc-main h1').after(message.content.cloneNode(true));
        form.remove();
      }
    } else if (el) {
      // index.html: the message in the page's language, on its own.
      const lang = (el.getAttribute('data-lang') ?? new URLSearchParams(location.search).get('lang'))?.trim();
      const message = el.querySelector(\`:scope > template[data-kc-failed][data-lang="\${CSS.escape(lang || '')}"]\`)
        ?? el.querySelector(':scope > template[data-kc-failed]');
      if (message) {
        const kc = document.createElement('div');
        kc.className = 'kc';
        kc.lang = message.dataset.htmlLang;
        const container = document.createElement('div');
        container.className = 'kc-container';
        const main = document.createElement('main');
        main.className = 'kc-main';
        main.append(message.content.cloneNode(true));
        container.append(main);
        kc.append(container);
        el.replaceChildren(kc);
      }
    }
    el?.querySelector('[data-action="retry"]')?.addEventListener('click', () => location.reload());
    console.error(\`協働チェック: the widget's code (${js}, ${wasm}) could not be loaded or started (\${e}). Upload the whole dist/ folder of one build, and nothing else over it (docs/embedding.md).\`);
  }
}
`;
fs.writeFileSync(path.join(dir, 'loader.js'), loader);

html = html.replace(inline[0], '<script type="module" src="./loader.js"></script>');

// Release builds: minify wasm-bindgen's glue (Trunk's own minifier fails on it and keeps it
// whole; measured 7.2 -> 5.4 KB gzip). Its <link rel=modulepreload> carries an integrity
// hash, which must name the new bytes, or the browser refuses the preload.
if (process.env.TRUNK_PROFILE === 'release') {
  const jsPath = path.join(dir, js);
  const { code } = await minify(fs.readFileSync(jsPath, 'utf8'), { module: true, compress: true, mangle: true });
  fs.writeFileSync(jsPath, code);
  const sri = `sha384-${crypto.createHash('sha384').update(code).digest('base64')}`;
  const preload = html.match(new RegExp(`<link\\b[^>]*\\bhref="?\\./${js.replace(/[.]/g, '\\.')}"?[^>]*>`));
  if (!preload || !/integrity="?sha384-/.test(preload[0])) throw new Error(`no preload with an integrity hash for ${js}`);
  html = html.replace(preload[0], preload[0].replace(/sha384-[A-Za-z0-9+/=]+/, sri));
}
html = html.replace(cssLink[0], cssLink[0].replace('<link', '<link data-kyodo-check'));
fs.writeFileSync(indexPath, html);
console.log(`post-build: loader.js -> ${js}, ${wasm}, ${css}`);

// The start page of every city and language, rendered at build time by the widget's own
// components (src/bin/prerender.rs, yew's server-side rendering, natively), so it is on
// screen before the wasm arrives (issue #20):
//  - dist/<city>/<lang>/index.html, and dist/all/<lang>/index.html with the chooser: the
//    widget's own page, for a link or an iframe (the city and language are fixed by the
//    page, so they always match what was rendered);
//  - dist/embed/<city>.<lang>.html: the snippet for a direct mount (docs/embedding.md).
// dist/index.html stays as it was: its settings come from the URL, which the build cannot know.
{
  const root = process.env.TRUNK_SOURCE_DIR || path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-prerender-'));
  const run = spawnSync('cargo', ['run', '--quiet', '--features', 'prerender', '--bin', 'prerender', '--', out], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) throw new Error(`prerender failed (exit ${run.status})`);
  const pages = JSON.parse(fs.readFileSync(path.join(out, 'pages.json'), 'utf8'));
  const attr = (v) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const text = (v) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const mount = /<div id="?kyodo-check"?><\/div>/;
  if (!mount.test(html)) throw new Error('no empty <div id=kyodo-check> in index.html');
  fs.rmSync(path.join(dir, 'embed'), { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'embed'));
  // The message for code that cannot be loaded, from the same page rendered with that
  // problem: the loader puts it in place of the start button (inert until then).
  const problemOf = (p) => {
    const m = fs.readFileSync(path.join(out, p.failed_file), 'utf8').match(/<div\b[^>]*\bkc-load-problem\b[^>]*>[\s\S]*?<\/div>/);
    if (!m || !/data-problem="code"/.test(m[0])) throw new Error(`no load-problem message in ${p.failed_file}`);
    return m[0];
  };
  for (const p of pages) {
    const body = fs.readFileSync(path.join(out, p.file), 'utf8');
    const settings = `${p.profile ? ` data-city="${attr(p.profile)}"` : ''} data-lang="${attr(p.lang)}"`;
    const div = `<div id="kyodo-check"${settings} data-prerendered>${body}<template data-kc-failed>${problemOf(p)}</template></div>`;
    const page = html
      .replace(/(<html\b[^>]*\blang=)("[^"]*"|[^\s>]+)/, `$1"${attr(p.html_lang)}"`)
      .replace(/<title>[^<]*<\/title>/, `<title>${text(p.title)}</title>`)
      .replace(/(\b(?:href|src)=)(["']?)\.\//g, '$1$2../../')
      .replace(mount, () => div);
    const to = path.join(dir, p.profile ?? 'all', p.lang);
    fs.mkdirSync(to, { recursive: true });
    fs.writeFileSync(path.join(to, 'index.html'), page);
    const cssHref = `${css}`;
    fs.writeFileSync(path.join(dir, 'embed', `${p.profile ?? 'all'}.${p.lang}.html`),
      `<!-- 協働チェック: paste into your page where the widget goes; /kyodo/ is where dist/ is on your server (docs/embedding.md). -->\n`
      + `<link rel="stylesheet" href="/kyodo/${cssHref}" data-kyodo-check>\n${div}\n<script type="module" src="/kyodo/loader.js"></script>\n`);
  }
  // index.html has no start page before the widget (its settings come from the URL): it
  // carries the chooser's message in each language (with no city's counter, as the city is
  // not known here), and the loader shows the one for the page's language.
  const messages = pages.filter((p) => !p.profile)
    .map((p) => `<template data-kc-failed data-lang="${attr(p.lang)}" data-html-lang="${attr(p.html_lang)}">${problemOf(p)}</template>`);
  if (messages.length === 0) throw new Error('no chooser page rendered: index.html would have no message for code that cannot be loaded');
  html = html.replace(mount, () => `<div id="kyodo-check">${messages.join('')}</div>`);
  fs.writeFileSync(indexPath, html);
  fs.rmSync(out, { recursive: true, force: true });
  console.log(`post-build: ${pages.length} start pages rendered at build time -> <city>/<lang>/index.html, embed/`);
}

// Release builds: each first-load file, in any subfolder too, also pre-compressed beside
// itself (name.gz, name.br; scripts/dist-files.mjs), so a server with nginx's
// gzip_static / brotli_static (or the like) sends the smallest form at no CPU cost, and
// without first having to learn that application/wasm compresses.
if (process.env.TRUNK_PROFILE === 'release') {
  const files = precompress(dir);
  console.log(`post-build: .gz and .br written beside each of ${files.length} files: ${files.join(', ')}`);
}
