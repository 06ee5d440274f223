// Waits, defaults and loops (issue 13, time rules and class 7): a default outcome after the time allowed, an offer's
// validity racing the answer, "this repeats until …" over the step just drawn, and work forked after the event it
// waited for.
import { describe, expect, it } from 'vitest';
import type { ModelNode, ProcessModel } from '../../../../src/generate/model.ts';
import { meetsStep } from '../../../../src/generate/providers/builtin/met-deadlines.ts';
import { readRepeatUntil } from '../../../../src/generate/providers/builtin/repeat-until.ts';
import { readSentences } from '../../../../src/generate/providers/builtin/tokens.ts';
import { downstream, next, node, read, tasks } from './model-reading.ts';

const tokens = (s: string) => readSentences(s)[0]!;
const boundaries = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'boundary');
const labels = (nodes: ModelNode[]) => nodes.map((n) => n.label);
/** The timers on the step labelled `host`. */
const timersOn = (m: ProcessModel, host: string) => boundaries(m).filter((b) => b.attachedTo === node(m, host).id);

describe('a default outcome when the time allowed runs out', () => {
  it('"If nothing is received by then" is the path of the deadline set before (public administration, HR, logistics)', () => {
    const file = read('The clerk asks the applicant for the missing documents. The applicant has 14 days to send the documents. If nothing is received by then, the clerk closes the file. The clerk checks the documents.');
    const [timer] = timersOn(file, 'Send documents');
    expect(downstream(file, timer!)).toEqual(['Close file', 'File closed']);
    expect(labels(next(file, node(file, 'Send documents').id))).toEqual(['Check documents']);
    const hr = read('HR sends the offer letter. The candidate has 5 days to sign the contract. If nobody has signed by then, HR withdraws the offer.');
    expect(downstream(hr, timersOn(hr, 'Sign contract')[0]!)[0]).toBe('Withdraw offer');
    const freight = read('The planner books the slot. The carrier has 2 hours to confirm the slot. If nothing is heard by then, the planner books another carrier.');
    expect(timersOn(freight, 'Confirm slot')).toHaveLength(1);
    expect(freight.nodes.filter((n) => n.kind === 'exclusive')).toEqual([]);
  });

  it('a lapse on the timer path names its end (public administration, insurance, finance)', () => {
    const licence = read('The office approves the application. The applicant has 14 days to pay the fee. Without payment the application lapses. The office issues the licence.');
    expect(downstream(licence, timersOn(licence, 'Pay fee')[0]!)).toEqual(['Application lapsed']);
    expect(labels(next(licence, node(licence, 'Pay fee').id))).toEqual(['Issue licence']);
    const policy = read('The insurer sends the renewal notice. The policyholder has 30 days to pay the premium. If the premium is not paid in time, the policy lapses. The insurer renews the policy.');
    expect(downstream(policy, timersOn(policy, 'Pay premium')[0]!)).toEqual(['Policy lapsed']);
    const loan = read('The bank approves the loan. The borrower has 10 days to sign the agreement. If it is not signed in time, the approval expires.');
    expect(downstream(loan, timersOn(loan, 'Sign agreement')[0]!)).toEqual(['Approval expired']);
  });

  it('a closing "lapses" or "expires" after a thing is its verb, not a plural noun', () => {
    expect(tokens('If the premium is not paid, the policy lapses.').at(-2)).toMatchObject({ pos: 'VERB', lemma: 'lapse' });
    expect(tokens('Without a renewal the permit expires.').at(-2)).toMatchObject({ pos: 'VERB', lemma: 'expire' });
    expect(tokens('The auditor lists the lapses.').at(-2)!.pos).toBe('NOUN');
  });
});

