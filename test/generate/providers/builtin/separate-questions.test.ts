// Decisions a modeller keeps apart: a second question told after the first (about another thing, or asked with
// "whether") is a gateway of its own; a need told after its step ("if needed", "where required") guards that step
// alone; a decision about one parallel branch's work sits inside that branch, before the join.
import { describe, expect, it } from 'vitest';
import { repairModel, type ProcessModel } from '../../../../src/generate/model.ts';
import { soundnessProblems } from '../../../../src/generate/soundness.ts';
import { downstream, next, node, read } from './model-reading.ts';

const sound = (m: ProcessModel) => soundnessProblems(repairModel(m).model);
/** The exclusive split whose way leads straight into the step, and that way's label. */
function wayInto(m: ProcessModel, label: string): { gateway: string; label: string } {
  const step = node(m, label);
  const split = (id: string) => m.nodes.find((n) => n.id === id)?.kind === 'exclusive' && m.flows.filter((f) => f.from === id).length >= 2;
  const flow = m.flows.find((f) => f.to === step.id && split(f.from));
  return { gateway: flow?.from ?? '', label: flow?.label ?? '' };
}
/** The node the step's single way out leads to. */
const after = (m: ProcessModel, label: string) => next(m, node(m, label).id)[0];

describe('a second question told after the first is a gateway of its own', () => {
  it.each([
    [
      'The underwriter assesses the risk. If the risk is high, the application is declined. If it is acceptable, she checks whether a medical exam is needed. If it is, the applicant is sent to a doctor. Then the policy is issued.',
      'Decline application', 'Send applicant', 'medical exam needed', 'Issue policy',
    ],
    [
      'The service desk technician diagnoses the laptop. If the fault is in the hardware, he orders a spare part. If it is in the software, he reinstalls the operating system. If the laptop is still under warranty, the vendor is billed for the work. Finally the technician returns the laptop to the user.',
      'Order spare part', 'Bill vendor for work', 'laptop under warranty', 'Return laptop',
    ],
    [
      'The recruiter screens each application. If the candidate lacks the required degree, the recruiter sends a rejection. Otherwise the recruiter checks whether the candidate needs a work permit. If so, HR applies for a visa. If the candidate lives abroad, the interview is held by video. The hiring manager then interviews the candidate.',
      'Apply for visa', 'Hold interview', 'candidate lives abroad', 'Interview candidate',
    ],
    [
      'The teacher marks the exam. If the student passed, the teacher records the grade. If the student failed, the teacher schedules a resit. If the student asked for feedback, the teacher writes comments. The school office then publishes the results.',
      'Record grade', 'Write comments', 'student asked for feedback', 'Publish results',
    ],
  ])('%s', (text, first, second, condition, common) => {
    const m = read(text);
    const [a, b] = [wayInto(m, first), wayInto(m, second)];
    expect(a.gateway).not.toBe('');
    expect(b.gateway).not.toBe(a.gateway);
    expect(b.label).toBe(condition);
    // The second question has a way that skips its step, and both meet before the common step.
    expect(m.flows.filter((f) => f.from === b.gateway)).toHaveLength(2);
    expect(downstream(m, node(m, second))).toContain(common);
    expect(sound(m)).toEqual([]);
  });

  it.each([
    ['The recruiter screens each application. If the candidate lacks the required degree, the recruiter sends a rejection. Otherwise the recruiter checks whether the candidate needs a work permit. If so, HR applies for a visa. The hiring manager then interviews the candidate.', 'Check whether candidate needs work permit', 'Apply for visa', 'candidate needs work permit'],
    ['The registrar reviews the enrolment form. If the form is incomplete, it is returned to the student. If it is complete, the registrar verifies whether the student has paid the fee. If the fee is unpaid, the finance office sends an invoice. The registrar then enrols the student.', 'Verify whether student paid fee', 'Send invoice', 'fee unpaid'],
    ['The clerk checks whether the customer needs a loan. If so, the clerk calls the bank. The clerk then closes the file.', 'Check whether customer needs loan', 'Call bank', 'customer needs loan'],
  ])('the question asked with "whether" opens its own choice after the checking step: %s', (text, check, step, condition) => {
    const m = read(text);
    const way = wayInto(m, step);
    expect(after(m, check)?.id).toBe(way.gateway);
    expect(way.label).toBe(condition);
    expect(sound(m)).toEqual([]);
  });
});

