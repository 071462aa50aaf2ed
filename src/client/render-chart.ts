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
} from 'chart.js';
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

/** A point's figure exactly as published, from the spec; falls back to the axis format for drawn lines. */
function figureAt(spec: LineSpec, x: number, y: number): string {
  const published = [...spec.points, ...spec.references, ...(spec.target ? [spec.target] : [])].find((p) => p.y === y && (!('x' in p) || p.x === x));
  return published?.text ?? format(y, spec);
}

function lineConfig(spec: LineSpec): ChartConfiguration<'line'> {
  const xs = spec.points.map((p) => p.x);
  const labels = new Map(spec.points.map((p) => [p.x, p.label]));
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  // A little room either side so the first and last points are not cut by the frame.
  const margin = (maxX - minX || 1) * 0.04;
  const datasets: ChartConfiguration<'line'>['data']['datasets'] = [
    {
      label: spec.name,
      data: spec.points.map((p) => ({ x: p.x, y: p.y })),
      borderColor: COLOURS.series,
      backgroundColor: COLOURS.series,
      pointStyle: 'circle',
      pointRadius: 5,
      borderWidth: 3,
    },
  ];
  if (spec.target) {
    datasets.push({
      label: spec.target.label,
      data: [
        { x: minX, y: spec.target.y },
        { x: maxX, y: spec.target.y },
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
          min: minX - margin,
          max: maxX + margin,
          // Ticks only where there is a figure, labelled in the publication's words.
          afterBuildTicks: (axis) => {
            axis.ticks = xs.map((value) => ({ value }));
          },
          ticks: { callback: (value) => labels.get(Number(value)) ?? '', color: COLOURS.text, maxRotation: 0, autoSkip: true, font: { size: 13 } },
          grid: { color: COLOURS.grid },
        },
        y: { ticks: { callback: (value) => format(Number(value), spec), color: COLOURS.text, font: { size: 13 } }, grid: { color: COLOURS.grid } },
      },
      plugins: {
        legend: { labels: { usePointStyle: true, color: COLOURS.text, font: { size: 13 } } },
        tooltip: {
          callbacks: {
            title: (items) => labels.get(items[0]?.parsed.x ?? NaN) ?? '',
            label: (item) => `${item.dataset.label}: ${figureAt(spec, item.parsed.x ?? 0, item.parsed.y ?? 0)}`,
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
const valuesOnBars: Plugin<'bar'> = {
  id: 'valuesOnBars',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = '#fff';
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) return;
      meta.data.forEach((bar, j) => {
        const value = Number(dataset.data[j] ?? 0);
        const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
        if (value > 0 && Math.abs(x - base) > 14) ctx.fillText(String(value), (x + base) / 2, y);
      });
    });
    ctx.restore();
  },
};

function barConfig(spec: BarSpec): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    plugins: [valuesOnBars],
    data: {
      labels: spec.categories,
      datasets: spec.series.map((series, i) => ({ label: series.label, data: series.values, backgroundColor: BAR_COLOURS[i % BAR_COLOURS.length], borderColor: '#fff', borderWidth: 1 })),
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      scales: {
        x: { stacked: true, ticks: { precision: 0, color: COLOURS.text }, title: { display: true, text: spec.axisLabel, color: COLOURS.text } },
        y: { stacked: true, ticks: { color: COLOURS.text } },
      },
      plugins: { legend: { labels: { color: COLOURS.text } } },
    },
  };
}

export function renderChart(canvas: HTMLCanvasElement, spec: ChartSpec) {
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const config = spec.kind === 'line' ? lineConfig(spec) : barConfig(spec);
  if (reduceMotion) config.options = { ...config.options, animation: false };
  return new Chart(canvas, config as ChartConfiguration);
}
