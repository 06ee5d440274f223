// Stacks participants as horizontal pools of equal width and routes message flows through the gaps between them.
import { layoutFlow } from './flow-layout.ts';
import type { Block, PlacedEdge, PlacedShape, Point, Rect } from './geometry.ts';
import { translateBlock } from './geometry.ts';
import { BLACK_BOX_POOL_HEIGHT, POOL_HEADER, is } from './sizes.ts';

const POOL_GAP = 50;
const MIN_POOL_WIDTH = 400;

interface Band {
  /** The participant, or null for a process drawn without a pool. */
  participant: any | null;
  rect: Rect;
  block: Block;
}

/** Collaboration artifacts attached to something inside `process` travel with that process's layout. */
function artifactsFor(process: any, collaboration: any): any[] {
  const inside = new Set<any>(process.flowElements ?? []);
  const out: any[] = [];
  for (const a of collaboration?.artifacts ?? []) {
    if (!is(a, 'bpmn:Association')) continue;
    const other = inside.has(a.sourceRef) ? a.targetRef : inside.has(a.targetRef) ? a.sourceRef : null;
    if (other && is(other, 'bpmn:Artifact')) out.push(a, other);
  }
  return out;
}

const MAX_REORDERED = 7;

/** The participant an element of a message flow belongs to (itself when it is one). */
function participantOf(element: any, byProcess: Map<any, any>): any | null {
  for (let e = element; e; e = e.$parent) {
    if (is(e, 'bpmn:Participant')) return e;
    if (byProcess.has(e)) return byProcess.get(e);
  }
  return null;
}

/**
 * Pools in the order that keeps message flows shortest (sum of how many pools each one spans), trying every order
 * for up to seven pools; ties keep the document order.
 */
export function orderParticipants(collaboration: any | null): any[] {
  const participants: any[] = collaboration?.participants ?? [];
  const flows: any[] = collaboration?.messageFlows ?? [];
  if (participants.length < 3 || participants.length > MAX_REORDERED || flows.length === 0) return participants;
  const byProcess = new Map<any, any>(participants.filter((p) => p.processRef).map((p) => [p.processRef, p]));
  const pairs = flows
    .map((f) => [participants.indexOf(participantOf(f.sourceRef, byProcess)), participants.indexOf(participantOf(f.targetRef, byProcess))])
    .filter(([a, b]) => a! >= 0 && b! >= 0 && a !== b) as Array<[number, number]>;
  let best = participants.map((_, i) => i);
  let bestCost = Infinity;
  const position = new Array<number>(participants.length);
  const visit = (order: number[], rest: number[]) => {
    if (rest.length === 0) {
      order.forEach((p, i) => (position[p] = i));
      const cost = pairs.reduce((sum, [a, b]) => sum + Math.abs(position[a]! - position[b]!), 0);
      if (cost < bestCost) {
        bestCost = cost;
        best = [...order];
      }
      return;
    }
    for (const next of rest) visit([...order, next], rest.filter((r) => r !== next));
  };
  visit([], best);
  return best.map((i) => participants[i]);
}

