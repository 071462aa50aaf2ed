/** Chart.js drawing for <kpi-chart>: only the pieces the two chart kinds use are registered. */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
  type CartesianScaleOptions,
  type FontSpec,
  type Scale,
  type Tick,
} from 'chart.js';
import { toFont } from 'chart.js/helpers';
import type { BarSpec, ChartSpec, LineSpec } from '../present/chart-spec';
import { formatFigure } from '../core/format';
import { BAR_COLOURS, CHART_COLOURS } from '../present/palette';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, BarController, BarElement, Tooltip, Legend);

const COLOURS = CHART_COLOURS;

/** Axis ticks, with the page's one formatter (a true minus sign), to the decimals the round tick needs (75%, not 75.00%). */
function format(value: number, spec: Pick<LineSpec, 'unit' | 'decimals'>): string {
  const tidy = Number(value.toFixed(6));
  return formatFigure({ value: tidy, decimals: (String(tidy).split('.')[1] ?? '').length }, spec);
}

/** A period label on two lines at its last space: "Q1" over "2024/25", "Summer Term" over "2023". */
function twoLines(label: string): string[] {
  const at = label.lastIndexOf(' ');
  return at > 0 ? [label.slice(0, at), label.slice(at + 1)] : [label];
}

/** The period axis: a linear x scale (its options carry the tick font). */
type TimeAxis = Scale<CartesianScaleOptions>;

/** The axis's tick font, as Chart.js draws it (resolved options: an object, as no font here is scriptable). */
const tickFont = (axis: TimeAxis) => toFont(axis.options.ticks.font as Partial<FontSpec>);

const lines = (label: Tick['label']): string[] => (Array.isArray(label) ? label.map(String) : label ? [String(label)] : []);

/** The widest line of a label, in the axis's tick font. */
function labelWidth(axis: TimeAxis, text: string[]): number {
  const { ctx } = axis;
  ctx.save();
  ctx.font = tickFont(axis).string;
  const width = Math.max(0, ...text.map((line) => ctx.measureText(line).width));
  ctx.restore();
  return width;
}

/**
 * Which period labels fit along `width` px of the x axis without touching, chosen as the build-time SVG chooses
 * them: the latest and the first always, then the others in order where there is room (points sit on a real time
 * axis, so neighbouring periods can be close together). Labels are centred on their points.
 */
function labelsThatFit(axis: TimeAxis, width: number): Set<Tick> {
  const { min, max } = axis;
  // Half an em either side, so neighbouring labels never read as one.
  const gap = tickFont(axis).size;
  const spans = axis.ticks
    .filter((tick) => lines(tick.label).length)
    .map((tick) => {
      const x = ((tick.value - min) / (max - min)) * width;
      const half = (labelWidth(axis, lines(tick.label)) + gap) / 2;
      return { tick, from: x - half, to: x + half };
    });
  const taken: typeof spans = [];
  for (const span of [spans.at(-1), spans[0], ...spans.slice(1, -1)]) {
    if (span && taken.every((other) => span.to <= other.from || span.from >= other.to)) taken.push(span);
  }
  return new Set(taken.map((span) => span.tick));
}

const measurable = (axis: TimeAxis) => axis.ticks.length > 1 && axis.max > axis.min && axis.width > 0;

/**
 * Before the axis is measured: when its period labels do not all fit on one line, as on a phone or at 400% zoom,
 * each goes on two ("Q1" over "2024/25"), so more of them fit.
 */
function choosePeriodLines(axis: TimeAxis): void {
  if (!measurable(axis)) return;
  const labelled = axis.ticks.filter((tick) => lines(tick.label).length);
  // Chart.js keeps the last label on the canvas by taking about half its width off the axis's length.
  const length = axis.width - labelWidth(axis, lines(labelled.at(-1)?.label)) / 2;
  if (labelsThatFit(axis, length).size < labelled.length) {
    axis.ticks = axis.ticks.map((tick) => ({ ...tick, label: lines(tick.label).flatMap(twoLines) }));
  }
}

/** Once the axis has its final length: a label with no room is left out (its point and grid line stay, and the table names every period). */
function dropCrowdedPeriodLabels(axis: TimeAxis): void {
  if (!measurable(axis)) return;
  const shown = labelsThatFit(axis, axis.width);
  for (const tick of axis.ticks) if (!shown.has(tick)) tick.label = '';
}

