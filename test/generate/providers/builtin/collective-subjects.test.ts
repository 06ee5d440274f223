import { describe, expect, it } from 'vitest';
import { laneOf, read, tasks } from './model-reading.ts';

describe('a collective noun for people takes the plain verb form that follows it', () => {
  it('retail: "Our warehouse staff pack it" is a step in the warehouse staff lane', () => {
    const m = read('The company receives the order. Our warehouse staff pack it. The company then invoices the customer.');
    expect(laneOf(m, 'Pack order')).toBe('Warehouse staff');
  });

  it('logistics: "the ground crew load the bags" after a "when" clause', () => {
    const m = read('When the aircraft arrives, the ground crew load the bags. The dispatcher signs the load sheet.');
    expect(laneOf(m, 'Load bags')).toBe('Ground crew');
  });

  it('health: "the ward personnel clean the room"', () => {
    const m = read('The doctor discharges the patient. The ward personnel clean the room.');
    expect(laneOf(m, 'Clean room')).toBe('Ward personnel');
  });

  it('a collective noun after the clause\'s own verb stays part of the object', () => {
    const m = read('HR checks the staff plan the day before.');
    expect(tasks(m)).toEqual(['Check staff plan']);
  });
});
