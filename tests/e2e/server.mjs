// A minimal static server for dist/ under a sub-path (proving the build works away
// from the site root). Loopback only; stopped by the test run.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.json': 'application/json',
};

/**
 * Serves `dir` at `prefix` (e.g. "/kyodo/"), more folders at other prefixes (`mounts`,
 * e.g. a host site's pages at "/shisei/") and any extra static routes; resolves to
 * {origin, url, close}. `precompressed`: send the build's own name.br / name.gz copies
 * when the browser accepts them, as nginx's brotli_static / gzip_static do.
 */
const gzCache = new Map();

/**
 * The origins of the test servers now listening: the privacy watch (helpers.mjs) counts
 * a request to any other origin, another port on 127.0.0.1 included, as foreign.
 * `trust: false` starts a server that is not registered (for the watch's own self-test).
 */
const trusted = new Set();
export function isTrustedOrigin(origin) {
  return trusted.has(origin);
}

export function serve(dir, { prefix = '/kyodo/', gzip = false, precompressed = false, extra = {}, mounts = {}, trust = true } = {}) {
  const roots = Object.entries({ [prefix]: dir, ...mounts }).map(([p, d]) => [p, path.resolve(d)]);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (extra[url.pathname]) {
      const [type, body] = extra[url.pathname];
      res.writeHead(200, { 'content-type': type });
      return res.end(body);
    }
    const mount = roots.find(([p]) => url.pathname.startsWith(p));
    if (!mount) { res.writeHead(404); return res.end('not found'); }
    const [mountPrefix, root] = mount;
    let rel = decodeURIComponent(url.pathname.slice(mountPrefix.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); return res.end('not found'); }
    let body = fs.readFileSync(file);
    const headers = { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
    const accepts = req.headers['accept-encoding'] || '';
    const copy = precompressed && [['br', 'br'], ['gzip', 'gz']]
      .find(([enc, ext]) => new RegExp(`\\b${enc}\\b`).test(accepts) && fs.existsSync(`${file}.${ext}`));
    if (copy) {
      body = fs.readFileSync(`${file}.${copy[1]}`);
      headers['content-encoding'] = copy[0];
    } else if (gzip && /gzip/.test(accepts)) {
      // Compressed once per file version, as a real server's cache or a pre-compressed
      // .gz would: compressing 1 MB at level 9 on every request would add its time to
      // every measurement.
      const { mtimeMs, size } = fs.statSync(file);
      const key = `${file}:${mtimeMs}:${size}`;
      if (!gzCache.has(key)) gzCache.set(key, zlib.gzipSync(body, { level: 9 }));
      body = gzCache.get(key);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      const origin = `http://127.0.0.1:${port}`;
      if (trust) trusted.add(origin);
      const close = () => new Promise((r) => {
        trusted.delete(origin);
        server.closeAllConnections?.();
        server.close(r);
      });
      resolve({ origin, url: `${origin}${prefix}`, close });
    });
  });
}
