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
