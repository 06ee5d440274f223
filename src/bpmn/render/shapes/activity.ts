// Tasks (with type icons), sub-processes, transactions, call activities and their bottom markers.
import { is, type ShapeItem } from '../di.ts';
import { scalePath, type Point } from '../path.ts';
import type { IconName } from '../icons.ts';
import { DEFAULT_FONT_SIZE } from '../text.ts';
import { eventIcon } from './event.ts';
import { circle, DEFAULT_OPACITY, label, path, rect, type Colors, type ShapeContext } from './primitives.ts';
import type { BpmnElement } from '../../model.ts';

const RADIUS = 10;

/** The rounded box; sub-process kinds change its stroke width and dashes. */
interface Border {
  strokeWidth?: number;
  dash?: string;
}

function body(item: ShapeItem, colors: Colors, border: Border = {}): string {
  const { width, height } = item.bounds;
  return rect(width, height, RADIUS, 0, {
    strokeWidth: border.strokeWidth, fill: colors.fill, fillOpacity: DEFAULT_OPACITY, stroke: colors.stroke, dash: border.dash,
  });
}

function embeddedLabel(item: ShapeItem, colors: Colors, align: 'center-middle' | 'center-top'): string {
  const { width, height } = item.bounds;
  return label(String(item.semantic.name ?? ''), { box: { width, height }, align, padding: 7, fontSize: DEFAULT_FONT_SIZE, fill: colors.label });
}

function at(name: IconName, item: ShapeItem, x: number, y: number, scale = 1): string {
  const { width, height } = item.bounds;
  return scalePath(name, { containerWidth: width, containerHeight: height, xScale: scale, yScale: scale, position: { mx: x / width, my: y / height } });
}

type MarkerName = 'sub-process' | 'parallel' | 'sequential' | 'loop' | 'compensation' | 'adhoc';

/** bpmn-js's marker offsets from the bottom centre; they shift when markers are combined. */
function markerOffsets(item: ShapeItem, markers: MarkerName[]): Record<string, number> {
  const semantic = item.semantic;
  const subProcess = markers.includes('sub-process');
  const offsets = subProcess
    ? { seq: -21, parallel: -22, compensation: -25, loop: -18, adhoc: 10 }
    : { seq: -5, parallel: -6, compensation: -7, loop: 0, adhoc: -8 };
  if (semantic.isForCompensation) markers.push('compensation');
  if (is(semantic, 'bpmn:AdHocSubProcess')) {
    markers.push('adhoc');
    if (!subProcess) offsets.compensation -= 18;
  }
  const loop = semantic.loopCharacteristics;
  if (loop) {
    offsets.compensation -= 18;
    if (markers.includes('adhoc')) Object.assign(offsets, { seq: -23, loop: -18, parallel: -24 });
    const sequential = is(loop, 'bpmn:MultiInstanceLoopCharacteristics') ? !!loop.isSequential : undefined;
    markers.push(sequential === undefined ? 'loop' : sequential ? 'sequential' : 'parallel');
  }
  if (markers.includes('compensation') && markers.length === 1) offsets.compensation = -8;
  return offsets;
}

function taskMarkers(item: ShapeItem, colors: Colors, initial: MarkerName[]): string {
  const markers = [...initial];
  const o = markerOffsets(item, markers);
  const { width: w, height: h } = item.bounds;
  const { fill, stroke } = colors;
  let out = '';
  for (const marker of markers) {
    switch (marker) {
      case 'sub-process':
        out += rect(14, 14, 0, 0, { strokeWidth: 1, fill, stroke, transform: `translate(${w / 2 - 7.5},${h - 20})` });
        out += path(at('MARKER_SUB_PROCESS', item, w / 2 - 7.5, h - 20, 1.5), { fill, stroke, marker });
        break;
      case 'parallel':
        out += path(at('MARKER_PARALLEL', item, w / 2 + o.parallel!, h - 20), { fill, stroke, marker });
        break;
      case 'sequential':
        out += path(at('MARKER_SEQUENTIAL', item, w / 2 + o.seq!, h - 19), { fill, stroke, marker });
        break;
      case 'compensation':
        out += path(at('MARKER_COMPENSATION', item, w / 2 + o.compensation!, h - 13), { strokeWidth: 1, fill, stroke, marker });
        break;
      case 'loop':
        out += path(at('MARKER_LOOP', item, w / 2 + o.loop!, h - 7), { strokeWidth: 1.5, fill: 'none', stroke, miterLimit: 0.5, marker });
        break;
      case 'adhoc':
        out += path(at('MARKER_ADHOC', item, w / 2 + o.adhoc!, h - 15), { strokeWidth: 1, fill: stroke, stroke, marker });
        break;
    }
  }
  return out;
}

function task(item: ShapeItem, colors: Colors): string {
  return body(item, colors) + embeddedLabel(item, colors, 'center-middle') + taskMarkers(item, colors, []);
}

function abs(name: IconName, point: Point): string {
  return scalePath(name, { abspos: point });
}

export function drawTask(item: ShapeItem, { colors }: ShapeContext): string {
  return task(item, colors);
}

