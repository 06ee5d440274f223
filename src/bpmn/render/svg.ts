// BPMN diagram → self-contained SVG in bpmn-js's look: walks one BPMNDiagram in bpmn-js's z-order and draws each
// element with the draw function registered for its type.
import { is, perType, readScene, type DrawItem, type EdgeItem, type LabelItem, type ShapeItem } from './di.ts';
import { blend, safeColor } from './color.ts';
import { MarkerSet } from './markers.ts';
import { escapeXml, num } from './svg-writer.ts';
import { EXTERNAL_FONT_SIZE } from './text.ts';
import { LINE_CONTRAST, TEXT_CONTRAST, themeByName, type Theme, type ThemeName } from './theme.ts';
import * as activity from './shapes/activity.ts';
import { drawGroup, drawTextAnnotation } from './shapes/artifact.ts';
import { drawAssociation, drawMessageFlow, drawSequenceFlow, type EdgeContext } from './shapes/connection.ts';
import { drawDataInputOutput, drawDataObject, drawDataStore } from './shapes/data.ts';
import * as event from './shapes/event.ts';
import * as gateway from './shapes/gateway.ts';
import { drawLane, drawParticipant } from './shapes/participant.ts';
import { label, laidOutLabel, type Colors, type ShapeContext } from './shapes/primitives.ts';
import type { BpmnElement, Definitions } from '../model.ts';

export { DiagramNotFoundError } from './di.ts';

export interface RenderSvgOptions {
  theme: ThemeName;
  /** BPMNDiagram id; default: the first diagram. */
  diagramId?: string;
}

type ShapeDrawer = (item: ShapeItem, ctx: ShapeContext) => string;
type EdgeDrawer = (item: EdgeItem, ctx: EdgeContext) => string;

const SHAPES: Record<string, ShapeDrawer> = {
  'bpmn:Task': activity.drawTask,
  'bpmn:UserTask': activity.drawUserTask,
  'bpmn:ManualTask': activity.drawManualTask,
  'bpmn:ScriptTask': activity.drawScriptTask,
  'bpmn:BusinessRuleTask': activity.drawBusinessRuleTask,
  'bpmn:ServiceTask': activity.drawServiceTask,
  'bpmn:SendTask': activity.drawSendTask,
  'bpmn:ReceiveTask': activity.drawReceiveTask,
  'bpmn:SubProcess': activity.drawSubProcess,
  'bpmn:AdHocSubProcess': activity.drawSubProcess,
  'bpmn:Transaction': activity.drawTransaction,
  'bpmn:CallActivity': activity.drawCallActivity,
  'bpmn:StartEvent': event.drawStartEvent,
  'bpmn:EndEvent': event.drawEndEvent,
  'bpmn:IntermediateCatchEvent': event.drawIntermediateEvent,
  'bpmn:IntermediateThrowEvent': event.drawIntermediateEvent,
  'bpmn:BoundaryEvent': event.drawBoundaryEvent,
  'bpmn:ExclusiveGateway': gateway.drawExclusiveGateway,
  'bpmn:ParallelGateway': gateway.drawParallelGateway,
  'bpmn:InclusiveGateway': gateway.drawInclusiveGateway,
  'bpmn:ComplexGateway': gateway.drawComplexGateway,
  'bpmn:EventBasedGateway': gateway.drawEventBasedGateway,
  'bpmn:DataObjectReference': drawDataObject,
  'bpmn:DataObject': drawDataObject,
  'bpmn:DataInput': drawDataInputOutput,
  'bpmn:DataOutput': drawDataInputOutput,
  'bpmn:DataStoreReference': drawDataStore,
  'bpmn:TextAnnotation': drawTextAnnotation,
  'bpmn:Group': drawGroup,
  'bpmn:Participant': drawParticipant,
  'bpmn:Lane': drawLane,
};

const EDGES: Record<string, EdgeDrawer> = {
  'bpmn:SequenceFlow': drawSequenceFlow,
  'bpmn:MessageFlow': drawMessageFlow,
  'bpmn:Association': drawAssociation,
  'bpmn:DataInputAssociation': drawAssociation,
  'bpmn:DataOutputAssociation': drawAssociation,
};

