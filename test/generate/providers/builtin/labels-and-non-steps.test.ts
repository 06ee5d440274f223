import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

const labels = (prompt: string) => tasks(read(prompt));

describe('phrasal verbs keep their particle wherever it stands', () => {
  it('a particle after the object joins the verb', () => {
    expect(labels('The developer hands the build over to QA. QA tests the build.')).toEqual(['Hand over build', 'Test build']);
    expect(labels('The agent writes the order number down. The agent closes the call.')).toEqual(['Write down order number', 'Close call']);
    expect(labels('The clerk passes the file on to the manager. The manager signs it.')).toEqual(['Pass on file', 'Sign file']);
  });

  it('"in" ending the sentence is a particle, not the inch sign', () => {
    expect(labels('The receptionist checks the guest in. The porter carries the bags.')).toEqual(['Check in guest', 'Carry bags']);
    expect(labels('The nurse fills the form in. The doctor signs it.')).toEqual(['Fill in form', 'Sign form']);
    expect(labels('The tester signs the build off. The receptionist checks the patient in.')).toEqual(['Sign off build', 'Check in patient']);
  });
});

describe('the verb and its real object', () => {
  it('"takes payment" receives it; the light verb is the step', () => {
    expect(labels('The cashier takes payment. The cashier prints the receipt.')).toEqual(['Take payment', 'Print receipt']);
    expect(labels('The receptionist takes the booking.')).toEqual(['Take booking']);
  });

  it('"enrols" keeps the single l the writer used', () => {
    expect(labels('The student enrols in the course.')).toEqual(['Enrol in course']);
  });

  it('"her" before a noun is a possessive', () => {
    expect(labels('The nurse measures her blood pressure and informs the doctor.')).toContain('Measure blood pressure');
  });

  it('an enumeration stays one step, named with its first item', () => {
    expect(labels('The officer collects the ID, the payslip and the contract. The officer approves the loan.')).toEqual(['Collect ID', 'Approve loan']);
    expect(labels('The nurse records name, address and phone number. The doctor examines the patient.')).toEqual(['Record name', 'Examine patient']);
    expect(labels('The lab tests blood samples, urine samples and swabs.')).toEqual(['Test blood samples']);
    expect(labels('The applicant applies for a loan. The officer collects the ID, the payslip and the bank statements, and then calls him.')).toEqual(['Apply for loan', 'Collect ID', 'Call applicant']);
  });
});

describe('person pronouns mean the last person named', () => {
  it('"calls her", "calls him" after a thing was named', () => {
    expect(labels('The applicant submits the form. The recruiter reviews the form and calls her.')).toEqual(['Submit form', 'Review form', 'Call applicant']);
    expect(labels('The applicant applies for a loan. The bank checks his credit score and then calls him.')).toEqual(['Apply for loan', 'Check credit score', 'Call applicant']);
  });

  it('"informs them" is never the amount just checked', () => {
    expect(labels('The customer submits a claim of 500 euros. The agent checks the amount and informs them.')).toEqual(['Submit claim', 'Check amount', 'Inform customer']);
  });

  it('"confirms them" after things still means the things', () => {
    expect(labels('The tenant sends the meter readings. The landlord confirms them.')).toEqual(['Send meter readings', 'Confirm meter readings']);
  });
});

describe('asides and notes about the text make no step', () => {
  it('a "Note:" aside and work done elsewhere', () => {
    expect(labels('Note: refunds are handled elsewhere. The clerk checks the receipt. The clerk refunds the money.')).toEqual(['Check receipt', 'Refund money']);
    expect(labels('The clerk packs the order. Invoicing is dealt with in a separate process.')).toEqual(['Pack order']);
    expect(labels('FYI, shipping is out of scope. The clerk packs the order.')).toEqual(['Pack order']);
  });

  it('a sentence that introduces the text', () => {
    expect(labels('This describes how we onboard new staff. HR prepares the contract.')).toEqual(['Prepare contract']);
  });

  it('a real condition about being part of something still decides', () => {
    expect(labels('If the item is not part of the order, the clerk returns it. The clerk packs the order.')).toEqual(['Return item', 'Pack order']);
  });
});
