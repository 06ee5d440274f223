// Sentences about the process (who runs it, what it involves), requests for a diagram, noun modifiers and the words
// between a subject and its verb: none is a task or a lane of its own.
import { describe, expect, it } from 'vitest';
import { laneOf, lanes, read, tasks } from './model-reading.ts';

describe('sentences that introduce the process make no step', () => {
  it('"X involves A, B and C": the process names the diagram, the parties get lanes when they act', () => {
    const m = read('Supplier onboarding at our company involves procurement, legal and the supplier. Procurement collects the tax documents. Legal reviews the contract. The supplier signs the contract.');
    expect(m.name).toBe('Supplier onboarding');
    expect(tasks(m)).toEqual(['Collect tax documents', 'Review contract', 'Sign contract']);
    expect(lanes(m)).toEqual(['Procurement', 'Legal', 'Supplier']);
  });

  it('"is run by the school secretary": no task, and "the secretary" later is the school secretary', () => {
    const m = read('The school enrolment procedure is run by the school secretary. The secretary checks the application form. The parents pay the fee. The secretary enrols the pupil.');
    expect(m.name).toBe('School enrolment procedure');
    expect(tasks(m)).toEqual(['Check application form', 'Pay fee', 'Enrol pupil']);
    expect(laneOf(m, 'Enrol pupil')).toBe('School secretary');
  });

  it('"is owned by" / "is done by": agentless passives nothing else places are the owner\'s', () => {
    const m = read('Claims handling is done by the claims team. Each claim is registered and checked for completeness. An adjuster then assesses the damage.');
    expect(m.name).toBe('Claims handling');
    expect(tasks(m)).toEqual(['Register claim', 'Check claim for completeness', 'Assess damage']);
    expect(laneOf(m, 'Register claim')).toBe('Claims team');
    expect(laneOf(m, 'Assess damage')).toBe('Adjuster');
    const returns = read('Our returns process is owned by customer service. The customer sends the item back. Customer service inspects the item.');
    expect(tasks(returns)).not.toContain('Own returns process');
    expect(returns.name).toBe('Returns process');
  });

  it('"The month-end close involves accounting and treasury" (finance) and "is coordinated by HR" (HR)', () => {
    const close = read('The month-end close involves accounting and treasury. Accounting reconciles the accounts. Treasury confirms the bank balances.');
    expect(tasks(close)).toEqual(['Reconcile accounts', 'Confirm bank balances']);
    const hr = read('Employee onboarding is coordinated by HR. HR sends the contract. The new hire signs it.');
    expect(hr.name).toBe('Employee onboarding');
    expect(tasks(hr)).toEqual(['Send contract', 'Sign contract']);
  });

  it('"Patient discharge at the clinic involves …" (health): an activity with parties, whatever its ending', () => {
    const m = read('Patient discharge at the clinic involves the ward nurse, the doctor and the pharmacist. The doctor signs the discharge letter. The pharmacist prepares the medication.');
    expect(m.name).toBe('Patient discharge');
    expect(tasks(m)).toEqual(['Sign discharge letter', 'Prepare medication']);
    expect(lanes(m)).toEqual(['Doctor', 'Pharmacist']);
  });

  it('a step in the passive stays a step: a thing, or one step named, is not a process', () => {
    expect(tasks(read('The invoice is checked by the clerk. The manager approves the invoice.'))).toEqual(['Check invoice', 'Approve invoice']);
    const qa = read('The final inspection is carried out by the QA engineer. The shipping clerk packs the unit.');
    expect(tasks(qa)[0]).toMatch(/inspection/i);
    expect(laneOf(qa, tasks(qa)[0]!)).toBe('QA engineer');
  });
});

