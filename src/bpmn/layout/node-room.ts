// The room a node needs around its shape: a shelf of satellites (data objects, stores, annotations) above it and
// its boundary events spread along its bottom border.
import { defaultSize, externalLabelText, labelBoxBelow } from './sizes.ts';
import type { BpmnElement } from '../model.ts';

export const SATELLITE_GAP = 20;

/** Slots for the satellites of one node, left to right, each as wide as the element or its label. */
export function satelliteShelf(satellites: BpmnElement[]): { width: number; height: number; slots: Array<{ element: BpmnElement; x: number; width: number; height: number }> } {
  const slots: Array<{ element: BpmnElement; x: number; width: number; height: number }> = [];
  let x = 0;
  let height = 0;
  for (const element of satellites) {
    const size = defaultSize(element);
    const text = externalLabelText(element);
    const label = text ? labelBoxBelow(text, { x: 0, y: 0 }) : null;
    const width = Math.max(size.width, label?.width ?? 0);
    slots.push({ element, x: x + (width - size.width) / 2, width: size.width, height: size.height });
    x += width + SATELLITE_GAP;
    height = Math.max(height, size.height + (label ? label.height + 4 : 0));
  }
  return { width: Math.max(0, x - SATELLITE_GAP), height: height > 0 ? height + SATELLITE_GAP : 0, slots };
}

/** Where along the host's bottom border each boundary event sits (centre x offsets). */
export function boundaryOffsets(hostWidth: number, count: number): number[] {
  const step = Math.min(56, hostWidth / (count + 1));
  const start = hostWidth / 2 - (step * (count - 1)) / 2;
  return Array.from({ length: count }, (_, i) => Math.round(start + i * step));
}
