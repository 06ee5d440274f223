// What happens when a deadline passes (issue 13, time rules and class 5): the timer's path carries the outcome the
// text names ("without a reply the lease renews", "no answer by Friday means acceptance"), holds wait for the event
// that ends them, and a reminder's "after another 3 days" is a second timer on the same wait.
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { awaitedLabel, missedOpening, notDoneInTime } from '../../../../src/generate/providers/builtin/deadlines.ts';
import { addedTime, findDuration } from '../../../../src/generate/providers/builtin/time-expressions.ts';
import { readSentences } from '../../../../src/generate/providers/builtin/tokens.ts';
import { downstream, next, read, tasks } from './model-reading.ts';

const tokens = (s: string) => readSentences(s)[0]!;
const said = (ts: { text: string }[][] | null) => ts?.map((p) => p.map((t) => t.text).join(' ')) ?? null;
const boundaries = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'boundary');
const events = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'intermediate').map((n) => n.label);
const ends = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'end').map((n) => n.label);
/** What the timer on the step (or wait) labelled `host` leads to. */
const timerPath = (m: ProcessModel, host: string) => {
  const at = m.nodes.find((n) => n.label === host)!;
  const b = boundaries(m).filter((n) => n.attachedTo === at.id);
  return b.map((n) => downstream(m, n));
};

describe('a clause that names what did not come', () => {
  it('reads "without a reply", "in the absence of payment" as a condition and "failing that" as otherwise', () => {
    expect(said(missedOpening(tokens('; without a reply the lease renews automatically')))).toEqual(['if there is no reply', 'the lease renews automatically']);
    expect(said(missedOpening(tokens('In the absence of payment, the landlord charges a late fee')))).toEqual(['if there is no payment', 'the landlord charges a late fee']);
    expect(said(missedOpening(tokens('failing that, the recruiter calls the next candidate')))).toEqual(['Otherwise , the recruiter calls the next candidate']);
    expect(said(missedOpening(tokens('silence counts as consent')))).toEqual(['if there is no answer', 'it is approved']);
    expect(missedOpening(tokens('without delay the clerk files the form'))).toBeNull();
    expect(missedOpening(tokens('the clerk files the form without a second check'))).toBeNull();
  });

  it('waits for an objection when nobody objects', () => {
    expect(awaitedLabel(tokens('if nobody objects within two weeks'))).toBe('Wait for objection');
    expect(awaitedLabel(tokens('if no one complains within a month'))).toBe('Wait for complaint');
  });
});

describe('the path a missed deadline takes', () => {
  it('ends in what a thing does by itself when the time is up', () => {
    const lease = read('The agent sends a renewal notice to the tenant. The tenant has 10 days to reply; without a reply the lease renews automatically.');
    expect(timerPath(lease, 'Reply to renewal notice')).toEqual([['Lease renewed']]);
    const sale = read('The warehouse sends the shipment. The customer has 14 days to return the goods; after that the sale becomes final.');
    expect(ends(sale)).toContain('Sale final');
    expect(ends(sale)).not.toContain('Deadline missed');
  });

  it('carries the step the text names for the missed time', () => {
    const rent = read('The landlord sends the invoice. The tenant must pay within 14 days. In the absence of payment, the landlord charges a late fee.');
    expect(timerPath(rent, 'Pay invoice')).toEqual([['Charge late fee', 'Late fee charged']]);
    const hire = read('The recruiter sends the offer to the candidate. The candidate must confirm within 5 days; failing that, the recruiter offers the job to the next candidate.');
    expect(boundaries(hire)).toHaveLength(1);
    expect(downstream(hire, boundaries(hire)[0]!)[0]).toMatch(/^Offer job/);
    expect(ends(hire)).not.toContain('Deadline missed');
  });

  it('reads "no answer by Friday means acceptance" as accepting the thing in hand when the time is up', () => {
    const offer = read('We send the offer to the customer. No answer by Friday means acceptance.');
    // (A yes goes on with the work: the path joins the main path rather than ending.)
    expect(timerPath(offer, 'Wait for answer')[0]![0]).toBe('Accept offer');
    expect(ends(offer)).not.toContain('Offer accepted');
    const zoning = read('The council publishes the zoning plan. No objection within 6 weeks means approval.');
    expect(timerPath(zoning, 'Wait for objection')[0]![0]).toBe('Approve zoning plan');
    const permit = read('The city sends the permit application to the fire department. The fire department has 10 working days to comment; silence counts as consent.');
    expect(tasks(permit)).toContain('Approve permit application');
  });

  it('puts the timer of "if nobody objects within" on the wait for the objection', () => {
    const plan = read('The board circulates the plan to the members. If nobody objects within two weeks, the plan is adopted.');
    expect(timerPath(plan, 'Wait for objection')[0]![0]).toBe('Adopt plan');
    const shop = read('We send the offer to the customer. No answer by Friday means acceptance. Then we ship the goods.');
    expect(timerPath(shop, 'Wait for answer')[0]).toContain('Ship goods');
  });
});

