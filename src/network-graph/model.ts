import * as v from 'valibot';
import { oneOfAttr } from '../core/attributes.js';
import type { LoadState } from '../core/data-controller.js';
import { msg, pickText, type Lang, type Text } from '../core/i18n.js';
import {
  checkNetwork,
  NetworkFieldsSchema,
  NetworkLinkKindSchema,
  NetworkLinkSchema,
  NetworkNodeKindSchema,
  NetworkNodeSchema,
  nonEmpty,
  visibleText,
} from '../core/network-schema.js';
// The words of checkNetwork's problems and ours (net_…): only the graph shows them, so they come with it.
import './messages.js';
import { asError, asWarning, entryName, isRecord, pathString, problem, warning, type Problem } from '../core/problems.js';
import { cellProblem, COLUMN, findColumns, isBlankRow, tableSource } from '../core/table-input.js';
import { dropBadSourceLinks, fileHeader, issuesToProblems, SourceWithIdSchema, validate, validDatesEndBeforeStart, type Source } from '../core/schema.js';

/**
 * From a networks file (data/networks.json) to what `<network-graph>` draws: one network, checked by
 * `checkNetwork` (what cannot be drawn is named and left out, the rest is drawn), with its node and
 * link kinds in the file's order, every node's neighbours and, around a hub, its ring.
 * A single network object (`{ "nodes": […], "links": […] }`) is accepted as well, without declared kinds.
 *
 * The file is validated against its schema (core/network-schema.ts) as the other elements validate
 * theirs, each problem naming its field: the file around the networks and the network shown are
 * checked strictly (a wrong field there is an error, as in an indicator or a time-series file);
 * kinds, sources, nodes and links one by one, so that one faulty entry is named and the rest drawn.
 * A node or link with a bad optional field (weight, directed, note …) is drawn without that field;
 * one whose id, label, kind or ends are unusable is left out. Only the network shown is checked.
 */

export interface GraphKind {
  label: string;
  /** Style slot: the kind's position among the kinds this network uses (shape, dash, colour). */
  k: number;
}

export interface GraphNode {
  id: string;
  label: string;
  kind: GraphKind;
  weight?: number;
  unit?: string;
  note?: string;
  /** Steps from the hub (0 for the hub); -1 without hub or when not connected to it. */
  ring: number;
  /** Neighbours (node indices) and the link to each, in the order of the file's links. */
  nb: Array<{ n: number; l: number }>;
}

export interface GraphLink {
  s: number;
  t: number;
  kind: GraphKind;
  directed: boolean;
  label?: string;
  note?: string;
}

export interface GraphModel {
  title: string;
  description?: string;
  year?: string;
  until?: string;
  dateNote?: string;
  notes: string[];
  sources: Source[];
  nodes: GraphNode[];
  links: GraphLink[];
  nodeKinds: GraphKind[];
  linkKinds: GraphKind[];
  hub?: number;
  radial: boolean;
  /** What the node sizes count ("Arbeitsplätze"), when any node has a weight. */
  weightUnit?: string;
  maxWeight: number;
}

type Obj = Record<string, unknown>;
const objects = (x: unknown): Obj[] => (Array.isArray(x) ? x.filter(isRecord) : []);
const str = (x: unknown) => (typeof x === 'string' ? x : undefined);

/** The kinds a network uses, declared ones in the file's order first, then undeclared ones as they appear. */
function kindsOf(declared: Obj[], used: unknown[], text: (t: unknown) => string | undefined): Map<unknown, GraphKind> {
  const ids = [...new Set([...declared.map((k) => k.id), ...used])].filter((id) => used.includes(id));
  return new Map(ids.map((id, k) => [id, { label: text(declared.find((d) => d.id === id)?.label) ?? String(id ?? ''), k }]));
}

/** The file (one network object counts as a file with one network), its networks and the one asked for. */
function pick(state: LoadState, network?: string) {
  const raw = state.status === 'ready' && state.origin !== 'table' ? state.raw : undefined;
  const bare = isRecord(raw) && Array.isArray(raw.nodes);
  const file: Obj = isRecord(raw) ? (bare ? { networks: [raw] } : raw) : {};
  const all: unknown[] = Array.isArray(file.networks) ? file.networks : [];
  const networks = objects(all);
  const net = network ? networks.find((n) => n.id === network) : networks[0];
  return { file, bare, networks, net, index: all.indexOf(net) };
}

/** The file around the networks: checked strictly; its lists are checked entry by entry below. */
const FileEnvelopeSchema = v.strictObject({
  ...fileHeader,
  kind: v.optional(v.literal('networks')),
  sources: v.optional(v.array(v.unknown())),
  nodeKinds: v.optional(v.array(v.unknown())),
  linkKinds: v.optional(v.array(v.unknown())),
  networks: v.array(v.unknown()),
});

