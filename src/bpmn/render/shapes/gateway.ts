// Gateways: a diamond plus the type's marker (the exclusive "X" only when the DI asks for it).
import type { ShapeItem } from '../di.ts';
import type { IconName } from '../icons.ts';
import { scalePath } from '../path.ts';
import { circle, DEFAULT_OPACITY, diamond, path, type Colors, type ShapeContext } from './primitives.ts';

function shape(item: ShapeItem, { fill, stroke }: Colors): string {
  return diamond(item.bounds.width, item.bounds.height, { fill, fillOpacity: DEFAULT_OPACITY, stroke });
}

function icon(item: ShapeItem, name: IconName, scale: number, mx: number, my: number): string {
  const { width, height } = item.bounds;
  return scalePath(name, { containerWidth: width, containerHeight: height, xScale: scale, yScale: scale, position: { mx, my } });
}

export function drawGateway(item: ShapeItem, { colors }: ShapeContext): string {
  return shape(item, colors);
}

export function drawExclusiveGateway(item: ShapeItem, { colors }: ShapeContext): string {
  const marker = item.di?.isMarkerVisible
    ? path(icon(item, 'GATEWAY_EXCLUSIVE', 0.4, 0.32, 0.3), { strokeWidth: 1, fill: colors.stroke, stroke: colors.stroke })
    : '';
  return shape(item, colors) + marker;
}

export function drawParallelGateway(item: ShapeItem, { colors }: ShapeContext): string {
  return shape(item, colors) + path(icon(item, 'GATEWAY_PARALLEL', 0.6, 0.46, 0.2), { strokeWidth: 1, fill: colors.stroke, stroke: colors.stroke });
}

export function drawInclusiveGateway(item: ShapeItem, { colors }: ShapeContext): string {
  const { width, height } = item.bounds;
  return shape(item, colors) + circle(width, height, height * 0.24, { strokeWidth: 2.5, fill: colors.fill, stroke: colors.stroke });
}

export function drawComplexGateway(item: ShapeItem, { colors }: ShapeContext): string {
  return shape(item, colors) + path(icon(item, 'GATEWAY_COMPLEX', 0.5, 0.46, 0.26), { strokeWidth: 1, fill: colors.stroke, stroke: colors.stroke });
}

export function drawEventBasedGateway(item: ShapeItem, { colors, authoredFill }: ShapeContext): string {
  const { width, height } = item.bounds;
  const { stroke } = colors;
  const semantic = item.semantic;
  // bpmn-js leaves this circle unfilled unless the DI sets a fill.
  let out = shape(item, colors) + circle(width, height, height * 0.2, { strokeWidth: 1, fill: authoredFill ?? 'none', stroke });
  const type = semantic.eventGatewayType ?? 'Exclusive';
  if (type === 'Parallel') {
    out += path(icon(item, 'GATEWAY_PARALLEL', 0.4, 0.474, 0.296), { strokeWidth: 1, stroke });
  } else if (type === 'Exclusive') {
    if (!semantic.instantiate) out += circle(width, height, height * 0.26, { strokeWidth: 1, fill: 'none', stroke });
    out += path(icon(item, 'GATEWAY_EVENT_BASED', 0.18, 0.36, 0.44), { stroke });
  }
  return out;
}
