// Start, intermediate, boundary and end events and their definition icons.
import { is, type ShapeItem } from '../di.ts';
import { scalePath } from '../path.ts';
import type { IconName } from '../icons.ts';
import { circle, DEFAULT_OPACITY, path, type Colors, type ShapeContext } from './primitives.ts';
import type { BpmnElement, Definitions } from '../../model.ts';

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
    path(scaled(name, box, scale, mx, my), { strokeWidth: 1, fill: throwing && throwFill ? stroke : fill, stroke });
}

function timerIcon(box: IconBox, { fill, stroke }: Colors): string {
  const strokeWidth = box.small ? 1 : 2;
  let out = circle(box.width, box.height, 0.2 * box.height, { strokeWidth, fill, stroke });
  out += path(scaled('EVENT_TIMER_WH', box, 0.75, 0.5, 0.5), { strokeWidth, stroke });
  const tick = scaled('EVENT_TIMER_LINE', box, 0.75, 0.5, 0.5);
  for (let i = 0; i < 12; i++) {
    out += path(tick, { strokeWidth: 1, stroke, transform: `rotate(${i * 30},${box.height / 2},${box.width / 2})` });
  }
  return out;
}

const ICONS: Record<string, IconDrawer> = {
  'bpmn:MessageEventDefinition': (box, { fill, stroke }, throwing) =>
    path(scaled('EVENT_MESSAGE', box, 0.9, 0.235, 0.315), { strokeWidth: 1, fill: throwing ? stroke : fill, stroke: throwing ? fill : stroke }),
  'bpmn:TimerEventDefinition': timerIcon,
  'bpmn:ConditionalEventDefinition': simpleIcon('EVENT_CONDITIONAL', 1, 0.5, 0.222, false),
  'bpmn:SignalEventDefinition': simpleIcon('EVENT_SIGNAL', 0.9, 0.5, 0.2),
  'bpmn:EscalationEventDefinition': simpleIcon('EVENT_ESCALATION', 1, 0.5, 0.2),
  'bpmn:LinkEventDefinition': simpleIcon('EVENT_LINK', 1, 0.57, 0.263),
  'bpmn:ErrorEventDefinition': simpleIcon('EVENT_ERROR', 1.1, 0.2, 0.722),
  'bpmn:CancelEventDefinition': (box, { stroke }, throwing) =>
    path(scaled('EVENT_CANCEL_45', box, 1, 0.638, -0.055), { strokeWidth: 1, fill: throwing ? stroke : 'none', stroke, transform: 'rotate(45)' }),
  'bpmn:CompensateEventDefinition': simpleIcon('EVENT_COMPENSATION', 1, 0.22, 0.5),
  'bpmn:MultipleEventDefinition': simpleIcon('EVENT_MULTIPLE', 1.1, 0.211, 0.36),
  'bpmn:ParallelMultipleEventDefinition': simpleIcon('EVENT_PARALLEL_MULTIPLE', 1.2, 0.458, 0.194, false),
  'bpmn:TerminateEventDefinition': (box, { stroke }) => circle(box.width, box.height, 8, { strokeWidth: 4, fill: stroke, stroke }),
};

// bpmn-js checks definitions in this order when an event has exactly one kind.
const ICON_ORDER = [
  'bpmn:MessageEventDefinition', 'bpmn:TimerEventDefinition', 'bpmn:ConditionalEventDefinition',
  'bpmn:SignalEventDefinition', 'bpmn:EscalationEventDefinition', 'bpmn:LinkEventDefinition',
  'bpmn:ErrorEventDefinition', 'bpmn:CancelEventDefinition', 'bpmn:CompensateEventDefinition',
  'bpmn:TerminateEventDefinition',
];

/** The icon for an event's definitions (multiple / parallel-multiple when it has several). */
export function eventIcon(semantic: BpmnElement, box: IconBox, colors: Colors): string {
  const definitions: Definitions[] = semantic.eventDefinitions ?? [];
  const throwing = is(semantic, 'bpmn:IntermediateThrowEvent') || is(semantic, 'bpmn:EndEvent');
  let kind: string | undefined;
  if (definitions.length > 1) {
    kind = semantic.parallelMultiple ? 'bpmn:ParallelMultipleEventDefinition' : 'bpmn:MultipleEventDefinition';
  } else {
    kind = ICON_ORDER.find((type) => definitions.some((d) => d?.$type === type));
  }
  return kind ? ICONS[kind]!({ ...box }, colors, throwing) : '';
}

function outer(item: ShapeItem, colors: Colors, strokeWidth?: number, dash?: string): string {
  const { width, height } = item.bounds;
  return circle(width, height, 0, { strokeWidth, fill: colors.fill, fillOpacity: DEFAULT_OPACITY, stroke: colors.stroke, dash });
}

function icon(item: ShapeItem, colors: Colors): string {
  return eventIcon(item.semantic, { width: item.bounds.width, height: item.bounds.height, small: false }, colors);
}

export function drawStartEvent(item: ShapeItem, { colors }: ShapeContext): string {
  return outer(item, colors, undefined, item.semantic.isInterrupting === false ? '6' : undefined) + icon(item, colors);
}

export function drawEndEvent(item: ShapeItem, { colors }: ShapeContext): string {
  return outer(item, colors, 4) + icon(item, colors);
}

export function drawIntermediateEvent(item: ShapeItem, { colors }: ShapeContext): string {
  const { width, height } = item.bounds;
  return (
    outer(item, colors, 1.5) +
    circle(width, height, 3, { strokeWidth: 1.5, fill: 'none', stroke: colors.stroke }) +
    icon(item, colors)
  );
}

export function drawBoundaryEvent(item: ShapeItem, { colors }: ShapeContext): string {
  const { width, height } = item.bounds;
  const dash = item.semantic.cancelActivity === false ? '6' : undefined;
  const stroke = colors.stroke;
  return (
    circle(width, height, 0, { strokeWidth: 1.5, fill: colors.fill, fillOpacity: 1, stroke, dash }) +
    circle(width, height, 3, { strokeWidth: 1.5, fill: 'none', stroke, dash }) +
    icon(item, colors)
  );
}
