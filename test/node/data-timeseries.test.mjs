/**
 * Data check for the time-series and milestone files (issue 4: <trend-chart>, <milestone-timeline>):
 * valid against their JSON Schema and the valibot schema the widgets use, and following the data rules —
 * every value cites an existing source, dates are as the source gives them, flags say what a value is,
 * nothing from a party's text passes as verified, statistics are never mixed within a series.
 * Needs `npm run build` first (data/schema/*.json and dist/esm/schema.js are written by the build).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as v from 'valibot';
import { MilestonesFileSchema, TimeSeriesFileSchema, dateEndsBeforeStart } from '../../dist/esm/schema.js';
import { assertValid, de, duplicates, filesOfKind, jsonSchema, read } from './data-files.mjs';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const FLAGS = new Set(['derived', 'rounded', 'unverified', 'approximate']);
const FUNDING = new Set(['Stadt', 'Land', 'Bund', 'EU']);
const STATUS = new Set(['S', 'S+', 'N']);
/** What a note must mention when a value is only known from a party's text: the city document to check it against. */
const CITY_DOCUMENT = /Stadt Dortmund|Vorlage|Sachstandsbericht|Drucksache|Dortmunder Statistik/;

const isValidDate = (s) => {
  const m = DATE.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo !== undefined && (+mo < 1 || +mo > 12)) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(+y, +mo - 1, +d));
  return date.getUTCMonth() === +mo - 1 && date.getUTCDate() === +d;
};

const areas = read('sozialraeume.json');
const areaIds = new Set([areas.city.id, ...areas.stadtbezirke.map((a) => a.id), ...areas.sozialraeume.map((a) => a.id)]);

function checkSources(rel, file) {
  const ids = file.sources.map((s) => s.id);
  assert.deepEqual(duplicates(ids), [], `${rel}: source ids must be unique`);
  for (const s of file.sources) {
    assert.ok(s.id, `${rel}: every source needs an id`);
    assert.ok(typeof s.title === 'string' && s.title.trim(), `${rel} ${s.id}: source without title`);
    if (s.date) assert.ok(isValidDate(s.date), `${rel} ${s.id}: bad source date ${s.date}`);
    for (const key of ['url', 'viaUrl']) if (s[key]) assert.match(s[key], /^https?:\/\/\S+$/i, `${rel} ${s.id}: ${key} must be http(s)`);
    if (s.viaUrl) assert.ok(s.via, `${rel} ${s.id}: viaUrl without via`);
  }
  return new Map(file.sources.map((s) => [s.id, s]));
}

function checkCited(rel, sources, cited) {
  for (const id of cited) assert.ok(sources.has(id), `${rel}: unknown source id "${id}"`);
  const unused = [...sources.keys()].filter((id) => !cited.has(id));
  assert.deepEqual(unused, [], `${rel}: sources listed but never cited`);
}