/**
 * Legend entries that fit across the chart: an entry wider than the chart (a long dashboard name on a phone) is
 * shortened at a word, with an ellipsis, rather than running off both sides of the canvas. The chart's title and
 * the page give the name in full.
 */
function fittingLegendLabels(chart: Chart) {
  const labels = Chart.defaults.plugins.legend.labels.generateLabels(chart);
  const options = chart.options.plugins?.legend?.labels ?? {};
  const font = toFont(options.font as Partial<FontSpec>);
  const boxWidth = options.boxWidth ?? font.size;
  const room = chart.width - boxWidth - font.size / 2 - 2 * (options.padding ?? 10);
  const { ctx } = chart;
  ctx.save();
  ctx.font = font.string;
  for (const label of labels) {
    const words = label.text.split(' ');
    while (words.length > 1 && ctx.measureText(label.text).width > room) {
      words.pop();
      label.text = `${words.join(' ').replace(/[\s,;:–-]+$/, '')}…`;
    }
  }
  ctx.restore();
  return labels;
}

function lineConfig(spec: LineSpec, font: Partial<FontSpec>): ChartConfiguration<'line'> {
  const xs = spec.points.map((p) => p.x);
  // One tick per distinct period position; two periods that share a position (the same midpoint) share a tick and
  // both their labels, one per line, so neither is lost.
  const tickXs = [...new Set(xs)];
  const tickLabels = tickXs.map((x) => {
    const here = spec.points.filter((p) => p.x === x).map((p) => p.label);
    return here.length === 1 ? here[0]! : here;
  });
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  // A little room either side so the first and last points are not cut by the frame. A single point has no span
  // to take a fraction of, so it gets 45 days either side (a quarter's width in all), not a fraction of a millisecond.
  const margin = maxX > minX ? (maxX - minX) * 0.04 : 45 * 24 * 60 * 60 * 1000;
  const [axisMin, axisMax] = [minX - margin, maxX + margin];
  // What each drawn point says in its tooltip, by dataset and data index: the period, and the figure exactly as
  // published. Looked up by what was hovered, never by value, as a target or average can equal a point in value
  // yet be published to other decimals, and two periods can share a position.
  const published: { title: string; text: string }[][] = [spec.points.map((p) => ({ title: p.label, text: p.text }))];
  const datasets: ChartConfiguration<'line'>['data']['datasets'] = [
    {
      label: spec.name,
      // A missing period is a gap (#23): a point with no value between the figures either side, so the line breaks there.
      data: spec.points.flatMap((p, i) => [...(spec.gaps?.includes(i) ? [{ x: (spec.points[i - 1]!.x + p.x) / 2, y: null as number | null }] : []), { x: p.x, y: p.y as number | null }]),
      borderColor: COLOURS.series,
      backgroundColor: COLOURS.series,
      pointStyle: 'circle',
      pointRadius: 5,
      borderWidth: 3,
    },
  ];
  if (spec.target) {
    const target = spec.target;
    // A target holds for the whole chart: drawn edge to edge of the axis (with one point, minX to maxX has no length).
    published.push([axisMin, axisMax].map(() => ({ title: '', text: target.text })));
    datasets.push({
      label: target.label,
      data: [
        { x: axisMin, y: target.y },
        { x: axisMax, y: target.y },
      ],
      borderColor: COLOURS.target,
      backgroundColor: COLOURS.target,
      borderDash: [8, 5],
      // The legend shows the target as the dashed line it is, not as a dot.
      pointStyle: 'line',
      pointRadius: 0,
      borderWidth: 2,
    });
  }
  for (const series of ['Statistical neighbours', 'England'] as const) {
    const refs = spec.references.filter((r) => r.series === series);
    if (!refs.length) continue;
    const colour = series === 'England' ? COLOURS.england : COLOURS.neighbours;
    // An average sits at the latest period (the last point there), so its tooltip is titled with that period.
    published.push(refs.map((r) => ({ title: spec.points.findLast((p) => p.x === r.x)?.label ?? r.label, text: r.text })));
    datasets.push({
      label: `${series} average`,
      data: refs.map((r) => ({ x: r.x, y: r.y })),
      showLine: false,
      pointStyle: series === 'England' ? 'rectRot' : 'triangle',
      pointRadius: 8,
      borderColor: colour,
      backgroundColor: colour,
    });
  }
  return {
    type: 'line',
    data: { datasets },
    options: {
      maintainAspectRatio: false,
      parsing: false,
      scales: {
        x: {
          type: 'linear',
          min: axisMin,
          max: axisMax,
          // Ticks only where there is a figure, labelled in the publication's words.
          afterBuildTicks: (axis) => {
            axis.ticks = tickXs.map((value) => ({ value }));
          },
          afterTickToLabelConversion: choosePeriodLines,
          afterFit: dropCrowdedPeriodLabels,
          ticks: { callback: (_value, index) => tickLabels[index] ?? '', font, color: COLOURS.text, maxRotation: 0, autoSkip: false },
          grid: { color: COLOURS.grid },
        },
        y: { ticks: { callback: (value) => format(Number(value), spec), font, color: COLOURS.text }, grid: { color: COLOURS.grid } },
      },
      plugins: {
        legend: { labels: { usePointStyle: true, font, color: COLOURS.text, generateLabels: fittingLegendLabels } },
        tooltip: {
          titleFont: font,
          bodyFont: font,
          callbacks: {
            title: (items) => (items[0] ? (published[items[0].datasetIndex]?.[items[0].dataIndex]?.title ?? '') : ''),
            label: (item) => `${item.dataset.label}: ${published[item.datasetIndex]?.[item.dataIndex]?.text ?? format(item.parsed.y ?? 0, spec)}`,
          },
        },
      },
    },
  };
}

