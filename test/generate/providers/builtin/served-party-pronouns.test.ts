import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('"them" in a branch of a condition about a served party means that party', () => {
  it('facilities: the host escorts the visitor, not the receptionist named on the other branch', () => {
    const m = read('The visitor arrives at reception. If the visitor has no ID, the receptionist calls the host. Otherwise the host escorts them to the meeting room.');
    expect(tasks(m)).toContain('Escort visitor to meeting room');
  });

  it('health: the patient is discharged, not the doctor paged', () => {
    expect(tasks(read('If the patient is in pain, the nurse pages the doctor. Otherwise the nurse discharges them.'))).toContain('Discharge patient');
  });

  it('education: the student is informed, not the dean', () => {
    const m = read('If the student misses the exam, the teacher informs the dean. Otherwise the teacher grades the exam and informs them.');
    expect(tasks(m)).toEqual(expect.arrayContaining(['Inform dean', 'Inform student']));
  });

  it('retail: people named in the plural since the condition keep "them"', () => {
    const m = read('If the customer orders more than ten items, the clerk calls the suppliers and asks them for a discount.');
    expect(tasks(m)).toContain('Ask suppliers for discount');
  });
});

describe('"them" with no several things named is the party served ("they" of one person)', () => {
  it('health: the patient goes on the waiting list, not the slot', () => {
    const m = read('The receptionist offers the patient a slot. If no slot suits the patient, the receptionist puts them on the waiting list.');
    expect(tasks(m)).toContain('Put patient on waiting list');
  });

  it('retail: the customer is rescheduled, not the order', () => {
    const m = read('A customer orders a sofa. The store confirms the order and ships it. If the customer is not at home, the driver reschedules them.');
    expect(tasks(m)).toContain('Reschedule customer');
  });

  it('library: several things named keep "them" (the books are put back)', () => {
    const m = read('A reader returns the books. The librarian checks the returned books and puts them back on the shelves.');
    expect(tasks(m)).toContain('Put back returned books on shelves');
  });
});
