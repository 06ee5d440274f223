// Piscina worker for CPU-heavy rendering: compiled to render-worker.js by the build; from the sources it is loaded
// through render-worker.mjs (see ../worker-file.ts).
// Expected failures come back as { failure } values: errors thrown across threads lose their class.
import { diffBpmn } from './compare/diff.ts';
import { renderCompareImage, type CompareImageOptions } from './compare/image.ts';
import { LayoutError } from './layout/layout.ts';
import { BpmnParseError, type ParseLimits } from './parse.ts';
import { prepareImport } from './prepare-import.ts';
import { RenderOptionsError, renderPng } from './render/png.ts';
import { DiagramNotFoundError } from './render/svg.ts';
import { pagesFromXml, renderSvgFromXml } from './render/svg-from-xml.ts';
import type { ThemeName } from './render/theme.ts';
import { announceLoaded } from '../worker-loaded.ts';

function failure(error: unknown) {
  if (error instanceof BpmnParseError) {
    return { failure: { kind: 'parse', message: error.message, elementId: error.elementId, line: error.line } };
  }
  if (error instanceof DiagramNotFoundError) return { failure: { kind: 'diagram', message: error.message } };
  if (error instanceof RenderOptionsError) return { failure: { kind: 'options', message: error.message } };
  if (error instanceof LayoutError) return { failure: { kind: 'layout', message: error.message } };
  throw error;
}

/** { svg, scale, background? } → { png } with the PNG bytes. */
export function png({ svg, scale, background }: { svg: string; scale: number; background?: string }) {
  try {
    return { png: renderPng(svg, { scale, ...(background === undefined ? {} : { background }) }) };
  } catch (error) {
    return failure(error);
  }
}

/** { xml, theme, diagramId? } → { svg } (reading happens here too, off the main thread; the lean reader when it can). */
export async function svg({ xml, theme, diagramId }: { xml: string; theme: ThemeName; diagramId?: string }) {
  try {
    return { svg: await renderSvgFromXml(xml, { theme, diagramId }) };
  } catch (error) {
    return failure(error);
  }
}

/** { xml } → { pages: [{ id, name }] }: the document's BPMNDiagram pages. */
export async function pages({ xml }: { xml: string }) {
  try {
    return { pages: await pagesFromXml(xml) };
  } catch (error) {
    return failure(error);
  }
}

/** { xml, limits? } → { prepared: { xml, stats, name } }: an import validated, laid out when DI-less, exported. */
export async function prepare({ xml, limits }: { xml: string; limits?: ParseLimits }) {
  try {
    return { prepared: await prepareImport(xml, limits) };
  } catch (error) {
    return failure(error);
  }
}

/** { fromXml, toXml } → { diff }: the semantic diff of two versions. */
export async function diff({ fromXml, toXml }: { fromXml: string; toXml: string }) {
  try {
    return { diff: await diffBpmn(fromXml, toXml) };
  } catch (error) {
    return failure(error);
  }
}

/** { fromXml, toXml, options } → { image, contentType }: the compare image of two versions. */
export async function compare({ fromXml, toXml, options }: { fromXml: string; toXml: string; options: CompareImageOptions }) {
  try {
    const { body, contentType } = await renderCompareImage(fromXml, toXml, options);
    return { image: body, contentType };
  } catch (error) {
    return failure(error);
  }
}

announceLoaded();