describe('a deadline on a wait', () => {
  it('"waits for X. If it does not arrive within N days" hangs the timer on that wait, made a receive step (public administration, health, logistics)', () => {
    const form = read('The clerk mails the form to the citizen and waits for the signed form. If it does not arrive within 10 days, the clerk cancels the application. Otherwise the clerk registers the form.');
    expect(tasks(form)).not.toContain('Wait for arrival');
    const [timer] = timersOn(form, 'Wait for signed form');
    expect(timer).toMatchObject({ label: '10 days', timer: { value: 'P10D' } });
    expect(downstream(form, timer!)[0]).toBe('Cancel application');
    expect(labels(next(form, node(form, 'Wait for signed form').id))).toEqual(['Register form']);
    const lab = read('The lab sends the kit and waits for the samples. If the samples are not received within a week, the lab closes the order.');
    expect(timersOn(lab, 'Wait for samples')).toHaveLength(1);
    const yard = read('The dispatcher books the truck and waits for the driver. If the driver does not arrive within 2 hours, the dispatcher calls the haulier.');
    expect(downstream(yard, timersOn(yard, 'Wait for driver')[0]!)[0]).toBe('Call haulier');
  });
});

describe('a deadline met', () => {
  it('reads a condition that the step was done or its answer came, and not a failure or a refusal', () => {
    expect(meetsStep(tokens('if the payment arrives'), 'Pay')).toBe(true);
    expect(meetsStep(tokens('If the candidate signs, HR orders a laptop.').slice(0, 4), 'Sign contract')).toBe(true);
    expect(meetsStep(tokens('if the receipts are received'), 'Send receipts')).toBe(true);
    expect(meetsStep(tokens('if the payment fails'), 'Pay')).toBe(false);
    expect(meetsStep(tokens('if the candidate does not sign'), 'Sign contract')).toBe(false);
    expect(meetsStep(tokens('if the amount is high'), 'Pay')).toBe(false);
  });

  it('goes straight on, and its "if not" / "otherwise" is the timer path (retail, HR, insurance)', () => {
    const shop = read('The shop sends the customer a payment link. The customer has 24 hours to pay. If the payment arrives, the shop ships the order. If not, the order is cancelled.');
    expect(labels(next(shop, node(shop, 'Pay').id))).toEqual(['Ship order']);
    expect(downstream(shop, timersOn(shop, 'Pay')[0]!)).toEqual(['Cancel order', 'Order cancelled']);
    expect(shop.nodes.filter((n) => n.kind === 'exclusive')).toEqual([]);
    const hire = read('The candidate has 5 days to sign the contract. If the candidate signs, HR orders a laptop. Otherwise HR withdraws the offer.');
    expect(labels(next(hire, node(hire, 'Sign contract').id))).toEqual(['Order laptop']);
    expect(downstream(hire, timersOn(hire, 'Sign contract')[0]!)[0]).toBe('Withdraw offer');
    const claim = read('The handler asks for receipts. The claimant has 30 days to send the receipts. If the receipts arrive, the handler pays the claim. If they do not arrive, the claim is closed.');
    expect(labels(next(claim, node(claim, 'Send receipts').id))).toEqual(['Pay claim']);
    expect(downstream(claim, timersOn(claim, 'Send receipts')[0]!)[0]).toBe('Close claim');
  });

  it('told after the timer path, the met step still goes straight on (housing, procurement, education)', () => {
    const flat = read('The tenant reports the fault. The landlord has 5 working days to respond. If nothing is heard by then, the tenant hires a contractor. If the landlord responds, the landlord schedules the repair.');
    expect(labels(next(flat, node(flat, 'Respond to fault').id))).toEqual(['Schedule repair']);
    expect(downstream(flat, timersOn(flat, 'Respond to fault')[0]!)[0]).toBe('Hire contractor');
    expect(flat.nodes.filter((n) => n.kind === 'exclusive')).toEqual([]);
    const bid = read('The buyer invites the supplier. The supplier has 10 days to submit a bid. If no bid is received by then, the buyer cancels the tender. If the bid arrives, the buyer evaluates the bid.');
    expect(labels(next(bid, node(bid, 'Submit bid').id))).toEqual(['Evaluate bid']);
    const thesis = read('The student has 6 months to submit the thesis. If nothing is submitted by then, the office closes the file. If the student submits it, the supervisor grades the thesis.');
    expect(labels(next(thesis, node(thesis, 'Submit thesis').id))).toEqual(['Grade thesis']);
  });

  it('told after an "otherwise" default, the step taken goes on and the default ends (HR, retail, public administration)', () => {
    const warning = read('HR sends the warning letter to the employee. The employee has 5 days to appeal the warning; otherwise the warning is filed. If the employee appeals, the works council hears the case.');
    expect(labels(next(warning, node(warning, 'Appeal warning').id))).toEqual(['Hear case']);
    expect(downstream(warning, timersOn(warning, 'Appeal warning')[0]!)).toEqual(['File warning', 'Warning filed']);
    expect(warning.nodes.filter((n) => n.kind === 'exclusive')).toEqual([]);
    const invoice = read('The shop sends the customer a final invoice. The customer has 14 days to object to the invoice; otherwise the invoice is booked as accepted. If the customer objects, the billing team reviews the invoice.');
    expect(labels(next(invoice, node(invoice, 'Object to invoice').id))).toEqual(['Review invoice']);
    const plan = read('The council publishes the plan. Residents have 30 days to object; otherwise the plan is adopted. If a resident objects, the council holds a hearing.');
    expect(labels(next(plan, node(plan, 'Object to plan').id))).toEqual(['Hold hearing']);
    expect(downstream(plan, timersOn(plan, 'Object to plan')[0]!)).toEqual(['Adopt plan', 'Plan adopted']);
  });
});

