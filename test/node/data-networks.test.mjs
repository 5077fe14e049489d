/**
 * Data check for the network files (issue 5: <network-graph>): valid against their JSON Schema and the
 * valibot schema the widgets use, and following the data rules — only ties a source states, every
 * network, node and link cites an existing source, no persons, the job counts of "Aktiv statt passiv!"
 * equal those of the indicator file. Also checks `checkNetwork`, the referential check the element
 * will use, on small made-up inputs.
 * Needs `npm run build` first (data/schema/*.json and dist/esm/schema.js are written by the build).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import * as v from 'valibot';
import { NetworkSchema, NetworksFileSchema, checkNetwork } from '../../dist/esm/schema.js';
import { assertValid, de, duplicates, filesOfKind, jsonSchema, read } from './data-files.mjs';

/** Kinds of link whose meaning has a direction the sources state (who coordinates, steers, runs, funds whom). */
const DIRECTED_KINDS = new Set(['koordiniert', 'leitet', 'traegt', 'foerdert']);

/** Every string in a JSON value, with its path. */
function* strings(value, path = '') {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, x] of value.entries()) yield* strings(x, `${path}[${i}]`);
  else if (value && typeof value === 'object') for (const [k, x] of Object.entries(value)) yield* strings(x, path ? `${path}.${k}` : k);
}

/**
 * Heuristics for personal names. The seeds write coordinators as "Surname 50", "Surname DW",
 * "Surname/Surname Dez5" and speakers with titles; none of that may reach a data file.
 */
const PERSON_PATTERNS = [
  [/\b(?:Herr|Frau|Hr\.|Fr\.|Dr\.|Prof\.|Dipl\.)(?=\s|-)/u, 'title or form of address'],
  [/\b(?:Stadträtin|Stadtrat|Dezernentin|Dezernent|Sozialdezernentin|Oberbürgermeister(?:in)?|Leiterin|Leiter)\s+\p{Lu}\p{Ll}+/u, 'role followed by a name'],
  [
    new RegExp(
      // Capitalised words that are not names (articles, sentence starts, nouns before numbers); extend the
      // list when the check flags a plain word, never to let a name through.
      String.raw`\b(?!(?:Die|Der|Das|Dem|Den|Des|The|Im|In|Mit|Für|Von|Nach|Bei|Nur|Only|Auch|Also|Außer|Besides|Und|And|Oder|Or|Beispiel|Example|Dezernat|Amt|Nummer|Seed|Verbindung|Knoten|Bildung|Wirtschaft)\b)` +
        String.raw`\p{Lu}\p{Ll}+(?:[-/]\p{Lu}\p{Ll}+)*,?\s+` +
        String.raw`(?:1|32|40|41|50|51|53|64|\d\/?De\s?z|Dez\s?\d|CV|DW|JC|GB|AWO|dobeq|migrado|pdl|VMDO|MIA-?DO-?KI|VHS|DLZB|ISB|BA|FamKa|WF|AA|Soz(?:\.|iales) Zentrum|Anne-Frank|GrünBau|Mitternachtsmission|Planerladen|Die Brücke)` +
        String.raw`\b(?![.,]?\d|\s?%)`,
      'u',
    ),
    'surname before an office number or organisation, as in the seeds',
  ],
  [/\bi\.\s?V\.\s?f\./u, '"i.V.f." (deputising for a person)'],
  [/[\w.+-]+@[\w-]+\.[\w.]+/u, 'e-mail address'],
];

