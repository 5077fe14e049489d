/**
 * The single file runs in the browsers the README names (Chrome/Edge 92, Firefox 90, Safari 15.4 and
 * later). TypeScript's output depends on compiler options in ways that are easy to miss: with
 * `useDefineForClassFields: false` and target ES2022 it writes Lit's `static properties` as class
 * static blocks, which Safari only knows from 16.4. Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const code = readFileSync(new URL('../../dist/sozialraum-widgets.js', import.meta.url), 'utf8');

test('the single file has no class static blocks (Safari before 16.4 cannot parse them)', () => {
  assert.doesNotMatch(code, /\bstatic\s*\{/);
});

test('the single file is pure ASCII, so it reads the same on a page in any encoding', () => {
  // A script served without a charset is read in its page's encoding: on a windows-1252 page every umlaut
  // of the messages and labels came out wrong ("SozialrÃ¤ume").
  for (const file of ['../../dist/sozialraum-widgets.js', '../../dist/embed.js']) {
    const text = readFileSync(new URL(file, import.meta.url), 'utf8');
    const other = text.match(/[^\0-\x7f]/);
    assert.equal(other, null, `${file}: "${other?.[0]}" at ${other?.index}`);
  }
});

test('the single file names no host to call (zero third-party requests); only the SVG namespace', () => {
  // Links to sources come from the page's data, never from the library itself.
  const hosts = new Set([...code.matchAll(/https?:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi)].map((m) => m[1]));
  assert.deepEqual([...hosts], ['www.w3.org']);
});