/** Types outside the map (vendor subclasses, bare bpmn:Event…) fall back to their family's look. */
const shapeDrawer = perType((semantic): ShapeDrawer => {
  const direct = SHAPES[semantic.$type];
  if (direct) return direct;
  if (is(semantic, 'bpmn:SubProcess')) return activity.drawSubProcess;
  if (is(semantic, 'bpmn:Event')) return event.drawIntermediateEvent;
  if (is(semantic, 'bpmn:Gateway')) return gateway.drawGateway;
  return activity.drawTask;
});

const edgeDrawer = perType((semantic): EdgeDrawer => EDGES[semantic.$type] ?? (is(semantic, 'bpmn:Association') ? drawAssociation : drawSequenceFlow));

function diColor(di: BpmnElement | undefined, ...names: string[]): string | null {
  if (typeof di?.get !== 'function') return null;
  for (const name of names) {
    const color = safeColor(di.get(name));
    if (color) return color;
  }
  return null;
}

interface ResolvedColors {
  colors: Colors;
  authoredFill: string | null;
  /** Colour for an external label, drawn on the canvas. */
  externalLabel: string;
}

/**
 * bpmn-js's order (DI colour, then theme default; labels fall back to the stroke colour), then the theme makes
 * authored colours readable on what they are drawn on (the light theme keeps them exactly).
 */
function resolveColors(di: BpmnElement, theme: Theme, backdrop: string, isEdge: boolean): ResolvedColors {
  const authoredFill = diColor(di, 'color:background-color', 'bioc:fill');
  const authoredStroke = diColor(di, 'color:border-color', 'bioc:stroke');
  const authoredLabel = diColor(di?.label, 'color:color');
  const fill = authoredFill ?? theme.fill;
  const stroke = theme.adjust(authoredStroke ?? theme.stroke, isEdge ? backdrop : fill, LINE_CONTRAST);
  const labelBase = authoredLabel ?? (theme.name === 'light' || authoredStroke ? stroke : theme.label);
  return {
    colors: { fill, stroke, label: theme.adjust(labelBase, isEdge ? backdrop : fill, TEXT_CONTRAST) },
    authoredFill,
    externalLabel: theme.adjust(labelBase, backdrop, TEXT_CONTRAST),
  };
}

export class Bounds {
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;

  add(x: number, y: number, width: number, height: number): void {
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(width) && Number.isFinite(height))) return;
    this.minX = Math.min(this.minX, x);
    this.minY = Math.min(this.minY, y);
    this.maxX = Math.max(this.maxX, x + width);
    this.maxY = Math.max(this.maxY, y + height);
  }

  get empty(): boolean {
    return this.minX > this.maxX;
  }
}

const PADDING = 5;

/** What a container's children are seen against: lanes are drawn at 25 % opacity over what is behind them. */
function containerBackdrop(item: ShapeItem, backdrop: string, fill: string): string {
  return is(item.semantic, 'bpmn:Lane') ? blend(backdrop, fill, 0.25) : blend(backdrop, fill, 0.95);
}

/** The group every element is drawn in, like bpmn-js's `djs-element` groups. */
function elementGroup(kind: 'shape' | 'connection', id: unknown, transform: string, inner: string): string {
  return `<g class="djs-element djs-${kind}" data-element-id="${escapeXml(String(id ?? ''))}"${transform}>${inner}</g>`;
}

function translate(x: number, y: number): string {
  return ` transform="translate(${num(x)},${num(y)})"`;
}

/** Colours that replace the theme's and the DI's for one element, or null to keep them (compare marks). */
export type ColorOverride = (item: ShapeItem | EdgeItem) => Colors | null;

/** One SVG being drawn: draws draw trees onto it, then wraps what was drawn in the document. */
export interface SvgCanvas {
  readonly theme: Theme;
  /** The area drawn so far; what is added here is inside the viewBox too. */
  readonly bounds: Bounds;
  /** Draws items and their children over a backdrop colour; the markup goes in the order the calls are made. */
  draw(items: DrawItem[], backdrop: string, override?: ColorOverride): string;
  /** The document: viewBox around everything drawn plus padding, the theme's canvas, the markers. */
  toSvg(body: string): string;
}

