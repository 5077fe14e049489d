import * as v from 'valibot';
import { pickText } from './i18n.js';
import { problem, warning, type Problem } from './problems.js';
import { DateSchema, IdSchema, SourceIdsSchema, SourceWithIdSchema, TextSchema, dateEndsBeforeStart, fileHeader } from './schema-parts.js';

/* ------------------------------------------------------------------------------------------------
 * Networks (issue 5: the data of <network-graph>): actors and bodies as nodes, the ties a source
 * states as links. The file declares its node and link kinds once, with labels, and lists its sources
 * once, with ids; every network cites them by id (a node or link may cite its own where the network
 * draws on more than one document).
 *
 * The schema checks the shape only. Whether links point to existing nodes, ids are unique, a link
 * leads back to its own node … is checked by `checkNetwork`, which names each problem as a warning and
 * returns the valid part, so a graph with one typo is still drawn.
 * ---------------------------------------------------------------------------------------------- */

/** A kind of node ("verwaltung", "traeger", …), declared once per file with its label. */
export const NetworkNodeKindSchema = v.strictObject({
  id: IdSchema,
  label: TextSchema,
  description: v.optional(TextSchema),
});

/** A kind of link ("kooperation", "koordiniert", …): only kinds of tie a source states. */
export const NetworkLinkKindSchema = v.strictObject({
  id: IdSchema,
  label: TextSchema,
  description: v.optional(TextSchema),
});

/** A number from the source (e.g. jobs per organisation); never estimated. */
const WeightSchema = v.pipe(v.number(), v.minValue(0));

export const NetworkNodeSchema = v.strictObject({
  $comment: v.optional(v.string()),
  /** Unique within its network. */
  id: IdSchema,
  /** The name as the source writes it (organisations and bodies only, never persons). */
  label: TextSchema,
  /** Id of one of the file's `nodeKinds`. */
  kind: IdSchema,
  /** A number the source gives for this node (e.g. jobs); drawn as its size. */
  weight: v.optional(WeightSchema),
  /** What the weight counts ({ "de": "Arbeitsplätze", "en": "jobs" }). */
  weightLabel: v.optional(TextSchema),
  /** Doubts and the source's own wording (an abbreviation not spelled out, a name read from a diagram). */
  note: v.optional(TextSchema),
  /** Ids of the file's sources, where the node rests on other documents than its network. */
  sources: v.optional(SourceIdsSchema),
});

export const NetworkLinkSchema = v.strictObject({
  $comment: v.optional(v.string()),
  /** Node ids. Without `directed` the order means nothing. */
  source: IdSchema,
  target: IdSchema,
  /** Id of one of the file's `linkKinds`. */
  kind: IdSchema,
  /** The source's words for this tie ("Erbpacht", "in Kooperation mit …"). */
  label: v.optional(TextSchema),
  /** A number the source gives for this tie; never estimated. */
  weight: v.optional(WeightSchema),
  /** Only where the source states who acts on whom (source → target); otherwise the link is undirected. */
  directed: v.optional(v.boolean()),
  note: v.optional(TextSchema),
  sources: v.optional(SourceIdsSchema),
});

/** `radial`: hub-and-spoke around `hub`, further nodes on outer rings; `force`: free arrangement. */
export const NetworkLayoutSchema = v.picklist(['radial', 'force']);

/**
 * One network as one source draws it, dated as precisely as that source: `year` is "2007" or
 * "2021-12"; `until` ends a period ("2013" until "2014"); `dateNote` keeps the source's wording.
 * The end must not lie before the start (checked here and reported at `until`).
 */
export const NetworkSchema = v.pipe(
  v.strictObject({
    $comment: v.optional(v.string()),
    id: IdSchema,
    title: TextSchema,
    description: v.optional(TextSchema),
    year: DateSchema,
    until: v.optional(DateSchema),
    dateNote: v.optional(TextSchema),
    sources: SourceIdsSchema,
    layout: v.optional(NetworkLayoutSchema),
    /** Id of the node in the middle of a radial layout. */
    hub: v.optional(IdSchema),
    nodes: v.pipe(v.array(NetworkNodeSchema), v.minLength(1, 'empty')),
    links: v.array(NetworkLinkSchema),
    /** Notes for readers (what the diagram leaves open), shown under the graph. */
    notes: v.optional(v.array(TextSchema)),
  }),
  v.forward(
    v.partialCheck([['year'], ['until']], (n) => n.until === undefined || !dateEndsBeforeStart(n.year, n.until), 'date'),
    ['until'],
  ),
);

