// Stacks participants as horizontal pools of equal width; message-flows.ts routes the flows between them.
import { layoutFlow } from './flow-layout.ts';
import type { BpmnElement } from '../model.ts';
import type { Block, PlacedEdge, PlacedShape, Rect } from './geometry.ts';
import { translateBlock } from './geometry.ts';
import { routeMessageFlows } from './message-flows.ts';
import { BLACK_BOX_POOL_HEIGHT, POOL_HEADER, is } from './sizes.ts';

const POOL_GAP = 50;
const MIN_POOL_WIDTH = 400;

interface Band {
  /** The participant, or null for a process drawn without a pool. */
  participant: BpmnElement | null;
  rect: Rect;
  block: Block;
}

/** Collaboration artifacts attached to something inside `process` travel with that process's layout. */
function artifactsFor(process: BpmnElement, collaboration: BpmnElement | null): BpmnElement[] {
  const inside = new Set<BpmnElement | undefined>(process.flowElements ?? []);
  const out: BpmnElement[] = [];
  for (const a of collaboration?.artifacts ?? []) {
    if (!is(a, 'bpmn:Association')) continue;
    const other = inside.has(a.sourceRef) ? a.targetRef : inside.has(a.targetRef) ? a.sourceRef : null;
    if (other && is(other, 'bpmn:Artifact')) out.push(a, other);
  }
  return out;
}

const MAX_REORDERED = 7;

/** The participant an element of a message flow belongs to (itself when it is one). */
function participantOf(element: BpmnElement | undefined, byProcess: Map<BpmnElement, BpmnElement>): BpmnElement | null {
  for (let e = element; e; e = e.$parent) {
    if (is(e, 'bpmn:Participant')) return e;
    const participant = byProcess.get(e);
    if (participant) return participant;
  }
  return null;
}

/**
 * Pools in the order that keeps message flows shortest (sum of how many pools each one spans), trying every order
 * for up to seven pools; ties keep the document order.
 */
export function orderParticipants(collaboration: BpmnElement | null): BpmnElement[] {
  const participants = collaboration?.participants ?? [];
  const flows = collaboration?.messageFlows ?? [];
  if (participants.length < 3 || participants.length > MAX_REORDERED || flows.length === 0) return participants;
  const byProcess = new Map(participants.flatMap((p) => (p.processRef ? [[p.processRef, p] as const] : [])));
  const indexOf = (end: BpmnElement | undefined) => {
    const participant = participantOf(end, byProcess);
    return participant ? participants.indexOf(participant) : -1;
  };
  const pairs = flows
    .map((f) => [indexOf(f.sourceRef), indexOf(f.targetRef)])
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
  return best.map((i) => participants[i]!);
}

/** Lays out `collaboration`'s participants, then `processes` not in it as pool-less bands below. */
export function layoutPools(collaboration: BpmnElement | null, processes: BpmnElement[]): Block {
  const bands: Band[] = [];
  const done = new Set<BpmnElement>();
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
  const poolBands = bands.map((b) => ({ participant: b.participant, rect: b.rect, shapes: b.block.shapes }));
  edges.push(...routeMessageFlows(collaboration, poolBands, shapes, edges));
  return { width, height: Math.max(0, y - POOL_GAP), shapes, edges };
}
