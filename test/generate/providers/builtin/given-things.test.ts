import { describe, expect, it } from 'vitest';
import { laneOf, lanes, next, node, read, tasks } from './model-reading.ts';

describe('a thing the organisation gives out is the giver\'s step, not a "Get" task of the one given it', () => {
  it('hr: "the new hire gets a welcome pack" is handed over by HR', () => {
    const m = read('The new hire signs the contract. HR prepares the laptop. The new hire gets a welcome pack on the first day.');
    expect(tasks(m)).not.toContain('Get welcome pack');
    expect(laneOf(m, 'Hand over welcome pack')).toBe('HR');
    expect(next(m, node(m, 'Prepare laptop').id).map((n) => n.label)).toEqual(['Hand over welcome pack']);
  });

  it('retail: "the customer gets a refund" is the store\'s refund', () => {
    const m = read('The customer returns the product. The store inspects it. The customer gets a refund.');
    expect(laneOf(m, 'Issue refund')).toBe('Store');
    expect(next(m, node(m, 'Issue refund').id)[0]?.kind).toBe('end');
  });

  it('education: "from the school" names the sender', () => {
    const m = read('The teacher welcomes the child. The parents receive an SMS from the school.');
    expect(laneOf(m, 'Send SMS')).toBe('School');
    expect(lanes(m)).not.toContain('Parents');
  });

  it('software delivery: "the candidate receives a confirmation email" after the recruiter schedules', () => {
    const m = read('The recruiter schedules the interview. The candidate receives a confirmation email. The candidate attends the interview.');
    expect(laneOf(m, 'Send confirmation email')).toBe('Recruiter');
    expect(laneOf(m, 'Attend interview')).toBe('Candidate');
  });

  it('a served party picked out by a relative clause is sent the thing on its way of the choice', () => {
    for (const [text, step, giver] of [
      ['The funding panel reviews every proposal. Applicants who are not funded get written feedback. The panel publishes the list.', 'Send written feedback', 'Funding panel'],
      ['The clerk checks the order. Customers who are not approved receive a letter.', 'Send letter', 'Clerk'],
      ['The clinic screens the referrals. Patients who are not eligible receive a letter. The clinic files the referrals.', 'Send letter', 'Clinic'],
    ] as const) {
      const m = read(text);
      expect(laneOf(m, step), text).toBe(giver);
      expect(lanes(m), text).toEqual([giver]);
    }
  });

  it('logistics: what our own side receives stays a receive step', () => {
    const m = read('The warehouse receives the goods. The clerk checks the delivery note.');
    expect(laneOf(m, 'Receive goods')).toBe('Warehouse');
  });
});

describe('a lane is named for the role, not for which of them the process took in', () => {
  it('procurement: "Approved suppliers" then "the supplier" is one lane, Supplier', () => {
    const m = read('The buyer sends the order. Approved suppliers confirm the order. The supplier ships the goods.');
    expect(lanes(m)).toEqual(['Buyer', 'Supplier']);
  });

  it('education: "Registered students" then "the student"', () => {
    const m = read('Registered students choose their courses. The student pays the fee. The registrar confirms the enrolment.');
    expect(lanes(m)).toEqual(['Student', 'Registrar']);
  });

  it('health: "Admitted patients" are the patient', () => {
    const m = read('Admitted patients are seen by the nurse. The patient signs the consent form.');
    expect(lanes(m)).toContain('Patient');
    expect(lanes(m).join(' ')).not.toMatch(/Admitted/);
  });
});

describe('the one given the thing stays the subject of the clause that shares it', () => {
  it('hr: "gets a welcome pack and meets the team" — the new hire meets the team', () => {
    const m = read('HR orders a laptop. IT sets up the laptop. On the first day the new hire gets a welcome pack and meets the team.');
    expect(laneOf(m, 'Hand over welcome pack')).toBe('IT');
    expect(laneOf(m, 'Meet team')).toBe('New hire');
  });
});