export function drawUserTask(item: ShapeItem, { colors }: ShapeContext): string {
  const { fill, stroke } = colors;
  const p = { x: 15, y: 12 };
  return (
    task(item, colors) +
    path(abs('TASK_TYPE_USER_1', p), { fill, stroke, strokeWidth: 0.5 }) +
    path(abs('TASK_TYPE_USER_2', p), { fill, stroke, strokeWidth: 0.5 }) +
    path(abs('TASK_TYPE_USER_3', p), { fill: stroke, stroke, strokeWidth: 0.5 })
  );
}

export function drawManualTask(item: ShapeItem, { colors }: ShapeContext): string {
  return task(item, colors) + path(abs('TASK_TYPE_MANUAL', { x: 17, y: 15 }), { fill: colors.fill, stroke: colors.stroke, strokeWidth: 0.5 });
}

export function drawScriptTask(item: ShapeItem, { colors }: ShapeContext): string {
  return task(item, colors) + path(abs('TASK_TYPE_SCRIPT', { x: 15, y: 20 }), { fill: colors.fill, stroke: colors.stroke, strokeWidth: 1 });
}

export function drawBusinessRuleTask(item: ShapeItem, { colors }: ShapeContext): string {
  const { fill, stroke } = colors;
  return (
    task(item, colors) +
    path(abs('TASK_TYPE_BUSINESS_RULE_MAIN', { x: 8, y: 8 }), { fill, stroke, strokeWidth: 1 }) +
    path(abs('TASK_TYPE_BUSINESS_RULE_HEADER', { x: 8, y: 8 }), { fill: stroke, stroke, strokeWidth: 1 })
  );
}

export function drawServiceTask(item: ShapeItem, { colors }: ShapeContext): string {
  const { fill, stroke } = colors;
  return (
    task(item, colors) +
    circle(10, 10, 0, { fill, stroke: 'none', transform: 'translate(6,6)' }) +
    path(abs('TASK_TYPE_SERVICE', { x: 12, y: 18 }), { fill, stroke, strokeWidth: 1 }) +
    circle(10, 10, 0, { fill, stroke: 'none', transform: 'translate(11,10)' }) +
    path(abs('TASK_TYPE_SERVICE', { x: 17, y: 22 }), { fill, stroke, strokeWidth: 1 })
  );
}

const ENVELOPE = { containerWidth: 21, containerHeight: 14 };

export function drawSendTask(item: ShapeItem, { colors }: ShapeContext): string {
  const d = scalePath('TASK_TYPE_SEND', { ...ENVELOPE, position: { mx: 0.285, my: 0.357 } });
  return task(item, colors) + path(d, { fill: colors.stroke, stroke: colors.fill, strokeWidth: 1 });
}

export function drawReceiveTask(item: ShapeItem, { colors }: ShapeContext): string {
  const { fill, stroke } = colors;
  let out = task(item, colors);
  let d: string;
  if (item.semantic.instantiate) {
    out += circle(28, 28, 20 * 0.22, { fill, stroke, strokeWidth: 1 });
    d = abs('TASK_TYPE_INSTANTIATING_SEND', { x: 7.77, y: 9.52 });
  } else {
    d = scalePath('TASK_TYPE_SEND', { ...ENVELOPE, xScale: 0.9, yScale: 0.9, position: { mx: 0.3, my: 0.4 } });
  }
  return out + path(d, { fill, stroke, strokeWidth: 1 });
}

function subProcess(item: ShapeItem, colors: Colors, border: Border): string {
  const expanded = !item.collapsed;
  const eventSubProcess = !!item.semantic.triggeredByEvent;
  let out = body(item, colors, eventSubProcess ? { strokeWidth: 2.5, dash: '0, 5.5' } : border);
  if (eventSubProcess && !expanded) out += eventSubProcessIcon(item, colors);
  out += embeddedLabel(item, colors, expanded ? 'center-top' : 'center-middle');
  out += taskMarkers(item, colors, expanded ? [] : ['sub-process']);
  return out;
}

/** A collapsed event sub-process shows its single start event as a 22 px icon in the top-left corner. */
function eventSubProcessIcon(item: ShapeItem, colors: Colors): string {
  const starts = (item.semantic.flowElements ?? []).filter((e: BpmnElement) => is(e, 'bpmn:StartEvent'));
  if (starts.length !== 1) return '';
  const interrupting = starts[0]!.isInterrupting !== false;
  const ring = circle(20, 20, 0, {
    fill: colors.fill, stroke: colors.stroke, strokeWidth: interrupting ? 1 : 1.2, dash: interrupting ? undefined : 3, transform: 'translate(1,1)',
  });
  return ring + eventIcon(starts[0]!, { width: 22, height: 22, small: true }, colors);
}

export function drawSubProcess(item: ShapeItem, { colors }: ShapeContext): string {
  return subProcess(item, colors, {});
}

export function drawCallActivity(item: ShapeItem, { colors }: ShapeContext): string {
  return subProcess(item, colors, { strokeWidth: 5 });
}

export function drawTransaction(item: ShapeItem, { colors }: ShapeContext): string {
  const { width, height } = item.bounds;
  return (
    subProcess(item, colors, { strokeWidth: 1.5 }) +
    rect(width, height, RADIUS - 3, 3, { fill: 'none', stroke: colors.stroke, strokeWidth: 1.5 })
  );
}
