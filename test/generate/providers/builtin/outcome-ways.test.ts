// A choice told as two verbs ("either admits or discharges the patient") followed by a sentence about what one way
// leaves ("Admitted patients are taken to the ward") puts that step on its way only; "Those without a valid form …"
// and "Anyone who fails the check …" set against "the others"/"the rest" are the two ways of a choice.
import { describe, expect, it } from 'vitest';
import { branches, downstream, laneOf, node, read, tasks } from './model-reading.ts';

describe('outcomes of a chosen verb', () => {
  it('health: the admitted patients\' step follows admitting only', () => {
    const m = read('The doctor examines the patient. The doctor either admits or discharges the patient. Admitted patients are taken to the ward by a porter.');
    expect(downstream(m, node(m, 'Admit patient'))).toContain('Take patients to ward');
    expect(downstream(m, node(m, 'Discharge patient'))).not.toContain('Take patients to ward');
    expect(laneOf(m, 'Take patients to ward')).toBe('Porter');
  });

  it('insurance: each outcome follows its own verb', () => {
    const m = read('The adjuster reviews the claim. The adjuster approves or rejects the claim. Approved claims are paid by finance. Rejected claims are archived.');
    expect(downstream(m, node(m, 'Approve claim'))).toContain('Pay claims');
    expect(downstream(m, node(m, 'Approve claim'))).not.toContain('Archive claims');
    expect(downstream(m, node(m, 'Reject claim'))).toContain('Archive claims');
  });

  it('manufacturing: the released batches are shipped, the scrapped ones are not', () => {
    const m = read('The inspector checks the batch. The inspector either releases the batch or scraps it. Released batches are shipped to the customer.');
    expect(downstream(m, node(m, 'Scrap batch'))).not.toContain('Ship batches');
    expect(downstream(m, node(m, 'Release batch'))).toContain('Ship batches');
  });

  it('does not fire: a sentence naming neither verb follows both ways', () => {
    const m = read('The clerk approves or rejects the invoice. Paper invoices are scanned by the archive. The clerk closes the case.');
    expect(branches(m)).not.toContain('invoices paper');
  });
});

describe('a kind told as "those without …" or "anyone who …" set against the rest', () => {
  it('public administration: those without a form are turned away, the others get a badge', () => {
    const m = read('The receptionist checks each visitor\'s form. Those without a valid form are turned away. The others receive a badge and enter the building.');
    expect(branches(m)).toEqual(['visitor without valid form', 'otherwise']);
    expect(downstream(m, node(m, 'Turn away visitor'))).not.toContain('Enter building');
    expect(laneOf(m, 'Enter building')).toBe('Visitor');
  });

  it('hr: anyone who fails the check is sent home; the rest start their shift', () => {
    const m = read('The nurse screens the staff at the entrance. Anyone who fails the check is sent home. The rest start their shift.');
    expect(branches(m)).toEqual(['staff fails check', 'otherwise']);
    expect(downstream(m, node(m, 'Send staff home'))).not.toContain('Start shift');
  });

  it('finance: those with a poor score are rejected, the rest forwarded', () => {
    const m = read('The bank reviews the applications. Those with a poor credit score are rejected by the officer. The rest are forwarded to underwriting.');
    expect(branches(m)).toEqual(['applications with poor credit score', 'otherwise']);
  });

  it('does not fire: "anyone who" with no rest set against it stays a plain sentence', () => {
    const m = read('The clerk sorts the mail. Anyone who wants a copy can ask the clerk. The clerk files the letters.');
    expect(branches(m)).toEqual([]);
    expect(tasks(m)).toContain('File letters');
  });
});
