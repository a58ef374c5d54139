// Trunk post-build hook: turns Trunk's inline loader into an external loader.js, so
//  - the page runs under a strict Content-Security-Policy (no 'unsafe-inline' scripts),
//  - the wasm and CSS are found relative to the loader itself, under any sub-path and
//    when a city mounts the widget directly into its own page (loader.js is the one
//    stable file name a host page references).
import crypto from 'node:crypto';
import fs from 'node:fs';
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

const loader = `// 協働チェック loader: the one file a host page includes (see docs/embedding.md).
import init from './${js}';
const here = (file) => new URL(file, import.meta.url).href;
// Mounted directly into a host page: bring the widget's own (scoped) stylesheet.
if (!document.querySelector('link[data-kyodo-check]')) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = here('./${css}');
  link.dataset.kyodoCheck = '';
  document.head.append(link);
}
await init({ module_or_path: here('./${wasm}') });
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

// Release builds: each first-load file, in any subfolder too, also pre-compressed beside
// itself (name.gz, name.br; scripts/dist-files.mjs), so a server with nginx's
// gzip_static / brotli_static (or the like) sends the smallest form at no CPU cost, and
// without first having to learn that application/wasm compresses.
if (process.env.TRUNK_PROFILE === 'release') {
  const files = precompress(dir);
  console.log(`post-build: .gz and .br written beside each of ${files.length} files: ${files.join(', ')}`);
}
