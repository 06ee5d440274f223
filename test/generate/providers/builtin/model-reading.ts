// Reading a description with the builtin and walking the model it gives, for the rule tests.
import { expect } from 'vitest';
import { repairModel, validateModel, type ModelNode, type ProcessModel } from '../../../../src/generate/model.ts';
import { traceProcess } from '../../../../src/generate/providers/builtin/builtin-provider.ts';

/** The builtin's model of a description, which must repair into a valid diagram. */
export function read(prompt: string): ProcessModel {
  const { model } = traceProcess({ prompt }, []);
  expect(validateModel(repairModel(model).model)).toEqual([]);
  return model;
}
export const tasks = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'task').map((n) => n.label);
export const node = (m: ProcessModel, label: string) => m.nodes.find((n) => n.label === label)!;
export const next = (m: ProcessModel, id: string) => m.flows.filter((f) => f.from === id).map((f) => m.nodes.find((n) => n.id === f.to)!);
/** The condition labels leaving the model's first exclusive split. */
export function branches(m: ProcessModel): string[] {
  const split = m.nodes.find((n) => n.kind === 'exclusive' && m.flows.filter((f) => f.from === n.id).length >= 2);
  return split ? m.flows.filter((f) => f.from === split.id).map((f) => f.label ?? '') : [];
}
export const lanes = (m: ProcessModel) => m.actors.map((a) => a.name);
export const laneOf = (m: ProcessModel, label: string) => m.actors.find((a) => a.id === node(m, label)?.actor)?.name;

/** Everything reachable from a node, along flows. */
export function downstream(m: ProcessModel, from: ModelNode): string[] {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length) {
    for (const n of next(m, todo.pop()!.id)) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      todo.push(n);
    }
  }
  return m.nodes.filter((n) => seen.has(n.id)).map((n) => n.label);
}
