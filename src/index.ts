/**
 * sozialraum-widgets: every element of the library. The single-file build (dist/sozialraum-widgets.js)
 * is this module as one classic script; bundler users can import elements one by one instead.
 */
// The order only decides where shared code lands in the single file; this one compresses best (measured
// over about 30 orders of all five, and again over all 24 orders of the four without the graph: a few
// hundred bytes gzip between best and worst). Elements do not depend on it. The graph's words come first,
// so that they sit next to the shared words (core/i18n.ts) and compress with them (about 280 B).
import './network-graph/messages.js';
import './key-figure/messages.js';
export { SozialraumMap } from './sozialraum-map/sozialraum-map.js';
export { IndicatorBar } from './indicator-bar/indicator-bar.js';
export { TrendChart } from './trend-chart/trend-chart.js';
// After the trend chart, whose series model it reuses for its trend lines: about 180 B gzip less than last.
export { KeyFigure } from './key-figure/key-figure.js';
export { MilestoneTimeline } from './milestone-timeline/milestone-timeline.js';
export { NetworkGraph } from './network-graph/network-graph.js';
