import areasFile from './areas-data.js';
import { slug, transliterate } from './i18n.js';

/**
 * The canonical areas (39 Sozialräume, 12 Stadtbezirke, the city) and matching of the many ways the
 * city's documents spell them ("Bodelschw ingh/Westerfilde", "Eving I /Kemminghausen", …) to one id.
 */

export type AreaLevel = 'sozialraum' | 'stadtbezirk' | 'city';

export interface Area {
  id: string;
  name: string;
  level: AreaLevel;
  /** For a Sozialraum: id of its Stadtbezirk. */
  stadtbezirk?: string;
  aktionsraum2008?: boolean;
  aktionsraum2021?: boolean;
  aktionsquartier2021?: string;
}

/**
 * An area as the generated module has it: the id only where it does not follow from the name (slug, with
 * "stadtbezirk-" before a Stadtbezirk's), a Sozialraum's Stadtbezirk as its position in the list of them.
 */
interface AreaRecord {
  id?: string;
  name: string;
  aliases: readonly string[];
  stadtbezirk?: number;
  aktionsraum2008?: boolean;
  aktionsraum2021?: boolean;
  aktionsquartier2021?: string;
}

export const CITY_ID = areasFile.city.id;

/** The indexes, built on first use: a page with only a timeline or a graph never needs them. */
interface AreaIndex {
  byId: Map<string, Area>;
  /** normalised name → area, one index per level (Hörde is both a Sozialraum and a Stadtbezirk). */
  byName: Record<AreaLevel, Map<string, Area>>;
  /** The areas of each level in the order of the data file (Stadtbezirke come before the Sozialräume naming them). */
  inOrder: Record<AreaLevel, Area[]>;
}
let built: AreaIndex | undefined;

function index(): AreaIndex {
  if (built) return built;
  const records: Array<[AreaLevel, AreaRecord]> = [
    ['city', areasFile.city],
    ...areasFile.stadtbezirke.map((r): [AreaLevel, AreaRecord] => ['stadtbezirk', r]),
    ...areasFile.sozialraeume.map((r): [AreaLevel, AreaRecord] => ['sozialraum', r]),
  ];
  const byId: AreaIndex['byId'] = new Map();
  const byName: AreaIndex['byName'] = { city: new Map(), stadtbezirk: new Map(), sozialraum: new Map() };
  const inOrder: AreaIndex['inOrder'] = { city: [], stadtbezirk: [], sozialraum: [] };
  for (const [level, r] of records) {
    const id = r.id ?? `${level === 'stadtbezirk' ? 'stadtbezirk-' : ''}${slug(r.name)}`;
    const area: Area = {
      id,
      name: r.name,
      level,
      stadtbezirk: r.stadtbezirk === undefined ? undefined : inOrder.stadtbezirk[r.stadtbezirk].id,
      aktionsraum2008: r.aktionsraum2008,
      aktionsraum2021: r.aktionsraum2021,
      aktionsquartier2021: r.aktionsquartier2021,
    };
    byId.set(id, area);
    inOrder[level].push(area);
    for (const name of [id, r.name, ...r.aliases]) byName[level].set(normaliseName(name), area);
  }
  return (built = { byId, byName, inOrder });
}

/**
 * A spelling-insensitive key: case, umlaut transcription (ö/oe), hyphens, slashes, dots, spaces and
 * PDF line-break artefacts do not matter; a leading "Sozialraum"/"Stadtbezirk" is dropped.
 */
export function normaliseName(name: string): string {
  return transliterate(name)
    .replace(/^\s*(sozialraum|stadtbezirk|stadtteil|stat\.?\s*bezirk|statistischer bezirk)\s+/, '')
    .replace(/[^a-z0-9]/g, '');
}

export function areaById(id: string): Area | undefined {
  return index().byId.get(id);
}

/** The name of a Sozialraum's Stadtbezirk; undefined for any other area. */
export function stadtbezirkName(area: Area | undefined): string | undefined {
  return area?.stadtbezirk ? areaById(area.stadtbezirk)?.name : undefined;
}

/** All 39 Sozialräume in the city's numbering order. */
export function sozialraeume(): Area[] {
  return [...index().inOrder.sozialraum];
}

/**
 * The area a name or id stands for at `level` (the city matches at every level).
 * "Stadtbezirk Hörde" finds the Stadtbezirk even in a Sozialraum dataset.
 */
export function matchArea(name: string, level: 'sozialraum' | 'stadtbezirk'): Area | undefined {
  const explicit = /^\s*stadtbezirk\s/i.test(name) ? 'stadtbezirk' : /^\s*sozialraum\s/i.test(name) ? 'sozialraum' : undefined;
  const key = normaliseName(name);
  // An exact id of another level ("stadtbezirk-innenstadt-nord") is unambiguous, so it is accepted last.
  const { byName, byId } = index();
  return byName[explicit ?? level].get(key) ?? byName.city.get(key) ?? byId.get(name.trim());
}
