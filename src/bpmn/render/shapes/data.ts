// Data objects (with collection bars and input/output arrows) and data stores.
import { is, type ShapeItem } from '../di.ts';
import { ICONS } from '../icons.ts';
import { scalePath } from '../path.ts';
import { DEFAULT_OPACITY, path, type Colors, type ShapeContext } from './primitives.ts';
import type { BpmnElement } from '../../model.ts';

function isCollection(semantic: BpmnElement): boolean {
  return !!(semantic.isCollection || semantic.dataObjectRef?.isCollection);
}

function dataObject(item: ShapeItem, { fill, stroke }: Colors): string {
  const { width, height } = item.bounds;
  let out = path(
    scalePath('DATA_OBJECT_PATH', { containerWidth: width, containerHeight: height, position: { mx: 0.474, my: 0.296 } }),
    { fill, fillOpacity: DEFAULT_OPACITY, stroke },
  );
  if (isCollection(item.semantic)) {
    const d = scalePath('DATA_OBJECT_COLLECTION_PATH', {
      containerWidth: width, containerHeight: height, position: { mx: 0.33, my: (height - 18) / height },
    });
    out += path(d, { fill, stroke });
  }
  return out;
}

export function drawDataObject(item: ShapeItem, { colors }: ShapeContext): string {
  return dataObject(item, colors);
}

/** Data input: hollow arrow; data output: filled arrow. */
export function drawDataInputOutput(item: ShapeItem, { colors }: ShapeContext): string {
  const output = is(item.semantic, 'bpmn:DataOutput');
  return dataObject(item, colors) + path(ICONS.DATA_ARROW.d, { strokeWidth: 1, fill: output ? colors.stroke : 'none', stroke: colors.stroke });
}

export function drawDataStore(item: ShapeItem, { colors }: ShapeContext): string {
  const { width, height } = item.bounds;
  const d = scalePath('DATA_STORE', { containerWidth: width, containerHeight: height, position: { mx: 0, my: 0.133 } });
  return path(d, { fill: colors.fill, fillOpacity: DEFAULT_OPACITY, stroke: colors.stroke });
}
