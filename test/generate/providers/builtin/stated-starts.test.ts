import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { read, tasks } from './model-reading.ts';

const start = (m: ProcessModel) => m.nodes.find((n) => n.kind === 'start')!;

describe('an outcome restated in an opener is no step', () => {
  it('first, it names the start event', () => {
    const budget = read('Once the budget is approved, the event lead books the venue. The event lead sends the invitations.');
    expect(start(budget).label).toBe('Budget approved');
    expect(tasks(budget)).not.toContain('Approve budget');
    const contract = read('When the contract is signed, the account manager schedules the kick-off meeting.');
    expect(start(contract).label).toBe('Contract signed');
    expect(tasks(contract)).toEqual(['Schedule kick-off meeting']);
  });

  it('later, it is only where the flow carries on', () => {
    const m = read('The clerk checks the claim. When the claim is approved, the accountant pays the claimant. After the payment is confirmed, the clerk closes the file.');
    expect(tasks(m)).toEqual(['Check claim', 'Pay claimant', 'Close file']);
  });

  it('a step done to a thing still is one', () => {
    expect(tasks(read('The clerk checks the order. Once the goods are packed, the driver delivers them.'))).toContain('Pack goods');
  });
});

describe('someone getting in touch starts a first-person process', () => {
  it('is the message start event, with all the caller does in that sentence', () => {
    const m = read('Usually a customer calls me or drops by and tells me what they want. I write down the order. Then I bake the cake.');
    expect(start(m).label).toBe('Customer request received');
    expect(start(m).eventType).toBe('message');
    expect(tasks(m)).toEqual(['Write down order', 'Bake cake']);
    const mail = read('A client emails us with a question. We answer the question.');
    expect(start(mail).label).toBe('Client request received');
    expect(tasks(mail)).toEqual(['Answer question']);
  });

  it('a call to a named place, with someone else acting, stays a step', () => {
    expect(tasks(read('A customer calls the hotline and the agent opens a ticket. The agent solves the problem.'))).toEqual(['Call hotline', 'Open ticket', 'Solve problem']);
  });
});

describe('a served party arriving before any step starts the process', () => {
  it('names the start for who arrived; the clause after it is read, "them" meaning them (health, public administration)', () => {
    const m = read('Patients arrive at the front desk, where the receptionist checks them in and verifies insurance. A nurse then takes vitals.');
    expect(start(m).label).toBe('Patient arrived');
    expect(tasks(m)).toEqual(['Check in patients', 'Verify insurance', 'Take vitals']);
    const v = read('A visitor turns up at reception and the guard checks the ID.');
    expect(start(v).label).toBe('Visitor arrived');
    expect(tasks(v)).toEqual(['Check ID']);
    expect(start(read('The courier arrives at the dock. The clerk signs the delivery note.')).label).toBe('Courier arrived');
  });

  it('leaves our own staff arriving, and arrivals after the first step, as they were (health, logistics)', () => {
    expect(tasks(read('The nurse arrives at the ward and checks the charts.'))).toContain('Check charts');
    expect(start(read('The nurse arrives at the ward and checks the charts.')).label).not.toBe('Nurse arrived');
    const later = read('The clerk books the slot. The driver arrives at the dock. The clerk unloads the truck.');
    expect(start(later).label).not.toBe('Driver arrived');
  });

  it('"checks them in" after things were named means the things', () => {
    expect(tasks(read('The clerk receives the parcels and checks them in.'))).toEqual(['Receive parcels', 'Check in parcels']);
  });
});
