// Conditions told as a phrase before the clause ("Above 10 kg, …", "With a valid ID, …; without one, …", "On
// weekends, …") and cases run on in one sentence ("Depending on the amount: under 500 the clerk approves, between 500
// and 5,000 the manager, above 5,000 the board."): each gets a choice, the ways rejoin before the next step, and a case
// that leaves out its verb takes the one before it. Small sentences from several domains per rule.
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { branches, laneOf, next, node, read, tasks } from './model-reading.ts';

const splits = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'exclusive' && m.flows.filter((f) => f.from === n.id).length >= 2).length;
/** The labels of what a node leads to (gateways by kind). */
const after = (m: ProcessModel, label: string) => next(m, node(m, label).id).map((n) => n.label || n.kind);
/** The steps reached on the way labelled `condition` out of the first split, up to the next gateway. */
function onWay(m: ProcessModel, condition: string): string[] {
  const split = m.nodes.find((n) => n.kind === 'exclusive' && m.flows.filter((f) => f.from === n.id).length >= 2)!;
  const flow = m.flows.find((f) => f.from === split.id && f.label === condition)!;
  const steps: string[] = [];
  let at = m.nodes.find((n) => n.id === flow.to)!;
  while (at.kind === 'task') {
    steps.push(at.label);
    at = next(m, at.id)[0]!;
  }
  return steps;
}

describe('a bound before the clause is a condition on its step', () => {
  it.each<[string, string, string, string, string]>([
    ['The dispatcher weighs the parcel. Above 10 kg, a second courier is booked. The courier delivers the parcel.', 'above 10 kg', 'Book second courier', 'Deliver parcel', 'Weigh parcel'],
    ['The nurse measures the temperature. Above 38 degrees, the nurse calls the doctor. The nurse records the reading.', 'above 38 degrees', 'Call doctor', 'Record reading', 'Measure temperature'],
    ['The system counts the stock. Below 10 units, the system reorders the item. The clerk shelves the goods.', 'below 10 units', 'Reorder item', 'Shelve goods', 'Count stock'],
    ['The project manager reviews the costs. Over budget, the project manager escalates the issue to the sponsor. The team continues the work.', 'over budget', 'Escalate issue', 'Continue work', 'Review costs'],
  ])('%s', (text, condition, step, then, before) => {
    const m = read(text);
    expect(splits(m)).toBe(1);
    expect(branches(m)).toEqual([condition, 'otherwise']);
    expect(onWay(m, condition)).toEqual([step]);
    expect(after(m, before)).toEqual(['exclusive']);
    // Both ways rejoin before the step after the choice.
    const join = next(m, node(m, step).id)[0]!;
    expect(join.kind).toBe('exclusive');
    expect(next(m, join.id).map((n) => n.label)).toEqual([then]);
  });

  it('leaves a manner or a plain time alone', () => {
    expect(splits(read('The insurer receives the claim. Under the contract, the insurer pays the repair. The insurer closes the claim.'))).toBe(0);
    expect(splits(read('The customer opens the app. With a few clicks, the customer books a slot. The clinic confirms the slot.'))).toBe(0);
    expect(splits(read('The clerk sorts the mail. On Mondays, the clerk collects the invoices. The clerk files them.'))).toBe(0);
  });
});

describe('a thing had or missing is a condition', () => {
  it.each<[string, string, string, string, string]>([
    ['The visitor signs in at reception. With a valid ID, the visitor gets a badge; without one, security escorts them. The host meets the visitor.', 'valid ID', 'Get badge', 'no valid ID', 'Escort visitor'],
    ['The pharmacist reads the request. With a prescription, the pharmacist dispenses the drug; without one, the pharmacist calls the doctor. The pharmacist logs the visit.', 'prescription', 'Dispense drug', 'no prescription', 'Call doctor'],
    ['The clerk opens the parcel. With an invoice, the clerk books the goods in; without it, the clerk contacts the supplier. The clerk stores the goods.', 'invoice', 'Book in goods', 'no invoice', 'Contact supplier'],
  ])('%s', (text, had, step, missing, other) => {
    const m = read(text);
    expect(splits(m)).toBe(1);
    expect(branches(m)).toEqual([had, missing]);
    expect(onWay(m, had)).toEqual([step]);
    expect(onWay(m, missing)).toEqual([other]);
  });

  it('reads "with a signed contract" alone as a step that may be skipped', () => {
    const m = read('HR receives the contract. With a signed contract, HR creates the employee account. IT issues a laptop.');
    expect(branches(m)).toEqual(['signed contract', 'otherwise']);
    expect(onWay(m, 'signed contract')).toEqual(['Create employee account']);
  });
});

describe('a time set against the rest of the week is a condition', () => {
  it.each<[string, string, string]>([
    ['The monitoring system raises an alert. On weekends, the on-call engineer handles the alert. The engineer closes the ticket.', 'on weekends', 'Handle alert'],
    ['The agent takes the call. Outside office hours, the call centre forwards the call to the night line. The agent closes the call.', 'outside office hours', 'Forward call'],
    ['The porter receives the delivery. At night, the porter locks the goods in the cage. The storekeeper checks the goods.', 'at night', 'Lock goods in cage'],
  ])('%s', (text, condition, step) => {
    const m = read(text);
    expect(branches(m)).toEqual([condition, 'otherwise']);
    expect(onWay(m, condition)).toEqual([step]);
  });
});

