/**
 * Geometry for the build-time SVG charts (card trend lines and the
 * no-JavaScript/print version of line charts): points placed on a real time
 * axis by date, so terms, quarters and years sit where they belong.
 */

export interface Box {
  width: number;
  height: number;
  /** Inner margins: room for axis labels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Plot {
  box: Box;
  /** Maps a time (ms) and a value to SVG coordinates. */
  x: (t: number) => number;
  y: (v: number) => number;
  /** The value range shown, padded so points do not sit on the edges. */
  min: number;
  max: number;
  /** SVG path through the points, in order. */
  path: string;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Scales points into the box. `alsoShow` are values (a target, comparators)
 * the value axis must include. Returns null with fewer than two points.
 */
export function plot(points: readonly { x: number; y: number }[], box: Box, alsoShow: readonly number[] = [], breaks: ReadonlySet<number> = new Set()): Plot | null {
  if (points.length < 2) return null;
  const xs = points.map((p) => p.x);
  const values = [...points.map((p) => p.y), ...alsoShow];
  const [t0, t1] = [Math.min(...xs), Math.max(...xs)];
  let [min, max] = [Math.min(...values), Math.max(...values)];
  const spread = max - min || Math.abs(max) || 1;
  min -= spread * 0.1;
  max += spread * 0.1;
  const x = (t: number) => round(box.left + ((t - t0) / (t1 - t0 || 1)) * (box.width - box.left - box.right));
  const y = (v: number) => round(box.height - box.bottom - ((v - min) / (max - min)) * (box.height - box.top - box.bottom));
  // A missing period breaks the line (#23): it starts again at the next figure, never joined across the gap.
  const path = points.map((p, i) => `${i === 0 || breaks.has(i) ? 'M' : 'L'}${x(p.x)} ${y(p.y)}`).join(' ');
  return { box, x, y, min, max, path };
}

/**
 * Round tick values covering [min, max]: steps of 1, 2 or 5 times a power of
 * ten (d3's rule), about `count` of them, so an axis reads 75%, 80%, 85%.
 */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min];
  const rough = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const error = rough / power;
  const step = power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1);
  const ticks: number[] = [];
  // Rounded to the step's own decimals so 0.1 + 0.2 never prints as 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) ticks.push(Number(tick.toFixed(decimals)));
  return ticks;
}

const MONTH_MS = 30.44 * 24 * 60 * 60 * 1000;
/** Months between neighbouring periods' midpoints (terms are three to five months apart). */
const STEP_MONTHS = { quarterly: 3, termly: 4.5, annual: 12 } as const;

/**
 * Where a line must break: the indices of points that follow a missing period, judged by the indicator's
 * frequency (a quarter, a term or a year left out, or published with no figure).
 */
export function gapStarts(xs: readonly number[], frequency: keyof typeof STEP_MONTHS): Set<number> {
  const limit = STEP_MONTHS[frequency] * 1.5 * MONTH_MS;
  return new Set(xs.flatMap((x, i) => (i > 0 && x - xs[i - 1]! > limit ? [i] : [])));
}

interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Whether the segment from a to b passes through the rectangle (sampled finely enough for a chart's scale). */
function crosses(a: { x: number; y: number }, b: { x: number; y: number }, rect: Rect): boolean {
  for (let i = 0; i <= 40; i++) {
    const x = a.x + ((b.x - a.x) * i) / 40;
    const y = a.y + ((b.y - a.y) * i) / 40;
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/**
 * Where a label sits clear of the line (#23): the first of the candidate boxes that no segment of the drawn path
 * and no point passes through; the first candidate when none is clear. `points` are in SVG units, `breaks` as for plot().
 */
export function clearPlace<T extends Rect>(candidates: readonly T[], points: readonly { x: number; y: number }[], breaks: ReadonlySet<number> = new Set()): T {
  const clear = candidates.find((rect) =>
    points.every((point, i) => {
      const inside = point.x >= rect.left - 6 && point.x <= rect.right + 6 && point.y >= rect.top - 6 && point.y <= rect.bottom + 6;
      return !inside && (i === 0 || breaks.has(i) || !crosses(points[i - 1]!, point, rect));
    }),
  );
  return clear ?? candidates[0]!;
}