describe('time series files', () => {
  const files = filesOfKind('timeseries');
  const validate = jsonSchema('timeseries');

  test('data/eu2-residents.json is one of them', () => assert.ok(files.includes('eu2-residents.json')));

  for (const rel of files) {
    describe(rel, () => {
      const file = read(rel);

      test('valid against the JSON Schema and the widgets’ schema', () => {
        assertValid(rel, file, validate, TimeSeriesFileSchema);
      });

      test('every point: a real date, a finite value, allowed flags, existing sources', () => {
        const sources = checkSources(rel, file);
        const cited = new Set();
        for (const s of file.series) {
          for (const p of s.points) {
            const at = `${rel} ${s.id} ${p.date}`;
            assert.ok(isValidDate(p.date), `${at}: date must be YYYY, YYYY-MM or YYYY-MM-DD and exist`);
            assert.ok(Number.isFinite(p.value), `${at}: value must be a finite number`);
            for (const f of p.flags ?? []) assert.ok(FLAGS.has(f), `${at}: unknown flag ${f}`);
            assert.deepEqual(duplicates(p.flags ?? []), [], `${at}: flag twice`);
            assert.ok(p.sources.length > 0, `${at}: no source`);
            for (const id of p.sources) cited.add(id);
          }
        }
        checkCited(rel, sources, cited);
      });

      test('flags are explained: derived → calculation, approximate → dateNote, unverified → city document', () => {
        const sources = new Map(file.sources.map((s) => [s.id, s]));
        for (const s of file.series) {
          for (const p of s.points) {
            const at = `${rel} ${s.id} ${p.date}`;
            const flags = new Set(p.flags ?? []);
            if (flags.has('derived')) assert.match(de(p.note), /[−\-+×÷=]/, `${at}: a derived value needs its calculation in note`);
            if (flags.has('approximate')) assert.ok(de(p.dateNote), `${at}: an approximate value needs a dateNote saying why`);
            if (flags.has('unverified')) assert.match(de(p.note), CITY_DOCUMENT, `${at}: an unverified value must name the city document to check in note`);
            // Rule 4: a figure found only in a party's text (every cited source marked unverified) is unverified.
            if (p.sources.every((id) => sources.get(id)?.unverified)) assert.ok(flags.has('unverified'), `${at}: only political sources, so flag "unverified"`);
          }
        }
      });

      test('parts (BG/RO) add up to the total where both are given', () => {
        for (const s of file.series) {
          for (const p of s.points) {
            if (p.parts?.bg !== undefined && p.parts?.ro !== undefined) {
              assert.equal(p.parts.bg + p.parts.ro, p.value, `${rel} ${s.id} ${p.date}: bg + ro ≠ value`);
            }
          }
        }
      });

      test('series: unique ids, known areas, one statistic each, sorted by date without duplicates', () => {
        assert.deepEqual(duplicates(file.series.map((s) => s.id)), [], `${rel}: series ids must be unique`);
        for (const s of file.series) {
          if (s.area) assert.ok(areaIds.has(s.area), `${rel} ${s.id}: unknown area "${s.area}" (use an id from sozialraeume.json)`);
          // A series holds one statistic: a single statistic on the series, and no point naming its own.
          assert.ok(s.statistic === undefined || !Array.isArray(s.statistic), `${rel} ${s.id}: at most one statistic per series`);
          for (const p of s.points) assert.equal(p.statistic, undefined, `${rel} ${s.id} ${p.date}: a point cannot carry its own statistic`);
          const dates = s.points.map((p) => p.date);
          assert.deepEqual(duplicates(dates), [], `${rel} ${s.id}: a date twice`);
          assert.deepEqual(dates, [...dates].sort(), `${rel} ${s.id}: points must be sorted by date`);
        }
      });
    });
  }

  test('eu2-residents.json: the Dortmund series is the register series with its sourced Stichtage', () => {
    const file = read('eu2-residents.json');
    const dortmund = file.series.find((s) => s.area === 'dortmund');
    assert.ok(dortmund, 'a series for the whole city');
    assert.ok(dortmund.statistic, 'the Dortmund series says which statistic it is');
    const byDate = new Map(dortmund.points.map((p) => [p.date, p]));
    // Spot checks against shared/facts (a1): exact values and their precision as the sources give them.
    assert.equal(byDate.get('2014-08-31')?.value, 6767);
    assert.deepEqual(byDate.get('2015-12-31')?.parts, { bg: 2988, ro: 4913 });
    assert.deepEqual(byDate.get('2018-12-31')?.parts, { bg: 3925, ro: 5114 });
    assert.equal(byDate.get('2023-12-31')?.value, 12040);
    // Nothing derived passes as a source value in this file: (a2) values are left out.
    for (const p of dortmund.points) assert.ok(!(p.flags ?? []).includes('derived'), `${p.date}: derived values are left out here`);
    for (const s of file.series) for (const p of s.points) assert.notEqual(p.value, 6990, 'the IT.NRW/AZR figure is another statistic');
  });

  test('eu2-residents.json: the drop from 6.767 (08/2014) to „rund 6.600“ (02/2015) is explained, the derived 6.580 not drawn', () => {
    const file = read('eu2-residents.json');
    const point = file.series.find((s) => s.id === 'dortmund').points.find((p) => p.date === '2015-02');
    for (const text of [de(point.note), ...file.notes.map(de)].filter((t) => t.includes('6.600'))) {
      assert.match(text, /widersprechen/, 'says that the sources disagree');
      assert.match(text, /6\.580/, 'names the derived end-2014 value');
    }
    assert.ok(file.notes.some((n) => de(n).includes('6.580')), 'a note under the chart');
    for (const s of file.series) assert.ok(s.points.every((p) => p.value !== 6580), 'the derived value is not a point');
  });
});

