/**
 * sozialraum-widgets: every element of the library. The single-file build (dist/sozialraum-widgets.js)
 * is this module as one classic script; bundler users can import elements one by one instead.
 */
export { IndicatorBar } from './indicator-bar/indicator-bar.js';
export { SozialraumMap } from './sozialraum-map/sozialraum-map.js';
export { TrendChart } from './trend-chart/trend-chart.js';
export { MilestoneTimeline } from './milestone-timeline/milestone-timeline.js';
export { NetworkGraph } from './network-graph/network-graph.js';
