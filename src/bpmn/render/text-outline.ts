// For rasterising only: replaces our labels' <text> with references to glyph outlines defined once, so resvg skips
// text shaping, which was most of its parse time on label-heavy diagrams (see docs/rendering.md). Glyph positions
// come from the same advances and kerning that laid the labels out.
import { fontUnitsPerEm, glyphOutline, placeGlyphs } from './text.ts';
import { num } from './svg-writer.ts';

// Exactly what shapes/primitives.ts label() writes; anything else (foreign SVG) is left alone.
const LABEL = /<text class="djs-label" font-family="Arial, sans-serif" font-size="([\d.]+)" font-weight="normal" fill="([^"]*)"(?: transform="([^"]*)")?>((?:<tspan x="[-\d.e]+" y="[-\d.e]+">[^<]*<\/tspan>)*)<\/text>/g;
const SPAN = /<tspan x="([-\d.e]+)" y="([-\d.e]+)">([^<]*)<\/tspan>/g;

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function outlineLabels(svg: string): string {
  const used = new Set<number>();
  const unitsPerEm = fontUnitsPerEm();
  const replaced = svg.replace(LABEL, (_all, size: string, fill: string, transform: string | undefined, spans: string) => {
    const scale = String(Number(size) / unitsPerEm);
    let glyphs = '';
    for (const [, x, y, text] of spans.matchAll(SPAN)) {
      for (const glyph of placeGlyphs(unescape(text!), Number(size))) {
        if (glyph.index === 0 || !glyphOutline(glyph.index)) continue;
        used.add(glyph.index);
        glyphs += `<use href="#glyph-${glyph.index}" transform="translate(${num(Number(x) + glyph.x)},${y}) scale(${scale})"/>`;
      }
    }
    return `<g fill="${fill}"${transform ? ` transform="${transform}"` : ''}>${glyphs}</g>`;
  });
  if (used.size === 0) return replaced;
  const defs = [...used].map((index) => `<path id="glyph-${index}" d="${glyphOutline(index)}"/>`).join('');
  return replaced.replace('<defs>', `<defs>${defs}`);
}
