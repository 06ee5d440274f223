// "again" on the main path with nothing mended before it is the step done a second time, not a loop; a "when" clause
// whose own verb comes first is a trigger even when a describing clause in it denies something.
import { describe, expect, it } from 'vitest';
import { node, read, tasks } from './model-reading.ts';

describe('"again" on the main path', () => {
  it('"The truck is weighed again on the way out" is a second weighing (logistics)', () => {
    const m = read('At the gate the truck is weighed. The driver unloads the grain at the silo. The truck is weighed again on the way out and the clerk prints the ticket.');
    expect(tasks(m)).toEqual(['Weigh truck', 'Unload grain', 'Weigh truck', 'Print ticket']);
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });

  it('"checks the vital signs again before discharge" (health)', () => {
    const m = read('The nurse checks the vital signs. The doctor treats the patient. The nurse checks the vital signs again before discharge.');
    expect(tasks(m).filter((t) => t === 'Check vital signs')).toHaveLength(2);
  });

  it('after mending, "again" still loops back (publishing)', () => {
    const m = read('The editor reviews the draft. If changes are needed, the author revises the draft and submits it again.');
    expect(m.flows.some((f) => f.to === node(m, 'Review draft').id && f.from !== m.nodes[0]!.id)).toBe(true);
  });
});

describe('a "when" trigger with a denied describing clause', () => {
  it('"When a patient comes … with pain that is not an emergency" starts the process (health)', () => {
    const m = read('When a patient comes to the practice with chest pain that is not an emergency, the GP examines the patient.');
    expect(m.nodes[0]!.kind).toBe('start');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
    expect(tasks(m)).toEqual(['Examine patient']);
  });

  it('"When a place is not available" is still a decision, and a place is nobody absent (education)', () => {
    const m = read('The GP examines the patient. When a place is not available, the clerk puts the child on the waiting list.');
    const into = m.flows.filter((f) => f.to === node(m, 'Examine patient').id);
    expect(m.nodes.find((n) => n.id === into[0]!.from)!.kind).toBe('start');
    expect(m.flows.some((f) => f.label === 'place not available')).toBe(true);
  });
});
