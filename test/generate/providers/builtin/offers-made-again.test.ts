// A way that answers an offer with another ("proposes other dates", "negotiates the salary", "makes a counter-offer",
// "asks for a revised quote") goes back to the step that made the offer; a bare "or declines" is the refusing way and
// ends by name; an offer made again in a branch ("makes a new proposal") is the first one done once more. Ways whose
// work ends the thing (archived, written off, rooms released, notified of the rejection) end by name too, while ways
// that only differ in how the work is done still rejoin.
import { describe, expect, it } from 'vitest';
import { downstream, next, node, read, tasks } from './model-reading.ts';
import type { ProcessModel } from '../../../../src/generate/model.ts';

const ends = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'end').map((n) => n.label ?? '');
const goesTo = (m: ProcessModel, from: string) => next(m, node(m, from).id).map((n) => n.label ?? n.kind);

describe('offers answered with another offer', () => {
  it('event venue: other dates go back to the offer, declining ends, accepting goes on to signing', () => {
    const m = read('The venue manager sends an offer to the client. The client either accepts the offer, proposes other dates or declines. After acceptance the contract is signed. Then the manager sends an invoice.');
    expect(goesTo(m, 'Propose other dates')).toEqual(['Send offer']);
    expect(ends(m)).toContain('Offer declined');
    expect(downstream(m, node(m, 'Decline offer'))).not.toContain('Sign contract');
    expect(downstream(m, node(m, 'Accept offer'))).toEqual(expect.arrayContaining(['Sign contract', 'Send invoice']));
  });

  it('HR: negotiating the salary goes back to the job offer; a bare "declines" declines the offer', () => {
    const m = read('The recruiter sends a job offer to the candidate. The candidate accepts, negotiates the salary or declines. Then HR prepares the contract.');
    expect(goesTo(m, 'Negotiate salary')).toEqual(['Send job offer']);
    expect(tasks(m)).toContain('Decline job offer');
    expect(downstream(m, node(m, 'Decline job offer'))).not.toContain('Prepare contract');
  });

  it('insurance: a counter-offer goes back to the settlement offer', () => {
    const m = read('The insurer sends a settlement offer to the claimant. The claimant accepts the offer, makes a counter-offer or rejects it. If the offer is accepted, the insurer pays the claim.');
    expect(goesTo(m, 'Make counter-offer')).toEqual(['Send settlement offer']);
    expect(goesTo(m, 'Reject offer')).toEqual(['Offer rejected']);
    expect(downstream(m, node(m, 'Accept offer'))).toContain('Pay claim');
  });

  it('procurement and school: asking for a revised quote or another date goes back to the offer', () => {
    const q = read('The supplier sends a quote to the buyer. The buyer accepts the quote, asks for a revised quote or rejects it. If the quote is accepted, the buyer issues a purchase order.');
    expect(goesTo(q, 'Ask for revised quote')).toEqual(['Send quote']);
    const s = read('The school offers a place to the parents. The parents accept the place, ask for another date or decline the offer. The school then enrols the child.');
    expect(goesTo(s, 'Ask for date')).toEqual(['Offer place']);
    expect(downstream(s, node(s, 'Decline offer'))).not.toContain('Enrol child');
  });

  it('a counter-offer inside a branch still goes back to the offer made in that branch', () => {
    const m = read('The admissions office reviews the application. If no place is available, the office notifies the parents of the rejection. Otherwise the office sends a place offer. The parents accept the place, ask for another start date or decline the offer. The school then enrols the child.');
    expect(goesTo(m, 'Ask for start date')).toEqual(['Send place offer']);
  });

  it('a new proposal made in a branch is the first proposal done again', () => {
    const m = read('The venue sends a proposal to the organiser. If the organiser proposes other dates, the venue makes a new proposal. If the organiser declines, the process ends. Otherwise the organiser signs the contract.');
    expect(tasks(m).filter((t) => /proposal/i.test(t))).toEqual(['Send proposal']);
    expect(ends(m)).toContain('Proposal declined');
  });

  it('does not fire: a list without an accepting way, and "handles complaints or returns"', () => {
    const m = read('The clerk sends an invoice. The customer pays by card, proposes a transfer or pays in cash. The clerk files the receipt.');
    expect(goesTo(m, 'Propose transfer')).not.toContain('Send invoice');
    expect(downstream(m, node(m, 'Propose transfer'))).toContain('File receipt');
    const r = read('The desk handles complaints or returns. The manager signs the report.');
    expect(tasks(r)).toEqual(['Handle complaints or returns', 'Sign report']);
  });
});

describe('ways whose work ends the thing', () => {
  it('public administration: an archived application ends', () => {
    const m = read('The clerk checks the application. If the applicant is not eligible, the application is archived. The clerk schedules an interview and sends an invitation.');
    expect(ends(m)).toContain('Application archived');
    expect(downstream(m, node(m, 'Archive application'))).not.toContain('Schedule interview');
  });

  it('finance: a debt written off ends', () => {
    const m = read('The accountant reviews the overdue invoice. If the debt cannot be collected, it is written off. The accountant sends a reminder to the customer.');
    expect(ends(m)).toContain('Debt written off');
    expect(downstream(m, node(m, 'Write off debt'))).not.toContain('Send reminder');
  });

  it('education: notifying the parents of the rejection ends as the application rejected', () => {
    const m = read('The school reviews the application. If no place is available, the school notifies the parents of the rejection. Otherwise the school sends a place offer. The parents accept the place.');
    expect(ends(m)).toContain('Application rejected');
    expect(downstream(m, node(m, 'Notify parents of rejection'))).not.toContain('Accept place');
  });

  it('does not fire: releasing a payment goes on, and picking or ordering a part both rejoin before packing', () => {
    const p = read('The controller checks the invoice. If the invoice is not disputed, the controller releases the payment. The clerk files the invoice.');
    expect(downstream(p, node(p, 'Release payment'))).toContain('File invoice');
    const m = read('The warehouse checks the stock. If the part is in stock it is picked, otherwise it is ordered. Then the order is packed.');
    expect(downstream(m, node(m, 'Pick part'))).toContain('Pack order');
    expect(downstream(m, node(m, 'Order part'))).toContain('Pack order');
  });

  it('"after" with a noun is a time: the passive step after it is drawn', () => {
    const m = read('The manager sends an offer. After acceptance, the contract is signed. Then the manager sends an invoice.');
    expect(tasks(m)).toEqual(['Send offer', 'Sign contract', 'Send invoice']);
  });
});
