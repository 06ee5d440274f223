// Auto-layout for BPMN documents without DI: a diagram with a shape for every pool, lane, flow node, data element
// and artifact and an edge for every flow and association, written as the document's new diagram interchange.
import { exportWithDiagrams, type LaidOutDiagram } from './di-writer.ts';
import type { Block } from './geometry.ts';
import { branchLabelSpot, labelSpotsAlong, placeLabels } from './labels.ts';
import { layoutPools } from './pools.ts';
import { externalLabelText, is, labelBoxBelow } from './sizes.ts';
import type { BpmnElement, Definitions, Moddle } from '../model.ts';

export interface LayoutOptions {
  /** Which collaboration to draw when there are several; default: the one with the most participants. */
  collaborationId?: string;
  /** Refuse documents with more flow elements and artifacts than this (layout time grows faster than linearly). */
  maxElements?: number;
}

/** Far beyond any diagram a person reads; a synthetic process this size imports, layout included, in under half a second. */
export const DEFAULT_MAX_LAYOUT_ELEMENTS = 3000;

function countElements(roots: BpmnElement[]): number {
  let count = 0;
  const visit = (container: BpmnElement) => {
    for (const child of [...(container.flowElements ?? []), ...(container.artifacts ?? [])]) {
      count++;
      visit(child);
    }
  };
  for (const root of roots) {
    visit(root);
    count += (root.participants?.length ?? 0) + (root.messageFlows?.length ?? 0);
  }
  return count;
}

export interface LayoutReport {
  /** Id of the element the first (main) plane shows: the collaboration, or the process. */
  planeElementId: string | null;
  /** Number of diagrams written (more than one only for several collaborations or unrelated processes). */
  diagrams: number;
  /** Shapes and edges over all diagrams. */
  shapes: number;
  edges: number;
  /** Size of the main diagram. */
  width: number;
  height: number;
  durationMs: number;
}

export class LayoutError extends Error {
  override name = 'LayoutError';
}

function pickCollaboration(collaborations: BpmnElement[], options: LayoutOptions): BpmnElement | null {
  if (options.collaborationId) {
    const chosen = collaborations.find((c) => c.id === options.collaborationId);
    if (!chosen) throw new LayoutError(`No collaboration with id "${options.collaborationId}"`);
    return chosen;
  }
  let best: BpmnElement | null = null;
  for (const c of collaborations) if (!best || (c.participants?.length ?? 0) > (best.participants?.length ?? 0)) best = c;
  return best;
}

/**
 * Labels for flows the layered layout did not label (re-routed in lanes, message flows) start beside their branch's
 * run after the first turn, as the layered layout places them, or else beside their first segment.
 */
function labelFlows(block: Block): void {
  for (const edge of block.edges) {
    const text = externalLabelText(edge.element);
    if (!text || edge.label) continue;
    const size = labelBoxBelow(text, { x: 0, y: 0 });
    edge.label =
      (is(edge.element, 'bpmn:SequenceFlow') ? branchLabelSpot(edge.waypoints, size.width, size.height) : null) ??
      labelSpotsAlong(edge.waypoints, size.width, size.height).next().value ??
      size;
  }
  placeLabels(block.shapes, block.edges);
}

/**
 * Lays out `definitions` without changing them. The first diagram shows the chosen collaboration (or the first
 * process) plus free-standing processes with lanes, which bpmn-js draws on the same plane; every other collaboration
 * and every process drawn nowhere else gets a diagram of its own.
 */
export function planDiagrams(definitions: Definitions, options: LayoutOptions = {}): { diagrams: LaidOutDiagram[]; report: LayoutReport } {
  const started = performance.now();
  if (!definitions || !is(definitions, 'bpmn:Definitions')) throw new LayoutError('Expected bpmn:Definitions as the root element');
  const roots: BpmnElement[] = definitions.rootElements ?? [];
  const limit = options.maxElements ?? DEFAULT_MAX_LAYOUT_ELEMENTS;
  const elements = countElements(roots);
  if (elements > limit) throw new LayoutError(`Too many elements to lay out: ${elements} (the limit is ${limit})`);
  const collaborations = roots.filter((r) => is(r, 'bpmn:Collaboration'));
  const main = pickCollaboration(collaborations, options);
  const processes = roots.filter((r) => is(r, 'bpmn:Process'));
  const inCollaboration = new Set<BpmnElement | undefined>(collaborations.flatMap((c) => (c.participants ?? []).map((p) => p.processRef)));
  const freeWithLanes = processes.filter((p) => !inCollaboration.has(p) && (p.laneSets?.length ?? 0) > 0);

  const views: Array<{ root: BpmnElement; collaboration: BpmnElement | null; processes: BpmnElement[] }> = [];
  if (main) views.push({ root: main, collaboration: main, processes: freeWithLanes });
  else if (processes[0]) views.push({ root: processes[0], collaboration: null, processes: [processes[0], ...freeWithLanes.filter((p) => p !== processes[0])] });
  const shown = new Set<BpmnElement>(views.flatMap((v) => v.processes));
  for (const c of collaborations) {
    if (c === main) continue;
    views.push({ root: c, collaboration: c, processes: [] });
  }
  for (const p of processes) {
    if (!shown.has(p) && !inCollaboration.has(p)) views.push({ root: p, collaboration: null, processes: [p] });
  }

  const diagrams: LaidOutDiagram[] = [];
  const report: LayoutReport = {
    planeElementId: views[0]?.root.id ?? null,
    diagrams: views.length,
    shapes: 0,
    edges: 0,
    width: 0,
    height: 0,
    durationMs: 0,
  };
  for (const [i, view] of views.entries()) {
    const block = layoutPools(view.collaboration, view.processes);
    labelFlows(block);
    diagrams.push({ root: view.root, shapes: block.shapes, edges: block.edges });
    report.shapes += block.shapes.length;
    report.edges += block.edges.length;
    if (i === 0) {
      report.width = block.width;
      report.height = block.height;
    }
  }
  report.durationMs = performance.now() - started;
  return { diagrams, report };
}

/**
 * Lays out `parsed.definitions` and writes them (exportBpmn) with the new diagrams in place of any they had; the
 * model itself is left as it was. `report.durationMs` covers layout and writing.
 */
export async function layoutToXml(parsed: { definitions: Definitions; moddle: Moddle }, options: LayoutOptions = {}): Promise<{ xml: string; report: LayoutReport }> {
  const started = performance.now();
  const { diagrams, report } = planDiagrams(parsed.definitions, options);
  const xml = await exportWithDiagrams(parsed.definitions, parsed.moddle, diagrams);
  report.durationMs = performance.now() - started;
  return { xml, report };
}
