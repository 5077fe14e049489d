import type { LoadState } from '../core/data-controller.js';
import { pickText, type Lang, type Text } from '../core/i18n.js';
import { checkNetwork } from '../core/network-schema.js';
import { problem, warning, type Problem } from '../core/problems.js';
import type { Source } from '../core/schema.js';

/**
 * From a networks file (data/networks.json) to what `<network-graph>` draws: one network, checked by
 * `checkNetwork` (what cannot be drawn is named and left out, the rest is drawn), with its node and
 * link kinds in the file's order, every node's neighbours and, around a hub, its ring.
 * A single network object (`{ "nodes": […], "links": […] }`) is accepted as well, without declared kinds.
 */

export interface GraphKind {
  id: string;
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
  id: string;
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
const isObject = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const objects = (x: unknown): Obj[] => (Array.isArray(x) ? x.filter(isObject) : []);
const text = (t: unknown, lang: Lang) => (t === undefined ? undefined : pickText(t as Text, lang) || undefined);

/** The kinds a network uses, declared ones in the file's order first, then undeclared ones as they appear. */
function kindsOf(declared: Obj[], used: string[], lang: Lang): Map<string, GraphKind> {
  const usedSet = new Set(used);
  const order = [...new Set([...declared.map((k) => String(k.id)), ...used])].filter((id) => usedSet.has(id));
  return new Map(order.map((id, k) => [id, { id, label: text(declared.find((d) => d.id === id)?.label, lang) ?? id, k }]));
}

export function buildGraph(state: LoadState, opts: { network?: string; layout?: string; lang: Lang }): { model?: GraphModel; problems: Problem[] } {
  if (state.status === 'loading') return { problems: [] };
  if (state.status === 'error') return { problems: state.problems };
  const raw = state.origin === 'table' ? undefined : state.raw;
  const file: Obj | undefined = isObject(raw) ? (Array.isArray(raw.networks) ? raw : Array.isArray(raw.nodes) ? { networks: [raw] } : undefined) : undefined;
  const networks = objects(file?.networks);
  if (!file || !networks.length) return { problems: [problem('net_notNetworks')] };
  const net = opts.network ? networks.find((n) => n.id === opts.network) : networks[0];
  if (!net) return { problems: [problem('net_unknownNetwork', String(opts.network), networks.map((n) => String(n.id)).join(', '))] };

  const problems: Problem[] = [];
  let layout = net.layout;
  if (opts.layout) {
    if (/^(force|radial)$/.test(opts.layout)) layout = opts.layout;
    else problems.push(warning('p_oneOf', 'layout', 'force, radial'));
  }
  const declaredNodeKinds = objects(file.nodeKinds);
  const declaredLinkKinds = objects(file.linkKinds);
  const fileSources = objects(file.sources) as unknown as Array<Source & { id: string }>;
  const ids = (list: Obj[], key: unknown) => (key ? list.map((k) => String(k.id)) : undefined);
  const checked = checkNetwork(
    { ...net, layout },
    { nodeKinds: ids(declaredNodeKinds, file.nodeKinds), linkKinds: ids(declaredLinkKinds, file.linkKinds), sourceIds: ids(fileSources as never, file.sources) },
  );
  problems.push(...checked.problems);
  const { nodes: rawNodes, links: rawLinks } = checked.network;
  if (!rawNodes.length) return { problems };

  const index = new Map(rawNodes.map((n, i) => [n.id, i]));
  const nodeKinds = kindsOf(declaredNodeKinds, rawNodes.map((n) => String(n.kind ?? '')), opts.lang);
  const linkKinds = kindsOf(declaredLinkKinds, rawLinks.map((l) => String(l.kind ?? '')), opts.lang);
  const nodes: GraphNode[] = rawNodes.map((n) => ({
    id: n.id,
    label: text(n.label, opts.lang)!,
    kind: nodeKinds.get(String(n.kind ?? ''))!,
    weight: typeof n.weight === 'number' && n.weight >= 0 ? n.weight : undefined,
    unit: text(n.weightLabel, opts.lang),
    note: text(n.note, opts.lang),
    ring: -1,
    nb: [],
  }));
  const links: GraphLink[] = rawLinks.map((l, i) => {
    const s = index.get(l.source)!;
    const t = index.get(l.target)!;
    nodes[s].nb.push({ n: t, l: i });
    nodes[t].nb.push({ n: s, l: i });
    return { s, t, kind: linkKinds.get(String(l.kind ?? ''))!, directed: l.directed === true, label: text(l.label, opts.lang), note: text(l.note, opts.lang) };
  });

  // Rings around the hub: breadth-first, in the order of the links.
  const hubId = (checked.network as { hub?: unknown }).hub;
  const hub = typeof hubId === 'string' ? index.get(hubId) : undefined;
  if (hub !== undefined) {
    nodes[hub].ring = 0;
    const queue = [hub];
    for (let q = 0; q < queue.length; q++) {
      for (const { n } of nodes[queue[q]].nb) {
        if (nodes[n].ring < 0) {
          nodes[n].ring = nodes[queue[q]].ring + 1;
          queue.push(n);
        }
      }
    }
  }

  // The network's sources, then those its nodes and links cite, each once.
  const cited = [net.sources, ...rawNodes.map((n) => n.sources), ...rawLinks.map((l) => l.sources)].flatMap((s) => (Array.isArray(s) ? s : []));
  const sources = [...new Set(cited)].map((id) => fileSources.find((s) => s.id === id)).filter((s): s is Source & { id: string } => !!s);
  const weighted = nodes.filter((n) => n.weight !== undefined);

  return {
    model: {
      id: String(net.id ?? ''),
      title: text(net.title, opts.lang) ?? text(file.title, opts.lang) ?? '',
      description: text(net.description, opts.lang),
      year: typeof net.year === 'string' ? net.year : undefined,
      until: typeof net.until === 'string' ? net.until : undefined,
      dateNote: text(net.dateNote, opts.lang),
      notes: (Array.isArray(net.notes) ? net.notes : []).map((n) => text(n, opts.lang) ?? ''),
      sources,
      nodes,
      links,
      nodeKinds: [...nodeKinds.values()],
      linkKinds: [...linkKinds.values()],
      hub,
      radial: layout === 'radial' && hub !== undefined,
      weightUnit: weighted.find((n) => n.unit)?.unit,
      maxWeight: Math.max(0, ...weighted.map((n) => n.weight!)),
    },
    problems,
  };
}
