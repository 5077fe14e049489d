/**
 * custom-elements.json and README.md tell the same API: for every element the attributes in its README
 * table (plus the slide attributes every element takes) are exactly the manifest's; every event, CSS part
 * and CSS custom property of the manifest is in the README, and every custom property the CSS in src/
 * uses is in the manifest. The manifest is made here from the sources with the build's own settings
 * (custom-elements-manifest.config.mjs), so no build is needed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** @type {{ modules: Array<{ path: string, declarations: any[] }> }} */
let manifest;
/** @type {any[]} */
let elements;

before(async () => {
  const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
  manifest = await cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true });
  elements = manifest.modules.flatMap((m) => m.declarations).filter((d) => d.customElement);
});

/** The text of a `## heading` section, up to the next `## `. */
function section(heading) {
  const start = readme.split('\n').findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) return undefined;
  const lines = readme.split('\n').slice(start + 1);
  const end = lines.findIndex((line) => line.startsWith('## '));
  return lines.slice(0, end < 0 ? undefined : end).join('\n');
}

/** The attribute names in the first column of a section's first `| Attribut` table (`mode="steps"` → mode). */
function tableAttributes(text) {
  const lines = text.split('\n');
  const head = lines.findIndex((line) => /^\|\s*Attribut\b/.test(line));
  if (head < 0) return undefined;
  const names = new Set();
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const firstCell = line.split('|')[1];
    for (const [, code] of firstCell.matchAll(/`([^`]+)`/g)) names.add(code.replace(/=.*$/, ''));
  }
  return names;
}

/** `--srw-series-1` … `--srw-series-4` → each of them; other names as they are. */
function customPropertiesIn(text) {
  const names = new Set(text.match(/--srw-[a-z0-9-]*[a-z0-9](?![a-z0-9-])/g) ?? []);
  for (const [, stem, from, to] of text.matchAll(/`(--srw-[a-z0-9-]+-)(\d+)`\s*(?:…|\.\.\.|bis)\s*`\1(\d+)`/g)) {
    for (let i = Number(from); i <= Number(to); i++) names.add(`${stem}${i}`);
  }
  return names;
}

const sorted = (set) => [...set].sort();

test('the manifest has every element with its tag, at the path of its published ES module', () => {
  const tags = elements.map((d) => d.tagName).sort();
  for (const tag of ['indicator-bar', 'milestone-timeline', 'network-graph', 'sozialraum-map', 'trend-chart']) assert.ok(tags.includes(tag), `<${tag}> is missing`);
  for (const m of manifest.modules) {
    const tag = m.declarations[0].tagName;
    assert.equal(m.path, `dist/esm/${tag}.js`);
    assert.ok(m.exports.some((e) => e.kind === 'custom-element-definition' && e.name === tag), `${tag}: no definition export`);
  }
});

test('Lit state is no attribute; the slide attributes spread from core are attributes with their fields', () => {
  for (const d of elements) {
    const attributes = d.attributes.map((a) => a.name);
    assert.ok(!attributes.includes('activeIndex') && !attributes.some((a) => /[A-Z]/.test(a)), `<${d.tagName}>: ${attributes}`);
    const stepBy = d.attributes.find((a) => a.name === 'step-by');
    assert.equal(stepBy?.fieldName, 'stepBy', `<${d.tagName}> step-by`);
    assert.equal(d.members.find((m) => m.name === 'current')?.reflects, true, `<${d.tagName}> current reflects`);
    assert.ok(!d.members.some((m) => m.name.startsWith('#') || m.privacy === 'private'), `<${d.tagName}>: private members listed`);
  }
});

test('README: each element’s attribute table (and the slide table) names exactly the attributes in the manifest', () => {
  const slides = tableAttributes(section('Präsentieren / Slides') ?? '');
  assert.ok(slides?.size, 'no attribute table under "## Präsentieren / Slides"');
  for (const d of elements) {
    const text = section(`\`<${d.tagName}>\``);
    assert.ok(text, `README has no section "## \`<${d.tagName}>\`"`);
    const own = tableAttributes(text);
    assert.ok(own, `README section <${d.tagName}> has no "| Attribut |" table`);
    const documented = new Set([...own, ...slides]);
    const inManifest = new Set(d.attributes.map((a) => a.name));
    const notInReadme = sorted(inManifest).filter((a) => !documented.has(a));
    const notInManifest = sorted(documented).filter((a) => !inManifest.has(a));
    assert.deepEqual({ notInReadme, notInManifest }, { notInReadme: [], notInManifest: [] }, `<${d.tagName}>`);
  }
});

test('the attributes from src/core carry a description; every event is named in the README', () => {
  for (const d of elements) {
    for (const e of d.events) assert.ok(readme.includes(`\`${e.name}\``), `<${d.tagName}> event ${e.name} is not in the README`);
    for (const a of d.attributes.filter((x) => SHARED_ATTRIBUTES.includes(x.name))) assert.ok(a.description, `<${d.tagName}> ${a.name}`);
  }
});
const SHARED_ATTRIBUTES = ['theme', 'heading-level', 'group', 'mode', 'current', 'step-by', 'fit', 'presentation'];

test('CSS parts: the README’s ::part() list is the manifest’s', () => {
  // "Teile für `::part()`: `figure`, `title`, … `steps`." – up to the end of that sentence.
  const list = /`::part\(\)`:([^.]*)\./.exec(readme)?.[1];
  assert.ok(list, 'README names no ::part() list');
  const inReadme = new Set([...list.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]));
  const inManifest = new Set(elements.flatMap((d) => d.cssParts.map((p) => p.name)));
  assert.deepEqual(sorted(inManifest).filter((p) => !inReadme.has(p)), [], 'parts not in the README');
  assert.deepEqual(sorted(inReadme).filter((p) => !inManifest.has(p)), [], 'README parts no element has');
});

test('CSS custom properties: README, manifest and the CSS in src/ name the same ones', () => {
  const inManifest = new Set(elements.flatMap((d) => d.cssProperties.map((p) => p.name)));
  const inReadme = customPropertiesIn(readme);
  const inSource = new Set();
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) for (const p of customPropertiesIn(readFileSync(path, 'utf8'))) inSource.add(p);
    }
  };
  walk(join(root, 'src'));
  assert.deepEqual(sorted(inManifest).filter((p) => !inReadme.has(p)), [], 'in the manifest, not in the README');
  assert.deepEqual(sorted(inReadme).filter((p) => !inManifest.has(p)), [], 'in the README, not in the manifest');
  assert.deepEqual(sorted(inSource).filter((p) => !inManifest.has(p)), [], 'used in src/, not in the manifest (add @cssprop to the class or SHARED in custom-elements-manifest.config.mjs)');
});

test('package.json names the manifest the build writes', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(pkg.customElements, 'dist/custom-elements.json');
  assert.match(pkg.scripts.build, /\bcem analyze\b/);
});
