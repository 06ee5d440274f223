// The outcomes of a decision told in sentences of their own ("Admitted patients are taken to the ward. The others are
// sent home.") are the decision's ways, and a way told in the passive with no one named is the decider's.
import { describe, expect, it } from 'vitest';
import { branches, downstream, laneOf, next, node, read, tasks } from './model-reading.ts';

describe('outcomes of a decision told in their own sentences', () => {
  it('health: the kind and "the others" are the two ways; sending home ends, in the nurse\'s lane', () => {
    const m = read('The triage nurse decides whether the patient needs admission. Admitted patients are taken to the ward by a porter. The others are sent home.');
    expect(branches(m)).toEqual(['patients admitted', 'otherwise']);
    expect(laneOf(m, 'Take patient to ward')).toBe('Porter');
    expect(laneOf(m, 'Send patient home')).toBe('Triage nurse');
    expect(downstream(m, node(m, 'Send patient home'))).not.toContain('Take patient to ward');
  });

  it('finance: "those who do not" is the other way', () => {
    const m = read('The loan officer decides whether the applicant qualifies. Applicants who qualify receive an offer letter. Those who do not are sent a rejection.');
    expect(branches(m)).toEqual(['applicants qualify', 'otherwise']);
    expect(laneOf(m, 'Send rejection')).toBe('Loan officer');
  });

  it('IT operations: both ways rejoin the step that follows', () => {
    const m = read('The service desk agent decides whether the ticket is urgent. Urgent tickets are escalated to the on-call engineer. The others are put in the queue. The engineer resolves the ticket.');
    expect(branches(m)).toEqual(['tickets urgent', 'otherwise']);
    expect(downstream(m, node(m, 'Escalate tickets'))).toContain('Resolve ticket');
    expect(downstream(m, node(m, 'Put tickets in queue'))).toContain('Resolve ticket');
    expect(laneOf(m, 'Put tickets in queue')).toBe('Service desk agent');
  });

  it('insurance: a relative that denies the first way is the other way', () => {
    const m = read('The claims handler decides whether the claim is covered. Covered claims are paid by finance. Claims that are not covered are closed.');
    expect(branches(m)).toEqual(['claims covered', 'otherwise']);
    expect(laneOf(m, 'Pay claim')).toBe('Finance');
  });

  it('pharmacy: "Invalid ones" are the thing of the way before', () => {
    const m = read('The pharmacist decides whether the prescription is valid. Valid prescriptions are filled by the pharmacist. Invalid ones are returned to the doctor. The patient collects the medicine.');
    expect(branches(m)).toEqual(['prescriptions valid', 'prescriptions invalid']);
  });

  it('logistics: "decides how risky" is assessing risk, and the kinds are its ways', () => {
    const m = read('The customs officer decides how risky the shipment is. High-risk shipments are inspected by a customs agent. Low-risk shipments are released. The carrier delivers the shipment.');
    expect(tasks(m)[0]).toBe('Assess risk');
    expect(branches(m)).toEqual(['shipments high-risk', 'shipments low-risk']);
    expect(laneOf(m, 'Release shipments')).toBe('Customs officer');
  });

  it('health: "seen by a doctor" is the way\'s step, in the doctor\'s lane', () => {
    const m = read('The dispatcher receives the call and decides how urgent it is. Serious cases are seen by a doctor. Minor cases are handled by a nurse.');
    expect(tasks(m)).toContain('Assess urgency');
    expect(laneOf(m, 'See cases')).toBe('Doctor');
    expect(branches(m)).toHaveLength(2);
  });

  it('education: two relatives about the same people are the ways with no question before them', () => {
    const m = read('The examiner grades the exam. Students who pass receive a certificate from the registrar. Students who fail must retake the module.');
    expect(branches(m)).toEqual(['students pass', 'students fail']);
    expect(next(m, node(m, 'Grade exam').id)[0]!.kind).toBe('exclusive');
  });

  it('does not fire on kinds of workers with no question before them', () => {
    const m = read('The architect drafts the plan. Senior engineers review the design. Junior engineers build the prototype.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });

  it('does not fire on a kind of something other than what was decided', () => {
    const m = read('The board decides whether the project goes ahead. Senior engineers review the design. The team builds the prototype.');
    expect(branches(m).some((b) => b.includes('senior'))).toBe(false);
  });
});
