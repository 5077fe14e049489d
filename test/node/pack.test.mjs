/**
 * `npm pack` makes a tarball someone else can install: the single file, the embed page, the ES modules
 * with their types, custom-elements.json, the data and the README — and nothing of the sources, tests or
 * tools, and no chunk left over from an earlier build. Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** @type {Set<string>} */
let files;

before(() => {
  assert.ok(existsSync(join(root, 'dist/embed.html')), 'dist/ is not built: run npm run build first');
  // --ignore-scripts: prepack would build again; the test looks at what is built.
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  files = new Set(JSON.parse(out)[0].files.map((f) => f.path));
});

test('the tarball has the single file, the embed page, types, ES modules, custom-elements.json, data and README', () => {
  const wanted = [
    'package.json',
    'README.md',
    'dist/sozialraum-widgets.js',
    'dist/embed.html',
    'dist/embed.js',
    'dist/embed.css',
    'dist/custom-elements.json',
    'dist/esm/index.js',
    'dist/esm/types/index.d.ts',
    'data/sozialraeume.json',
    'data/milestones.json',
    'data/schema/indicators.schema.json',
  ];
  assert.deepEqual(wanted.filter((f) => !files.has(f)), []);
  assert.ok([...files].some((f) => f.startsWith('data/indicators/')), 'no indicator data');
});

test('every file package.json points to is in the tarball', () => {
  const targets = [pkg.main, pkg.module, pkg.types, pkg.customElements];
  const walk = (x) => (typeof x === 'string' ? targets.push(x) : Object.values(x).forEach(walk));
  walk(pkg.exports);
  for (const target of targets) {
    const path = target.replace(/^\.\//, '');
    if (path.includes('*')) {
      const prefix = path.slice(0, path.indexOf('*'));
      assert.ok([...files].some((f) => f.startsWith(prefix)), `nothing matches ${target}`);
    } else assert.ok(files.has(path), `${target} is not in the tarball`);
  }
});

test('the embed page finds its files beside it', () => {
  const html = readFileSync(join(root, 'dist/embed.html'), 'utf8');
  const refs = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(refs.sort(), ['embed.css', 'embed.js', 'sozialraum-widgets.js']);
  for (const ref of refs) assert.ok(files.has(`dist/${ref}`), ref);
});

test('no sources, tests, tools or scratch files', () => {
  const stray = [...files].filter((f) => !/^(dist|data)\//.test(f) && !['package.json', 'README.md'].includes(f));
  assert.deepEqual(stray, []);
});

test('no chunk left over from an earlier build: every shared chunk is imported', () => {
  const modules = [...files].filter((f) => /^dist\/esm\/.*\.js$/.test(f));
  const imported = new Set();
  for (const f of modules) {
    const code = readFileSync(join(root, f), 'utf8');
    for (const [, spec] of code.matchAll(/(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g)) imported.add(join(f, '..', spec));
  }
  const unused = modules.filter((f) => f.startsWith('dist/esm/shared/') && !imported.has(f));
  assert.deepEqual(unused, []);
});

test('the package is private (never published by accident) and README says how to get it', () => {
  assert.equal(pkg.private, true);
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  assert.match(readme, /npm pack/);
  assert.match(readme, /npm install \.\/sozialraum-widgets-[\d.]+\.tgz/);
});
