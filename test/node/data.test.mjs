/**
 * Data check: every file in data/ is valid against its JSON Schema (the same rules the widgets apply),
 * and follows the project's data rules — every value has a source and a date, nothing invented.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ajv, dataFiles, de, filesOfKind, jsonSchema, read, schemaOf } from './data-files.mjs';

/** One validator per data/schema/<kind>.schema.json: a new kind of data file is checked as soon as its schema exists. */
const validators = Object.fromEntries(
  readdirSync(new URL('../../data/schema/', import.meta.url))
    .filter((name) => name.endsWith('.schema.json'))
    .map((name) => name.replace(/\.schema\.json$/, ''))
    .map((kind) => [kind, jsonSchema(kind)]),
);

test('every data file names a schema that exists', () => {
  for (const rel of dataFiles()) {
    // TopoJSON geometry (data/geo/) has no JSON Schema of its own; test/node/geo.test.mjs checks it.
    if (read(rel).type === 'Topology') continue;
    const kind = schemaOf(read(rel));
    assert.ok(kind && validators[kind], `${rel}: "$schema" must point to one of data/schema/*.schema.json`);
  }
});

for (const rel of dataFiles()) {
  test(`${rel} is valid against its schema`, () => {
    const file = read(rel);
    const validate = validators[schemaOf(file)];
    if (!validate) return;
    const ok = validate(file);
    assert.ok(ok, `${rel}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  });
}

const indicatorsOf = (file) => (file.indicators ? file.indicators : [file]);
const asList = (s) => (s === undefined ? [] : Array.isArray(s) ? s : [s]);

for (const rel of filesOfKind('indicators')) {
  test(`${rel}: every value has a source and a Stichtag`, () => {
    for (const ind of indicatorsOf(read(rel))) {
      const series = ind.series ?? [{ values: ind.values }];
      for (const s of series) {
        const sources = [...asList(ind.source), ...asList(s.source)];
        assert.ok(sources.length > 0, `${rel} ${ind.id}: no source`);
        assert.ok(ind.stichtag || s.stichtag || ind.stichtagNote, `${rel} ${ind.id}: no Stichtag (or a note why the source gives none)`);
        for (const v of s.values) {
          assert.ok(v.value === null || v.value === undefined || Number.isFinite(v.value), `${rel} ${ind.id}: bad value`);
          if (ind.mode === 'rank') assert.ok(Number.isInteger(v.rank), `${rel} ${ind.id}: ranking entry without rank`);
        }
      }
      assert.ok(ind.id, `${rel}: indicator without id`);
    }
  });
}

test('sozialraeume.json: 39 Sozialräume in 12 Stadtbezirke, 13 Aktionsräume in 2008 and in 2021', () => {
  const areas = read('sozialraeume.json');
  assert.equal(areas.sozialraeume.length, 39);
  assert.equal(areas.stadtbezirke.length, 12);
  assert.equal(areas.sozialraeume.filter((s) => s.aktionsraum2008).length, 13);
  assert.equal(areas.sozialraeume.filter((s) => s.aktionsraum2021).length, 13);
  const ids = new Set([areas.city.id, ...areas.stadtbezirke.map((s) => s.id), ...areas.sozialraeume.map((s) => s.id)]);
  assert.equal(ids.size, 1 + 12 + 39, 'ids are unique across levels');
  for (const s of areas.sozialraeume) {
    assert.ok(areas.stadtbezirke.some((b) => b.id === s.stadtbezirk), `${s.id}: unknown Stadtbezirk`);
    assert.equal(s.position?.approximate, true, `${s.id}: positions must be marked approximate`);
  }
});

test('indicators: a Stichtag only where the source names one; a unit from another document names that document', () => {
  // The ARGE talk (02.10.2007) dates only the employment rows and "Zugänge/Abgänge im Jahr 2006"; its rate,
  // its unemployed and the people the ARGE looks after have no date: no "2006", but a note saying so.
  const labour = read('indicators/arbeitsmarkt-2000-2006.json').indicators;
  for (const id of ['arbeitslosenquote-2006', 'arbeitslose-2006', 'arge-betreute-2006']) {
    const ind = labour.find((i) => i.id === id);
    assert.equal(ind.stichtag, undefined, `${id}: the source names no Stichtag`);
    assert.match(ind.stichtagNote?.de ?? '', /nicht genannt.*02\.10\.2007/, `${id}: stichtagNote says the talk's date instead`);
    assert.doesNotMatch(ind.title.de, /2006/, `${id}: the title must not date the values to 2006`);
  }
  // The 2022 talk dates only the unemployment rate ("im Schnitt 2021"), not the SGB II rate nor the 82.829.
  for (const ind of read('indicators/sgb2-arbeitslosigkeit.json').indicators.filter((i) => i.id.startsWith('dortmund-'))) {
    const talk = ind.series.find((s) => s.source?.id === 'seed-002');
    assert.equal(talk.stichtag, undefined, `${ind.id}: the 2022 talk's series has no single Stichtag`);
    assert.doesNotMatch(de(talk.label), /^2021$/, `${ind.id}: the series is not labelled as 2021`);
    assert.ok(ind.stichtagNote, `${ind.id}: stichtagNote says which value has which date`);
    for (const val of talk.values.filter((x) => /SGB II-Quote|Bedarfsgemeinschaften/.test(de(x.label)))) {
      assert.match(de(val.note), /nicht genannt/, `${ind.id} ${de(val.label)}: no Stichtag in the talk`);
    }
  }
  // The unit of the Hilfen zur Erziehung is not in the ARGE talk: the document it comes from is a source of its own.
  const hze = read('indicators/sozialraum-rankings-2007.json').indicators.find((i) => i.id === 'hilfen-zur-erziehung');
  const sources = Array.isArray(hze.source) ? hze.source : [hze.source];
  assert.ok(sources.some((s) => /Aktionsplan/.test(s.title) && /je 1\.000 der unter 21-Jährigen/.test(de(s.note))), 'HzE: the unit’s document is named');
  // "(4/21)" after Prompt / Gewerkstatt is kept as the source prints it.
  const jobs = read('indicators/aktiv-statt-passiv.json').indicators.find((i) => i.id === 'arbeitsplaetze-je-traeger');
  assert.match(de(jobs.values.find((x) => de(x.label) === 'Prompt / Gewerkstatt').note), /\(4\/21\)/);
});

test('test fixtures with made-up numbers never live in data/', () => {
  for (const rel of dataFiles()) assert.doesNotMatch(rel, /fixture|fake|made-?up|beispiel/i);
});

test('src/core/areas-data.ts is generated from the current data/sozialraeume.json', async () => {
  const { areasModule } = await import('../../scripts/generate-areas-module.mjs');
  const expected = areasModule(read('sozialraeume.json'));
  const actual = readFileSync(new URL('../../src/core/areas-data.ts', import.meta.url), 'utf8');
  assert.equal(actual, expected, 'run: node scripts/generate-areas-module.mjs');
});

test('the built areas module gives every area of data/sozialraeume.json with its id, name and Stadtbezirk', async () => {
  // The generated module leaves out ids that follow from the name; the widgets must derive exactly the data's ids.
  const { areaById, sozialraeume, CITY_ID } = await import('../../dist/esm/areas.js');
  const file = read('sozialraeume.json');
  assert.equal(CITY_ID, file.city.id);
  for (const b of file.stadtbezirke) assert.deepEqual([areaById(b.id)?.name, areaById(b.id)?.level], [b.name, 'stadtbezirk'], b.id);
  for (const s of file.sozialraeume) {
    const area = areaById(s.id);
    assert.deepEqual([area?.name, area?.level, area?.stadtbezirk], [s.name, 'sozialraum', s.stadtbezirk], s.id);
    assert.equal(area.aktionsraum2021 ?? false, s.aktionsraum2021 ?? false, s.id);
  }
  assert.deepEqual(sozialraeume().map((a) => a.id), file.sozialraeume.map((s) => s.id));
});

test('the built areas module finds every area of data/sozialraeume.json by its name and by each of its aliases', async () => {
  // The generated module leaves out aliases that only repeat a spelling the matching ignores ("Innenstadt West").
  const { matchArea } = await import('../../dist/esm/areas.js');
  const file = read('sozialraeume.json');
  const levels = [[file.city, 'sozialraum'], ...file.stadtbezirke.map((b) => [b, 'stadtbezirk']), ...file.sozialraeume.map((s) => [s, 'sozialraum'])];
  for (const [area, level] of levels) for (const name of [area.name, ...area.aliases]) assert.equal(matchArea(name, level)?.id, area.id, name);
});
