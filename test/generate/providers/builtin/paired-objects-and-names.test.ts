// Two things checked in one step ("checks the dashboards and logs"), verbs that stand alone ("the driver leaves"),
// a pronoun meaning a machine ("isolates the transformer and earths it"), and the diagram's name when the steps work
// on a person or on what was applied for.
import { describe, expect, it } from 'vitest';
import { laneOf, read, tasks } from './model-reading.ts';

describe('a plural noun paired with the object is a second thing, not a second step', () => {
  it('reads "the Xs and Ys" as one object (IT operations, finance, maintenance, public administration)', () => {
    expect(tasks(read('Every morning the operator checks the dashboards and logs.'))).toEqual(['Check dashboards and logs']);
    expect(tasks(read('The accountant reviews the figures and reports at month end. The controller signs off the accounts.'))[0]).toBe('Review figures and reports');
    expect(tasks(read('The technician inspects the seals and tanks.'))).toEqual(['Inspect seals and tanks']);
    expect(tasks(read('The clerk checks the documents and plans. The officer assesses the application.'))).toEqual(['Check documents and plans', 'Assess application']);
    expect(tasks(read('The lab tests the alloy composition and hardness.'))).toEqual(['Test alloy composition and hardness']);
  });

  it('does not fire for a verb that stands alone or one with its own object', () => {
    expect(tasks(read('The clerk reviews the invoices and signs.'))).toEqual(['Review invoices', 'Sign invoices']);
    expect(tasks(read('The clerk checks the forms and files them.'))).toEqual(['Check forms', 'File forms']);
    expect(tasks(read('The analyst reads the reports and decides.'))).toEqual(['Read reports', 'Decide on reports']);
  });

  it('does not fire after a single thing, or before a verb\'s particle ("and marks up changes")', () => {
    expect(tasks(read('The lawyer reviews the contract and marks up changes. The client signs it.'))).toEqual(['Review contract', 'Sign contract']);
    expect(tasks(read('The clerk checks the invoices and marks up errors.'))[0]).toBe('Check invoices');
  });
});

describe('a pronoun after a machine means the machine', () => {
  it('"isolates the transformer and earths it" earths the transformer (utilities, electrical, manufacturing)', () => {
    expect(tasks(read('If a seal is worn, the technician replaces it. Then he isolates the transformer and earths it.'))).toContain('Earth transformer');
    expect(tasks(read('The electrician switches off the breaker and tests it.'))).toEqual(['Switch off breaker', 'Test breaker']);
    expect(tasks(read('The operator stops the conveyor and cleans it.'))).toEqual(['Stop conveyor', 'Clean conveyor']);
  });
});

describe('verbs that stand alone make a step', () => {
  it('"leaves", "withdraws", "graduates" (logistics, hospitality, education)', () => {
    const driver = read('The driver loads the van and leaves. The customer signs for the parcel.');
    expect(tasks(driver)).toContain('Leave');
    expect(laneOf(driver, 'Leave')).toBe('Driver');
    expect(tasks(read('The agent interviews the guest. The guest leaves. The agent cleans the room.'))).toEqual(['Interview guest', 'Leave', 'Clean room']);
    expect(tasks(read('The clerk checks the request. The student graduates. The clerk files the request.'))).toContain('Graduate');
  });
});

describe('the process name', () => {
  it('is the person the steps work on, not a place they are sent to (health, education)', () => {
    expect(read('The nurse checks the patient. If the case is serious, a doctor sees the patient. Otherwise the nurse sends the patient home.').name).toBe('Patient handling');
    expect(read('The receptionist registers the patient and the nurse measures the vital signs. A doctor examines the patient. The patient is discharged.').name).toBe('Patient handling');
  });

  it('is what was applied for, and never an exception (education, finance)', () => {
    expect(read('A student applies for a course. The registrar checks the prerequisites. If they are not met, the registrar rejects the application. If the payment fails, the registrar handles the exception.').name).toBe('Course application handling');
    expect(read('The customer applies for a loan. The bank checks the application.').name).toBe('Loan application handling');
  });

  it('does not fire for people who are only told or paid', () => {
    expect(read('The agent calls the customer. The agent checks the policy. The agent informs the customer. The agent files the policy.').name).toBe('Policy handling');
  });
});