export function createSvgCanvas(theme: Theme): SvgCanvas {
  const markers = new MarkerSet();
  const bounds = new Bounds();
  const labelColors = new Map<ShapeItem | EdgeItem, string>();
  const fills = new Map<ShapeItem, string>();

  const colorsOf = (item: ShapeItem | EdgeItem, backdrop: string, override: ColorOverride | undefined): ResolvedColors => {
    const forced = override?.(item);
    return forced ? { colors: forced, authoredFill: null, externalLabel: forced.label } : resolveColors(item.di, theme, backdrop, item.kind === 'edge');
  };

  const drawShape = (item: ShapeItem, backdrop: string, override: ColorOverride | undefined): string => {
    const { colors, authoredFill, externalLabel } = colorsOf(item, backdrop, override);
    fills.set(item, colors.fill);
    labelColors.set(item, externalLabel);
    const { x, y, width, height } = item.bounds;
    bounds.add(x, y, width, height);
    return elementGroup('shape', item.semantic.id, translate(x, y), shapeDrawer(item.semantic)(item, { theme, colors, authoredFill }));
  };

  const drawEdge = (item: EdgeItem, backdrop: string, override: ColorOverride | undefined): string => {
    const { colors, authoredFill, externalLabel } = colorsOf(item, backdrop, override);
    labelColors.set(item, externalLabel);
    for (const p of item.waypoints) bounds.add(p.x, p.y, 0, 0);
    const ctx: EdgeContext = { theme, colors, authoredFill, markers, extend: (x, y, w, h) => bounds.add(x, y, w, h) };
    return elementGroup('connection', item.semantic.id, '', edgeDrawer(item.semantic)(item, ctx));
  };

  const drawLabel = (item: LabelItem): string => {
    const { x, y, width, height } = item.bounds;
    bounds.add(x, y, width, height);
    const fill = labelColors.get(item.owner) ?? theme.label;
    const text = item.layout
      ? laidOutLabel(item.layout, { fontSize: EXTERNAL_FONT_SIZE, fill })
      : label(item.text, { box: { width, height }, align: 'center-top', padding: 0, fontSize: EXTERNAL_FONT_SIZE, fill });
    return elementGroup('shape', `${item.owner.semantic.id ?? ''}_label`, translate(x, y), text);
  };

  // Children are drawn over their container, so that is what their colours must stand out from.
  const draw = (items: DrawItem[], backdrop: string, override?: ColorOverride): string => {
    let out = '';
    for (const item of items) {
      if (item.hidden) continue;
      out += item.kind === 'shape' ? drawShape(item, backdrop, override) : item.kind === 'edge' ? drawEdge(item, backdrop, override) : drawLabel(item);
      if (item.children.length === 0) continue;
      out += draw(item.children, item.kind === 'shape' ? containerBackdrop(item, backdrop, fills.get(item)!) : backdrop, override);
    }
    return out;
  };

  const toSvg = (body: string): string => {
    if (bounds.empty) bounds.add(0, 0, 0, 0);
    const vx = bounds.minX - PADDING;
    const vy = bounds.minY - PADDING;
    const vw = bounds.maxX - bounds.minX + 2 * PADDING;
    const vh = bounds.maxY - bounds.minY + 2 * PADDING;
    const background = theme.background
      ? `<rect x="${num(vx)}" y="${num(vy)}" width="${num(vw)}" height="${num(vh)}" fill="${theme.background}"/>`
      : '';
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${num(Math.ceil(vw))}" height="${num(Math.ceil(vh))}" ` +
      `viewBox="${num(vx)} ${num(vy)} ${num(vw)} ${num(vh)}" data-theme="${theme.name}">${background}` +
      `<g stroke-linecap="round" stroke-linejoin="round"><defs>${markers.toSvg()}</defs>${body}</g></svg>`
    );
  };

  return { theme, bounds, draw, toSvg };
}

/** Renders one diagram of a parsed BPMN document (bpmn-moddle definitions) to an SVG string. */
export function renderSvg(definitions: Definitions, options: RenderSvgOptions): string {
  const theme = themeByName(options.theme);
  const scene = readScene(definitions, options.diagramId);
  const canvas = createSvgCanvas(theme);
  return canvas.toSvg(canvas.draw(scene.items, theme.background ?? '#ffffff'));
}
