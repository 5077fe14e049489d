/**
 * Der Baukasten (demo/baukasten.html): CMS editors build a widget without writing code. They choose an
 * element, a shipped data file (or paste a table), the options the data allows, look at a live preview at
 * phone, article and slide width, and copy one of three snippets: inline data, `src` on the hosted files,
 * or an iframe of embed.html.
 *
 * Plain module, no framework and not part of the widget file: it only uses the widgets as a page does
 * (`../dist/sozialraum-widgets.js`, loaded before this module). The preview is made from the very snippet
 * the editor copies, and what the builder says about the data comes from the widget's own messages (its
 * `part="message"` boxes), so builder and page never disagree. Nothing is requested from other hosts.
 *
 * The pure parts (reading pasted tables, turning them into data, writing the snippets) are exported for
 * the tests; the page itself starts only where it finds `#baukasten`.
 */

/* ---------------------------------------------------------------------------------------------- *
 * Texts
 * ---------------------------------------------------------------------------------------------- */

const TEXTS = {
  de: {
    pageTitle: 'Baukasten – Diagramme ohne Code | sozialraum-widgets',
    h1: 'Baukasten: ein Diagramm ohne Code einbauen',
    intro:
      'Element wählen, Daten wählen oder eine Tabelle einfügen, Einstellungen setzen – die Vorschau zeigt das Ergebnis. Dann den Code kopieren und im Redaktionssystem in einen HTML-Block einfügen.',
    skip: 'Zum Inhalt',
    tagline: 'Demo – keine offizielle Seite der Stadt',
    backToDemo: 'Zur Demo-Seite',
    footer: 'Der Baukasten lädt nichts von Dritten.',
    langSwitch: 'English',
    langSwitchLang: 'en',
    stepElement: '1. Element wählen',
    stepData: '2. Daten',
    stepOptions: '3. Einstellungen',
    stepPreview: '4. Vorschau',
    stepCode: '5. Code kopieren',
    dataFrom: 'Woher kommen die Daten?',
    dataFromFile: 'Mitgelieferte Daten',
    dataFromPaste: 'Eigene Tabelle einfügen',
    dataFile: 'Datei',
    dataFileHint: 'Daten der Stadt Dortmund, jede Zahl mit Quelle und Stand.',
    loadingFile: 'Datei wird geladen …',
    fileFailed: (path) =>
      `Die Datei „${path}“ konnte nicht geladen werden. Der Baukasten muss über einen Webserver geöffnet werden (npm start), nicht per Doppelklick.`,
    noFiles: 'Für dieses Element gibt es keine mitgelieferte Datei. Bitte eine Tabelle einfügen.',
    pickIndicator: 'Indikator',
    pickSeries: 'Reihen',
    pickSeriesHint: 'Welche Linien das Diagramm zeigt (ohne Auswahl: alle).',
    pickNetwork: 'Netzwerk',
    pickFigure: 'Kennzahlen',
    pickFigureHint: 'Eine oder mehrere Zahlen nebeneinander.',
    pasteLabel: 'Tabelle hier einfügen',
    pasteHint: {
      table:
        'Aus Excel, LibreOffice oder einer Webseite kopieren und hier einfügen (Strg+V), oder CSV mit ; oder , eintippen. Erste Spalte: Gebiet oder Kategorie; erste Zeile: Überschriften; Zahlen deutsch (39,9) oder englisch (39.9).',
      trend: 'Erste Spalte: Datum oder Jahr (2014, 31.08.2014, 08/2014, 2014-08-31); jede weitere Spalte eine Reihe, Überschrift = Name der Reihe.',
      timeline: 'Spalten: Datum (auch Zeitraum wie 2012–2014 oder „seit 2014“), Titel, Text, Kategorie, Link – erkannt an der Überschrift oder der Reihenfolge.',
      network: 'Eine Zeile je Verbindung. Spalten: Von, Nach, Art der Verbindung (optional) – erkannt an der Überschrift oder der Reihenfolge.',
    },
    pasteSource: 'Quelle',
    pasteSourceHint: 'Wer hat die Zahlen veröffentlicht, in welchem Dokument? Sie steht unter dem Diagramm.',
    pasteStichtag: 'Stand (Stichtag)',
    pasteStichtagHint: 'So genau wie die Quelle: 2020, 2020-12 oder 2020-12-31.',
    noSource: 'Bitte die Quelle angeben: Jede Zahl auf dortmund.de braucht eine Quelle.',
    noSourceFatal: 'Ohne Quelle zeigt dieses Element die Daten nicht.',
    noStichtag: 'Bitte den Stand angeben (z. B. 2022): Ein Netzwerk braucht ein Datum.',
    badStichtag: (s) => `„${s}“ ist kein Datum wie 2020, 2020-12 oder 2020-12-31.`,
    understood: 'So wurde die Tabelle verstanden',
    understoodSummary: (rows, cols, sep, mark) =>
      `${rows} ${rows === 1 ? 'Zeile' : 'Zeilen'}, ${cols} ${cols === 1 ? 'Spalte' : 'Spalten'}; getrennt durch ${sep}${mark ? `; Dezimalzeichen: ${mark}` : ''}.`,
    sepNames: { '\t': 'Tabulator', ';': 'Semikolon', ',': 'Komma' },
    markNames: { ',': 'Komma (deutsch)', '.': 'Punkt (englisch)' },
    moreRows: (n) => `… und ${n} weitere ${n === 1 ? 'Zeile' : 'Zeilen'}`,
    roleHeader: 'Rolle',
    roles: {
      area: 'Gebiet',
      category: 'Kategorie',
      series: (name) => `Reihe „${name}“`,
      rank: 'Rang',
      date: 'Datum',
      title: 'Titel',
      text: 'Text',
      link: 'Link',
      from: 'Von',
      to: 'Nach',
      kind: 'Art',
      ignored: 'nicht verwendet',
    },
    unreadable: 'nicht lesbar',
    missingCell: 'keine Angabe',
    value: 'Wert',
    series: 'Reihe',
    areaUnknown: 'unbekannt',
    noTable: 'Noch keine Tabelle eingefügt.',
    tableAnnounce: (rows, cols) => `Tabelle erkannt: ${rows} Zeilen, ${cols} Spalten.`,
    check: 'Prüfung',
    checkHint: 'Meldungen des Diagramms in der Vorschau – dieselben, die Leserinnen und Leser sehen würden.',
    checkOk: 'Keine Meldungen: Das Diagramm wird so gezeigt.',
    checkWaiting: 'Die Vorschau wird gezeichnet …',
    checkNoWidget: 'Die Widget-Datei ../dist/sozialraum-widgets.js wurde nicht geladen (zuerst „npm run build“).',
    checkError: 'Fehler',
    checkWarning: 'Hinweis',
    previewDone: (n) => (n ? `Vorschau aktualisiert, ${n} ${n === 1 ? 'Meldung' : 'Meldungen'}.` : 'Vorschau aktualisiert, keine Meldungen.'),
    width: 'Breite der Vorschau',
    widths: { phone: 'Telefon (360 px)', article: 'Artikel (720 px)', slide: 'Folie (1280 × 720 px, verkleinert)' },
    previewLabel: 'Vorschau des Diagramms',
    slideTip: 'Für Folien „Präsentation“ und „Einpassen“ einschalten.',
    host: 'Wo liegen die Dateien?',
    hostHint: 'Adresse des Ordners mit dist/ und data/ (Standard: dieser Server). Daraus entstehen die Adressen im Code.',
    badHost: 'Bitte eine Adresse angeben, die mit https:// oder http:// beginnt. Bis dahin gilt dieser Server.',
    codeInline: 'A: Mit eingebetteten Daten',
    codeInlineHint: 'Skript und Diagramm mit den Daten darin – geht auch ohne Datei auf dem Server. In einen HTML-Block einfügen.',
    codeSrc: 'B: Mit Datei auf dem Server',
    codeSrcHint: 'Das Diagramm lädt die Daten aus der Datei auf dem Server: Wird die Datei aktualisiert, folgt das Diagramm.',
    codeSrcPaste: 'Eingefügte Daten liegen in keiner Datei auf dem Server: bitte Code A verwenden.',
    codeIframe: 'C: Als iframe',
    codeIframeHint:
      'Für Seiten, die keine Skripte erlauben: das Diagramm in einem eigenen Fenster (embed.html). Das kleine Skript darunter passt die Höhe an; ohne es hat der Rahmen eine eigene Bildlaufleiste.',
    codeIframePaste: 'Ein iframe braucht eine Datei auf dem Server: für eingefügte Daten bitte Code A verwenden.',
    codeLabel: (name) => `Code ${name}`,
    copy: 'Kopieren',
    copyLabel: (name) => `Code ${name} kopieren`,
    copied: 'Kopiert',
    copyManual: 'Der Code ist markiert: jetzt mit Strg+C kopieren.',
    defaultOption: 'Standard',
    samePage: 'wie die Seite',
    none: 'keine',
    all: 'alle',
    fallback: (title) => `Diagramm: ${title}`,
    untitled: 'Diagramm',
    general: 'Allgemein',
    actor: 'Akteur',
    link: 'Verbindung',
    elements: {
      'indicator-bar': ['Balken', 'Werte oder Rangfolge eines Indikators über Gebiete oder Kategorien.'],
      'sozialraum-map': ['Karte', 'Die 39 Sozialräume als Kachelkarte, eingefärbt nach einem Indikator.'],
      'trend-chart': ['Zeitreihe', 'Entwicklung über die Zeit auf einer echten Zeitachse.'],
      'milestone-timeline': ['Zeitleiste', 'Meilensteine mit Datum, so genau wie die Quelle, und Kategorien.'],
      'network-graph': ['Netzwerk', 'Wer mit wem: Organisationen und Gremien mit ihren Verbindungen.'],
      'key-figure': ['Kennzahl', 'Eine Zahl groß, mit Quelle und Stand.'],
    },
    options: {
      title: ['Titel', 'Eigener Titel statt des Titels aus den Daten.'],
      highlight: ['Hervorheben', 'Diese Gebiete oder Kategorien werden farbig hervorgehoben.'],
      sort: ['Sortierung', 'Reihenfolge der Balken.'],
      sortChoices: { desc: 'höchster Wert zuerst', asc: 'niedrigster Wert zuerst', name: 'nach Name', none: 'wie in den Daten' },
      top: ['Nur die ersten', 'Zeigt nur so viele Balken; die Tabelle enthält immer alle.'],
      classify: ['Klassen bilden', 'Wie die Werte in Farbstufen eingeteilt werden.'],
      classifyChoices: { quantile: 'etwa gleich viele Gebiete je Stufe', equal: 'gleich breite Stufen' },
      classes: ['Zahl der Farbstufen', 'Mehr Stufen zeigen feinere Unterschiede, sind aber schwerer zu unterscheiden.'],
      palette: ['Farben', 'Blautöne, oder zwei Farben unter und über dem Wert der Gesamtstadt.'],
      paletteChoices: { sequential: 'Blautöne', diverging: 'unter / über Gesamtstadt' },
      'show-aktionsraeume': ['Aktionsräume umranden', 'Markiert die Aktionsräume des Aktionsplans Soziale Stadt.'],
      aktionsraeumeChoices: { 2021: 'seit 2021', 2008: 'von 2008' },
      from: ['Von', 'Beginn des gezeigten Zeitraums.'],
      to: ['Bis', 'Ende des gezeigten Zeitraums.'],
      scale: ['Skala', 'Logarithmisch zeigt Wachstum über Größenordnungen gleichmäßig.'],
      scaleChoices: { linear: 'linear, ab 0', log: 'logarithmisch' },
      'trend-highlight': ['Reihe hervorheben', 'Diese Linie kräftig, die anderen blasser.'],
      annotations: ['Meilensteine einzeichnen', 'Als nummerierte Linien im Diagramm, mit Liste darunter.'],
      categories: ['Kategorien', 'Am Anfang nur diese zeigen (Leser können weitere einschalten).'],
      layout: ['Anordnung', 'Ringe um einen Mittelpunkt oder frei angeordnet.'],
      layoutChoices: { radial: 'Ringe um den Mittelpunkt', force: 'frei' },
      static: ['Festes Bild', 'Ohne Zoomen, Verschieben und Ziehen.'],
      group: ['Gruppe', 'Gleicher Name bei mehreren Diagrammen der Seite verknüpft ihre Auswahl (z. B. Karte und Balken).'],
      'heading-level': ['Überschriftebene', 'Der Titel als Überschrift dieser Ebene (unter einer Zwischenüberschrift: 3).'],
      headingChoices: { 3: 'Ebene 3', 4: 'Ebene 4', 0: 'keine Überschrift' },
      lang: ['Sprache', 'Deutsch oder Englisch; sonst die Sprache der Seite.'],
      langChoices: { de: 'Deutsch', en: 'Englisch' },
      theme: ['Farbschema', 'Hell oder dunkel; sonst passt es sich der Seite an.'],
      themeChoices: { light: 'hell', dark: 'dunkel' },
      presentation: ['Präsentation', 'Große, feste Schrift und kräftige Linien für Beamer und Folien.'],
      fit: ['Einpassen', 'Füllt Breite und Höhe seines Kastens (für Folien; der Kasten braucht eine Höhe).'],
      steps: ['Schritt für Schritt', 'Zeigt den Inhalt nacheinander, weiter mit Pfeiltaste oder Bild ab.'],
      'bar-step-by': ['Balken je Schritt', 'Wie viele Balken ein Schritt zeigt.'],
      'map-step-by': ['Schritte', 'Klasse für Klasse oder ein Rundgang durch die hervorgehobenen Gebiete.'],
      mapStepChoices: { class: 'Klasse für Klasse', highlight: 'Rundgang durch die Hervorhebungen' },
      'timeline-step-by': ['Schritte', 'Meilenstein für Meilenstein oder Jahr für Jahr.'],
      timelineStepChoices: { year: 'Jahr für Jahr' },
      'network-step-by': ['Schritte', 'Ring für Ring vom Mittelpunkt aus oder nach Art der Knoten.'],
      networkStepChoices: { ring: 'Ring für Ring', kind: 'nach Art' },
      'figure-group': ['Alle Zahlen zum Thema', 'Statt einzelner Zahlen alle mit diesem Schlagwort.'],
      'figure-step-by': ['Zahlen je Schritt', 'Wie viele Zahlen ein Schritt zeigt.'],
    },
  },
  en: {
    pageTitle: 'Builder – charts without code | sozialraum-widgets',
    h1: 'Builder: put a chart on a page without code',
    intro:
      'Choose an element, choose data or paste a table, set the options – the preview shows the result. Then copy the code and paste it into an HTML block of the content management system.',
    skip: 'Skip to content',
    tagline: 'Demo – not an official page of the city',
    backToDemo: 'To the demo page',
    footer: 'The builder loads nothing from third parties.',
    langSwitch: 'Deutsch',
    langSwitchLang: 'de',
    stepElement: '1. Choose an element',
    stepData: '2. Data',
    stepOptions: '3. Options',
    stepPreview: '4. Preview',
    stepCode: '5. Copy the code',
    dataFrom: 'Where does the data come from?',
    dataFromFile: 'Shipped data',
    dataFromPaste: 'Paste your own table',
    dataFile: 'File',
    dataFileHint: 'Data of the City of Dortmund, every figure with source and date.',
    loadingFile: 'Loading the file …',
    fileFailed: (path) => `The file “${path}” could not be loaded. Open the builder through a web server (npm start), not by double-click.`,
    noFiles: 'There is no shipped file for this element. Please paste a table.',
    pickIndicator: 'Indicator',
    pickSeries: 'Series',
    pickSeriesHint: 'Which lines the chart shows (none ticked: all).',
    pickNetwork: 'Network',
    pickFigure: 'Key figures',
    pickFigureHint: 'One or more figures side by side.',
    pasteLabel: 'Paste a table here',
    pasteHint: {
      table:
        'Copy from Excel, LibreOffice or a web page and paste here (Ctrl+V), or type CSV with ; or ,. First column: area or category; first row: headings; numbers German (39,9) or English (39.9).',
      trend: 'First column: date or year (2014, 31.08.2014, 08/2014, 2014-08-31); every further column is a series, its heading the series name.',
      timeline: 'Columns: date (also a period like 2012–2014 or “since 2014”), title, text, category, link – found by heading or by order.',
      network: 'One row per link. Columns: from, to, kind of link (optional) – found by heading or by order.',
    },
    pasteSource: 'Source',
    pasteSourceHint: 'Who published the figures, in which document? Shown below the chart.',
    pasteStichtag: 'Date of the figures',
    pasteStichtagHint: 'As precise as the source: 2020, 2020-12 or 2020-12-31.',
    noSource: 'Please name the source: every figure on dortmund.de needs one.',
    noSourceFatal: 'Without a source this element does not show the data.',
    noStichtag: 'Please give the date (e.g. 2022): a network needs one.',
    badStichtag: (s) => `“${s}” is not a date such as 2020, 2020-12 or 2020-12-31.`,
    understood: 'How the table was read',
    understoodSummary: (rows, cols, sep, mark) =>
      `${rows} ${rows === 1 ? 'row' : 'rows'}, ${cols} ${cols === 1 ? 'column' : 'columns'}; separated by ${sep}${mark ? `; decimal mark: ${mark}` : ''}.`,
    sepNames: { '\t': 'tab', ';': 'semicolon', ',': 'comma' },
    markNames: { ',': 'comma (German)', '.': 'point (English)' },
    moreRows: (n) => `… and ${n} more ${n === 1 ? 'row' : 'rows'}`,
    roleHeader: 'Role',
    roles: {
      area: 'Area',
      category: 'Category',
      series: (name) => `Series “${name}”`,
      rank: 'Rank',
      date: 'Date',
      title: 'Title',
      text: 'Text',
      link: 'Link',
      from: 'From',
      to: 'To',
      kind: 'Kind',
      ignored: 'not used',
    },
    unreadable: 'not readable',
    missingCell: 'not available',
    value: 'Value',
    series: 'Series',
    areaUnknown: 'unknown',
    noTable: 'No table pasted yet.',
    tableAnnounce: (rows, cols) => `Table read: ${rows} rows, ${cols} columns.`,
    check: 'Check',
    checkHint: 'Messages of the chart in the preview – the same that readers would see.',
    checkOk: 'No messages: the chart is shown like this.',
    checkWaiting: 'Drawing the preview …',
    checkNoWidget: 'The widget file ../dist/sozialraum-widgets.js was not loaded (run “npm run build” first).',
    checkError: 'Error',
    checkWarning: 'Note',
    previewDone: (n) => (n ? `Preview updated, ${n} ${n === 1 ? 'message' : 'messages'}.` : 'Preview updated, no messages.'),
    width: 'Preview width',
    widths: { phone: 'Phone (360 px)', article: 'Article (720 px)', slide: 'Slide (1280 × 720 px, scaled down)' },
    previewLabel: 'Preview of the chart',
    slideTip: 'For slides switch on “Presentation” and “Fit”.',
    host: 'Where will the files be hosted?',
    hostHint: 'Address of the folder holding dist/ and data/ (default: this server). The addresses in the code are built from it.',
    badHost: 'Please give an address starting with https:// or http://. Until then this server is used.',
    codeInline: 'A: With the data inside',
    codeInlineHint: 'Script and chart with the data in it – works without a file on the server. Paste into an HTML block.',
    codeSrc: 'B: With the file on the server',
    codeSrcHint: 'The chart loads its data from the file on the server: when the file is updated, the chart follows.',
    codeSrcPaste: 'Pasted data is not in a file on the server: please use code A.',
    codeIframe: 'C: As an iframe',
    codeIframeHint:
      'For pages that allow no scripts: the chart in a frame of its own (embed.html). The small script below adjusts its height; without it the frame has its own scroll bar.',
    codeIframePaste: 'An iframe needs a file on the server: for pasted data please use code A.',
    codeLabel: (name) => `Code ${name}`,
    copy: 'Copy',
    copyLabel: (name) => `Copy code ${name}`,
    copied: 'Copied',
    copyManual: 'The code is selected: press Ctrl+C to copy it.',
    defaultOption: 'default',
    samePage: 'as the page',
    none: 'none',
    all: 'all',
    fallback: (title) => `Chart: ${title}`,
    untitled: 'Chart',
    general: 'General',
    actor: 'Actor',
    link: 'Link',
    elements: {
      'indicator-bar': ['Bars', 'Values or ranking of an indicator across areas or categories.'],
      'sozialraum-map': ['Map', 'The 39 Sozialräume as a tile map, coloured by an indicator.'],
      'trend-chart': ['Time series', 'Change over time on a true time axis.'],
      'milestone-timeline': ['Timeline', 'Milestones dated as precisely as their source, with categories.'],
      'network-graph': ['Network', 'Who works with whom: organisations and bodies and their ties.'],
      'key-figure': ['Key figure', 'One number, big, with source and date.'],
    },
    options: {
      title: ['Title', 'Your own title instead of the title in the data.'],
      highlight: ['Highlight', 'These areas or categories are highlighted in colour.'],
      sort: ['Order', 'Order of the bars.'],
      sortChoices: { desc: 'highest first', asc: 'lowest first', name: 'by name', none: 'as in the data' },
      top: ['Only the first', 'Shows only this many bars; the table always has all.'],
      classify: ['Classes', 'How the values are divided into colour steps.'],
      classifyChoices: { quantile: 'about as many areas per step', equal: 'steps of equal width' },
      classes: ['Number of colour steps', 'More steps show finer differences but are harder to tell apart.'],
      palette: ['Colours', 'Shades of blue, or two colours below and above the city-wide value.'],
      paletteChoices: { sequential: 'shades of blue', diverging: 'below / above city' },
      'show-aktionsraeume': ['Outline Aktionsräume', 'Marks the action areas of the Soziale Stadt plan.'],
      aktionsraeumeChoices: { 2021: 'since 2021', 2008: 'of 2008' },
      from: ['From', 'Start of the period shown.'],
      to: ['To', 'End of the period shown.'],
      scale: ['Scale', 'Logarithmic shows growth across orders of magnitude evenly.'],
      scaleChoices: { linear: 'linear, from 0', log: 'logarithmic' },
      'trend-highlight': ['Highlight a series', 'This line strong, the others lighter.'],
      annotations: ['Show milestones', 'As numbered lines in the chart, with a list below.'],
      categories: ['Categories', 'Show only these at first (readers can switch on others).'],
      layout: ['Layout', 'Rings around a centre or a free arrangement.'],
      layoutChoices: { radial: 'rings around the centre', force: 'free' },
      static: ['Fixed picture', 'No zooming, panning or dragging.'],
      group: ['Group', 'The same name on several charts of the page links their selection (e.g. map and bars).'],
      'heading-level': ['Heading level', 'The title as a heading of this level (below a subheading: 3).'],
      headingChoices: { 3: 'level 3', 4: 'level 4', 0: 'no heading' },
      lang: ['Language', 'German or English; otherwise the language of the page.'],
      langChoices: { de: 'German', en: 'English' },
      theme: ['Colour scheme', 'Light or dark; otherwise it follows the page.'],
      themeChoices: { light: 'light', dark: 'dark' },
      presentation: ['Presentation', 'Large fixed type and strong lines for projectors and slides.'],
      fit: ['Fit', 'Fills the width and height of its box (for slides; the box needs a height).'],
      steps: ['Step by step', 'Reveals the content one step at a time, next with arrow key or Page Down.'],
      'bar-step-by': ['Bars per step', 'How many bars one step reveals.'],
      'map-step-by': ['Steps', 'Class by class or a tour of the highlighted areas.'],
      mapStepChoices: { class: 'class by class', highlight: 'tour of the highlights' },
      'timeline-step-by': ['Steps', 'Milestone by milestone or year by year.'],
      timelineStepChoices: { year: 'year by year' },
      'network-step-by': ['Steps', 'Ring by ring from the centre or by kind of node.'],
      networkStepChoices: { ring: 'ring by ring', kind: 'by kind' },
      'figure-group': ['All figures of a topic', 'Instead of single figures all with this tag.'],
      'figure-step-by': ['Figures per step', 'How many figures one step reveals.'],
    },
  },
};

