/**
 * `npm run standalone` writes one HTML file that opens from a USB stick: no server, no request. Each page
 * is written into a temporary folder by scripts/standalone.mjs, opened as file:// in headless Chromium
 * (one browser for all), and must draw its chart with no request beyond the file itself and no console
 * error. Needs `npm run build` first (npm test builds before it runs test/node/).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = join(ROOT, 'scripts/standalone.mjs');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'standalone-'));

/** Runs the script as `npm run standalone -- …` would after its build (from the project root). */
function standalone(...args) {
  const env = { ...process.env, INIT_CWD: dir };
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, env, encoding: 'utf8' });
}

function written(name, ...args) {
  const out = join(dir, name);
  const run = standalone(...args, '--out', out);
  assert.equal(run.status, 0, `standalone failed:\n${run.stderr}${run.stdout}`);
  assert.ok(existsSync(out), `${out} written`);
  return out;
}

let browser;
before(async () => {
  browser = await puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Opens `file` from file:// and waits until its widget has drawn (`widget-rendered` and `drawn` in its
 * shadow root). Returns every request the page made, console errors, and what the widget shows.
 */
async function open(file, selector, drawn = 'svg') {
  const page = await browser.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.evaluateOnNewDocument(() => {
    window.__rendered = 0;
    document.addEventListener('widget-rendered', () => window.__rendered++);
  });
  const url = pathToFileURL(file).href;
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(
      (sel, what) => {
        const root = document.querySelector(sel)?.shadowRoot;
        return window.__rendered > 0 && !!root?.querySelector(what) && !root.querySelector('.loading');
      },
      { timeout: 10000 },
      selector,
      drawn,
    );
    // A fitted widget measures its box after the first drawing and draws again (e.g. in pages): a few frames.
    await page.evaluate(() => new Promise((r) => { let n = 4; const f = () => (--n ? requestAnimationFrame(f) : r()); requestAnimationFrame(f); }));
    const shown = await page.$eval(selector, (el, what) => {
      const root = el.shadowRoot;
      const t = (n) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      return {
        title: document.title,
        lang: document.documentElement.lang,
        alert: t(root.querySelector('[role="alert"]')),
        status: t(root.querySelector('.message[role="status"]')),
        items: root.querySelectorAll('g.item, g.point, path.area, circle.badge, li').length,
        badges: root.querySelectorAll('circle.badge').length,
        pages: t(root.querySelector('.step-count')),
        drawn: root.querySelectorAll(what).length,
        height: el.getBoundingClientRect().height,
        innerHeight: window.innerHeight,
      };
    }, drawn);
    return { url, requests, errors, shown };
  } finally {
    await page.close();
  }
}

function assertOffline({ url, requests, errors }) {
  // The page itself is the only request (a data: icon would not leave it either).
  assert.deepEqual(requests.filter((r) => !r.startsWith('data:')), [url], 'no request beyond the file itself');
  assert.deepEqual(errors, [], 'no console errors');
}

test('--help prints the usage; an unknown element and a missing file are named and exit non-zero', () => {
  const help = standalone('--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: npm run standalone -- --element NAME --src FILE/);
  assert.match(help.stdout, /--html FILE/);
  const unknown = standalone('--element', 'balken-diagramm', '--src', 'data/milestones.json');
  assert.notEqual(unknown.status, 0);
  assert.match(unknown.stderr, /unknown element "balken-diagramm"; known are indicator-bar, sozialraum-map/);
  const missing = standalone('--element', 'trend-chart', '--src', 'data/gibt-es-nicht.json', '--out', join(dir, 'x.html'));
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /the file "data\/gibt-es-nicht\.json" not found/);
  assert.ok(!existsSync(join(dir, 'x.html')), 'nothing written');
  const noData = standalone('--element', 'indicator-bar');
  assert.notEqual(noData.status, 0);
  assert.match(noData.stderr, /needs its data: --src FILE/);
});

