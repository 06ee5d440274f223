import { describe, expect, it } from 'vitest';
import { repairModel, validateModel, type ProcessModel } from '../../../../src/generate/model.ts';
import { traceProcess } from '../../../../src/generate/providers/builtin/builtin-provider.ts';
import { answerLabels } from '../../../../src/generate/providers/builtin/opposites.ts';

function read(prompt: string): ProcessModel {
  const { model } = traceProcess({ prompt }, []);
  expect(validateModel(repairModel(model).model)).toEqual([]);
  return model;
}
const node = (m: ProcessModel, label: string) => m.nodes.find((n) => n.label === label)!;
const next = (m: ProcessModel, id: string) => m.flows.filter((f) => f.from === id).map((f) => m.nodes.find((n) => n.id === f.to)!);
const into = (m: ProcessModel, label: string) => m.flows.filter((f) => f.to === node(m, label).id);

describe("a decision's answers", () => {
  it('labels the branches of answer verbs with the answer, and leaves other alternatives alone', () => {
    expect(answerLabels(['Approve claim', 'Reject claim', 'Send back claim'])).toEqual(['approved', 'rejected', 'sent back']);
    expect(answerLabels(['Accept offer', 'Decline offer'])).toEqual(['accepted', 'declined']);
    expect(answerLabels(['Call customer', 'Email customer'])).toBeNull();
  });

  it('reads "can approve it, reject it outright, or return it" as one choice after the review, no Approve step before it', () => {
    const m = read('The buyer enters the purchase request. The budget owner checks the request. The budget owner can approve it, reject it outright, or return it to the buyer. The buyer orders the goods.');
    const [gateway] = next(m, node(m, 'Check request').id);
    expect(gateway!.kind).toBe('exclusive');
    const labels = m.flows.filter((f) => f.from === gateway!.id).map((f) => f.label);
    expect(labels).toEqual(['approved', 'rejected', 'returned']);
    expect(into(m, 'Approve request').map((f) => f.from)).toEqual([gateway!.id]);
  });

  it('keeps a step listed before "and" out of the alternatives ("reads it and accepts it, declines it or …")', () => {
    const m = read('The journal receives the paper. The editor reads the paper and accepts it, declines it or returns it to the author. The printer typesets the paper.');
    const [gateway] = next(m, node(m, 'Read paper').id);
    expect(gateway!.kind).toBe('exclusive');
    expect(next(m, gateway!.id).map((n) => n.label)).toEqual(['Accept paper', 'Decline paper', 'Return paper']);
  });

  it('puts the rework of "If it is sent back, …" on the send-back path instead of a second loop', () => {
    const m = read('The trainee writes the report and submits it to the mentor. The mentor reviews the report. The mentor can approve it or send it back. If it is sent back, the trainee edits the report and submits it to the mentor again. The mentor files the report.');
    expect(next(m, node(m, 'Send back report').id).map((n) => n.label)).toEqual(['Edit report']);
  });
});
