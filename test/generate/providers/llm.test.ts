import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../src/bpmn/parse.ts';
import { measureLayout } from '../../../src/bpmn/layout/quality.ts';
import { readModel, repairModel } from '../../../src/generate/model.ts';
import { AnswerProblem, jsonText, parseAnswer } from '../../../src/generate/providers/llm/answer.ts';
import { answerProblems } from '../../../src/generate/providers/llm/check.ts';
import { WORKED_EXAMPLES } from '../../../src/generate/providers/llm/examples.ts';
import { answerOf } from '../../../src/generate/providers/llm/schema.ts';
import { modelToBpmn } from '../../../src/generate/to-bpmn.ts';

describe('worked examples', () => {
  it.each(WORKED_EXAMPLES.map((e) => [e.model.name, e] as const))('%s: reads back from its answer form with no problem and needs no repair', (_name, example) => {
    const read = readModel(JSON.parse(JSON.stringify(answerOf(example.model))));
    expect(answerProblems(read)).toEqual([]);
    const { warnings } = repairModel(read);
    expect(warnings).toEqual([]);
  });

  it.each(WORKED_EXAMPLES.map((e) => [e.model.name, e] as const))('%s: lays out without overlaps', async (_name, example) => {
    const { definitions } = await parseBpmn(await modelToBpmn(repairModel(example.model).model));
    expect(measureLayout(definitions)).toMatchObject({ nodeOverlaps: 0, edgesThroughNodes: 0, outsideLane: 0, labelOverlaps: 0, labelLabelOverlaps: 0, missingDi: 0 });
  });

  it('show together every kind of node and event the model has', () => {
    const nodes = WORKED_EXAMPLES.flatMap((e) => e.model.nodes);
    expect(new Set(nodes.map((n) => n.kind))).toEqual(new Set(['start', 'end', 'intermediate', 'boundary', 'task', 'subprocess', 'exclusive', 'parallel', 'inclusive']));
    expect(new Set(nodes.flatMap((n) => (n.timer ? [n.timer.kind] : [])))).toEqual(new Set(['duration', 'cycle']));
    expect(WORKED_EXAMPLES.some((e) => e.model.actors.some((a) => a.organisation))).toBe(true);
  });
});

describe('checking an answer', () => {
  it('names the deadlock of a parallel join that closes an exclusive choice, so the model is asked again', () => {
    const node = (id: string, kind: string, label = '') => ({ id, kind, label });
    const model = readModel({
      name: 'Claims',
      actors: [],
      nodes: [node('s', 'start'), node('x', 'exclusive'), node('a', 'task', 'Approve claim'), node('r', 'task', 'Reject claim'), node('j', 'parallel'), node('p', 'task', 'Archive claim'), node('e', 'end')],
      flows: [{ from: 's', to: 'x' }, { from: 'x', to: 'a', label: 'covered' }, { from: 'x', to: 'r', label: 'not covered' }, { from: 'a', to: 'j' }, { from: 'r', to: 'j' }, { from: 'j', to: 'p' }, { from: 'p', to: 'e' }],
    });
    expect(answerProblems(model).join(' ')).toMatch(/Deadlock/);
    model.nodes.find((n) => n.id === 'j')!.kind = 'exclusive';
    expect(answerProblems(model)).toEqual([]);
  });
});

describe('reading an answer', () => {
  it('finds the JSON in a fence, in prose or alone', () => {
    expect(jsonText('{"a":1}')).toBe('{"a":1}');
    expect(jsonText('Here it is:\n```json\n{"a":1}\n```\nDone.')).toBe('{"a":1}');
    expect(jsonText('```\n{"a":1}\n```')).toBe('{"a":1}');
    expect(jsonText('The model is {"a":{"b":2}} as asked.')).toBe('{"a":{"b":2}}');
    expect(jsonText('```json\n{"a":')).toBe('{"a":');
  });

  it('names what is wrong: not JSON, cut off, off-schema', () => {
    expect(() => parseAnswer('Sure! First the clerk checks…', 'stop')).toThrow(/^the answer is not JSON \(/);
    expect(() => parseAnswer('{"name":"x","nodes":[{"id":', 'length')).toThrow(/cut off at the token limit/);
    expect(() => parseAnswer('{"nodes":[{"id":"a","kind":"activity","label":"x"}],"flows":[]}', 'stop')).toThrow(
      new AnswerProblem('the JSON does not match the schema: nodes[0].kind must be one of start, end, intermediate, boundary, task, subprocess, exclusive, parallel, inclusive.'),
    );
  });
});
