import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../src/indicator-bar/indicator-bar.js';
import '../src/sozialraum-map/sozialraum-map.js';
import '../src/trend-chart/trend-chart.js';
import '../src/milestone-timeline/milestone-timeline.js';
import '../src/network-graph/network-graph.js';

/**
 * Property-based fuzzing (issue "Proof for city IT"): random and mutated JSON of every data kind,
 * HTML tables, attribute values and TopoJSON go into every element. Each run must end in a drawn chart
 * or a named message — never an uncaught error, never "NaN", "undefined", "Infinity" or "[object Object]"
 * in the shadow root, never a blank box, and never a loading state (all data here is in the page).
 *
 * Deterministic: a fixed seed (SEED) and a fixed number of runs per property. A failure prints the seed
 * and fast-check's path (`fc.assert(…, { seed, path })` replays exactly the failing case).
 */

export const SEED = 20_240_611;
/** Runs per property; five elements × a few properties stay well under 40 s on two cores. */
const RUNS = 40;

const BAD = /NaN|undefined|Infinity|\[object Object\]/;

const DRAWN: Record<string, string> = {
  'indicator-bar': 'g.item',
  'sozialraum-map': 'path.area',
  'trend-chart': 'g.point',
  'milestone-timeline': 'li.item',
  'network-graph': 'g.node',
};

/* ---------------------------------------- the real files ---------------------------------------- */

const files: Record<string, unknown> = {};
const INDICATOR_FILES = ['aktiv-statt-passiv', 'arbeitsmarkt-2000-2006', 'sgb2-arbeitslosigkeit', 'sozialraum-rankings-2007'];

before(async () => {
  const load = async (name: string, url: string) => (files[name] = await (await fetch(url)).json());
  await Promise.all([
    ...INDICATOR_FILES.map((f) => load(f, `/data/indicators/${f}.json`)),
    load('eu2', '/data/eu2-residents.json'),
    load('milestones', '/data/milestones.json'),
    load('networks', '/data/networks.json'),
    load('geo', '/data/geo/sozialraeume-tiles.topo.json'),
  ]);
});

/* ---------------------------------------- generators ---------------------------------------- */

/** Values that break naive code: NaN-like strings (JSON has no NaN), huge, negative, tiny, wrong types. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    'NaN', 'Infinity', '-Infinity', 'undefined', 'null', '', ' ', '1e309', '-0', '0x1F', '12,5', '1.234.567,8', '39,9 %',
    1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, -5e-324, 0, -0, -1, 1e21, 2 ** 53 + 1, 0.1,
    null, true, false, [], {}, [[]], [null], { value: null }, '2020-13-45', '0000-00', '9999-12-31', '<b>x</b>', '</script>',
    '\u202e\u0000\ud83d\ude00', 'x'.repeat(5000),
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Something nested a hundred levels deep. */
const deep = fc.integer({ min: 20, max: 200 }).map((n) => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
});

type Mutation = { op: 'drop' | 'replace' | 'duplicate' | 'empty' | 'deep' | 'wrap' | 'swap'; at: number; value: unknown; other: number };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom<Mutation['op']>('drop', 'replace', 'replace', 'replace', 'duplicate', 'empty', 'deep', 'wrap', 'swap'),
  at: fc.nat(),
  value: fc.oneof({ weight: 5, arbitrary: nasty }, { weight: 1, arbitrary: deep }),
  other: fc.nat(),
});

type Path = Array<string | number>;

/** Every path in a JSON value (containers and leaves), the root excluded. */
function paths(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (v && typeof v === 'object') {
    for (const [k, c] of Object.entries(v)) {
      const p = [...prefix, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      paths(c, p, out);
    }
  }
  return out;
}

function get(root: unknown, p: Path): unknown {
  return p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)?.[k], root);
}

