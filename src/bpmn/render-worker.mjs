// Piscina worker for CPU-heavy rendering. Plain .mjs so Node can load it in any worker thread; it registers tsx
// itself so the TypeScript renderer runs the same under `npm start`, the CLI and vitest.
import { register } from 'tsx/esm/api';

register();

const { parseBpmn } = await import('./parse.ts');
const { renderSvg } = await import('./render/svg.ts');
const { renderPng } = await import('./render/png.ts');

/** { svg, scale, background? } → PNG bytes. */
export function png({ svg, scale, background }) {
  return renderPng(svg, { scale, background });
}

/** { xml, theme, diagramId? } → SVG text (parsing happens here too, off the main thread). */
export async function svg({ xml, theme, diagramId }) {
  const { definitions } = await parseBpmn(xml);
  return renderSvg(definitions, { theme, diagramId });
}