describe('each step told "if needed" after its verb is its own skip-choice', () => {
  it.each([
    ['The agent logs the call. The agent escalates the ticket if needed and informs the customer. The agent then closes the call.', 'Escalate ticket', 'Inform customer'],
    ['The storekeeper counts the stock. She reorders the parts where required and updates the ledger. Then she locks the store.', 'Reorder parts', 'Update ledger'],
    ['The teacher grades the essay if necessary and returns it to the pupil. The pupil then reads the comments.', 'Grade essay', 'Return essay'],
  ])('the step after "and" is done either way: %s', (text, optional, always) => {
    const m = read(text);
    const way = wayInto(m, optional);
    const skip = m.flows.find((f) => f.from === way.gateway && f.to !== node(m, optional).id)!;
    expect(skip).toBeDefined();
    expect(downstream(m, m.nodes.find((n) => n.id === skip.to)!)).toContain(always);
    expect(wayInto(m, always).gateway).toBe('');
    expect(sound(m)).toEqual([]);
  });

  it.each([
    ['The pharmacist checks the prescription. She calls the doctor if necessary and adjusts the dose where needed. Then she dispenses the medicine.', 'Call doctor', 'Adjust dose'],
    ['The clerk scans the form. She corrects typos where required and adds a cover page if applicable. The clerk then files the form.', 'Correct typos', 'Add cover page'],
    ['The engineer deploys the release. If required, the database is migrated. The engineer notifies the users only if the downtime exceeds an hour. Finally the engineer closes the change ticket.', 'Migrate database', 'Notify users'],
  ])('two optional steps in a row, each with its own gateway: %s', (text, first, second) => {
    const m = read(text);
    const [a, b] = [wayInto(m, first), wayInto(m, second)];
    expect(a.gateway).not.toBe('');
    expect(b.gateway).not.toBe('');
    expect(b.gateway).not.toBe(a.gateway);
    expect(downstream(m, node(m, first))).toContain(second);
    expect(sound(m)).toEqual([]);
  });
});

describe('a decision about one parallel branch stays inside it', () => {
  it.each([
    ['The lab runs the blood test while the nurse takes an X-ray. If the X-ray is blurry, she takes it again. When both are done, the doctor reviews the results. If anything is unclear, the doctor orders more tests and the results are reviewed again.', 'Take X-ray', 'Run blood test', 'Review results'],
    ['At the same time, the developer writes the code and the designer draws the mock-ups. If the mock-ups are rejected, the designer redraws them. When both are ready, the tester tests the feature.', 'Draw mock-ups', 'Write code', 'Test feature'],
  ])('a redo loops inside its branch and the join waits for both: %s', (text, redone, other, joined) => {
    const m = read(text);
    const decision = after(m, redone)!;
    expect(decision.kind).toBe('exclusive');
    const ways = next(m, decision.id);
    expect(ways.map((n) => n.label)).toContain(redone);
    const join = ways.find((n) => n.kind === 'parallel')!;
    expect(join).toBeDefined();
    expect(after(m, other)?.id).toBe(join.id);
    expect(next(m, join.id).map((n) => n.label)).toEqual([joined]);
    expect(sound(m)).toEqual([]);
  });

  it('a check on one branch\'s thing closes that branch before the join', () => {
    const m = read('The warehouse picks the goods while the accountant prepares the invoice. If the invoice has errors, the accountant corrects it. Once both are finished, the dispatcher ships the order.');
    expect(after(m, 'Prepare invoice')?.kind).toBe('exclusive');
    const join = after(m, 'Pick goods')!;
    expect(join.kind).toBe('parallel');
    expect(downstream(m, node(m, 'Correct invoice'))).toContain('Ship order');
    expect(next(m, join.id).map((n) => n.label)).toEqual(['Ship order']);
    expect(sound(m)).toEqual([]);
  });

  it('a condition on both results stays after the join', () => {
    const m = read('The applicant submits the application online. The officer receives an email and checks it. At the same time, the security unit screens the applicant. If everything is in order, the officer issues the visa.');
    expect(after(m, 'Check application')?.kind).toBe('parallel');
    expect(sound(m)).toEqual([]);
  });
});
