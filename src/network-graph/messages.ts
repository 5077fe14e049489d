import { addMessages } from '../core/i18n.js';

/**
 * The network graph's own words: its interface and the problems `checkNetwork` names. They live here,
 * not with the shared words in core/i18n.ts, so that a page or bundle without `<network-graph>` does not
 * carry them (about 1.1 KB gzip of the single file). Added to the shared words when this module loads.
 */
const de = {
  net_chart: 'Netzwerkdiagramm',
  net_summary: (n: number, m: number) => `${n} Knoten, ${m} ${m === 1 ? 'Verbindung' : 'Verbindungen'}`,
  net_hint: 'Pfeiltasten: nächster Knoten in dieser Richtung. Eingabe: auswählen, dann Pfeiltasten: seine Nachbarn. Escape: Auswahl aufheben.',
  net_connected: (n: number, names: string) => `verbunden mit ${n}: ${names}`,
  net_alone: 'ohne Verbindung',
  net_more: (n: number) => `und ${n} weitere`,
  net_neighbour: (i: number, n: number, rel: string) => `Nachbar ${i} von ${n}: ${rel}`,
  net_adjacency: 'Knoten und ihre Verbindungen',
  net_links: 'Verbindungen',
  net_from: 'Von',
  net_to: 'Nach',
  net_kind: 'Art',
  net_direction: 'Richtung',
  net_directed: 'gerichtet',
  net_undirected: 'ungerichtet',
  net_zoomIn: 'Vergrößern',
  net_zoomOut: 'Verkleinern',
  net_reset: 'Ansicht zurücksetzen',
  net_ring: (k: number) => `${k}. Ring`,
  net_outside: 'ohne Verbindung zum Mittelpunkt',
  net_size: (unit: string) => `Größe: ${unit}`,
  net_key: (list: string) => `Nummern im Netz: ${list}`,
  net_computing: 'Anordnung wird berechnet …',
  net_notNetworks: 'Die Daten enthalten kein Netzwerk („networks“ oder „nodes“).',
  net_unknownNetwork: (id: string, available: string) => `Das Netzwerk „${id}“ gibt es in dieser Datei nicht. Verfügbar: ${available}.`,
  net_empty: 'Das Netzwerk hat keinen Knoten, der sich zeigen lässt.',
  net_noLinks: 'Das Netzwerk hat keine gültige Verbindung; nur die Knoten werden gezeigt.',
  net_nodeNoId: (n: number) => `Knoten ${n} ohne „id“ wird nicht gezeigt.`,
  net_nodeNoLabel: (n: number, id: string) => `Knoten ${n} („${id}“) ohne Beschriftung wird nicht gezeigt.`,
  net_duplicateNode: (n: number, id: string) => `Knoten ${n}: „${id}“ kommt doppelt vor; der erste gilt.`,
  net_linkNoEnds: (n: number) => `Verbindung ${n} ohne „source“ und „target“ wird nicht gezeigt.`,
  net_unknownNode: (n: number, id: string) => `Verbindung ${n}: Knoten „${id}“ fehlt; sie wird nicht gezeigt.`,
  net_selfLink: (n: number, id: string) => `Verbindung ${n} von „${id}“ zu sich selbst wird nicht gezeigt.`,
  net_duplicateLink: (n: number, a: string, b: string) => `Verbindung ${n} zwischen „${a}“ und „${b}“ kommt doppelt vor; die erste gilt.`,
  net_unknownKinds: (ids: string) => `Nicht erklärte Arten, ohne eigene Darstellung: ${ids}.`,
  net_noHub: 'Ohne gültigen Mittelpunkt („hub“) wird frei angeordnet.',
};

const en: typeof de = {
  net_chart: 'Network diagram',
  net_summary: (n: number, m: number) => `${n} ${n === 1 ? 'node' : 'nodes'}, ${m} ${m === 1 ? 'link' : 'links'}`,
  net_hint: 'Arrow keys: next node in that direction. Enter: select, then arrow keys: its neighbours. Escape: clear the selection.',
  net_connected: (n: number, names: string) => `connected to ${n}: ${names}`,
  net_alone: 'no links',
  net_more: (n: number) => `and ${n} more`,
  net_neighbour: (i: number, n: number, rel: string) => `neighbour ${i} of ${n}: ${rel}`,
  net_adjacency: 'Nodes and their links',
  net_links: 'Links',
  net_from: 'From',
  net_to: 'To',
  net_kind: 'Kind',
  net_direction: 'Direction',
  net_directed: 'directed',
  net_undirected: 'undirected',
  net_zoomIn: 'Zoom in',
  net_zoomOut: 'Zoom out',
  net_reset: 'Reset view',
  net_ring: (k: number) => `ring ${k}`,
  net_outside: 'not linked to the centre',
  net_size: (unit: string) => `Size: ${unit}`,
  net_key: (list: string) => `Numbers in the network: ${list}`,
  net_computing: 'Arranging the network …',
  net_notNetworks: 'The data holds no network (“networks” or “nodes”).',
  net_unknownNetwork: (id: string, available: string) => `There is no network “${id}” in this file. Available: ${available}.`,
  net_empty: 'The network has no node that can be shown.',
  net_noLinks: 'The network has no valid link; only the nodes are shown.',
  net_nodeNoId: (n: number) => `Node ${n} without “id” is not shown.`,
  net_nodeNoLabel: (n: number, id: string) => `Node ${n} (“${id}”) without a label is not shown.`,
  net_duplicateNode: (n: number, id: string) => `Node ${n}: “${id}” appears twice; the first counts.`,
  net_linkNoEnds: (n: number) => `Link ${n} without “source” and “target” is not shown.`,
  net_unknownNode: (n: number, id: string) => `Link ${n}: node “${id}” is missing; the link is not shown.`,
  net_selfLink: (n: number, id: string) => `Link ${n} from “${id}” to itself is not shown.`,
  net_duplicateLink: (n: number, a: string, b: string) => `Link ${n} between “${a}” and “${b}” appears twice; the first counts.`,
  net_unknownKinds: (ids: string) => `Kinds not declared, shown without a style of their own: ${ids}.`,
  net_noHub: 'Without a valid centre (“hub”) the network is arranged freely.',
};

type GraphMessages = typeof de;

declare module '../core/i18n.js' {
  // Declaration merging: `msg` and problems accept these keys too.
  interface Messages extends GraphMessages {}
}

addMessages({ de, en });
