// Default element sizes (bpmn-js ElementSizeUtil) and which elements carry an external label.
import { labelBounds } from '../render/text.ts';
import type { Rect } from './geometry.ts';
import type { BpmnElement } from '../model.ts';

export const POOL_HEADER = 30;
export const LANE_HEADER = 30;
export const BLACK_BOX_POOL_HEIGHT = 60;
/** Room inside an expanded sub-process around its content; the top leaves space for its name. */
export const SUBPROCESS_PADDING = { top: 34, left: 20, right: 20, bottom: 20 } as const;

/** Answers to "is this type that one?" by moddle descriptor: the layout asks them of every element, many times. */
const typeAnswers = new WeakMap<object, Map<string, boolean>>();

export function is(element: BpmnElement | null | undefined, type: string): boolean {
  if (typeof element?.$instanceOf !== 'function') return false;
  const descriptor = element.$descriptor;
  if (!descriptor || descriptor.isGeneric) return element.$instanceOf(type);
  let answers = typeAnswers.get(descriptor);
  if (!answers) typeAnswers.set(descriptor, (answers = new Map()));
  let answer = answers.get(type);
  if (answer === undefined) answers.set(type, (answer = element.$instanceOf(type) as boolean));
  return answer;
}

export function isExpandable(element: BpmnElement): boolean {
  return is(element, 'bpmn:SubProcess') && (element.flowElements?.length ?? 0) > 0;
}

/** Width and height of a shape drawn at its default size (expanded sub-processes are sized by their content). */
export function defaultSize(element: BpmnElement): { width: number; height: number } {
  if (is(element, 'bpmn:Gateway')) return { width: 50, height: 50 };
  if (is(element, 'bpmn:Event')) return { width: 36, height: 36 };
  if (is(element, 'bpmn:DataObjectReference')) return { width: 36, height: 50 };
  if (is(element, 'bpmn:DataStoreReference')) return { width: 50, height: 50 };
  if (is(element, 'bpmn:TextAnnotation')) return { width: 100, height: 40 };
  if (is(element, 'bpmn:Group')) return { width: 300, height: 300 };
  return { width: 100, height: 80 };
}

const EXTERNAL_LABEL_TYPES = [
  'bpmn:Event',
  'bpmn:Gateway',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
  'bpmn:SequenceFlow',
  'bpmn:MessageFlow',
];

/** Whether elements of a type (by moddle descriptor) carry an external label: asked for every node and flow, often. */
const labelledTypes = new WeakMap<object, boolean>();

/** The text bpmn-js would show in an external label, or null when the element has none. */
export function externalLabelText(element: BpmnElement): string | null {
  const descriptor = element?.$descriptor;
  if (!descriptor) return null;
  let labelled = labelledTypes.get(descriptor);
  if (labelled === undefined) {
    labelled = EXTERNAL_LABEL_TYPES.some((t) => is(element, t));
    labelledTypes.set(descriptor, labelled);
  }
  if (!labelled) return null;
  const name = typeof element.name === 'string' ? element.name.trim() : '';
  return name === '' ? null : (element.name as string);
}

/** Measured label boxes by text and by the fractions of the anchor (rounding depends on them); bounded. */
const measured = new Map<string, Rect>();
const MEASURED_LIMIT = 4096;

/** bpmn-js's label box for `text` hanging below `anchor` (centre x, top y). */
export function labelBoxBelow(text: string, anchor: { x: number; y: number }): Rect {
  // Whole-pixel moves of the anchor move the box by as much, so a box is measured once per text and fractions.
  const ix = Math.floor(anchor.x);
  const iy = Math.floor(anchor.y);
  const key = `${anchor.x - ix},${anchor.y - iy},${text}`;
  let box = measured.get(key);
  if (!box) {
    // labelBounds puts the top 10 px above its anchor's y. Two px of slack keep a renderer that re-wraps the
    // text in the DI width from breaking the widest line.
    const at = labelBounds(text, { x: anchor.x - ix, y: anchor.y - iy + 10 });
    box = { ...at, x: at.x - 1, width: at.width + 2 };
    if (measured.size >= MEASURED_LIMIT) measured.clear();
    measured.set(key, box);
  }
  return { x: box.x + ix, y: box.y + iy, width: box.width, height: box.height };
}
