// Start, intermediate, boundary and end events and their definition icons.
import { is, type ShapeItem } from '../di.ts';
import { scalePath } from '../path.ts';
import type { IconName } from '../icons.ts';
import { circle, DEFAULT_OPACITY, path, type Colors, type ShapeContext } from './primitives.ts';

interface IconBox {
  width: number;
  height: number;
  /** Drawn inside a collapsed event sub-process's 22 px corner icon. */
  small: boolean;
}

function scaled(name: IconName, box: IconBox, scale: number, mx: number, my: number): string {
  return scalePath(name, {
    containerWidth: box.width, containerHeight: box.height, xScale: scale, yScale: scale, position: { mx, my },
  });
}

type IconDrawer = (box: IconBox, colors: Colors, throwing: boolean) => string;

/** Catching icons are outlines on the fill colour; throwing icons are filled with the stroke colour. */
function simpleIcon(name: IconName, scale: number, mx: number, my: number, throwFill = true): IconDrawer {
  return (box, { fill, stroke }, throwing) =>
    path(scaled(name, box, scale, mx, my), { fill: throwing && throwFill ? stroke : fill, stroke, 'stroke-width': 1 });
}

function timerIcon(box: IconBox, { fill, stroke }: Colors): string {
  const strokeWidth = box.small ? 1 : 2;
  let out = circle(box.width, box.height, 0.2 * box.height, { fill, stroke, 'stroke-width': strokeWidth });
  out += path(scaled('EVENT_TIMER_WH', box, 0.75, 0.5, 0.5), { stroke, 'stroke-width': strokeWidth });
  const tick = scaled('EVENT_TIMER_LINE', box, 0.75, 0.5, 0.5);
  for (let i = 0; i < 12; i++) {
    out += path(tick, { stroke, 'stroke-width': 1, transform: `rotate(${i * 30},${box.height / 2},${box.width / 2})` });
  }
  return out;
}

const ICONS: Record<string, IconDrawer> = {
  'bpmn:MessageEventDefinition': (box, { fill, stroke }, throwing) =>
    path(scaled('EVENT_MESSAGE', box, 0.9, 0.235, 0.315), {
      fill: throwing ? stroke : fill, stroke: throwing ? fill : stroke, 'stroke-width': 1,
    }),
  'bpmn:TimerEventDefinition': timerIcon,
  'bpmn:ConditionalEventDefinition': simpleIcon('EVENT_CONDITIONAL', 1, 0.5, 0.222, false),
  'bpmn:SignalEventDefinition': simpleIcon('EVENT_SIGNAL', 0.9, 0.5, 0.2),
  'bpmn:EscalationEventDefinition': simpleIcon('EVENT_ESCALATION', 1, 0.5, 0.2),
  'bpmn:LinkEventDefinition': simpleIcon('EVENT_LINK', 1, 0.57, 0.263),
  'bpmn:ErrorEventDefinition': simpleIcon('EVENT_ERROR', 1.1, 0.2, 0.722),
  'bpmn:CancelEventDefinition': (box, { stroke }, throwing) =>
    path(scaled('EVENT_CANCEL_45', box, 1, 0.638, -0.055), {
      fill: throwing ? stroke : 'none', stroke, 'stroke-width': 1, transform: 'rotate(45)',
    }),
  'bpmn:CompensateEventDefinition': simpleIcon('EVENT_COMPENSATION', 1, 0.22, 0.5),
  'bpmn:MultipleEventDefinition': simpleIcon('EVENT_MULTIPLE', 1.1, 0.211, 0.36),
  'bpmn:ParallelMultipleEventDefinition': simpleIcon('EVENT_PARALLEL_MULTIPLE', 1.2, 0.458, 0.194, false),
  'bpmn:TerminateEventDefinition': (box, { stroke }) => circle(box.width, box.height, 8, { fill: stroke, stroke, 'stroke-width': 4 }),
};

// bpmn-js checks definitions in this order when an event has exactly one kind.
const ICON_ORDER = [
  'bpmn:MessageEventDefinition', 'bpmn:TimerEventDefinition', 'bpmn:ConditionalEventDefinition',
  'bpmn:SignalEventDefinition', 'bpmn:EscalationEventDefinition', 'bpmn:LinkEventDefinition',
  'bpmn:ErrorEventDefinition', 'bpmn:CancelEventDefinition', 'bpmn:CompensateEventDefinition',
  'bpmn:TerminateEventDefinition',
];

/** The icon for an event's definitions (multiple / parallel-multiple when it has several). */
export function eventIcon(semantic: any, box: IconBox, colors: Colors): string {
  const definitions: any[] = semantic.eventDefinitions ?? [];
  const throwing = is(semantic, 'bpmn:IntermediateThrowEvent') || is(semantic, 'bpmn:EndEvent');
  let kind: string | undefined;
  if (definitions.length > 1) {
    kind = semantic.parallelMultiple ? 'bpmn:ParallelMultipleEventDefinition' : 'bpmn:MultipleEventDefinition';
  } else {
    kind = ICON_ORDER.find((type) => definitions.some((d) => d?.$type === type));
  }
  return kind ? ICONS[kind]!({ ...box }, colors, throwing) : '';
}

function outer(item: ShapeItem, colors: Colors, attrs: Record<string, string | number | undefined>): string {
  const { width, height } = item.bounds;
  return circle(width, height, 0, { 'fill-opacity': DEFAULT_OPACITY, fill: colors.fill, stroke: colors.stroke, ...attrs });
}

function icon(item: ShapeItem, colors: Colors): string {
  return eventIcon(item.semantic, { width: item.bounds.width, height: item.bounds.height, small: false }, colors);
}

export function drawStartEvent(item: ShapeItem, { colors }: ShapeContext): string {
  const attrs = item.semantic.isInterrupting === false ? { 'stroke-dasharray': '6' } : {};
  return outer(item, colors, attrs) + icon(item, colors);
}

export function drawEndEvent(item: ShapeItem, { colors }: ShapeContext): string {
  return outer(item, colors, { 'stroke-width': 4 }) + icon(item, colors);
}

export function drawIntermediateEvent(item: ShapeItem, { colors }: ShapeContext): string {
  const { width, height } = item.bounds;
  return (
    outer(item, colors, { 'stroke-width': 1.5 }) +
    circle(width, height, 3, { fill: 'none', stroke: colors.stroke, 'stroke-width': 1.5 }) +
    icon(item, colors)
  );
}

export function drawBoundaryEvent(item: ShapeItem, { colors }: ShapeContext): string {
  const { width, height } = item.bounds;
  const dash = item.semantic.cancelActivity === false ? { 'stroke-dasharray': '6' } : {};
  const attrs = { 'stroke-width': 1.5, stroke: colors.stroke, ...dash };
  return (
    circle(width, height, 0, { ...attrs, fill: colors.fill, 'fill-opacity': 1 }) +
    circle(width, height, 3, { ...attrs, fill: 'none' }) +
    icon(item, colors)
  );
}
