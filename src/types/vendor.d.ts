// Packages that ship no type declarations (or, like bpmn-moddle, types for their model but not their entry point).

// bpmn-moddle 10 exports its class by name (there is no default export at runtime). Its model types ship as
// `bpmn-moddle/types`; the class extends moddle's `Moddle`, whose own types moddle ships.
declare module 'bpmn-moddle' {
  import type { Moddle, ModdleElement, PackageDefinition } from 'moddle';
  import type { BpmnDefinitions } from 'bpmn-moddle/types';

  /** A problem moddle-xml met while reading and skipped (unknown element or attribute, unresolved reference, …). */
  export interface ParseWarning {
    message: string;
    element?: ModdleElement;
    property?: string;
    value?: unknown;
    error?: Error;
    line?: number;
    column?: number;
  }

  export interface ParseResult {
    rootElement: ModdleElement<BpmnDefinitions>;
    references: { element: ModdleElement; property: string; id: string }[];
    warnings: ParseWarning[];
    elementsById: Record<string, ModdleElement>;
  }

  export class BpmnModdle extends Moddle {
    // nsMap: namespace URI → prefix, for the reader to keep a document's own prefixes.
    constructor(packages?: Record<string, PackageDefinition>, options?: { strict?: boolean; nsMap?: Record<string, string> });
    fromXML(xml: string, options?: { lax?: boolean }): Promise<ParseResult>;
    fromXML(xml: string, typeName: string, options?: { lax?: boolean }): Promise<ParseResult>;
    toXML(element: object, options?: { format?: boolean; preamble?: boolean }): Promise<{ xml: string }>;
  }
}
declare module 'bpmn-auto-layout' {
  export function layoutProcess(xml: string): Promise<string>;
}
declare module 'wink-eng-lite-web-model' {
  import type { Model } from 'wink-nlp';
  const model: Model;
  export default model;
}
declare module 'opentype.js' {
  // The part of a parsed font that text.ts measures with.
  interface Font {
    unitsPerEm: number;
    charToGlyphIndex(char: string): number;
    charToGlyph(char: string): { advanceWidth: number };
    glyphs: { get(index: number): { getPath(x: number, y: number, size: number): { toPathData(decimals: number): string } } | undefined };
    kerningPairs?: Record<string, number>;
  }
  const opentype: { parse(buffer: ArrayBuffer, options?: { lowMemory?: boolean }): Font };
  export default opentype;
}
declare module 'autocannon' {
  interface AutocannonOptions {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    headers?: Record<string, string>;
  }
  interface Histogram {
    average: number;
    mean: number;
    p50: number;
    p99: number;
    total: number;
  }
  interface AutocannonResult {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
  }
  function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
  export default autocannon;
}