/** Applies mutations to a copy of `base`; each picks its place by index among the paths at that moment. */
function mutate(base: unknown, ms: Mutation[]): unknown {
  const root = { v: structuredClone(base) };
  for (const m of ms) {
    const all = paths(root.v).map((p) => ['v', ...p] as Path);
    all.push(['v']);
    const p = all[m.at % all.length];
    const parent = get(root, p.slice(0, -1)) as Record<string | number, unknown> | unknown[];
    const key = p[p.length - 1];
    const cur = (parent as Record<string | number, unknown>)[key];
    const set = (v: unknown) => ((parent as Record<string | number, unknown>)[key] = v);
    switch (m.op) {
      case 'drop':
        if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
        else if (p.length > 1) delete (parent as Record<string, unknown>)[key];
        break;
      case 'replace':
      case 'deep':
        set(m.value);
        break;
      case 'duplicate':
        if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 0, structuredClone(cur));
        else if (Array.isArray(cur)) set([...cur, ...structuredClone(cur)]);
        else set([cur, cur]);
        break;
      case 'empty':
        set(Array.isArray(cur) ? [] : cur && typeof cur === 'object' ? {} : '');
        break;
      case 'wrap':
        set(typeof cur === 'string' ? cur.repeat(1 + (m.other % 400)) : { value: cur });
        break;
      case 'swap': {
        // Another place's value here (wrong type in the right shape: an area object as a value, a title as a date).
        const q = all[m.other % all.length];
        const v = get(root, q);
        if (!q.slice(1).some((k, i) => p[i + 1] !== k) && q.length <= p.length) break; // an ancestor into itself
        set(structuredClone(v));
        break;
      }
    }
  }
  return root.v;
}

/** A real file with 1–6 mutations, or a real file untouched (a control: it must draw). */
const mutated = (name: string) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 6 }).map((ms) => ({ file: name, ms })) },
    { weight: 1, arbitrary: fc.constant({ file: name, ms: [] as Mutation[] }) },
  );

/** Random strings for attribute values: words the element knows, numbers, empty, junk. */
const attrValue = fc.oneof(
  fc.constantFrom(
    '', ' ', '0', '-1', '1', '2', '3', '5', '9', '10', '99999999', '1e308', 'NaN', 'Infinity', 'undefined', 'null', 'true',
    'steps', 'year', 'kind', 'value', 'name', 'asc', 'desc', 'log', 'linear', 'equal', 'quantile', 'jenks', 'diverging',
    'sequential', 'force', 'radial', 'circle', 'en', 'de', 'fr', 'xx-YY', 'de-DE', '2000', '2020-12', '2014-01-01', '1900',
    'Nordmarkt, Borsigplatz, Hafen', 'Innenstadt-Nord', ',,,', '0,1,2', '1e308,-1e308', '5,3,1', 'a,b', 'ja', 'nein',
    'einkommen-2001', 'sgb2-quote-2020-12', 'bg, ro', 'eu-beitritt-bg-ro arbeitnehmerfreizuegigkeit-2014',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.integer().map(String),
  fc.double().map(String),
);

/** Attribute names each element reads (its `static properties`), less `src` and the URL-valued ones. */
const ATTRS: Record<string, string[]> = {
  'indicator-bar': ['indicator', 'sort', 'top', 'highlight', 'title', 'lang', 'source', 'stichtag', 'mode', 'current', 'step-by', 'fit', 'presentation'],
  'sozialraum-map': ['indicator', 'geo-id-property', 'breaks', 'classes', 'classify', 'palette', 'show-aktionsraeume', 'highlight', 'focus', 'title', 'lang', 'source', 'stichtag', 'mode', 'current', 'step-by', 'fit', 'presentation'],
  'trend-chart': ['series', 'from', 'to', 'scale', 'annotations', 'highlight', 'title', 'lang', 'mode', 'current', 'step-by', 'fit', 'presentation'],
  'milestone-timeline': ['categories', 'from', 'to', 'title', 'lang', 'mode', 'current', 'step-by', 'fit', 'presentation', 'step'],
  'network-graph': ['network', 'layout', 'static', 'title', 'lang', 'mode', 'current', 'step-by', 'fit', 'presentation', 'step'],
};

const attrs = (tag: string) =>
  fc.dictionary(fc.constantFrom(...ATTRS[tag]), attrValue, { maxKeys: 5 });

/** Table cells: numbers as typed in German or English, missing marks, junk. */
const cell = fc.oneof(
  fc.constantFrom('', '–', '-', '—', 'k. A.', 'n/a', '...', 'x', '0', '-0', '39,9 %', '39.9 %', '12.040', '12,040', '1.234.567,89', '1,234,567.89',
    '1e308', '-1e308', '1e400', 'NaN', 'Infinity', '−5', '+7', '5 ‰', '€ 12', '12 €', '0,0001', '.5', ',5', '5.', '1 000', '1\u00a0000', 'Dortmund'),
  fc.double({ noNaN: true }).map((d) => String(d)),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map((d) => d.toLocaleString('de-DE')),
  fc.integer().map((n) => n.toLocaleString('en-US')),
  fc.string({ maxLength: 15 }),
);
const AREA_NAMES = ['Nordmarkt', 'Borsigplatz', 'Hafen', 'Dortmund', 'Innenstadt-Nord', 'Eving', 'Gibtsnicht', '', 'Hörde', 'Marten'];
const table = fc.record({
  caption: fc.option(fc.string({ maxLength: 30 })),
  thead: fc.boolean(),
  header: fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Sozialraum', 'Wert', 'Quote (%)', '2020', '2021', '')), { maxLength: 5 }),
  rows: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...AREA_NAMES), fc.string({ maxLength: 12 })), fc.array(cell, { maxLength: 5 })), { maxLength: 14 }),
});

