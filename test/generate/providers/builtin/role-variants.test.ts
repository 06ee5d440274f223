import { describe, expect, it } from 'vitest';
import { laneOf, lanes, read } from './model-reading.ts';

describe('a role named plainly and then with a word saying which one shares one lane', () => {
  it('HR: "the line manager" after "the manager" and "managers"', () => {
    const m = read('The manager reviews the request. Managers sign the form. The line manager then informs the employee.');
    expect(lanes(m)).not.toContain('Line manager');
    expect(laneOf(m, 'Inform employee')).toBe('Manager');
  });

  it('logistics: "the delivery driver" after "the driver"', () => {
    const m = read('The dispatcher plans the route. The driver loads the van. The delivery driver then scans each parcel.');
    expect(laneOf(m, 'Scan parcel')).toBe('Driver');
    expect(lanes(m)).toEqual(['Dispatcher', 'Driver']);
  });

  it('software: "team leads" in the plural is the team leader, not a team that leads', () => {
    const m = read('The team leader assigns the task. Team leads review the work.');
    expect(lanes(m)).toEqual(['Team leader']);
    expect(laneOf(m, 'Review work')).toBe('Team leader');
  });

  it('health: a ranking word names someone else ("the head nurse" after "the nurse")', () => {
    const m = read('The nurse takes the blood sample. The head nurse checks the chart.');
    expect(lanes(m)).toEqual(['Nurse', 'Head nurse']);
  });

  it('finance: a second kind of the role is another person', () => {
    const m = read('The manager opens the file. The credit manager checks the score. The risk manager sets the limit.');
    expect(laneOf(m, 'Check score')).toBe('Manager');
    expect(laneOf(m, 'Set limit')).toBe('Risk manager');
  });

  it('IT: a unit named with its kind is another unit ("the security team" after "the team")', () => {
    const m = read('The team submits a tool request. The security team reviews the questionnaire.');
    expect(laneOf(m, 'Review questionnaire')).toBe('Security team');
  });

  it('health / hr: a clipped name and the full one are one role ("the vet" and "the veterinarian", "the admin" and "the administrator")', () => {
    const m = read('The owner brings the dog. The Vet examines the dog. The veterinarian then prescribes medication. The receptionist takes payment.');
    expect(lanes(m)).toEqual(['Owner', 'Vet', 'Receptionist']);
    expect(laneOf(m, 'Prescribe medication')).toBe('Vet');
    const hr = read('The school administrator records the absence. The admin then informs the parents.');
    expect(laneOf(hr, 'Inform parents')).toBe('School administrator');
  });
});
