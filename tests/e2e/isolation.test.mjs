// End-to-end: the host page's styles stop at the widget. A hostile stylesheet that sets
// what host pages commonly set on headings, lists, tables, buttons, links and inputs is
// added to a page with the widget on it; the widget's computed styles stay as they were.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, open, dist, caseById, playToResult, assertPrivacy } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(dist); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertPrivacy('isolation.test.mjs'); });

const HOSTILE = `
  h1, h2, h3 { border-bottom: 6px double red; margin: 3em 0; padding: 1em; background: yellow; color: green; text-align: center; font-weight: 100; text-decoration: underline wavy; }
  ul, ol { list-style: square; margin: 4em; padding: 0 0 0 5em; }
  li { background: pink; border: 1px dotted red; margin: 1em; }
  dl, dt, dd { margin: 2em; padding: 2em; border: 3px solid red; }
  table, th, td { border: 4px solid red; padding: 2em; }
  button { background: red; color: yellow; border-radius: 40px; padding: 2em; box-shadow: 0 0 20px red; width: 300px; text-transform: uppercase; }
  a { color: red; text-decoration: none; font-weight: 900; border-bottom: 3px dashed red; }
  input, textarea { border: 5px solid red; background: yellow; height: 100px; width: 50px; border-radius: 20px; }
  p { margin: 5em 0; text-indent: 3em; color: purple; }
  summary { list-style: none; background: red; }
  details { border: 3px solid red; }
`;

/** The computed styles that a host page would change, for each sample element. */
async function styles(page) {
  return page.evaluate(() => {
    const props = ['border-bottom-width', 'border-bottom-style', 'margin-top', 'margin-left', 'padding-top', 'padding-left', 'background-color', 'color',
      'text-align', 'font-weight', 'text-decoration-line', 'list-style-type', 'border-top-left-radius', 'box-shadow', 'width', 'height', 'text-indent', 'text-transform'];
    const out = {};
    for (const sel of ['.kc h1', '.kc h2', '.kc h3', '.kc ul', '.kc li', '.kc dl', '.kc dt', '.kc dd', '.kc button', '.kc a', '.kc input', '.kc p', '.kc summary', '.kc details']) {
      const el = document.querySelector(sel);
      if (!el) continue;
      const cs = getComputedStyle(el);
      out[sel] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    }
    return out;
  });
}

test('a hostile host stylesheet changes nothing inside the widget (result page, start page)', async () => {
  const { context, page, errors } = await open(browser, `${server.url}?city=yoshikawa`, { width: 1280, height: 900, bypassCSP: true });
  const startBefore = await styles(page);
  await playToResult(page, 'yoshikawa', caseById('yoshikawa_npo_forum').answers);
  const before = await styles(page);
  assert.ok(Object.keys(before).length >= 12, `sampled ${Object.keys(before)}`);
  await page.addStyleTag({ content: HOSTILE });
  const after = await styles(page);
  for (const sel of Object.keys(before)) assert.deepEqual(after[sel], before[sel], `${sel} changed under the host's styles`);
  await page.locator('.kc-header__title').click();
  await page.waitForFunction(() => location.hash === '#/' || location.hash === '');
  const startAfter = await styles(page);
  for (const sel of Object.keys(startBefore)) assert.deepEqual(startAfter[sel], startBefore[sel], `start page: ${sel}`);
  assert.deepEqual(errors, []);
  await context.close();
});