/** The network shown, without its nodes and links (checked one by one; an empty list is checkNetwork's error). */
const NetworkEnvelopeSchema = v.strictObject({ ...NetworkFieldsSchema.entries, nodes: v.array(v.unknown()), links: v.array(v.unknown()) });

/** A single network object: only `nodes` is needed. */
const BareNetworkSchema = v.strictObject({
  ...v.partial(NetworkEnvelopeSchema).entries,
  nodes: v.array(v.unknown()),
});


/**
 * Nodes or links checked one by one against their schema; each problem is a warning naming its field.
 * An entry whose `needs` (fields it cannot be drawn without) are wrong is skipped and listed; other
 * wrong fields are removed and the entry drawn. Entries checkNetwork rejects anyway (`rejected`: no
 * id, no label, no ends) are left to it, so that they are named once.
 */
function checkEntries(
  list: unknown,
  schema: v.GenericSchema,
  needs: string[],
  rejected: (x: Obj) => boolean,
  path: Array<string | number>,
  problems: Problem[],
  skipped: string[],
): { entries: unknown[]; skip: Set<number> } {
  const skip = new Set<number>();
  const entries = (Array.isArray(list) ? list : []).map((x, i) => {
    if (!isRecord(x) || rejected(x)) return x;
    const r = v.safeParse(schema, x);
    if (r.success) return x;
    const at = [...path, i];
    problems.push(...issuesToProblems(r.issues, at).map(asWarning));
    const fields = new Set(r.issues.map((issue) => issue.path?.[0]?.key as string | undefined));
    if ([...fields].some((f) => f === undefined || needs.includes(f))) {
      skip.add(i);
      skipped.push(entryName(at, x.id));
      return x;
    }
    const copy = { ...x };
    for (const f of fields) delete copy[f!];
    return copy;
  });
  return { entries, skip };
}

/**
 * Validate the file and the network shown: errors where nothing can be drawn (the file around the
 * networks, the network's own fields), warnings for kinds, sources, nodes and links left out or drawn
 * without a faulty field. Returns the cleaned file and network for checkNetwork, with the entries to skip.
 */
function validateNetwork(
  file: Obj,
  bare: boolean,
  net: Obj,
  index: number,
  problems: Problem[],
): { errors: Problem[]; file?: undefined; net?: undefined; skip?: undefined } | { errors?: undefined; file: Obj; net: Obj; skip: { nodes: Set<number>; links: Set<number> } } {
  const base: Array<string | number> = bare ? [] : ['networks', index];
  const errors: Problem[] = [];
  if (!bare) {
    const envelope = validate(FileEnvelopeSchema, file);
    if (!envelope.ok) errors.push(...envelope.problems);
  }
  const own = validate(bare ? BareNetworkSchema : NetworkEnvelopeSchema, net, base);
  if (!own.ok) errors.push(...own.problems);
  // The end before the start: said in words (the schema could only say "not a date").
  const { year, until } = net;
  if (validDatesEndBeforeStart(year, until)) errors.push(problem('p_endBeforeStart', pathString([...base, 'until']), year as string, until as string));
  if (errors.length) return { errors };

  // The file's lists: a faulty entry is named and left out (its kind or source then counts as undeclared).
  const lists: Obj = {};
  for (const [key, schema] of [
    ['sources', SourceWithIdSchema],
    ['nodeKinds', NetworkNodeKindSchema],
    ['linkKinds', NetworkLinkKindSchema],
  ] as const) {
    if (!Array.isArray(file[key])) continue;
    lists[key] = (file[key] as unknown[]).filter((x, i) => {
      const r = validate(schema, x, [key, i]);
      if (!r.ok) problems.push(...r.problems.map(asWarning));
      return r.ok;
    });
  }
  const skipped: string[] = [];
  const nodes = checkEntries(net.nodes, NetworkNodeSchema, ['id', 'label', 'kind'], (x) => !nonEmpty(x.id) || !visibleText(x.label), [...base, 'nodes'], problems, skipped);
  const links = checkEntries(net.links, NetworkLinkSchema, ['source', 'target', 'kind'], (x) => !nonEmpty(x.source) || !nonEmpty(x.target), [...base, 'links'], problems, skipped);
  if (skipped.length) problems.push(warning('p_skippedMilestones', skipped.join(', ')));
  return {
    file: { ...file, ...lists },
    net: { ...net, nodes: nodes.entries, links: links.entries },
    skip: { nodes: nodes.skip, links: links.skip },
  };
}

