// Notes of steps joined by arrows: "submit -> review -> approve -> archive" keeps every bare verb, "Incidents: log ->
// triage -> fix -> close" makes the topic before the colon the verbs' object, "draft > review > publish" reads the
// spaced ">" as an arrow.
import { describe, expect, it } from 'vitest';
import { next, node, read, tasks } from './model-reading.ts';

describe('arrow chains', () => {
  it('a chain of bare verbs keeps its first and last step (document approval)', () => {
    const m = read('submit -> review -> approve -> archive');
    expect(tasks(m)).toEqual(['Submit', 'Review', 'Approve', 'Archive']);
    expect(next(m, node(m, 'Archive').id)[0]!.kind).toBe('end');
  });

  it('a topic before the colon is the object of each bare verb (finance)', () => {
    const m = read('Expense claims: submit -> review -> approve -> pay');
    expect(tasks(m)).toEqual(['Submit expense claim', 'Review expense claim', 'Approve expense claim', 'Pay expense claim']);
    expect(next(m, node(m, 'Submit expense claim').id).map((n) => n.label)).toEqual(['Review expense claim']);
  });

  it('a plural topic is named once each step (it-operations)', () => {
    const m = read('Incidents: log -> fix -> close');
    expect(tasks(m)).toEqual(['Log incident', 'Fix incident', 'Close incident']);
    expect(m.name).toBe('Incidents');
  });

  it('a step with its own object keeps it (logistics)', () => {
    const m = read('Returns: receive -> inspect parcel -> refund');
    expect(tasks(m)).toEqual(['Receive return', 'Inspect parcel', 'Refund return']);
  });

  it('a spaced ">" between steps is an arrow; "Process:" names no thing (publishing)', () => {
    const m = read('Process: draft > review > publish.');
    expect(tasks(m)).toEqual(['Draft', 'Review', 'Publish']);
  });

  it('a comparison with ">" stays a condition (finance)', () => {
    const m = read('The clerk checks the invoice. If amount > 500, the manager approves it. The clerk pays the invoice.');
    expect(tasks(m)).toContain('Approve invoice');
    expect(tasks(m)).not.toContain('Draft');
  });
});
