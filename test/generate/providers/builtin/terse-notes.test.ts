// Notes as people type them to a tool: states reached instead of steps ("item inspected"), a state and a bare
// imperative after "if" ("if urgent call the engineer"), a closing "done" (held-out set F: arrow notes lost most steps).
import { describe, expect, it } from 'vitest';
import { branches, laneOf, read, tasks } from './model-reading.ts';

describe('notes told as states reached are read, each a step done to its thing', () => {
  it.each([
    ['parcel received -> item inspected -> customer notified -> refund issued', ['Inspect item', 'Notify customer', 'Issue refund']],
    ['patient arrives -> patient registered -> bloods taken -> patient discharged', ['Register patient', 'Take bloods', 'Discharge patient']],
    ['request logged -> laptop imaged -> user informed -> ticket closed', ['Log request', 'Image laptop', 'Inform user', 'Close ticket']],
  ])('%s', (text, steps) => {
    expect(tasks(read(text))).toEqual(expect.arrayContaining(steps));
  });

  it('a person done to is the object, not the one acting (no lane "Customer" for "customer notified")', () => {
    const m = read('claim received -> claim assessed -> customer notified -> payout made');
    expect(tasks(m)).toContain('Notify customer');
    expect(laneOf(m, 'Notify customer')).toBeUndefined();
  });
});

describe('a closing "done" or "end" on the main path makes no step', () => {
  it.each([
    ['order picked -> order packed -> label printed -> done', 'Print label'],
    ['Scan the invoice. Match it to the order. Book it. End.', 'Book invoice'],
  ])('%s', (text, last) => {
    expect(tasks(read(text)).at(-1)).toBe(last);
  });
});

describe('"if" + a state + a bare imperative, with no comma, is a condition and its step', () => {
  it.each([
    ['Triage the ticket. If urgent call the on-call engineer. Then log the call.', 'urgent', 'Call on-call engineer'],
    ['The clerk checks the invoice. If approved pay it, otherwise return it to the supplier.', 'approved', 'Pay invoice'],
    ['Inspect the batch. If ok release the batch, otherwise quarantine it.', 'ok', 'Release batch'],
    ['Review the essay. If resolved close the ticket.', 'resolved', 'Close ticket'],
  ])('%s', (text, condition, step) => {
    const m = read(text);
    expect(branches(m)).toContain(condition);
    expect(tasks(m)).toContain(step);
  });

  it('keeps a real condition whose words go on ("if urgent care is needed") whole', () => {
    expect(branches(read('The nurse assesses the patient. If urgent care is needed, the nurse calls the doctor.'))).toEqual(['urgent care needed', 'otherwise']);
  });
});

describe('"otherwise"/"else" with no comma before an imperative, and two bare steps joined by "and"', () => {
  it.each([
    ['If it is a known issue, apply the fix. Otherwise open an incident.', ['Apply fix', 'Open incident']],
    ['If the stock is enough, ship the order. Else order more stock and inform the customer.', ['Ship order', 'Order more stock', 'Inform customer']],
    ['- nurse checks the wristband\n- if it matches, give the dose\n- otherwise call the pharmacist', ['Check wristband', 'Give dose', 'Call pharmacist']],
  ])('%s', (text, steps) => {
    const m = read(text);
    expect(tasks(m)).toEqual(expect.arrayContaining(steps));
    expect(branches(m)).toContain('otherwise');
  });

  it('"Otherwise the clerk returns it" keeps its subject (finance)', () => {
    const m = read('If the form is complete, the clerk files it. Otherwise the clerk returns it to the applicant.');
    expect(tasks(m)).toEqual(['File form', 'Return form']);
  });

  it('a bare step, "and", a second bare step: both are steps (IT support, library)', () => {
    expect(tasks(read('- the clerk receives the form\n- close ticket and write a note in the log'))).toEqual(['Receive form', 'Close ticket', 'Write note']);
    expect(tasks(read('- the librarian scans the returned book\n- update record and shelve the book'))).toEqual(expect.arrayContaining(['Update record', 'Shelve book']));
  });
});