describe('a request for a diagram names it and is never a task', () => {
  const steps = ' The applicant fills in the form. The bank checks the credit score.';
  it.each([
    'Generate BPMN: credit card application.',
    'BPMN for: credit card application.',
    'Model this: credit card application.',
    'Please model: credit card application.',
    'Draw the process of a credit card application.',
    'Diagram please – credit card application.',
    'Generate a BPMN diagram: credit card application.',
  ])('%s', (request) => {
    const m = read(request + steps);
    expect(m.name).toBe('Credit card application');
    expect(tasks(m)).toEqual(['Fill in form', 'Check credit score']);
  });

  it('"Our IT help desk process:" before the first step names the diagram; no task, no lane "IT"', () => {
    const m = read('Our IT help desk process: a user reports an incident. The agent logs the ticket.');
    expect(m.name).toBe('IT help desk process');
    expect(tasks(m)).toEqual(['Report incident', 'Log ticket']);
    expect(lanes(m)).not.toContain('IT');
  });

  it('a sentence after the colon is the first step, not a name', () => {
    const m = read('Model this: the clerk checks the invoice. Then the manager approves it.');
    expect(tasks(m)).toEqual(['Check invoice', 'Approve invoice']);
    expect(read('BPMN diagram of employee onboarding – HR prepares the contract. IT sets up the laptop.').name).toBe('Employee onboarding');
  });
});

describe('noun modifiers and words between subject and verb are no lanes', () => {
  it('"An IT change request is raised by a service owner": the department modifies the request', () => {
    const m = read('An IT change request is raised by a service owner. The change manager assesses the request.');
    expect(tasks(m)[0]).toBe('Raise IT change request');
    expect(laneOf(m, 'Raise IT change request')).toBe('Service owner');
    expect(lanes(m)).not.toContain('IT');
    const hr = read('An HR leave request is submitted by the employee. The manager approves it.');
    expect(laneOf(hr, 'Submit HR leave request')).toBe('Employee');
    expect(lanes(hr)).not.toContain('HR');
    expect(laneOf(read('A QA test plan gets written by the lead tester. The team executes the plan.'), 'Write QA test plan')).toBe('Lead tester');
  });

  it('"starts drafting", "begins reviewing", "finishes counting": the -ing verb is the step, the lane the noun', () => {
    const m = read('The associate starts drafting the contract. The store manager finishes counting the cash. The courier resumes loading the van.');
    expect(tasks(m)).toEqual(['Draft contract', 'Count cash', 'Load van']);
    expect(lanes(m)).toEqual(['Associate', 'Store manager', 'Courier']);
    expect(laneOf(read('The associate begins reviewing the file. The partner signs it.'), 'Review file')).toBe('Associate');
  });

  it('"the loan officer first checks", "the courier first scans": the adverb is no part of the lane', () => {
    const m = read('The loan officer first checks the documents. The courier first scans the parcel. The manager first reviews the budget.');
    expect(lanes(m)).toEqual(['Loan officer', 'Courier', 'Manager']);
  });
});

describe('", who …" after a party named last acts for that party', () => {
  it.each([
    ['The bank orders a valuation from the external valuer, who visits the property and sends a valuation report.', 'Visit property', 'External valuer'],
    ['The hospital requests a second opinion from the consultant, who examines the patient.', 'Examine patient', 'Consultant'],
    ['The project manager books a slot with the release manager, who checks the calendar.', 'Check calendar', 'Release manager'],
  ])('%s', (text, step, lane) => {
    const m = read(text);
    expect(laneOf(m, step)).toBe(lane);
    expect(lanes(m)).not.toContain('System');
  });
});

describe('a role read as a describing word opens a clause after a comma or a closed clause too', () => {
  it('law, health, HR', () => {
    const law = read('The partner meets the client. Once the client has signed the letter, the associate starts drafting the opinion. The partner reviews the draft; if changes are needed the associate revises it.');
    expect(laneOf(law, 'Draft opinion')).toBe('Associate');
    expect(laneOf(law, 'Revise opinion')).toBe('Associate');
    const ward = read('The doctor examines the patient. When the results arrive, the resident begins reviewing the scans.');
    expect(laneOf(ward, 'Review scans')).toBe('Resident');
    expect(lanes(read('HR posts the job. After the deadline, the principal starts screening the applications.'))).toContain('Principal');
  });
});
