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
export function plot(points: readonly { x: number; y: number }[], box: Box, alsoShow: readonly number[] = []): Plot | null {
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
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.x)} ${y(p.y)}`).join(' ');
  return { box, x, y, min, max, path };
}
