// The size budget (issue #8): gzip bytes of everything the first load transfers, per
// file, against bench/budget.json. Deterministic, so CI runs it; timings live in the
// benchmark (npm run bench). Also checks the release build's pre-compressed copies
// (name.gz, name.br, written by scripts/post-build.mjs): each must exist and unpack to
// the file's own bytes, or a server with gzip_static would send a stale or broken file.
// The whole tree is counted (files in subfolders too, named by their relative path);
// which files are first-load files is scripts/dist-files.mjs's rule.
// Usage: node scripts/size-budget.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copies, firstLoadFiles } from './dist-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
const budget = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'budget.json'), 'utf8'));

// The first load is index.html and every file of dist/ it pulls in: the loader, the
// wasm-bindgen JS (and any snippets), the wasm and the CSS (all of dist/ but source maps).
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`size budget: no index.html in ${dist}; build first (trunk build --release)`);
  process.exit(2);
}
const files = firstLoadFiles(dist);
const rows = files.map((f) => {
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
});
const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, br: a.br + r.br }), { raw: 0, gzip: 0, br: 0 });
const kb = (n) => (n / 1024).toFixed(1);
// The budget counts gzip; brotli (the .br copies) is what a server with brotli sends.
console.log('| file | raw KB | gzip KB | brotli KB |\n|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.br)} |`);
console.log(`| **total** | ${kb(total.raw)} | **${kb(total.gzip)}** | ${kb(total.br)} |`);
const gz = total.gzip / 1024;
const target = gz <= budget.target_kb ? 'met' : `NOT met: ${(gz - budget.target_kb).toFixed(1)} KB over`;
console.log(`\ntarget ${budget.target_kb} KB gzip: ${target}; CI ceiling ${budget.ceiling_kb} KB`);
if (gz > budget.ceiling_kb) {
  console.error(`size budget exceeded: ${gz.toFixed(1)} KB gzip > ceiling ${budget.ceiling_kb} KB (files above)`);
  process.exit(1);
}
