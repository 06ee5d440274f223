// Piscina worker for CPU-heavy rendering. Plain .mjs so Node can load it in any worker thread; it registers tsx
// itself so the TypeScript renderer runs the same under `npm start`, the CLI and vitest.
// Expected failures come back as { failure } values: errors thrown across threads lose their class.
import { register } from 'tsx/esm/api';

register();

const { BpmnParseError } = await import('./parse.ts');
const { DiagramNotFoundError } = await import('./render/svg.ts');
const { renderSvgFromXml } = await import('./render/svg-from-xml.ts');
const { RenderOptionsError, renderPng } = await import('./render/png.ts');
const { LayoutError } = await import('./layout/layout.ts');
const { prepareImport } = await import('./prepare-import.ts');
const { announceLoaded } = await import('../worker-loaded.ts');

function failure(error) {
  if (error instanceof BpmnParseError) {
    return { failure: { kind: 'parse', message: error.message, elementId: error.elementId, line: error.line } };
  }
  if (error instanceof DiagramNotFoundError) return { failure: { kind: 'diagram', message: error.message } };
  if (error instanceof RenderOptionsError) return { failure: { kind: 'options', message: error.message } };
  if (error instanceof LayoutError) return { failure: { kind: 'layout', message: error.message } };
  throw error;
}

/** { svg, scale, background? } → { png } with the PNG bytes. */
export function png({ svg, scale, background }) {
  try {
    return { png: renderPng(svg, { scale, background }) };
  } catch (error) {
    return failure(error);
  }
}

/** { xml, theme, diagramId? } → { svg } (reading happens here too, off the main thread; the lean reader when it can). */
export async function svg({ xml, theme, diagramId }) {
  try {
    return { svg: await renderSvgFromXml(xml, { theme, diagramId }) };
  } catch (error) {
    return failure(error);
  }
}

/** { xml, limits? } → { prepared: { xml, stats, name } }: an import validated, laid out when DI-less, exported. */
export async function prepare({ xml, limits }) {
  try {
    return { prepared: await prepareImport(xml, limits) };
  } catch (error) {
    return failure(error);
  }
}

announceLoaded();
