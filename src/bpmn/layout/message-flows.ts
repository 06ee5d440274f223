// Message flows between stacked pools. Each leaves the top or bottom of its source and enters the top or bottom of
// its target: straight down (or up) where the two ends share an x and nothing is in the way, otherwise with one
// horizontal run in a gap between pools. Of the candidate routes, each flow takes the one that passes through the
// fewest shapes, then crosses (or runs along) the fewest lines already drawn (sequence flows, earlier message flows).
import type { BpmnElement } from '../model.ts';
import type { PlacedEdge, PlacedShape, Point, Rect } from './geometry.ts';
import { segmentCrossesRect } from './geometry.ts';
import { GridIndex, LineIndex, segmentBox } from './grid-index.ts';
import { POOL_HEADER, is } from './sizes.ts';

/** A pool band: its participant (null for a process drawn without one) and its rectangle. */
export interface PoolBand {
  participant: BpmnElement | null;
  rect: Rect;
  shapes: PlacedShape[];
}

/** Horizontal runs keep at least this far from the pools on either side of their gap, one of four levels 8 px apart. */
const RUN_MARGIN = 12;
const RUN_STEP = 8;
/** Flows meeting one side of a shape keep this far apart. */
const SPACING = 12;
/** Lines keep this far from shapes they do not connect, so none seems to touch one. */
const CLEARANCE = 6;
/** Alternative xs for a flow's ends are this far apart. */
const STEP = 15;

/** A message flow whose two ends are both drawn (the only ones routed). */
type MessageFlow = BpmnElement & { sourceRef: BpmnElement; targetRef: BpmnElement };

interface End {
  element: BpmnElement;
  rect: Rect;
  /** Where on the border the flow may meet the shape: events and gateways at their centre only. */
  lo: number;
  hi: number;
  /** The point spread along the side for several flows, or the centre. */
  preferred: number;
}

function isPool(element: BpmnElement): boolean {
  return is(element, 'bpmn:Participant');
}

function isSolid(shape: PlacedShape): boolean {
  const el = shape.element;
  return !(is(el, 'bpmn:Participant') || is(el, 'bpmn:Lane') || is(el, 'bpmn:Group') || shape.isExpanded === true);
}

function span(element: BpmnElement, r: Rect): [number, number] {
  if (isPool(element)) return [r.x + POOL_HEADER + 15, r.x + r.width - 15];
  if (is(element, 'bpmn:Event') || is(element, 'bpmn:Gateway')) return [r.x + r.width / 2, r.x + r.width / 2];
  const margin = Math.min(10, r.width / 4);
  return [r.x + margin, r.x + r.width - margin];
}

/** Candidate xs in [lo, hi]: the preferred one first, then alternately further left and right. */
function around(preferred: number, lo: number, hi: number, limit = 8): number[] {
  const start = Math.min(Math.max(preferred, lo), hi);
  const xs = [start];
  for (let k = 1; xs.length < limit && (start - k * STEP >= lo || start + k * STEP <= hi); k++) {
    if (start - k * STEP >= lo) xs.push(start - k * STEP);
    if (start + k * STEP <= hi) xs.push(start + k * STEP);
  }
  return xs;
}

/**
 * x where each message flow prefers to meet a shape: the centre, or for an activity with several flows on one side,
 * spread along that side in the order of the other ends so they neither overlap nor cross.
 */