describe('an offer valid for a time', () => {
  it('waits for the answer to what was sent, the validity its timer (retail, insurance, real estate)', () => {
    const quote = read('The sales rep sends the quote to the customer. The quote is valid for 30 days. If the customer accepts, the rep books the order. If the customer declines, the rep closes the opportunity.');
    const [timer] = timersOn(quote, 'Wait for reply');
    expect(timer).toMatchObject({ label: '30 days', timer: { value: 'P30D' } });
    expect(downstream(quote, timer!)).toEqual(['Quote expired']);
    expect(downstream(quote, node(quote, 'Send quote'))).toEqual(expect.arrayContaining(['Book order', 'Close opportunity']));
    // Every flow reaches a node that is there: the timer's host survives the hand-over's removal.
    expect(quote.flows.every((f) => quote.nodes.some((n) => n.id === f.to) && quote.nodes.some((n) => n.id === f.from))).toBe(true);
    const cover = read('The broker emails the proposal to the client. The offer expires after 14 days. If the client agrees, the broker issues the policy.');
    expect(downstream(cover, timersOn(cover, 'Wait for reply')[0]!)).toEqual(['Offer expired']);
    const lease = read('The landlord sends the lease offer to the tenant. The offer is valid for 7 days. The landlord registers the lease.');
    expect(timersOn(lease, 'Wait for reply')).toHaveLength(1);
  });

  it('leaves a validity about something not sent for an answer (manufacturing, software)', () => {
    expect(boundaries(read('The plant ships the machine. The warranty is valid for 2 years.'))).toEqual([]);
    expect(tasks(read('The team sends the release notes. The licence is valid for one year.'))).not.toContain('Wait for reply');
  });
});

