// An exception told after the step it prevents ("delivers the parcel. If the customer is not at home, …") puts the
// decision before that step; an attempt ("tries to deliver") keeps it after. Also: seeing a person is a step, and a
// person returning somewhere travels, handing nothing over.
import { describe, expect, it } from 'vitest';
import { downstream, laneOf, lanes, next, node, read, tasks } from './model-reading.ts';

/** The two ways of the gateway right before a step: the step's own condition and the other way's first node. */
function choiceBefore(text: string, step: string) {
  const m = read(text);
  const into = m.flows.filter((f) => f.to === node(m, step).id);
  expect(into).toHaveLength(1);
  const split = m.nodes.find((n) => n.id === into[0]!.from)!;
  return { m, split, other: next(m, split.id).find((n) => n.label !== step) };
}

describe('an exception told after the step it prevents', () => {
  it('"delivers the parcel. If the customer is not at home, leaves a card" (logistics)', () => {
    const { m, split, other } = choiceBefore('The courier delivers the parcel to the customer. If the customer is not at home, the courier leaves a card. The courier then drives to the next address.', 'Deliver parcel');
    expect(split.kind).toBe('exclusive');
    expect(other?.label).toBe('Leave card');
    expect(downstream(m, node(m, 'Deliver parcel'))).toContain('Drive to next address');
    expect(downstream(m, node(m, 'Leave card'))).not.toContain('Deliver parcel');
  });

  it('"issues the permit. If the application is refused, …" (public administration)', () => {
    const { split, other } = choiceBefore('The council issues the permit. If the application is refused, the council sends a refusal letter.', 'Issue permit');
    expect(split.kind).toBe('exclusive');
    expect(other?.label).toBe('Send refusal letter');
  });

  it('"sees the patient. If the patient does not show up, …" (health)', () => {
    const { split, other } = choiceBefore('The therapist sees the patient at the agreed time. If the patient does not show up, the receptionist charges a no-show fee.', 'See patient');
    expect(split.kind).toBe('exclusive');
    expect(other?.label).toBe('Charge no-show fee');
  });

  it('moves the steps in a row the exception prevents ("sees the patient and plans the exercises") (health)', () => {
    const { other } = choiceBefore('The receptionist books the appointment. The physiotherapist sees the patient and plans the exercises. If the patient does not show up, the receptionist charges a fee.', 'See patient');
    expect(other?.label).toBe('Charge fee');
  });

  it('an attempt is made before its outcome is known (logistics)', () => {
    const m = read('The courier tries to deliver the parcel. If nobody is home, the courier leaves a card.');
    expect(next(m, node(m, 'Deliver parcel').id)[0]!.kind).toBe('exclusive');
  });

  it('an exception unrelated to the step stays after it (retail)', () => {
    const m = read('The clerk packs the order. If the customer is not at home, the driver leaves a card.');
    expect(next(m, node(m, 'Pack order').id)[0]!.kind).toBe('exclusive');
  });
});

describe('verbs that name steps only with the right words around them', () => {
  it('"sees the patient" is a step, "sees that …" is not (health, admin)', () => {
    expect(tasks(read('The GP sees the patient and writes a referral.'))).toEqual(['See patient', 'Write referral']);
    expect(tasks(read('The clerk sees that the form is incomplete and returns it.'))).toEqual(['Return form']);
  });

  it('a person returning somewhere travels; nobody receives anything (field service)', () => {
    const m = read('The technician fixes the boiler and returns to the office.');
    expect(tasks(m)).toEqual(['Fix boiler', 'Return to office']);
    expect(lanes(m)).toEqual(['Technician']);
    expect(laneOf(read('The courier leaves a card. The courier then returns to the depot.'), 'Return to depot')).toBe('Courier');
  });
});
