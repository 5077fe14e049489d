/**
 * Writes the JSON Schema files in data/schema/ from the valibot schemas the widgets validate with,
 * so editors' tools (VS Code, online validators) check data files exactly as the widgets do.
 * Runs after the ES build (npm run build).
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  AreasFileSchema,
  DateSchema,
  IdSchema,
  IndicatorFileSchema,
  IndicatorSchema,
  KeyFigureSchema,
  KeyFiguresFileSchema,
  MilestonesFileSchema,
  NetworkLinkSchema,
  NetworkNodeSchema,
  NetworksFileSchema,
  ReferenceSchema,
  SeriesSchema,
  SourceIdsSchema,
  SourceSchema,
  SourceWithIdSchema,
  TextSchema,
  TimeSeriesFileSchema,
  ValueItemSchema,
} from '../dist/esm/schema.js';

/** Shared pieces become named definitions instead of being repeated at every use. */
const definitions = {
  Text: TextSchema,
  Source: SourceSchema,
  ValueItem: ValueItemSchema,
  Reference: ReferenceSchema,
  Series: SeriesSchema,
  Indicator: IndicatorSchema,
};

const out = new URL('../data/schema/', import.meta.url);
mkdirSync(out, { recursive: true });

const files = {
  'indicators.schema.json': {
    schema: IndicatorFileSchema,
    defs: definitions,
    title: 'sozialraum-widgets: Indikator-Datei / indicator file',
    description:
      'Ein Indikator oder eine Sammlung {"indicators": [...]}. Jeder Wert braucht eine Quelle und einen Stichtag (Datum so genau wie die Quelle). value: null heißt "keine Angabe". / One indicator or a collection; every value needs a source and a date; value null means "not available".',
  },
  'areas.schema.json': {
    schema: AreasFileSchema,
    defs: { Text: TextSchema, Source: SourceSchema },
    title: 'sozialraum-widgets: Sozialräume, Stadtbezirke und Aliasnamen / areas and aliases',
    description: 'Kanonische Gebiete mit Schreibvarianten; Positionen sind Näherungen, keine Geodaten.',
  },
  'timeseries.schema.json': {
    schema: TimeSeriesFileSchema,
    defs: { Text: TextSchema, Source: SourceWithIdSchema },
    title: 'sozialraum-widgets: Zeitreihe / time series',
    description:
      'Zeitreihen je Gebiet und Statistik (nie zwei Statistiken in einer Reihe). Jeder Punkt: Datum so genau wie die Quelle, Wert, Quellen-Ids; abgeleitete, gerundete, unbestätigte und ungefähre Werte sind in "flags" markiert. / Time series per area and statistic; every point has a date as precise as its source, a value and source ids; derived, rounded, unverified and approximate values are flagged.',
  },
  'milestones.schema.json': {
    schema: MilestonesFileSchema,
    defs: { Text: TextSchema, Source: SourceWithIdSchema },
    title: 'sozialraum-widgets: Meilensteine / milestones',
    description:
      'Datierte Meilensteine mit Kategorie und Quellen-Ids; Datum so genau wie die Quelle (Jahr, Monat, Tag, Zeitraum oder "seit"); das Ende liegt nie vor dem Anfang. Abweichungen zwischen Quellen stehen in "conflict". / Dated milestones with a category and source ids; dates as precise as the source; an end never lies before its start; disagreeing sources are kept in "conflict".',
  },
  'key-figures.schema.json': {
    schema: KeyFiguresFileSchema,
    defs: { Text: TextSchema, Id: IdSchema, Date: DateSchema, SourceIds: SourceIdsSchema, Source: SourceWithIdSchema, Figure: KeyFigureSchema },
    title: 'sozialraum-widgets: Kennzahlen / key figures',
    description:
      'Einzelne Zahlen der Gesamtstadt, jede in den Worten ihrer Quelle ("über 580.000", "fast 2/3": display), mit der Zahl selbst (value, null wo die Quelle nur Worte nennt), Quellen-Ids und Stichtag (oder stichtagNote, wo die Quelle keinen nennt); abgeleitete und nicht bestätigte Zahlen sind markiert. / Single city-level figures, each in its source\'s own words (display), with the number itself (value, null where the source gives only words), source ids and a date (or stichtagNote where the source names none); derived and unverified figures are flagged.',
  },
  'networks.schema.json': {
    schema: NetworksFileSchema,
    defs: { Text: TextSchema, Id: IdSchema, Date: DateSchema, SourceIds: SourceIdsSchema, Source: SourceWithIdSchema, Node: NetworkNodeSchema, Link: NetworkLinkSchema },
    title: 'sozialraum-widgets: Netzwerke / networks',
    description:
      'Netzwerke, wie eine Quelle sie zeichnet: Knoten (Organisationen und Gremien, nie Personen) und nur die Verbindungen, die die Quelle nennt; gerichtet nur, wo die Quelle sagt, wer auf wen wirkt. Knoten- und Verbindungsarten sind einmal je Datei erklärt, jedes Netzwerk nennt Jahr und Quellen-Ids. Verweise (unbekannte Knoten, doppelte ids) prüft das Element und zeigt den gültigen Teil. / Networks as a source draws them: nodes (organisations and bodies, never persons) and only the ties the source states; directed only where the source says who acts on whom. Node and link kinds are declared once per file; every network has a year and source ids. References (unknown nodes, duplicate ids) are checked by the element, which draws the valid part.',
  },
};

for (const [name, { schema, defs, title, description }] of Object.entries(files)) {
  const json = { $id: `https://sozialraum-widgets.invalid/schema/${name}`, title, description, ...toJsonSchema(schema, { errorMode: 'ignore', definitions: defs }) };
  writeFileSync(new URL(name, out), `${JSON.stringify(json, null, 2)}\n`);
}
console.log(`JSON Schema: ${Object.keys(files).join(', ')} → data/schema/`);