/* ---------------------------------------------------------------------------------------------- *
 * Elements, files and options: one table each. A new element is one entry in ELEMENTS (+ its texts).
 * ---------------------------------------------------------------------------------------------- */

/** Paths (under the package folder) of the widget file and the iframe page another part of the package provides. */
export const SCRIPT_PATH = 'dist/sozialraum-widgets.js';
export const EMBED_PATH = 'dist/embed.html';

/**
 * The shipped data files (under data/) by kind. A file that is not there (yet) is left out of the list at
 * run time; test/node/baukasten-files.test.mjs keeps this list in step with data/.
 */
export const DATA_FILES = {
  indicators: [
    'indicators/sozialraum-rankings-2007.json',
    'indicators/sgb2-arbeitslosigkeit.json',
    'indicators/arbeitsmarkt-2000-2006.json',
    'indicators/aktiv-statt-passiv.json',
  ],
  timeseries: ['eu2-residents.json'],
  milestones: ['milestones.json'],
  networks: ['networks.json'],
  'key-figures': ['key-figures.json'],
};

const COMMON_TAIL = ['heading-level', 'lang', 'theme', 'group', 'presentation', 'fit', 'steps'];

/**
 * The elements, in the order offered. `files`: kind of shipped file; `pick`: the attribute choosing within
 * the file (`multi`: several ids); `paste`: how a pasted table becomes data — 'table' (a <table> child the
 * widget reads itself) or a converter to JSON (until the widget reads tables itself, see tableSupport);
 * `options`: option ids (OPTIONS) in the order shown; `optional`: offered only when the page defines it.
 */