/** Lays out `collaboration`'s participants, then `processes` not in it as pool-less bands below. */
export function layoutPools(collaboration: any | null, processes: any[]): Block {
  const bands: Band[] = [];
  const done = new Set<any>();
  let y = 0;
  for (const participant of orderParticipants(collaboration)) {
    const process = participant.processRef;
    if (process && !done.has(process)) {
      done.add(process);
      const block = layoutFlow(process, { laneSets: process.laneSets, extraArtifacts: artifactsFor(process, collaboration) });
      translateBlock(block, POOL_HEADER, y);
      bands.push({ participant, rect: { x: 0, y, width: POOL_HEADER + block.width, height: block.height }, block });
      y += block.height + POOL_GAP;
    } else {
      const block: Block = { width: 0, height: BLACK_BOX_POOL_HEIGHT, shapes: [], edges: [] };
      bands.push({ participant, rect: { x: 0, y, width: MIN_POOL_WIDTH, height: BLACK_BOX_POOL_HEIGHT }, block });
      y += BLACK_BOX_POOL_HEIGHT + POOL_GAP;
    }
  }
  for (const process of processes) {
    if (done.has(process)) continue;
    done.add(process);
    const block = layoutFlow(process, { laneSets: process.laneSets });
    translateBlock(block, 0, y);
    bands.push({ participant: null, rect: { x: 0, y, width: block.width, height: block.height }, block });
    y += block.height + POOL_GAP;
  }

  const width = Math.max(MIN_POOL_WIDTH, ...bands.map((b) => b.rect.width));
  const shapes: PlacedShape[] = [];
  const edges: PlacedEdge[] = [];
  for (const band of bands) {
    const grow = width - band.rect.width;
    band.rect.width = width;
    for (const s of band.block.shapes) {
      if (is(s.element, 'bpmn:Lane')) s.bounds = { ...s.bounds, width: s.bounds.width + grow };
    }
    if (band.participant) shapes.push({ element: band.participant, bounds: band.rect, isHorizontal: true });
    shapes.push(...band.block.shapes);
    edges.push(...band.block.edges);
  }
  edges.push(...routeMessageFlows(collaboration, bands, shapes));
  return { width, height: Math.max(0, y - POOL_GAP), shapes, edges };
}

interface Attachment {
  flow: any;
  end: 'source' | 'target';
  other: Rect;
}

/**
 * x where each message flow meets a shape: the centre, or for an activity with several flows on one side, spread
 * along that side in the order of the other ends so they neither overlap nor cross.
 */
function attachmentXs(flows: any[], rectOf: Map<any, Rect>): Map<any, { sx: number; tx: number }> {
  const sides = new Map<string, { rect: Rect; element: any; list: Attachment[] }>();
  const xs = new Map<any, { sx: number; tx: number }>();
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
    if (is(element, 'bpmn:Participant')) continue;
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

function routeMessageFlows(collaboration: any, bands: Band[], shapes: PlacedShape[]): PlacedEdge[] {
  const rectOf = new Map<any, Rect>(shapes.map((s) => [s.element, s.bounds]));
  const bandOf = new Map<any, Band>();
  for (const band of bands) {
    if (band.participant) bandOf.set(band.participant, band);
    for (const s of band.block.shapes) bandOf.set(s.element, band);
  }
  const flows = ((collaboration?.messageFlows ?? []) as any[]).filter(
    (f) => rectOf.has(f.sourceRef) && rectOf.has(f.targetRef) && bandOf.has(f.targetRef),
  );
  const xs = attachmentXs(flows, rectOf);
  const isPool = (el: any) => is(el, 'bpmn:Participant');
  return flows.map((flow, i) => {
    const s = rectOf.get(flow.sourceRef)!;
    const t = rectOf.get(flow.targetRef)!;
    const targetBand = bandOf.get(flow.targetRef)!;
    const down = s.y + s.height / 2 < t.y + t.height / 2;
    const clampX = (x: number, r: Rect) => Math.min(Math.max(x, r.x + POOL_HEADER + 15), r.x + r.width - 15);
    let { sx, tx } = xs.get(flow)!;
    if (isPool(flow.sourceRef)) sx = clampX(tx, s);
    if (isPool(flow.targetRef)) tx = clampX(sx, t);
    if (isPool(flow.sourceRef) && isPool(flow.targetRef)) sx = tx = clampX(POOL_HEADER + 40 + i * 30, t);
    const sy = down ? s.y + s.height : s.y;
    const ty = down ? t.y : t.y + t.height;
    const points: Point[] = [{ x: sx, y: sy }];
    if (Math.round(sx) !== Math.round(tx)) {
      const lane = 12 + (i % 3) * 8;
      const my = down ? targetBand.rect.y - lane : targetBand.rect.y + targetBand.rect.height + lane;
      points.push({ x: sx, y: my }, { x: tx, y: my });
    }
    points.push({ x: tx, y: ty });
    return { element: flow, waypoints: points.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) })) };
  });
}
