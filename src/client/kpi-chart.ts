/**
 * <kpi-chart>: upgrades a build-time chart (SVG, description and data table,
 * complete without JavaScript) to an interactive Chart.js canvas when it
 * scrolls into view. Chart.js is imported only then, so pages download no
 * chart code until a chart is about to be seen.
 */
import type { Chart } from 'chart.js';
import type { ChartSpec } from '../present/chart-spec';

class KpiChart extends HTMLElement {
  private observer?: IntersectionObserver;
  /** The Chart.js chart once the element has upgraded, so its layout can be read (the browser tests check its labels). */
  chart?: Chart;

  connectedCallback() {
    if (!('IntersectionObserver' in window)) return;
    this.observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          this.observer?.disconnect();
          void this.upgrade();
        }
      },
      { rootMargin: '200px 0px' },
    );
    this.observer.observe(this);
  }

  disconnectedCallback() {
    this.observer?.disconnect();
  }

  private async upgrade() {
    const box = this.querySelector<HTMLElement>('.chart-box');
    const data = this.querySelector('script[type="application/json"]');
    if (!box || !data?.textContent) return;
    const spec = JSON.parse(data.textContent) as ChartSpec;
    // A line chart with no published figures has nothing to draw: the SVG and table already say so, and an empty
    // canvas with a legend would replace them with less.
    if (spec.kind === 'line' && spec.points.length === 0) return;
    const { renderChart } = await import('./render-chart');
    const canvas = document.createElement('canvas');
    // The caption already gives the description and the table the figures: the canvas is not read a second time.
    canvas.setAttribute('aria-hidden', 'true');
    // The SVG stays for printing; the canvas takes its place on screen, in the same reserved box.
    box.classList.add('upgraded');
    box.append(canvas);
    this.chart = renderChart(canvas, spec);
  }
}

customElements.define('kpi-chart', KpiChart);