/** How many nodes the network asked for lists, before any check. */
export const nodeCount = (state: LoadState, network?: string): number => (pick(state, network).net?.nodes as unknown[] | undefined)?.length ?? 0;

/** What a graph is built from: the file and the network to show, the entries already named as invalid; none when nothing can be drawn. */
interface GraphInput {
  problems: Problem[];
  file?: Obj;
  net?: Obj;
  skip?: { nodes: Set<number>; links: Set<number> };
}

/** The network asked for from a networks file (or a single network object), validated. */
function fromFile(state: LoadState, network?: string): GraphInput {
  const picked = pick(state, network);
  const { networks, bare } = picked;
  if (!networks.length) return { problems: [problem('net_notNetworks')] };
  if (!picked.net) return { problems: [problem('net_unknownNetwork', network!, networks.map((n) => String(n.id)).join(', '))] };

  // A source link that is not a web address is dropped with a warning, not the whole graph: in the file
  // around the networks and the network shown (the file's other networks are not walked, nor checked).
  const { index } = picked;
  const around = bare ? undefined : dropBadSourceLinks({ ...picked.file, networks: [] });
  const cleaned = dropBadSourceLinks(picked.net, bare ? [] : ['networks', index]);
  const problems: Problem[] = [...(around?.problems ?? []), ...cleaned.problems];
  const net = cleaned.value as Obj;
  const file = bare ? { networks: [net] } : { ...(around!.value as Obj), networks: picked.file.networks };
  const valid = validateNetwork(file, bare, net, index, problems);
  if (valid.errors) return { problems: [...valid.errors, ...problems.map(asError)] };
  return { ...valid, problems };
}

/**
 * A network from tables or CSV: an edge list — columns von/from, nach/an/to, Art/kind, found by header
 * or in this order — and, optionally, a second table of nodes: Name (and an ID the edges may use
 * instead), Gruppe/Art/type. Without it, the nodes are the names the edges use. Nodes and links are
 * numbered by their table's rows, so that checkNetwork's "Verbindung 3" is row 3; an empty end or a
 * name the node table lacks is named by row and column, and the other links are drawn.
 */
function fromTables(state: Extract<LoadState, { origin: 'table' }>, lang: Lang): GraphInput {
  // The edge list is the table with a "von"/"from" column, else the first; another one lists the nodes.
  const edges = state.tables.find((t) => t.header.some((h) => COLUMN.from.test(h))) ?? state.tables[0];
  const nodeTable = state.tables.find((t) => t !== edges);
  if (!edges?.rows.some((r) => !isBlankRow(r))) return { problems: [problem('p_emptyTable')] };
  const e = findColumns(edges, [
    ['from', COLUMN.from],
    ['to', COLUMN.to],
    ['kind', COLUMN.kind],
  ]);
  const { from, to, kind } = e;
  if (from === undefined || to === undefined) return { problems: [problem('p_tableNeeds', { key: 't_colsNetwork' })] };
  const problems: Problem[] = [];
  const { source, date } = tableSource(state, problems);
  if (!source) problems.push(warning('p_noSource'));
  const skip = { nodes: new Set<number>(), links: new Set<number>() };
  const nodes: Obj[] = [];
  // Names and ids as typed, case aside → node id.
  const ids = new Map<string, string>();
  const add = (id: string, label: string, kind = '') => {
    nodes.push({ id, label, kind });
    for (const k of [id, label]) if (k && !ids.has(k.toLowerCase())) ids.set(k.toLowerCase(), id);
  };
  if (nodeTable) {
    const n = findColumns(nodeTable, [['name', COLUMN.name], ['kind', COLUMN.kind], ['id', COLUMN.id]], 2);
    nodeTable.rows.forEach((r, i) => {
      const label = r[n.name!] || r[n.id!] || '';
      add(r[n.id!] || label, label, r[n.kind!]);
      if (label) return;
      skip.nodes.add(i);
      if (!isBlankRow(r)) problems.push(cellProblem(i, n.name!, '', 't_empty'));
    });
  }
  const links = edges.rows.map((r, i) => {
    const [source, target] = [from, to].map((c) => {
      const typed = r[c] ?? '';
      if (!typed || ids.has(typed.toLowerCase())) return ids.get(typed.toLowerCase());
      if (nodeTable) return void problems.push(cellProblem(i, c, typed, 't_unknownNode'));
      add(typed, typed);
      return typed;
    });
    if (!source || !target) {
      skip.links.add(i);
      if (!isBlankRow(r)) [from, to].forEach((c) => r[c] || problems.push(cellProblem(i, c, '', 't_empty')));
    }
    return { source, target, kind: r[kind!] || '' };
  });
  // Every kind is declared, labelled as typed; a node or link without one is a "Knoten" / "Verbindung".
  const kinds = (list: Obj[], word: 't_nodeKind' | 't_linkKind') => [...new Set(list.map((x) => x.kind as string))].map((id) => ({ id, label: id || msg(lang, word) }));
  return {
    file: { nodeKinds: kinds(nodes, 't_nodeKind'), linkKinds: kinds(links, 't_linkKind'), ...(source && { sources: [source] }) },
    net: { title: edges.caption || nodeTable?.caption || msg(lang, 'net_chart'), year: date, nodes, links, sources: source && [source.id] },
    skip,
    problems,
  };
}