function tableHtml(t: fc.Infer<typeof table>): HTMLTableElement {
  const el = document.createElement('table');
  if (t.caption !== null) el.createCaption().textContent = t.caption;
  if (t.header.length) {
    const tr = (t.thead ? el.createTHead() : el).insertRow();
    for (const h of t.header) tr.appendChild(document.createElement('th')).textContent = h;
  }
  const body = el.createTBody();
  for (const [name, cells] of t.rows) {
    const tr = body.insertRow();
    tr.appendChild(document.createElement('th')).textContent = name;
    for (const c of cells) tr.insertCell().textContent = c;
  }
  return el;
}

/* ---------------------------------------- one run ---------------------------------------- */

interface Case {
  tag: string;
  /** Through `.data`, an inline script, a raw inline text (possibly not JSON) or a table. */
  via: 'property' | 'inline' | 'raw' | 'table';
  data?: unknown;
  raw?: string;
  table?: fc.Infer<typeof table>;
  attrs: Record<string, string>;
  /** A real file, mutated (resolved in the run, so a counterexample shows the mutations, not the whole file). */
  file?: FileSpec;
  /** Second files in the page: `<script type="application/json" data-for=…>`. */
  extra?: Record<string, FileSpec | { json: unknown }>;
}

type FileSpec = { file: string; ms: Mutation[] };
const resolve = (v: FileSpec | { json: unknown }) => ('file' in v ? mutate(files[v.file], v.ms) : v.json);

