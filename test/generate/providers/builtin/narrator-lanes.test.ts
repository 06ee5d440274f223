// A narrator who acts ("I", "we", a reader told "you …") has a lane of their own, named by the role the text gives
// them, or the neutral organisation lane; a neutral lane alone draws no lanes at all.
import { describe, expect, it } from 'vitest';
import { laneOf, lanes, read, tasks } from './model-reading.ts';

describe('narrator lanes', () => {
  it('"I" keeps my steps out of the lane of whoever acted before me', () => {
    const release = read('I cut the release branch. QA tests it, then I deploy the build to production.');
    expect([laneOf(release, 'Cut release branch'), laneOf(release, 'Test release branch'), laneOf(release, 'Deploy build')]).toEqual(['Company', 'QA', 'Company']);
    const clinic = read('The patient fills in the intake form. I check the form and the nurse takes the blood pressure.');
    expect(laneOf(clinic, 'Check form')).toBe('Company');
    expect(laneOf(clinic, 'Take blood pressure')).toBe('Nurse');
  });

  it('a reader told "you …" acts in the narrator lane, and so do the orders that follow', () => {
    const expenses = read('You check the receipts. The manager approves the claim and finance pays it out.');
    expect(laneOf(expenses, 'Check receipts')).toBe('Company');
    expect(laneOf(expenses, 'Approve claim')).toBe('Manager');
    const laptop = read('You log each new laptop in the asset register, then hand it to the new starter. The starter signs the handover form.');
    expect(laneOf(laptop, 'Log new laptop')).toBe(laneOf(laptop, 'Hand over new laptop'));
    expect(laneOf(laptop, 'Log new laptop')).toBe('Company');
  });

  it('"we" acts in the narrator lane from the first step on, not only once an outside party appears', () => {
    const m = read('We receive the purchase order. We check the stock. The supplier delivers the goods and we ship the order.');
    expect(['Receive purchase order', 'Check stock', 'Ship order'].map((t) => laneOf(m, t))).toEqual(['Company', 'Company', 'Company']);
    expect(laneOf(m, 'Deliver goods')).toBe('Supplier');
  });

  it('the narrator lane is named by the role the text gives: a stated role, "our team (…)", a signature', () => {
    const stated = read("As the release manager, I open the change ticket. The developers merge their work. Then I deploy it to staging.");
    expect(laneOf(stated, 'Open change ticket')).toBe('Release manager');
    const team = read('Our team (finance) receives the supplier invoice. We match it against the purchase order. The buyer confirms the prices.');
    expect(lanes(team)).toEqual(['Finance', 'Buyer']);
    const signed = read('Hi all,\nwe log each new laptop in the register. IT activates the account.\nThanks,\nDana (IT coordinator)');
    expect(laneOf(signed, 'Log new laptop')).toBe('IT coordinator');
    // The signer is the writer, not the reader told "you …".
    const told = read('Hi Sam,\nyou check the receipts. The manager approves the claim.\nBest regards,\nPriya (payroll officer)');
    expect(laneOf(told, 'Check receipts')).toBe('Company');
    const unit = read('Our admissions office receives the application. We check the transcripts and the registrar confirms the place.');
    expect(laneOf(unit, 'Check transcripts')).toBe('Admissions office');
  });

  it('a narrator alone in the text draws no lanes', () => {
    expect(lanes(read('We check the stock. We pack the order and ship it.'))).toEqual([]);
    expect(lanes(read('I review the pull request and merge it.'))).toEqual([]);
  });

  it('"you" next to "we" is the party served, not the narrator', () => {
    const m = read('You fill in the form on our website. We review it and the manager approves it.');
    expect(laneOf(m, 'Review form')).toBe('Company');
    expect(laneOf(m, 'Fill in form')).not.toBe('Company');
  });
});

describe('who acts, read from the subject', () => {
  it('"one of our nurses", "each of the reviewers": the role after "of" acts, one of them in the singular', () => {
    expect(laneOf(read('One of our nurses takes the blood sample. The lab analyses it.'), 'Take blood sample')).toBe('Nurse');
    expect(laneOf(read('One of the dispatchers assigns the ticket. The technician fixes the fault.'), 'Assign ticket')).toBe('Dispatcher');
    expect(laneOf(read('The author submits the paper. Each of the reviewers scores it.'), 'Score paper')).toBe('Reviewer');
  });

  it('an opening line saying what a business does in general is background, not a step', () => {
    const bikes = read('A small company manufactures customized bicycles. The sales department receives an order and the workshop assembles the bike.');
    expect(tasks(bikes)).toEqual(['Receive order', 'Assemble bike']);
    expect(lanes(bikes)).not.toContain('Small company');
    expect(tasks(read('We deliver furniture to private customers. The dispatcher plans the tours. The driver calls the customer.'))[0]).toBe('Plan tours');
    expect(tasks(read('We deliver the sofa to the customer. The customer signs the delivery note.'))[0]).toBe('Deliver sofa');
  });
});
