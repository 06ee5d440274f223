// XML → SVG as the product renders images: the render-only reader when it can read the document exactly as the
// full parser would, otherwise parseBpmn (which also gives every refusal its precise error).
import { DEFAULT_PARSE_LIMITS, parseBpmn, type ParseLimits } from '../parse.ts';
import { readForRender } from './read/reader.ts';
import { diagramPages, type DiagramPage } from './di.ts';
import { renderSvg, type RenderSvgOptions } from './svg.ts';
import type { Definitions } from '../model.ts';

export async function renderSvgFromXml(xml: string | Uint8Array, options: RenderSvgOptions, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<string> {
  return renderSvg(await readDefinitions(xml, limits), options);
}

/** The document's BPMNDiagram pages, read the way a render reads them. */
export async function pagesFromXml(xml: string | Uint8Array, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<DiagramPage[]> {
  return diagramPages(await readDefinitions(xml, limits));
}

async function readDefinitions(xml: string | Uint8Array, limits: ParseLimits): Promise<Definitions> {
  return (typeof xml === 'string' ? readForRender(xml, limits) : null) ?? (await parseBpmn(xml, limits)).definitions;
}
