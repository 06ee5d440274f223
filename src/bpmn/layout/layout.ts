// Auto-layout for BPMN documents without DI: rebuilds `definitions.diagrams` as one plane with a shape for every
// pool, lane, flow node, data element and artifact and an edge for every flow and association.
import { writeDiagram } from './di-writer.ts';
import { labelSpotsAlong, placeLabels } from './labels.ts';
import { layoutPools } from './pools.ts';
import { externalLabelText, is, labelBoxBelow } from './sizes.ts';

export interface LayoutOptions {
  /** Which collaboration to draw when there are several; default: the one with the most participants. */
  collaborationId?: string;
}

export interface LayoutReport {
  /** Id of the element the plane shows (the collaboration, or the process). */
  planeElementId: string | null;
  shapes: number;
  edges: number;
  width: number;
  height: number;
  durationMs: number;
}

export class LayoutError extends Error {
  override name = 'LayoutError';
}

function pickCollaboration(collaborations: any[], options: LayoutOptions): any | null {
  if (options.collaborationId) {
    const chosen = collaborations.find((c) => c.id === options.collaborationId);
    if (!chosen) throw new LayoutError(`No collaboration with id "${options.collaborationId}"`);
    return chosen;
  }
  let best: any | null = null;
  for (const c of collaborations) if (!best || (c.participants?.length ?? 0) > (best.participants?.length ?? 0)) best = c;
  return best;
}

/** Lays out `parsed.definitions` in place, replacing any existing diagrams. */
export async function layoutDefinitions(parsed: { definitions: any; moddle: any }, options: LayoutOptions = {}): Promise<LayoutReport> {
  const started = performance.now();
  const { definitions, moddle } = parsed;
  if (!definitions || !is(definitions, 'bpmn:Definitions')) throw new LayoutError('Expected bpmn:Definitions as the root element');
  const roots: any[] = definitions.rootElements ?? [];
  const collaboration = pickCollaboration(roots.filter((r) => is(r, 'bpmn:Collaboration')), options);
  const processes = roots.filter((r) => is(r, 'bpmn:Process'));
  const planeRoot = collaboration ?? processes[0] ?? null;
  if (!planeRoot) {
    definitions.diagrams = [];
    return { planeElementId: null, shapes: 0, edges: 0, width: 0, height: 0, durationMs: performance.now() - started };
  }
  const block = await layoutPools(collaboration, processes);
  for (const edge of block.edges) {
    const text = externalLabelText(edge.element);
    if (!text || edge.label) continue;
    // Flows ELK did not label (re-routed in lanes, message flows) start beside their first segment.
    const size = labelBoxBelow(text, { x: 0, y: 0 });
    edge.label = labelSpotsAlong(edge.waypoints, size.width, size.height)[0] ?? size;
  }
  placeLabels(block.shapes, block.edges);
  writeDiagram(definitions, moddle, planeRoot, block.shapes, block.edges);
  return {
    planeElementId: planeRoot.id ?? null,
    shapes: block.shapes.length,
    edges: block.edges.length,
    width: block.width,
    height: block.height,
    durationMs: performance.now() - started,
  };
}
