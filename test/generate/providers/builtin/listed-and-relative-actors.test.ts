// Who acts when the text lists several parties, names a role with a modifier, or hands work to someone "who" does it.
import { describe, expect, it } from 'vitest';
import { laneOf, lanes, read, tasks } from './model-reading.ts';

describe('a list of subjects', () => {
  it('each party listed does the step, in its own lane, at the same time', () => {
    const ward = read('The nurse, the doctor and the pharmacist each review the chart.');
    expect(lanes(ward)).toEqual(['Nurse', 'Doctor', 'Pharmacist']);
    expect(tasks(ward)).toEqual(['Review chart', 'Review chart', 'Review chart']);
    expect(ward.nodes.filter((n) => n.kind === 'parallel').length).toBeGreaterThan(0);
  });

  it('holds for departments listed without "each" and for two with "each"', () => {
    expect(lanes(read('Sales, legal and finance review the contract.'))).toEqual(['Sales', 'Legal', 'Finance']);
    const offer = read('Sales and finance each review the offer.');
    expect([lanes(offer), tasks(offer)]).toEqual([['Sales', 'Finance'], ['Review offer', 'Review offer']]);
  });

  it('a later step of one of them goes to that lane', () => {
    const m = read('The developer, the tester and the architect review the design. The tester then writes the test plan.');
    expect(laneOf(m, 'Write test plan')).toBe('Tester');
  });

  it('a unit named by initials is listed with a department word', () => {
    const m = read('QA and production each sign the release note.');
    expect(lanes(m)).toEqual(['QA', 'Production']);
  });

  it('a list of things is no list of parties', () => {
    const m = read('The invoice, the receipt and the form are filed by the clerk.');
    expect(lanes(m)).toEqual(['Clerk']);
    expect(m.nodes.some((n) => n.kind === 'parallel')).toBe(false);
  });
});

describe('a relative clause names who does the next step', () => {
  it('"passes it to the auditor, who checks …" puts the check in the auditor\'s lane', () => {
    const m = read('The clerk passes the report to the auditor, who checks the figures.');
    expect(laneOf(m, 'Check figures')).toBe('Auditor');
  });

  it('a relative clause inside its subject gives both steps to that subject', () => {
    const plant = read('The supervisor logs the stop. The maintenance technicians, who get the ticket, repair the press.');
    expect([laneOf(plant, 'Get ticket'), laneOf(plant, 'Repair press')]).toEqual(['Maintenance technicians', 'Maintenance technicians']);
    const bank = read('The clerk opens the account. The compliance officer, who reviews the file, signs the approval.');
    expect([laneOf(bank, 'Review file'), laneOf(bank, 'Sign approval')]).toEqual(['Compliance officer', 'Compliance officer']);
  });

  it('a plural receiver with a bare verb still acts ("the teachers, who grade them")', () => {
    const school = read('The principal sends the exams to the teachers, who grade them.');
    expect(laneOf(school, 'Grade exams')).toBe('Teachers');
    const plant = read('The planner sends the drawings to the fitters, who assemble the frame.');
    expect(laneOf(plant, 'Assemble frame')).toBe('Fitters');
  });
});

describe('a role named with what it does', () => {
  it('a gerund before the role is part of its name and the verb after it is the step', () => {
    const hr = read('The hiring manager interviews the candidate. The manager then sends an offer.');
    expect(lanes(hr)).toEqual(['Hiring manager']);
    expect(tasks(hr)).toEqual(['Interview candidate', 'Send offer']);
    expect(laneOf(read('The receiving clerk checks the goods.'), 'Check goods')).toBe('Receiving clerk');
    expect(laneOf(read('The admitting nurse records the vitals.'), 'Record vitals')).toBe('Admitting nurse');
  });

  it('a unit word the tagger reads as a verb closes the unit\'s name', () => {
    expect(laneOf(read('IT support configures the account.'), 'Configure account')).toBe('IT support');
    expect(laneOf(read('The clerk logs the call. IT support then resets the password.'), 'Reset password')).toBe('IT support');
  });

  it('where a role works, read as a verb, is part of its name', () => {
    const m = read('The nurse passes the chart to the ward doctor, who orders the blood tests.');
    expect(laneOf(m, 'Order blood tests')).toBe('Ward doctor');
  });

  it('a role opening the sentence that the tagger reads as an adjective acts', () => {
    const m = read('The principal signs the reports, and the secretary posts them to the parents.');
    expect([laneOf(m, 'Sign reports'), laneOf(m, 'Post reports')]).toEqual(['Principal', 'Secretary']);
  });

  it('"the head of year" keeps what it heads', () => {
    expect(lanes(read('The head of year collects the exam papers.'))).toEqual(['Head of year']);
  });
});
