// Sequence flows (with conditional/default start markers), message flows (with envelope), associations.
import { is, type EdgeItem } from '../di.ts';
import type { MarkerSet } from '../markers.ts';
import { connectionPath, polylineMidpoint, scalePath } from '../path.ts';
import { DEFAULT_FONT_SIZE, layoutText } from '../text.ts';
import { label, path, type ShapeContext } from './primitives.ts';

export interface EdgeContext extends ShapeContext {
  markers: MarkerSet;
  /** Reports extra drawn area (the message envelope and name) in absolute coordinates. */
  extend(x: number, y: number, width: number, height: number): void;
}

export function drawSequenceFlow(item: EdgeItem, ctx: EdgeContext): string {
  const { fill, stroke } = ctx.colors;
  const source = item.source;
  let markerStart: string | undefined;
  if (source) {
    const fromActivity = is(source, 'bpmn:Activity');
    if (item.semantic.conditionExpression && fromActivity) markerStart = ctx.markers.use('conditional-flow-marker', fill, stroke);
    if (source.default === item.semantic && (fromActivity || is(source, 'bpmn:Gateway'))) {
      markerStart = ctx.markers.use('conditional-default-flow-marker', fill, stroke);
    }
  }
  return path(connectionPath(item.waypoints), { stroke, markerStart, markerEnd: ctx.markers.use('sequenceflow-end', fill, stroke) });
}

export function drawMessageFlow(item: EdgeItem, ctx: EdgeContext): string {
  const { fill, stroke } = ctx.colors;
  // Marker ids are numbered in the order markers are first asked for: the end, then the start.
  const markerEnd = ctx.markers.use('messageflow-end', fill, stroke);
  const markerStart = ctx.markers.use('messageflow-start', fill, stroke);
  let out = path(connectionPath(item.waypoints), { strokeWidth: 1.5, stroke, dash: '10, 11', markerStart, markerEnd });
  const message = item.semantic.messageRef;
  if (message) {
    const mid = polylineMidpoint(item.waypoints);
    const initiating = item.di?.messageVisibleKind === 'initiating';
    out += path(scalePath('MESSAGE_FLOW_MARKER', { abspos: mid }), {
      strokeWidth: 1, fill: initiating ? fill : stroke, stroke: initiating ? stroke : fill,
    });
    ctx.extend(mid.x - 10.5, mid.y - 7, 21, 14);
    const name = String(message.name ?? '');
    if (name) {
      // bpmn-js places the name with getBBox() while the shapes are still detached, where it reads 0: so the text
      // starts at the midpoint (not centred) and sits 10 px below it. We reproduce what it draws.
      const laid = layoutText(name, { box: { width: 150, height: 50 }, align: 'center-top', padding: 0, fontSize: DEFAULT_FONT_SIZE });
      const x = mid.x;
      const y = mid.y + 10;
      out += label(name, {
        box: { width: laid.width, height: 50 }, align: 'center-top', padding: 0, fontSize: DEFAULT_FONT_SIZE,
        fill: ctx.colors.label, transform: `translate(${x},${y})`,
      });
      ctx.extend(x, y, laid.width, laid.height);
    }
  }
  return out;
}

export function drawAssociation(item: EdgeItem, ctx: EdgeContext): string {
  const { fill, stroke } = ctx.colors;
  const direction = item.semantic.associationDirection;
  const dataAssociation = is(item.semantic, 'bpmn:DataAssociation');
  const end = dataAssociation || direction === 'One' || direction === 'Both';
  const markerEnd = end ? ctx.markers.use('association-end', fill, stroke) : undefined;
  const markerStart = direction === 'Both' ? ctx.markers.use('association-start', fill, stroke) : undefined;
  return path(connectionPath(item.waypoints), { stroke, dash: '0, 5', markerStart, markerEnd });
}