export const ELEMENTS = [
  {
    tag: 'indicator-bar',
    files: 'indicators',
    pick: { attr: 'indicator', label: 'pickIndicator' },
    paste: 'table',
    options: ['title', 'highlight', 'sort', 'top', ...COMMON_TAIL, 'bar-step-by'],
  },
  {
    tag: 'sozialraum-map',
    files: 'indicators',
    // A map needs areas: indicators of categories are not offered.
    filter: (indicator) => (indicator.level ?? 'sozialraum') !== 'category',
    pick: { attr: 'indicator', label: 'pickIndicator' },
    paste: 'table',
    options: ['title', 'highlight', 'classify', 'classes', 'palette', 'show-aktionsraeume', ...COMMON_TAIL, 'map-step-by'],
  },
  {
    tag: 'trend-chart',
    files: 'timeseries',
    pick: { attr: 'series', label: 'pickSeries', hint: 'pickSeriesHint', multi: true },
    paste: 'trend',
    options: ['title', 'from', 'to', 'scale', 'trend-highlight', 'annotations', ...COMMON_TAIL],
  },
  {
    tag: 'milestone-timeline',
    files: 'milestones',
    paste: 'timeline',
    options: ['title', 'categories', 'from', 'to', ...COMMON_TAIL, 'timeline-step-by'],
  },
  {
    tag: 'network-graph',
    files: 'networks',
    pick: { attr: 'network', label: 'pickNetwork' },
    paste: 'network',
    options: ['title', 'layout', 'static', ...COMMON_TAIL, 'network-step-by'],
  },
  {
    tag: 'key-figure',
    optional: true,
    files: 'key-figures',
    pick: { attr: 'figure', label: 'pickFigure', hint: 'pickFigureHint', multi: true },
    options: ['title', 'figure-group', 'heading-level', 'lang', 'theme', 'presentation', 'fit', 'steps', 'figure-step-by'],
  },
];

const choices = (words, map) => words.map((value) => ({ value, label: map[value] }));
const steps = (s) => s.opts.steps === true;

/**
 * Every option: the attribute it sets, its control, its choices from the data (`ctx`, see dataContext) and
 * when it applies. `data`: depends on the data chosen, so it is cleared when the data changes.
 */
const OPTIONS = {
  title: { attr: 'title', type: 'text' },
  highlight: { attr: 'highlight', type: 'multi', join: ', ', data: true, choices: (c) => c.names.map((n) => ({ value: n, label: n })), when: (c) => c.names.length > 0 },
  sort: { attr: 'sort', type: 'select', choices: (c, t) => choices(['desc', 'asc', 'name', 'none'], t.options.sortChoices) },
  top: { attr: 'top', type: 'number', data: true, min: 1, max: (c) => c.count - 1, when: (c) => c.count > 2 },
  classify: { attr: 'classify', type: 'select', choices: (c, t) => choices(['quantile', 'equal'], t.options.classifyChoices), when: (c) => c.mode !== 'rank' },
  classes: {
    attr: 'classes',
    type: 'select',
    choices: () => ['3', '4', '6', '7'].map((n) => ({ value: n, label: n })),
    when: (c) => c.mode !== 'rank' && c.count > 3,
  },
  palette: { attr: 'palette', type: 'select', choices: (c, t) => choices(['sequential', 'diverging'], t.options.paletteChoices), when: (c) => c.mode !== 'rank' },
  'show-aktionsraeume': {
    attr: 'show-aktionsraeume',
    type: 'select',
    choices: (c, t) => choices(['2021', '2008'], t.options.aktionsraeumeChoices),
    when: (c) => c.level === 'sozialraum',
  },
  from: { attr: 'from', type: 'select', data: true, choices: (c) => c.years.map((y) => ({ value: y, label: y })), when: (c) => c.years.length > 1 },
  to: { attr: 'to', type: 'select', data: true, choices: (c) => c.years.map((y) => ({ value: y, label: y })), when: (c) => c.years.length > 1 },
  scale: { attr: 'scale', type: 'select', choices: (c, t) => choices(['log'], t.options.scaleChoices), when: (c) => c.positive },
  'trend-highlight': {
    attr: 'highlight',
    type: 'select',
    data: true,
    choices: (c) => c.series.map((s) => ({ value: s.id, label: s.label })),
    when: (c) => c.series.length > 1,
  },
  annotations: {
    attr: 'annotations',
    type: 'multi',
    join: ' ',
    choices: (c) => c.milestones.map((m) => ({ value: m.id, label: m.label })),
    when: (c) => c.milestones.length > 0,
  },
  categories: { attr: 'categories', type: 'multi', join: ' ', data: true, choices: (c) => c.categories, when: (c) => c.categories.length > 1 },
  layout: {
    attr: 'layout',
    type: 'select',
    data: true,
    choices: (c, t) => choices(c.hub ? ['radial', 'force'] : ['force'], t.options.layoutChoices),
  },
  static: { attr: 'static', type: 'bool' },
  group: { attr: 'group', type: 'text' },
  'heading-level': { attr: 'heading-level', type: 'select', choices: (c, t) => choices(['3', '4', '0'], t.options.headingChoices) },
  lang: { attr: 'lang', type: 'select', page: true, choices: (c, t) => choices(['de', 'en'], t.options.langChoices) },
  theme: { attr: 'theme', type: 'select', page: true, choices: (c, t) => choices(['light', 'dark'], t.options.themeChoices) },
  presentation: { attr: 'presentation', type: 'bool' },
  fit: { attr: 'fit', type: 'bool' },
  steps: { attr: 'mode', type: 'bool', value: 'steps' },
  'bar-step-by': { attr: 'step-by', type: 'number', min: 1, max: (c) => c.count, when: (c, s) => steps(s) && c.count > 2 },
  'map-step-by': {
    attr: 'step-by',
    type: 'select',
    choices: (c, t, s) => choices(s.opts.highlight?.length ? ['class', 'highlight'] : ['class'], t.options.mapStepChoices),
    when: (c, s) => steps(s),
  },
  'timeline-step-by': { attr: 'step-by', type: 'select', choices: (c, t) => choices(['year'], t.options.timelineStepChoices), when: (c, s) => steps(s) },
  'network-step-by': {
    attr: 'step-by',
    type: 'select',
    data: true,
    choices: (c, t) => choices(c.hub ? ['ring', 'kind'] : ['kind'], t.options.networkStepChoices),
    when: (c, s) => steps(s),
  },
  'figure-step-by': { attr: 'step-by', type: 'number', min: 1, max: (c) => c.count, when: (c, s) => steps(s) && c.count > 2 },
  'figure-group': { attr: 'group', type: 'select', data: true, choices: (c) => c.tags.map((g) => ({ value: g, label: g })), when: (c) => c.tags.length > 0 },
};

/* ---------------------------------------------------------------------------------------------- *
 * Reading pasted tables (pure)
 * ---------------------------------------------------------------------------------------------- */

/** Cells editors use for "no value": shown as a gap, never as zero (the widgets' own words, table-input.ts). */
export const isMissingCell = (s) => /^(|-|–|—|\.|\.\.\.|…|x|k\.?\s*a\.?|keine angabe|n\/?a|n\.\s*a\.|not available)$/i.test(s.trim());

/**
 * CSV or tab-separated text (as spreadsheets put on the clipboard) → rows of cells. The separator is the
 * one the first line uses most (tab before semicolon before comma); quoted fields may hold separators,
 * line breaks and doubled quotes; CRLF and a byte-order mark are fine. Empty rows are dropped.
 */
