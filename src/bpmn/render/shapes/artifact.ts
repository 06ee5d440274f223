// Text annotations (a bracket and left-aligned text) and groups (dash-dotted rounded rect).
import type { ShapeItem } from '../di.ts';
import { scalePath } from '../path.ts';
import { DEFAULT_FONT_SIZE } from '../text.ts';
import { label, path, rect, type ShapeContext } from './primitives.ts';

export function drawTextAnnotation(item: ShapeItem, { colors }: ShapeContext): string {
  const { width, height } = item.bounds;
  const bracket = scalePath('TEXT_ANNOTATION', { containerWidth: width, containerHeight: height, position: { mx: 0, my: 0 } });
  return (
    path(bracket, { stroke: colors.stroke }) +
    label(String(item.semantic.text ?? ''), { box: { width, height }, align: 'left-top', padding: 7, fontSize: DEFAULT_FONT_SIZE, fill: colors.label })
  );
}

export function drawGroup(item: ShapeItem, { colors }: ShapeContext): string {
  const { width, height } = item.bounds;
  return rect(width, height, 10, 0, { strokeWidth: 1.5, fill: 'none', stroke: colors.stroke, dash: '10, 6, 0, 6' });
}
