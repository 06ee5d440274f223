// Orthogonal edge routing between the columns of the layered layout, used when lane bands move nodes off its own routes.
import type { Point, Rect } from './geometry.ts';
import { segmentCrossesRect } from './geometry.ts';
import { GridIndex, LineIndex, segmentBox } from './grid-index.ts';

export interface Column {
  x0: number;
  x1: number;
}

const CHANNEL_MARGIN = 25;

/** Groups shapes whose x ranges overlap into columns, left to right. */
export function findColumns(rects: Rect[]): Column[] {
  const sorted = [...rects].sort((a, b) => a.x - b.x);
  const columns: Column[] = [];
  for (const r of sorted) {
    const last = columns[columns.length - 1];
    if (last && r.x < last.x1) last.x1 = Math.max(last.x1, r.x + r.width);
    else columns.push({ x0: r.x, x1: r.x + r.width });
  }
  return columns;
}

/** A flow's end on a shape's top or bottom: the point on the border and the way the line runs there (1: down). */
export interface VerticalPort {
  point: Point;
  dir: 1 | -1;
}

export class ColumnRouter {
  /** The obstacles, for callers that test routes of their own against them. */
  readonly index = new GridIndex<Rect>();

  constructor(
    private readonly columns: Column[],
    private readonly obstacles: Rect[],
  ) {
    for (const o of obstacles) this.index.insert(o, o);
  }

  private columnOf(x: number): number {
    const i = this.columns.findIndex((c) => x >= c.x0 - 0.5 && x <= c.x1 + 0.5);
    if (i >= 0) return i;
    return Math.max(0, this.columns.findIndex((c) => c.x0 > x) - 1);
  }

  /** x of the free vertical channel right of column `i` (left of column 0 when i = −1). */
  private channel(i: number): number {
    const left = this.columns[i];
    const right = this.columns[i + 1];
    if (left && right) return (left.x1 + right.x0) / 2;
    if (left) return left.x1 + CHANNEL_MARGIN;
    return (right?.x0 ?? 0) - CHANNEL_MARGIN;
  }

  private free(a: Point, b: Point, ignore: Rect[]): boolean {
    // Margin 5 covers the -4 inset of the test.
    return !this.index.some(segmentBox(a, b), 5, (o) => !ignore.includes(o) && segmentCrossesRect(a, b, o, -4));
  }

  private freeY(preferred: number[], xa: number, xb: number, ignore: Rect[]): number {
    const lo = Math.min(xa, xb);
    const hi = Math.max(xa, xb);
    const candidates = new Set<number>(preferred);
    for (const o of this.obstacles) {
      if (o.x + o.width < lo || o.x > hi) continue;
      candidates.add(o.y - 15);
      candidates.add(o.y + o.height + 15);
    }
    const goal = preferred[0] ?? 0;
    const ordered = [...candidates].sort((p, q) => Math.abs(p - goal) - Math.abs(q - goal) || p - q);
    for (const y of ordered) {
      if (this.free({ x: lo, y }, { x: hi, y }, ignore)) return y;
    }
    const bottom = Math.max(...this.obstacles.map((o) => o.y + o.height), goal);
    return bottom + 15;
  }

  /** The routes already drawn (the layered layout's kept ones and ours), so new routes can avoid crossing them. */
  readonly drawn = new LineIndex();

  addRoute(points: Point[]): void {
    this.drawn.add(points);
  }

  /** Whether the polyline hits no shape other than those in `ignore`. */
  clear(points: Point[], ignore: Rect[]): boolean {
    return points.slice(1).every((p, i) => this.free(points[i]!, p, ignore));
  }

