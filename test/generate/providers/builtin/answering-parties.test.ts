import { describe, expect, it } from 'vitest';
import { laneOf, read } from './model-reading.ts';

describe('a pronoun that answers, after a step that turned to someone, means the one turned to', () => {
  it('health: "phones the patient and he confirms the appointment"', () => {
    const m = read('The receptionist phones the patient and he confirms the appointment. The receptionist then updates the calendar.');
    expect(laneOf(m, 'Confirm appointment')).toBe('Patient');
    expect(laneOf(m, 'Update calendar')).toBe('Receptionist');
  });

  it('logistics: "calls the driver and he accepts the job"', () => {
    const m = read('The dispatcher calls the driver and he accepts the job. The dispatcher then logs the booking.');
    expect(laneOf(m, 'Accept job')).toBe('Driver');
    expect(laneOf(m, 'Log booking')).toBe('Dispatcher');
  });

  it('education: "emails the parents and they reply"', () => {
    const m = read('The teacher emails the parents and they reply with a signed form. The teacher files the form.');
    expect(laneOf(m, 'Reply with signed form')).toBe('Parents');
  });

  it('insurance: the answer in the next sentence', () => {
    const m = read('The claims handler contacts the policyholder. She answers the questions about the accident. The handler then assesses the claim.');
    expect(laneOf(m, 'Answer questions about accident')).toBe('Policyholder');
    expect(laneOf(m, 'Assess claim')).toBe('Claims handler');
  });

  it('a pronoun that does not answer stays with the one who acted', () => {
    const m = read('The clerk emails the supplier. He then files the order.');
    expect(laneOf(m, 'File order')).toBe('Clerk');
  });

  it('"he" is never several people turned to', () => {
    const m = read('The dispatcher emails the drivers and he confirms the schedule.');
    expect(laneOf(m, 'Confirm schedule')).toBe('Dispatcher');
  });

  it('"she" is never a department turned to', () => {
    const m = read('The assistant calls the finance department and she confirms the booking.');
    expect(laneOf(m, 'Confirm booking')).toBe('Assistant');
  });
});
