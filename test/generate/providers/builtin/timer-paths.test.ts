// Timer paths drawn where they act (genr43): lateness said as "is late" / "expires" is the deadline's path, a timer's
// path that does the late work another way rejoins, a party's "closes the case" is a step, a wait met goes straight on,
// and a thing to come in by a deadline is waited for on the receiving side.
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { downstream, laneOf, next, node, read, tasks } from './model-reading.ts';

const timerOn = (m: ProcessModel, host: string) => m.nodes.find((n) => n.kind === 'boundary' && n.attachedTo === node(m, host).id);
const gateways = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'exclusive');

describe('lateness after a deadline is the deadline\'s path', () => {
  it('"if it is late", "if the code expires", "if the refund is late" (logistics, software, retail)', () => {
    const freight = read('The shipper must deliver the goods no later than Thursday noon. If it is late, the shipper pays a fee. The warehouse then unloads the goods.');
    expect(downstream(freight, timerOn(freight, 'Deliver goods')!)).toContain('Pay fee');
    expect(gateways(freight).every((g) => next(freight, g.id).length === 1)).toBe(true);
    const code = read('The system sends a verification code to the user. The user must enter the code within 10 minutes. If the code expires, the user requests a new code.');
    expect(downstream(code, timerOn(code, 'Enter code')!)[0]).toBe('Request new code');
    const refund = read('The customer requests a refund. The shop has 14 days to refund the money. If the refund is late, the customer files a complaint. The customer receives the money.');
    expect(timerOn(refund, 'Refund money')?.timer?.value).toBe('P14D');
  });
});

describe('a timer path that gets the work done anyway rejoins it', () => {
  it('a fee, the same step by someone else, another supplier (logistics, software, procurement)', () => {
    const freight = read('The shipper must deliver the goods by Thursday. If it is late, the shipper pays a fee. The warehouse then unloads the goods.');
    expect(next(freight, node(freight, 'Pay fee').id)[0]!.kind).not.toBe('end');
    expect(downstream(freight, node(freight, 'Pay fee'))).toContain('Unload goods');
    const review = read('The developer opens a pull request. A reviewer reviews it within one working day. If nobody reviews it in time, the team lead reviews it. The developer then merges the pull request.');
    const lead = review.nodes.find((n) => n.label === 'Review pull request' && laneOf(review, 'Review pull request') && n.actor !== node(review, 'Review pull request').actor)!;
    expect(downstream(review, lead)).toContain('Merge pull request');
    const buy = read('The supplier must confirm the order within 24 hours. If the supplier does not confirm, the buyer chooses another supplier. Then the buyer sends the order.');
    expect(downstream(buy, node(buy, 'Choose supplier'))).toContain('Send order');
  });

  it('anything else still ends by name (HR)', () => {
    const m = read('The recruiter sends the offer to the candidate. The candidate has 5 days to respond. If the candidate does not respond in time, the recruiter withdraws the offer. HR then prepares the contract.');
    expect(downstream(m, node(m, 'Withdraw offer'))).toEqual(['Offer withdrawn']);
  });
});

describe('a wait whose timer path closes the case', () => {
  it('draws "Close case" and goes straight on when the awaited thing comes (education, insurance)', () => {
    const school = read('The school sends the decision to the parents. If no appeal is received within 14 days, the school closes the case. If the parents appeal, the board reviews the appeal.');
    expect(downstream(school, timerOn(school, 'Wait for appeal')!)).toEqual(['Close case', 'Case closed']);
    expect(next(school, node(school, 'Wait for appeal').id).map((n) => n.label)).toEqual(['Review appeal']);
    expect(gateways(school)).toEqual([]);
    const claim = read('The insurer rejects the claim. If the client does not object within 30 days, the insurer closes the case.');
    expect(tasks(claim)).toContain('Close case');
  });
});

describe('a thing to come in by a deadline', () => {
  it('is waited for on the receiving side, never a step of its own (procurement, public administration, elections)', () => {
    const tender = read('The buyer publishes the tender. Bids must arrive by the 15th. The committee evaluates the bids.');
    expect(tasks(tender)).not.toContain('Arrive by 15th');
    expect(tasks(tender).some((t) => t.startsWith('Wait for bids'))).toBe(true);
    const notice = read('The registry publishes the planning notice. Objections can be filed within 4 weeks. If no objection is received within 4 weeks, the registry grants the permit. If objections are received, the council holds a hearing.');
    expect(timerOn(notice, 'Wait for objections')?.timer?.value).toBe('P4W');
    expect(gateways(notice)).toEqual([]);
    const votes = read('The office mails the voting documents. Voters return the sealed envelopes. Envelopes must arrive by 6 pm on election day. The board counts the votes.');
    const wait = tasks(votes).find((t) => t.startsWith('Wait for envelopes'))!;
    expect(laneOf(votes, wait)).toBe('Office');
  });
});
