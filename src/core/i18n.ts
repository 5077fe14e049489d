/**
 * Locale resolution and the library's UI strings (German first, English second).
 * Data texts can be plain strings or `{ de, en }` objects; `pickText` chooses one.
 */

export type Lang = 'de' | 'en';

/** A text from a data file: one string for every language, or one per language. */
export type Text = string | { de: string; en?: string };

/**
 * The BCP 47 locale of an element: its own `lang`, else the nearest ancestor's
 * (crossing shadow roots, so a widget inside another component still follows the page),
 * else German — the library's default audience is dortmund.de.
 */
export function resolveLocale(el: Element): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'de';
}

/** The UI language for a locale: English for `en*`, German for everything else. */
export function langOf(locale: string): Lang {
  return /^en\b/i.test(locale) ? 'en' : 'de';
}

/** The Intl locale actually used for formatting: German is `de-DE`; plain `en` becomes British English. */
export function intlLocale(locale: string): string {
  if (/^(en|en-gb)$/i.test(locale)) return 'en-GB';
  if (/^(de|de-de)$/i.test(locale)) return 'de-DE';
  if (/^en-us$/i.test(locale)) return 'en-US';
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'de-DE';
  } catch {
    return 'de-DE';
  }
}

/** Lower case with German umlauts transcribed (ö → oe) and other accents dropped: for keys and file names. */
export function transliterate(text: string): string {
  const lower = text.toLowerCase();
  // Most names and ids are plain ASCII already (the area index normalises about 150 of them per page).
  if (!/[^\0-\x7f]/.test(lower)) return lower;
  return lower
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Lower-case ASCII words joined by hyphens ("Südl. Gartenstadt" → "suedl-gartenstadt"): area ids, file names. */
export function slug(text: string): string {
  return transliterate(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function pickText(text: Text | undefined, lang: Lang): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (lang === 'en' ? text.en : undefined) ?? text.de;
}

type SharedMessages = typeof de;
/**
 * Every message key: the shared words below and those an element adds with `addMessages`. An element's
 * messages module extends this interface (declaration merging), so `msg` and problems know its keys.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Messages extends SharedMessages {}
type Message = string | ((...args: never[]) => string);

const de = {
  loading: 'Daten werden geladen …',
  errorTitle: 'Diese Grafik kann gerade nicht angezeigt werden.',
  // why a chart is missing, for readers (problems.ts: readerReason); the technical text is in editorDetails
  why_notFound: 'Die Daten wurden nicht gefunden.',
  why_broken: 'Die Daten sind fehlerhaft.',
  why_noData: 'Es wurden keine Daten angegeben.',
  why_wrongKind: 'Die Daten passen nicht zu dieser Grafik.',
  why_selection: 'Für diese Auswahl gibt es keine Daten.',
  editorDetails: 'Details für die Redaktion',
  warningTitle: 'Hinweis zu den Daten',
  moreProblems: (n: number) => `… und ${n} weitere ${n === 1 ? 'Meldung' : 'Meldungen'}`,
  source: 'Quelle',
  sources: 'Quellen',
  via: 'via',
  stand: 'Stand',
  noSource: 'keine Angabe',
  noValue: 'keine Angabe',
  showTable: 'Tabelle anzeigen',
  hideTable: 'Tabelle ausblenden',
  downloadAs: (what: string) => `Als ${what} herunterladen`,
  rank: 'Rang',
  rankOf: (rank: string, total: string) => `Rang ${rank} von ${total}`,
  area: 'Gebiet',
  sozialraum: 'Sozialraum',
  stadtbezirk: 'Stadtbezirk',
  category: 'Kategorie',
  value: 'Wert',
  note: 'Hinweis',
  reference: 'Vergleichswert',
  betweenRanks: (a: string, b: string) => `zwischen Rang ${a} und ${b}`,
  showingTop: (n: string, total: string) => `Gezeigt: die ersten ${n} von ${total}. Die Tabelle enthält alle.`,
  flag_derived: 'abgeleitet (aus zwei Quellwerten berechnet)',
  flag_rounded: 'gerundet („rund“)',
  flag_unverified: 'nicht bestätigt (nur aus politischer Quelle)',
  flag_approximate: 'ungefähr',
  separateAxes: 'Die Reihen haben sehr unterschiedliche Größenordnungen und stehen deshalb auf eigenen Achsen.',
  barChart: 'Balkendiagramm',
  rankChart: 'Rangfolge (nur Reihenfolge bekannt, keine Werte)',
  rankNoValues: 'Nur die Reihenfolge ist bekannt; die Quelle nennt keine Werte.',
  keyboardHint: 'Pfeiltasten: von Eintrag zu Eintrag, Pos1/Ende: erster/letzter, Eingabe: auswählen, Escape: Auswahl aufheben.',
  // problems
  p_json: (line: number, col: number) => `Die Daten sind kein gültiges JSON${line ? ` (Fehler in Zeile ${line}, Spalte ${col})` : ''}.`,
  p_jsonEmpty: 'Die Daten sind leer (kein JSON).',
  p_http: (status: number, url: string) =>
    status === 404 ? `Die Datei „${url}“ wurde nicht gefunden (HTTP 404).` : `Die Datei „${url}“ konnte nicht geladen werden (HTTP ${status}).`,
  // host: the other origin the file is on; the browser hides why such a request failed, CORS is the usual cause
  p_network: (url: string, host?: string) =>
    `Die Datei „${url}“ konnte nicht geladen werden (${host ? `sie liegt auf ${host}; dieser Server muss den Abruf mit der CORS-Kopfzeile „Access-Control-Allow-Origin“ erlauben – oder er ist nicht erreichbar` : 'Netzwerkfehler oder Zugriff verweigert'}).`,
  p_fileProtocol: (url: string) =>
    `„${url}“ lässt sich ohne Server (file://) nicht laden. Abhilfe: Daten als <script type="application/json"> einbetten, „npm run standalone“ nutzen oder die Seite über einen Webserver öffnen.`,
  p_noData: 'Es sind keine Daten angegeben: erwartet wird ein „src“-Attribut, ein <script type="application/json"> (oder "text/csv") oder eine <table> im Element.',
  p_emptyTable: 'Die Tabelle enthält keine Datenzeilen.',
  p_type: (field: string, expected: string) => `Feld '${field}' muss ${expected} sein.`,
  p_missing: (field: string) => `Feld '${field}' fehlt.`,
  p_unknownKey: (field: string) => `Feld '${field}' ist unbekannt (Tippfehler?).`,
  p_oneOf: (field: string, options: string) => `Feld '${field}' muss einer dieser Werte sein: ${options}.`,
  p_date: (field: string) => `Feld '${field}' muss ein Datum wie 2020, 2020-12 oder 2020-12-31 sein.`,
  p_url: (field: string) => `Feld '${field}' muss eine Adresse sein, die mit http:// oder https:// beginnt.`,
  p_linkDropped: (field: string, source: string, url: string) =>
    `Feld '${field}' der Quelle „${source}“: „${url}“ ist keine Adresse, die mit http:// oder https:// beginnt; die Quelle wird ohne Link gezeigt.`,
  p_empty: (field: string) => `Feld '${field}' darf nicht leer sein.`,
  p_integer: (field: string) => `Feld '${field}' muss eine ganze Zahl sein.`,
  p_min: (field: string, min: string) => `Feld '${field}' muss mindestens ${min} sein.`,
  p_max: (field: string, max: string) => `Feld '${field}' darf höchstens ${max} sein.`,
  p_valuesOrSeries: (field: string) => `Feld '${field}' braucht entweder 'values' oder 'series'.`,
  p_areaOrLabel: (field: string) => `Eintrag '${field}' braucht 'area' (Gebiet) oder 'label' (Kategorie).`,
  p_rankMissing: (field: string) => `Feld '${field}.rank' fehlt: bei einer Rangfolge braucht jeder Eintrag einen Rang.`,
  p_duplicate: (field: string, name: string) => `Eintrag '${field}': „${name}“ kommt doppelt vor; der erste Eintrag gilt.`,
  p_unknownIndicator: (id: string, available: string) => `Den Indikator „${id}“ gibt es in dieser Datei nicht. Verfügbar: ${available}.`,
  p_unknownAreas: (names: string) => `Diese Gebietsnamen sind unbekannt und werden nicht gezeigt: ${names}.`,
  p_unknownHighlight: (names: string) => `Hervorhebung: unbekannte Namen ${names}.`,
  p_noRows: 'Der Indikator enthält keine Einträge.',
  p_noSource: 'Die Daten nennen keine Quelle (Feld „source“ oder Attribut source="…").',
  rankClasses: 'Rangklassen (nur Reihenfolge, keine Werte)',
  classesBreaks: 'Klassen nach den angegebenen Grenzen',
  classesDiverging: 'Klassen unter und über dem Wert der Gesamtstadt',
  classesEqual: 'Klassen gleicher Breite',
  classesQuantile: 'Klassen mit etwa gleich vielen Gebieten',
  classesValues: 'Werte',
  classFrom: (v: string) => `${v} und mehr`,
  below: (v: string) => `unter ${v}`,
  schematic: 'Schematische Darstellung – keine Grenzen',
  aktionsraum: (year: string) => `Aktionsraum (${year === '2008' ? '2008' : 'seit 2021'})`,
  stadtbezirkBorder: 'Grenze eines Stadtbezirks',
  mapKey: (list: string) => `Nummern auf der Karte: ${list}`,
  mapChart: 'Karte der Sozialräume',
  mapHint: 'Pfeiltasten: zum Nachbarn in dieser Richtung, Bild auf/ab und Pos1/Ende: nach Rang, Eingabe: auswählen, Escape: Auswahl aufheben.',
  selected: 'ausgewählt',
  p_geoFormat: 'Die Geometrie (Attribut „geo“) ist weder TopoJSON noch GeoJSON mit Flächen.',
  p_geoBroken: (names: string) => `Diese Flächen haben keine gültigen Koordinaten und werden nicht gezeigt: ${names}.`,
  p_unknownFocus: (name: string) => `Den Stadtbezirk „${name}“ für „focus“ gibt es nicht; die ganze Stadt wird gezeigt.`,
  fileRoot: '(Datei)',
  p_mapNeedsAreas: 'Dieser Indikator hat Kategorien statt Gebiete und lässt sich nicht als Karte zeigen (ein Balkendiagramm passt).',
  p_geoEmpty: 'Die Geometrie enthält keine Fläche, die sich zuordnen lässt.',
  p_geoNoId: (prop: string, n: number) => `${n} ${n === 1 ? 'Fläche hat' : 'Flächen haben'} keine Eigenschaft „${prop}“ und ${n === 1 ? 'wird' : 'werden'} nicht gezeigt.`,
  p_geoUnmatched: (names: string) => `Diese Flächen passen zu keinem Sozialraum: ${names}.`,
  p_dataNoShape: (names: string) => `Für diese Gebiete gibt es Daten, aber keine Fläche in der Geometrie: ${names}.`,
  p_cell: (row: number, col: number, text: string) => `Tabelle, Zeile ${row}, Spalte ${col}: „${text}“ ist keine Zahl und wird als „keine Angabe“ gezeigt.`,
  p_cellAmbiguous: (row: number, col: number, text: string, plain: string) =>
    `Tabelle, Zeile ${row}, Spalte ${col}: „${text}“ ist mehrdeutig – Tausendertrennzeichen oder Dezimalzeichen? Die übrigen Zahlen der Tabelle schreiben das Dezimalzeichen anders als die Sprache des Widgets. Der Wert wird als „keine Angabe“ gezeigt; bitte eindeutig schreiben (Tausender ohne Trennzeichen, z. B. „${plain}“).`,
  p_tableCell: (row: number, col: number, text: string, what: string) => `Tabelle, Zeile ${row}, Spalte ${col}${text ? `: „${text}“` : ''} ${what}`,
  t_notDate: 'ist kein Datum wie 2014, 2014-08-31, 31.08.2014 oder 08/2014; die Zeile wird nicht gezeigt.',
  t_empty: 'ist leer; die Zeile wird nicht gezeigt.',
  t_endBeforeStart: 'endet vor seinem Beginn; die Zeile wird nicht gezeigt.',
  t_unknownNode: 'steht nicht in der Tabelle der Knoten; die Verbindung wird nicht gezeigt.',
  t_badLink: 'ist keine Adresse, die mit http:// oder https:// beginnt; der Link wird nicht gezeigt.',
  t_date: 'ein Datum wie 2014, 2014-08-31, 31.08.2014 oder 08/2014',
  p_tableNeeds: (cols: string) => `Die Tabelle braucht mindestens die Spalten ${cols}.`,
  t_colsTrend: '„Jahr“ oder „Datum“ (mit Daten wie 2014, 31.08.2014 oder 08/2014) und eine Spalte je Reihe',
  t_colsTimeline: '„Datum“ (wie 2014, 31.08.2014 oder 2012–2014) und „Titel“',
  t_colsNetwork: '„von“ und „nach“',
  t_nodeKind: 'Knoten',
  t_linkKind: 'Verbindung',
  allSources: (n: number) => `Alle ${n} Quellen anzeigen`,
  morePublishers: (n: number) => `und ${n} weitere`,
  noPng: 'PNG lässt sich auf dieser Seite nicht erzeugen (sie erlaubt keine data:-Bilder); SVG und CSV gehen.',
  // trend-chart
  lineChart: 'Liniendiagramm',
  trendHint: 'Pfeiltasten links/rechts: von Wert zu Wert, auf/ab: andere Reihe, Pos1/Ende: erster/letzter Wert, Eingabe: Datum auswählen, Escape: Auswahl aufheben.',
  gapLegend: 'gestrichelt: mehr als ein Jahr ohne belegten Wert',
  marker_exact: 'Wert aus der Quelle',
  marker_rounded: 'gerundet oder ungefähr',
  marker_unverified: 'nicht bestätigt',
  marker_derived: 'abgeleitet',
  date: 'Stichtag',
  seriesName: 'Reihe',
  part_bg: 'Bulgarien',
  part_ro: 'Rumänien',
  seriesShown: (name: string) => `${name} eingeblendet`,
  seriesHidden: (name: string) => `${name} ausgeblendet`,
  legendToggle: 'Reihen ein- und ausblenden',
  noSeriesShown: 'Alle Reihen sind ausgeblendet; über die Legende lässt sich eine Reihe wieder einblenden.',
  events: 'Ereignisse',
  outsidePeriod: 'außerhalb des gezeigten Zeitraums',
  onePoint: (name: string) => `„${name}“ hat nur einen Wert, daher keine Linie.`,
  trendSummary: (n: number, from: string, to: string) => `${n} ${n === 1 ? 'Reihe' : 'Reihen'}, ${from} bis ${to}`,
  logScale: 'logarithmische Skala',
  p_notTimeseries: 'Die Daten sind keine Zeitreihe (erwartet wird "kind": "timeseries" mit "series").',
  p_emptySeries: (name: string) => `Die Reihe „${name}“ enthält keine Werte und wird nicht gezeigt.`,
  p_pointsDropped: (n: number) => `${n} ${n === 1 ? 'ungültiger Wert wird' : 'ungültige Werte werden'} nicht gezeigt.`,
  p_seriesInvalid: (name: string) => `Die Reihe „${name}“ enthält keinen gültigen Wert und wird nicht gezeigt.`,
  p_noValidPoints: (n: number) => `Keine Reihe enthält einen gültigen Wert (${n} ${n === 1 ? 'ungültiger Wert' : 'ungültige Werte'}):`,
  p_duplicateDate: (name: string, date: string) => `Die Reihe „${name}“ hat mehrere Werte für ${date}; alle werden gezeigt.`,
  p_unknownSourceId: (field: string, id: string) => `Feld '${field}' nennt die Quelle „${id}“, die unter „sources“ fehlt.`,
  p_unknownSeries: (ids: string, available: string) => `Diese Reihen gibt es nicht: ${ids}. Verfügbar: ${available}.`,
  p_noPointsInPeriod: 'Im gewählten Zeitraum gibt es keinen Wert.',
  p_logNonPositive: 'Eine logarithmische Skala kann Werte von 0 oder darunter nicht zeigen; die Skala ist linear.',
  p_annotationsNoFile: 'Attribut „annotations“ nennt Meilensteine, aber das Attribut „milestones“ (die Datei mit ihnen) fehlt.',
  p_unknownAnnotations: (ids: string) => `Diese Meilensteine gibt es in der Datei nicht: ${ids}.`,
  p_annotationsLoad: 'Ereignisse aus der Meilenstein-Datei (Attribut „milestones“):',
  p_notMilestones: 'Die Datei ist keine Meilenstein-Datei (erwartet wird "kind": "milestones").',
  expected_number: 'eine Zahl',
  expected_string: 'ein Text',
  expected_text: 'ein Text oder ein Objekt { "de": …, "en": … }',
  expected_object: 'ein Objekt { … }',
  expected_array: 'eine Liste [ … ]',
  expected_boolean: 'true oder false',
  expected_numberOrNull: 'eine Zahl oder null (keine Angabe)',
  expected_source: 'eine Quelle { "title": … } oder eine Liste von Quellen',
  // milestone-timeline
  tl_list: 'Meilensteine',
  tl_all: 'Alle',
  tl_filter: 'Nach Kategorie filtern',
  tl_count: (shown: string, total: string) => (shown === total ? `${total} Meilensteine` : `${shown} von ${total} Meilensteinen`),
  tl_empty: 'Keine Meilensteine für diese Auswahl.',
  tl_funding: 'Förderung',
  tl_fund_Stadt: 'Stadt',
  tl_fund_Land: 'Land',
  tl_fund_Bund: 'Bund',
  tl_fund_EU: 'EU',
  tl_conflict: 'Quellen widersprechen sich',
  tl_dateNote: 'Zum Datum',
  tl_date: 'Datum',
  tl_title: 'Titel',
  tl_unknownCategory: 'unbekannt',
  tl_noCategory: 'ohne Kategorie',
  tl_highlighted: 'hervorgehoben',
  tl_matches: (n: number, period: string) => `${n === 0 ? 'Kein Meilenstein' : n === 1 ? '1 Meilenstein' : `${n} Meilensteine`} zu ${period}`,
  tl_hint: 'Pfeiltasten: von Meilenstein zu Meilenstein, Pos1/Ende: erster/letzter, Tab: zu den Quellen, Eingabe: auswählen (verknüpfte Diagramme zeigen den Zeitpunkt), Escape: Auswahl aufheben.',
  // presenter (every element): steps, pages, full screen
  stepHint: 'Schritte: Pfeiltasten, Bild auf/ab, Leertaste; Pos1/Ende: erster/letzter.',
  presenterHint: 'f: Vollbild; Escape: Tasten zurück an die Seite.',
  page: (i: string, n: string) => `Seite ${i} von ${n}`,
  steps: 'Schritte',
  pages: 'Seiten',
  prev: 'Zurück',
  next: 'Weiter',
  step: (i: string, n: string) => `Schritt ${i} von ${n}`,
  fullscreen: 'Vollbild',
  exitFullscreen: 'Vollbild beenden',
  noFullscreen: 'Vollbild ist hier nicht möglich.',
  p_noMilestones: 'Die Datei enthält keine Meilensteine.',
  p_endBeforeStart: (field: string, start: string, end: string) => `Feld '${field}': Das Ende (${end}) liegt vor dem Beginn (${start}).`,
  p_skippedMilestones: (list: string) => `Nicht gezeigt wegen fehlerhafter Angaben: ${list}.`,
  p_unknownCategories: (ids: string, available: string) => `Unbekannte Kategorie ${ids}: diese Meilensteine stehen unter „unbekannt“. Vorhanden: ${available}.`,
  p_unknownCategoryFilter: (ids: string, available: string) => `Attribut „categories“: unbekannte Kategorie ${ids}. Vorhanden: ${available}.`,
  p_unknownSources: (ids: string) => `Diese Quellen fehlen in der Liste „sources“: ${ids}.`,
  p_badPeriod: (attr: string, value: string) => `Attribut „${attr}“: „${value}“ ist kein Datum wie 2014, 2014-06 oder 2014-06-30 und wird nicht angewendet.`,
  p_attrOneOf: (attr: string, value: string, options: string) => `Attribut „${attr}“: „${value}“ wird nicht angewendet; möglich sind: ${options}.`,
  p_badAttr: (attr: string, value: string, expected: string) => `Attribut „${attr}“: „${value}“ wird nicht angewendet; erwartet: ${expected}.`,
  attr_countFrom1: 'eine Zahl ab 1',
  attr_classes: 'eine ganze Zahl von 1 bis 9',
  attr_breaks: 'Zahlen wie „10, 20, 30“ oder „35; 39,5“',
  p_fromAfterTo: (from: string, to: string) => `„from“ (${from}) liegt nach „to“ (${to}); der Zeitraum wird nicht angewendet.`,
};

const en: SharedMessages = {
  loading: 'Loading data …',
  errorTitle: 'This chart cannot be shown right now.',
  why_notFound: 'The data was not found.',
  why_broken: 'The data contains errors.',
  why_noData: 'No data was given.',
  why_wrongKind: 'The data does not fit this chart.',
  why_selection: 'There is no data for this selection.',
  editorDetails: 'Details for editors',
  warningTitle: 'Note on the data',
  moreProblems: (n: number) => `… and ${n} more ${n === 1 ? 'message' : 'messages'}`,
  source: 'Source',
  sources: 'Sources',
  via: 'via',
  stand: 'As of',
  noSource: 'not stated',
  noValue: 'not available',
  showTable: 'Show table',
  hideTable: 'Hide table',
  downloadAs: (what: string) => `Download as ${what}`,
  rank: 'Rank',
  rankOf: (rank: string, total: string) => `rank ${rank} of ${total}`,
  area: 'Area',
  sozialraum: 'Sozialraum',
  stadtbezirk: 'Stadtbezirk',
  category: 'Category',
  value: 'Value',
  note: 'Note',
  reference: 'Reference',
  betweenRanks: (a: string, b: string) => `between rank ${a} and ${b}`,
  showingTop: (n: string, total: string) => `Showing the first ${n} of ${total}. The table lists all.`,
  flag_derived: 'derived (calculated from two source values)',
  flag_rounded: 'rounded (“about”)',
  flag_unverified: 'unverified (political source only)',
  flag_approximate: 'approximate',
  separateAxes: 'The series differ greatly in size, so each has its own axis.',
  barChart: 'Bar chart',
  rankChart: 'Ranking (only the order is known, no values)',
  rankNoValues: 'Only the order is known; the source gives no values.',
  keyboardHint: 'Arrow keys: move from item to item, Home/End: first/last, Enter: select, Escape: clear the selection.',
  p_json: (line: number, col: number) => `The data is not valid JSON${line ? ` (error in line ${line}, column ${col})` : ''}.`,
  p_jsonEmpty: 'The data is empty (no JSON).',
  p_http: (status: number, url: string) =>
    status === 404 ? `The file “${url}” was not found (HTTP 404).` : `The file “${url}” could not be loaded (HTTP ${status}).`,
  p_network: (url: string, host?: string) =>
    `The file “${url}” could not be loaded (${host ? `it is on ${host}; that server has to allow the request with the CORS header “Access-Control-Allow-Origin” – or it cannot be reached` : 'network error or access denied'}).`,
  p_fileProtocol: (url: string) =>
    `“${url}” cannot be loaded without a server (file://). Fix: embed the data as <script type="application/json">, use “npm run standalone” or open the page through a web server.`,
  p_noData: 'No data given: expected a “src” attribute, a <script type="application/json"> (or "text/csv") or a <table> inside the element.',
  p_emptyTable: 'The table has no data rows.',
  p_type: (field: string, expected: string) => `Field '${field}' must be ${expected}.`,
  p_missing: (field: string) => `Field '${field}' is missing.`,
  p_unknownKey: (field: string) => `Field '${field}' is unknown (typo?).`,
  p_oneOf: (field: string, options: string) => `Field '${field}' must be one of: ${options}.`,
  p_date: (field: string) => `Field '${field}' must be a date such as 2020, 2020-12 or 2020-12-31.`,
  p_url: (field: string) => `Field '${field}' must be an address starting with http:// or https://.`,
  p_linkDropped: (field: string, source: string, url: string) =>
    `Field '${field}' of the source “${source}”: “${url}” is not an address starting with http:// or https://; the source is shown without a link.`,
  p_empty: (field: string) => `Field '${field}' must not be empty.`,
  p_integer: (field: string) => `Field '${field}' must be a whole number.`,
  p_min: (field: string, min: string) => `Field '${field}' must be at least ${min}.`,
  p_max: (field: string, max: string) => `Field '${field}' must be at most ${max}.`,
  p_valuesOrSeries: (field: string) => `Field '${field}' needs either 'values' or 'series'.`,
  p_areaOrLabel: (field: string) => `Entry '${field}' needs 'area' (an area) or 'label' (a category).`,
  p_rankMissing: (field: string) => `Field '${field}.rank' is missing: in a ranking every entry needs a rank.`,
  p_duplicate: (field: string, name: string) => `Entry '${field}': “${name}” appears twice; the first entry is used.`,
  p_unknownIndicator: (id: string, available: string) => `This file has no indicator “${id}”. Available: ${available}.`,
  p_unknownAreas: (names: string) => `These area names are unknown and are not shown: ${names}.`,
  p_unknownHighlight: (names: string) => `Highlight: unknown names ${names}.`,
  p_noRows: 'The indicator has no entries.',
  p_noSource: 'The data names no source (field “source” or attribute source="…").',
  rankClasses: 'Rank classes (order only, no values)',
  classesBreaks: 'Classes by the given breaks',
  classesDiverging: 'Classes below and above the city-wide value',
  classesEqual: 'Classes of equal width',
  classesQuantile: 'Classes with about as many areas each',
  classesValues: 'Values',
  classFrom: (v: string) => `${v} and more`,
  below: (v: string) => `below ${v}`,
  schematic: 'Schematic map – not the real boundaries',
  aktionsraum: (year: string) => `Aktionsraum (${year === '2008' ? '2008' : 'since 2021'})`,
  stadtbezirkBorder: 'Stadtbezirk (borough) border',
  mapKey: (list: string) => `Numbers on the map: ${list}`,
  mapChart: 'Map of the Sozialräume',
  mapHint: 'Arrow keys: to the neighbour in that direction, Page Up/Down and Home/End: by rank, Enter: select, Escape: clear the selection.',
  selected: 'selected',
  p_geoFormat: 'The geometry (attribute “geo”) is neither TopoJSON nor GeoJSON with areas.',
  p_geoBroken: (names: string) => `These areas have no valid coordinates and are not shown: ${names}.`,
  p_unknownFocus: (name: string) => `There is no Stadtbezirk “${name}” for “focus”; the whole city is shown.`,
  fileRoot: '(file)',
  p_mapNeedsAreas: 'This indicator has categories, not areas, and cannot be shown as a map (a bar chart fits).',
  p_geoEmpty: 'The geometry contains no area that can be matched.',
  p_geoNoId: (prop: string, n: number) => `${n} ${n === 1 ? 'area has' : 'areas have'} no property “${prop}” and ${n === 1 ? 'is' : 'are'} not shown.`,
  p_geoUnmatched: (names: string) => `These areas match no Sozialraum: ${names}.`,
  p_dataNoShape: (names: string) => `There are data but no shape in the geometry for: ${names}.`,
  p_cell: (row: number, col: number, text: string) => `Table, row ${row}, column ${col}: “${text}” is not a number and is shown as “not available”.`,
  p_cellAmbiguous: (row: number, col: number, text: string, plain: string) =>
    `Table, row ${row}, column ${col}: “${text}” is ambiguous – a thousands separator or a decimal mark? The other numbers in the table write the decimal mark differently from the widget's language. It is shown as “not available”; please write it unambiguously (thousands without a separator, e.g. “${plain}”).`,
  p_tableCell: (row: number, col: number, text: string, what: string) => `Table, row ${row}, column ${col}${text ? `: “${text}”` : ''} ${what}`,
  t_notDate: 'is not a date such as 2014, 2014-08-31, 31.08.2014 or 08/2014; the row is not shown.',
  t_empty: 'is empty; the row is not shown.',
  t_endBeforeStart: 'ends before it starts; the row is not shown.',
  t_unknownNode: 'is not in the table of nodes; the link is not shown.',
  t_badLink: 'is not an address starting with http:// or https://; the link is not shown.',
  t_date: 'a date such as 2014, 2014-08-31, 31.08.2014 or 08/2014',
  p_tableNeeds: (cols: string) => `The table needs at least the columns ${cols}.`,
  t_colsTrend: '“year” or “date” (with dates such as 2014, 31.08.2014 or 08/2014) and one column per series',
  t_colsTimeline: '“date” (such as 2014, 31.08.2014 or 2012–2014) and “title”',
  t_colsNetwork: '“from” and “to”',
  t_nodeKind: 'Node',
  t_linkKind: 'Link',
  allSources: (n: number) => `Show all ${n} sources`,
  morePublishers: (n: number) => `and ${n} more`,
  noPng: 'A PNG cannot be made on this page (it allows no data: images); SVG and CSV work.',
  // trend-chart
  lineChart: 'Line chart',
  trendHint: 'Left/right arrows: from value to value, up/down: other series, Home/End: first/last value, Enter: select the date, Escape: clear the selection.',
  gapLegend: 'dashed: more than a year without a sourced value',
  marker_exact: 'value from the source',
  marker_rounded: 'rounded or approximate',
  marker_unverified: 'unverified',
  marker_derived: 'derived',
  date: 'Date',
  seriesName: 'Series',
  part_bg: 'Bulgaria',
  part_ro: 'Romania',
  seriesShown: (name: string) => `${name} shown`,
  seriesHidden: (name: string) => `${name} hidden`,
  legendToggle: 'Show and hide series',
  noSeriesShown: 'All series are hidden; use the legend to show one again.',
  events: 'Events',
  outsidePeriod: 'outside the period shown',
  onePoint: (name: string) => `“${name}” has only one value, so there is no line.`,
  trendSummary: (n: number, from: string, to: string) => `${n} ${n === 1 ? 'series' : 'series'}, ${from} to ${to}`,
  logScale: 'logarithmic scale',
  p_notTimeseries: 'The data is not a time series (expected "kind": "timeseries" with "series").',
  p_emptySeries: (name: string) => `The series “${name}” has no values and is not shown.`,
  p_pointsDropped: (n: number) => `${n} invalid ${n === 1 ? 'value is' : 'values are'} not shown.`,
  p_seriesInvalid: (name: string) => `The series “${name}” has no valid value and is not shown.`,
  p_noValidPoints: (n: number) => `No series has a valid value (${n} invalid ${n === 1 ? 'value' : 'values'}):`,
  p_duplicateDate: (name: string, date: string) => `The series “${name}” has several values for ${date}; all are shown.`,
  p_unknownSourceId: (field: string, id: string) => `Field '${field}' names the source “${id}”, which is missing from “sources”.`,
  p_unknownSeries: (ids: string, available: string) => `These series do not exist: ${ids}. Available: ${available}.`,
  p_noPointsInPeriod: 'There is no value in the chosen period.',
  p_logNonPositive: 'A logarithmic scale cannot show values of 0 or below; the scale is linear.',
  p_annotationsNoFile: 'Attribute “annotations” names milestones, but the attribute “milestones” (the file with them) is missing.',
  p_unknownAnnotations: (ids: string) => `These milestones are not in the file: ${ids}.`,
  p_annotationsLoad: 'Events from the milestones file (attribute “milestones”):',
  p_notMilestones: 'The file is not a milestones file (expected "kind": "milestones").',
  expected_number: 'a number',
  expected_string: 'a text',
  expected_text: 'a text or an object { "de": …, "en": … }',
  expected_object: 'an object { … }',
  expected_array: 'a list [ … ]',
  expected_boolean: 'true or false',
  expected_numberOrNull: 'a number or null (not available)',
  expected_source: 'a source { "title": … } or a list of sources',
  // milestone-timeline
  tl_list: 'Milestones',
  tl_all: 'All',
  tl_filter: 'Filter by category',
  tl_count: (shown: string, total: string) => (shown === total ? `${total} milestones` : `${shown} of ${total} milestones`),
  tl_empty: 'No milestones for this selection.',
  tl_funding: 'Funding',
  tl_fund_Stadt: 'City',
  tl_fund_Land: 'State (NRW)',
  tl_fund_Bund: 'Federal',
  tl_fund_EU: 'EU',
  tl_conflict: 'Sources disagree',
  tl_dateNote: 'On the date',
  tl_date: 'Date',
  tl_title: 'Title',
  tl_unknownCategory: 'unknown',
  tl_noCategory: 'no category',
  tl_highlighted: 'highlighted',
  tl_matches: (n: number, period: string) => `${n === 0 ? 'No milestone' : n === 1 ? '1 milestone' : `${n} milestones`} for ${period}`,
  tl_hint: 'Arrow keys: from milestone to milestone, Home/End: first/last, Tab: to its sources, Enter: select (linked charts show the date), Escape: clear the selection.',
  // presenter (every element): steps, pages, full screen
  stepHint: 'Steps: arrow keys, Page Up/Down, Space; Home/End: first/last.',
  presenterHint: 'f: full screen; Escape: give the keys back to the page.',
  page: (i: string, n: string) => `Page ${i} of ${n}`,
  steps: 'Steps',
  pages: 'Pages',
  prev: 'Back',
  next: 'Next',
  step: (i: string, n: string) => `Step ${i} of ${n}`,
  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',
  noFullscreen: 'Full screen is not available here.',
  p_noMilestones: 'The file contains no milestones.',
  p_endBeforeStart: (field: string, start: string, end: string) => `Field '${field}': the end (${end}) lies before the start (${start}).`,
  p_skippedMilestones: (list: string) => `Not shown because of faulty entries: ${list}.`,
  p_unknownCategories: (ids: string, available: string) => `Unknown category ${ids}: these milestones are listed as “unknown”. Available: ${available}.`,
  p_unknownCategoryFilter: (ids: string, available: string) => `Attribute “categories”: unknown category ${ids}. Available: ${available}.`,
  p_unknownSources: (ids: string) => `These sources are missing from the list “sources”: ${ids}.`,
  p_badPeriod: (attr: string, value: string) => `Attribute “${attr}”: “${value}” is not a date such as 2014, 2014-06 or 2014-06-30 and is not applied.`,
  p_attrOneOf: (attr: string, value: string, options: string) => `Attribute “${attr}”: “${value}” is not applied; possible values: ${options}.`,
  p_badAttr: (attr: string, value: string, expected: string) => `Attribute “${attr}”: “${value}” is not applied; expected: ${expected}.`,
  attr_countFrom1: 'a number from 1',
  attr_classes: 'a whole number from 1 to 9',
  attr_breaks: 'numbers such as “10, 20, 30” or “35; 39.5”',
  p_fromAfterTo: (from: string, to: string) => `“from” (${from}) lies after “to” (${to}); the period is not applied.`,
};

const messages: Record<Lang, SharedMessages> = { de, en };

/**
 * Add an element's own words to the shared ones when its module loads, so that a page or bundle without
 * that element does not carry them (see network-graph/messages.ts). English needs every German key.
 */
export function addMessages<M extends Record<string, Message>>(words: { de: M; en: NoInfer<M> }): void {
  Object.assign(de, words.de);
  Object.assign(en, words.en);
}

export type MessageKey = keyof Messages;

/** The UI string `key` in `lang`, called with `args` when it takes parameters. */
export function msg<K extends MessageKey>(
  lang: Lang,
  key: K,
  ...args: Messages[K] extends (...a: infer A) => string ? A : []
): string {
  const m: Message = (messages[lang] as Messages)[key];
  return typeof m === 'function' ? (m as (...a: unknown[]) => string)(...args) : m;
}
