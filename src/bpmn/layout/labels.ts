// Places external labels (events, gateways, data, flows) where they overlap no shape and no other label,
// preferring bpmn-js's own spot (below the shape) and, for flows, the first segments of the route.
import type { PlacedEdge, PlacedShape, Point, Rect } from './geometry.ts';
import { rectsOverlap, segmentCrossesRect } from './geometry.ts';
import { GridIndex, segmentBox } from './grid-index.ts';
import { OWN_LINE_ALLOWANCE } from './quality.ts';
import { is } from './sizes.ts';

/** Shapes whose inside may hold other things (labels must not cover solid shapes only). */
function isContainer(shape: PlacedShape): boolean {
  return (
    is(shape.element, 'bpmn:Participant') || is(shape.element, 'bpmn:Lane') || is(shape.element, 'bpmn:Group') || shape.isExpanded === true
  );
}

/** Spots for a shape's label, best first: made one at a time, as the first is usually free. */
function* around(shape: PlacedShape, w: number, h: number): Generator<Rect> {
  const b = shape.bounds;
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  const below = { x: cx - w / 2, y: b.y + b.height, width: w, height: h };
  if (is(shape.element, 'bpmn:BoundaryEvent')) {
    const first = { x: b.x + b.width, y: b.y + b.height - 2, width: w, height: h };
    yield first;
    yield { x: b.x - w, y: b.y + b.height - 2, width: w, height: h };
    yield below;
    for (const k of [1, 2, 3, 4]) {
      yield { x: b.x + b.width, y: b.y + b.height - 2 + 12 * k, width: w, height: h };
      yield { x: b.x - w, y: b.y + b.height - 2 + 12 * k, width: w, height: h };
    }
    yield* aside(b, cx, cy, w, h);
    yield* rings(first);
    return;
  }
  yield below;
  yield* aside(b, cx, cy, w, h);
  yield* rings(below);
}

function* aside(b: Rect, cx: number, cy: number, w: number, h: number): Generator<Rect> {
  yield { x: cx - w / 2, y: b.y - h - 2, width: w, height: h };
  yield { x: b.x + b.width + 4, y: cy - h / 2, width: w, height: h };
  yield { x: b.x - w - 4, y: cy - h / 2, width: w, height: h };
  yield { x: b.x + b.width + 2, y: b.y + b.height, width: w, height: h };
  yield { x: b.x - w - 2, y: b.y + b.height, width: w, height: h };
  yield { x: b.x + b.width + 2, y: b.y - h, width: w, height: h };
  yield { x: b.x - w - 2, y: b.y - h, width: w, height: h };
}

const DIRECTIONS = [
  [0, 1],
  [1, 0],
  [-1, 0],
  [1, 1],
  [-1, 1],
  [0, -1],
  [1, -1],
  [-1, -1],
] as const;

/** Fallback spots in growing rings around the preferred one, so a crowded label still lands near its owner. */
function* rings(preferred: Rect): Generator<Rect> {
  for (let r = 1; r <= 8; r++) {
    for (const [dx, dy] of DIRECTIONS) yield { ...preferred, x: preferred.x + dx * 12 * r, y: preferred.y + dy * 12 * r };
  }
}

/** Label spots beside the first segments of a route, best first, made one at a time. */
export function* labelSpotsAlong(points: Point[], w: number, h: number): Generator<Rect> {
  let first: Rect | null = null;
  for (let i = 0; i + 1 < points.length && i < 4; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const spots: Rect[] = [];
    // Along the first segment the spot next to the source comes first (a condition reads best beside its gateway).
    if (a.y === b.y) {
      const mid = (a.x + b.x) / 2 - w / 2;
      const nearA = a.x < b.x ? a.x + 8 : a.x - 8 - w;
      const nearB = a.x < b.x ? b.x - 8 - w : b.x + 8;
      for (const x of i === 0 ? [nearA, mid, nearB] : [mid, nearA, nearB]) {
        spots.push({ x, y: a.y - h - 3, width: w, height: h }, { x, y: a.y + 3, width: w, height: h });
      }
    } else {
      const mid = (a.y + b.y) / 2 - h / 2;
      const nearA = a.y < b.y ? a.y + 6 : a.y - 6 - h;
      const nearB = a.y < b.y ? b.y - 6 - h : b.y + 6;
      for (const y of i === 0 ? [nearA, mid, nearB] : [mid, nearA, nearB]) {
        spots.push({ x: a.x + 5, y, width: w, height: h }, { x: a.x - 5 - w, y, width: w, height: h });
      }
    }
    first ??= spots[0]!;
    yield* spots;
  }
  if (first) yield* rings(first);
}

/**
 * Where a split's condition reads best, as the layered layout places it: beside the branch's own run right after its
 * first turn, starting at the turn — above a branch that went up, below one that went down (above after an east
 * exit's jog). Null when the route has no such run (a straight line, or one that turns back at once).
 */
