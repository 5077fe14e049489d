/**
 * What both benchmarks (scripts/bench.mjs, bench/peers/run.mjs) need around the page: Debian's Chromium
 * without background networking, the median, and a file from disk for their local servers.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import puppeteer from 'puppeteer-core';

/**
 * A fresh Chromium whose profile (and HTTP cache) lives in memory where possible: on this kind of machine
 * disk I/O waits otherwise show up as render time. `close` also removes the profile.
 */
export async function launchChromium(prefix, extraArgs = []) {
  const userDataDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), prefix));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    userDataDir,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
  });
  return { browser, close: async () => { await browser.close(); rmSync(userDataDir, { recursive: true, force: true }); } };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Answers with the file at `path` (its type from `types`, cached for an hour), or 404. */
export function sendFile(res, path, types) {
  try {
    const body = readFileSync(path);
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}
