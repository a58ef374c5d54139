// Serves a built dist/ as a city would host it: static files only, under a sub-path
// (/kyodo/), each file's ready-compressed .br or .gz copy when the browser accepts it
// (as nginx's brotli_static / gzip_static do). Loopback only. Used by scripts/run.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] || 'dist');
const port = Number(process.env.PORT || 8080);
const prefix = '/kyodo/';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json', '.bin': 'application/octet-stream',
};

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/' || url.pathname === prefix.slice(0, -1)) {
    res.writeHead(302, { location: prefix + url.search });
    return res.end();
  }
  if (!url.pathname.startsWith(prefix)) { res.writeHead(404); return res.end('not found'); }
  let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); return res.end('not found'); }
  const headers = { 'content-type': types[path.extname(file)] || 'application/octet-stream', vary: 'accept-encoding' };
  const accepts = req.headers['accept-encoding'] || '';
  const copy = [['br', 'br'], ['gzip', 'gz']].find(([enc, ext]) => new RegExp(`\\b${enc}\\b`).test(accepts) && fs.existsSync(`${file}.${ext}`));
  if (copy) headers['content-encoding'] = copy[0];
  res.writeHead(200, headers);
  res.end(fs.readFileSync(copy ? `${file}.${copy[1]}` : file));
}).listen(port, '127.0.0.1', () => {
  console.log(`協働チェック: http://127.0.0.1:${port}${prefix} — the release build in ${root}, served pre-compressed as a city would host it (Ctrl-C stops)`);
  // The start pages rendered at build time (issue #20): each city's own page, and the chooser's.
  const pages = fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && fs.existsSync(path.join(root, d.name, 'ja', 'index.html')));
  if (pages.length) console.log(`each city's own page: ${pages.map((d) => `http://127.0.0.1:${port}${prefix}${d.name}/ja/`).join('  ')} (also /ja-easy/, /en/)`);
});
