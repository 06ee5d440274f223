// Safe BPMN 2.0 import: refuses DTDs/entities and bounds size, depth and element count before bpmn-moddle parses.
// (Skeleton: the BPMN engine issue hardens this; the signature is what the rest of the code relies on.)
import BpmnModdle from 'bpmn-moddle';

export interface ParseLimits {
  maxBytes: number;
  maxDepth: number;
  maxElements: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxBytes: 5 * 1024 * 1024, maxDepth: 100, maxElements: 50_000 };

export interface BpmnWarning {
  message: string;
  elementId: string | null;
}

export interface ParsedBpmn {
  /** bpmn-moddle's `bpmn:Definitions` root. */
  definitions: any;
  /** The moddle instance that made it (needed to create elements and to export). */
  moddle: any;
  warnings: BpmnWarning[];
}

export class BpmnParseError extends Error {
  override name = 'BpmnParseError';
  constructor(
    message: string,
    readonly elementId: string | null = null,
    readonly line: number | null = null,
  ) {
    super(message);
  }
}

export async function parseBpmn(xml: string, _limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<ParsedBpmn> {
  const moddle = new BpmnModdle();
  try {
    const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
    return {
      definitions: rootElement,
      moddle,
      warnings: warnings.map((w: any) => ({ message: String(w.message), elementId: w.element?.id ?? null })),
    };
  } catch (err) {
    throw new BpmnParseError((err as Error).message);
  }
}
