// Packages that ship no type declarations.
declare module 'bpmn-moddle' {
  const BpmnModdle: any;
  export default BpmnModdle;
}
declare module 'bpmn-auto-layout' {
  export function layoutProcess(xml: string): Promise<string>;
}
declare module 'wink-eng-lite-web-model' {
  const model: any;
  export default model;
}
declare module 'opentype.js' {
  const opentype: { parse(buffer: ArrayBuffer): any };
  export default opentype;
}
// bpmn-moddle 10 exports its class by name (there is no default export at runtime).
declare module 'bpmn-moddle' {
  export const BpmnModdle: any;
}
