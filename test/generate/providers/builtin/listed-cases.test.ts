// Choices of three or more ways told as a list of cases (review: listed cases drawn as one sequence): "There are three
// possibilities: A, B, or C", "Score below 50: … Between 50 and 80: …", "Minor fault: … Major fault: …", "Case A: …",
// "In the first case … In the second case …"; and "Alongside this, …" as parallel work.
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { branches, next, node, read } from './model-reading.ts';

/** The exclusive split's way labels, each with the first task it leads to. */
function ways(m: ProcessModel): Record<string, string> {
  const split = m.nodes.find((n) => n.kind === 'exclusive' && m.flows.filter((f) => f.from === n.id).length >= 2)!;
  return Object.fromEntries(m.flows.filter((f) => f.from === split.id).map((f) => [f.label, m.nodes.find((n) => n.id === f.to)!.label]));
}
/** Whether no task of the given labels leads straight into another of them. */
const apart = (m: ProcessModel, labels: string[]) => labels.every((l) => !next(m, node(m, l).id).some((n) => labels.includes(n.label ?? '')));

describe('"There are N possibilities: A, B, or C" lists the ways of one choice', () => {
  it.each<[string, string[]]>([
    ['The clerk reviews the application. There are three possibilities: the clerk approves it, rejects it, or asks the applicant for more information. After that the file is archived.', ['Approve application', 'Reject application', 'Ask applicant for more information']],
    ['The bank reviews the loan. Three things can happen: the loan is approved, the loan is approved with conditions, or the loan is rejected. The customer is informed.', ['Approve loan', 'Approve loan with conditions', 'Reject loan']],
    ['The foreman checks the delivery. There are three outcomes: the crew unloads the pallets, the driver takes the load back, or the buyer calls the supplier. The foreman signs the note.', ['Unload pallets', 'Take back load', 'Call supplier']],
  ])('%s', (text, labels) => {
    const m = read(text);
    expect(Object.values(ways(m))).toEqual(expect.arrayContaining(labels));
    expect(apart(m, labels)).toBe(true);
  });
});

describe('labelled lines with a measured bound or a kind in the singular are cases', () => {
  it('reads "Score below 50: …" with the bounds after it as one choice', () => {
    const m = read('The teacher grades the exam. Score below 50: the student retakes the exam. Between 50 and 80: the teacher sends a feedback letter. Above 80: the student receives a certificate. Finally the grade is recorded.');
    expect(ways(m)).toMatchObject({ 'score below 50': 'Retake exam', 'between 50 and 80': 'Send feedback letter', 'above 80': 'Issue certificate' });
    expect(apart(m, ['Retake exam', 'Send feedback letter', 'Issue certificate'])).toBe(true);
  });

  it.each<[string, Record<string, string>]>([
    ['The technician inspects the unit. Minor fault: the technician fixes it on site. Major fault: the unit is swapped. Then the technician closes the ticket.', { 'minor fault': 'Fix on site', 'major fault': 'Swap unit' }],
    ['The claims team checks the damage. Glass damage: a partner repairs the window. Water damage: an assessor visits the house. Fire damage: the loss adjuster takes over. The claim is then settled.', { 'glass damage': 'Repair window', 'water damage': 'Visit house', 'fire damage': 'Take over' }],
    ['The triage nurse assesses the patient.\nMild case: the nurse sends the patient home.\nSerious case: the doctor examines the patient.\nThe nurse records the visit.', { 'mild case': 'Send patient home', 'serious case': 'Examine patient' }],
  ])('%s', (text, expected) => {
    const m = read(text);
    expect(ways(m)).toMatchObject(expected);
    expect(apart(m, Object.values(expected))).toBe(true);
  });

  it('keeps roles named before a colon as steps in a row', () => {
    const m = read('Project manager: approves the budget.\nFinance manager: releases the funds.\nAccount manager: informs the client.');
    expect(branches(m)).toEqual([]);
  });
});

describe('named and ordinal cases', () => {
  it('reads "Case A: … Case B: … Case C: …" as the ways of one choice', () => {
    const m = read('The underwriter assesses the claim. Case A: the underwriter pays the claim. Case B: the underwriter asks for an expert report. Case C: the claim is declined. The underwriter then archives the file.');
    expect(ways(m)).toMatchObject({ 'Case A': 'Pay claim', 'Case B': 'Ask for expert report', 'Case C': 'Decline claim' });
  });

  it.each<[string, Record<string, string>]>([
    ['The helpdesk analyses the ticket. There are two possibilities. In the first case, the agent solves the problem by phone. In the second case, a technician visits the customer. The agent then closes the ticket.', { 'case 1': 'Solve problem', 'case 2': 'Visit customer' }],
    ['The officer checks the permit application. In the first case the permit is granted. In the second case the officer requests a site visit. In the third case the application is refused. The officer then updates the register.', { 'case 1': 'Grant permit', 'case 2': 'Request site visit', 'case 3': 'Refuse application' }],
  ])('%s', (text, expected) => {
    const m = read(text);
    expect(ways(m)).toMatchObject(expected);
    expect(apart(m, Object.values(expected))).toBe(true);
  });
});

describe('"Alongside this" and "in parallel to this" open parallel work', () => {
  it.each<[string, string, string, string]>([
    ['The clerk registers the parcel. Alongside this, the driver plans the route. The parcel is then delivered.', 'Register parcel', 'Plan route', 'Deliver parcel'],
    ['The nurse admits the patient. Alongside that, the pharmacist checks the medication list. The doctor then examines the patient.', 'Admit patient', 'Check medication list', 'Examine patient'],
    ['The engineer writes the code. In parallel to this, the tester writes the test cases. The release manager ships the build.', 'Write code', 'Write test cases', 'Ship build'],
  ])('%s', (text, a, b, after) => {
    const m = read(text);
    const split = m.nodes.find((n) => n.kind === 'parallel' && m.flows.filter((f) => f.from === n.id).length === 2)!;
    expect(next(m, split.id).map((n) => n.label)).toEqual(expect.arrayContaining([a, b]));
    const [joinA, joinB] = [next(m, node(m, a).id)[0]!, next(m, node(m, b).id)[0]!];
    expect(joinA.kind).toBe('parallel');
    expect(joinB.id).toBe(joinA.id);
    expect(next(m, joinA.id).map((n) => n.label)).toEqual([after]);
  });
});
