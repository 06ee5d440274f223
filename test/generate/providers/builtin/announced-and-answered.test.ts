// Openings that only announce the steps, answers given by "nothing"/"nobody", stuff found damaged, and a served
// party's own verb.
import { describe, expect, it } from 'vitest';
import { branches, downstream, laneOf, node, read, tasks } from './model-reading.ts';

describe('an opening sentence that announces the steps names the diagram', () => {
  it.each([
    ['We run the monthly payroll like this. HR collects the hours. Payroll calculates the salaries.', 'Monthly payroll'],
    ['This is how we handle warranty claims. The agent checks the receipt. The agent approves the claim.', 'Warranty claims'],
    ['Our patient intake works as follows. The nurse registers the patient. The doctor examines the patient.', 'Patient intake'],
    ['Equipment loan at the university media desk. A student books a camera. The desk hands out the camera.', 'Equipment loan'],
  ])('%s', (text, name) => {
    const m = read(text);
    expect(m.name).toBe(name);
    expect(tasks(m)).toHaveLength(2);
  });
});

describe('"if nothing is found" / "if nobody answers" is the other way of the choice just opened', () => {
  it.each([
    ['The inspector visits the site. If noise is found, the inspector issues a warning. If nothing is found, the clerk closes the complaint. The clerk informs the resident.', 'Issue warning', 'Close complaint'],
    ['The agent calls the customer. If the customer picks up, the agent explains the offer. If nobody answers, the agent leaves a voicemail. The agent logs the call.', 'Explain offer', 'Leave voicemail'],
    ['The auditor samples the invoices. If errors are found, she writes a finding. If nothing is wrong, she signs the checklist. Then she files the audit.', 'Write finding', 'Sign checklist'],
  ])('%s', (text, yes, no) => {
    const m = read(text);
    expect(branches(m)).toHaveLength(2);
    expect(downstream(m, node(m, yes))).not.toContain(no);
    expect(downstream(m, node(m, no))).not.toContain(yes);
  });
});

describe('stuff named by the state a check finds opens a way', () => {
  it.each([
    ['The technician inspects the camera. Damaged equipment is reported to the faculty office. The desk closes the loan.', 'Report equipment'],
    ['Security screens all bags at the gate. Suspicious luggage is opened by an officer. The passenger then boards.', 'Open luggage'],
    ['The receiving clerk checks each delivery. Contaminated food is thrown away. The clerk stores the rest.', 'Throw away food'],
  ])('%s', (text, step) => {
    const m = read(text);
    expect(branches(m)).toHaveLength(2);
    expect(m.flows.find((f) => f.to === node(m, step).id)?.label).toBeTruthy();
  });
});

describe("a served party's verb done to people, with no object, is done by themself", () => {
  it('"the passenger then boards" boards, and boards nobody', () => {
    const m = read('Security screens the bags. The passenger then boards.');
    expect(tasks(m)).toEqual(['Screen bags', 'Board']);
    expect(laneOf(m, 'Board')).toBe('Passenger');
  });
  it('"the crew boards the passengers" still names them', () => {
    expect(tasks(read('The crew prepares the cabin. The crew then boards the passengers.'))).toContain('Board passengers');
  });
  it('staff verbs still name the person in hand: "the doctor examines" after the nurse admits the patient', () => {
    expect(tasks(read('The nurse admits the patient. The doctor examines.'))).toContain('Examine patient');
  });
});
