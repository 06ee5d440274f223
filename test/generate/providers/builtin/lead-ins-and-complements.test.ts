// Lead-ins before a colon that announce the steps ("Here is how refunds work:") and verbs whose step needs no direct
// object ("asks to sublet", "has 10 days to object"). Each sentence here lost a step before the rule it tests.
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('lead-ins before a colon', () => {
  it('the clause after a lead-in is a step of its own, in any domain', () => {
    for (const [text, steps] of [
      ['Here is how refunds work: the clerk checks the receipt. Then the clerk refunds the money.', ['Check receipt', 'Refund money']],
      ['This is what happens: the nurse measures the blood pressure. Then the doctor examines the patient.', ['Measure blood pressure', 'Examine patient']],
      ['The process is as follows: the engineer restarts the server. Then the engineer checks the logs.', ['Restart server', 'Check logs']],
      ['In short: the warehouse picks the goods. The driver delivers the parcel.', ['Pick goods', 'Deliver parcel']],
      ['How it works: the applicant submits the form. The officer reviews the form.', ['Submit form', 'Review form']],
      ['Our procedure: the recruiter screens the CV. Then the manager interviews the candidate.', ['Screen CV', 'Interview candidate']],
      ['The clerk checks the receipt. What happens next: the manager signs the refund.', ['Check receipt', 'Sign refund']],
    ] as const) {
      expect(tasks(read(text))).toEqual(steps);
    }
  });

  it('a lead-in names the diagram when it names what is worked on, and nothing otherwise', () => {
    expect(read('Here is how refunds work: the clerk checks the receipt. Then the clerk refunds the money.').name).toBe('Refunds');
    expect(read('This is how we handle expense claims: the employee submits the claim. Finance pays the claim.').name).toBe('Expense claims');
    for (const text of [
      'In short: the warehouse picks the goods. The driver delivers the parcel.',
      'How it works: the applicant submits the form. The officer reviews the form.',
      'This is what happens: the nurse measures the blood pressure. Then the doctor examines the patient.',
      'Our procedure: the recruiter screens the CV. Then the manager interviews the candidate.',
    ]) {
      expect(read(text).name).not.toMatch(/short|works|happens|procedure/i);
    }
  });

  it('a "when …" in the lead-in is the trigger of the first step', () => {
    const clinic = read('Here is how it works when a patient arrives: the nurse measures the blood pressure. Then the doctor examines the patient.');
    expect(clinic.nodes[0]).toMatchObject({ kind: 'start', label: 'Patient arrived' });
    expect(tasks(clinic)).toEqual(['Measure blood pressure', 'Examine patient']);
    const claims = read('This is what happens when a claim arrives: the clerk logs the claim. The adjuster assesses the damage.');
    expect(tasks(claims)).toEqual(['Log claim', 'Assess damage']);
  });
});

describe('verbs whose step needs no direct object', () => {
  it('a verb of asking, offering or agreeing keeps its to-infinitive ("Ask to defer exam")', () => {
    // (A bare infinitive with a noun of its own is the request for it: asked-actions.ts.)
    expect(tasks(read('The tenant asks to sublet. The landlord signs the consent form.'))).toEqual(['Request sublet', 'Sign consent form']);
    expect(tasks(read('The student asks to defer the exam. The registrar updates the timetable.'))).toEqual(['Ask to defer exam', 'Update timetable']);
    expect(tasks(read('The supplier offers to replace the pump. The buyer books the engineer.'))).toEqual(['Offer to replace pump', 'Book engineer']);
    expect(tasks(read('The nurse asks to work from home. The ward manager updates the rota.'))).toEqual(['Ask to work from home', 'Update rota']);
  });

  it('a verb with its prepositional complement stands ("Apply for leave")', () => {
    expect(tasks(read('The employee applies for leave. The manager approves the leave.'))).toEqual(['Apply for leave', 'Approve leave']);
    expect(tasks(read('The resident asks for help. The warden calls the plumber.'))).toEqual(['Ask for help', 'Call plumber']);
    expect(tasks(read('The clerk replies to the customer.'))).toEqual(['Reply to customer']);
  });

  it('asking to do something makes a request, which a verb of deciding or objecting then acts on', () => {
    const sublet = read('The tenant asks to sublet. The landlord has 10 days to object.');
    expect(tasks(sublet)).toEqual(['Request sublet', 'Object to sublet within 10 days']);
    expect(tasks(read('The employee asks to work from home. The manager decides.'))).toEqual(['Ask to work from home', 'Decide on request']);
    expect(tasks(read('The lodger asks to sublet. The owner agrees.'))).toEqual(['Request sublet', 'Agree to sublet']);
    // ("asks to cancel the order. The agent cancels it": "it" is the order, not the request.)
    expect(tasks(read('The customer asks to cancel the order. The agent cancels it.'))).toEqual(['Ask to cancel order', 'Cancel order']);
  });
});

describe('verbs done by making their noun', () => {
  it('with nothing in hand, objecting or complaining is raising an objection or filing a complaint, not a dropped step', () => {
    expect(tasks(read('The neighbour has 21 days to object. The officer decides the case.'))).toEqual(['Raise objection within 21 days', 'Decide case']);
    expect(tasks(read('The guest complains. The receptionist calls the manager.'))).toEqual(['File complaint', 'Call manager']);
    expect(tasks(read('The patient complains. The practice manager calls the patient.'))).toEqual(['File complaint', 'Call patient']);
    // (With a thing in hand, the verb acts on it.)
    expect(tasks(read('The council publishes the plan. Residents have 30 days to object.'))).toEqual(['Publish plan', 'Object to plan within 30 days']);
  });
});
