/**
 * Data check for data/key-figures.json (the data of <key-figure>): every figure cites sources of the file,
 * says its number in German and English in the source's own words, has a real Stichtag or says why the
 * source names none, and the figures the seeds print that were missing from data/ (the issue's list) are
 * all in data/ now – or named, with a reason, in the file's "$comment".
 * Validation against the schema files runs once `npm run build` has written them (data/schema/
 * key-figures.schema.json, dist/esm/schema.js); before that those two tests are skipped, saying why.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import * as v from 'valibot';
import { ajv, de, duplicates, filesOfKind, read, schemaOf } from './data-files.mjs';

const REL = 'key-figures.json';
const file = read(REL);
const schemaFile = new URL('../../data/schema/key-figures.schema.json', import.meta.url);
const built = await import('../../dist/esm/schema.js');

const QUALIFIERS = new Set(['exact', 'about', 'more-than', 'almost', 'up-to', 'at-least', 'fraction']);
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const ID = /^[a-z0-9][a-z0-9-]*$/;

const isValidDate = (s) => {
  const m = DATE.exec(s ?? '');
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo !== undefined && (+mo < 1 || +mo > 12)) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(+y, +mo - 1, +d));
  return date.getUTCMonth() === +mo - 1 && date.getUTCDate() === +d;
};

/** A {de, en} text with both languages filled. */
const bilingual = (t) => typeof t === 'object' && t !== null && typeof t.de === 'string' && t.de.trim() !== '' && typeof t.en === 'string' && t.en.trim() !== '';

/** A whole word, also where it starts or ends with an umlaut ("über"): JavaScript's \b knows only ASCII letters. */
const word = (w) => new RegExp(`(?<!\\p{L})${w}(?!\\p{L})`, 'iu');

/** The precision words of German display texts, by qualifier: "rund 35 %" must be "about", never "exact". */
const PRECISION = {
  about: [word('rund'), word('rd\\.'), word('ca\\.'), word('etwa'), word('knapp')],
  'more-than': [word('über'), word('mehr als'), word('gut')],
  almost: [word('fast')],
  'up-to': [word('bis')],
  'at-least': [word('mindestens')],
};
const precisionWords = (text) => Object.entries(PRECISION).filter(([, res]) => res.some((re) => re.test(text))).map(([q]) => q);