describe('holds', () => {
  it('waits for the event that ends a hold instead of a step or a loop', () => {
    const results = read('The case is put on hold until the results come in. Then the doctor reviews the results.');
    expect(events(results)).toEqual(['Results arrived']);
    expect(tasks(results)).toEqual(['Review results']);
    const visa = read('The clerk checks the application. If documents are missing, the application is suspended until the missing documents are supplied. Then the clerk approves the application.');
    expect(tasks(visa)).not.toContain('Suspend application');
    expect(events(visa)).toEqual(['Documents supplied']);
    const release = read('The planner checks the build. The release is paused until the security team approves it. Afterwards the planner deploys the release.');
    expect(next(release, release.nodes.find((n) => n.kind === 'intermediate')!.id).map((n) => n.label)).toEqual(['Deploy release']);
    const repair = read('The technician orders the spare part. Repairs are on hold until the part is delivered. The technician then repairs the machine.');
    expect(events(repair)).toEqual(['Part delivered']);
    const claim = read('The insurer registers the claim. The claim remains pending until the expert report arrives. Then the handler settles the claim.');
    expect(tasks(claim)).toEqual(['Register claim', 'Settle claim']);
    expect(events(claim)).toHaveLength(1);
    // ("signs it off": "it" is the thing held back.)
    const lab = read('The lab analyses the sample. The report is held back until the doctor signs it off. Then the lab releases the report to the patient.');
    expect(events(lab)).toEqual(['Report signed']);
    const line = read('Production is stopped until the machine is repaired. Then the supervisor restarts the line.');
    expect(tasks(line)).toEqual(['Restart line']);
    expect(line.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });
});

describe('reminders, then more time', () => {
  it('reads "in 3 days" after a negation as a deadline and "another 3 days" as more time', () => {
    expect(findDuration(tokens("if the supplier doesn't answer in 3 days"))?.kind).toBe('deadline');
    expect(findDuration(tokens('we call them in 3 days'))).toBeNull();
    expect(findDuration(tokens('after another 3 days the buyer calls them'))).toMatchObject({ kind: 'wait', again: true, start: 0 });
    expect(findDuration(tokens('if there is still no answer after a further week'))).toMatchObject({ label: '1 week', again: true });
    expect(addedTime('2 weeks', findDuration(tokens('after a further week'))!)).toEqual({ label: '3 weeks', timer: { kind: 'duration', value: 'P3W' } });
    expect(addedTime('2 weeks', findDuration(tokens('after another 3 days'))!).label).toBe('3 days more');
  });

  it('hangs the later step on a second timer of the same wait, the reminder beside it', () => {
    const rfq = read("The buyer sends a request for quotation to the supplier. If the supplier doesn't answer in 3 days, we send a reminder; after another 3 days the buyer calls them.");
    const wait = rfq.nodes.find((n) => n.label === 'Wait for supplier to answer')!;
    const timers = boundaries(rfq).filter((b) => b.attachedTo === wait.id);
    expect(timers.map((b) => [b.label, b.interrupting ?? true])).toEqual([['3 days', false], ['6 days', true]]);
    expect(next(rfq, timers[1]!.id).map((n) => n.label)).toEqual(['Call supplier']);
    // (Whatever comes back ends the wait for the answer: no second catch event after it.)
    const quote = read("The buyer sends a request for quotation to the supplier. If the supplier doesn't answer in 3 days, we send a reminder. When the quotation arrives, the buyer compares the prices.");
    expect(next(quote, quote.nodes.find((n) => n.label === 'Wait for supplier to answer')!.id).map((n) => n.label)).toEqual(['Compare prices']);
    const form = read('The office sends the form to the citizen. If the citizen does not return it within two weeks, the office sends a reminder. If there is still no answer after a further week, the case is closed.');
    expect(boundaries(form).map((b) => b.label)).toEqual(['2 weeks', '3 weeks']);
    expect(ends(form)).toContain('Case closed');
    expect(form.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });
});

describe('things not done in time', () => {
  it('reads "Orders not paid within 24 hours are cancelled" as a deadline and its path', () => {
    expect(notDoneInTime(tokens('Orders not paid within 24 hours are cancelled automatically.'))?.map((t) => t.text).join(' ')).toBe('If orders are not paid within 24 hours , they are cancelled automatically .');
    expect(notDoneInTime(tokens('Tickets not resolved by Friday go to the second line.'))?.[1]?.text).toBe('tickets');
    expect(notDoneInTime(tokens('Orders not paid are cancelled.'))).toBeNull();
    expect(notDoneInTime(tokens('The clerk does not check the form within 2 days.'))).toBeNull();
  });

  it('waits for the payment, the signature, when the thing in hand is not paid or signed', () => {
    expect(awaitedLabel(tokens('if the invoice is not paid'))).toBe('Wait for payment');
    expect(awaitedLabel(tokens('if the contract is not signed'))).toBe('Wait for signature');
    expect(awaitedLabel(tokens('if the report is not submitted'))).toBe('Wait for report');
  });

  it('hangs the timer on the wait and runs the rest of the sentence on its path', () => {
    const shop = read('The shop sends the invoice to the customer. Invoices not paid within 30 days are passed to a collection agency.');
    expect(timerPath(shop, 'Wait for payment')[0]![0]).toBe('Pass invoices');
    const forms = read('The clerk sends the form to the applicant. Forms not returned by Friday are archived.');
    expect(timerPath(forms, 'Wait for forms')).toEqual([['Archive forms', 'Forms archived']]);
  });
});