describe('network files', () => {
  const files = filesOfKind('networks');
  const validate = jsonSchema('networks');

  test('data/networks.json is one of them', () => assert.ok(files.includes('networks.json')));

  for (const rel of files) {
    describe(rel, () => {
      const file = read(rel);
      const nodeKinds = new Set(file.nodeKinds.map((k) => k.id));
      const linkKinds = new Set(file.linkKinds.map((k) => k.id));
      const sourceIds = new Set(file.sources.map((s) => s.id));

      test('valid against the JSON Schema and the widgets’ schema', () => {
        assertValid(rel, file, validate, NetworksFileSchema);
      });

      test('sources: unique ids, each with a title, each cited somewhere', () => {
        const ids = file.sources.map((s) => s.id);
        assert.deepEqual(duplicates(ids), [], `${rel}: source ids must be unique`);
        for (const s of file.sources) assert.ok(s.title?.trim(), `${rel} ${s.id}: source without title`);
        const cited = new Set(file.networks.flatMap((n) => [...n.sources, ...n.nodes.flatMap((x) => x.sources ?? []), ...n.links.flatMap((x) => x.sources ?? [])]));
        assert.deepEqual(ids.filter((id) => !cited.has(id)), [], `${rel}: sources listed but never cited`);
      });

      test('node and link kinds: unique ascii ids, German and English labels, each one used', () => {
        for (const kinds of [file.nodeKinds, file.linkKinds]) {
          assert.deepEqual(duplicates(kinds.map((k) => k.id)), [], `${rel}: kind ids must be unique`);
          for (const k of kinds) {
            assert.match(k.id, /^[a-z][a-z0-9-]*$/, `${rel}: kind id "${k.id}" must be ascii lowercase`);
            assert.ok(k.label.de && k.label.en, `${rel} ${k.id}: label needs de and en`);
          }
        }
        const usedNodeKinds = new Set(file.networks.flatMap((n) => n.nodes.map((x) => x.kind)));
        const usedLinkKinds = new Set(file.networks.flatMap((n) => n.links.map((x) => x.kind)));
        assert.deepEqual([...nodeKinds].filter((k) => !usedNodeKinds.has(k)), [], `${rel}: node kinds declared but never used`);
        assert.deepEqual([...linkKinds].filter((k) => !usedLinkKinds.has(k)), [], `${rel}: link kinds declared but never used`);
      });

      test('networks: unique ascii ids, titles in German and English, a year as precise as the source', () => {
        assert.deepEqual(duplicates(file.networks.map((n) => n.id)), [], `${rel}: network ids must be unique`);
        for (const n of file.networks) {
          assert.match(n.id, /^[a-z][a-z0-9-]*$/, `${rel}: network id "${n.id}" must be ascii lowercase`);
          assert.ok(n.title.de && n.title.en, `${rel} ${n.id}: title needs de and en`);
          assert.ok(de(n.description), `${rel} ${n.id}: description missing`);
          assert.match(n.year, /^\d{4}(-\d{2}(-\d{2})?)?$/, `${rel} ${n.id}: year`);
          if (n.until) assert.ok(n.until.slice(0, 4) >= n.year.slice(0, 4), `${rel} ${n.id}: until before year`);
        }
      });

      for (const network of file.networks) {
        describe(network.id, () => {
          const ids = network.nodes.map((x) => x.id);
          const idSet = new Set(ids);

          test('has nodes and links; ids unique and ascii', () => {
            assert.ok(network.nodes.length > 0, 'no nodes');
            assert.ok(network.links.length > 0, 'no links');
            assert.deepEqual(duplicates(ids), [], 'node ids must be unique');
            for (const id of ids) assert.match(id, /^[a-z0-9][a-z0-9-]*$/, `node id "${id}" must be ascii lowercase`);
          });

          test('every link joins two different existing nodes, no link twice', () => {
            const keys = [];
            for (const [i, l] of network.links.entries()) {
              const at = `link ${i + 1} (${l.source} – ${l.target})`;
              assert.ok(idSet.has(l.source), `${at}: unknown source node`);
              assert.ok(idSet.has(l.target), `${at}: unknown target node`);
              assert.notEqual(l.source, l.target, `${at}: self-link`);
              keys.push(`${l.kind}|${l.directed ? `${l.source}>${l.target}` : [l.source, l.target].sort().join('|')}`);
            }
            assert.deepEqual(duplicates(keys), [], 'the same link (same kind, same ends) twice');
          });

          test('every node and link has a known kind; nodes have a German label', () => {
            for (const x of network.nodes) {
              assert.ok(nodeKinds.has(x.kind), `node ${x.id}: unknown kind ${x.kind}`);
              assert.ok(de(x.label).trim(), `node ${x.id}: no label`);
            }
            for (const l of network.links) assert.ok(linkKinds.has(l.kind), `link ${l.source} – ${l.target}: unknown kind ${l.kind}`);
          });

          test('directed only where the kind has a stated direction, and then always', () => {
            for (const l of network.links) {
              assert.equal(Boolean(l.directed), DIRECTED_KINDS.has(l.kind), `link ${l.source} – ${l.target} (${l.kind}): directed must be ${DIRECTED_KINDS.has(l.kind)}`);
            }
          });

          test('the network, each node and each link cite existing sources', () => {
            assert.ok(network.sources.length > 0, 'network without sources');
            for (const id of network.sources) assert.ok(sourceIds.has(id), `network: unknown source ${id}`);
            for (const x of [...network.nodes, ...network.links]) {
              const cited = x.sources ?? network.sources;
              assert.ok(cited.length > 0, `${x.id ?? `${x.source} – ${x.target}`}: no source`);
              for (const id of cited) assert.ok(sourceIds.has(id), `${x.id ?? `${x.source} – ${x.target}`}: unknown source ${id}`);
            }
          });

          test('a seed named in a text of the network is one of its sources', () => {
            for (const [path, s] of strings(network)) {
              for (const [, n] of s.matchAll(/\bSeed (\d{3})\b/g)) {
                assert.ok(network.sources.includes(`seed-${n}`), `${path}: mentions Seed ${n}, which the network does not cite`);
              }
            }
          });

          test('a radial layout has an existing hub', () => {
            if (network.layout === 'radial') assert.ok(network.hub, 'radial layout without hub');
            if (network.hub) assert.ok(idSet.has(network.hub), `hub "${network.hub}" is not a node`);
          });

          test('weights only with what they count', () => {
            for (const x of network.nodes) if (x.weight !== undefined) assert.ok(x.weightLabel, `node ${x.id}: weight without weightLabel`);
          });

          test('checkNetwork finds nothing to report and keeps every node and link', () => {
            const { network: checked, problems } = checkNetwork(network, { nodeKinds, linkKinds, sourceIds });
            assert.deepEqual(problems, []);
            assert.equal(checked.nodes.length, network.nodes.length);
            assert.equal(checked.links.length, network.links.length);
            assert.equal(checked.hub, network.hub);
          });
        });
      }

      test('no personal names (titles, roles with names, "Surname 50"-style entries, e-mail)', () => {
        for (const [path, s] of strings(file)) {
          for (const [pattern, what] of PERSON_PATTERNS) {
            const m = s.match(pattern);
            assert.equal(m, null, `${rel} ${path}: looks like a person (${what}): "${m?.[0]}"`);
          }
        }
      });
    });
  }

  test('the person heuristics catch the seeds’ own way of naming coordinators (made-up names)', () => {
    const caught = (s) => PERSON_PATTERNS.some(([p]) => p.test(s));
    for (const s of ['Musterfrau 50', 'Beispiel-Name DW', 'Erika Muster Dez5', 'Muster 5/Dez', 'Frau Muster', 'Dr. Muster', 'Stadträtin Muster', 'x.muster@stadtdo.de', 'Muster (i.V.f. Beispiel)', 'Muster Soz. Zentrum', 'Muster/Beispiel 5Dez', 'Muster, Probe  GrünBau', 'Muster BA/FamKa']) {
      assert.ok(caught(s), `not caught: ${s}`);
    }
    for (const s of ['Jugendamt (51)', 'Diakonisches Werk (DW)', 'Dezernat 5 (Sozialdezernat)', 'Frauenzentrum Huckarde', 'Mädchen und Frauen', 'Landesinitiative 2020–22', 'ESF 2014–22', 'Verwaltungsbereich „1“', '(Beispiel GrünBau)', 'Only GrünBau is shown', 'Bildung 80 %', 'was die Nummer 41 bezeichnet', 'Die ISB gibt das Konzept ab']) {
      assert.ok(!caught(s), `false alarm: ${s}`);
    }
  });

  test('networks.json: "Aktiv statt passiv!" node weights are the job counts of data/indicators/aktiv-statt-passiv.json', () => {
    const network = read('networks.json').networks.find((n) => n.id === 'aktiv-statt-passiv-2013');
    assert.ok(network, 'network aktiv-statt-passiv-2013');
    const indicator = read('indicators/aktiv-statt-passiv.json').indicators.find((i) => i.id === 'arbeitsplaetze-je-traeger');
    const expected = Object.fromEntries(indicator.values.map((x) => [de(x.label), x.value]));
    const weighted = network.nodes.filter((x) => x.weight !== undefined);
    assert.deepEqual(Object.fromEntries(weighted.map((x) => [de(x.label), x.weight])), expected);
    for (const x of weighted) {
      assert.deepEqual(x.weightLabel, indicator.unit, `${x.id}: weightLabel = the indicator's unit`);
      assert.ok(network.links.some((l) => l.kind === 'partner' && [l.source, l.target].includes(x.id) && [l.source, l.target].includes(network.hub)), `${x.id}: partner of the project`);
    }
    for (const other of read('networks.json').networks) {
      if (other.id !== network.id) assert.ok(other.nodes.every((x) => x.weight === undefined), `${other.id}: weights only where a source gives them`);
    }
  });

  test('networks.json: the networks of the seeds, each from its own document', () => {
    const byId = new Map(read('networks.json').networks.map((n) => [n.id, n]));
    const expect = {
      'jobcenter-politisch-beratend-2007': ['seed-000', '2007'],
      'jobcenter-kooperation-2007': ['seed-000', '2007'],
      'integrierte-projekte-2007': ['seed-000', '2007'],
      'gesamtstrategie-handlungsfelder-2021': ['seed-004', '2021-12'],
      'gesamtstrategie-fachgruppen-2022': ['seed-002', '2022-01'],
      'aktiv-statt-passiv-2013': ['seed-003', '2013'],
      'wohnen-mieterinnenbuero-viertelwerk-2022': ['seed-002', '2022'],
    };
    for (const [id, [source, year]] of Object.entries(expect)) {
      assert.ok(byId.has(id), id);
      assert.equal(byId.get(id).sources[0], source, `${id}: main source`);
      assert.equal(byId.get(id).year, year, `${id}: year`);
    }
    // Spot checks of ties against the seeds.
    const has = (id, a, b, kind) => byId.get(id).links.some((l) => l.kind === kind && ((l.source === a && l.target === b) || (l.source === b && l.target === a)));
    assert.ok(has('jobcenter-kooperation-2007', 'arge', 'frauenhaus', 'kooperation'));
    assert.ok(has('gesamtstrategie-handlungsfelder-2021', 'pdl', 'hf-sprache', 'koordiniert'));
    assert.ok(has('gesamtstrategie-fachgruppen-2022', 'mitternachtsmission', 'fg-ausbeutung', 'koordiniert'));
    assert.ok(has('wohnen-mieterinnenbuero-viertelwerk-2022', 'viertelwerk', 'stadt', 'leistung'));
    // ARGE and its founders: the seed's text states no such tie, so none beyond the network link.
    assert.ok(!has('jobcenter-politisch-beratend-2007', 'arge', 'agentur', 'traegt'));
  });

  test('networks.json: office „64“ of the 01/2022 draft in both Gesamtstrategie networks; each quote cites the talk it is from', () => {
    const byId = new Map(read('networks.json').networks.map((n) => [n.id, n]));
    // Only the Strategic Social Planning talk (seed 002) lists "NN 64" in its row of Fachkoordination.
    for (const id of ['gesamtstrategie-handlungsfelder-2021', 'gesamtstrategie-fachgruppen-2022']) {
      const network = byId.get(id);
      const node = network.nodes.find((x) => x.id === 'amt-64');
      assert.ok(node, `${id}: node amt-64`);
      assert.ok((node.sources ?? network.sources).includes('seed-002'), `${id}: amt-64 cites the 2022 talk`);
      const links = network.links.filter((l) => l.source === 'amt-64' || l.target === 'amt-64');
      assert.ok(links.length > 0, `${id}: amt-64 is linked`);
      for (const l of links) assert.ok((l.sources ?? network.sources).includes('seed-002'), `${id}: the link of amt-64 cites the 2022 talk`);
    }
    // „unter Regie des Sozialdezernats“ is in the December 2021 talk (seed 004) only: wherever a node quotes it, it cites that talk.
    for (const network of byId.values()) {
      for (const x of network.nodes) {
        if (!/unter Regie des Sozialdezernats/.test(de(x.note))) continue;
        assert.ok((x.sources ?? network.sources).includes('seed-004'), `${network.id} ${x.id}: quotes the December 2021 talk without citing it`);
        if (network.sources[0] !== 'seed-004') assert.doesNotMatch(de(x.note), /derselben Folie/, `${network.id} ${x.id}: the quote is not on this network's slide`);
      }
    }
  });
});

