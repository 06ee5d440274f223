import { describe, expect, it } from 'vitest';
import { laneOf, lanes, next, node, read, tasks } from './model-reading.ts';

describe('a subject named through a relative clause without commas keeps its lane and its main step', () => {
  it('education: "the teacher who organises the trip collects the forms" — two steps, the teacher a lane beside the head teacher', () => {
    const m = read('The teacher who organises the trip collects the forms. The head teacher approves the trip. The teacher then books the bus.');
    expect(tasks(m)).toEqual(['Organise trip', 'Collect forms', 'Approve trip', 'Book bus']);
    expect(laneOf(m, 'Collect forms')).toBe('Teacher');
    expect(laneOf(m, 'Book bus')).toBe('Teacher');
    expect(laneOf(m, 'Approve trip')).toBe('Head teacher');
    expect(next(m, node(m, 'Organise trip').id).map((n) => n.label)).toEqual(['Collect forms']);
  });

  it('retail: the main verb the tagger reads as a noun ("the order checks")', () => {
    const m = read('The clerk who receives the order checks the stock. The manager approves the shipment.');
    expect(tasks(m)).toEqual(['Receive order', 'Check stock', 'Approve shipment']);
    expect(laneOf(m, 'Receive order')).toBe('Clerk');
    expect(laneOf(m, 'Check stock')).toBe('Clerk');
  });

  it('health: "the nurse who admits the patient records the vital signs", singular and plural', () => {
    const one = read('The nurse who admits the patient records the vital signs. The doctor examines the patient.');
    expect(tasks(one)).toEqual(['Admit patient', 'Record vital signs', 'Examine patient']);
    expect(laneOf(one, 'Record vital signs')).toBe('Nurse');
    const many = read('The nurses who admit patients record the vital signs. The doctor examines the patient.');
    expect(laneOf(many, 'Record vital signs')).toBe('Nurses');
  });

  it('it-operations / finance: a relative that only says who they are is no step', () => {
    const m = read('The engineer who is assigned to the ticket investigates the fault. The engineer closes the ticket.');
    expect(tasks(m)).toEqual(['Investigate fault', 'Close ticket']);
    expect(lanes(m)).toEqual(['Engineer']);
    const f = read('A manager who has signing authority approves the payment. The clerk pays the supplier.');
    expect(tasks(f)).toEqual(['Approve payment', 'Pay supplier']);
    expect(laneOf(f, 'Approve payment')).toBe('Manager');
  });
});
