// The size budget (issues #8, #20): gzip bytes of what each city embed transfers until its
// first question (the start page rendered at build time, or index.html; the loader, the
// wasm-bindgen JS, the wasm, the CSS; and the city's own content file), per file, against
// bench/budget.json; the chooser's is listed too. Deterministic, so CI runs it; timings live
// in the benchmark (npm run bench). Also checks the release build's pre-compressed copies
// (name.gz, name.br, written by scripts/post-build.mjs): each must exist and unpack to
// the file's own bytes, or a server with gzip_static would send a stale or broken file.
// The whole tree is walked; which files are which is scripts/dist-files.mjs's rule.
// Usage: node scripts/size-budget.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentProfile, copies, firstLoadFiles, isContent, isEntryPage, walk } from './dist-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
const budget = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'budget.json'), 'utf8'));

// The first load is index.html and every file of dist/ it pulls in: the loader, the
// wasm-bindgen JS (and any snippets), the wasm and the CSS (all of dist/ but source maps).
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`size budget: no index.html in ${dist}; build first (trunk build --release)`);
  process.exit(2);
}
const measure = (f) => {
  const body = fs.readFileSync(path.join(dist, f));
  const sizes = {};
  for (const [ext, { unpack }] of Object.entries(copies)) {
    const copy = path.join(dist, `${f}.${ext}`);
    if (!fs.existsSync(copy)) {
      console.error(`size budget: ${f}.${ext} is missing (scripts/post-build.mjs writes it in release builds)`);
      process.exit(1);
    }
    const packed = fs.readFileSync(copy);
    let same = false;
    try { same = unpack(packed).equals(body); } catch { /* reported below */ }
    if (!same) {
      console.error(`size budget: ${f}.${ext} does not unpack to ${f} (stale or damaged)`);
      process.exit(1);
    }
    sizes[ext] = packed.length;
  }
  return { file: f, raw: body.length, gzip: copies.gz.pack(body).length, br: sizes.br };
};
const sum = (rows) => rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, br: a.br + r.br }), { raw: 0, gzip: 0, br: 0 });
const kb = (n) => (n / 1024).toFixed(1);
const table = (rows) => {
  console.log('| file | raw KB | gzip KB | brotli KB |\n|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.br)} |`);
  const t = sum(rows);
  console.log(`| **total** | ${kb(t.raw)} | **${kb(t.gzip)}** | ${kb(t.br)} |`);
  return t;
};

// What every embed loads first (the page, loader, glue, wasm, CSS), then each embed's
// content file (issue #20): a city embed (data-city / ?city=) its own city's; the
// chooser (no city) the file with every profile, after its first paint. The budget
// counts gzip; brotli (the .br copies) is what a server with brotli sends.
const code = firstLoadFiles(dist).map(measure);
const content = walk(dist).filter(isContent).map(measure);
console.log('What every embed loads first:\n');
const base = table(code);
// An embed's page: the start page rendered at build time for it (<city>/ja/, all/ja/ for
// the chooser) where the build has one, in place of index.html; else index.html.
const embeds = content.map((c) => {
  const city = contentProfile(c.file);
  const page = `${city ?? 'all'}/ja/index.html`;
  if (fs.existsSync(path.join(dist, page)) && isEntryPage(page)) {
    return { name: city ? `${city}/ja/` : 'all/ja/ (chooser)', city: !!city, rows: [...code.filter((r) => r.file !== 'index.html'), measure(page), c] };
  }
  return { name: city ? `?city=${city}` : 'chooser (no city)', city: !!city, rows: [...code, c] };
});
if (!embeds.length) embeds.push({ name: '(no content files)', city: true, rows: code });
console.log('\nEach embed until its first question (gzip KB):\n\n| embed | page and code | content file | total |\n|---|---:|---:|---:|');
for (const e of embeds) {
  e.gzip = sum(e.rows).gzip;
  const file = e.rows.at(-1);
  console.log(`| ${e.name} | ${kb(e.gzip - (isContent(file.file) ? file.gzip : 0))} | ${isContent(file.file) ? kb(file.gzip) : '—'} | **${kb(e.gzip)}** |`);
}
// The ceiling is checked for every city embed; the chooser's first paint needs only the first load.
const cities = embeds.filter((e) => e.city);
const worst = Math.max(...cities.map((e) => e.gzip)) / 1024;
const target = worst <= budget.target_kb ? 'met' : `NOT met: ${(worst - budget.target_kb).toFixed(1)} KB over`;
console.log(`\ntarget ${budget.target_kb} KB gzip for each city embed (largest ${worst.toFixed(1)}): ${target}; CI ceiling ${budget.ceiling_kb} KB`);
const over = cities.filter((e) => e.gzip / 1024 > budget.ceiling_kb);
for (const e of over) {
  console.log(`\n${e.name} is over the ceiling:\n`);
  table(e.rows);
  console.error(`size budget exceeded: ${e.name}: ${kb(e.gzip)} KB gzip > ceiling ${budget.ceiling_kb} KB (files above)`);
}
if (over.length) process.exit(1);