test('the file holds everything inline: script, data, a page style; nothing that ends a script early', () => {
  const file = written('bar.html', '--element', 'indicator-bar', '--src', 'data/indicators/sozialraum-rankings-2007.json', '--attr', 'indicator=einkommen-2001', '--attr', 'highlight=Nordmarkt', '--attr', 'fit');
  const html = readFileSync(file, 'utf8');
  assert.match(html, /^<!doctype html>\n<html lang="de">/);
  assert.match(html, /<meta charset="utf-8">/);
  assert.match(html, /<title>Relation hoher und niedriger Einkommen in den Sozialräumen 2001<\/title>/);
  assert.match(html, /<indicator-bar indicator="einkommen-2001" highlight="Nordmarkt" fit>\n<script type="application\/json">\{/);
  const markup = html.slice(0, html.lastIndexOf('<script>\n'));
  assert.ok(!/\s(src|href|style)=/.test(markup.replace('<link rel="icon" href="data:,">', '')), 'no src or link (nothing to fetch), no inline style attribute');
  // Two script elements, the data and the library, each closed once; nothing inside them ends them early.
  assert.equal(html.match(/<script\b/gi).length, 2);
  assert.equal(html.match(/<\/script/gi).length, 2);
  assert.ok(!html.includes('<!--'), 'no <!-- that would change how the parser reads a script');
});

test('a bar chart (the README example) opens from file:// and renders, with no request and no error', async () => {
  const file = written('folie.html', '--element', 'indicator-bar', '--src', 'data/indicators/sozialraum-rankings-2007.json', '--attr', 'indicator=einkommen-2001', '--attr', 'highlight=Nordmarkt', '--attr', 'presentation', '--attr', 'fit');
  const page = await open(file, 'indicator-bar');
  assertOffline(page);
  assert.equal(page.shown.alert, '');
  // Fitted into the window (800 × 600), the 39 ranks are shown in pages that together hold all of them.
  const pages = Number(/^Seite 1 von (\d+)$/.exec(page.shown.pages)?.[1] ?? 1);
  assert.ok(page.shown.items >= 1 && page.shown.items * pages >= 39, `39 ranks in ${pages} pages of ${page.shown.items}`);
  assert.equal(page.shown.height, page.shown.innerHeight, 'a fit widget fills the window');
});

test('a trend chart with its milestones (data-for) opens from file:// with the numbered events', async () => {
  const file = written('trend.html', '--element', 'trend-chart', '--src', 'data/eu2-residents.json', '--milestones', 'data/milestones.json', '--attr', 'annotations=eu-beitritt-bg-ro arbeitnehmerfreizuegigkeit-2014', '--lang', 'en');
  assert.match(readFileSync(file, 'utf8'), /<script type="application\/json" data-for="milestones">/);
  const page = await open(file, 'trend-chart');
  assertOffline(page);
  assert.equal(page.shown.lang, 'en');
  assert.equal(page.shown.title, 'Residents with Bulgarian or Romanian citizenship in Dortmund');
  assert.equal(page.shown.alert, '');
  assert.equal(page.shown.status, '');
  assert.equal(page.shown.badges, 2, 'both events drawn from the inline milestones');
});

test('an HTML snippet: paths from the snippet or the project, geo inlined, the library tag left out', async () => {
  const snippet = join(dir, 'karte-snippet.html');
  writeFileSync(
    snippet,
    `<script src="https://cms.example/sozialraum-widgets.js" defer></script>
<sozialraum-map src="/data/indicators/sgb2-arbeitslosigkeit.json" geo='test/fixtures/geo/sozialraeume-made-up-boundaries.topo.json'
  title="Karte &amp; Grenzen (erfundene Testgrenzen)">
  <p>Ersatztext</p>
</sozialraum-map>
`,
  );
  const file = written('karte.html', '--html', snippet);
  const html = readFileSync(file, 'utf8');
  assert.doesNotMatch(html, /cms\.example/);
  assert.match(html, /<title>Karte &amp; Grenzen \(erfundene Testgrenzen\)<\/title>/);
  assert.match(html, /<sozialraum-map title="Karte &amp; Grenzen \(erfundene Testgrenzen\)">\n<script type="application\/json">/);
  assert.match(html, /<script type="application\/json" data-for="geo">/);
  const page = await open(file, 'sozialraum-map', 'path.area');
  assertOffline(page);
  assert.equal(page.shown.alert, '');
  assert.equal(page.shown.drawn, 39, 'the 39 boundaries drawn');
});