export function parseDelimited(text) {
  const src = text.replace(/^\uFEFF/, '');
  const count = (ch) => {
    let n = 0;
    let quoted = false;
    for (const c of src) {
      if (c === '"') quoted = !quoted;
      else if (!quoted && (c === '\n' || c === '\r')) break;
      else if (!quoted && c === ch) n++;
    }
    return n;
  };
  const tabs = count('\t');
  const semis = count(';');
  const commas = count(',');
  const sep = tabs ? '\t' : semis && semis >= commas ? ';' : commas ? ',' : '\t';
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (src[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && !cell.trim()) {
      quoted = true;
      cell = '';
    } else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  const clean = rows.map((r) => r.map((c) => c.replace(/\s+/g, ' ').trim())).filter((r) => r.some(Boolean));
  return { sep, rows: clean };
}

/** The cells of an HTML table (from the clipboard's text/html, parsed inert) as rows of texts, and its caption. */
export function tableGrid(table) {
  const textOf = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const rows = Array.from(table.rows)
    .map((r) => Array.from(r.cells).map(textOf))
    .filter((r) => r.some(Boolean));
  return { caption: textOf(table.caption), rows };
}

/** Rows back to tab-separated text, quoting cells that need it: what the paste box shows after an HTML paste. */
export function toDelimited(rows) {
  return rows.map((r) => r.map((c) => (/[\t\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join('\t')).join('\n');
}

const NUMBERISH = /^[-+\u2212\u2013]?\s*[\d.,\s\u00a0\u202f]*\d[\d.,\s\u00a0\u202f]*\s*[%€]?$/;

/**
 * The decimal mark a set of cells uses: ',' or '.', from the cells that show it unambiguously ("39,9",
 * "1.234,5", "12.5"); undefined when none does ("12.040" may be either).
 */
export function decimalMark(cells) {
  let comma = 0;
  let point = 0;
  for (const raw of cells) {
    const s = raw.replace(/[\s\u00a0\u202f%€]/g, '');
    if (!NUMBERISH.test(raw.trim())) continue;
    const last = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
    if (last < 0) continue;
    const mark = s[last];
    const other = mark === ',' ? '.' : ',';
    const decimals = s.length - last - 1;
    if (s.includes(other) || decimals !== 3 || s.split(mark).length > 2) {
      // "1.234,5" (both), "39,9" (not three digits after the mark) or "1.234.567" (the mark repeats: grouping).
      if (s.split(mark).length > 2) mark === ',' ? point++ : comma++;
      else mark === ',' ? comma++ : point++;
    }
  }
  if (comma === point) return undefined;
  return comma > point ? ',' : '.';
}

/** A cell as a number with the given decimal mark ("39,9 %", "12.040", "−3"); undefined when it is none. */
export function readNumber(raw, mark) {
  if (!NUMBERISH.test(raw.trim())) return undefined;
  const group = mark === ',' ? '.' : ',';
  let s = raw.replace(/[%€\s\u00a0\u202f]/g, '').replace(/^[\u2212\u2013]/, '-');
  if (s.includes(group)) {
    const grouped = new RegExp(`^[-+]?\\d{1,3}(\\${group}\\d{3})+(\\${mark}\\d+)?$`);
    if (!grouped.test(s)) return undefined;
    s = s.split(group).join('');
  }
  if (s.split(mark).length > 2) return undefined;
  const n = Number(s.replace(mark, '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** A date as the widgets take it ("2014", "2014-08", "2014-08-31") from what editors type; undefined when unreadable. */
export function readDate(raw) {
  const s = raw.trim();
  const pad = (n) => String(n).padStart(2, '0');
  let m;
  let y;
  let mo;
  let d;
  if ((m = /^(\d{4})$/.exec(s))) [, y] = m;
  else if ((m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(s))) [, y, mo, d] = m;
  else if ((m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$/.exec(s))) [, d, mo, y] = m;
  else if ((m = /^(\d{1,2})[./](\d{4})$/.exec(s))) [, mo, y] = m;
  else return undefined;
  if (mo === undefined) return y;
  // A real month and day only ("2021-02-30" is none).
  if (+mo < 1 || +mo > 12) return undefined;
  if (d === undefined) return `${y}-${pad(mo)}`;
  if (+d < 1 || +d > new Date(Date.UTC(+y, +mo, 0)).getUTCDate()) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/**
 * A milestone's date cell: one date, a period ("2012–2014", "01.2012 – 12.2014", "2012 bis 2014"),
 * "seit 2014" / "since 2014", "ca. 2011" / "c. 2011". Unreadable parts are kept as typed, so that the
 * timeline names them.
 */
export function readPeriod(raw) {
  let s = raw.trim();
  const out = {};
  const since = /^(seit|since|ab|from)\s+/i.exec(s);
  if (since) {
    out.since = true;
    s = s.slice(since[0].length);
  }
  const approx = /^(ca\.?|circa|c\.|um|etwa|about|around)\s*/i.exec(s);
  if (approx) {
    out.approximate = true;
    s = s.slice(approx[0].length);
  }
  const parts = /^\d{4}-\d{4}$/.test(s) ? s.split('-') : s.split(/\s*[–—]\s*|\s+-\s+|\s+(?:bis|to|until)\s+/i);
  out.start = readDate(parts[0] ?? '') ?? parts[0] ?? '';
  if (parts.length > 1 && parts[1]) out.end = readDate(parts[1]) ?? parts[1];
  return { date: out, ok: !!readDate(parts[0] ?? '') && (parts.length < 2 || !!readDate(parts[1] ?? '')) };
}

/** An id from a name: lower case, umlauts spelled out, dashes between words ("Grün Bau" → "gruen-bau"). */
export function slug(text) {
  return (
    text
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}

/** Ids from names, unique within one list ("a", "a-2", …). */
function idMaker() {
  const used = new Map();
  return (name) => {
    const base = slug(name) || 'x';
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}

/** Words in a heading that name a column's role, German and English (as the widgets' table reader, core/table-input.ts). */
const COLUMN = {
  date: /^(jahr|datum|stichtag|zeit(punkt|raum)?|year|date|period|time)\b/i,
  title: /^(titel|title|meilenstein|milestone|ereignis|event)\b/i,
  text: /^(text|beschreibung|description|details?)\b/i,
  category: /^(kategorie|category|bereich|thema|topic)\b/i,
  link: /^(link|url|web(seite|site)?|internet)\b/i,
  from: /^(von|from|source)\b/i,
  to: /^(nach|an|zu|to|target)\b/i,
  kind: /^(art|kind|type|typ|gruppe|group|beziehung|relation)\b/i,
};

/**
 * Which column plays which role, as the widgets find it: first by heading, then the roles left take the
 * columns left, in order. Returns role → column index (absent when there is no column for it).
 */
function columnRoles(header, roles, width) {
  const found = {};
  const used = new Set();
  for (const role of roles) {
    const i = (header ?? []).findIndex((h, j) => !used.has(j) && COLUMN[role].test(h.trim()));
    if (i >= 0) used.add((found[role] = i));
  }
  let next = 0;
  for (const role of roles) {
    if (found[role] !== undefined) continue;
    while (used.has(next)) next++;
    if (next < width) used.add((found[role] = next));
  }
  return found;
}

/**
 * A pasted table as the element will read it: the heading row (made up where the paste has none, since
 * the widget needs one), the role of each column, each cell with what the builder made of it, the decimal
 * mark, and the data as JSON for the elements that do not read tables themselves (an older widget file).
 * `kind` is the element's paste kind: 'table' (bars and map), 'trend', 'timeline' or 'network'.
 */
export function readPasted(rows, kind, opts = {}) {
  const lang = opts.lang ?? 'de';
  const t = TEXTS[lang];
  const width = Math.max(0, ...rows.map((r) => r.length));
  const mark = decimalMark(rows.flatMap((r) => r.slice(1))) ?? (lang === 'en' ? '.' : ',');
  const numeric = (c) => isMissingCell(c) || readNumber(c, mark) !== undefined;
  const first = rows[0] ?? [];
  // Is the first row headings? Not when it is made of values (bars, trend), starts with a date (timeline) or
  // names no column (network: then the columns are taken in order).
  let hasHeader;
  if (kind === 'table' || kind === 'trend') hasHeader = !(first.length > 1 && first.slice(1).every(numeric) && (kind === 'table' || !!readDate(first[0] ?? '')));
  else if (kind === 'timeline') hasHeader = !readPeriod(first[0] ?? '').ok;
  else hasHeader = first.some((c) => Object.values(COLUMN).some((re) => re.test(c.trim())));
  const header = hasHeader ? first : undefined;
  const body = hasHeader ? rows.slice(1) : rows;
  const result = { header, hadHeader: hasHeader, body, width, roles: [], cells: [], data: undefined };
  if (!body.length) return result;
  const roleOf = (at, i) => t.roles[Object.keys(at).find((k) => at[k] === i)] ?? t.roles.ignored;

  if (kind === 'table') {
    const rankOnly = width === 2 && /^(rang|rank|platz|position)$/i.test((header?.[1] ?? '').trim());
    // Areas when at least half the names are Sozialräume or Stadtbezirke (the widget's own rule), else categories.
    const isArea = (opts.areaCount?.(body.map((r) => r[0] ?? '')) ?? 0) * 2 >= body.length;
    result.roles = Array.from({ length: width }, (_, i) =>
      i === 0 ? (isArea ? t.roles.area : t.roles.category) : rankOnly ? t.roles.rank : t.roles.series(header?.[i] || `${i}`),
    );
    result.cells = body.map((r) => Array.from({ length: width }, (_, i) => cellNote(r[i] ?? '', i === 0 ? (isArea ? 'area' : 'text') : 'number', mark, t, opts)));
    result.header = header ?? [t.roles[isArea ? 'area' : 'category'], ...Array.from({ length: width - 1 }, (_, i) => (width === 2 ? t.value : `${t.value} ${i + 1}`))];
    result.mark = mark;
    return result;
  }

  if (kind === 'trend') {
    const dateCol = columnRoles(header, ['date'], width).date ?? 0;
    const cols = [...Array(width).keys()].filter((c) => c !== dateCol);
    const labels = cols.map((c, k) => header?.[c] || `${t.series} ${k + 1}`);
    result.roles = Array.from({ length: width }, (_, i) => (i === dateCol ? t.roles.date : t.roles.series(labels[cols.indexOf(i)])));
    result.cells = body.map((r) => Array.from({ length: width }, (_, i) => cellNote(r[i] ?? '', i === dateCol ? 'date' : 'number', mark, t)));
    result.header = header ?? Array.from({ length: width }, (_, i) => (i === dateCol ? t.roles.date : labels[cols.indexOf(i)]));
    result.mark = mark;
    // Series ids as the chart makes them from a table: the heading as a slug (the column's number when taken).
    const ids = new Set();
    const series = cols.map((c, k) => {
      let id = slug(labels[k]) || String(c + 1);
      if (ids.has(id)) id += `-${c + 1}`;
      ids.add(id);
      return {
        id,
        label: labels[k],
        // A missing cell is a gap (no point), never a zero; a cell that is no number goes in as typed, so that the chart names it.
        points: body
          .filter((r) => !isMissingCell(r[c] ?? ''))
          .map((r) => ({ date: readDate(r[dateCol] ?? '') ?? (r[dateCol] ?? ''), value: readNumber(r[c], mark) ?? r[c], sources: ['quelle'] })),
      };
    });
    result.data = {
      kind: 'timeseries',
      title: opts.title || opts.caption || labels.join(', '),
      ...(rows.flat().some((c) => c.includes('%')) ? { unit: '%' } : {}),
      sources: opts.source ? [{ id: 'quelle', title: opts.source }] : [],
      series,
    };
    return result;
  }

  if (kind === 'timeline') {
    const at = columnRoles(header, ['date', 'title', 'text', 'category', 'link'], width);
    result.roles = Array.from({ length: width }, (_, i) => roleOf(at, i));
    result.cells = body.map((r) => Array.from({ length: width }, (_, i) => cellNote(r[i] ?? '', i === at.date ? 'period' : 'text', mark, t)));
    result.header = header ?? result.roles;
    const catId = idMaker();
    const categories = new Map();
    const cell = (r, role) => (at[role] === undefined ? '' : (r[at[role]] ?? '').trim());
    for (const r of body) {
      const c = cell(r, 'category') || t.general;
      if (!categories.has(c)) categories.set(c, catId(c));
    }
    const sources = opts.source ? [{ id: 'quelle', title: opts.source }] : [];
    const milestones = body.map((r, i) => {
      const link = cell(r, 'link');
      if (link) sources.push({ id: `link-${i + 1}`, title: link, url: link });
      const description = cell(r, 'text');
      return {
        id: `m${i + 1}`,
        date: readPeriod(cell(r, 'date')).date,
        title: cell(r, 'title'),
        ...(description ? { description } : {}),
        category: categories.get(cell(r, 'category') || t.general),
        sources: [...(opts.source ? ['quelle'] : []), ...(link ? [`link-${i + 1}`] : [])],
      };
    });
    result.data = {
      kind: 'milestones',
      title: opts.title || opts.caption || t.untitled,
      categories: [...categories].map(([label, id]) => ({ id, label })),
      sources,
      milestones,
    };
    return result;
  }

  // network: one row per link
  const at = columnRoles(header, ['from', 'to', 'kind'], width);
  result.roles = Array.from({ length: width }, (_, i) => roleOf(at, i));
  result.cells = body.map((r) => Array.from({ length: width }, (_, i) => cellNote(r[i] ?? '', 'text', mark, t)));
  result.header = header ?? result.roles;
  const nodeId = idMaker();
  const kindId = idMaker();
  const nodes = new Map();
  const kinds = new Map();
  const cell = (r, role) => (at[role] === undefined ? '' : (r[at[role]] ?? '').trim());
  const node = (name) => {
    if (name && !nodes.has(name)) nodes.set(name, nodeId(name));
    return nodes.get(name) ?? '';
  };
  const links = body.map((r) => {
    const k = cell(r, 'kind') || t.link;
    if (!kinds.has(k)) kinds.set(k, kindId(k));
    return { source: node(cell(r, 'from')), target: node(cell(r, 'to')), kind: kinds.get(k) };
  });
  result.data = {
    kind: 'networks',
    title: opts.title || opts.caption || t.untitled,
    sources: opts.source ? [{ id: 'quelle', title: opts.source }] : [],
    nodeKinds: [{ id: 'akteur', label: t.actor }],
    linkKinds: [...kinds].map(([label, id]) => ({ id, label })),
    networks: [
      {
        id: 'netzwerk',
        title: opts.title || opts.caption || t.untitled,
        ...(opts.stichtag ? { year: opts.stichtag } : {}),
        sources: opts.source ? ['quelle'] : [],
        layout: 'force',
        nodes: [...nodes].map(([label, id]) => ({ id, label, kind: 'akteur' })),
        links,
      },
    ],
  };
  return result;
}

/** One cell of the "how it was read" table: its text and what the builder made of it. */
function cellNote(raw, as, mark, t, opts = {}) {
  if (as === 'number') {
    if (isMissingCell(raw)) return { text: raw || '–', note: t.missingCell };
    return readNumber(raw, mark) === undefined ? { text: raw, note: t.unreadable, bad: true } : { text: raw };
  }
  if (as === 'date') return readDate(raw) ? { text: raw } : { text: raw, note: t.unreadable, bad: true };
  if (as === 'period') return readPeriod(raw).ok ? { text: raw } : { text: raw, note: t.unreadable, bad: true };
  if (as === 'area' && opts.areaName) {
    // The name as the widget will match it (aliases and spelling), or marked when it matches no area.
    const known = opts.areaName(raw);
    return known ? { text: raw, note: known === raw ? undefined : known } : { text: raw, note: t.areaUnknown, bad: true };
  }
  return { text: raw };
}

/* ---------------------------------------------------------------------------------------------- *
 * Snippets (pure)
 * ---------------------------------------------------------------------------------------------- */

export const escapeHtml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON that is safe inside <script>: no "</script>" or "<!--" can end or bend it ("<" only occurs inside strings). */
export const scriptJson = (data) => JSON.stringify(data).replace(/</g, '\\u003c');

const attrText = (attrs) => attrs.map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`)).join('');

/** A pasted table as the widget's <table> child (and no-JavaScript fallback): caption, header row, body. */
export function tableHtml(header, body, caption, indent = '  ') {
  const i2 = indent + '  ';
  const i3 = i2 + '  ';
  const head = `${i2}<thead><tr>${header.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
  const rows = body.map(
    (r) => `${i3}<tr>${header.map((_, i) => (i === 0 ? `<th scope="row">${escapeHtml(r[0] ?? '')}</th>` : `<td>${escapeHtml(r[i] ?? '')}</td>`)).join('')}</tr>`,
  );
  return [`${indent}<table>`, ...(caption ? [`${i2}<caption>${escapeHtml(caption)}</caption>`] : []), head, `${i2}<tbody>`, ...rows, `${i2}</tbody>`, `${indent}</table>`].join('\n');
}

/**
 * The three snippets for one configuration `cfg`:
 *   tag, attrs ([name, value|true], without data attributes), title,
 *   inline: { json?, table?: { header, body, caption }, for?: { [attribute]: json } } — the data in the element
 *     (`for`: the second file of an attribute such as `milestones`, as <script data-for>),
 *   file / milestonesFile: paths under data/ (for src), pick: [name, value] of the choice in the file.
 * `base`: the hosted folder holding dist/ and data/ (ends with "/").
 */
export function snippets(cfg, base) {
  const script = `<script src="${escapeHtml(new URL(SCRIPT_PATH, base).href)}" defer></script>`;
  const fallback = `  <p>${escapeHtml(TEXTS[cfg.lang ?? 'de'].fallback(cfg.title))}</p>`;
  const children = [];
  if (cfg.inline.json !== undefined) children.push(`  <script type="application/json">${scriptJson(cfg.inline.json)}</script>`);
  for (const [attr, json] of Object.entries(cfg.inline.for ?? {})) children.push(`  <script type="application/json" data-for="${attr}">${scriptJson(json)}</script>`);
  // The table stays the content without JavaScript (and while loading or on an error); read as data only without inline JSON.
  if (cfg.inline.table) children.push(tableHtml(cfg.inline.table.header, cfg.inline.table.body, cfg.inline.table.caption));
  else children.push(fallback);
  const inlineAttrs = cfg.inlinePick ? [cfg.inlinePick, ...cfg.attrs] : cfg.attrs;
  const element = `<${cfg.tag}${attrText(inlineAttrs)}>\n${children.join('\n')}\n</${cfg.tag}>`;
  const out = { element, inline: `${script}\n${element}` };
  if (cfg.file) {
    const dataUrl = (path) => new URL(`data/${path}`, base).href;
    const srcAttrs = [['src', dataUrl(cfg.file)], ...(cfg.pick ? [cfg.pick] : []), ...(cfg.milestonesFile ? [['milestones', dataUrl(cfg.milestonesFile)]] : []), ...cfg.attrs];
    out.src = `${script}\n<${cfg.tag}${attrText(srcAttrs)}>\n${fallback}\n</${cfg.tag}>`;
    // The embed page's parameters are the element's attribute names plus `el`; an attribute without value is "name=".
    const params = new URLSearchParams([['el', cfg.tag], ...srcAttrs.map(([name, value]) => [name, value === true ? '' : value])]);
    const embed = new URL(EMBED_PATH, base);
    const frame = `<iframe src="${escapeHtml(`${embed.href}?${params}`)}" title="${escapeHtml(cfg.title)}" width="100%" height="${cfg.height ?? 600}" loading="lazy"></iframe>`;
    // Sets the frame's height from the embed page's messages ({ type: 'srw-embed-height', height }), only from that origin.
    const resize = `<script>
  addEventListener('message', function (e) {
    if (e.origin !== '${embed.origin}' || !e.data || e.data.type !== 'srw-embed-height') return;
    document.querySelectorAll('iframe').forEach(function (f) {
      if (f.contentWindow === e.source) f.height = Math.ceil(e.data.height);
    });
  });
</script>`;
    out.iframe = `${frame}\n${resize}`;
  }
  return out;
}

/* ---------------------------------------------------------------------------------------------- *
 * The page
 * ---------------------------------------------------------------------------------------------- */

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pickText = (x, lang) => (x && typeof x === 'object' ? x[lang] || x.de || '' : x == null ? '' : String(x));

/** A small element builder: props are attributes, except on… (listeners) and value/checked (properties). */
function h(tag, props = {}, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'value' || k === 'checked') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...kids.flat(Infinity).filter((k) => k !== null && k !== undefined && k !== false));
  return el;
}

function start(root) {
  const params = new URLSearchParams(location.search);
  const packageBase = new URL('../', document.baseURI).href;
  const state = {
    lang: params.get('lang') === 'en' ? 'en' : 'de',
    tag: ELEMENTS.some((e) => e.tag === params.get('el')) ? params.get('el') : 'indicator-bar',
    from: 'file',
    file: undefined,
    pick: undefined,
    paste: { text: '', caption: '', source: '', stichtag: '' },
    opts: {},
    width: 'article',
    host: packageBase,
  };
  const t = () => TEXTS[state.lang];
  const element = () => ELEMENTS.find((e) => e.tag === state.tag);
  /** Work not yet done (a step being drawn, a pending or running redraw, a pasted table not yet read): see idle(). */
  const busy = { render: 0, timer: false, update: 0, paste: false };
  /** Counts a step's drawing as work in progress from its first moment to its end. */
  const tracked = (draw) => () => {
    busy.render++;
    return draw().finally(() => busy.render--);
  };

  const $ = (id) => document.getElementById(id);
  const status = $('bk-status');
  const announce = (message) => {
    // Cleared first, so that the same words said twice ("Kopiert") are said again.
    status.textContent = '';
    setTimeout(() => (status.textContent = message), 50);
  };

  /* ---------------- files ---------------- */

  const cache = new Map();
  const loadJson = (path) => {
    if (!cache.has(path))
      cache.set(
        path,
        fetch(new URL(`../data/${path}`, document.baseURI)).then((r) => {
          if (!r.ok) throw new Error(String(r.status));
          return r.json();
        }),
      );
    return cache.get(path);
  };
  /** Existing files of a kind (a listed file that is missing is left out), each with its JSON. */
  const filesOf = async (kind) => {
    const all = await Promise.all((DATA_FILES[kind] ?? []).map((path) => loadJson(path).then((json) => ({ path, json }), () => undefined)));
    const el = element();
    return all.filter((f) => f && (!el.filter || pickList(f.json).length));
  };
  /** The entries of a file one can choose from: indicators, series, networks, figures. */
  const pickList = (json) => {
    const el = element();
    const lang = state.lang;
    if (el.files === 'indicators') {
      const list = Array.isArray(json.indicators) ? json.indicators : [json];
      return list.filter((i) => !el.filter || el.filter(i)).map((i) => ({ value: i.id, label: pickText(i.title, lang), item: i }));
    }
    if (el.files === 'timeseries') return (json.series ?? []).map((s) => ({ value: s.id, label: pickText(s.label, lang), item: s }));
    if (el.files === 'networks') return (json.networks ?? []).map((n) => ({ value: n.id, label: pickText(n.title, lang), item: n }));
    if (el.files === 'key-figures') return (json.figures ?? []).map((f) => ({ value: f.id, label: `${pickText(f.display, lang)} ${pickText(f.label, lang)}`.trim(), item: f }));
    return [];
  };

  // Canonical names of the areas (for highlight choices and the pasted table's first column).
  let areas = [];
  let cityName = '';
  const norm = (s) => s.toLowerCase().replace(/[^a-z0-9äöüß]/g, '');
  const areaName = (raw) => {
    const n = norm(String(raw));
    const a = areas.find((x) => norm(x.id) === n || norm(x.name) === n || (x.aliases ?? []).some((al) => norm(al) === n));
    return a?.name;
  };
  const loadAreas = loadJson('sozialraeume.json').then(
    (json) => {
      cityName = json.city?.name ?? '';
      areas = [json.city, ...json.stadtbezirke, ...json.sozialraeume].filter(Boolean);
    },
    () => [],
  );

  /* ---------------- what the data allows ---------------- */

  /** What the chosen data offers the options: names, count, level, years, series, categories, hub … */
  async function dataContext() {
    const el = element();
    const lang = state.opts.lang || state.lang;
    const ctx = { names: [], count: 0, level: undefined, mode: 'value', years: [], series: [], categories: [], milestones: [], hub: false, tags: [], positive: true };
    const yearsOf = (dates) => {
      const ys = dates.map((d) => Number(String(d).slice(0, 4))).filter((y) => y > 1800 && y < 2200);
      if (!ys.length) return [];
      const out = [];
      for (let y = Math.min(...ys); y <= Math.max(...ys); y++) out.push(String(y));
      return out;
    };
    if (el.tag === 'trend-chart') {
      const ms = await loadJson(DATA_FILES.milestones[0]).catch(() => undefined);
      ctx.milestones = (ms?.milestones ?? []).map((m) => ({ value: m.id, id: m.id, label: `${m.date?.start ?? ''}: ${pickText(m.title, state.lang)}` }));
    }
    if (state.from === 'paste') {
      const read = pasted();
      if (!read) return ctx;
      const body = read.body;
      ctx.count = body.length;
      if (el.paste === 'table') {
        const known = body.filter((r) => areaName(r[0])).length;
        ctx.level = known * 2 >= body.length ? 'sozialraum' : 'category';
        // Areas: only names the widgets know (in their usual spelling); categories as typed.
        // (A row "Dortmund" is the city's reference line, not a bar to highlight.)
        const names = ctx.level === 'category' ? body.map((r) => r[0]) : body.map((r) => areaName(r[0])).filter((n) => n !== cityName);
        ctx.names = [...new Set(names)].filter((n) => n && !/[,;]/.test(n));
        ctx.mode = read.header.length === 2 && /^(rang|rank|platz|position)$/i.test(read.header[1]) ? 'rank' : 'value';
      }
      if (read.data?.kind === 'timeseries') {
        ctx.series = read.data.series.map((s) => ({ id: s.id, label: s.label }));
        const points = read.data.series.flatMap((s) => s.points);
        ctx.years = yearsOf(points.map((p) => p.date));
        ctx.positive = points.every((p) => typeof p.value === 'number' && p.value > 0);
      }
      if (read.data?.kind === 'milestones') {
        ctx.categories = read.data.categories.map((c) => ({ value: c.id, label: c.label }));
        ctx.years = yearsOf(read.data.milestones.flatMap((m) => [m.date.start, m.date.end ?? m.date.start]));
      }
      return ctx;
    }
    if (!state.file) return ctx;
    const json = await loadJson(state.file).catch(() => undefined);
    if (!json) return ctx;
    if (el.files === 'indicators') {
      const item = pickList(json).find((p) => p.value === state.pick)?.item ?? pickList(json)[0]?.item;
      if (!item) return ctx;
      const values = item.values ?? item.series?.[0]?.values ?? [];
      ctx.count = values.length;
      ctx.level = item.level ?? 'sozialraum';
      ctx.mode = item.mode ?? 'value';
      ctx.names = values
        .map((v) => (v.area ? areaName(v.area) ?? v.area : pickText(v.label, lang)))
        .filter((n) => n && !/[,;]/.test(n));
    } else if (el.files === 'timeseries') {
      const chosen = Array.isArray(state.pick) && state.pick.length ? state.pick : undefined;
      const series = (json.series ?? []).filter((s) => !chosen || chosen.includes(s.id));
      ctx.series = series.map((s) => ({ id: s.id, label: pickText(s.label, state.lang) }));
      const points = series.flatMap((s) => s.points ?? []);
      ctx.years = yearsOf(points.map((p) => p.date));
      ctx.positive = points.every((p) => p.value > 0);
    } else if (el.files === 'milestones') {
      ctx.categories = (json.categories ?? []).map((c) => ({ value: c.id, label: pickText(c.label, state.lang) }));
      ctx.years = yearsOf((json.milestones ?? []).flatMap((m) => [m.date?.start, m.date?.end ?? m.date?.start]));
    } else if (el.files === 'networks') {
      const net = (json.networks ?? []).find((n) => n.id === state.pick) ?? json.networks?.[0];
      ctx.hub = !!net?.hub;
      ctx.count = net?.nodes?.length ?? 0;
    } else if (el.files === 'key-figures') {
      const figures = json.figures ?? [];
      ctx.tags = [...new Set(figures.flatMap((f) => f.groups ?? []))];
      ctx.count = Array.isArray(state.pick) && state.pick.length ? state.pick.length : figures.length;
    }
    return ctx;
  }

  let readCache = { key: '', value: undefined };
  /** The pasted table as read for the current element (memoised on its inputs). */
  function pasted() {
    const el = element();
    if (!el.paste || !state.paste.text.trim()) return undefined;
    const key = JSON.stringify([el.paste, state.paste, state.opts.title, state.lang, areas.length]);
    if (readCache.key === key) return readCache.value;
    const { rows, sep } = parseDelimited(state.paste.text);
    const value = rows.length
      ? {
          ...readPasted(rows, el.paste, {
            lang: state.lang,
            title: state.opts.title,
            caption: state.paste.caption,
            source: state.paste.source.trim(),
            stichtag: state.paste.stichtag.trim(),
            areaName,
            areaCount: (names) => names.filter((n) => areaName(n)).length,
          }),
          sep,
        }
      : undefined;
    readCache = { key, value };
    return value;
  }

  /* ---------------- configuration → snippets ---------------- */

  /** Whether the element reads a pasted <table> child itself (bars and map always; the others once they learn it). */
  const tableSupport = new Map();
  function supportsTable(tag) {
    const el = ELEMENTS.find((e) => e.tag === tag);
    if (el.paste === 'table') return Promise.resolve(true);
    if (!tableSupport.has(tag)) tableSupport.set(tag, probeTable(tag));
    return tableSupport.get(tag);
  }
  /** Draws a tiny table of the element's kind out of sight: supported when no error is shown. */
  async function probeTable(tag) {
    const sample = { 'trend-chart': [['Jahr', 'A'], ['2010', '1'], ['2011', '2']], 'milestone-timeline': [['Datum', 'Titel'], ['2010', 'A']], 'network-graph': [['Von', 'Nach'], ['A', 'B']] }[tag];
    if (!sample || !customElements.get(tag)) return false;
    const box = h('div', { class: 'bk-probe', 'aria-hidden': 'true', inert: true });
    box.innerHTML = `<${tag} source="Probe" stichtag="2010">${tableHtml(sample[0], sample.slice(1), '', '')}</${tag}>`;
    document.body.append(box);
    const probe = box.firstElementChild;
    const drawn = await settle(probe, 3000);
    const ok = drawn && !probe.shadowRoot.querySelector('.message.error, [part="message"][role="alert"]');
    box.remove();
    return ok;
  }

  /** Everything the snippets need, from the state. */
  async function config() {
    const el = element();
    const ctx = await dataContext();
    const attrs = [];
    for (const id of el.options) {
      const o = OPTIONS[id];
      if (o.when && !o.when(ctx, state)) continue;
      const v = state.opts[id];
      if (v === undefined || v === '' || v === false || (Array.isArray(v) && !v.length)) continue;
      if (o.type === 'bool') attrs.push([o.attr, o.value ?? true]);
      else if (o.type === 'multi') attrs.push([o.attr, v.join(o.join)]);
      else attrs.push([o.attr, String(v)]);
    }
    const lang = state.opts.lang || state.lang;
    const cfg = { tag: el.tag, attrs, lang, inline: {}, title: state.opts.title || '' };
    if (state.from === 'paste') {
      const read = pasted();
      if (!read) return { ...cfg, title: cfg.title || t().untitled, empty: true };
      const table = { header: read.header ?? [], body: read.body, caption: state.paste.caption };
      // The table is always the content without JavaScript; it is the data too where the element reads tables,
      // else the data is JSON made from it (a script child wins over the table).
      cfg.inline.table = table;
      if (await supportsTable(el.tag)) {
        // A table's source and date are the element's attributes.
        if (state.paste.source.trim()) attrs.push(['source', state.paste.source.trim()]);
        if (state.paste.stichtag.trim()) attrs.push(['stichtag', state.paste.stichtag.trim()]);
      } else cfg.inline.json = read.data;
      cfg.title ||= state.paste.caption || read.data?.title || t().untitled;
      if (cfg.title === t().untitled && read.header?.length === 2) cfg.title = read.header[1];
      return cfg;
    }
    const json = state.file ? await loadJson(state.file).catch(() => undefined) : undefined;
    if (!json) return { ...cfg, empty: true };
    cfg.file = state.file;
    const strip = (o) => {
      const { $schema, $comment, ...rest } = o;
      return rest;
    };
    if (el.files === 'indicators') {
      const item = pickList(json).find((p) => p.value === state.pick)?.item ?? pickList(json)[0].item;
      cfg.pick = ['indicator', item.id];
      // Inline: only the chosen indicator (it carries its own source), no choice needed.
      cfg.inline.json = strip(item);
      cfg.title ||= pickText(item.title, lang);
    } else if (el.files === 'timeseries') {
      const chosen = Array.isArray(state.pick) && state.pick.length && state.pick.length < (json.series ?? []).length ? state.pick : undefined;
      if (chosen) cfg.pick = ['series', chosen.join(' ')];
      cfg.inlinePick = cfg.pick;
      cfg.inline.json = strip(json);
      cfg.title ||= pickText(json.title, lang);
      const wanted = state.opts.annotations;
      if (Array.isArray(wanted) && wanted.length && attrs.some(([n]) => n === 'annotations')) {
        const ms = await loadJson(DATA_FILES.milestones[0]);
        const picked = ms.milestones.filter((m) => wanted.includes(m.id));
        const used = new Set(picked.flatMap((m) => m.sources ?? []));
        cfg.milestonesFile = DATA_FILES.milestones[0];
        // Inline: only the milestones drawn, with their sources.
        cfg.inline.for = { milestones: { ...strip(ms), sources: ms.sources.filter((s) => used.has(s.id)), milestones: picked } };
      }
    } else if (el.files === 'networks') {
      const net = (json.networks ?? []).find((n) => n.id === state.pick) ?? json.networks[0];
      cfg.pick = ['network', net.id];
      cfg.inlinePick = cfg.pick;
      // Inline: the file with only the chosen network (kinds and sources as in the file).
      cfg.inline.json = { ...strip(json), networks: [net] };
      cfg.title ||= pickText(net.title, lang);
    } else if (el.files === 'key-figures') {
      const chosen = Array.isArray(state.pick) && state.pick.length ? state.pick : undefined;
      if (chosen) cfg.pick = ['figure', chosen.join(' ')];
      cfg.inlinePick = cfg.pick;
      cfg.inline.json = strip(json);
      cfg.title ||= pickText(json.title, lang);
      // A trend line is a second file, named relative to the key-figures file: inline it too (a page has no such neighbour).
      const spark = (json.figures ?? []).find((f) => (!chosen || chosen.includes(f.id)) && f.series?.src)?.series.src;
      const series = spark && (await loadJson(spark).catch(() => undefined));
      if (series) cfg.inline.for = { sparkline: strip(series) };
    } else {
      cfg.inline.json = strip(json);
      cfg.title ||= pickText(json.title, lang);
    }
    return cfg;
  }

  const hostBase = () => {
    try {
      const u = new URL(state.host.trim());
      if (!/^https?:$/.test(u.protocol)) throw new Error();
      return u.href.endsWith('/') ? u.href : `${u.href}/`;
    } catch {
      return packageBase;
    }
  };

  /* ---------------- rendering ---------------- */

  /** Replace a section's content, keeping the focus on the control with the same id. */
  function replaceIn(container, ...kids) {
    const active = document.activeElement;
    const focusId = active && container.contains(active) ? active.id : '';
    container.replaceChildren(...kids.flat());
    if (focusId) document.getElementById(focusId)?.focus();
  }

  const hintId = (id) => `${id}-hint`;
  const field = (id, label, hint, control) =>
    h('div', { class: 'bk-field' }, h('label', { for: id }, label), control, hint ? h('p', { class: 'bk-hint', id: hintId(id) }, hint) : null);

  function renderStatic() {
    document.documentElement.lang = state.lang;
    document.title = t().pageTitle;
    for (const node of document.querySelectorAll('[data-t]')) node.textContent = t()[node.dataset.t];
    const sw = $('bk-lang');
    sw.textContent = t().langSwitch;
    sw.lang = t().langSwitchLang;
  }

  function renderElementStep() {
    const offered = ELEMENTS.filter((e) => !e.optional || customElements.get(e.tag));
    replaceIn(
      $('bk-step-element'),
      h('legend', {}, t().stepElement),
      h(
        'div',
        { class: 'bk-choices' },
        offered.map((e) => {
          const id = `bk-el-${e.tag}`;
          const [name, about] = t().elements[e.tag] ?? [e.tag, ''];
          return h(
            'div',
            { class: 'bk-choice' },
            h('input', { type: 'radio', name: 'bk-element', id, value: e.tag, checked: e.tag === state.tag, 'aria-describedby': hintId(id), onchange: () => chooseElement(e.tag) }),
            h('label', { for: id }, h('span', { class: 'bk-choice-name' }, name), ' ', h('code', {}, `<${e.tag}>`)),
            h('p', { class: 'bk-hint', id: hintId(id) }, about),
          );
        }),
      ),
    );
  }

  let dataGen = 0;
  const renderDataStep = tracked(drawDataStep);
  async function drawDataStep() {
    const mine = ++dataGen;
    const el = element();
    const box = $('bk-step-data');
    // The focus is put back on the same control after the last redraw (the loading line replaces it for a moment).
    const focusId = box.contains(document.activeElement) ? document.activeElement.id : '';
    const done = (kids) => {
      replaceIn(box, kids);
      if (focusId && document.activeElement === document.body) document.getElementById(focusId)?.focus();
    };
    const kids = [h('legend', {}, t().stepData)];
    if (el.paste) {
      kids.push(
        h(
          'fieldset',
          { class: 'bk-choices bk-inline' },
          h('legend', {}, t().dataFrom),
          ['file', 'paste'].map((from) =>
            h(
              'div',
              { class: 'bk-choice' },
              h('input', { type: 'radio', name: 'bk-from', id: `bk-from-${from}`, value: from, checked: state.from === from, onchange: () => chooseFrom(from) }),
              h('label', { for: `bk-from-${from}` }, from === 'file' ? t().dataFromFile : t().dataFromPaste),
            ),
          ),
        ),
      );
    }
    if (state.from === 'paste' && el.paste) {
      done([...kids, ...renderPaste(el)]);
      renderUnderstood();
      return;
    }
    const loading = filesOf(el.files);
    // Shown only when the files take a while (the first time): a cached list is drawn at once.
    const first = await Promise.race([loading, sleep(150).then(() => undefined)]);
    if (mine !== dataGen) return;
    if (!first) replaceIn(box, [...kids, h('p', { class: 'bk-hint', role: 'status' }, t().loadingFile)]);
    const files = await loading;
    if (mine !== dataGen) return;
    if (!files.length) {
      kids.push(h('p', { class: 'bk-problem', role: 'alert' }, t().fileFailed(`data/${(DATA_FILES[el.files] ?? [])[0]}`)));
      if (el.paste) kids.push(h('p', {}, t().noFiles));
      done(kids);
      return;
    }
    if (!files.some((f) => f.path === state.file)) state.file = files[0].path;
    kids.push(
      field(
        'bk-file',
        t().dataFile,
        t().dataFileHint,
        h(
          'select',
          { id: 'bk-file', 'aria-describedby': hintId('bk-file'), onchange: (e) => chooseFile(e.target.value) },
          files.map((f) => h('option', { value: f.path, selected: f.path === state.file }, `${pickText(f.json.title, state.lang) || f.path} (data/${f.path})`)),
        ),
      ),
    );
    const file = files.find((f) => f.path === state.file);
    const list = pickList(file.json);
    if (el.pick && list.length) {
      if (el.pick.multi) {
        const chosen = Array.isArray(state.pick) ? state.pick : [];
        kids.push(multiBox('bk-pick', t()[el.pick.label], el.pick.hint ? t()[el.pick.hint] : '', list, chosen, (values) => choosePick(values)));
      } else {
        if (!list.some((p) => p.value === state.pick)) state.pick = list[0].value;
        kids.push(
          field(
            'bk-pick',
            t()[el.pick.label],
            '',
            h('select', { id: 'bk-pick', onchange: (e) => choosePick(e.target.value) }, list.map((p) => h('option', { value: p.value, selected: p.value === state.pick }, p.label))),
          ),
        );
      }
    }
    done(kids);
  }

  /** A group of checkboxes in a fieldset (a long list scrolls inside). */
  function multiBox(id, legend, hint, list, chosen, onChange) {
    const read = (fs) => Array.from(fs.querySelectorAll('input:checked')).map((i) => i.value);
    const fs = h(
      'fieldset',
      { class: `bk-multi${list.length > 8 ? ' bk-long' : ''}`, id, 'aria-describedby': hint ? hintId(id) : undefined },
      h('legend', {}, legend),
      hint ? h('p', { class: 'bk-hint', id: hintId(id) }, hint) : null,
      h(
        'div',
        { class: 'bk-multi-list' },
        list.map((p, i) =>
          h(
            'div',
            { class: 'bk-check' },
            h('input', { type: 'checkbox', id: `${id}-${i}`, value: p.value, checked: chosen.includes(p.value), onchange: () => onChange(read(fs)) }),
            h('label', { for: `${id}-${i}` }, p.label),
          ),
        ),
      ),
    );
    return fs;
  }

  function renderPaste(el) {
    const kids = [];
    const textarea = h('textarea', {
      id: 'bk-paste',
      rows: 8,
      spellcheck: 'false',
      'aria-describedby': hintId('bk-paste'),
      value: state.paste.text,
      oninput: (e) => {
        state.paste.text = e.target.value;
        state.paste.caption = '';
        pasteChanged();
      },
      onpaste: (e) => {
        // A table copied from a spreadsheet or web page: take its cells (parsed inert, nothing of it is inserted).
        const html = e.clipboardData?.getData('text/html');
        if (!html || !/<table/i.test(html)) return;
        const table = new DOMParser().parseFromString(html, 'text/html').querySelector('table');
        if (!table) return;
        const grid = tableGrid(table);
        if (!grid.rows.length) return;
        e.preventDefault();
        e.target.value = state.paste.text = toDelimited(grid.rows);
        state.paste.caption = grid.caption;
        pasteChanged();
      },
    });
    kids.push(field('bk-paste', t().pasteLabel, t().pasteHint[el.paste], textarea));
    kids.push(
      field(
        'bk-source',
        t().pasteSource,
        t().pasteSourceHint,
        h('input', {
          id: 'bk-source',
          type: 'text',
          value: state.paste.source,
          'aria-describedby': `${hintId('bk-source')} bk-source-problem`,
          'aria-invalid': state.paste.text.trim() && !state.paste.source.trim() ? 'true' : undefined,
          oninput: (e) => {
            state.paste.source = e.target.value;
            sourceProblem();
            pasteChanged(false);
          },
        }),
      ),
      h('p', { class: 'bk-problem', id: 'bk-source-problem' }),
    );
    if (el.paste === 'table' || el.paste === 'network') {
      kids.push(
        field(
          'bk-stichtag',
          t().pasteStichtag,
          t().pasteStichtagHint,
          h('input', {
            id: 'bk-stichtag',
            type: 'text',
            inputmode: 'numeric',
            value: state.paste.stichtag,
            'aria-describedby': `${hintId('bk-stichtag')} bk-stichtag-problem`,
            oninput: (e) => {
              state.paste.stichtag = e.target.value;
              sourceProblem();
              pasteChanged(false);
            },
          }),
        ),
        h('p', { class: 'bk-problem', id: 'bk-stichtag-problem' }),
      );
    }
    kids.push(h('div', { id: 'bk-understood', class: 'bk-understood' }));
    queueMicrotask(sourceProblem);
    return kids;
  }

  /** The builder's own words on the paste fields: a source is needed (every figure has one), networks need a date. */
  function sourceProblem() {
    const el = element();
    const sourceBox = $('bk-source-problem');
    if (!sourceBox) return;
    const has = !!state.paste.text.trim();
    const noSource = has && !state.paste.source.trim();
    sourceBox.textContent = noSource ? `${t().noSource}${el.paste === 'table' ? '' : ` ${t().noSourceFatal}`}` : '';
    $('bk-source').setAttribute('aria-invalid', noSource ? 'true' : 'false');
    const dateBox = $('bk-stichtag-problem');
    if (dateBox) {
      const s = state.paste.stichtag.trim();
      const bad = s && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s);
      dateBox.textContent = bad ? t().badStichtag(s) : has && el.paste === 'network' && !s ? t().noStichtag : '';
      $('bk-stichtag').setAttribute('aria-invalid', dateBox.textContent ? 'true' : 'false');
    }
  }

  function renderUnderstood() {
    const box = $('bk-understood');
    if (!box) return;
    const read = pasted();
    if (!read) {
      box.replaceChildren(h('p', { class: 'bk-hint' }, t().noTable));
      return;
    }
    const shown = read.cells.slice(0, 8);
    const cols = read.roles.length;
    box.replaceChildren(
      h('h3', { id: 'bk-understood-h' }, t().understood),
      h('p', {}, t().understoodSummary(read.body.length, read.width, t().sepNames[read.sep], read.mark ? t().markNames[read.mark] : '')),
      h(
        'div',
        { class: 'bk-table-wrap', role: 'group', 'aria-labelledby': 'bk-understood-h', tabindex: '0' },
        h(
          'table',
          { class: 'bk-table' },
          h(
            'thead',
            {},
            h('tr', { class: 'bk-roles' }, Array.from({ length: cols }, (_, i) => h('th', { scope: 'col' }, read.roles[i] ?? ''))),
            read.hadHeader ? h('tr', {}, Array.from({ length: cols }, (_, i) => h('th', { scope: 'col', class: 'bk-head' }, read.header[i] ?? ''))) : null,
          ),
          h(
            'tbody',
            {},
            shown.map((r) =>
              h(
                'tr',
                {},
                r.map((c) => h('td', { class: c.bad ? 'bk-bad' : undefined }, c.text, c.note ? h('span', { class: 'bk-note' }, ` (${c.note})`) : null)),
              ),
            ),
          ),
        ),
      ),
      ...(read.cells.length > shown.length ? [h('p', { class: 'bk-hint' }, t().moreRows(read.cells.length - shown.length))] : []),
    );
  }

  let optionsGen = 0;
  const renderOptionsStep = tracked(drawOptionsStep);
  async function drawOptionsStep() {
    const mine = ++optionsGen;
    const el = element();
    const ctx = await dataContext();
    if (mine !== optionsGen) return;
    const kids = [h('legend', {}, t().stepOptions)];
    for (const id of el.options) {
      const o = OPTIONS[id];
      if (o.when && !o.when(ctx, state)) continue;
      const [label, hint] = t().options[id] ?? [id, ''];
      const cid = `bk-opt-${id}`;
      const v = state.opts[id];
      if (o.type === 'multi') {
        const list = o.choices(ctx, t(), state);
        const chosen = Array.isArray(v) ? v.filter((x) => list.some((c) => c.value === x)) : [];
        kids.push(multiBox(cid, label, hint, list, chosen, (values) => setOption(id, values, true)));
      } else if (o.type === 'bool') {
        kids.push(
          h(
            'div',
            { class: 'bk-field bk-check' },
            h('input', { type: 'checkbox', id: cid, checked: v === true, 'aria-describedby': hintId(cid), onchange: (e) => setOption(id, e.target.checked, id === 'steps') }),
            h('label', { for: cid }, label),
            h('p', { class: 'bk-hint', id: hintId(cid) }, hint),
          ),
        );
      } else if (o.type === 'select') {
        const list = o.choices(ctx, t(), state);
        kids.push(
          field(
            cid,
            label,
            hint,
            h(
              'select',
              { id: cid, 'aria-describedby': hintId(cid), onchange: (e) => setOption(id, e.target.value, id === 'highlight' || id === 'lang') },
              h('option', { value: '' }, o.page ? t().samePage : t().defaultOption),
              list.map((c) => h('option', { value: c.value, selected: c.value === v }, c.label)),
            ),
          ),
        );
      } else {
        const max = typeof o.max === 'function' ? o.max(ctx) : undefined;
        kids.push(
          field(
            cid,
            label,
            hint,
            h('input', {
              id: cid,
              type: o.type === 'number' ? 'number' : 'text',
              min: o.min,
              max,
              value: v ?? '',
              'aria-describedby': hintId(cid),
              oninput: (e) => setOption(id, e.target.value, false, true),
            }),
          ),
        );
      }
    }
    if (element() === el) replaceIn($('bk-step-options'), kids);
  }

  function renderPreviewControls() {
    const box = $('bk-widths');
    replaceIn(
      box,
      h('legend', {}, t().width),
      h(
        'div',
        { class: 'bk-choices bk-inline' },
        ['phone', 'article', 'slide'].map((w) =>
          h(
            'div',
            { class: 'bk-choice' },
            h('input', { type: 'radio', name: 'bk-width', id: `bk-width-${w}`, value: w, checked: state.width === w, onchange: () => chooseWidth(w) }),
            h('label', { for: `bk-width-${w}` }, t().widths[w]),
          ),
        ),
      ),
    );
    $('bk-stage').setAttribute('aria-label', t().previewLabel);
    $('bk-slide-tip').textContent = state.width === 'slide' ? t().slideTip : '';
  }

  function renderCodeStep() {
    const box = $('bk-step-code');
    const block = (key, name, title, hint) =>
      h(
        'div',
        { class: 'bk-code', id: `bk-code-${key}` },
        h('h3', {}, title),
        h('p', { class: 'bk-hint', id: `bk-code-${key}-hint` }, hint),
        h('label', { for: `bk-code-${key}-text` }, t().codeLabel(name)),
        h('textarea', { id: `bk-code-${key}-text`, readonly: true, rows: 8, spellcheck: 'false', 'aria-describedby': `bk-code-${key}-hint` }),
        h('p', { class: 'bk-code-note', id: `bk-code-${key}-note` }),
        h('button', { type: 'button', class: 'bk-copy', id: `bk-copy-${key}`, 'aria-label': t().copyLabel(name), onclick: () => copy(key) }, t().copy),
      );
    replaceIn(
      box,
      h('h2', { id: 'bk-code-h' }, t().stepCode),
      field(
        'bk-host',
        t().host,
        t().hostHint,
        h('input', {
          id: 'bk-host',
          type: 'url',
          value: state.host,
          'aria-describedby': `${hintId('bk-host')} bk-host-problem`,
          oninput: (e) => {
            state.host = e.target.value;
            hostProblem();
            schedule(false);
          },
        }),
      ),
      h('p', { class: 'bk-problem', id: 'bk-host-problem' }),
      h('div', { class: 'bk-codes' }, block('inline', 'A', t().codeInline, t().codeInlineHint), block('src', 'B', t().codeSrc, t().codeSrcHint), block('iframe', 'C', t().codeIframe, t().codeIframeHint)),
    );
    hostProblem();
  }

  function hostProblem() {
    let ok;
    try {
      ok = /^https?:$/.test(new URL(state.host.trim()).protocol);
    } catch {
      ok = false;
    }
    $('bk-host-problem').textContent = ok ? '' : t().badHost;
    $('bk-host').setAttribute('aria-invalid', String(!ok));
  }

  async function copy(key) {
    const area = $(`bk-code-${key}-text`);
    if (area.disabled || !area.value) return;
    try {
      await navigator.clipboard.writeText(area.value);
      announce(t().copied);
      flash(key, t().copied);
    } catch {
      // No clipboard access (older browser, no permission): select the code for Ctrl+C.
      area.focus();
      area.select();
      let ok = false;
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      announce(ok ? t().copied : t().copyManual);
      flash(key, ok ? t().copied : t().copyManual);
    }
  }

  function flash(key, message) {
    const note = $(`bk-code-${key}-note`);
    note.textContent = message;
    setTimeout(() => {
      if (note.textContent === message) note.textContent = '';
    }, 4000);
  }

  /* ---------------- preview and snippets ---------------- */

  let generation = 0;
  let timer = 0;
  /** Redraw preview and snippets, soon (typing) or at once. */
  function schedule(soon = true) {
    clearTimeout(timer);
    busy.timer = true;
    timer = setTimeout(() => {
      busy.timer = false;
      busy.update++;
      void update().finally(() => busy.update--);
    }, soon ? 300 : 0);
  }

  async function update() {
    const mine = ++generation;
    const cfg = await config();
    if (mine !== generation) return;
    const base = hostBase();
    const out = cfg.empty ? undefined : snippets(cfg, base);
    const fill = (key, text, fallbackNote) => {
      const area = $(`bk-code-${key}-text`);
      const button = $(`bk-copy-${key}`);
      if (!area) return;
      area.value = text ?? '';
      area.disabled = !text;
      button.disabled = !text;
      const note = $(`bk-code-${key}-note`);
      note.textContent = text ? '' : fallbackNote;
      note.classList.toggle('bk-unavailable', !text);
    };
    fill('inline', out?.inline, '');
    fill('src', out?.src, state.from === 'paste' ? t().codeSrcPaste : '');
    fill('iframe', out?.iframe, state.from === 'paste' ? t().codeIframePaste : '');
    await renderPreview(out, mine, cfg);
  }

  async function renderPreview(out, mine, cfg) {
    const inner = $('bk-stage-inner');
    const check = $('bk-check-list');
    if (!out) {
      inner.replaceChildren();
      check.replaceChildren(h('li', {}, state.from === 'paste' ? t().noTable : t().checkWaiting));
      return;
    }
    // The preview is made from the copied snippet itself (parsed, without its <script src>): what is seen is what is pasted.
    const template = document.createElement('template');
    template.innerHTML = out.element;
    const el = template.content.firstElementChild;
    inner.replaceChildren(el);
    check.replaceChildren(h('li', {}, t().checkWaiting));
    const drawn = await settle(el, 8000);
    if (mine !== generation) return;
    if (!drawn) {
      check.replaceChildren(h('li', { class: 'bk-error' }, customElements.get(cfg.tag) ? t().checkWaiting : t().checkNoWidget));
      announce(customElements.get(cfg.tag) ? '' : t().checkNoWidget);
      return;
    }
    const messages = widgetMessages(el);
    check.replaceChildren(
      ...(messages.length
        ? messages.map((m) => h('li', { class: m.kind === 'error' ? 'bk-error' : 'bk-warning' }, h('strong', {}, `${m.kind === 'error' ? t().checkError : t().checkWarning}: `), m.text))
        : [h('li', { class: 'bk-ok' }, t().checkOk)]),
    );
    // Said when what the widget says has changed, not after every keystroke of a title.
    const said = JSON.stringify(messages);
    if (said !== lastSaid) announce(t().previewDone(messages.length));
    lastSaid = said;
  }
  let lastSaid = '';

  function fitSlide() {
    const stage = $('bk-stage');
    const scale = state.width === 'slide' ? Math.min(1, stage.parentElement.clientWidth / 1280) : 1;
    // CSSOM, not a style attribute: allowed under style-src 'self'.
    stage.style.setProperty('--bk-scale', String(scale));
  }

  /* ---------------- actions ---------------- */

  async function chooseElement(tag) {
    state.tag = tag;
    state.opts = {};
    state.pick = undefined;
    state.file = undefined;
    if (!element().paste) state.from = 'file';
    readCache = { key: '' };
    await renderDataStep();
    await renderOptionsStep();
    schedule(false);
  }

  async function chooseFrom(from) {
    state.from = from;
    clearDataOptions();
    await renderDataStep();
    await renderOptionsStep();
    schedule(false);
  }

  async function chooseFile(path) {
    state.file = path;
    state.pick = undefined;
    clearDataOptions();
    await renderDataStep();
    await renderOptionsStep();
    schedule(false);
  }

  async function choosePick(value) {
    state.pick = value;
    clearDataOptions();
    await renderOptionsStep();
    schedule(false);
  }

  function clearDataOptions() {
    for (const id of Object.keys(state.opts)) if (OPTIONS[id]?.data) delete state.opts[id];
  }

  let pasteTimer = 0;
  function pasteChanged(announceTable = true) {
    clearTimeout(pasteTimer);
    busy.paste = true;
    pasteTimer = setTimeout(async () => {
      busy.paste = false;
      sourceProblem();
      renderUnderstood();
      const read = pasted();
      if (announceTable && read) announce(t().tableAnnounce(read.body.length, read.width));
      clearDataOptions();
      await renderOptionsStep();
      schedule(false);
    }, 250);
  }

  async function setOption(id, value, rerender = false, soon = false) {
    state.opts[id] = value;
    if (rerender) await renderOptionsStep();
    schedule(soon);
  }

  function chooseWidth(w) {
    state.width = w;
    $('bk-stage').className = `bk-stage bk-${w}`;
    $('bk-slide-tip').textContent = w === 'slide' ? t().slideTip : '';
    fitSlide();
  }

  async function switchLang() {
    state.lang = state.lang === 'de' ? 'en' : 'de';
    // The address says the language, so that a reload or a shared link keeps it.
    const url = new URL(location.href);
    if (state.lang === 'en') url.searchParams.set('lang', 'en');
    else url.searchParams.delete('lang');
    try {
      history.replaceState(null, '', url);
    } catch {
      // A page without an address of its own (about:srcdoc) keeps the language until it is left.
    }
    readCache = { key: '' };
    renderAll();
  }

  async function renderAll() {
    // An element asked for in the address (?el=…) that this page does not define: the first one instead.
    if (element().optional && !customElements.get(state.tag)) state.tag = ELEMENTS[0].tag;
    renderStatic();
    renderElementStep();
    renderPreviewControls();
    renderCodeStep();
    await renderDataStep();
    await renderOptionsStep();
    $('bk-stage').className = `bk-stage bk-${state.width}`;
    fitSlide();
    schedule(false);
  }

  $('bk-lang').addEventListener('click', switchLang);
  new ResizeObserver(fitSlide).observe($('bk-stage').parentElement);
  // The widgets' file is loaded before this module (both deferred, in order); a sixth element defined later is offered then.
  const defined = Promise.race([customElements.whenDefined('indicator-bar'), sleep(3000)]);
  root.classList.add('bk-ready');
  let rendered = false;
  void Promise.all([defined, loadAreas])
    .then(renderAll)
    .then(() => (rendered = true));
  // For tests and curious editors: the state, the current snippets, and a promise for "all drawn".
  root.baukasten = {
    state,
    snippets: () => config().then((cfg) => (cfg.empty ? undefined : snippets(cfg, hostBase()))),
    idle: async () => {
      // Idle twice in a row: a redraw may schedule the next one (a pasted table, then the options).
      for (let calm = 0; calm < 2; ) {
        await sleep(60);
        calm = busy.render || busy.timer || busy.update || busy.paste || !rendered ? 0 : calm + 1;
      }
    },
  };
}

/** Wait until a widget shows its chart or a message (not loading); false after `timeout` ms. */
export async function settle(el, timeout = 6000) {
  const end = performance.now() + timeout;
  const defined = await Promise.race([customElements.whenDefined(el.localName).then(() => true), sleep(timeout).then(() => false)]);
  if (!defined) return false;
  while (performance.now() < end) {
    await el.updateComplete;
    const root = el.shadowRoot;
    if (root && !root.querySelector('.loading') && root.querySelector('[part="message"], [part="chart"]')) return true;
    await sleep(40);
  }
  return false;
}

/** The widget's own messages (errors and warnings in its `part="message"` boxes), as it shows them. */
export function widgetMessages(el) {
  const clean = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  return Array.from(el.shadowRoot?.querySelectorAll('[part="message"]') ?? []).flatMap((box) => {
    const kind = box.classList.contains('error') || box.getAttribute('role') === 'alert' ? 'error' : 'warning';
    const items = Array.from(box.querySelectorAll('li')).map((li) => clean(li.textContent));
    return items.length ? items.map((text) => ({ kind, text })) : [{ kind, text: clean(box.textContent) }];
  });
}

if (typeof document !== 'undefined') {
  const root = document.getElementById('baukasten');
  if (root) start(root);
}