  /**
   * Route leaving `source` east at `start.y` (or down from a boundary event, or through a vertical port) and entering
   * `target` from the west (or through a vertical port): of the routes through the channels that hit no shape, the one
   * crossing the fewest drawn routes, then the one with the fewest bends.
   */
  route(source: Rect, target: Rect, start: Point, downward: boolean, ports: { exit?: VerticalPort; entry?: VerticalPort } = {}): Point[] {
    const ignore = [source, target];
    const { exit, entry } = ports;
    const head: Point[] = [exit ? exit.point : start];
    if (exit || downward) {
      const dir = exit ? exit.dir : 1;
      head.push({ x: head[0]!.x, y: head[0]!.y + 15 * dir });
    }
    const from = head[head.length - 1]!;
    const tail: Point[] = entry
      ? [{ x: entry.point.x, y: entry.point.y - 15 * entry.dir }, entry.point]
      : [{ x: target.x, y: target.y + target.height / 2 }];
    const end = tail[0]!;
    const cs = this.columnOf(from.x);
    const ct = this.columnOf(end.x);
    const chS = this.channel(cs);
    const chT = this.channel(ct - 1);
    const candidates: Point[][] = [];
    // As drawn by hand: straight up or down out of the port, then east into the target (or east, then into its port).
    if (exit && end.x > from.x && Math.sign(end.y - head[0]!.y) === exit.dir) candidates.push([head[0]!, { x: head[0]!.x, y: end.y }, ...tail]);
    if (entry && entry.point.x > from.x && Math.sign(entry.point.y - from.y) === entry.dir) candidates.push([...head, { x: entry.point.x, y: from.y }, entry.point]);
    if (ct > cs || ((downward || exit) && end.x > from.x)) {
      if (Math.abs(from.y - end.y) < 0.5) candidates.push([...head, ...tail]);
      candidates.push([...head, { x: chS, y: from.y }, { x: chS, y: end.y }, ...tail]);
      candidates.push([...head, { x: chT, y: from.y }, { x: chT, y: end.y }, ...tail]);
    }
    const back = ct <= cs;
    const y = this.freeY(
      back ? [Math.max(source.y + source.height, target.y + target.height) + 15] : [(from.y + end.y) / 2, from.y, end.y],
      Math.min(chS, chT),
      Math.max(chS, chT),
      ignore,
    );
    const around = [...head, { x: chS, y: from.y }, { x: chS, y }, { x: chT, y }, { x: chT, y: end.y }, ...tail];
    candidates.push(around);
    // Round the shapes straight out of a vertical port and straight into one, where the ports face the run.
    const outOf = exit && Math.sign(y - exit.point.y) === exit.dir ? [exit.point, { x: exit.point.x, y }] : [...head, { x: chS, y: from.y }, { x: chS, y }];
    const into = entry && Math.sign(entry.point.y - y) === entry.dir ? [{ x: entry.point.x, y }, entry.point] : [{ x: chT, y }, { x: chT, y: end.y }, ...tail];
    if (outOf[0] === exit?.point || into[1] === entry?.point) candidates.push([...outOf, ...into]);
    let best: Point[] | null = null;
    let bestScore = Infinity;
    for (const candidate of candidates.map(simplify)) {
      if (!this.clear(candidate, ignore)) continue;
      // Running along a drawn route reads as badly as crossing it.
      const score = (this.drawn.crossings(candidate) + this.drawn.overlaps(candidate)) * 100 + candidate.length;
      if (score < bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    const chosen = best ?? simplify(around);
    this.addRoute(chosen);
    return chosen;
  }
}

/** Drops repeated points and middle points of straight runs. */
export function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const q = { x: Math.round(p.x), y: Math.round(p.y) };
    const last = out[out.length - 1];
    if (last && last.x === q.x && last.y === q.y) continue;
    const prev = out[out.length - 2];
    if (last && prev && ((prev.x === last.x && last.x === q.x) || (prev.y === last.y && last.y === q.y))) out.pop();
    out.push(q);
  }
  return out;
}

/**
 * Association lines. Each is straight when nothing is in the way, otherwise a bracket over the top or under the bottom
 * of both shapes entering the target from above, below or the side; of all of them it takes the one through the
 * fewest shapes, then crossing (or running along) the fewest lines already drawn, then the shortest.
 */
export class AssociationRouter {
  private readonly index = new GridIndex<Rect>();

  constructor(
    obstacles: Rect[],
    private readonly drawn: LineIndex,
  ) {
    for (const o of obstacles) this.index.insert(o, o);
  }