/** The number as German and English write it, without rounding: 580000 → "580.000" / "580,000". */
const written = (n, locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(n);

describe('data/key-figures.json', () => {
  const sourceIds = new Set(file.sources.map((s) => s.id));
  const sourceById = new Map(file.sources.map((s) => [s.id, s]));

  test('is a key-figures file: kind, schema path, title in German and English', () => {
    assert.equal(file.kind, 'key-figures');
    assert.equal(schemaOf(file), 'key-figures');
    assert.ok(filesOfKind('key-figures').includes(REL));
    assert.ok(bilingual(file.title), 'title needs de and en');
    assert.ok(file.$comment?.length > 0, '"$comment" says what was left out and why');
  });

  test('valid against data/schema/key-figures.schema.json', { skip: !existsSync(schemaFile) && 'data/schema/key-figures.schema.json is written by `npm run build`' }, () => {
    const validate = ajv.compile(read('schema/key-figures.schema.json'));
    assert.ok(validate(file), ajv.errorsText(validate.errors, { separator: '\n' }));
  });

  test('valid against the element’s own schema', { skip: !built.KeyFiguresFileSchema && 'dist/esm/schema.js has no KeyFiguresFileSchema before `npm run build`' }, () => {
    const result = v.safeParse(built.KeyFiguresFileSchema, file);
    assert.ok(result.success, JSON.stringify(result.issues?.map((i) => [i.path?.map((p) => p.key).join('.'), i.message])));
  });

  test('sources: unique ids, real titles and dates, web links only, each cited by a figure', () => {
    assert.deepEqual(duplicates(file.sources.map((s) => s.id)), [], 'source ids must be unique');
    for (const s of file.sources) {
      assert.ok(s.title?.trim(), `${s.id}: source without title`);
      assert.doesNotMatch(s.title, /\bseed\b/i, `${s.id}: sources are named by their real titles`);
      if (s.date !== undefined) assert.ok(isValidDate(s.date), `${s.id}: bad date ${s.date}`);
      for (const key of ['url', 'viaUrl']) if (s[key] !== undefined) assert.match(s[key], /^https?:\/\/\S+$/i, `${s.id}: ${key} must be http(s)`);
      if (s.note !== undefined) assert.ok(bilingual(s.note), `${s.id}: note needs de and en`);
    }
    const cited = new Set(file.figures.flatMap((f) => f.sources));
    assert.deepEqual(file.sources.map((s) => s.id).filter((id) => !cited.has(id)), [], 'sources listed but never cited');
  });

  test('figures: unique ascii ids, sources of this file, texts in German and English', () => {
    assert.ok(file.figures.length > 0);
    assert.deepEqual(duplicates(file.figures.map((f) => f.id)), [], 'figure ids must be unique');
    for (const f of file.figures) {
      assert.match(f.id, ID, `"${f.id}": id must be ascii lowercase`);
      assert.ok(Array.isArray(f.sources) && f.sources.length > 0, `${f.id}: no source`);
      for (const id of f.sources) assert.ok(sourceIds.has(id), `${f.id}: unknown source "${id}"`);
      assert.ok(bilingual(f.display), `${f.id}: display needs de and en`);
      assert.ok(bilingual(f.label), `${f.id}: label needs de and en`);
      for (const key of ['comparison', 'stichtagNote', 'note', 'unit']) if (f[key] !== undefined) assert.ok(typeof f[key] === 'string' || bilingual(f[key]), `${f.id}: ${key} needs de and en`);
      for (const key of ['derived', 'unverified']) if (f[key] !== undefined) assert.equal(typeof f[key], 'boolean', `${f.id}: ${key} is true or false`);
      if (f.groups !== undefined) {
        assert.deepEqual(duplicates(f.groups), [], `${f.id}: a group twice`);
        for (const g of f.groups) assert.match(g, ID, `${f.id}: group "${g}" must be ascii lowercase`);
      }
    }
  });

  test('every figure has a real Stichtag, or says why the source names none, and none lies after its source', () => {
    for (const f of file.figures) {
      assert.ok(f.stichtag !== undefined || bilingual(f.stichtagNote), `${f.id}: a stichtag, or a stichtagNote saying the source gives none`);
      if (f.stichtag === undefined) continue;
      assert.ok(isValidDate(f.stichtag), `${f.id}: stichtag must be YYYY, YYYY-MM or YYYY-MM-DD and exist, not "${f.stichtag}"`);
      const latest = f.sources.map((id) => sourceById.get(id)?.date).filter(Boolean).sort().at(-1);
      if (latest) {
        const n = Math.min(latest.length, f.stichtag.length);
        assert.ok(f.stichtag.slice(0, n) <= latest.slice(0, n), `${f.id}: stichtag ${f.stichtag} after its source (${latest})`);
      }
    }
  });

  test('value: a number as the source gives it, or null for words; a range goes upwards', () => {
    for (const f of file.figures) {
      assert.ok(f.value === null || f.value === undefined || Number.isFinite(f.value), `${f.id}: value must be a number or null`);
      if (f.valueTo !== undefined) {
        assert.ok(Number.isFinite(f.value) && Number.isFinite(f.valueTo) && f.valueTo > f.value, `${f.id}: valueTo needs a smaller value`);
      }
      if (f.qualifier !== undefined) assert.ok(QUALIFIERS.has(f.qualifier), `${f.id}: unknown qualifier "${f.qualifier}"`);
    }
  });

  test('display says the value as the source words it: the same number, the same precision word', () => {
    for (const f of file.figures) {
      // Digits in the display must be the value (and the end of a range), never a rounded or another number.
      for (const [lang, locale] of [['de', 'de-DE'], ['en', 'en-GB']]) {
        const shown = f.display[lang];
        if (!/\d/.test(shown) || typeof f.value !== 'number') continue;
        assert.ok(shown.includes(written(f.value, locale)), `${f.id}: display.${lang} "${shown}" does not show the value ${f.value}`);
        if (f.valueTo !== undefined) assert.ok(shown.includes(written(f.valueTo, locale)), `${f.id}: display.${lang} "${shown}" does not show valueTo ${f.valueTo}`);
      }
      const words = precisionWords(f.display.de);
      const qualifier = f.qualifier ?? 'exact';
      if (qualifier === 'exact') assert.deepEqual(words, [], `${f.id}: "${f.display.de}" has a precision word, but the qualifier is "exact"`);
      else if (qualifier in PRECISION) assert.ok(words.includes(qualifier), `${f.id}: qualifier "${qualifier}" without its word in "${f.display.de}"`);
    }
  });

  test('a sparkline series names a time-series file of data/ and a series in it', () => {
    for (const f of file.figures) {
      if (f.series === undefined) continue;
      const target = read(f.series.src);
      assert.equal(target.kind, 'timeseries', `${f.id}: ${f.series.src} is not a time series`);
      assert.ok(target.series.some((s) => s.id === f.series.series), `${f.id}: no series "${f.series.series}" in ${f.series.src}`);
    }
  });
});

/*
 * The issue's list of the 27 facts the seeds print that were missing from data/ (seed wording checked
 * against the seeds themselves). Each is found by what it is in data/ – a key figure (with the value
 * the seed gives), a milestone (with its date) – or, if it is deliberately left out, by a phrase in
 * key-figures.json's "$comment" that names it with the reason.
 */
const MISSING = [
  ['ARGE 2007: Zugänge 57.747 im Jahr 2006', { figure: 'zugaenge-2006', value: 57747, stichtag: '2006' }],
  ['ARGE 2007: Abgänge 63.258 im Jahr 2006', { figure: 'abgaenge-2006', value: 63258, stichtag: '2006' }],
  ['ARGE 2007: Anmeldequote Durchschnitt 35 %', { figure: 'anmeldequote-weiterfuehrende-schulen', value: 35 }],
  ['ARGE 2007: Anmeldequoten Gymnasien 13–22 %', { figure: 'anmeldequote-gymnasien', value: 13, valueTo: 22 }],
  ['ARGE 2007: „fast 2/3“ mit Migrationshintergrund', { figure: 'migrationshintergrund-2006', display: 'fast 2/3' }],
  ['ARGE 2007: „z. T. über 50 %“ Arbeitslosigkeit', { figure: 'arbeitslosigkeit-teils-ueber-50', value: 50, qualifier: 'more-than' }],
  ['ARGE 2007: rund 80 % ohne verwertbare Berufsausbildung', { figure: 'arbeitslose-ohne-berufsausbildung', value: 80, qualifier: 'about' }],
  ['ARGE 2007: Bildung 80 % / Wirtschaft 20 %', { figure: ['integrierte-projekte-bildung', 'integrierte-projekte-wirtschaft'] }],
  ['Rede 2014: über 580.000 Einwohner', { figure: 'einwohner-2014', value: 580000, qualifier: 'more-than' }],
  ['Rede 2014: 98.000 Arbeitsplätze verloren', { figure: 'arbeitsplaetze-strukturwandel', value: 98000 }],
  ['Rede 2014: „gut die Hälfte“ ausgeglichen', { figure: 'beschaeftigungsluecke-haelfte', display: 'gut die Hälfte' }],
  ['Rede 2014: Arbeitslosenquote 12,6 % (09/2014)', { figure: 'arbeitslosenquote-2014-09', value: 12.6, stichtag: '2014-09' }],
  ['Rede 2014: SGB II-Quote 16,2 % (31.12.2013)', { figure: 'sgb2-quote-2013-12', value: 16.2, stichtag: '2013-12-31' }],
  ['Rede 2014: „fast jedes dritte Kind“', { figure: 'kinder-transferleistungen', display: 'fast jedes dritte Kind' }],
  ['Rede 2014: über 30.000 Arbeitsplätze für Angelernte', { figure: 'arbeitsplaetze-angelernte', value: 30000, qualifier: 'more-than' }],
  ['Rede 2014: „mehr als das Hundertfache“', { figure: 'eu2-steigerung-quartiere', value: 100, qualifier: 'more-than' }],
  ['Rede 2014: Berichtssystem 2005 mit dem ZEFIR', { milestone: 'berichtssystem-2005', start: '2005' }],
  ['Vortrag 2022: 602.713 Einwohner (12/2021)', { figure: 'einwohner-2021-12', value: 602713, stichtag: '2021-12' }],
  ['Vortrag 12/2021: 602.485 Einwohner (10/2021)', { figure: 'einwohner-2021-10', value: 602485, stichtag: '2021-10' }],
  ['Vortrag 2022: Arbeitslosenquote / SGB II-Quote kleinräumig bis 25 % / 40 %', { figure: ['arbeitslosenquote-kleinraeumig', 'sgb2-quote-kleinraeumig'] }],
  ['Vortrag 2022: Innenstadt-Nord „rund doppelt so hoch“', { figure: 'innenstadt-nord-doppelt', display: 'rund doppelt so hoch' }],
  ['Vortrag 2022: rund 35 % mit Migrationshintergrund', { figure: 'migrationshintergrund-2022', value: 35, qualifier: 'about' }],
  ['Vortrag 2022: über 38.000 Neuzugewanderte', { figure: 'neuzugewanderte-2022', value: 38000, qualifier: 'more-than' }],
  ['Vortrag 12/2021: rund 15,0 Mio. jährlich', { figure: 'kosten-eu2-zuwanderung', value: 15, qualifier: 'about' }],
  ['Vortrag 12/2021: rund 80 % arbeitsmarktfern', { figure: 'arbeitslose-sgb2-arbeitsmarktfern', value: 80, qualifier: 'about' }],
  ['Vortrag 12/2021: achtgrößte Stadt Deutschlands', { figure: 'achtgroesste-stadt', display: 'achtgrößte' }],
  ['„Aktiv statt passiv!“: NRW-Modellprogramm Ende 2012', { milestone: 'nrw-modellprogramm-sozialer-arbeitsmarkt', start: '2012-12' }],
];

/** Further items of the same issue: entries of their own for what stood only inside other texts. */
const ALSO = [
  ['„Aktiv statt passiv!“: Ratsbeschluss Dez. 2012 als eigener Meilenstein', { milestone: 'ratsbeschluss-kommunaler-arbeitsmarkt-2012', start: '2012-12' }],
  ['Vortrag 12/2021: zweites Positionspapier der Städtetags-AG 2018', { milestone: 'positionspapier-staedtetag-2018', start: '2018' }],
  ['Gesamtstrategie: Amt „64“ der Fachkoordination in beiden Netzen', { node: ['gesamtstrategie-handlungsfelder-2021/amt-64', 'gesamtstrategie-fachgruppen-2022/amt-64'] }],
  ['„Aktiv statt passiv!“: „(4/21)“ nach Prompt/Gewerkstatt', { text: '(4/21)', in: ['networks.json', 'indicators/aktiv-statt-passiv.json'] }],
];

/** Why an item is not found, or '' when it is. */
function missingReason(where) {
  if (where.comment) return file.$comment.includes(where.comment) ? '' : `"$comment" does not name "${where.comment}"`;
  if (where.figure) {
    for (const id of [where.figure].flat()) {
      const f = file.figures.find((x) => x.id === id);
      if (!f) return `no key figure "${id}"`;
      for (const key of ['value', 'valueTo', 'stichtag', 'qualifier']) if (key in where && f[key] !== where[key]) return `${id}: ${key} is ${f[key]}, the source says ${where[key]}`;
      if (where.display && !de(f.display).includes(where.display)) return `${id}: display "${de(f.display)}" lacks the source's words "${where.display}"`;
    }
    return '';
  }
  if (where.milestone) {
    const m = read('milestones.json').milestones.find((x) => x.id === where.milestone);
    if (!m) return `no milestone "${where.milestone}"`;
    return m.date.start === where.start ? '' : `${where.milestone}: starts ${m.date.start}, the source says ${where.start}`;
  }
  if (where.node) {
    const networks = read('networks.json').networks;
    for (const path of where.node) {
      const [net, node] = path.split('/');
      const n = networks.find((x) => x.id === net);
      if (!n?.nodes.some((x) => x.id === node)) return `no node "${node}" in network "${net}"`;
      if (!n.links.some((l) => l.source === node || l.target === node)) return `node "${node}" in "${net}" has no link`;
    }
    return '';
  }
  if (where.text) {
    for (const rel of where.in) if (!JSON.stringify(read(rel)).includes(where.text)) return `${rel} does not contain "${where.text}"`;
    return '';
  }
  return 'unknown kind of entry';
}

describe('the facts the issue found missing are in data/ or named with a reason', () => {
  test('the checklist has the issue’s 27 items', () => assert.equal(MISSING.length, 27));
  for (const [item, where] of [...MISSING, ...ALSO]) {
    test(item, () => assert.equal(missingReason(where), '', item));
  }
});
