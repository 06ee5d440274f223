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

/** An icon's path data split at its placeholders: literal text, then what to put after it. */
interface Template {
  literals: string[];
  /** Per placeholder: -1 {mx}, -2 {my}, 2i {e.xi}, 2i+1 {e.yi}; -3 anything else, kept as written. */
  slots: number[];
  /** The placeholder text, for slots that stay as written. */
  raw: string[];
}

const templates = new Map<IconName, Template>();

function template(name: IconName): Template {
  let t = templates.get(name);
  if (t) return t;
  t = { literals: [], slots: [], raw: [] };
  const d = ICONS[name].d;
  const placeholder = /\{([^{}]+)\}/g;
  let at = 0;
  for (let m = placeholder.exec(d); m; m = placeholder.exec(d)) {
    const key = m[1]!;
    const element = /^e\.([xy])(\d+)$/.exec(key);
    t.literals.push(d.slice(at, m.index));
    t.slots.push(key === 'mx' ? -1 : key === 'my' ? -2 : element ? 2 * Number(element[2]) + (element[1] === 'y' ? 1 : 0) : -3);
    t.raw.push(m[0]);
    at = m.index + m[0].length;
  }
  t.literals.push(d.slice(at));
  templates.set(name, t);
  return t;
}

/** Fills an icon's placeholders: either scaled into a container at a relative position, or at an absolute start point. */
export function scalePath(name: IconName, options: ScaleOptions | { abspos: Point }): string {
  const icon = ICONS[name];
  const { literals, slots, raw } = template(name);
  let mx: number;
  let my: number;
  // Without a container, {e.…} placeholders have no value and stay as written (as in bpmn-js).
  const scaled = !('abspos' in options);
  let widthRatio = 0;
  let heightRatio = 0;
  if (!scaled) {
    mx = options.abspos.x;
    my = options.abspos.y;
  } else {
    mx = options.containerWidth * options.position.mx;
    my = options.containerHeight * options.position.my;
    heightRatio = (options.containerHeight / icon.height) * (options.yScale ?? 1);
    widthRatio = (options.containerWidth / icon.width) * (options.xScale ?? 1);
  }
  let out = literals[0]!;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    let value: number | undefined;
    if (slot === -1) value = mx;
    else if (slot === -2) value = my;
    else if (slot >= 0) {
      const element = slot & 1 ? icon.heightElements[slot >> 1] : icon.widthElements[slot >> 1];
      if (element !== undefined && scaled) value = element * (slot & 1 ? heightRatio : widthRatio);
    }
    out += (value === undefined ? raw[i]! : num(value)) + literals[i + 1]!;
  }
  return out;
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