describe('checkNetwork (made-up inputs)', () => {
  const n = (id, label = id.toUpperCase(), kind = 'x') => ({ id, label, kind });
  const keys = (result) => result.problems.map((p) => p.key);

  test('a valid network: no problems, everything kept', () => {
    const input = { hub: 'a', layout: 'radial', nodes: [n('a'), n('b'), n('c')], links: [{ source: 'a', target: 'b', kind: 'k' }, { source: 'a', target: 'c', kind: 'k' }] };
    const result = checkNetwork(input, { nodeKinds: ['x'], linkKinds: ['k'] });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.network, input);
  });

  test('a link to an unknown node: warning with its number (from 1) and the id; the link is dropped', () => {
    const result = checkNetwork({ nodes: [n('a'), n('b')], links: [{ source: 'a', target: 'b', kind: 'k' }, { source: 'a', target: 'b', kind: 'j' }, { source: 'a', target: 'xyz', kind: 'k' }] });
    assert.deepEqual(result.problems, [{ severity: 'warning', key: 'net_unknownNode', args: [3, 'xyz'] }]);
    assert.equal(result.network.links.length, 2);
    // Both ends unknown: the first is named.
    assert.deepEqual(checkNetwork({ nodes: [n('a')], links: [{ source: 'p', target: 'q', kind: 'k' }] }).problems[0].args, [1, 'p']);
    assert.equal(result.network.links.length, 2);
  });

  test('duplicate node ids: warning, the first node counts', () => {
    const result = checkNetwork({ nodes: [n('a', 'Erste'), n('b'), n('a', 'Zweite')], links: [{ source: 'a', target: 'b', kind: 'k' }] });
    assert.deepEqual(result.problems, [{ severity: 'warning', key: 'net_duplicateNode', args: [3, 'a'] }]);
    assert.deepEqual(result.network.nodes.map((x) => x.label), ['Erste', 'B']);
  });

  test('a self-link: warning, dropped', () => {
    const result = checkNetwork({ nodes: [n('a'), n('b')], links: [{ source: 'a', target: 'a', kind: 'k' }, { source: 'a', target: 'b', kind: 'k' }] });
    assert.deepEqual(result.problems, [{ severity: 'warning', key: 'net_selfLink', args: [1, 'a'] }]);
    assert.equal(result.network.links.length, 1);
  });

  test('a node without label (missing, blank, { de: "" }) is dropped, and so are its links (as to a node not shown)', () => {
    const input = {
      nodes: [n('a'), { id: 'b', kind: 'x' }, n('c', '  '), { id: 'd', label: { de: '', en: 'D' }, kind: 'x' }, n('e')],
      links: [{ source: 'a', target: 'b', kind: 'k' }, { source: 'c', target: 'd', kind: 'k' }, { source: 'a', target: 'e', kind: 'k' }],
    };
    const result = checkNetwork(input);
    assert.deepEqual(keys(result), ['net_nodeNoLabel', 'net_nodeNoLabel', 'net_nodeNoLabel', 'net_unknownNode', 'net_unknownNode']);
    assert.deepEqual(result.problems[0].args, [2, 'b']);
    assert.deepEqual(result.problems[3].args, [1, 'b']);
    assert.deepEqual(result.problems[4].args, [2, 'c']);
    assert.deepEqual(result.network.nodes.map((x) => x.id), ['a', 'e']);
    assert.deepEqual(result.network.links, [{ source: 'a', target: 'e', kind: 'k' }]);
  });

  test('nodes without id and links without both ends are dropped', () => {
    const result = checkNetwork({ nodes: [n('a'), { label: 'Ohne id', kind: 'x' }, 'kein Objekt', n('b')], links: [{ source: 'a', kind: 'k' }, null, { source: 'a', target: 'b', kind: 'k' }] });
    assert.deepEqual(result.problems.map((p) => [p.key, ...p.args]), [['net_nodeNoId', 2], ['net_nodeNoId', 3], ['net_linkNoEnds', 1], ['net_linkNoEnds', 2]]);
    assert.equal(result.network.nodes.length, 2);
    assert.equal(result.network.links.length, 1);
  });

  test('the same link twice: undirected in either order is a repeat; directed the other way round is not', () => {
    const result = checkNetwork({
      nodes: [n('a'), n('b')],
      links: [
        { source: 'a', target: 'b', kind: 'k' },
        { source: 'b', target: 'a', kind: 'k' },
        { source: 'a', target: 'b', kind: 'f', directed: true },
        { source: 'b', target: 'a', kind: 'f', directed: true },
        { source: 'a', target: 'b', kind: 'f', directed: true },
      ],
    });
    assert.deepEqual(result.problems.map((p) => [p.key, ...p.args]), [['net_duplicateLink', 2, 'b', 'a'], ['net_duplicateLink', 5, 'a', 'b']]);
    assert.equal(result.network.links.length, 3);
  });

  test('undeclared kinds and sources: one warning naming all kinds, one naming all sources; nodes and links kept', () => {
    const result = checkNetwork(
      { sources: ['q', 'weg'], nodes: [n('a', 'A', 'neu'), n('b', 'B', 'neu'), { ...n('c'), sources: ['fehlt'] }], links: [{ source: 'a', target: 'b', kind: 'unbekannt' }, { source: 'b', target: 'c', kind: 'k', sources: ['q', 'nix'] }] },
      { nodeKinds: ['x'], linkKinds: ['k'], sourceIds: ['q'] },
    );
    assert.deepEqual(result.problems.map((p) => [p.key, ...p.args]), [
      ['net_unknownKinds', 'neu, unbekannt'],
      ['p_unknownSources', 'weg, fehlt, nix'],
    ]);
    assert.equal(result.network.nodes.length, 3);
    assert.equal(result.network.links.length, 2);
  });

  test('an unknown hub is removed; it and a radial layout without hub are named', () => {
    const withHub = checkNetwork({ hub: 'zz', layout: 'radial', nodes: [n('a'), n('b')], links: [{ source: 'a', target: 'b', kind: 'k' }] });
    assert.deepEqual(keys(withHub), ['net_noHub']);
    assert.equal('hub' in withHub.network, false);
    assert.deepEqual(keys(checkNetwork({ layout: 'radial', nodes: [n('a'), n('b')], links: [{ source: 'a', target: 'b', kind: 'k' }] })), ['net_noHub']);
  });

  test('an empty network is an error; nodes without any link a warning', () => {
    for (const input of [{}, { nodes: [], links: [] }, { nodes: [{ id: 'a' }], links: [] }]) {
      const result = checkNetwork(input);
      const last = result.problems.at(-1);
      assert.equal(last.key, 'net_empty');
      assert.equal(last.severity, 'error');
    }
    const lonely = checkNetwork({ nodes: [n('a')], links: [] });
    assert.deepEqual(lonely.problems, [{ severity: 'warning', key: 'net_noLinks', args: [] }]);
  });

  test('the schema leaves referential checks to checkNetwork: unknown ids and self-links pass it', () => {
    const network = { id: 'n', title: 'Test (erfunden)', year: '2020', sources: ['q'], nodes: [n('a')], links: [{ source: 'a', target: 'a', kind: 'k' }, { source: 'a', target: 'xyz', kind: 'k' }] };
    assert.ok(v.safeParse(NetworkSchema, network).success);
    assert.ok(!v.safeParse(NetworkSchema, { ...network, until: '2019' }).success, 'until before year');
    assert.ok(!v.safeParse(NetworkSchema, { ...network, nodes: [] }).success, 'no nodes');
  });
});