export const NetworksFileSchema = v.strictObject({
  ...fileHeader,
  kind: v.literal('networks'),
  sources: v.pipe(v.array(SourceWithIdSchema), v.minLength(1, 'empty')),
  nodeKinds: v.pipe(v.array(NetworkNodeKindSchema), v.minLength(1, 'empty')),
  linkKinds: v.pipe(v.array(NetworkLinkKindSchema), v.minLength(1, 'empty')),
  networks: v.pipe(v.array(NetworkSchema), v.minLength(1, 'empty')),
});

export type NetworkNodeKind = v.InferOutput<typeof NetworkNodeKindSchema>;
export type NetworkLinkKind = v.InferOutput<typeof NetworkLinkKindSchema>;
export type NetworkNode = v.InferOutput<typeof NetworkNodeSchema>;
export type NetworkLink = v.InferOutput<typeof NetworkLinkSchema>;
export type NetworkLayout = v.InferOutput<typeof NetworkLayoutSchema>;
export type Network = v.InferOutput<typeof NetworkSchema>;
export type NetworksFile = v.InferOutput<typeof NetworksFileSchema>;

/* ------------------------------------------------------------------------------------------------
 * Referential check
 * ---------------------------------------------------------------------------------------------- */

/** What `checkNetwork` reads: a network as the schema describes it, or anything a page hands over. */
export interface NetworkInput {
  readonly nodes?: ReadonlyArray<unknown>;
  readonly links?: ReadonlyArray<unknown>;
  readonly hub?: unknown;
  readonly layout?: unknown;
  readonly sources?: unknown;
}

/** The file-wide lists a network refers to; each check runs only when its list is given. */
export interface NetworkCheckContext {
  nodeKinds?: Iterable<string>;
  linkKinds?: Iterable<string>;
  sourceIds?: Iterable<string>;
}