describe('"this repeats until …"', () => {
  it('reads a pointing subject with a repeating verb, and nothing else', () => {
    expect(readRepeatUntil(tokens('This repeats until all items are scanned.'))?.until.map((t) => t.lower)).toEqual(['all', 'items', 'are', 'scanned']);
    expect(readRepeatUntil(tokens('These steps are repeated until the totals agree.'))).not.toBeNull();
    expect(readRepeatUntil(tokens('The whole cycle is repeated until the test passes.'))).not.toBeNull();
    expect(readRepeatUntil(tokens('The nurse repeats the test until the value is normal.'))).toBeNull();
    expect(readRepeatUntil(tokens('The line runs until the shift ends.'))).toBeNull();
  });

  it('loops over the step just drawn and leaves once the condition holds (logistics, finance, manufacturing)', () => {
    const scan = read('The picker opens the order. The picker scans the next item. This repeats until all items are scanned. Then the picker closes the box.');
    expect(tasks(scan)).toEqual(['Open order', 'Scan next item', 'Close box']);
    const loop = next(scan, node(scan, 'Scan next item').id)[0]!;
    expect(loop.kind).toBe('exclusive');
    expect(labels(next(scan, loop.id))).toEqual(['Scan next item', 'Close box']);
    // Two steps in the sentence before: the loop goes back to its first.
    const packing = read('The packer opens the order. The packer scans the next item and puts it in the box. This repeats until all items are scanned. Then the packer prints the label.');
    const round = next(packing, packing.nodes.find((n) => n.kind === 'exclusive')!.id);
    expect(labels(round)).toEqual(['Scan next item', 'Print label']);
    const books = read('The accountant compares the ledger with the bank statement and corrects the entries. This is repeated until the balances match. The controller signs off the close.');
    // One loop, not a second "repeat" gateway beside it.
    expect(books.nodes.filter((n) => n.kind === 'exclusive')).toHaveLength(1);
    expect(labels(next(books, next(books, node(books, 'Correct entries').id)[0]!.id))).toContain('Compare ledger with bank statement');
    const kiln = read('The operator fires the batch. The operator measures the hardness. The cycle repeats until the hardness is within tolerance.');
    expect(labels(next(kiln, next(kiln, node(kiln, 'Measure hardness').id)[0]!.id))).toContain('Measure hardness');
  });
});

describe('work forked after the event it waited for', () => {
  it('puts the catch event or timer first, then the split (travel, retail, health)', () => {
    const trip = read('The agent sends an offer. Once the deposit arrives, the agent books the flight and, at the same time, reserves the hotel. Then the agent sends the documents.');
    const deposit = trip.nodes.find((n) => n.label === 'Deposit arrived')!;
    const [split] = next(trip, deposit.id);
    expect(split!.kind).toBe('parallel');
    expect(labels(next(trip, split!.id)).sort()).toEqual(['Book flight', 'Reserve hotel']);
    const shop = read('The customer orders parts. Once the payment is received, the warehouse packs the goods and, at the same time, the office prints the invoice. The courier ships the parcel.');
    expect(next(shop, shop.nodes.find((n) => n.label === 'Payment received')!.id)[0]!.kind).toBe('parallel');
    const ward = read('The surgeon repairs the knee. After 2 days, the nurse calls the patient and, at the same time, the doctor reviews the chart. The clinic sends the bill.');
    const wait = ward.nodes.find((n) => n.kind === 'intermediate' && n.eventType === 'timer')!;
    expect(labels(next(ward, node(ward, 'Repair knee').id))).toEqual(['2 days']);
    expect(next(ward, wait.id)[0]!.kind).toBe('parallel');
  });
});

describe('"is considered / deemed / treated as withdrawn" on a deadline\'s path', () => {
  it.each([
    ['The office checks the application. If documents are missing, the applicant has 30 days to submit them. If they are not submitted in time, the application is considered withdrawn. The officer then decides on the application.', 'Submit documents'],
    ['The applicant must send the missing papers within 14 days; otherwise the application is treated as withdrawn. The clerk then reviews the file.', 'Send missing papers'],
    ['The applicant has two weeks to pay the fee. After that the application is deemed withdrawn. The registry issues the licence.', 'Pay fee'],
  ])('ends as the state reached, with no step for it: %s', (text, step) => {
    const m = read(text);
    const timer = m.nodes.find((n) => n.kind === 'boundary' && n.attachedTo === node(m, step).id)!;
    expect(next(m, timer.id).map((n) => n.label)).toEqual(['Application withdrawn']);
    expect(tasks(m).some((t) => /^(Deem|Treat|Consider)/.test(t))).toBe(false);
  });
});
