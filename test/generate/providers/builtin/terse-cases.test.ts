// Cases written tersely with arrows or colons — "Type A -> …; type B -> …; otherwise -> …", "Outcome: approved →
// …; rejected → …" — are one decision with a branch per case, labelled by the case.
import { describe, expect, it } from 'vitest';
import { branches, next, node, read, tasks } from './model-reading.ts';

describe('cases named by a word and a letter or number', () => {
  it('"Type A -> …; type B -> …; otherwise -> …" is one choice with three labelled ways (finance)', () => {
    const m = read('The clerk receives the invoice. Type A -> send it to finance; type B -> send it to legal; otherwise -> archive it. The clerk then updates the register.');
    expect(branches(m)).toEqual(['type A', 'type B', 'otherwise']);
    expect(tasks(m)).toContain('Archive invoice');
  });

  it('"Priority 1 -> …; priority 2 -> …; otherwise -> …" (health)', () => {
    const m = read('The dispatcher reads the call. Priority 1 -> send an ambulance; priority 2 -> call back within an hour; otherwise -> give advice.');
    expect(branches(m)).toEqual(['priority 1', 'priority 2', 'otherwise']);
    expect(next(m, node(m, 'Read call').id)[0]!.kind).toBe('exclusive');
  });

  it('"Plan A: …; plan B: …" with colons (software)', () => {
    const m = read('QA runs the tests. Plan A: deploy to production; plan B: roll back the release.');
    expect(branches(m)).toEqual(['plan A', 'plan B']);
  });
});

describe('an "Outcome:" line that lists outcomes', () => {
  it('is a choice after the step, not the end event\'s name (HR)', () => {
    const m = read('The manager reviews the request.\nOutcome: approved → notify the employee; rejected → close the request.');
    expect(branches(m)).toEqual(['approved', 'rejected']);
    expect(tasks(m)).toEqual(['Review request', 'Notify employee', 'Close request']);
  });

  it('still names the end when it states one outcome (public administration)', () => {
    const m = read('The clerk checks the form. The officer signs the permit.\nOutcome: permit issued.');
    expect(m.nodes.filter((n) => n.kind === 'end').map((n) => n.label)).toEqual(['Permit issued']);
  });
});
