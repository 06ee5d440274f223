// A subject described by an -ing phrase before its verb ("Patients arriving at the clinic register at the desk"), and
// steps someone needs, wants or requires another to do ("We need the lab to test the sample").
import { describe, expect, it } from 'vitest';
import { laneOf, next, node, read, tasks } from './model-reading.ts';

describe('a subject with an -ing phrase before its verb', () => {
  it.each([
    ['Patients arriving at the clinic register at the desk. A nurse then takes their vitals.', 'Register at desk', 'Patients', 'Take vitals'],
    ['Drivers returning to the depot hand in their keys. The dispatcher logs the return.', 'Hand in keys', 'Drivers', 'Log return'],
    ['Staff working the night shift log their hours in the system. The manager approves the hours.', 'Log hours', 'Staff', 'Approve hours'],
    ['Employees leaving the company return their laptops to IT. IT wipes the laptops.', 'Return laptops', 'Employees', 'Wipe laptops'],
    ['A customer calling the hotline receives a ticket number. An agent calls the customer back.', 'Receive ticket number', 'Customer', 'Call back customer'],
  ])('%s', (text, step, lane, after) => {
    const m = read(text);
    expect(tasks(m)).toEqual([step, after]);
    expect(laneOf(m, step)).toBe(lane);
    expect(next(m, node(m, step).id).map((n) => n.label)).toEqual([after]);
  });

  it('keeps a subject whose verb is passive as it was (logistics)', () => {
    expect(tasks(read('The goods receiving clerk checks the delivery. The buyer pays the invoice.'))).toEqual(['Check delivery', 'Pay invoice']);
  });
});

describe('needing, wanting or requiring someone to do a step', () => {
  it.each([
    ['We need the lab to test the sample. The doctor then reviews the results.', 'Test sample', 'Lab', 'Review results'],
    ['We want the supplier to confirm the delivery date. The buyer then books a slot.', 'Confirm delivery date', 'Supplier', 'Book slot'],
    ['The bank requires the customer to provide an ID. The clerk opens the account.', 'Provide ID', 'Customer', 'Open account'],
    ['The supervisor instructs the technician to replace the part. The technician logs the repair.', 'Replace part', 'Technician', 'Log repair'],
    ['The HR officer gets the new hire to sign the contract. HR then creates an account.', 'Sign contract', 'New hire', 'Create account'],
  ])('%s', (text, step, lane, after) => {
    const m = read(text);
    expect(tasks(m)).toEqual([step, after]);
    expect(laneOf(m, step)).toBe(lane);
  });

  it('draws the step asked for once when the text then says it is done (software, insurance)', () => {
    expect(tasks(read('The broker wants the client to sign the form. The client signs it and the broker files it.'))).toEqual(['Sign form', 'File form']);
  });

  it('reads "it" after asking someone to act on a thing as that thing (it operations, hr)', () => {
    expect(tasks(read('The user asks IT to reset the password. IT resets it and emails the user.'))).toEqual(['Ask IT to reset password', 'Reset password', 'Email user']);
    expect(tasks(read('The manager asks the employee to submit a report. The employee submits it.'))).toEqual(['Ask employee to submit report', 'Submit report']);
    expect(tasks(read('The nurse asks the patient to fill in a form. The doctor examines the patient.'))).toEqual(['Ask patient to fill in form', 'Examine patient']);
  });

  it('gives the work after "and" back to the one who had the step done (health, hr)', () => {
    const m = read('The nurse has the porter take the patient to radiology and then updates the chart.');
    expect(laneOf(m, 'Take patient to radiology')).toBe('Porter');
    expect(laneOf(m, 'Update chart')).toBe('Nurse');
    expect(laneOf(read('HR gets the leaver to sign an exit form and then closes the file.'), 'Close file')).toBe('HR');
  });

  it('keeps a wish about the process itself as no step', () => {
    expect(tasks(read('I want the process to be faster. The clerk checks the order. The clerk ships it.'))).toEqual(['Check order', 'Ship order']);
  });
});

describe('"first thing" after the object', () => {
  it('says when, no part of the label (manufacturing, retail)', () => {
    expect(tasks(read('The night shift checks the machines first thing in the morning. The supervisor then signs the log.'))).toEqual(['Check machines', 'Sign log']);
    expect(tasks(read('The clerk opens the mail first thing. The manager reads it.'))).toEqual(['Open mail', 'Read mail']);
  });
});