export function buildGraph(
  state: LoadState,
  opts: { network?: string; layout?: string; stepBy?: string; lang: Lang },
): { model?: GraphModel; problems: Problem[] } {
  if (state.status !== 'ready') return { problems: state.problems };
  const text = (t: unknown) => (t ? pickText(t as Text, opts.lang) || undefined : undefined);
  const input = state.origin === 'table' ? fromTables(state, opts.lang) : fromFile(state, opts.network);
  if (!input.net) return { problems: input.problems };
  const { file, net, skip, problems } = input as Required<GraphInput>;

  let layout = net.layout;
  if (oneOfAttr('layout', opts.layout, ['force', 'radial'], problems) && opts.layout) layout = opts.layout.trim().toLowerCase();
  oneOfAttr('step-by', opts.stepBy, ['ring', 'kind'], problems);
  const [nodeKinds, linkKinds, fileSources] = [file.nodeKinds, file.linkKinds, file.sources].map(objects);
  // Kinds and sources are checked against the file's lists only where the file has them.
  const ids = (key: string, list: Obj[]) => (file[key] ? list.map((k) => String(k.id)) : undefined);
  const checked = checkNetwork({ ...net, layout } as Obj & { hub?: unknown }, {
    nodeKinds: ids('nodeKinds', nodeKinds),
    linkKinds: ids('linkKinds', linkKinds),
    sourceIds: ids('sources', fileSources),
    skip,
  });
  problems.push(...checked.problems);
  const { nodes: rawNodes, links: rawLinks, hub: hubId } = checked.network;
  if (!rawNodes.length) return { problems };

  const index = new Map(rawNodes.map((n, i) => [n.id, i]));
  const nodeKind = kindsOf(nodeKinds, rawNodes.map((n) => n.kind), text);
  const linkKind = kindsOf(linkKinds, rawLinks.map((l) => l.kind), text);
  const nodes: GraphNode[] = rawNodes.map((n) => ({
    id: n.id,
    label: text(n.label)!,
    kind: nodeKind.get(n.kind)!,
    weight: typeof n.weight === 'number' && n.weight >= 0 ? n.weight : undefined,
    unit: text(n.weightLabel),
    note: text(n.note),
    ring: -1,
    nb: [],
  }));
  const links: GraphLink[] = rawLinks.map((l, i) => {
    const s = index.get(l.source)!;
    const t = index.get(l.target)!;
    nodes[s].nb.push({ n: t, l: i });
    nodes[t].nb.push({ n: s, l: i });
    return { s, t, kind: linkKind.get(l.kind)!, directed: l.directed === true, label: text(l.label), note: text(l.note) };
  });

  // Rings around the hub: breadth-first, in the order of the links.
  const hub = index.get(hubId as string);
  if (hub !== undefined) {
    nodes[hub].ring = 0;
    const queue = [hub];
    for (const q of queue) {
      for (const { n } of nodes[q].nb) {
        if (nodes[n].ring < 0) {
          nodes[n].ring = nodes[q].ring + 1;
          queue.push(n);
        }
      }
    }
  }

  // The network's sources, then those its nodes and links cite, each once.
  const cited = new Set([net, ...rawNodes, ...rawLinks].flatMap((x) => (Array.isArray(x.sources) ? x.sources : [])));
  const weighted = nodes.filter((n) => n.weight !== undefined);

  return {
    model: {
      title: text(net.title) ?? text(file.title) ?? '',
      description: text(net.description),
      year: str(net.year),
      until: str(net.until),
      dateNote: text(net.dateNote),
      notes: (Array.isArray(net.notes) ? net.notes : []).map((n) => text(n) ?? ''),
      sources: [...cited].flatMap((id) => fileSources.filter((s) => s.id === id)) as unknown as Source[],
      nodes,
      links,
      nodeKinds: [...nodeKind.values()],
      linkKinds: [...linkKind.values()],
      hub,
      radial: layout === 'radial' && hub !== undefined,
      weightUnit: weighted.find((n) => n.unit)?.unit,
      maxWeight: Math.max(0, ...weighted.map((n) => n.weight!)),
    },
    problems,
  };
}