describe('messages of checkNetwork', () => {
  const source = readFileSync(new URL('../../src/network-graph/messages.ts', import.meta.url), 'utf8');
  const shared = readFileSync(new URL('../../src/core/i18n.ts', import.meta.url), 'utf8');
  const schema = readFileSync(new URL('../../src/core/network-schema.ts', import.meta.url), 'utf8');
  /** The bodies of the graph's German and English message objects (`const de = {` … `};`). */
  const blocks = [...source.matchAll(/\nconst (?:de|en)\b[^=]*= \{\n([\s\S]*?)\n\};/g)].map((m) => m[1]);
  const keysOf = (block) => [...block.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]);

  test('the graph has its own German and English messages with the same keys, all net_…, none of them among the shared words', () => {
    assert.equal(blocks.length, 2);
    assert.deepEqual(keysOf(blocks[0]), keysOf(blocks[1]));
    for (const key of keysOf(blocks[0])) assert.match(key, /^net_/);
    // Shared words are in every page's file; the graph's only where the graph is.
    assert.doesNotMatch(shared, /^ {2}net_\w+:/m);
  });

  test('every key checkNetwork uses is in the block', () => {
    const used = new Set([...schema.matchAll(/(?:warning|problem|warn)\('(net_\w+)'/g)].map((m) => m[1]));
    assert.ok(used.size >= 10);
    assert.deepEqual([...used].filter((k) => !keysOf(blocks[0]).includes(k)), []);
  });

  test('the messages name what is wrong ("Verbindung 3: Knoten „xyz“ fehlt; sie wird nicht gezeigt.")', () => {
    // Evaluate the two blocks as plain JavaScript: drop the parameter types, nothing else.
    const evaluate = (block) => new Function(`return {${block.replace(/(\w+): (?:number|string)\b/g, '$1')}};`)();
    const [deMsgs, enMsgs] = blocks.map(evaluate);
    assert.equal(deMsgs.net_unknownNode(3, 'xyz'), 'Verbindung 3: Knoten „xyz“ fehlt; sie wird nicht gezeigt.');
    assert.equal(enMsgs.net_unknownNode(3, 'xyz'), 'Link 3: node “xyz” is missing; the link is not shown.');
    assert.match(deMsgs.net_duplicateNode(4, 'caritas'), /Knoten 4.*„caritas“.*doppelt/);
    assert.match(deMsgs.net_selfLink(2, 'a'), /Verbindung 2.*„a“.*sich selbst/);
    assert.match(deMsgs.net_nodeNoLabel(5, 'b'), /Knoten 5.*„b“.*ohne Beschriftung/);
    assert.match(enMsgs.net_empty, /no node/);
  });
});
