/**
 * The one chart palette, for the build-time SVG charts and their Chart.js
 * upgrade alike. Every colour is at least 3:1 against white; series are also
 * told apart by marker shape, dash, direct labels or the table.
 */
export const CHART_COLOURS = {
  series: '#1d4f91',
  target: '#b4121b',
  neighbours: '#8a4b00',
  england: '#484949',
  grid: '#b1b4b6',
  text: '#0b0c0c',
  axis: '#484949',
} as const;

/** National quartile bars, top quartile first, then "no benchmark". */
export const BAR_COLOURS = ['#00703c', '#1d4f91', '#8a4b00', '#b4121b', '#6f777b'] as const;
