// Arrowheads and flow-start symbols as <marker> defs, one per (kind, fill, stroke), with deterministic ids.
// Lines reference them with marker-start/marker-end attributes (resvg ignores quoted url() in style).
import { num } from './svg-writer.ts';

export type MarkerKind =
  | 'sequenceflow-end'
  | 'messageflow-start'
  | 'messageflow-end'
  | 'association-start'
  | 'association-end'
  | 'conditional-flow-marker'
  | 'conditional-default-flow-marker';

interface MarkerSpec {
  ref: [number, number];
  scale: number;
  body(fill: string, stroke: string): string;
}

const SOLID = 'stroke-dasharray="10000, 1"';

const SPECS: Record<MarkerKind, MarkerSpec> = {
  'sequenceflow-end': {
    ref: [11, 10], scale: 0.5,
    body: (_fill, stroke) => `<path d="M 1 5 L 11 10 L 1 15 Z" fill="${stroke}" stroke="${stroke}" stroke-width="1"/>`,
  },
  'messageflow-start': {
    ref: [6, 6], scale: 1,
    body: (fill, stroke) => `<circle cx="6" cy="6" r="3.5" fill="${fill}" stroke="${stroke}" stroke-width="1" ${SOLID}/>`,
  },
  'messageflow-end': {
    ref: [8.5, 5], scale: 1,
    body: (fill, stroke) => `<path d="m 1 5 l 0 -3 l 7 3 l -7 3 z" fill="${fill}" stroke="${stroke}" stroke-width="1" ${SOLID}/>`,
  },
  'association-start': {
    ref: [1, 10], scale: 0.5,
    body: (_fill, stroke) => `<path d="M 11 5 L 1 10 L 11 15" fill="none" stroke="${stroke}" stroke-width="1.5" ${SOLID}/>`,
  },
  'association-end': {
    ref: [11, 10], scale: 0.5,
    body: (_fill, stroke) => `<path d="M 1 5 L 11 10 L 1 15" fill="none" stroke="${stroke}" stroke-width="1.5" ${SOLID}/>`,
  },
  'conditional-flow-marker': {
    ref: [-1, 10], scale: 0.5,
    body: (fill, stroke) => `<path d="M 0 10 L 8 6 L 16 10 L 8 14 Z" fill="${fill}" stroke="${stroke}" stroke-width="2"/>`,
  },
  'conditional-default-flow-marker': {
    ref: [0, 10], scale: 0.5,
    body: (_fill, stroke) => `<path d="M 6 4 L 10 16" fill="none" stroke="${stroke}" stroke-width="2"/>`,
  },
};

/** Collects the markers a drawing uses; `use` returns the url() to put in a marker attribute. */
export class MarkerSet {
  private readonly ids = new Map<string, string>();
  private defs = '';

  use(kind: MarkerKind, fill: string, stroke: string): string {
    const key = `${kind}|${fill}|${stroke}`;
    let url = this.ids.get(key);
    if (!url) {
      const id = `marker-${kind}-${this.ids.size + 1}`;
      url = `url(#${id})`;
      this.ids.set(key, url);
      const { ref, scale, body } = SPECS[kind];
      const size = num(20 * scale);
      this.defs +=
        `<marker id="${id}" viewBox="0 0 20 20" refX="${num(ref[0])}" refY="${num(ref[1])}" markerWidth="${size}" ` +
        `markerHeight="${size}" orient="auto">${body(fill, stroke)}</marker>`;
    }
    return url;
  }

  toSvg(): string {
    return this.defs;
  }
}
