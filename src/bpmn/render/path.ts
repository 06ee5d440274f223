// Geometry for drawing: icon paths scaled into a box, connection paths with rounded bends, point-at-length.
import { ICONS, type IconName } from './icons.ts';
import { num } from './svg-writer.ts';

export interface Point {
  x: number;
  y: number;
}

export interface ScaleOptions {
  containerWidth: number;
  containerHeight: number;
  /** Fraction of the container where the path starts. */
  position: { mx: number; my: number };
  xScale?: number;
  yScale?: number;
}

/** Fills an icon's placeholders: either scaled into a container at a relative position, or at an absolute start point. */
export function scalePath(name: IconName, options: ScaleOptions | { abspos: Point }): string {
  const icon = ICONS[name];
  let mx: number;
  let my: number;
  const values: Record<string, number> = {};
  if ('abspos' in options) {
    mx = options.abspos.x;
    my = options.abspos.y;
  } else {
    mx = options.containerWidth * options.position.mx;
    my = options.containerHeight * options.position.my;
    const heightRatio = (options.containerHeight / icon.height) * (options.yScale ?? 1);
    const widthRatio = (options.containerWidth / icon.width) * (options.xScale ?? 1);
    icon.heightElements.forEach((v, i) => (values[`y${i}`] = v * heightRatio));
    icon.widthElements.forEach((v, i) => (values[`x${i}`] = v * widthRatio));
  }
  return icon.d.replace(/\{([^{}]+)\}/g, (all, key: string) => {
    if (key === 'mx') return num(mx);
    if (key === 'my') return num(my);
    const value = key.startsWith('e.') ? values[key.slice(2)] : undefined;
    return value === undefined ? all : num(value);
  });
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function towards(from: Point, to: Point, length: number): Point {
  const total = distance(from, to);
  const t = total === 0 ? 0 : length / total;
  return { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
}

/** A connection's path: straight segments, every interior bend rounded with a cubic of radius ≤ `radius` (diagram-js). */
export function connectionPath(waypoints: Point[], radius = 5): string {
  const first = waypoints[0];
  if (!first) return '';
  let d = `M${num(first.x)},${num(first.y)}`;
  for (let i = 1; i < waypoints.length; i++) {
    const before = waypoints[i - 1]!;
    const point = waypoints[i]!;
    const after = waypoints[i + 1];
    const r = after ? Math.min(radius, distance(before, point), distance(point, after)) : 0;
    if (!after || !r) {
      d += `L${num(point.x)},${num(point.y)}`;
      continue;
    }
    const start = towards(point, before, r);
    const c1 = towards(point, before, r / 2);
    const c2 = towards(point, after, r / 2);
    const end = towards(point, after, r);
    d += `L${num(start.x)},${num(start.y)}C${num(c1.x)},${num(c1.y)},${num(c2.x)},${num(c2.y)},${num(end.x)},${num(end.y)}`;
  }
  return d;
}

/** The point halfway along a polyline (the rounded corners shorten it by well under a pixel). */
export function polylineMidpoint(waypoints: Point[]): Point {
  let total = 0;
  for (let i = 1; i < waypoints.length; i++) total += distance(waypoints[i - 1]!, waypoints[i]!);
  let remaining = total / 2;
  for (let i = 1; i < waypoints.length; i++) {
    const a = waypoints[i - 1]!;
    const b = waypoints[i]!;
    const length = distance(a, b);
    if (remaining <= length) return towards(a, b, remaining);
    remaining -= length;
  }
  return waypoints[waypoints.length - 1] ?? { x: 0, y: 0 };
}