export function branchLabelSpot(points: Point[], w: number, h: number): Rect | null {
  const [a, b, c, d] = points;
  if (!a || !b || !c) return null;
  const beside = (turn: Point, next: Point, up: boolean): Rect | null => {
    if (turn.y !== next.y || turn.x === next.x) return null;
    const x = next.x > turn.x ? turn.x + 5 : turn.x - 5 - w;
    return { x, y: up ? turn.y - h - 3 : turn.y + 3, width: w, height: h };
  };
  // Out of a top or bottom port.
  if (a.x === b.x) return beside(b, c, b.y < a.y);
  // Out of the east (west) port, then through a channel.
  if (a.y === b.y && b.x === c.x && d) return beside(c, d, true);
  return null;
}

/** Where bpmn-js draws a message flow's envelope: 21 × 14 centred halfway along the line (with a little room). */
function envelopeAt(points: Point[]): Rect {
  const lengths = points.slice(1).map((p, i) => Math.abs(p.x - points[i]!.x) + Math.abs(p.y - points[i]!.y));
  let rest = lengths.reduce((a, b) => a + b, 0) / 2;
  let at = points[0] ?? { x: 0, y: 0 };
  for (const [i, length] of lengths.entries()) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (rest <= length) {
      const t = length === 0 ? 0 : rest / length;
      at = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
      break;
    }
    rest -= length;
  }
  return { x: at.x - 13, y: at.y - 9, width: 26, height: 18 };
}

export function placeLabels(shapes: PlacedShape[], edges: PlacedEdge[]): void {
  // Containers may hold labels, but not over their own name: a pool's or lane's header, a sub-process's title.
  const headers = shapes.filter(isContainer).flatMap((s): Rect[] => {
    const b = s.bounds;
    if (s.isExpanded) return [{ x: b.x, y: b.y, width: b.width, height: 24 }];
    if (s.isHorizontal) return [{ x: b.x, y: b.y, width: 30, height: b.height }];
    return [];
  });
  const envelopes = edges.filter((e) => e.element.messageRef).map((e) => envelopeAt(e.waypoints));
  const solid = new GridIndex<Rect>();
  for (const r of [...shapes.filter((s) => !isContainer(s)).map((s) => s.bounds), ...headers, ...envelopes]) solid.insert(r, r);
  const placed = new GridIndex<Rect>();
  const segments = new GridIndex<{ edge: PlacedEdge | null; a: Point; b: Point }>();
  const addSegment = (edge: PlacedEdge | null, a: Point, b: Point) => segments.insert(segmentBox(a, b), { edge, a, b });
  for (const e of edges) e.waypoints.slice(1).forEach((p, i) => addSegment(e, e.waypoints[i]!, p));
  // Text on a pool's, lane's or sub-process's border is as hard to read as text on a flow.
  for (const c of shapes.filter(isContainer)) {
    const { x, y, width, height } = c.bounds;
    const corners = [{ x, y }, { x: x + width, y }, { x: x + width, y: y + height }, { x, y: y + height }];
    corners.forEach((a, i) => addSegment(null, a, corners[(i + 1) % 4]!));
  }
  const choose = (current: Rect, candidates: () => Iterable<Rect>, own: PlacedEdge | null): Rect => {
    // The margins cover rectsOverlap's margin and the -2 inset of the line test, plus one for rounding.
    const clearOfShapes = (r: Rect) => !solid.some(r, 1, (s) => rectsOverlap(r, s)) && !placed.some(r, 3, (p) => rectsOverlap(r, p, 2));
    // Its own flow may run against the label (as the quality measure allows), other lines keep a little away.
    const clearOfLines = (r: Rect) => !segments.some(r, 3, (s) => segmentCrossesRect(s.a, s.b, r, s.edge === own ? OWN_LINE_ALLOWANCE : -2));
    const rounded = (r: Rect): Rect => ({ ...r, x: Math.round(r.x), y: Math.round(r.y) });
    const first = rounded(current);
    if (clearOfShapes(first) && clearOfLines(first)) return first;
    for (const spot of candidates()) {
      const r = rounded(spot);
      if (clearOfShapes(r) && clearOfLines(r)) return r;
    }
    if (clearOfShapes(first)) return first;
    for (const spot of candidates()) {
      const r = rounded(spot);
      if (clearOfShapes(r)) return r;
    }
    return first;
  };
  for (const shape of shapes) {
    if (!shape.label) continue;
    const { width: w, height: h } = shape.label;
    shape.label = choose(shape.label, () => around(shape, w, h), null);
    placed.insert(shape.label, shape.label);
  }
  for (const edge of edges) {
    if (!edge.label) continue;
    const { width: w, height: h } = edge.label;
    edge.label = choose(edge.label, () => labelSpotsAlong(edge.waypoints, w, h), edge);
    placed.insert(edge.label, edge.label);
  }
}
