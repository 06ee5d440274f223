import { describe, expect, it } from 'vitest';
import type { ModelFlow, ModelNode, ProcessModel } from '../../src/generate/model.ts';
import { soundnessProblems } from '../../src/generate/soundness.ts';

/** A model from nodes written "id:kind" and flows written "a>b". */
function model(nodes: string[], flows: string[], extra: Partial<Record<string, Partial<ModelNode>>> = {}): ProcessModel {
  return {
    name: 'test',
    actors: [],
    nodes: nodes.map((n) => {
      const [id, kind] = n.split(':') as [string, ModelNode['kind']];
      return { id, kind, label: kind === 'task' ? `Do ${id}` : '', ...extra[id] };
    }),
    flows: flows.map((f): ModelFlow => {
      const [from, to] = f.split('>') as [string, string];
      return { from, to };
    }),
  };
}

describe('soundnessProblems', () => {
  it('passes an exclusive choice that rejoins and a parallel block that joins', () => {
    const choice = model(['s:start', 'x:exclusive', 'a:task', 'b:task', 'j:exclusive', 'e:end'], ['s>x', 'x>a', 'x>b', 'a>j', 'b>j', 'j>e']);
    const block = model(['s:start', 'p:parallel', 'a:task', 'b:task', 'j:parallel', 'e:end'], ['s>p', 'p>a', 'p>b', 'a>j', 'b>j', 'j>e']);
    expect(soundnessProblems(choice)).toEqual([]);
    expect(soundnessProblems(block)).toEqual([]);
  });

  it('finds the deadlock of a parallel join closing an exclusive choice', () => {
    const m = model(['s:start', 'x:exclusive', 'a:task', 'b:task', 'j:parallel', 'e:end'], ['s>x', 'x>a', 'x>b', 'a>j', 'b>j', 'j>e']);
    expect(soundnessProblems(m).join(' ')).toMatch(/Deadlock/);
  });

  it('finds the lack of synchronisation of an exclusive join closing a parallel split', () => {
    const m = model(['s:start', 'p:parallel', 'a:task', 'b:task', 'j:exclusive', 'c:task', 'e:end'], ['s>p', 'p>a', 'p>b', 'a>j', 'b>j', 'j>c', 'c>e']);
    expect(soundnessProblems(m).join(' ')).toMatch(/Lack of synchronisation: two tokens reach "Do c"/);
  });

  it('finds a loop without exit and a step that can never run behind it', () => {
    const m = model(['s:start', 'a:task', 'b:task', 'c:task', 'e:end'], ['s>a', 'a>b', 'b>a', 'c>e']);
    const problems = soundnessProblems(m).join(' ');
    expect(problems).toMatch(/No way to finish/);
    expect(problems).toMatch(/"Do c" can never run/);
  });

  it('lets a terminate end inside a parallel block finish the process, but not a plain end', () => {
    const nodes = ['s:start', 'p:parallel', 'a:task', 'x:exclusive', 'b:task', 'j:parallel', 'stop:end', 'e:end'];
    const flows = ['s>p', 'p>a', 'p>b', 'a>x', 'x>j', 'x>stop', 'b>j', 'j>e'];
    expect(soundnessProblems(model(nodes, flows)).join(' ')).toMatch(/Deadlock/);
    expect(soundnessProblems(model(nodes, flows, { stop: { eventType: 'terminate' } }))).toEqual([]);
  });

  it('plays an interrupting boundary timer as the other way out of its task', () => {
    const m = model(['s:start', 'a:task', 't:boundary', 'late:end', 'e:end'], ['s>a', 'a>e', 't>late'], { t: { attachedTo: 'a', eventType: 'timer' } });
    expect(soundnessProblems(m)).toEqual([]);
  });
});