function preferredXs(flows: MessageFlow[], rectOf: Map<BpmnElement, Rect>): Map<MessageFlow, { sx: number; tx: number }> {
  const sides = new Map<string, { rect: Rect; element: BpmnElement; list: Array<{ flow: MessageFlow; end: 'source' | 'target'; other: Rect }> }>();
  const xs = new Map<MessageFlow, { sx: number; tx: number }>();
  for (const flow of flows) {
    const s = rectOf.get(flow.sourceRef)!;
    const t = rectOf.get(flow.targetRef)!;
    const down = s.y + s.height / 2 < t.y + t.height / 2;
    xs.set(flow, { sx: s.x + s.width / 2, tx: t.x + t.width / 2 });
    for (const [end, element, rect, other, side] of [
      ['source', flow.sourceRef, s, t, down ? 'bottom' : 'top'],
      ['target', flow.targetRef, t, s, down ? 'top' : 'bottom'],
    ] as const) {
      const key = `${element.id}:${side}`;
      const entry = sides.get(key) ?? { rect, element, list: [] };
      entry.list.push({ flow, end, other });
      sides.set(key, entry);
    }
  }
  for (const { rect, element, list } of sides.values()) {
    if (isPool(element)) continue;
    const spread = is(element, 'bpmn:Activity') && list.length > 1;
    list.sort((a, b) => a.other.x + a.other.width / 2 - (b.other.x + b.other.width / 2));
    list.forEach((attachment, k) => {
      const x = spread ? rect.x + (rect.width * (k + 1)) / (list.length + 1) : rect.x + rect.width / 2;
      const entry = xs.get(attachment.flow)!;
      if (attachment.end === 'source') entry.sx = x;
      else entry.tx = x;
    });
  }
  return xs;
}

