// Control flow after a decision and around deadlines (issue 13, classes 1, 5 and 7): refusals end, send-backs loop,
// a deadline's "otherwise" leaves on a timer, durations make no step. One small sentence per rule, several domains.
import { describe, expect, it } from 'vitest';
import { downstream, next, node, read, tasks } from './model-reading.ts';

describe('a refusal after the steps ends its branch', () => {
  it('reads "when X is declined" after a step as a condition whose branch ends (insurance)', () => {
    const m = read('The underwriter evaluates the risk. When the policy is declined, the broker informs the client. The underwriter issues the policy.');
    expect(tasks(m)).not.toContain('Decline policy');
    expect(downstream(m, node(m, 'Inform client'))).toEqual(['Policy declined']);
    expect(downstream(m, node(m, 'Evaluate risk'))).toContain('Issue policy');
  });

  it('keeps "when X is approved" in sequence: only a refusal is a branch (public administration)', () => {
    const m = read('The clerk checks the form. When the form is approved, the clerk stamps it. The clerk files the form.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });

  it('ends the branch of people who withdraw, named for what they withdrew (HR)', () => {
    const m = read('Applicants who withdraw their application are removed from the list. The recruiter invites the remaining candidates to an interview.');
    expect(downstream(m, node(m, 'Remove applicants'))).toEqual(['Application withdrawn']);
    expect(m.flows.map((f) => f.label)).toContain('applicants withdraw application');
  });
});

describe('work sent back for correction loops', () => {
  it('returns to the step that sent it back when the receiver has no step yet (publishing)', () => {
    const m = read('The editor reviews the draft. If changes are needed, the draft is returned to the author for correction. The editor publishes the article.');
    expect(downstream(m, node(m, 'Return draft'))).toContain('Review draft');
    expect(next(m, node(m, 'Return draft').id).map((n) => n.label)).toEqual(['Correct draft']);
    expect(tasks(m).filter((t) => t === 'Review draft')).toHaveLength(1);
  });

  it('returns to the receiver\'s own earlier step when there is one (finance)', () => {
    const m = read('The employee submits the expense claim. The controller checks the claim. If a receipt is missing, the controller returns the claim to the employee. Accounting pays the claim.');
    const back = next(m, node(m, 'Return claim').id);
    expect(downstream(m, node(m, 'Return claim'))).toContain('Submit expense claim');
    expect(back.map((n) => n.label)).not.toContain('Pay claim');
  });
});

describe('a deadline with "otherwise"', () => {
  it('puts a timer on the step, whose path ends, and the step goes on (procurement)', () => {
    const m = read('The supplier must confirm the order within 48 hours; otherwise the buyer cancels it and picks another supplier. The supplier ships the goods.');
    const timer = m.nodes.find((n) => n.kind === 'boundary')!;
    expect(timer).toMatchObject({ eventType: 'timer', label: '48 hours', attachedTo: node(m, 'Confirm order').id, timer: { kind: 'duration', value: 'PT48H' } });
    expect(downstream(m, timer)).not.toContain('Ship goods');
    expect(next(m, node(m, 'Confirm order').id).map((n) => n.label)).toEqual(['Ship goods']);
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });

  it('reads "Otherwise" opening the next sentence the same way (housing)', () => {
    const m = read('The tenant must pay the deposit within 7 days. Otherwise, the landlord cancels the reservation. The landlord hands over the keys.');
    const timer = m.nodes.find((n) => n.kind === 'boundary')!;
    expect(timer.attachedTo).toBe(node(m, 'Pay deposit').id);
    expect(downstream(m, timer)).toEqual(['Cancel reservation', 'Reservation canceled']);
  });
});

describe('how long a step takes', () => {
  it('makes no step of ", which takes 1–3 days" (logistics) or ", which usually takes two days" (IT)', () => {
    expect(tasks(read('The courier delivers the parcel, which takes 1–3 days. The customer confirms receipt.'))).toEqual(['Deliver parcel', 'Confirm receipt']);
    expect(tasks(read('The vendor installs the update, which usually takes two days. The admin tests the server.'))).toEqual(['Install update', 'Test server']);
  });
});

describe('trying and waiting again', () => {
  it('loops a reminder that waits again back to the wait, with an interrupting timer (customer service)', () => {
    const m = read('The support agent sends the questionnaire. If no answer arrives within a week, the agent sends a reminder and waits again. The agent evaluates the answers.');
    const wait = node(m, 'Wait for answer');
    const timer = m.nodes.find((n) => n.kind === 'boundary')!;
    expect(timer.attachedTo).toBe(wait.id);
    expect(timer.interrupting).toBeUndefined();
    expect(next(m, node(m, 'Send reminder').id)).toEqual([wait]);
  });

  it('loops "tries again" in a branch back to the step that decided it (banking)', () => {
    const m = read('The customer enters the PIN. If the PIN is wrong, the customer tries again. The customer withdraws the cash.');
    const gateway = next(m, node(m, 'Enter PIN').id)[0]!;
    expect(next(m, gateway.id).map((n) => n.label).sort()).toEqual(['Enter PIN', 'Withdraw cash']);
  });
});