const errors: string[] = [];
const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandledrejection: ${String(e.reason?.stack ?? e.reason)}`);

/**
 * The texts of the input that themselves say NaN, undefined …: a message may quote them as written
 * („NaN“ ist keine Zahl), which is right. Also trimmed, with spaces collapsed, and split into the words
 * of a list attribute.
 */
function echoes(c: Case, data: unknown, extra: unknown): string[] {
  const out = new Set<string>();
  const add = (t: unknown) => {
    if (typeof t !== 'string' || !BAD.test(t)) return;
    for (const v of [t, t.trim(), t.replace(/\s+/g, ' ').trim(), ...t.split(/[\s,;]+/)]) if (BAD.test(v)) out.add(v);
  };
  const leaves = (v: unknown): void => {
    if (typeof v === 'string') add(v);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (add(k), leaves(x));
  };
  Object.values(c.attrs).forEach(add);
  add(c.raw);
  if (c.table) {
    add(c.table.caption);
    c.table.header.forEach(add);
    c.table.rows.forEach(([name, cells]) => (add(name), cells.forEach(add)));
  }
  leaves(data);
  leaves(extra);
  // Longest first, so a quoted text is taken out whole before its parts.
  return [...out].sort((a, b) => b.length - a.length);
}

function badStrings(root: Node, echoed: string[] = []): string[] {
  const out: string[] = [];
  const bad = (t: string) => BAD.test(echoed.reduce((rest, e) => rest.split(e).join(' '), t));
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (bad(node.textContent ?? '')) out.push(`text: ${node.textContent!.trim().slice(0, 160)}`);
      return;
    }
    if (node instanceof Element) {
      for (const a of Array.from(node.attributes)) if (bad(a.value)) out.push(`<${node.localName} ${a.name}="${a.value.slice(0, 160)}">`);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    node.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

type Outcome = 'drawn' | 'message' | 'pending';

function outcome(el: Element): Outcome {
  const root = el.shadowRoot;
  if (!root || root.querySelector('.loading')) return 'pending';
  if (root.querySelector(DRAWN[el.localName])) return 'drawn';
  const message = root.querySelector('[role="alert"], .message[role="status"]');
  if (message && message.textContent!.trim()) return 'message';
  return 'pending';
}

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));

async function run(c: Case): Promise<void> {
  const el = document.createElement(c.tag) as HTMLElement & { data?: unknown; updateComplete: Promise<unknown> };
  el.style.width = '600px';
  el.style.height = '500px';
  for (const [k, v] of Object.entries(c.attrs)) el.setAttribute(k, v);
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.extra ?? {})) {
    const s = document.createElement('script');
    s.type = 'application/json';
    s.dataset.for = k;
    s.textContent = JSON.stringify((extra[k] = resolve(v)));
    el.append(s);
  }
  const data = c.file ? resolve(c.file) : c.data;
  if (c.via === 'inline' || c.via === 'raw') {
    const s = document.createElement('script');
    s.type = 'application/json';
    s.textContent = c.via === 'raw' ? c.raw! : JSON.stringify(data);
    el.append(s);
  } else if (c.via === 'table') el.append(tableHtml(c.table!));
  else el.data = data;
  errors.length = 0;
  document.body.append(el);
  try {
    const t0 = performance.now();
    let state: Outcome = 'pending';
    while (performance.now() - t0 < 1000) {
      await frame();
      try {
        await el.updateComplete;
      } catch (e) {
        errors.push(`update: ${(e as Error)?.stack ?? e}`);
        break;
      }
      state = outcome(el);
      if (state !== 'pending') break;
    }
    // One more frame: resize observers and the presenter may draw again after the first chart.
    await frame();
    await el.updateComplete.catch((e: Error) => errors.push(`update: ${e?.stack ?? e}`));
    state = outcome(el);
    expect(errors.join('\n'), 'uncaught errors').to.equal('');
    expect(state, 'neither a chart nor a message after 1 s').to.not.equal('pending');
    expect(badStrings(el.shadowRoot!, echoes(c, data, extra)).join('\n'), 'NaN/undefined/Infinity/[object Object] in the shadow root').to.equal('');
    if (state === 'drawn') {
      for (const svg of Array.from(el.shadowRoot!.querySelectorAll('svg'))) {
        const box = svg.getAttribute('viewBox');
        if (box) expect(box.split(/[\s,]+/).every((n) => Number.isFinite(Number(n))), `viewBox ${box}`).to.equal(true);
      }
    }
  } finally {
    el.remove();
  }
}

/** Runs a property with the fixed seed; on failure the message names seed, path and the shrunk case. */
async function check(name: string, arb: fc.Arbitrary<Case>, runs = RUNS): Promise<void> {
  const realError = console.error;
  const realWarn = console.warn;
  // The widgets name data problems in the console, by design; hundreds of runs would flood the log.
  console.error = console.warn = () => {};
  try {
    await fc.assert(
      fc.asyncProperty(arb, async (c) => {
        await run(c);
      }),
      { seed: SEED, numRuns: runs, endOnFailure: false, verbose: 0 },
    );
  } catch (e) {
    // fast-check 4 keeps the property's own error as `cause`.
    const cause = (e as Error).cause as Error | undefined;
    const why = cause ? `${cause.message}${'actual' in cause ? `\nactual: ${JSON.stringify((cause as { actual: unknown }).actual)?.slice(0, 1500)}` : ''}` : '';
    throw new Error(`fuzz "${name}" failed (seed ${SEED}; replay with fc.assert(…, { seed, path })):\n${(e as Error).message.slice(0, 2500)}\n${why}`);
  } finally {
    console.error = realError;
    console.warn = realWarn;
  }
}

/* ---------------------------------------- properties ---------------------------------------- */

const via = fc.constantFrom<'property' | 'inline'>('property', 'inline');
/** fc.jsonValue at depth ≤ 4, or the right `kind` with random parts (to get past the first check). */
const randomJson = (kind: string) =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.dictionary(fc.constantFrom('kind', 'title', 'values', 'indicators', 'series', 'points', 'milestones', 'networks', 'nodes', 'edges', 'categories', 'source', 'stichtag', 'unit', 'mode'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }).map(
      (o) => ({ kind, ...o }),
    ),
  );

const KINDS: Record<string, { kind: string; files: string[]; extra?: Record<string, string> }> = {
  'indicator-bar': { kind: 'indicators', files: INDICATOR_FILES },
  'sozialraum-map': { kind: 'indicators', files: INDICATOR_FILES },
  'trend-chart': { kind: 'timeseries', files: ['eu2'], extra: { milestones: 'milestones' } },
  'milestone-timeline': { kind: 'milestones', files: ['milestones'] },
  'network-graph': { kind: 'networks', files: ['networks'] },
};

describe(`fuzz (fast-check, seed ${SEED})`, function () {
  this.timeout(120000);

  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  for (const [tag, k] of Object.entries(KINDS)) {
    describe(`<${tag}>`, () => {
      it('random JSON, and random text as inline JSON', async () => {
        await check(
          `${tag} random`,
          fc.oneof(
            fc.record({ tag: fc.constant(tag), via, data: randomJson(k.kind), attrs: fc.constant({}) }),
            fc.record({ tag: fc.constant(tag), via: fc.constant<'raw'>('raw'), raw: fc.oneof(fc.string({ maxLength: 40 }), fc.json({ maxDepth: 2 }).map((s) => s.slice(0, -1))), attrs: fc.constant({}) }),
          ),
        );
      });

      it('mutated real data', async () => {
        await check(
          `${tag} mutated`,
          fc.record({
            tag: fc.constant(tag),
            via,
            file: fc.constantFrom(...k.files).chain((f) => mutated(f)),
            attrs: fc.constant({}),
            extra: k.extra ? fc.constantFrom(...Object.values(k.extra)).chain((f) => mutated(f)).map((m) => ({ [Object.keys(k.extra!)[0]]: m })) : fc.constant(undefined),
          }),
        );
      });

      it('random attribute values on real data', async () => {
        await check(
          `${tag} attributes`,
          fc.record({
            tag: fc.constant(tag),
            via,
            file: fc.constantFrom(...k.files).map((f) => ({ file: f, ms: [] as Mutation[] })),
            attrs: attrs(tag),
            extra: fc.constant(k.extra ? { milestones: { file: 'milestones', ms: [] as Mutation[] } } : undefined),
          }),
        );
      });

      if (tag === 'indicator-bar' || tag === 'sozialraum-map') {
        it('random HTML tables', async () => {
          await check(`${tag} table`, fc.record({ tag: fc.constant(tag), via: fc.constant<'table'>('table'), table, attrs: attrs(tag) }));
        });
      }

      if (tag === 'sozialraum-map') {
        it('mutated TopoJSON (geo) with real data', async () => {
          await check(
            'map geo',
            fc.record({ tag: fc.constant(tag), via, file: fc.constantFrom(...INDICATOR_FILES).map((f) => ({ file: f, ms: [] as Mutation[] })), geo: fc.oneof({ weight: 4, arbitrary: mutated('geo') }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((json) => ({ json })) }), attrs: fc.dictionary(fc.constantFrom('geo-id-property', 'focus', 'highlight', 'indicator'), attrValue, { maxKeys: 2 }) }).map(
              ({ geo, ...c }) => ({ ...c, extra: { geo } }),
            ),
          );
        });
      }
    });
  }
});
