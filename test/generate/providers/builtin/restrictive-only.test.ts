// "Only" before a condition puts the decision before the step it restricts, with a way that skips the step.
import { describe, expect, it } from 'vitest';
import { branches, downstream, next, node, read, tasks } from './model-reading.ts';

/** The gateway right before a step, and the way around it that skips the step. */
function skipped(text: string, step: string) {
  const m = read(text);
  const gateway = m.nodes.find((n) => n.kind === 'exclusive' && next(m, n.id).some((x) => x.label === step))!;
  expect(gateway).toBeDefined();
  const around = m.flows.filter((f) => f.from === gateway.id && f.to !== node(m, step).id);
  expect(around).toHaveLength(1);
  return { m, condition: m.flows.find((f) => f.from === gateway.id && f.to === node(m, step).id)?.label };
}

describe('a restrictive "only" after the step', () => {
  it('"…, but only for premium customers" is a decision on the kind of party (IT support)', () => {
    const { m, condition } = skipped('The helpdesk receives a ticket. The agent escalates the ticket, but only for premium customers. Then the agent closes the ticket.', 'Escalate ticket');
    expect(condition).toBe('premium customer');
    expect(downstream(m, node(m, 'Escalate ticket'))).toContain('Close ticket');
  });

  it('"…, but only if the results are abnormal" puts the choice before the booking (health)', () => {
    const { m, condition } = skipped('The nurse takes the blood sample. The nurse books a follow-up, but only if the results are abnormal. The nurse then updates the chart.', 'Book follow-up');
    expect(condition).toBe('results abnormal');
    expect(next(m, node(m, 'Take blood sample').id)[0]!.kind).toBe('exclusive');
  });

  it('"only when the invoice is overdue" is a condition, not a time (finance)', () => {
    const { condition } = skipped('The clerk checks the invoice. The clerk sends a reminder only when the invoice is overdue. Finally the clerk files the invoice.', 'Send reminder');
    expect(condition).toBe('invoice overdue');
  });

  it('"for unopened items only" at the end of the sentence restricts the step (retail)', () => {
    const { condition } = skipped('The store receives the return. The clerk refunds the customer for unopened items only. The clerk restocks the shelf.', 'Refund customer');
    expect(condition).toBe('unopened item');
  });
});

describe('a restrictive "only" before the step', () => {
  it('"Only if the client asks, …" opens the choice (logistics)', () => {
    const m = read('The planner drafts the schedule. Only if the client asks, the planner sends a copy. The planner publishes the schedule.');
    expect(tasks(m)).toEqual(['Draft schedule', 'Send copy', 'Publish schedule']);
    expect(branches(m)).toEqual(['client asks', 'otherwise']);
  });
});

describe('"only" that restricts no step', () => {
  it('"only for a week" is a time, and the step stays unconditional (HR)', () => {
    const m = read('HR hires the temp. The temp works only for a week. HR then pays the agency.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });

  it('"only for managers" names no kind, so no condition is made up (public administration)', () => {
    const m = read('The office prints the badges. The office issues parking permits only for managers. The office files the list.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });
});
