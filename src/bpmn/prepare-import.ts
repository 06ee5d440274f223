// An imported document as we store it: parsed and validated, laid out when it has no DI, exported faithfully.
// Runs in the render worker pool: a big DI-less document costs seconds of layout that must not block the server.
import { exportBpmn } from './export.ts';
import { layoutToXml } from './layout/layout.ts';
import type { ParseLimits } from './parse.ts';
import type { BpmnStats } from './stats.ts';
import { importBpmn } from './validate.ts';
import type { BpmnElement, Definitions } from './model.ts';

export interface PreparedImport {
  xml: string;
  stats: BpmnStats;
  /** The first named collaboration or process (else the definitions' name), untrimmed of length: null when none. */
  name: string | null;
}

/** Throws BpmnParseError for unsafe, malformed or invalid BPMN, LayoutError when a DI-less document is too large. */
export async function prepareImport(xml: string, limits?: ParseLimits): Promise<PreparedImport> {
  const imported = await importBpmn(xml, limits);
  const laidOut = hasDiagramInterchange(imported.definitions) ? null : await layoutToXml(imported);
  return {
    xml: laidOut?.xml ?? (await exportBpmn(imported.definitions, imported.moddle)),
    stats: imported.stats,
    name: documentName(imported.definitions),
  };
}

function hasDiagramInterchange(definitions: Definitions): boolean {
  return (definitions.diagrams ?? []).some((d: BpmnElement) => (d?.plane?.planeElement?.length ?? 0) > 0);
}

function documentName(definitions: Definitions): string | null {
  for (const root of definitions.rootElements ?? []) {
    const name = typeof root?.name === 'string' ? root.name.trim() : '';
    if (name !== '' && (root.$type === 'bpmn:Collaboration' || root.$type === 'bpmn:Process')) return name;
  }
  const own = typeof definitions.name === 'string' ? definitions.name.trim() : '';
  return own === '' ? null : own;
}
