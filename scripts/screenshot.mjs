/**
 * Developer aid: full-page screenshots of a served page in Debian's Chromium (no browser download).
 * node scripts/screenshot.mjs http://localhost:8000/demo/ out.png [width] [colorScheme]
 */
import puppeteer from 'puppeteer-core';

const [url = 'http://localhost:8000/demo/', out = 'screenshot.png', width = '1200', scheme = 'light'] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  page.on('console', (m) => console.log(`[console.${m.type()}]`, m.text()));
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  await page.setViewport({ width: Number(width), height: 900 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(url, { waitUntil: 'networkidle0' });
  await new Promise((r) => setTimeout(r, 300));
  if (process.env.ELEMENTS) {
    // One picture per widget: easier to look at than one very tall page.
    const handles = await page.$$(process.env.ELEMENTS);
    for (const [i, handle] of handles.entries()) {
      const file = out.replace(/\.png$/, `-${i + 1}.png`);
      await handle.screenshot({ path: file });
      console.log(`saved ${file}`);
    }
  } else {
    await page.screenshot({ path: out, fullPage: true });
    console.log(`saved ${out}`);
  }
} finally {
  await browser.close();
}