describe('cases run on in one sentence are the ways of one choice', () => {
  it.each<[string, Array<[string, string, string]>, string]>([
    [
      'The clerk receives the invoice. Depending on the amount: under 500 the clerk approves, between 500 and 5,000 the manager, above 5,000 the board. The accountant pays the invoice.',
      [['under 500', 'Approve invoice', 'Clerk'], ['between 500 and 5,000', 'Approve invoice', 'Manager'], ['above 5,000', 'Approve invoice', 'Board']],
      'Pay invoice',
    ],
    [
      'The customer asks for a refund. Refund size decides who signs: up to 100 the agent, up to 1,000 the supervisor, anything more the finance head. The agent transfers the money.',
      [['up to 100', 'Sign refund', 'Agent'], ['up to 1,000', 'Sign refund', 'Supervisor'], ['above 1,000', 'Sign refund', 'Finance head']],
      'Transfer money',
    ],
    [
      'The clerk checks the request. Under €500, the team lead approves; above that, the director does. The clerk files the request.',
      [['under €500', 'Approve request', 'Team lead'], ['above €500', 'Approve request', 'Director']],
      'File request',
    ],
    [
      'The buyer receives the invoice. Who approves depends on the total: below 1,000 the team lead, from 1,000 to 10,000 the department head, over 10,000 the CFO. The accountant pays the invoice.',
      [['below 1,000', 'Approve invoice', 'Team lead'], ['between 1,000 and 10,000', 'Approve invoice', 'Department head'], ['over 10,000', 'Approve invoice', 'CFO']],
      'Pay invoice',
    ],
    [
      'The employee files a leave request. Leave requests are approved by length: up to 3 days the team lead approves, up to 2 weeks the department head, longer requests HR. The employee books the trip.',
      [['up to 3 days', 'Approve leave requests', 'Team lead'], ['up to 2 weeks', 'Approve leave requests', 'Department head'], ['above 2 weeks', 'Approve leave requests', 'HR']],
      'Book trip',
    ],
  ])('%s', (text, cases, then) => {
    const m = read(text);
    expect(splits(m)).toBe(1);
    expect(branches(m)).toEqual(cases.map(([c]) => c));
    for (const [condition, step, lane] of cases) {
      const [task] = onWay(m, condition);
      expect(task).toBe(step);
      const split = m.nodes.find((n) => n.kind === 'exclusive' && m.flows.filter((f) => f.from === n.id).length >= 2)!;
      const to = m.flows.find((f) => f.from === split.id && f.label === condition)!.to;
      expect(m.actors.find((a) => a.id === m.nodes.find((n) => n.id === to)!.actor)?.name).toBe(lane);
    }
    // The ways rejoin before the step that follows, and the lead makes no step of its own.
    expect(tasks(m)).toContain(then);
    expect(tasks(m).filter((t) => !cases.some(([, s]) => s === t)).length).toBe(2);
    expect(laneOf(m, then)).toBeTruthy();
  });

  it('keeps a lead that is a step of its own', () => {
    const m = read('The manager checks the score: below 5 the nurse discharges the patient, between 5 and 8 the doctor reviews the case, above 8 the doctor admits the patient.');
    expect(tasks(m)).toEqual(expect.arrayContaining(['Check score', 'Discharge patient', 'Review case', 'Admit patient']));
    expect(branches(m)).toEqual(['below 5', 'between 5 and 8', 'above 8']);
  });
});

describe('a thing needed, with nobody named to meet the need, is a step to get it', () => {
  it.each<[string, string, string | null]>([
    ['The clerk checks the payment. For amounts over 10,000, a second signature is needed. The clerk releases the payment.', 'Obtain second signature', 'amounts over 10,000'],
    ['The buyer compares the offers. Above 50,000 euros, a third quote is required. The buyer places the order.', 'Obtain third quote', 'above 50,000 euros'],
    ['The planner books the shipment. An export permit is required. The driver collects the goods.', 'Obtain export permit', null],
    ['The nurse prepares the patient. The written consent of a parent is also required. The surgeon operates.', 'Obtain written consent of parent', null],
  ])('%s', (text, step, condition) => {
    const m = read(text);
    expect(tasks(m)).toContain(step);
    if (condition) expect(onWay(m, condition)).toEqual([step]);
    else expect(splits(m)).toBe(0);
  });

  it('makes no step of a need that is denied or of a question', () => {
    expect(tasks(read('The engineer reviews the change. No further action is needed. The engineer closes the ticket.'))).toEqual(['Review change', 'Close ticket']);
  });
});

describe('"for a" and a describing word before one thing is a kind', () => {
  it.each<[string, string, string]>([
    ['The teacher grades the exam. For a late submission, the head of department marks the exam again. The office publishes the grades.', 'late submission', 'Publish grades'],
    ['The technician logs the fault. For an urgent repair, the technician orders the part by express. The technician fixes the machine.', 'urgent repair', 'Fix machine'],
    ['The agent opens the account. For a new customer, the agent checks the credit history. The agent sends the welcome pack.', 'new customer', 'Send welcome pack'],
  ])('%s', (text, condition, then) => {
    const m = read(text);
    expect(branches(m)).toEqual([condition, 'otherwise']);
    const join = next(m, node(m, onWay(m, condition).at(-1)!).id)[0]!;
    expect(next(m, join.id).map((n) => n.label)).toEqual([then]);
  });

  it('reads a purpose after "for a" as no kind', () => {
    expect(splits(read('The clerk files the form. For a quick overview, the clerk prints a summary. The manager reads it.'))).toBe(0);
  });
});
