// Findings, agreement and where a thing ends up are conditions or states, never steps of their own.
import { describe, expect, it } from 'vitest';
import { branches, downstream, next, node, read, tasks } from './model-reading.ts';

describe('a finding in an arrow chain opens the next link as a condition', () => {
  it('software: "QA finds a blocker ->" is the choice, and the fix loops back to the test', () => {
    const m = read('QA tests the build -> QA finds a blocker -> developer fixes it -> QA retests.');
    expect(tasks(m)).not.toContain('Find blocker');
    expect(branches(m)).toContain('QA finds blocker');
    expect(next(m, node(m, 'Fix build').id).map((n) => n.label)).toContain('Test build');
  });
  it('finance: "auditor spots an error ->" leaves a way past the correction', () => {
    const m = read('auditor reviews ledger -> auditor spots an error -> accountant corrects the entry');
    expect(tasks(m)).toEqual(['Review ledger', 'Correct entry']);
    const split = next(m, node(m, 'Review ledger').id)[0]!;
    expect(split.kind).toBe('exclusive');
    expect(next(m, split.id).some((n) => n.label !== 'Correct entry')).toBe(true);
  });
  it('health: "nurse notices any abnormal value ->" is not a step', () => {
    const m = read('nurse checks vitals → nurse notices any abnormal value → doctor examines patient');
    expect(tasks(m)).toEqual(['Check vitals', 'Examine patient']);
    expect(branches(m)).toContain('nurse notices abnormal value');
  });
});

describe('agreement in a condition is the outcome of the step before', () => {
  it('software: "if the reviewer agrees" draws no "Agree" task', () => {
    const m = read('The reviewer reads the code. If the reviewer agrees, the author merges it. If not, the author revises the code.');
    expect(tasks(m)).toEqual(['Read code', 'Merge code', 'Revise code']);
    expect(next(m, node(m, 'Read code').id)[0]!.kind).toBe('exclusive');
  });
  it('retail: "if the customer agrees" branches after the proposal', () => {
    const m = read('The agent proposes a date. If the customer agrees, the agent books the visit. Otherwise the agent cancels the request.');
    expect(tasks(m).some((t) => t.startsWith('Agree'))).toBe(false);
    expect(branches(m)).toContain('customer agrees');
  });
  it('hr: an approval in a condition is still the approver\'s step', () => {
    const m = read('The recruiter drafts the offer. If the manager approves, the recruiter sends the offer.');
    expect(tasks(m)).toContain('Approve offer');
  });
});

describe('a thing landing somewhere is where it ends up, not a step', () => {
  it('insurance: "the item lands in the manual review queue and a clerk reviews it"', () => {
    const m = read('The system scores the claim. If the score is low, the item lands in the manual review queue and a clerk reviews it. Otherwise the system pays the claim.');
    expect(tasks(m).some((t) => t.startsWith('Land'))).toBe(false);
    expect(downstream(m, node(m, 'Score claim'))).toContain('Pay claim');
  });
  it('it-operations: "each request lands in the shared inbox" starts nothing of its own', () => {
    const m = read('Each request lands in the shared inbox. The dispatcher assigns it to a technician. The technician fixes the fault.');
    expect(tasks(m)).toEqual(['Assign request', 'Fix fault']);
  });
});
