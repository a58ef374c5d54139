// The files of a build that the first load transfers, and their ready-compressed copies:
// one rule, used by scripts/post-build.mjs (writes the copies in release builds),
// scripts/size-budget.mjs (counts the files, checks the copies) and
// tests/e2e/budget.test.mjs. The whole tree is walked, so a file in a subfolder
// (wasm-bindgen's snippets/, say) is counted and compressed like any other.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** A first-load file: the page, the scripts, the wasm and the stylesheets (not source maps, not the copies). */
export const isFirstLoad = (file) => /\.(html|js|wasm|css)$/.test(file) && !isContent(file) && !isEntryPage(file) && !isSnippet(file);

/** A start page rendered at build time: <city or all>/<lang>/index.html (issue #20). */
export const isEntryPage = (file) => /^[a-z0-9_]+\/[a-z-]+\/index\.html$/.test(file);

/** A snippet for a direct mount (embed/<city>.<lang>.html): pasted into a CMS, never served as is. */
export const isSnippet = (file) => /^embed\/[^/]+\.html$/.test(file);

/** A content file (content/<profile>.<hash>.bin, or content/all.<hash>.bin for the chooser). */
export const isContent = (file) => /^content\/[^/]+\.bin$/.test(file);

/** The profile a content file is for; `null` for the one with every profile. */
export const contentProfile = (file) => {
  const stem = file.replace(/^content\//, '').replace(/\.[0-9a-f]{16}\.bin$/, '');
  return stem === 'all' ? null : stem;
};

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
export function walk(dir) {
  const out = [];
  const visit = (rel) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const name = rel ? `${rel}/${e.name}` : e.name;
      // Trunk's own staging folder (.stage, left behind by an interrupted build) is not part of the site.
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) visit(name);
      else if (e.isFile()) out.push(name);
    }
  };
  visit('');
  return out.sort();
}

/** The first-load files under `dir`, relative paths, sorted. */
export const firstLoadFiles = (dir) => walk(dir).filter(isFirstLoad);

/** The copies written beside each first-load file (`name.gz`, `name.br`): how to pack and unpack each. */
export const copies = {
  gz: { pack: (body) => zlib.gzipSync(body, { level: 9 }), unpack: (packed) => zlib.gunzipSync(packed) },
  // Brotli at its highest quality is ~19 % smaller than gzip here (docs/embedding.md).
  br: {
    pack: (body) => zlib.brotliCompressSync(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
    unpack: (packed) => zlib.brotliDecompressSync(packed),
  },
};

/** Writes `name.gz` and `name.br` beside every first-load file, content file and start page under `dir`; returns those files. */
export function precompress(dir) {
  const files = walk(dir).filter((f) => isFirstLoad(f) || isContent(f) || isEntryPage(f));
  for (const f of files) {
    const body = fs.readFileSync(path.join(dir, f));
    for (const [ext, { pack }] of Object.entries(copies)) fs.writeFileSync(path.join(dir, `${f}.${ext}`), pack(body));
  }
  return files;
}
