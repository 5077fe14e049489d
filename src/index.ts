/**
 * sozialraum-widgets: every element of the library. The single-file build (dist/sozialraum-widgets.js)
 * is this module as one classic script; bundler users can import elements one by one instead.
 */
// The order only decides where shared code lands in the single file; this one compresses best
// (66,145 against 66,460 B gzip for bar, map, …; measured over about 30 orders). Elements do not depend on it.
// The graph's words first, so that they sit next to the shared words (core/i18n.ts) and compress with
// them: 66,326 against 66,604 B gzip at the end with the graph.
import './network-graph/messages.js';
export { SozialraumMap } from './sozialraum-map/sozialraum-map.js';
export { IndicatorBar } from './indicator-bar/indicator-bar.js';
export { TrendChart } from './trend-chart/trend-chart.js';
export { MilestoneTimeline } from './milestone-timeline/milestone-timeline.js';
export { NetworkGraph } from './network-graph/network-graph.js';
