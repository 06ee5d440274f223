// Pools (white-box with a 30 px title band, black-box with a centred name) and lanes, horizontal or vertical.
import { is, type ShapeItem } from '../di.ts';
import { scalePath } from '../path.ts';
import { DEFAULT_FONT_SIZE } from '../text.ts';
import { DEFAULT_OPACITY, label, path, rect, type Colors, type ShapeContext } from './primitives.ts';

const BAND = 30;

function isHorizontal(item: ShapeItem): boolean {
  return item.di?.isHorizontal !== false;
}

function band(item: ShapeItem, colors: Colors, fillOpacity: number): string {
  const { width, height } = item.bounds;
  return rect(width, height, 0, 0, { strokeWidth: 1.5, fill: colors.fill, fillOpacity, stroke: colors.stroke });
}

/** The title in the 30 px band: rotated −90° along the left edge when horizontal, across the top when vertical. */
function bandTitle(item: ShapeItem, colors: Colors, text: string): string {
  const { width, height } = item.bounds;
  const horizontal = isHorizontal(item);
  return label(text, {
    box: { width: horizontal ? height : width, height: BAND }, align: 'center-middle', padding: 0,
    fontSize: DEFAULT_FONT_SIZE, fill: colors.label, transform: horizontal ? `translate(0,${height}) rotate(270)` : undefined,
  });
}

export function drawLane(item: ShapeItem, { colors }: ShapeContext): string {
  const title = is(item.semantic, 'bpmn:Lane') ? bandTitle(item, colors, String(item.semantic.name ?? '')) : '';
  return band(item, colors, 0.25) + title;
}

export function drawParticipant(item: ShapeItem, { colors }: ShapeContext): string {
  const { width, height } = item.bounds;
  const horizontal = isHorizontal(item);
  const name = String(item.semantic.name ?? '');
  let out = band(item, colors, DEFAULT_OPACITY);
  if (!item.collapsed) {
    const line = horizontal ? `M${BAND},0L${BAND},${height}` : `M0,${BAND}L${width},${BAND}`;
    out += path(line, { strokeWidth: 1.5, stroke: colors.stroke }) + bandTitle(item, colors, name);
  } else {
    out += label(name, {
      box: horizontal ? { width, height } : { width: height, height: width }, align: 'center-middle', padding: 0,
      fontSize: DEFAULT_FONT_SIZE, fill: colors.label, transform: horizontal ? undefined : `translate(0,${height}) rotate(270)`,
    });
  }
  if (item.semantic.participantMultiplicity) {
    const d = scalePath('MARKER_PARALLEL', {
      containerWidth: width, containerHeight: height, position: { mx: (width / 2 - 6) / width, my: (height - 15) / height },
    });
    out += path(d, { fill: colors.fill, stroke: colors.stroke, marker: 'participant-multiplicity' });
  }
  return out;
}
