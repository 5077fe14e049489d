import { css, type CSSResult } from 'lit';

/** Dark palette: for a dark page, or theme="dark" (see theme.ts). */
const darkColours = css`
    --srw-background: #161616;
    --srw-text: #f2f2f2;
    --srw-muted: #b9b9b9;
    --srw-border: #8a8a8a;
    --srw-grid: #3d3d3d;
    --srw-bar: #7cb4ec;
    --srw-highlight: #ff8ea3;
    --srw-reference: #e6e6e6;
    --srw-focus: #8ab8ff;
    --srw-missing: #b9b9b9;
    --srw-series-1: #7cb4ec;
    --srw-series-2: #f0a35e;
    --srw-series-3: #b9a3ee;
    --srw-series-4: #7fcb95;
    --srw-error: #ffb3b3;
    --srw-error-background: #3a1616;
    --srw-warning-background: #3a3114;
    --srw-tooltip-background: #f2f2f2;
    --srw-tooltip-text: #161616;
`;

/**
 * Custom properties for dark mode: on a dark page or with theme="dark" — the host's data-srw-theme,
 * set by the WidgetController from the page (theme.ts). Never in print: paper is white.
 */
export const darkMode = (properties: CSSResult) => css`
  @media screen {
    :host([data-srw-theme~='dark']) {
      ${properties}
    }
  }
`;

/**
 * The look every widget shares. Colours and sizes are CSS custom properties (documented in the README),
 * so a page can restyle widgets without touching their insides; `::part`s expose the main pieces.
 * Defaults meet WCAG 2.1 AA: text ≥ 4.5:1 and graphics ≥ 3:1 against the widget background,
 * in light and dark mode; forced-colors mode maps everything to system colours.
 */
