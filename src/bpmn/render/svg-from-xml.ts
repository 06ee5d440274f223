// XML → SVG as the product renders images: the render-only reader when it can read the document exactly as the
// full parser would, otherwise parseBpmn (which also gives every refusal its precise error).
import { DEFAULT_PARSE_LIMITS, parseBpmn, type ParseLimits } from '../parse.ts';
import { readForRender } from './read/reader.ts';
import { renderSvg, type RenderSvgOptions } from './svg.ts';

export async function renderSvgFromXml(xml: string | Uint8Array, options: RenderSvgOptions, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<string> {
  const definitions = (typeof xml === 'string' ? readForRender(xml, limits) : null) ?? (await parseBpmn(xml, limits)).definitions;
  return renderSvg(definitions, options);
}
