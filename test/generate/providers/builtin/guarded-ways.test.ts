// A condition guards all the work its way tells (issue 13: a gateway drawn after the work it should guard, a parallel
// block that escapes its way): parallel work inside a way forks and joins inside it, a way told over several sentences
// stays open while its other way is still to come, and "When <state>, …; otherwise …" is a case, not a wait.
import { describe, expect, it } from 'vitest';
import { next, node, read, tasks } from './model-reading.ts';

const kindAfter = (m: ReturnType<typeof read>, label: string) => next(m, node(m, label).id).map((n) => n.kind);
/** The node a way labelled `condition` leads to. */
const wayTo = (m: ReturnType<typeof read>, condition: string) => m.nodes.find((n) => n.id === m.flows.find((f) => f.label === condition)?.to);

describe('parallel work inside one way of a choice', () => {
  it('forks "at the same time" inside the accepting way, the declining way ending (HR)', () => {
    const m = read('If the candidate accepts the offer, HR prepares the contract and IT sets up the laptop at the same time. If the candidate declines the offer, the recruiter reopens the position.');
    expect(m.nodes.filter((n) => n.kind === 'exclusive')).toHaveLength(1);
    const split = wayTo(m, 'candidate accepts offer')!;
    expect(split.kind).toBe('parallel');
    expect(next(m, split.id).map((n) => n.label).sort()).toEqual(['Prepare contract', 'Set up laptop']);
    expect(wayTo(m, 'candidate declines offer')?.label).toBe('Reopen position');
    expect(kindAfter(m, 'Reopen position')).toEqual(['end']);
  });

  it('forks "in parallel" inside the consenting way, not before the choice (health)', () => {
    const m = read('If the patient consents, the nurse prepares the theatre and the anaesthetist meets the patient in parallel. Otherwise the surgeon documents the refusal.');
    expect(m.flows.find((f) => f.from === 'start1')?.to).toMatch(/^exclusive/);
    expect(wayTo(m, 'patient consents')?.kind).toBe('parallel');
    expect(wayTo(m, 'otherwise')?.label).toBe('Document refusal');
    expect(kindAfter(m, 'Prepare theatre')).toEqual(kindAfter(m, 'Meet patient'));
    expect(kindAfter(m, 'Prepare theatre')).toEqual(['parallel']);
  });

  it('forks "while" at the way\'s first step, joining before the other way (insurance)', () => {
    const m = read('If the claim is approved, finance pays the claim while the adjuster closes the file. If the claim is rejected, the adjuster informs the customer.');
    expect(m.nodes.filter((n) => n.kind === 'exclusive')).toHaveLength(1);
    const split = wayTo(m, 'claim approved')!;
    expect(split.kind).toBe('parallel');
    expect(next(m, split.id).map((n) => n.label).sort()).toEqual(['Close file', 'Pay claim']);
    expect(wayTo(m, 'claim rejected')?.label).toBe('Inform customer');
  });

  it('joins a "while" fork before "; otherwise" opens the other way (logistics)', () => {
    const m = read('If the order is urgent, the warehouse picks it immediately while the courier is booked; otherwise the order waits for the next batch.');
    const join = next(m, node(m, 'Pick order').id)[0]!;
    expect(join.kind).toBe('parallel');
    expect(next(m, node(m, 'Book courier').id)[0]).toBe(join);
    expect(wayTo(m, 'otherwise')?.kind).not.toBe('parallel');
  });

  it('keeps a "Meanwhile" sentence inside the way a later case still answers (procurement)', () => {
    const m = read('The buyer reviews the purchase request. If the request is approved, procurement orders the parts. Meanwhile the warehouse reserves a storage bay. If the request is rejected, the buyer returns it to the requester with a reason.');
    expect(next(m, node(m, 'Review purchase request').id)[0]?.kind).toBe('exclusive');
    const split = wayTo(m, 'request approved')!;
    expect(split.kind).toBe('parallel');
    expect(next(m, split.id).map((n) => n.label).sort()).toEqual(['Order parts', 'Reserve storage bay']);
  });
});

describe('a way told over several sentences', () => {
  it('keeps "Then … Finally …" on the approving way when the rejecting way is told after them (public administration)', () => {
    const m = read('If the application is approved, the clerk issues the permit. Then the clerk updates the register. Finally the clerk notifies the applicant. If the application is rejected, the clerk sends a refusal letter.');
    expect(m.nodes.filter((n) => n.kind === 'exclusive')).toHaveLength(1);
    expect(next(m, node(m, 'Issue permit').id)[0]?.label).toBe('Update register');
    expect(next(m, node(m, 'Update register').id)[0]?.label).toBe('Notify applicant');
    expect(wayTo(m, 'application rejected')?.label).toBe('Send refusal letter');
    expect(kindAfter(m, 'Send refusal letter')).toEqual(['end']);
  });

  it('keeps "Finally" a closing step for every way when no other way follows (education)', () => {
    const m = read('The registry checks the thesis. If the thesis passes the check, the examiner grades it. If the thesis fails the check, the supervisor returns it to the student. Finally the registry records the result.');
    expect(tasks(m)).toContain('Record result');
    expect(m.flows.filter((f) => f.to === node(m, 'Record result').id).length).toBeGreaterThanOrEqual(1);
    expect(next(m, node(m, 'Grade thesis').id).map((n) => n.kind)).not.toContain('end');
  });
});

describe('"When <state>, …; otherwise …" is a case', () => {
  it('opens the choice before the guarded step (manufacturing)', () => {
    const m = read('Quality control inspects each batch. When a batch is defective, the inspector quarantines it; otherwise the batch goes to packing.');
    expect(next(m, node(m, 'Inspect batch').id)[0]?.kind).toBe('exclusive');
    expect(wayTo(m, 'batch defective')?.label).toBe('Quarantine batch');
  });

  it('reads a next sentence\'s "Otherwise" as the other way (IT operations)', () => {
    const m = read('The monitor checks the disk. When the disk is full, the operator archives old logs. Otherwise the monitor records the reading.');
    expect(next(m, node(m, 'Check disk').id)[0]?.kind).toBe('exclusive');
    expect(wayTo(m, 'disk full')?.label).toBe('Archive old logs');
    expect(wayTo(m, 'otherwise')?.label).toBe('Record reading');
  });
});