export function routeMessageFlows(collaboration: BpmnElement | null, bands: PoolBand[], shapes: PlacedShape[], drawnEdges: PlacedEdge[]): PlacedEdge[] {
  if (!collaboration?.messageFlows?.length) return [];
  const rectOf = new Map<BpmnElement, Rect>(shapes.map((s) => [s.element, s.bounds]));
  const bandOf = new Map<BpmnElement, PoolBand>();
  for (const band of bands) {
    if (band.participant) bandOf.set(band.participant, band);
    for (const s of band.shapes) bandOf.set(s.element, band);
  }
  const flows = (collaboration?.messageFlows ?? []).filter(
    (f): f is MessageFlow =>
      !!f.sourceRef && !!f.targetRef && rectOf.has(f.sourceRef) && rectOf.has(f.targetRef) && bandOf.has(f.sourceRef) && bandOf.has(f.targetRef),
  );
  const solid = new GridIndex<PlacedShape>();
  for (const s of shapes) if (isSolid(s)) solid.insert(s.bounds, s);
  const drawn = new LineIndex();
  for (const e of drawnEdges) drawn.add(e.waypoints);
  /** x already taken on each side of a shape. */
  const taken = new Map<string, number[]>();
  const preferred = preferredXs(flows, rectOf);

  return flows.map((flow, i) => {
    const s = rectOf.get(flow.sourceRef)!;
    const t = rectOf.get(flow.targetRef)!;
    const sourceBand = bandOf.get(flow.sourceRef)!;
    const targetBand = bandOf.get(flow.targetRef)!;
    const down = s.y + s.height / 2 < t.y + t.height / 2;
    const sy = down ? s.y + s.height : s.y;
    const ty = down ? t.y : t.y + t.height;
    const end = (element: BpmnElement, rect: Rect, x: number): End => {
      const [lo, hi] = span(element, rect);
      return { element, rect, lo, hi, preferred: x };
    };
    const pref = preferred.get(flow)!;
    const source = end(flow.sourceRef, s, pref.sx);
    const target = end(flow.targetRef, t, pref.tx);
    // Two pools: each other's preferred point is the first message flow's slot beside the headers.
    if (isPool(flow.sourceRef) && isPool(flow.targetRef)) source.preferred = target.preferred = POOL_HEADER + 40 + i * 30;
    else if (isPool(flow.sourceRef)) source.preferred = target.preferred;
    else if (isPool(flow.targetRef)) target.preferred = source.preferred;

    const sideKey = (e: End, top: boolean) => `${e.element.id}:${top ? 'top' : 'bottom'}`;
    const sourceSide = sideKey(source, !down);
    const targetSide = sideKey(target, down);
    const crowded = (key: string, x: number) => (taken.get(key) ?? []).some((other) => Math.abs(other - x) < SPACING);
    const ownShapes = new Set<BpmnElement | undefined>([flow.sourceRef, flow.targetRef, flow.sourceRef.attachedToRef, flow.targetRef.attachedToRef]);
    const hits = (points: Point[]) => {
      let n = 0;
      for (let k = 1; k < points.length; k++) {
        const a = points[k - 1]!;
        const b = points[k]!;
        n += solid.count(segmentBox(a, b), CLEARANCE + 1, (o) => !ownShapes.has(o.element) && segmentCrossesRect(a, b, o.bounds, -CLEARANCE));
      }
      return n;
    };

    const candidates: Point[][] = [];
    const lo = Math.max(source.lo, target.lo);
    const hi = Math.min(source.hi, target.hi);
    if (lo <= hi) {
      const centre = source.hi - source.lo <= target.hi - target.lo ? source.preferred : target.preferred;
      for (const x of around(centre, lo, hi)) candidates.push([{ x, y: sy }, { x, y: ty }]);
    }
    // Runs in the gap next to the target pool, then in the gap next to the source pool.
    const levels: number[] = [];
    for (const band of [targetBand, sourceBand]) {
      const edge = (band === targetBand) === down ? band.rect.y : band.rect.y + band.rect.height;
      const away = (band === targetBand) === down ? -1 : 1;
      for (let k = 0; k < 4; k++) levels.push(edge + away * (RUN_MARGIN + ((i + k) % 4) * RUN_STEP));
    }
    for (const my of levels) {
      for (const sx of around(source.preferred, source.lo, source.hi, 3)) {
        for (const tx of around(target.preferred, target.lo, target.hi, 3)) {
          if (Math.abs(sx - tx) >= 1) candidates.push([{ x: sx, y: sy }, { x: sx, y: my }, { x: tx, y: my }, { x: tx, y: ty }]);
        }
      }
    }
    // When a shape is in the way of every vertical the ends allow, step aside just outside an end first, to a
    // column beside one of the shapes between the two.
    const jogs: Point[][] = [];
    const away = down ? 1 : -1;
    const near = { source: sy + away * RUN_MARGIN, target: ty - away * RUN_MARGIN };
    const [top, bottom] = down ? [sy, ty] : [ty, sy];
    const columns = new Set<number>();
    for (const o of shapes) {
      if (!isSolid(o) || o.bounds.y > bottom || o.bounds.y + o.bounds.height < top) continue;
      columns.add(Math.round(o.bounds.x - 2 * CLEARANCE));
      columns.add(Math.round(o.bounds.x + o.bounds.width + 2 * CLEARANCE));
    }
    const nearest = (x: number) => [...columns].sort((a, b) => Math.abs(a - x) - Math.abs(b - x) || a - b).slice(0, 6);
    for (const my of levels.slice(0, 4)) {
      const sx = source.preferred;
      const tx = target.preferred;
      for (const x of nearest(sx)) {
        jogs.push([{ x: sx, y: sy }, { x: sx, y: near.source }, { x, y: near.source }, { x, y: my }, { x: tx, y: my }, { x: tx, y: ty }]);
      }
      for (const x of nearest(tx)) {
        jogs.push([{ x: sx, y: sy }, { x: sx, y: my }, { x, y: my }, { x, y: near.target }, { x: tx, y: near.target }, { x: tx, y: ty }]);
      }
    }
    let best: Point[] = candidates[0]!;
    let bestScore = Infinity;
    for (const points of [...candidates, ...jogs]) {
      const rounded = points.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }));
      const first = rounded[0]!.x;
      const last = rounded[rounded.length - 1]!.x;
      const score =
        hits(rounded) * 1000 +
        ((crowded(sourceSide, first) ? 1 : 0) + (crowded(targetSide, last) ? 1 : 0)) * 500 +
        (drawn.crossings(rounded) + drawn.overlaps(rounded)) * 10 +
        (rounded.length - 2) +
        (Math.abs(first - source.preferred) + Math.abs(last - target.preferred)) / 1000;
      if (score < bestScore) {
        bestScore = score;
        best = rounded;
      }
    }
    drawn.add(best);
    for (const [key, x] of [
      [sourceSide, best[0]!.x],
      [targetSide, best[best.length - 1]!.x],
    ] as const) {
      const list = taken.get(key) ?? [];
      list.push(x);
      taken.set(key, list);
    }
    return { element: flow, waypoints: best };
  });
}