  /** 1000 for every shape the line passes through, 30 for every one it merely grazes (within 2 px). */
  private hits(points: Point[], ends: Rect[]): number {
    let n = 0;
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      n += 30 * this.index.count(segmentBox(a, b), 3, (o) => !ends.includes(o) && segmentCrossesRect(a, b, o, -2));
      n += 970 * this.index.count(segmentBox(a, b), 0, (o) => !ends.includes(o) && segmentCrossesRect(a, b, o, 2));
    }
    return n;
  }

  private readonly routed: Array<{ from: Rect; to: Rect; points: Point[]; lines: Array<[Point, Point]> }> = [];

  /** Routes an association now, against what is drawn so far; improve() may route it again. */
  route(from: Rect, to: Rect): Point[] {
    const points = this.best(from, to);
    this.routed.push({ from, to, points, lines: this.drawn.add(points) });
    return points;
  }

  /**
   * Routes every association once more, now that the later ones are drawn too, keeping a new route only when it
   * scores better. Returns the final routes in the order they were routed.
   */
  improve(): Point[][] {
    for (const r of this.routed) {
      this.drawn.remove(r.lines);
      const again = this.best(r.from, r.to);
      if (this.score(again, [r.from, r.to]) < this.score(r.points, [r.from, r.to])) r.points = again;
      r.lines = this.drawn.add(r.points);
    }
    return this.routed.map((r) => r.points);
  }

  private score(points: Point[], ends: Rect[]): number {
    const length = points.slice(1).reduce((sum, p, i) => sum + Math.abs(p.x - points[i]!.x) + Math.abs(p.y - points[i]!.y), 0);
    const bends = points.length > 2 ? 3 * points.length : 0;
    return this.hits(points, ends) + (this.drawn.crossings(points) + this.drawn.overlaps(points)) * 10 + bends + length / 10_000;
  }

  private best(from: Rect, to: Rect): Point[] {
    const ends = [from, to];
    const straight = straightLine(from, to);
    let best = straight;
    let bestScore = this.score(straight, ends);
    if (bestScore >= 1) {
      const fx = Math.round(from.x + from.width / 2);
      const fy = Math.round(from.y + from.height / 2);
      const tx = Math.round(to.x + to.width / 2);
      const top = Math.min(from.y, to.y);
      const bottom = Math.max(from.y + from.height, to.y + to.height);
      const ty = Math.round(to.y + to.height / 2);
      // Out of the source's top/bottom (centre, or near a corner: a data object may hang above the centre), or its
      // left/right side through the gap beside it; into the target the same ways. Exits end and entries start at the
      // height of the bracket's run.
      const exits = (y: number, above: boolean): Point[][] => [
        ...[fx, Math.round(from.x + 10), Math.round(from.x + from.width - 10)].map((x) => [{ x, y: above ? from.y : from.y + from.height }, { x, y }]),
        [{ x: from.x, y: fy }, { x: from.x - 15, y: fy }, { x: from.x - 15, y }],
        [{ x: from.x + from.width, y: fy }, { x: from.x + from.width + 15, y: fy }, { x: from.x + from.width + 15, y }],
      ];
      const entries = (y: number, above: boolean): Point[][] => [
        ...[tx, Math.round(to.x + 10), Math.round(to.x + to.width - 10)].map((x) => [{ x, y }, { x, y: above ? to.y : to.y + to.height }]),
        [{ x: to.x - 15, y }, { x: to.x - 15, y: ty }, { x: to.x, y: ty }],
        [{ x: to.x + to.width + 15, y }, { x: to.x + to.width + 15, y: ty }, { x: to.x + to.width, y: ty }],
      ];
      for (let k = 0; k < 12; k++) {
        for (const [y, above] of [
          [Math.round(top - 15 - 20 * k), true],
          [Math.round(bottom + 15 + 20 * k), false],
        ] as Array<[number, boolean]>) {
          for (const [exit, entry] of exits(y, above).flatMap((x) => entries(y, above).map((e) => [x, e] as const))) {
            const route = simplify([...exit, ...entry]);
            const score = this.score(route, ends);
            if (score < bestScore) {
              best = route;
              bestScore = score;
            }
          }
        }
      }
    }
    return best;
  }
}

/** A straight line between two shapes, clipped to their bounding boxes. */
export function straightLine(a: Rect, b: Rect): Point[] {
  const ca = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const cb = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  return [clipToRect(ca, cb, a), clipToRect(cb, ca, b)].map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }));
}

/** The point where the ray from `inside` (the centre of r) towards `toward` leaves r. */
function clipToRect(inside: Point, toward: Point, r: Rect): Point {
  const dx = toward.x - inside.x;
  const dy = toward.y - inside.y;
  if (dx === 0 && dy === 0) return inside;
  const tx = dx === 0 ? Infinity : r.width / 2 / Math.abs(dx);
  const ty = dy === 0 ? Infinity : r.height / 2 / Math.abs(dy);
  const t = Math.min(tx, ty);
  return { x: inside.x + dx * t, y: inside.y + dy * t };
}
