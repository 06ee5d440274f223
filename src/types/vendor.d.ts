// Packages that ship no type declarations.
declare module 'bpmn-moddle' {
  const BpmnModdle: any;
  export default BpmnModdle;
}
declare module 'bpmn-auto-layout' {
  export function layoutProcess(xml: string): Promise<string>;
}
declare module 'opentype.js' {
  const opentype: { parse(buffer: ArrayBuffer, options?: { lowMemory?: boolean }): any };
  export default opentype;
}
// bpmn-moddle 10 exports its class by name (there is no default export at runtime).
declare module 'bpmn-moddle' {
  export const BpmnModdle: any;
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
