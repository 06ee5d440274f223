// A branch that only tells the served party an adverse outcome ends by name; telling about a wait, or telling someone
// to act, carries on.
import { describe, expect, it } from 'vitest';
import { repairModel, type ProcessModel } from '../../../../src/generate/model.ts';
import { soundnessProblems } from '../../../../src/generate/soundness.ts';
import { downstream, next, node, read } from './model-reading.ts';

const sound = (m: ProcessModel) => soundnessProblems(repairModel(m).model);
const endAfter = (m: ProcessModel, label: string) => next(m, node(m, label).id).find((n) => n.kind === 'end')?.label;

describe('a branch that only tells the served party an adverse outcome', () => {
  it.each([
    ['If the claim is not covered, the officer informs the customer. Otherwise the officer approves the payout. Finance pays the claim.', 'Inform customer', 'Pay claim'],
    ['The registrar checks the entry requirements. If the student is not eligible, the registrar notifies the applicant. Otherwise the registrar enrols the student. The faculty assigns a tutor.', 'Notify applicant', 'Assign tutor'],
    ['Support reviews the warranty claim. If the warranty has expired, support informs the customer. If the warranty is valid, the technician repairs the device. The courier returns the device to the customer.', 'Inform customer', 'Return device'],
    ['The agency checks the application. If the applicant is entitled, the clerk calculates the amount. Otherwise the clerk informs the applicant. The cashier pays the benefit.', 'Inform applicant', 'Pay benefit'],
  ])('ends by name instead of joining the work after the choice: %s', (text, told, after) => {
    const m = read(text);
    expect(endAfter(m, told)).toMatch(/informed|notified/);
    expect(downstream(m, node(m, told))).not.toContain(after);
    expect(sound(m)).toEqual([]);
  });

  it('still ends when the file is closed after the telling', () => {
    const m = read('The bank checks the credit score. If the score is too low, the advisor informs the client and closes the file. Otherwise the advisor prepares the contract. The client signs the contract.');
    expect(downstream(m, node(m, 'Inform client'))).not.toContain('Sign contract');
    expect(endAfter(m, 'Close file')).toBe('Client informed');
  });

  it.each([
    ['The clerk checks the stock. If the item is not in stock, the clerk informs the customer about the delay. Otherwise the clerk reserves the item. The clerk ships the order.', 'Inform customer about delay', 'Ship order'],
    ['The nurse checks the insurance. If the insurance is invalid, the nurse tells the patient to pay privately. Otherwise the nurse books the appointment. The doctor examines the patient.', 'Tell patient', 'Examine patient'],
    ['The recruiter screens the application. If the candidate is not qualified, the recruiter informs the candidate. The recruiter archives the application.', 'Inform candidate', 'Archive application'],
  ])('carries on when the telling is about a wait, an instruction, or there is no other way: %s', (text, told, after) => {
    const m = read(text);
    expect(downstream(m, node(m, told))).toContain(after);
  });
});