export interface CheckedNetwork<N extends NetworkInput> {
  /** The input with only the nodes and links that can be drawn (and without an unknown `hub`). */
  network: Omit<N, 'nodes' | 'links'> & { nodes: NetworkNode[]; links: NetworkLink[] };
  /** Warnings for what was left out or cannot be resolved; an error when nothing can be drawn. */
  problems: Problem[];
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const nonEmpty = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';

/** A label a reader can see: a non-blank string, or `{ de }` with a non-blank German text. */
function hasLabel(label: unknown): boolean {
  if (typeof label === 'string') return label.trim() !== '';
  return isRecord(label) && typeof label.de === 'string' && pickText(label as { de: string }, 'de').trim() !== '';
}

const quoted = (ids: string[]) => ids.map((id) => `„${id}“`).join(', ');

/**
 * Referential check of one network, for a renderer that draws the valid part and names the rest.
 * Numbers in the messages count from 1 (the third link is "Verbindung 3").
 *
 * Dropped, each with a warning: nodes without id, without a visible label, or with an id already used
 * (the first one counts); links without both ends, to an unknown node, to a node dropped for lacking a
 * label, from a node to itself, or repeating an earlier link of the same kind between the same nodes
 * (in either order unless directed). Kept, with a warning: nodes and links of a kind the file does
 * not declare, source ids the file does not list. An unknown `hub` is removed (warning). No drawable
 * node at all is an error; nodes without any link a warning.
 */
export function checkNetwork<N extends NetworkInput>(network: N, context: NetworkCheckContext = {}): CheckedNetwork<N> {
  const problems: Problem[] = [];
  const nodeKinds = context.nodeKinds ? new Set(context.nodeKinds) : undefined;
  const linkKinds = context.linkKinds ? new Set(context.linkKinds) : undefined;
  const sourceIds = context.sourceIds ? new Set(context.sourceIds) : undefined;
  const unknownNodeKinds = new Map<string, string[]>();
  const unknownLinkKinds = new Map<string, string[]>();
  const collect = (map: Map<string, string[]>, kind: string, item: string) => map.set(kind, [...(map.get(kind) ?? []), item]);
  const unknownSources = (sources: unknown): string[] =>
    sourceIds && Array.isArray(sources) ? sources.filter((id): id is string => typeof id === 'string' && !sourceIds.has(id)) : [];

  for (const id of unknownSources(network.sources)) problems.push(warning('net_unknownSourceNetwork', id));

  // Nodes
  const nodes: NetworkNode[] = [];
  const seen = new Set<string>();
  const unlabeled = new Set<string>();
  (Array.isArray(network.nodes) ? network.nodes : []).forEach((node, i) => {
    const n = i + 1;
    if (!isRecord(node) || !nonEmpty(node.id)) {
      problems.push(warning('net_nodeNoId', n));
      return;
    }
    const id = node.id;
    if (seen.has(id)) {
      problems.push(warning('net_duplicateNode', n, id));
      return;
    }
    seen.add(id);
    if (!hasLabel(node.label)) {
      unlabeled.add(id);
      problems.push(warning('net_nodeNoLabel', n, id));
      return;
    }
    const kind = typeof node.kind === 'string' ? node.kind : '';
    if (nodeKinds && !nodeKinds.has(kind)) collect(unknownNodeKinds, kind, id);
    for (const s of unknownSources(node.sources)) problems.push(warning('net_unknownSourceNode', id, s));
    nodes.push(node as NetworkNode);
  });
  const valid = new Set(nodes.map((node) => node.id));

  // Links
  const links: NetworkLink[] = [];
  const linkKeys = new Set<string>();
  (Array.isArray(network.links) ? network.links : []).forEach((link, i) => {
    const n = i + 1;
    if (!isRecord(link) || !nonEmpty(link.source) || !nonEmpty(link.target)) {
      problems.push(warning('net_linkNoEnds', n));
      return;
    }
    const { source, target } = link;
    const ends = source === target ? [source] : [source, target];
    const unknown = ends.filter((id) => !valid.has(id) && !unlabeled.has(id));
    if (unknown.length > 0) {
      for (const id of unknown) problems.push(warning('net_unknownNode', n, id));
      return;
    }
    const withoutLabel = ends.filter((id) => unlabeled.has(id));
    if (withoutLabel.length > 0) {
      problems.push(warning('net_linkUnlabeled', n, quoted(withoutLabel)));
      return;
    }
    if (source === target) {
      problems.push(warning('net_selfLink', n, source));
      return;
    }
    const kind = typeof link.kind === 'string' ? link.kind : '';
    const pair = link.directed === true ? `${source}\u0000${target}` : [source, target].sort().join('\u0000');
    const key = `${kind}\u0001${link.directed === true}\u0001${pair}`;
    if (linkKeys.has(key)) {
      problems.push(warning('net_duplicateLink', n, source, target));
      return;
    }
    linkKeys.add(key);
    if (linkKinds && !linkKinds.has(kind)) collect(unknownLinkKinds, kind, String(n));
    for (const s of unknownSources(link.sources)) problems.push(warning('net_unknownSourceLink', n, s));
    links.push(link as NetworkLink);
  });

  for (const [kind, ids] of unknownNodeKinds) problems.push(warning('net_unknownNodeKind', kind, quoted(ids)));
  for (const [kind, numbers] of unknownLinkKinds) problems.push(warning('net_unknownLinkKind', kind, numbers.join(', ')));

  // Layout
  const out = { ...network, nodes, links } as { hub?: unknown };
  if (network.hub !== undefined) {
    if (!nonEmpty(network.hub) || !valid.has(network.hub)) {
      problems.push(warning('net_unknownHub', String(network.hub)));
      delete out.hub;
    }
  } else if (network.layout === 'radial') {
    problems.push(warning('net_radialNoHub'));
  }

  if (nodes.length === 0) problems.push(problem('net_empty'));
  else if (links.length === 0) problems.push(warning('net_noLinks'));

  return { network: out as unknown as CheckedNetwork<N>['network'], problems };
}
