import type { LoadState } from '../core/data-controller.js';
import { pickText, type Lang, type Text } from '../core/i18n.js';
import { checkNetwork } from '../core/network-schema.js';
// The words of checkNetwork's problems and ours (net_…): only the graph shows them, so they come with it.
import './messages.js';
import { isRecord, problem, warning, type Problem } from '../core/problems.js';
import type { Source } from '../core/schema.js';

/**
 * From a networks file (data/networks.json) to what `<network-graph>` draws: one network, checked by
 * `checkNetwork` (what cannot be drawn is named and left out, the rest is drawn), with its node and
 * link kinds in the file's order, every node's neighbours and, around a hub, its ring.
 * A single network object (`{ "nodes": […], "links": […] }`) is accepted as well, without declared kinds.
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
  const file: Obj = isRecord(raw) ? (Array.isArray(raw.nodes) ? { networks: [raw] } : raw) : {};
  const networks = objects(file.networks);
  return { file, networks, net: network ? networks.find((n) => n.id === network) : networks[0] };
}

/** How many nodes the network asked for lists, before any check. */
export const nodeCount = (state: LoadState, network?: string): number => (pick(state, network).net?.nodes as unknown[] | undefined)?.length ?? 0;

export function buildGraph(state: LoadState, opts: { network?: string; layout?: string; lang: Lang }): { model?: GraphModel; problems: Problem[] } {
  if (state.status !== 'ready') return { problems: state.problems };
  const text = (t: unknown) => (t ? pickText(t as Text, opts.lang) || undefined : undefined);
  const { file, networks, net } = pick(state, opts.network);
  if (!networks.length) return { problems: [problem('net_notNetworks')] };
  if (!net) return { problems: [problem('net_unknownNetwork', opts.network!, networks.map((n) => String(n.id)).join(', '))] };

  const problems: Problem[] = [];
  let layout = net.layout;
  if (opts.layout) {
    if (/^(force|radial)$/.test(opts.layout)) layout = opts.layout;
    else problems.push(warning('p_oneOf', 'layout', 'force, radial'));
  }
  const [nodeKinds, linkKinds, fileSources] = [file.nodeKinds, file.linkKinds, file.sources].map(objects);
  // Kinds and sources are checked against the file's lists only where the file has them.
  const ids = (key: string, list: Obj[]) => (file[key] ? list.map((k) => String(k.id)) : undefined);
  const checked = checkNetwork({ ...net, layout } as Obj & { hub?: unknown }, { nodeKinds: ids('nodeKinds', nodeKinds), linkKinds: ids('linkKinds', linkKinds), sourceIds: ids('sources', fileSources) });
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
