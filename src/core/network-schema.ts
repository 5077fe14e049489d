import * as v from 'valibot';
import { isRecord, problem, warning, type Problem } from './problems.js';
import { DateSchema, IdSchema, SourceIdsSchema, SourceWithIdSchema, TextSchema, dateEndsBeforeStart, fileHeader } from './schema-parts.js';

/* ------------------------------------------------------------------------------------------------
 * Networks (issue 5: the data of <network-graph>): actors and bodies as nodes, the ties a source
 * states as links. The file declares its node and link kinds once, with labels, and lists its sources
 * once, with ids; every network cites them by id (a node or link may cite its own where the network
 * draws on more than one document).
 *
 * The schema checks the shape only. Whether links point to existing nodes, ids are unique, a link
 * leads back to its own node … is checked by `checkNetwork`, which names each problem as a warning and
 * returns the valid part, so a graph with one typo is still drawn. The words of its problems (net_…)
 * are in network-graph/messages.ts: only the graph shows them.
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
const WeightSchema = v.pipe(v.number(), v.finite('number'), v.minValue(0));

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
 * The end must not lie before the start (checked by NetworkSchema and reported at `until`).
 * The fields alone (without that check) are NetworkFieldsSchema, which the graph reuses.
 */
export const NetworkFieldsSchema = v.strictObject({
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
});

export const NetworkSchema = v.pipe(
  NetworkFieldsSchema,
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
  /**
   * Indices of nodes and links the caller has already named as invalid (a field of the wrong type):
   * left out without another word. Links to such a node are named like links to a missing one.
   */
  skip?: { nodes?: ReadonlySet<number>; links?: ReadonlySet<number> };
}

export interface CheckedNetwork<N extends NetworkInput> {
  /** The input with only the nodes and links that can be drawn (and without an unknown `hub`). */
  network: Omit<N, 'nodes' | 'links'> & { nodes: NetworkNode[]; links: NetworkLink[] };
  /** Warnings for what was left out or cannot be resolved; an error when nothing can be drawn. */
  problems: Problem[];
}

/** A non-blank string: an id, an end of a link, a label's text. */
export const nonEmpty = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';
/** A label a reader can see: a non-blank string, or an object whose German text is one. */
export const visibleText = (t: unknown): boolean => nonEmpty(isRecord(t) ? t.de : t);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/**
 * Referential check of one network, for a renderer that draws the valid part and names the rest.
 * Numbers in the messages count from 1 (the third link is "Verbindung 3").
 *
 * Dropped, each with a warning: nodes without id, without a visible label (a non-blank string or
 * German text), or with an id already used (the first one counts); links without both ends, to a
 * node that is missing or dropped, from a node to itself, or repeating an earlier link of the same
 * kind between the same nodes (in either order unless directed). Kept, with one warning each for
 * all of them: kinds the file does not declare (drawn without a style of their own) and source ids
 * the file does not list. An unknown `hub` is removed, and like a radial layout without hub named.
 * No drawable node at all is an error; nodes without any link a warning.
 */
export function checkNetwork<N extends NetworkInput>(network: N, context: NetworkCheckContext = {}): CheckedNetwork<N> {
  const problems: Problem[] = [];
  const known = (ids?: Iterable<string>) => ids && new Set(ids);
  const nodeKinds = known(context.nodeKinds);
  const linkKinds = known(context.linkKinds);
  const sourceIds = known(context.sourceIds);
  const badKinds = new Set<string>();
  const badSources = new Set<string>();
  const check = (item: Record<string, unknown>, kinds?: Set<string>) => {
    const kind = String(item.kind ?? '');
    if (kinds && !kinds.has(kind)) badKinds.add(kind);
    for (const id of list(item.sources)) if (sourceIds && !sourceIds.has(id as string)) badSources.add(id as string);
  };
  check(network as Record<string, unknown>);
  const warn = (...args: Parameters<typeof warning>) => problems.push(warning(...args));

  const nodes: NetworkNode[] = [];
  const seen = new Set<unknown>();
  const valid = new Set<string>();
  list(network.nodes).forEach((node, i) => {
    if (context.skip?.nodes?.has(i)) return;
    if (!isRecord(node) || !nonEmpty(node.id)) return warn('net_nodeNoId', i + 1);
    const { id, label } = node;
    if (seen.has(id)) return warn('net_duplicateNode', i + 1, id);
    seen.add(id);
    if (!visibleText(label)) return warn('net_nodeNoLabel', i + 1, id);
    check(node, nodeKinds);
    valid.add(id);
    nodes.push(node as NetworkNode);
  });

  const links: NetworkLink[] = [];
  const pairs = new Set<string>();
  list(network.links).forEach((link, i) => {
    const n = i + 1;
    if (context.skip?.links?.has(i)) return;
    if (!isRecord(link) || !nonEmpty(link.source) || !nonEmpty(link.target)) return warn('net_linkNoEnds', n);
    const { source, target, directed } = link;
    const missing = [source, target].find((id) => !valid.has(id));
    if (missing) return warn('net_unknownNode', n, missing);
    if (source === target) return warn('net_selfLink', n, source);
    const key = `${link.kind}\0${directed === true}\0${directed === true || source < target ? source + '\0' + target : target + '\0' + source}`;
    if (pairs.has(key)) return warn('net_duplicateLink', n, source, target);
    pairs.add(key);
    check(link, linkKinds);
    links.push(link as NetworkLink);
  });

  if (badKinds.size) warn('net_unknownKinds', [...badKinds].join(', '));
  if (badSources.size) warn('p_unknownSources', [...badSources].join(', '));
  const out = { ...network, nodes, links } as { hub?: unknown };
  if (network.hub !== undefined ? !valid.has(network.hub as string) : network.layout === 'radial') {
    warn('net_noHub');
    delete out.hub;
  }
  if (!nodes.length) problems.push(problem('net_empty'));
  else if (!links.length) warn('net_noLinks');
  return { network: out as unknown as CheckedNetwork<N>['network'], problems };
}
