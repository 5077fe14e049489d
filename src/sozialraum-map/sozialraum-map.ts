import { LitElement, css, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { matchArea, stadtbezirkName } from '../core/areas.js';
import { mapAttributeProblems } from '../core/attributes.js';
import { DataController, UrlController } from '../core/data-controller.js';
import { define } from '../core/define.js';
import { formatDate } from '../core/format.js';
import { msg } from '../core/i18n.js';
import { barTable, modelFromState, rankText, valueText, type BarModel, type BarRow } from '../core/indicator-model.js';
import { ItemFocusController } from '../core/item-focus-controller.js';
import { LinkController } from '../core/link-controller.js';
import { Key, Memo } from '../core/memo.js';
import { PresenterController, presenterProperties } from '../core/presenter-controller.js';
import { DataProblems, problem, warning, type Problem } from '../core/problems.js';
import { ResizeController } from '../core/resize-controller.js';
import { darkMode, frameStyles } from '../core/styles.js';
import { fontOf, textWidth } from '../core/text-measure.js';
import { legendItem, renderTooltip, WidgetController } from '../core/widget-controller.js';
import { classify, luminance, textColourOn, type Classification } from './classes.js';
import { parseGeometry, type MapFeature, type MapGeometry } from './geometry.js';
import { hexGeometry } from './hex-topology.js';
import { fit, planarPath, project, type Plane } from './planar-path.js';
import { callouts, fitLabel, numberShortForms, ringsOf, type Ring, type TileLabel } from './tile-labels.js';
import tiles from './tiles-data.js';

interface Shape {
  feature: MapFeature;
  index: number;
  d: string;
  cx: number;
  cy: number;
  row?: BarRow;
  fill: string;
  cls: number;
  label?: TileLabel & { color: string };
  ariaLabel: string;
}

interface MapLayout {
  width: number;
  height: number;
  shapes: Shape[];
  mesh?: string;
  outline?: string;
  lineHeight: number;
  /** "1 Eving-West/Lindenhorst, 2 …": the areas that carry a number instead of their name. */
  key?: string;
}

let defaultGeometry: MapGeometry | undefined;

/**
 * `<sozialraum-map>`: choropleth of the 39 Sozialräume. By default a schematic tile map (one equal
 * hexagon per Sozialraum, in compass order, so the small inner-city areas are as visible as the large
 * outer ones); with `geo` the city's real boundaries. Same data files as `<indicator-bar>`.
 *
 * @fires sozialraum-select - Enter or a click selected an area (detail: { id, name, group })
 * @fires widget-rendered - after the map was drawn for new data or a new size
 * @csspart tooltip - the details of the area under the pointer or the focus
 * @cssprop --srw-map-stroke - edges of the areas (#8c8c8c / dark #8a8a8a, 3:1 against the background)
 * @cssprop --srw-map-outline - Stadtbezirk borders and the city's outline (#4a4a4a / dark #cfcfcf)
 */
export class SozialraumMap extends LitElement {
  static override properties = {
    src: { type: String },
    data: { attribute: false },
    indicator: { type: String },
    geo: { type: String },
    geoIdProperty: { type: String, attribute: 'geo-id-property' },
    breaks: { type: String },
    classes: { type: Number },
    classify: { type: String },
    palette: { type: String },
    showAktionsraeume: { type: String, attribute: 'show-aktionsraeume' },
    highlight: { type: String },
    focusBezirk: { type: String, attribute: 'focus' },
    chartTitle: { type: String, attribute: 'title' },
    langAttr: { type: String, attribute: 'lang' },
    sourceText: { type: String, attribute: 'source' },
    stichtag: { type: String },
    ...presenterProperties,
    activeIndex: { state: true },
  };

  static override styles = [
    frameStyles,
    css`
      /* Tile edges at 3:1 against the background, so even the lightest class has a visible shape. */
      :host {
        --srw-map-stroke: #8c8c8c;
        --srw-map-outline: #4a4a4a;
      }
      ${darkMode(css`
        --srw-map-stroke: #8a8a8a;
        --srw-map-outline: #cfcfcf;
      `)}
      .chart svg.map {
        margin: 0 auto;
        /* With focus= the rest of the city lies outside the view: cut it off instead of drawing over the page. */
        overflow: hidden;
      }
      .area {
        stroke: var(--srw-map-stroke);
        stroke-width: 1;
        outline: none;
        cursor: pointer;
      }
      .area.hovered {
        stroke: var(--srw-text);
        stroke-width: 2;
      }
      .outline {
        fill: none;
        stroke: var(--srw-map-outline);
        stroke-width: 1.5;
      }
      .mesh {
        fill: none;
        stroke: var(--srw-map-outline);
        stroke-width: 2.5;
        stroke-linejoin: round;
      }
      .aktionsraum {
        fill: none;
        stroke: var(--srw-text);
        stroke-width: 3;
        stroke-dasharray: 6 3;
        pointer-events: none;
      }
      .highlight {
        fill: none;
        stroke: var(--srw-highlight);
        stroke-width: 3;
        pointer-events: none;
      }
      .selected-frame {
        fill: none;
        stroke: var(--srw-highlight);
        stroke-width: 4;
        pointer-events: none;
      }
      .focus-ring {
        stroke-dasharray: 4 2;
        pointer-events: none;
      }
      /* Under the focus ring a halo in the background colour: the ring stays visible on the darkest tiles. */
      .focus-halo {
        fill: none;
        stroke: var(--srw-background);
        stroke-width: 7;
        pointer-events: none;
      }
      /* The lightest classes are close to white: their swatches get an outline (≥ 3:1). */
      .legend .swatch rect:not(.aktionsraum) {
        stroke: var(--srw-muted);
        stroke-width: 1;
      }
      /* From an area too small for its number to the number outside the city. */
      .leader {
        stroke: var(--srw-text);
        stroke-width: 1;
        pointer-events: none;
      }
      /* Fitted into a box, the map comes first: notes are cut after two lines like the description (screen readers get all). */
      .fit .notes {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 2;
        overflow: hidden;
      }
      .hatch-bg {
        fill: var(--srw-background);
      }
      .hatch-line {
        stroke: var(--srw-missing);
        stroke-width: 1.5;
      }
      .tile-label {
        font-size: 0.65em;
        pointer-events: none;
      }
      /* Black or white on the tile's class colour, whichever reads better (textColourOn): classes, not style attributes. */
      .chart svg .tile-label.on-dark {
        fill: #ffffff;
      }
      .chart svg .tile-label.on-light {
        fill: #000000;
      }
      /* On a slide names are only written where they fit in type readable from the back of the room. */
      .big .tile-label {
        font-size: 0.8em;
      }
      .big .area {
        stroke-width: 1.5;
      }
      /* Steps by class: the classes still to come are blank areas (outlined), their names not yet written. */
      .chart .area.later {
        visibility: visible;
        fill: var(--srw-background);
      }
      /* Steps through the highlighted areas: the area of this step. */
      .tour-frame {
        fill: none;
        stroke: var(--srw-text);
        stroke-width: 5;
        pointer-events: none;
      }
      .legend-title {
        font-size: 0.875em;
        margin: 0 0 0.25em;
      }
      @media (forced-colors: active) {
        .area {
          forced-color-adjust: none;
        }
      }
    `,
  ];

  declare src?: string;
  declare data?: unknown;
  declare indicator?: string;
  declare geo?: string;
  declare geoIdProperty?: string;
  declare breaks?: string;
  declare classes?: number;
  declare classify?: string;
  declare palette?: string;
  declare showAktionsraeume?: string | null;
  declare highlight?: string;
  declare focusBezirk?: string;
  declare chartTitle?: string;
  declare langAttr?: string;
  declare sourceText?: string;
  declare stichtag?: string;
  declare mode?: string;
  declare current?: number;
  /** Steps: `class` (the classes one by one, darkest first) or `highlight` (a tour of the highlighted areas; the default with `highlight`). */
  declare stepBy?: string;
  declare fit?: boolean;
  declare presentation?: boolean;
  declare activeIndex: number;

  readonly #loader = new DataController(this);
  readonly #geoLoader = new UrlController(this, 'geo');
  readonly #frame = new WidgetController(this);
  readonly #size = new ResizeController(this);
  readonly #link = new LinkController(this);
  readonly #itemFocus = new ItemFocusController(this, 'path.area', (index) => {
    this.activeIndex = index;
    if (this.#layout) this.#announce(this.#layout.shapes[index]);
  });

  #model?: BarModel;
  #geometry?: MapGeometry;
  #classification?: Classification;
  #problems: Problem[] = [];
  readonly #modelKey = new Key();
  readonly #layoutMemo = new Memo<MapLayout>();
  get #layout(): MapLayout | undefined {
    return this.#layoutMemo.value;
  }
  #announcement = '';
  readonly #presenter = new PresenterController(this, () => this.#frame, {
    says: (n) => this.#stepSays(n),
    onStep: (n) => {
      // The tour's area becomes the keyboard's place on the map, so Enter selects it.
      const i = this.#steps?.tour?.[n - 1];
      if (i !== undefined) this.activeIndex = i;
    },
  });
  /** Steps: the shapes of the tour (highlighted areas by rank), or the class each step reveals (darkest first). */
  #steps?: { tour?: number[]; classes?: number[] };
  readonly #stepsKey = new Key();
  /** The step's tour area, or the classes shown so far (undefined: all). */
  #tourIndex?: number;
  #shownClasses?: Set<number>;

  constructor() {
    super();
    this.activeIndex = -1;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('data')) this.#loader.sync();
    if (changed.has('geo')) this.#geoLoader.sync();
    const { lang, locale } = this.#frame;
    const key = [
      this.#loader.state,
      this.#geoLoader.state,
      this.focusBezirk,
      this.indicator,
      this.geoIdProperty,
      this.breaks,
      this.classes,
      this.classify,
      this.palette,
      this.showAktionsraeume,
      this.stepBy,
      this.highlight,
      this.chartTitle,
      this.sourceText,
      this.stichtag,
      lang,
      locale,
    ];
    if (this.#modelKey.changed(key)) {
      this.#build();
    }
    if (this.#model && this.#geometry && this.#classification && this.#size.width > 0) {
      const { size, font } = fontOf(this);
      const fitHeight = this.#presenter.fitting ? this.#presenter.fitHeight : undefined;
      // Names on a slide are larger (see .tile-label), so fewer fit.
      const labelEm = this.#presenter.big ? 0.8 : 0.65;
      const lkey = [this.#model, this.#geometry, this.#classification, this.#size.width, size, this.focusBezirk, this.showAktionsraeume, fitHeight, labelEm, this.#presenter.fitting];
      // Numbers for the names that do not fit, with their key under the map — not in large type nor fitted into a
      // box (a slide): there the key would take the map's room (in a box, all of it: the map shrank to nothing and
      // its type with it), and the areas are named where they fit, the rest by the tooltip and the table.
      const numbers = !this.#presenter.big && !this.#presenter.fitting;
      if (this.#layoutMemo.update(lkey, () => this.#computeLayout(this.#size.width, font, size, labelEm, numbers, fitHeight))) {
        if (this.activeIndex < 0 || this.activeIndex >= this.#layout!.shapes.length) this.activeIndex = this.#byRank()[0] ?? 0;
      }
    } else this.#layoutMemo.clear();
    this.#updateSteps();
  }

  /** Steps: a tour of the highlighted areas (rank order), or the classes one by one from the darkest. */
  #updateSteps(): void {
    const layout = this.#layout;
    const c = this.#classification;
    if (!this.#presenter.stepMode || !layout || !c) {
      this.#steps = this.#tourIndex = this.#shownClasses = undefined;
      this.#stepsKey.clear();
      this.#presenter.steps(0);
      return;
    }
    const by = (this.stepBy ?? '').trim().toLowerCase();
    if (this.#stepsKey.changed([layout, c, by])) {
      const tour = layout.shapes
        .filter((s) => s.row?.highlighted)
        .sort((a, b) => (a.row!.rank ?? Infinity) - (b.row!.rank ?? Infinity))
        .map((s) => s.index);
      this.#steps =
        tour.length && by !== 'class'
          ? { tour }
          : // Darkest first: the areas the map stresses (rank 1, the highest values) come first.
            { classes: c.classes.map((k, i) => ({ i, l: luminance(k.color) ?? 0 })).sort((a, b) => a.l - b.l).map((k) => k.i) };
    }
    const { tour, classes } = this.#steps!;
    const n = this.#presenter.steps(tour?.length ?? classes!.length);
    this.#tourIndex = tour?.[n - 1];
    this.#shownClasses = classes ? new Set(classes.slice(0, n)) : undefined;
  }

  /** What a step shows, in words: the tour's area, or the class and its areas. */
  #stepSays(n: number): string {
    const layout = this.#layout;
    const steps = this.#steps;
    if (!layout || !steps) return '';
    if (steps.tour) return layout.shapes[steps.tour[n - 1]]?.ariaLabel ?? '';
    const cls = steps.classes![n - 1];
    return `${this.#classification!.classes[cls].label}: ${layout.shapes.filter((s) => s.cls === cls).map((s) => s.feature.name).join(', ')}`;
  }

  #build(): void {
    const { lang, locale } = this.#frame;
    const state = this.#loader.state;
    const geoState = this.#geoLoader.state;
    this.#model = undefined;
    this.#geometry = undefined;
    this.#classification = undefined;
    this.#problems = [];
    if (state.status === 'loading' || geoState?.status === 'loading') return;
    const built = modelFromState(state, {
      indicator: this.indicator,
      sort: 'desc',
      highlight: this.highlight,
      lang,
      locale,
      title: this.chartTitle,
      source: this.sourceText,
      stichtag: this.stichtag,
    });
    if (!built.model) {
      this.#problems = built.problems;
      return;
    }
    if (built.model.level === 'category') {
      this.#problems = [problem('p_mapNeedsAreas')];
      return;
    }
    this.#model = built.model;
    const problems = [...built.problems];
    try {
      if (geoState?.status === 'error') throw new DataProblems(geoState.problems);
      if (geoState?.status === 'ready' && geoState.origin !== 'table')
        this.#geometry = parseGeometry(geoState.raw, this.geoIdProperty, this.#model.level === 'stadtbezirk' ? 'stadtbezirk' : 'sozialraum');
      else this.#geometry = defaultGeometry ??= hexGeometry(tiles());
      problems.push(...this.#geometry.warnings);
    } catch (e) {
      this.#model = undefined;
      this.#problems = e instanceof DataProblems ? e.problems : [problem('p_geoFormat')];
      return;
    }
    if (this.focusBezirk && matchArea(this.focusBezirk, 'stadtbezirk')?.level !== 'stadtbezirk') problems.push(warning('p_unknownFocus', this.focusBezirk));
    const ids = new Set(this.#geometry.features.map((f) => f.id));
    const shapeless = this.#model.rows.filter((r) => r.area && !ids.has(r.key)).map((r) => `„${r.name}“`);
    if (shapeless.length) problems.push(warning('p_dataNoShape', shapeless.join(', ')));
    this.#classification = classify(this.#model, { classes: this.classes, method: this.classify, breaks: this.breaks, palette: this.palette, lang, locale });
    // Attribute values that cannot apply are named (the default applies); classes as the editor typed it.
    problems.push(
      ...mapAttributeProblems({ breaks: this.breaks, classes: this.getAttribute('classes') ?? this.classes, classify: this.classify, palette: this.palette, showAktionsraeume: this.showAktionsraeume, stepBy: this.stepBy }),
    );
    this.#problems = problems;
  }

  /** Feature indices in rank order (Home/End, Page Up/Down). */
  #byRank(): number[] {
    const shapes = this.#layout?.shapes ?? [];
    return shapes
      .filter((s) => s.row?.rank !== undefined)
      .sort((a, b) => a.row!.rank! - b.row!.rank!)
      .map((s) => s.index);
  }

  /** `numbers`: areas whose names do not fit get a number, listed under the map (not on a slide: see willUpdate). */
  #computeLayout(width: number, font: string, fontSize: number, labelEm: number, numbers: boolean, fitHeight?: number): MapLayout {
    const geometry = this.#geometry!;
    const model = this.#model!;
    const classification = this.#classification!;
    const { lang, locale } = this.#frame;
    const focusId = this.focusBezirk ? matchArea(this.focusBezirk, 'stadtbezirk')?.id : undefined;
    const focused = focusId ? geometry.features.filter((f) => f.stadtbezirk === focusId) : [];
    const target = focused.length ? focused : geometry.features;
    // Fitting to the box of the areas' boxes gives the same fit as fitting every point, at no cost.
    const xs = target.flatMap((f) => [f.bbox[0], f.bbox[2]]);
    const ys = target.flatMap((f) => [f.bbox[1], f.bbox[3]]);
    const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    // Plane coordinates (the tile map as it is; lon/lat already in Mercator, see geometry.ts) fitted to
    // the element's width; y flipped unless the plane's y already points down.
    const flip = !geometry.yDown;
    // Room for the selection and focus outlines of areas at the edge.
    const margin = 4;
    const span = (plane: Plane) => {
      const [a, b] = [project(plane, box[0], box[1])[1], project(plane, box[2], box[3])[1]];
      return [Math.min(a, b), Math.max(a, b)];
    };
    let plane = fit(box, flip, width - 2 * margin);
    let [y0, y1] = span(plane);
    // Not taller than the screen allows for a map (a 1920 px slide stays a slide), or than its box when fitted:
    // never more than the box (0 too, a box squeezed empty) — a taller drawing is shrunk by the box's flex
    // layout, and with it every name below the size it was measured at.
    const cap = fitHeight !== undefined ? Math.max(1, fitHeight - 2 * margin) : Math.max(240, fontSize * 40);
    if (y1 - y0 > cap) {
      plane = fit(box, flip, width - 2 * margin, cap);
      [y0, y1] = span(plane);
    }
    // With focus the focused areas' top is the map's top; the rest of the city lies above it.
    plane.x += margin;
    plane.y = plane.y + margin - (focused.length ? y0 : 0);
    let height = Math.ceil((focused.length ? y1 - y0 : y1) + 2 * margin);
    const path = (g: GeoJSON.Geometry | undefined) => (g ? planarPath(plane, g) : '');

    const rows = new Map(model.rows.map((r) => [r.key, r]));
    const labelSize = fontSize * labelEm;
    const line = labelSize * 1.23;
    const smallFont = font.replace(/[\d.]+px/, `${labelSize}px`);
    // The names' colour on each class (black or white), worked out once per class instead of once per area.
    const inkOn = classification.classes.map((k) => textColourOn(k.color));
    const shapes: Array<Shape & { rings: Ring[]; box: [number, number, number, number] }> = geometry.features.map((feature, index) => {
      const row = rows.get(feature.id);
      const cls = row ? classification.classOf(row) : -1;
      const color = cls >= 0 ? classification.classes[cls].color : undefined;
      const d = path(feature.geometry);
      // The middle of the bounding box places labels and tells directions for the arrow keys; it
      // needs no pass over the points, unlike the area centroid.
      const [ax, ay] = project(plane, feature.bbox[0], feature.bbox[1]);
      const [bx, by] = project(plane, feature.bbox[2], feature.bbox[3]);
      const [bx0, bx1, by0, by1] = [Math.min(ax, bx), Math.max(ax, bx), Math.min(ay, by), Math.max(ay, by)];
      const [cx, cy] = [(bx0 + bx1) / 2, (by0 + by1) / 2];
      // The name where it fits inside the area's outline; else a number, listed under the map (below).
      const rings = ringsOf(feature.geometry, (x, y) => project(plane, x, y));
      const fits = (text: string) => fitLabel(text, rings, [bx0, by0, bx1, by1], !geometry.schematic, smallFont, labelSize, line);
      const found = fits(feature.name);
      const label = found && { ...found, color: cls >= 0 ? inkOn[cls] : 'currentColor' };
      return { feature, index, d, cx, cy, row, cls, fill: color ?? 'url(#missing)', label, ariaLabel: this.#describe(feature, row, model, lang, locale), rings, box: [bx0, by0, bx1, by1] };
    });
    // The numbers inside their areas first; areas too small for theirs get it outside the city, with a
    // line to them that crosses no label (see callouts); one that finds no place there has none, and the
    // numbers close up. Not on a slide nor in a box (see willUpdate): there the list would take the map's room.
    const short = numberShortForms(
      shapes.filter((s) => !s.label && numbers),
      Math.max(1, ...shapes.map((s) => (s.box[3] - s.box[1]) * 0.5)),
    );
    short.forEach((s, i) => {
      const found = fitLabel(String(i + 1), s.rings, s.box, !geometry.schematic, smallFont, labelSize, line, 1);
      if (found) s.label = { ...found, short: true, color: s.cls >= 0 ? inkOn[s.cls] : 'currentColor' };
    });
    // (Below the map a band of six lines for them, drawn only as far as it is used.)
    const outside = short.some((s) => !s.label) && callouts(shapes.map((o) => o.rings), width, height + line * 6, shapes.flatMap((o) => (o.label ? [o.label.box] : [])));
    short.forEach((s, i) => {
      const placed = !s.label && outside && outside(s.cx, s.cy, textWidth(String(i + 1), smallFont) + 4, labelSize * 1.24 + 2);
      if (!placed) return;
      s.label = { lines: [], x: placed.x, y: placed.y, box: placed.box, leader: placed.leader, short: true, color: 'currentColor' };
      height = Math.max(height, Math.ceil(placed.box.y1 + margin));
    });
    const numbered = short.filter((s) => s.label);
    numbered.forEach((s, i) => (s.label!.lines = [String(i + 1)]));
    return {
      width,
      height,
      shapes,
      // A zero-width space after each slash lets a long name ("Kirchhörde/Löttringhausen/…") break on a phone.
      key: numbered.map((s, i) => `${i + 1} ${s.feature.name.replace(/\//g, '/\u200b')}`).join(' · ') || undefined,
      mesh: path(geometry.stadtbezirkMesh) || undefined,
      // The tile map's outer line would also ring the empty cells inside it, which then look like areas.
      outline: (!geometry.schematic && path(geometry.outline)) || undefined,
      lineHeight: line,
    };
  }

  /** "Nordmarkt, Innenstadt-Nord: 39,9 % (Rang 1 von 3)". */
  #describe(feature: MapFeature, row: BarRow | undefined, model: BarModel, lang: 'de' | 'en', locale: string): string {
    const bezirk = stadtbezirkName(feature.area);
    const name = bezirk ? `${feature.name}, ${bezirk}` : feature.name;
    if (!row) return `${name}: ${msg(lang, 'noValue')}`;
    const rank = rankText(model, row, lang, locale);
    if (model.mode === 'rank') return `${name}: ${rank || msg(lang, 'noValue')}`;
    const v = row.values[model.series.length - 1];
    return `${name}: ${valueText(model, v, lang, locale)}${rank && v.value !== null ? ` (${rank})` : ''}`;
  }

  override render(): TemplateResult {
    const model = this.#model;
    const layout = this.#layout;
    const classification = this.#classification;
    const geometry = this.#geometry;
    const { lang, locale } = this.#frame;
    const loading = this.#loader.state.status === 'loading' || this.#geoLoader.state?.status === 'loading';
    const notes = geometry?.schematic ? [msg(lang, 'schematic')] : [];
    // The names of the numbered areas: also in the SVG and PNG downloads, which copy the notes.
    if (layout?.key) notes.push(msg(lang, 'mapKey', layout.key));
    if (model) notes.push(...model.notes.filter((n) => !n.startsWith(msg(lang, 'showingTop', '', '').slice(0, 8))));
    return this.#frame.render({
      about: model,
      problems: this.#problems,
      loading,
      legend: model && classification ? this.#renderLegend(model, classification) : nothing,
      chart: model && (layout ? this.#renderMap(model, layout) : nothing),
      hint: msg(lang, 'mapHint'),
      announcement: this.#announcement,
      notes,
      source: model?.source,
      table: model ? () => barTable(model, lang, locale) : undefined,
      svg: 'svg.map',
      presenter: this.#presenter,
    });
  }

  #renderLegend(model: BarModel, c: Classification): TemplateResult {
    const { lang } = this.#frame;
    const missing = model.rows.some((r) => c.classOf(r) < 0) || (this.#geometry?.features.some((f) => !model.rows.some((r) => r.key === f.id)) ?? false);
    const year = this.showAktionsraeume === '2008' ? '2008' : '2021';
    const order = model.mode === 'rank' && model.rankOrder ? `. ${msg(lang, 'rank')} 1: ${model.rankOrder.first}.` : '';
    return html`<div part="legend">
      <p class="legend-title">${c.title}${order}</p>
      <ul class="legend">
        ${c.classes.map((k) => legendItem(svg`<rect width="100%" height="100%" fill=${k.color}></rect>`, k.label))}
        ${missing ? legendItem(svg`<rect fill="url(#missing)" width="100%" height="100%"></rect>`, msg(lang, 'noValue')) : nothing}
        ${this.showAktionsraeume !== null && this.showAktionsraeume !== undefined
          ? legendItem(svg`<rect class="aktionsraum" width="100%" height="100%"></rect>`, msg(lang, 'aktionsraum', year))
          : nothing}
        ${this.#layout?.mesh ? legendItem(svg`<line class="mesh" x2="100%" y1="50%" y2="50%"></line>`, msg(lang, 'stadtbezirkBorder')) : nothing}
      </ul>
    </div>`;
  }

  #renderMap(model: BarModel, layout: MapLayout): TemplateResult {
    const { lang } = this.#frame;
    const year = this.showAktionsraeume === '2008' ? '2008' : '2021';
    const showAR = this.showAktionsraeume !== null && this.showAktionsraeume !== undefined;
    const selected = layout.shapes.find((s) => s.feature.id === this.#link.selected);
    const { focusIndex, focusVisible, hoverIndex } = this.#itemFocus;
    const focused = focusIndex !== undefined && focusVisible ? layout.shapes[focusIndex] : undefined;
    // The tour's area shows its details without hover: nothing on a slide is hover-only.
    const tooltip = this.#itemFocus.tooltipIndex ?? this.#tourIndex;
    // Only the areas with a name or number shown: Lit keeps two comment markers in the DOM for every item of a list, drawn or not.
    const labelled = layout.shapes.filter((s) => s.label && !this.#later(s));
    return html`<svg
        class="map"
        width=${layout.width}
        height=${layout.height}
        viewBox="0 0 ${layout.width} ${layout.height}"
        role="group"
        tabindex="-1"
        aria-label=${`${this.chartTitle || model.title}. ${msg(lang, 'mapChart')}`}
        @keydown=${this.#onKeyDown}
        @focusin=${this.#itemFocus.onFocusIn}
        @focusout=${this.#itemFocus.onFocusOut}
        @pointerover=${this.#itemFocus.onPointerOver}
        @pointerleave=${this.#itemFocus.onPointerLeave}
        @click=${this.#onClick}
      >
        <defs>
          <pattern id="missing" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect class="hatch-bg" width="6" height="6"></rect><line class="hatch-line" x1="0" y1="0" x2="0" y2="6"></line>
          </pattern>
        </defs>
        <g role="listbox" aria-label=${this.chartTitle || model.title} aria-describedby="${this.#frame.id}-hint">
          ${layout.shapes.map(
            (s) => svg`<path class="area ${hoverIndex === s.index ? 'hovered' : ''} ${this.#later(s) ? 'later' : ''}" role="option" d=${s.d} fill=${s.fill}
              data-index=${s.index} data-id=${s.feature.id} tabindex=${s.index === this.activeIndex ? 0 : -1}
              aria-label=${s.ariaLabel} aria-selected=${s.feature.id === this.#link.selected ? 'true' : 'false'}></path>`,
          )}
        </g>
        <g aria-hidden="true">
          ${layout.mesh ? svg`<path class="mesh" d=${layout.mesh}></path>` : nothing}
          ${layout.outline ? svg`<path class="outline" d=${layout.outline}></path>` : nothing}
          ${showAR
            ? layout.shapes
                .filter((s) => (year === '2008' ? s.feature.area?.aktionsraum2008 : s.feature.area?.aktionsraum2021))
                .map((s) => svg`<path class="aktionsraum" d=${s.d}></path>`)
            : nothing}
          ${layout.shapes.filter((s) => s.row?.highlighted).map((s) => svg`<path class="highlight" d=${s.d}></path>`)}
          ${labelled
            .filter((s) => s.label!.leader)
            .map((s) => svg`<path class="leader" d="M${s.label!.leader!.slice(0, 2).join(',')}L${s.label!.leader!.slice(2).join(',')}"></path>`)}
          ${labelled.map(
            (s) =>
              svg`<text class="tile-label ${s.label!.color === '#ffffff' ? 'on-dark' : s.label!.color === '#000000' ? 'on-light' : ''}" x=${s.label!.x} y=${s.label!.y} text-anchor="middle" dominant-baseline="central"
                  >${s.label!.lines[0]}${s.label!.lines.slice(1).map((l) => svg`<tspan x=${s.label!.x} dy=${layout.lineHeight}>${l}</tspan>`)}</text>`,
          )}
          ${selected ? svg`<path class="selected-frame" d=${selected.d}></path>` : nothing}
          ${this.#tourIndex !== undefined ? svg`<path class="tour-frame" d=${layout.shapes[this.#tourIndex].d}></path>` : nothing}
          ${focused ? svg`<path class="focus-halo" d=${focused.d}></path><path class="focus-ring" d=${focused.d}></path>` : nothing}
        </g>
      </svg>
      ${tooltip !== undefined && layout.shapes[tooltip] ? this.#renderTooltip(model, layout, layout.shapes[tooltip], hoverIndex === undefined) : nothing}`;
  }

  /**
   * Next to the tile under the pointer; for the keyboard (and a tour's step) in the top corner away from
   * the tile: beside the tile it covered about six neighbours — the very targets of the arrow keys.
   */
  #renderTooltip(model: BarModel, layout: MapLayout, s: Shape, aside: boolean): TemplateResult {
    const { lang, locale } = this.#frame;
    const bezirk = stadtbezirkName(s.feature.area);
    const row = s.row;
    const stand = model.source.stichtage.map((d) => formatDate(d, locale)).join(', ');
    const source = model.source.sources[0];
    const place = aside ? { top: 0, x: s.cx < layout.width / 2 ? layout.width : 0, width: layout.width, gap: 0 } : { top: Math.max(0, s.cy - 10), x: s.cx, width: layout.width, gap: 16 };
    return renderTooltip(place, s.feature.name, [
      bezirk && `${msg(lang, 'stadtbezirk')} ${bezirk}`,
      model.mode === 'value' && (row ? valueText(model, row.values[model.series.length - 1], lang, locale) : msg(lang, 'noValue')),
      row?.rank !== undefined && rankText(model, row, lang, locale),
      stand && `${msg(lang, 'stand')}: ${stand}`,
      source && `${msg(lang, 'source')}: ${source.publisher ?? source.title}`,
    ]);
  }

  #onClick = (e: MouseEvent) => {
    const i = this.#itemFocus.itemOf(e);
    if (i === undefined) return;
    this.activeIndex = i;
    this.#toggle(i);
  };

  #toggle(i: number): void {
    const s = this.#layout?.shapes[i];
    if (!s) return;
    this.#link.toggle(s.feature.id, s.feature.name);
    this.#announce(s);
  }

  #announce(s: Shape): void {
    const { lang } = this.#frame;
    this.#announcement = `${s.ariaLabel}${s.feature.id === this.#link.selected ? ` (${msg(lang, 'selected')})` : ''}`;
    this.requestUpdate();
  }

  /** Not yet shown by the class steps ("keine Angabe" is no class: always shown, hatched). */
  #later(s: Shape): boolean {
    return !!this.#shownClasses && s.cls >= 0 && !this.#shownClasses.has(s.cls);
  }

  /** The neighbour whose centre lies most nearly in the direction of the arrow key. */
  #neighbourInDirection(i: number, dx: number, dy: number): number | undefined {
    const shapes = this.#layout!.shapes;
    const from = shapes[i];
    let best: number | undefined;
    let bestCos = 0.3;
    for (const n of this.#geometry!.neighbours[i] ?? []) {
      const vx = shapes[n].cx - from.cx;
      const vy = shapes[n].cy - from.cy;
      const len = Math.hypot(vx, vy) || 1;
      const cos = (vx * dx + vy * dy) / len;
      if (cos > bestCos) {
        bestCos = cos;
        best = n;
      }
    }
    return best;
  }

  #onKeyDown = (e: KeyboardEvent) => {
    const layout = this.#layout;
    if (!layout) return;
    // Steps: the arrows, Page and Home/End keys step (PresenterController); Enter and Escape stay the map's.
    if (this.#presenter.stepMode && !/^(Enter| |Escape)$/.test(e.key)) return;
    const current = this.activeIndex;
    const ranked = this.#byRank();
    const pos = ranked.indexOf(current);
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowRight':
        next = this.#neighbourInDirection(current, 1, 0);
        break;
      case 'ArrowLeft':
        next = this.#neighbourInDirection(current, -1, 0);
        break;
      case 'ArrowUp':
        next = this.#neighbourInDirection(current, 0, -1);
        break;
      case 'ArrowDown':
        next = this.#neighbourInDirection(current, 0, 1);
        break;
      case 'Home':
        next = ranked[0];
        break;
      case 'End':
        next = ranked[ranked.length - 1];
        break;
      case 'PageDown':
        next = ranked[pos < 0 ? 0 : Math.min(ranked.length - 1, pos + 1)];
        break;
      case 'PageUp':
        next = ranked[pos < 0 ? 0 : Math.max(0, pos - 1)];
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        this.#toggle(current);
        return;
      case 'Escape':
        this.#itemFocus.clearHover();
        // A selection is cleared first; without one, Escape gives the keys back to the page (PresenterController).
        if (this.#link.selected === null) return;
        e.preventDefault();
        this.#link.select(null, null);
        this.#announcement = '';
        this.requestUpdate();
        return;
      default:
        return;
    }
    e.preventDefault();
    if (next === undefined || next === current) return;
    this.activeIndex = next;
    this.#itemFocus.clearHover();
    void this.#itemFocus.focus(next);
  };

  override updated(): void {
    if (this.#layout) this.#frame.rendered(this.#layout, { areas: this.#layout.shapes.length });
  }
}

define('sozialraum-map', SozialraumMap);

declare global {
  interface HTMLElementTagNameMap {
    'sozialraum-map': SozialraumMap;
  }
}
