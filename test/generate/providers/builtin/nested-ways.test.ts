// A choice told inside a way of another stays in that way when a later case is the first choice's other way ("If the
// candidate is not qualified, …"); a plain step before that case belongs to the way too, "Either way" closes only the
// inner choice, and a choice whose "otherwise" is drawn takes no more cases.
import { describe, expect, it } from 'vitest';
import { downstream, next, node, read } from './model-reading.ts';

const labelsOut = (m: ReturnType<typeof read>, id: string) => m.flows.filter((f) => f.from === id).map((f) => f.label);

describe('choices inside a way of another', () => {
  it('nests the interview\'s choice in the qualified way (HR)', () => {
    const m = read('The recruiter screens each application. If the candidate is qualified, the recruiter schedules an interview. If the interview goes well, the hiring manager makes an offer. Otherwise the recruiter sends a rejection letter. If the candidate is not qualified, the recruiter archives the application. The recruiter then updates the tracking system.');
    const [split] = next(m, node(m, 'Screen application').id);
    expect(labelsOut(m, split!.id)).toEqual(['candidate qualified', 'candidate not qualified']);
    expect(next(m, split!.id).map((n) => n.label)).toEqual(['Schedule interview', 'Archive application']);
    expect(downstream(m, node(m, 'Archive application'))).not.toContain('Make offer');
    expect(downstream(m, node(m, 'Archive application'))).toContain('Update tracking system');
  });

  it('takes a range of amounts after an inner choice as the outer\'s way (finance)', () => {
    const m = read('An employee submits an expense claim. If the claim is over 10,000 euros, the finance manager reviews it; if she approves it, the payment is scheduled, otherwise the claim is rejected. If the claim is 10,000 euros or less, the team lead approves it. Finally the accounting clerk books the payment.');
    const [split] = next(m, node(m, 'Submit expense claim').id);
    expect(labelsOut(m, split!.id)).toEqual(['claim over 10,000 euros', 'claim 10,000 euros or less']);
  });

  it('keeps a plain step before the other way in its way (health)', () => {
    const m = read('The nurse takes the blood sample. If the sample is usable, the lab analyses it. The lab then sends the results to the doctor. If the sample is unusable, the nurse takes a new sample. The doctor discusses the results with the patient.');
    expect(next(m, node(m, 'Analyse sample').id).map((n) => n.label)).toEqual(['Send results']);
    expect(downstream(m, node(m, 'Take new sample'))).not.toContain('Send results');
  });

  it('closes only the inner choice at "Either way" (public administration)', () => {
    const m = read('The clerk receives the permit application. If the application is complete, the planner evaluates it. If the project meets the zoning rules, the planner approves the permit. Otherwise the planner asks the applicant for changes. Either way, the clerk notifies the applicant. If the application is incomplete, the clerk returns it to the applicant and the process ends.');
    expect(downstream(m, node(m, 'Approve permit'))).toContain('Notify applicant');
    expect(downstream(m, node(m, 'Return application'))).not.toContain('Notify applicant');
    const [split] = next(m, node(m, 'Receive permit application').id);
    expect(labelsOut(m, split!.id)).toContain('application incomplete');
  });

  it('does not nest two questions about different things (retail)', () => {
    const m = read('The clerk receives the order. If the order is urgent, the clerk ships it by courier. If the customer is new, the clerk creates an account. If the order is large, the manager checks it. The clerk files the order.');
    const [split] = next(m, node(m, 'Receive order').id);
    expect(labelsOut(m, split!.id)).toEqual(['order urgent', 'otherwise']);
    expect(downstream(m, split!).filter((l) => l === 'Create account')).toHaveLength(1);
    const urgentOnly = m.flows.filter((f) => f.to === node(m, 'Create account').id);
    expect(urgentOnly.map((f) => f.label)).toEqual(['customer new']);
  });
});