describe('milestone files', () => {
  const files = filesOfKind('milestones');
  const validate = jsonSchema('milestones');

  test('data/milestones.json is one of them', () => assert.ok(files.includes('milestones.json')));

  for (const rel of files) {
    describe(rel, () => {
      const file = read(rel);

      test('valid against the JSON Schema and the widgets’ schema', () => {
        assertValid(rel, file, validate, MilestonesFileSchema);
      });

      test('categories: unique ascii ids, German and English labels', () => {
        const ids = file.categories.map((c) => c.id);
        assert.deepEqual(duplicates(ids), [], `${rel}: category ids must be unique`);
        for (const c of file.categories) {
          assert.match(c.id, /^[a-z][a-z0-9-]*$/, `${rel}: category id "${c.id}" must be ascii lowercase`);
          assert.ok(c.label.de && c.label.en, `${rel} ${c.id}: label needs de and en`);
        }
      });

      test('every milestone: unique id, known category, existing sources and related ids, allowed funding and status', () => {
        const sources = checkSources(rel, file);
        const categories = new Set(file.categories.map((c) => c.id));
        const ids = file.milestones.map((m) => m.id);
        assert.deepEqual(duplicates(ids), [], `${rel}: milestone ids must be unique`);
        const cited = new Set();
        for (const m of file.milestones) {
          assert.ok(categories.has(m.category), `${rel} ${m.id}: unknown category "${m.category}"`);
          assert.ok(m.sources.length > 0, `${rel} ${m.id}: no source`);
          for (const id of m.sources) cited.add(id);
          for (const f of m.funding ?? []) assert.ok(FUNDING.has(f), `${rel} ${m.id}: unknown funding level ${f}`);
          assert.deepEqual(duplicates(m.funding ?? []), [], `${rel} ${m.id}: funding level twice`);
          if (m.status !== undefined) assert.ok(STATUS.has(m.status), `${rel} ${m.id}: status must be S, S+ or N`);
          for (const r of m.related ?? []) {
            assert.ok(ids.includes(r), `${rel} ${m.id}: related milestone "${r}" does not exist`);
            assert.notEqual(r, m.id, `${rel} ${m.id}: related to itself`);
          }
          assert.ok(m.title.de && m.title.en, `${rel} ${m.id}: title needs de and en`);
          if (m.status === 'S+' || m.status === 'N') {
            assert.ok(m.sources.some((id) => !id.startsWith('seed-')), `${rel} ${m.id}: status ${m.status} needs a public source besides the seeds`);
          }
        }
        checkCited(rel, sources, cited);
      });

      test('dates: real, end not before start, "since" has no end, sorted by start', () => {
        for (const m of file.milestones) {
          const { start, end, since } = m.date;
          assert.ok(isValidDate(start), `${rel} ${m.id}: bad start ${start}`);
          if (end !== undefined) {
            assert.ok(isValidDate(end), `${rel} ${m.id}: bad end ${end}`);
            assert.ok(!dateEndsBeforeStart(start, end), `${rel} ${m.id}: end ${end} before start ${start}`);
            assert.ok(!since, `${rel} ${m.id}: "since" (ongoing) and an end contradict each other`);
          }
        }
        const starts = file.milestones.map((m) => m.date.start);
        assert.deepEqual(starts, [...starts].sort(), `${rel}: milestones must be sorted by start`);
      });
    });
  }

  test('milestones.json: the categories the timeline needs, and the known conflicts kept', () => {
    const file = read('milestones.json');
    const categories = new Set(file.categories.map((c) => c.id));
    for (const id of ['gesundheit', 'wohnen', 'bildung', 'arbeit', 'netzwerk', 'foerderung', 'politik']) assert.ok(categories.has(id), `category ${id}`);
    const byId = new Map(file.milestones.map((m) => [m.id, m]));
    for (const [id, both] of [
      ['viertelwerk', ['2019', '2020']],
      ['dualer-bachelor', ['2012–14', '2014/15']],
      ['clearingstelle-gesundheit', ['486.000', '540.000']],
    ]) {
      const conflict = de(byId.get(id)?.conflict);
      for (const version of both) assert.ok(conflict.includes(version), `${id}: conflict must name ${version}`);
    }
  });

  test('milestones.json: the seeds’ dated events have entries of their own, with the seed’s date first', () => {
    const byId = new Map(read('milestones.json').milestones.map((m) => [m.id, m]));
    for (const [id, start, source] of [
      ['berichtssystem-2005', '2005', 'seed-001'],
      ['nrw-modellprogramm-sozialer-arbeitsmarkt', '2012-12', 'seed-003'],
      ['ratsbeschluss-kommunaler-arbeitsmarkt-2012', '2012-12', 'seed-003'],
      ['positionspapier-staedtetag-2018', '2018', 'seed-004'],
    ]) {
      const m = byId.get(id);
      assert.ok(m, id);
      assert.equal(m.date.start, start, `${id}: date as the source gives it`);
      assert.ok(m.sources.includes(source), `${id}: cites ${source}`);
    }
    // Viertelwerk: the primary document says "seit 2020"; the city newsroom's "2019 gegründet" stays in conflict.
    const viertelwerk = byId.get('viertelwerk');
    assert.deepEqual([viertelwerk.date.start, viertelwerk.date.since, viertelwerk.sources[0]], ['2020', true, 'seed-002']);
  });
});

describe('milestone date order (schema check)', () => {
  const base = { kind: 'milestones', title: 'Testdatei (erfunden)', categories: [{ id: 'x', label: 'X' }], sources: [{ id: 'q', title: 'Quelle (erfunden)' }] };
  const withDate = (date) => ({ ...base, milestones: [{ id: 'm', date, title: 'M', category: 'x', sources: ['q'] }] });

  test('dates of different precision compare at the coarser one', () => {
    assert.equal(dateEndsBeforeStart('2013-06', '2013'), false);
    assert.equal(dateEndsBeforeStart('2013', '2013-01-01'), false);
    assert.equal(dateEndsBeforeStart('2014', '2013-12'), true);
    assert.equal(dateEndsBeforeStart('2016-01-01', '2015-12-31'), true);
    assert.equal(dateEndsBeforeStart('2017-03-13', '2017-03-17'), false);
  });

  test('an end before the start is rejected at "end"', () => {
    assert.ok(v.safeParse(MilestonesFileSchema, withDate({ start: '2013', end: '2017' })).success);
    const result = v.safeParse(MilestonesFileSchema, withDate({ start: '2018', end: '2017-12' }));
    assert.equal(result.success, false);
    assert.deepEqual(
      result.issues.map((i) => i.path.map((p) => p.key).join('.')),
      ['milestones.0.date.end'],
    );
  });
});