/**
 * Each bar segment's count written on it, as the build-time SVG does, so the
 * quartiles are told apart by more than colour.
 */
const valuesOnBars = (font: Partial<FontSpec>): Plugin<'bar'> => ({
  id: 'valuesOnBars',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = toFont({ ...font, weight: 600 }).string;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = '#fff';
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) return;
      meta.data.forEach((bar, j) => {
        const value = Number(dataset.data[j] ?? 0);
        const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
        if (value > 0 && Math.abs(x - base) > ctx.measureText(String(value)).width + 6) ctx.fillText(String(value), (x + base) / 2, y);
      });
    });
    ctx.restore();
  },
});

function barConfig(spec: BarSpec, font: Partial<FontSpec> & { size: number }): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    plugins: [valuesOnBars(font)],
    data: {
      labels: spec.categories,
      datasets: spec.series.map((series, i) => ({ label: series.label, data: series.values, backgroundColor: BAR_COLOURS[i % BAR_COLOURS.length], borderColor: '#fff', borderWidth: 1 })),
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      scales: {
        x: { stacked: true, ticks: { precision: 0, font, color: COLOURS.text }, title: { display: true, text: spec.axisLabel, font, color: COLOURS.text } },
        // Every area named, however short the chart: a bar without its area's name says nothing.
        y: { stacked: true, ticks: { font, color: COLOURS.text, autoSkip: false } },
      },
      // Square swatches, a text's height, so the legend takes fewer rows from the bars on a phone.
      plugins: { legend: { labels: { font, color: COLOURS.text, boxWidth: font.size, generateLabels: fittingLegendLabels } }, tooltip: { titleFont: font, bodyFont: font } },
    },
  };
}

export function renderChart(canvas: HTMLCanvasElement, spec: ChartSpec) {
  // The chart's words at the chart box's font size (global.css), the page's small print, so they grow with the
  // reader's own text size and are never smaller than the text around them.
  // Given to each of this chart's texts, never set on Chart.defaults: each chart box may have its own size, and a
  // global would leak into every chart drawn after it. (A chart-level `options.font` does not reach ticks, legend
  // or tooltip in Chart.js 4, so each gets it by name.)
  const font = { size: parseFloat(getComputedStyle(canvas).fontSize) || Chart.defaults.font.size! };
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const config = spec.kind === 'line' ? lineConfig(spec, font) : barConfig(spec, font);
  if (reduceMotion) config.options = { ...config.options, animation: false };
  return new Chart(canvas, config as ChartConfiguration);
}
