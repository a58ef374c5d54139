// The size budget check itself: it passes on the build, and it fails, naming each
// file's size, when the first load is over the ceiling, or naming the copy when a
// ready-compressed .gz / .br copy is missing or stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { root, dist } from './helpers.mjs';
// The copies scripts/post-build.mjs writes beside each file in a release build.
import { precompress } from '../../scripts/dist-files.mjs';

const run = (dir) => spawnSync(process.execPath, [path.join(root, 'scripts/size-budget.mjs'), dir], { encoding: 'utf8' });

test('the release build is within the CI size ceiling', () => {
  const r = run(dist);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /\| \*\*total\*\* \|/);
});

test('an oversized build fails and lists every file with its size', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-budget-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(dir, 'app_bg.wasm'), crypto.randomBytes(600 * 1024)); // random: gzip cannot shrink it
  precompress(dir);
  const r = run(dir);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /app_bg\.wasm \| 600\.0 \| 60\d\.\d \|/);
  assert.match(r.stderr, /size budget exceeded/);
  fs.rmSync(dir, { recursive: true });
});

test('each city embed is counted with its own content file, and one over the ceiling is named', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-budget-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(dir, 'app_bg.wasm'), crypto.randomBytes(200 * 1024));
  fs.mkdirSync(path.join(dir, 'content'));
  fs.writeFileSync(path.join(dir, 'content', 'small.0123456789abcdef.bin'), crypto.randomBytes(10 * 1024));
  fs.writeFileSync(path.join(dir, 'content', 'large.0123456789abcdef.bin'), crypto.randomBytes(300 * 1024));
  // The chooser's file (every profile) is listed, but only city embeds are held to the ceiling.
  fs.writeFileSync(path.join(dir, 'content', 'all.0123456789abcdef.bin'), crypto.randomBytes(300 * 1024));
  precompress(dir);
  const r = run(dir);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /\| \?city=small \| 200\.\d \| 10\.\d \| \*\*21\d\.\d\*\* \|/);
  assert.match(r.stdout, /\| chooser \(no city\) \|/);
  assert.match(r.stdout, /content\/large\.0123456789abcdef\.bin \| 300\.0 \|/, 'the files of the embed over the ceiling');
  assert.match(r.stderr, /size budget exceeded: \?city=large: 5\d\d\.\d KB/);
  assert.doesNotMatch(r.stderr, /city=small|chooser/);
  fs.rmSync(dir, { recursive: true });
});

test('a missing or stale pre-compressed copy fails, naming the file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-budget-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><p>new</p>');
  fs.writeFileSync(path.join(dir, 'app.js'), 'export {};');
  precompress(dir);
  assert.equal(run(dir).status, 0, 'fresh copies pass');
  fs.writeFileSync(path.join(dir, 'index.html.br'), zlib.brotliCompressSync('<!doctype html><p>old</p>'));
  let r = run(dir);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /index\.html\.br does not unpack to index\.html/);
  precompress(dir);
  fs.rmSync(path.join(dir, 'app.js.gz'));
  r = run(dir);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /app\.js\.gz is missing/);
  fs.rmSync(dir, { recursive: true });
});
