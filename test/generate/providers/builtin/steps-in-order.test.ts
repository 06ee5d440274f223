// Steps a sentence or a note line holds that the reader used to lose: "before/after" + gerund, imperative notes,
// arrow chains, numbered items run on in one line, semicolon fragments.
import { describe, expect, it } from 'vitest';
import { read, tasks, laneOf, lanes } from './model-reading.ts';

describe('"before/after" + gerund is a step of its own, in time order', () => {
  it('"A before doing B": A then B, both by the subject', () => {
    for (const [text, steps, actor] of [
      ['The agent reviews the claim before approving the payment.', ['Review claim', 'Approve payment'], 'Agent'],
      ['The nurse washes her hands before examining the patient.', ['Wash hands', 'Examine patient'], 'Nurse'],
      ['The release manager tags the build before deploying the release.', ['Tag build', 'Deploy release'], 'Release manager'],
    ] as const) {
      const model = read(text);
      expect(tasks(model)).toEqual(steps);
      expect(steps.map((s) => laneOf(model, s))).toEqual([actor, actor]);
    }
  });

  it('"Before doing B, X does A": A first; a pronoun in A means the thing named in B', () => {
    const model = read('Before shipping the parcel, the clerk weighs it.');
    expect(tasks(model)).toEqual(['Weigh parcel', 'Ship parcel']);
    expect(laneOf(model, 'Ship parcel')).toBe('Clerk');
    expect(tasks(read('Before issuing the permit, the inspector visits the site.'))).toEqual(['Visit site', 'Issue permit']);
  });

  it('"After doing B, X does A" and "does A after doing B": B first, by X', () => {
    const model = read('After checking the stock, the buyer confirms the order.');
    expect(tasks(model)).toEqual(['Check stock', 'Confirm order']);
    expect(laneOf(model, 'Check stock')).toBe('Buyer');
    expect(tasks(read('The adjuster decides on the claim after talking to the customer.'))).toEqual(['Talk to customer', 'Decide on claim']);
    expect(tasks(read('The teacher grades the exams after collecting them from the students.'))[0]).toMatch(/^Collect/);
  });

  it('a bare "after confirming" and "after returning to the desk" make no step', () => {
    expect(tasks(read('After confirming, the supplier ships the goods.'))).toEqual(['Ship goods']);
    expect(tasks(read('After returning to the ward, the nurse updates the chart.'))).toEqual(['Update chart']);
  });
});

describe('terse notes: each action a task, in order', () => {
  it('an arrow chain of imperative fragments, with commas after an arrow as a sequence', () => {
    // (A verb alone takes the work item in hand as its object: implied-objects.ts.)
    expect(tasks(read('receive PO -> check stock -> ship, invoice'))).toEqual(['Receive PO', 'Check stock', expect.stringMatching(/^Ship\b/), 'Invoice']);
    expect(tasks(read('admit patient → take blood sample → order x-ray'))).toEqual(['Admit patient', 'Take blood sample', 'Order x-ray']);
  });

  it('numbered items run on in one line', () => {
    expect(tasks(read('1) log call 2) assign tech 3) close ticket'))).toEqual(['Log call', 'Assign tech', 'Close ticket']);
    expect(tasks(read('1. scan invoice 2. match order 3. book payment'))).toEqual(['Scan invoice', 'Match order', 'Book payment']);
  });

  it('semicolon-separated fragments and imperative lines without a subject', () => {
    expect(tasks(read('check request; approve budget; order parts; notify requester'))).toEqual(['Check request', 'Approve budget', 'Order parts', 'Notify requester']);
    expect(tasks(read('Receive the claim.\nCheck coverage.\nPay benefit.'))).toEqual(['Receive claim', 'Check coverage', 'Pay benefit']);
    expect(tasks(read('Check amounts against the PO. Approve the invoice.'))).toEqual(['Check amounts', 'Approve invoice']);
  });

  it('a party and its verb stay one ("engineer fixes it"); notes in another language are still refused', () => {
    const model = read('ticket arrives -> support triages it -> engineer fixes it -> close ticket');
    expect(tasks(model)).toContain('Close ticket');
    expect(model.actors.map((a) => a.name)).toContain('Engineer');
    expect(() => read('Rechnung prüfen -> Betrag freigeben -> Zahlung buchen')).toThrow(/English/);
  });
});

describe('steps of compound sentences', () => {
  it('a step after ", then" whose subject the tagger read as a describing word keeps its step and lane', () => {
    const model = read('The teacher marks the tests and enters the grades, then the principal signs the report cards.');
    expect(tasks(model)).toEqual(['Mark tests', 'Enter grades', 'Sign report cards']);
    expect(laneOf(model, 'Sign report cards')).toBe('Principal');
  });

  it('terse prose without articles: the party and its verb, then each listed step', () => {
    const model = read('Inspector visits site, takes photos, writes report.');
    expect(tasks(model)).toEqual(['Visit site', 'Take photos', 'Write report']);
    expect(laneOf(model, 'Visit site')).toBe('Inspector');
    const grant = read('applicant submits form; clerk checks eligibility; officer signs letter');
    expect(grant.actors.map((a) => a.name)).toEqual(['Applicant', 'Clerk', 'Officer']);
    expect(tasks(grant)).toEqual(['Submit form', 'Check eligibility', 'Sign letter']);
    expect(tasks(read('customer places order; warehouse ships parcel; accountant approves refund'))).toEqual(['Place order', 'Ship parcel', 'Approve refund']);
  });

  it('notes of who does what in short sentences without articles are English (education, health, logistics)', () => {
    const thesis = read('Student submits draft. Supervisor reviews draft within 2 weeks. Committee grades thesis. Office issues certificate.');
    expect(tasks(thesis)).toEqual(['Submit draft', 'Review draft within 2 weeks', 'Grade thesis', 'Issue certificate']);
    expect(laneOf(thesis, 'Grade thesis')).toBe('Committee');
    expect(tasks(read('Nurse takes sample. Lab tests sample. Doctor reviews result. Nurse informs patient.'))).toContain('Test sample');
    expect(lanes(read('Driver loads truck. Dispatcher prints papers. Driver delivers goods. Customer signs receipt.'))).toEqual(['Driver', 'Dispatcher', 'Customer']);
  });

  it('a party noun before a plural noun and its verb stays the subject\'s compound', () => {
    expect(read('Supplier invoices over 500 euros need approval by the manager. The clerk books them.').actors.map((a) => a.name)).toEqual(['Manager', 'Clerk']);
    expect(read('Customer orders arrive by email. The clerk enters them.').actors.map((a) => a.name)).toEqual(['Clerk']);
  });
});

