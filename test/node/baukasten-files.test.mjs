/**
 * The builder (demo/baukasten.html) offers the shipped data files from its list DATA_FILES (a page cannot
 * list a folder): every data file a widget draws must be on that list, under the kind the file says it is,
 * and the builder's elements must each take a kind that is listed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DATA_FILES, ELEMENTS } from '../../demo/baukasten.js';

const dataDir = new URL('../../data/', import.meta.url);

/** JSON files under data/ with their `kind`, except the schemas, the geometry and the area list (no widget draws them alone). */
function shippedFiles() {
  return readdirSync(dataDir, { recursive: true })
    .map(String)
    .filter((rel) => rel.endsWith('.json') && !/^(schema|geo)[\\/]/.test(rel) && rel !== 'sozialraeume.json')
    .map((rel) => ({ rel: rel.replaceAll('\\', '/'), kind: JSON.parse(readFileSync(new URL(rel, dataDir), 'utf8')).kind }));
}

test('every shipped data file is offered by the builder, under its kind', () => {
  const listed = new Map(Object.entries(DATA_FILES).flatMap(([kind, files]) => files.map((rel) => [rel, kind])));
  for (const { rel, kind } of shippedFiles()) {
    assert.ok(listed.has(rel), `data/${rel} is missing from DATA_FILES in demo/baukasten.js`);
    assert.equal(listed.get(rel), kind ?? 'indicators', `data/${rel} is listed as ${listed.get(rel)} but is of kind ${kind}`);
  }
});

test('every element of the builder takes a kind of file that is listed', () => {
  for (const el of ELEMENTS) assert.ok(DATA_FILES[el.files], `<${el.tag}>: no file list for kind "${el.files}"`);
  assert.deepEqual(
    ELEMENTS.filter((el) => !el.optional).map((el) => el.tag),
    ['indicator-bar', 'sozialraum-map', 'trend-chart', 'milestone-timeline', 'network-graph'],
  );
});