export const frameStyles = css`
  :host {
    --srw-background: #ffffff;
    --srw-text: #1a1a1a;
    --srw-muted: #575757;
    --srw-border: #8c8c8c;
    --srw-grid: #dcdcdc;
    --srw-bar: #1d5a94;
    --srw-highlight: #b0163c;
    --srw-reference: #2b2b2b;
    --srw-focus: #0b5fcf;
    --srw-missing: #575757;
    --srw-series-1: #1d5a94;
    --srw-series-2: #a5520a;
    --srw-series-3: #5b3d99;
    --srw-series-4: #2f7544;
    --srw-error: #a4000f;
    --srw-error-background: #fdeceb;
    --srw-warning-background: #fff5d6;
    --srw-tooltip-background: #1a1a1a;
    --srw-tooltip-text: #ffffff;
    --srw-radius: 4px;

    display: block;
    box-sizing: border-box;
    container-type: inline-size;
    font: inherit;
    font-family: var(--srw-font-family, inherit);
    font-size: var(--srw-font-size, inherit);
    line-height: 1.4;
    color: var(--srw-text);
    background: var(--srw-background);
    padding: var(--srw-padding, 0.75em 0);
    min-width: 0;
    max-width: 100%;
  }
  :host([hidden]) {
    display: none;
  }
  /*
   * Presentation type: large and fixed, whatever the deck or page sets (reveal.js sets 42 px), with
   * stronger greys for projectors. Full screen is the same, sized to the screen. Dark mode, below,
   * keeps its own greys.
   */
  :host([presentation]),
  :host(:fullscreen) {
    font-size: var(--srw-presentation-font-size, 30px);
    --srw-muted: #3d3d3d;
    --srw-grid: #b5b5b5;
  }
  :host(:fullscreen) {
    font-size: var(--srw-presentation-font-size, clamp(20px, 1.6vw, 48px));
    padding: 1em 1.5em;
  }
  /*
   * fit: the widget fills its container's height too. Its frame (.wrap, marked .fit) fills the host —
   * whatever display a page gives the element — and stacks its parts in a column; the chart, or a part
   * of it marked .fill, takes what title, legend and source leave.
   */
  :host([fit]),
  .fit {
    height: 100%;
  }
  /* Where even the smallest chart does not fit (a small screen in full screen), the widget scrolls: no control is ever cut off. */
  :host([fit]),
  :host(:fullscreen) {
    overflow: auto;
  }
  .fit,
  .fit :is(figure, .chart) {
    display: flex;
    flex-direction: column;
  }
  .fit :is(figure, .chart, .fill) {
    flex: 1 1 0%;
    min-height: 0;
  }
  /* The chart comes first: a long description is cut after two lines (screen readers get all of it). */
  .fit .description {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .fit .table-wrap:not([hidden]) {
    flex: 0 1 auto;
    min-height: 4em;
    max-height: 40%;
  }
  ${darkMode(darkColours)}
  @media (forced-colors: active) {
    :host {
      --srw-background: Canvas;
      --srw-text: CanvasText;
      --srw-muted: CanvasText;
      --srw-border: CanvasText;
      --srw-grid: GrayText;
      --srw-bar: CanvasText;
      --srw-highlight: Highlight;
      --srw-reference: CanvasText;
      --srw-focus: Highlight;
      --srw-missing: GrayText;
      --srw-series-1: CanvasText;
      --srw-series-2: LinkText;
      --srw-series-3: GrayText;
      --srw-series-4: VisitedText;
      --srw-error: CanvasText;
      --srw-error-background: Canvas;
      --srw-warning-background: Canvas;
      --srw-tooltip-background: Canvas;
      --srw-tooltip-text: CanvasText;
    }
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /*
   * The page's text settings stop here: a rule like \`* { line-height: 2 !important }\` reaches the host
   * element itself and would be inherited by everything inside. Font family and size do follow the page.
   */
  .wrap {
    position: relative;
    line-height: 1.4;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-align: left;
    text-shadow: none;
    white-space: normal;
    font-style: normal;
    font-weight: 400;
  }
  figure {
    margin: 0;
  }
  /* While the data loads, the widget keeps about the room its chart will take: the page does not jump when it is drawn. */
  .wrap[aria-busy='true'] {
    min-height: var(--srw-reserve, 24em);
  }
  .title {
    font-size: 1.15em;
    font-weight: 700;
    line-height: 1.25;
    margin: 0 0 0.25em;
  }
  .description {
    margin: 0 0 0.5em;
    color: var(--srw-muted);
  }
  .chart {
    position: relative;
    width: 100%;
  }
  .chart svg {
    display: block;
    overflow: visible;
    font: inherit;
  }
  .chart svg text {
    fill: var(--srw-text);
  }
  .chart svg .muted {
    fill: var(--srw-muted);
  }
  .message {
    border-left: 4px solid var(--srw-error);
    background: var(--srw-error-background);
    padding: 0.5em 0.75em;
    margin: 0.5em 0;
    border-radius: var(--srw-radius);
  }
  .message.warning {
    border-left-color: var(--srw-muted);
    background: var(--srw-warning-background);
  }
  .message strong {
    display: block;
  }
  .message ul {
    margin: 0.25em 0 0;
    padding-left: 1.25em;
  }
  .message summary {
    margin-top: 0.25em;
  }
  .loading {
    color: var(--srw-muted);
    padding: 1em 0;
  }
  .notes {
    margin: 0.5em 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
    color: var(--srw-muted);
  }
  .source {
    margin-top: 0.5em;
    font-size: 0.875em;
    color: var(--srw-muted);
  }
  .source a,
  .table-wrap a {
    color: inherit;
  }
  :is(.all-sources, .message) summary {
    cursor: pointer;
    width: max-content;
    max-width: 100%;
  }
  .all-sources ol {
    margin: 0.25em 0 0;
    padding-left: 1.5em;
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin: 0 0 0.5em;
  }
  /* A series' or a node kind's colour, as currentColor: classes, not style attributes (CSP style-src 'self'). */
  .series-1 {
    color: var(--srw-series-1);
  }
  .series-2 {
    color: var(--srw-series-2);
  }
  .series-3 {
    color: var(--srw-series-3);
  }
  .series-4 {
    color: var(--srw-series-4);
  }
  /* Steps: what is still to come keeps its place (axes do not move) but is not there yet. */
  .chart .later {
    visibility: hidden;
  }
  .step-count {
    font-weight: 700;
    min-width: 8em;
    text-align: center;
  }
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: default;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.5em;
    align-items: center;
  }
  button {
    font: inherit;
    font-size: 0.875em;
    color: var(--srw-text);
    background: var(--srw-background);
    border: 1px solid var(--srw-border);
    border-radius: var(--srw-radius);
    padding: 0.3em 0.7em;
    min-height: 2.2em;
    cursor: pointer;
  }
  button:hover {
    border-color: var(--srw-text);
  }
  /* The table's box scrolls sideways on a phone: it takes focus so keyboards can scroll it. */
  :is(button, a, summary, .table-wrap):focus-visible {
    outline: 3px solid var(--srw-focus);
    outline-offset: 2px;
  }
  .table-wrap {
    margin-top: 0.5em;
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    font-size: 0.875em;
    min-width: 50%;
  }
  caption {
    text-align: left;
    font-weight: 700;
    padding-bottom: 0.25em;
  }
  th,
  td {
    text-align: left;
    padding: 0.25em 0.75em 0.25em 0;
    border-bottom: 1px solid var(--srw-grid);
    vertical-align: top;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  tr.reference th,
  tr.reference td {
    font-style: italic;
  }
  tr.highlight th {
    font-weight: 700;
  }
  .tooltip {
    position: absolute;
    z-index: 2;
    pointer-events: none;
    max-width: min(22em, 90%);
    background: var(--srw-tooltip-background);
    color: var(--srw-tooltip-text);
    padding: 0.4em 0.6em;
    border-radius: var(--srw-radius);
    font-size: 0.875em;
    line-height: 1.3;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
    transition: opacity 0.12s;
  }
  .tooltip strong {
    display: block;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 0 0 0.5em;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
  }
  .legend .swatch {
    width: 0.9em;
    height: 0.9em;
    forced-color-adjust: none;
  }
  /* Symbols drawn in a legend entry, before its text. */
  .legend svg {
    vertical-align: -0.15em;
    margin-right: 0.35em;
    overflow: visible;
  }
  /* Keyboard focus on a chart's item (an SVG shape, so no outline): a ring in the focus colour. */
  .focus-ring {
    fill: none;
    stroke: var(--srw-focus);
    stroke-width: 3;
  }
  /* A halo in the background colour keeps SVG labels readable where they cross a line or a grid. */
  .halo {
    stroke: var(--srw-background);
    stroke-width: 3px;
    stroke-linejoin: round;
    paint-order: stroke;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
  /* A widget whose background stands out from the page's (see theme.ts) gets room inside its box. */
  :host([data-srw-theme~='boxed']) {
    padding: var(--srw-padding, 0.75em);
  }
  /*
   * Print: black on white whatever the screen theme (the dark palette is for screens only), readable
   * without background graphics; no controls (buttons, steps, zoom, filters); a widget kept on one page
   * with its title and source; charts no wider than the paper; a fitted widget at its natural height.
   */
  @media print {
    :host,
    :host([fit]),
    .fit {
      height: auto;
      break-inside: avoid;
    }
    .fit :is(figure, .chart, .fill) {
      flex: none;
    }
    :host([data-srw-theme~='boxed']) {
      padding: var(--srw-padding, 0.75em 0);
    }
    /* .wrap: stronger than an element's own rule for its toolbar (the network's .tools). */
    /* A message's details are for editors on screen: paper gets the reader's sentence. */
    .wrap :is(.actions, .steps, .tools, .filter, .tooltip, .message details) {
      display: none;
    }
    .legend button {
      border: 0;
      padding: 0;
      min-height: 0;
      background: none;
    }
    .chart svg {
      max-width: 100%;
      height: auto;
    }
    .title {
      break-after: avoid;
    }
    .all-sources ol {
      display: block;
    }
  }
`;
