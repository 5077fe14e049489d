/**
 * Public texts: every text a widget can show to a reader (titles, descriptions, notes, stichtagNote,
 * dateNote, conflict, source titles/notes/via, node and link notes, series notes, labels …) names sources
 * by their real names only – no internal working words ("Seed 002"), no repository paths
 * ("data/indicators/…json", "shared/facts/…"), no remarks about text recognition ("Texterkennung", "OCR",
 * "verstümmelt"). Ids ("seed-002"), "$comment", "$schema", URLs and other machine fields are not shown
 * and are skipped.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataFiles, read } from './data-files.mjs';

/**
 * Keys whose string values (or lists of strings) are machine fields: ids and references to ids, URLs,
 * dates, enums, layout and geometry settings. An object under such a key (the "source" object of a
 * TopoJSON file) is still walked.
 */
const MACHINE_KEYS = new Set([
  '$comment',
  '$schema',
  'id',
  'ids',
  'kind',
  'type',
  'url',
  'viaUrl',
  'file',
  'src', // a file name to load (a key figure's `series.src`), never shown
  'sources', // the list of source ids an entry cites (a file's own `sources` list of objects is walked)
  'source', // a link's node id (the `source` object of a TopoJSON file is walked)
  'target',
  'hub',
  'related',
  'area',
  'stadtbezirk',
  'category',
  'status',
  'flags',
  'funding',
  'date',
  'start',
  'end',
  'until',
  'stichtag',
  'year',
  'layout',
  'mode',
  'level',
  'emphasis',
  'grid', // TopoJSON: how the generated tile grid is laid out, read by tools only
  'cellCentre',
]);

const FORBIDDEN = [
  [/\bseeds?\b/i, '"Seed" (internal name of a source document)'],
  [/data\//i, '"data/" (repository path)'],
  [/\.json\b/i, '".json" (file name)'],
  [/shared\/facts/i, '"shared/facts" (repository path)'],
  [/texterkennung/i, '"Texterkennung"'],
  [/\bOCR\b/i, '"OCR"'],
  [/verstümmelt/i, '"verstümmelt"'],
  [/\b(?:src|scripts|test|dist|demo)\/[\w./-]*/i, 'repository path'],
  [/\b[\w-]+\/[\w./-]*\.(?:md|mjs|js|ts|txt|csv|geojson)\b/i, 'file path'],
];

/** [path, text] of every shown text in a data file. */
function shownTexts(value, path = '$', key = undefined) {
  if (typeof value === 'string') return MACHINE_KEYS.has(key) ? [] : [[path, value]];
  if (Array.isArray(value)) {
    if (MACHINE_KEYS.has(key) && value.every((x) => typeof x === 'string')) return [];
    return value.flatMap((x, i) => shownTexts(x, `${path}[${i}]`, key));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      // {de, en} texts belong to the key they stand under.
      const childKey = k === 'de' || k === 'en' ? key : k;
      if (k.startsWith('$')) return [];
      // TopoJSON arcs, coordinates and boxes are numbers; nothing to read there.
      if (k === 'arcs' || k === 'coordinates' || k === 'bbox' || k === 'transform') return [];
      return shownTexts(v, `${path}.${k}`, childKey);
    });
  }
  return [];
}

const offenders = (rel) =>
  shownTexts(read(rel)).flatMap(([path, text]) =>
    FORBIDDEN.filter(([re]) => re.test(text)).map(([, why]) => `data/${rel} ${path}: ${why} in ${JSON.stringify(text)}`),
  );

test('the walker finds the shown texts and skips machine fields', () => {
  const texts = shownTexts({
    $comment: 'Seed 002',
    id: 'seed-002',
    sources: ['seed-002'],
    title: { de: 'Titel', en: 'Title' },
    links: [{ source: 'a', target: 'b', note: 'Notiz' }],
  });
  assert.deepEqual(texts, [
    ['$.title.de', 'Titel'],
    ['$.title.en', 'Title'],
    ['$.links[0].note', 'Notiz'],
  ]);
  assert.deepEqual(shownTexts({ series: { src: 'eu2-residents.json' } }), [], 'a file name to load is no shown text');
  const hits = (text) => FORBIDDEN.some(([re]) => re.test(text));
  for (const bad of ['lt. Seed 004', 'seed 002 (list)', 'in den Seeds', 'siehe data/indicators/x.json', 'aus der Texterkennung', 'the OCR reads', 'Namen verstümmelt', 'shared/facts/networks.md']) {
    assert.ok(hits(bad), bad);
  }
  for (const good of ['Vortrag des Sozialdezernats (Dezember 2021)', 'Plovdiv/BG', 'ESF 2014–22', 'Stand 01/2022', 'Akti(F) 2020–22']) {
    assert.ok(!hits(good), good);
  }
});

for (const rel of dataFiles()) {
  test(`data/${rel}: shown texts name sources by their real names, without internal words or paths`, () => {
    const found = offenders(rel);
    assert.equal(found.length, 0, `${found.length} shown text(s) with internal words:\n${found.join('\n')}`);
  });
}
