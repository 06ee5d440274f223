// Retry and rework said with "again", a re- verb or "starts over" loop back to the earlier step instead of running on
// as a forward detour (issue 13, class 7).
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { backReference, redoneVerb, stepOfVerb } from '../../../../src/generate/providers/builtin/back-reference.ts';
import { readSentences } from '../../../../src/generate/providers/builtin/tokens.ts';
import { next, node, read, tasks } from './model-reading.ts';

const after = (m: ProcessModel, label: string) => next(m, node(m, label).id).map((n) => n.label || n.kind);
const first = (m: ProcessModel) => next(m, m.nodes.find((n) => n.kind === 'start')!.id).map((n) => n.label || n.kind);

describe('"X again" loops back to the earlier step of that verb', () => {
  it('goes back to "Print label" after "adjusts the focus and prints again" (warehouse)', () => {
    const m = read('The operator prints the label. If the print is blurry, the operator adjusts the focus and prints again. Then the operator attaches the label to the box.');
    expect(after(m, 'Adjust focus')).toEqual(['Print label']);
    expect(tasks(m).filter((t) => t.startsWith('Print'))).toEqual(['Print label']);
  });

  it('keeps "push again" in a condition without a comma (software delivery)', () => {
    const m = read('I push my changes to the repository. If the build fails I fix it and push again. Once the build is green, the reviewer merges the pull request.');
    expect(after(m, 'Fix build')).toEqual(['Push changes']);
  });

  it('reads "is graded again by" as the grading done once more (education)', () => {
    const m = read('The teacher grades the exam. If the grades differ, the exam is graded again by a third teacher. The school then publishes the results.');
    expect(tasks(m)).toEqual(['Grade exam', 'Publish results']);
    expect(next(m, next(m, node(m, 'Grade exam').id)[0]!.id).map((n) => n.label)).toContain('Grade exam');
  });
});

describe('a re- verb loops back to the step it repeats', () => {
  it('reads "re-runs the tests" as a loop to "Run tests" (IT)', () => {
    const m = read('The developer runs the tests. If any test fails, the developer fixes the code and re-runs the tests. The developer deploys the release.');
    expect(after(m, 'Fix code')).toEqual(['Run tests']);
  });

  it('reads "re-sends the quote" as a verb and loops to "Send quote" (sales)', () => {
    const m = read('The agent sends the quote to the customer. If the customer does not reply, the agent re-sends the quote. The agent books the order.');
    expect(tasks(m)).not.toContain('Accept quote');
    expect(m.flows.some((f) => f.to === node(m, 'Send quote').id && f.label === 'customer does not reply')).toBe(true);
  });

  it('loops "recalculates the score" back to the calculation (finance)', () => {
    const m = read('The loan officer calculates the credit score. If the data looks wrong, the officer corrects the data and recalculates the score. The officer then approves the loan.');
    expect(after(m, 'Correct data')).toEqual(['Calculate credit score']);
  });
});

describe('with no earlier step, the step repeated is drawn once before the check', () => {
  it('draws "Scan document" before "If the scan is unreadable … rescans the document" (public records)', () => {
    const m = read('If the scan is unreadable, the clerk rescans the document. The clerk then files the document in the archive.');
    expect(first(m)).toEqual(['Scan document']);
    expect(tasks(m)).toEqual(['Scan document', 'File document']);
  });

  it('draws the step named by "scans it again" for what the check is about (logistics)', () => {
    const m = read('If the pallet label is unreadable, the picker scans it again. The picker then stores the pallet.');
    expect(first(m)).toEqual(['Scan label']);
  });

  it('draws the check that "repeats the check" repeats (pharmacy)', () => {
    const m = read('If the vaccine batch fails the temperature check, the pharmacist orders a new batch and repeats the check. The pharmacist then releases the batch to the ward.');
    expect(first(m)).toEqual(['Check batch']);
    expect(after(m, 'Order new batch')).toEqual(['Check batch']);
  });
});

describe('"if it still fails" is the way out of the retry', () => {
  it('counts "tests it again; if it still fails, escalates" (repair shop)', () => {
    const m = read('The technician repairs the device and tests it. If the test fails, the technician repairs it and tests it again; if it still fails, the technician escalates the case to the manufacturer. Finally the technician returns the device to the customer.');
    const repair = m.nodes.filter((n) => n.label === 'Repair device').at(-1)!.label;
    expect(tasks(m)).not.toContain('Repair test');
    expect(m.flows.filter((f) => f.to === node(m, 'Escalate case').id).map((f) => f.label)).toEqual(['2 attempts failed']);
    expect(repair).toBe('Repair device');
  });

  it('mends what the check examined, not the check: "If the inspection fails, the welder fixes it" (manufacturing)', () => {
    const m = read('The welder joins the frame. The inspector inspects the frame. If the inspection fails, the welder fixes it. The painter paints the frame.');
    expect(tasks(m)).toContain('Fix frame');
  });

  it('counts "restarts it again; if it still fails" (IT operations)', () => {
    const m = read('The support agent restarts the server. If the service is down, the agent restarts it again; if it still fails, the agent escalates the incident to the infrastructure team. The agent then closes the ticket.');
    expect(m.flows.filter((f) => f.to === node(m, 'Escalate incident').id).map((f) => f.label)).toEqual(['2 attempts failed']);
  });

  it('counts "tests it again; if it is still borderline" (lab)', () => {
    const m = read('Lab receives blood sample. Technician tests the sample. If the result is borderline, the technician tests it again; if it is still borderline, the technician asks the ward for a new sample. Technician reports the result to the doctor.');
    expect(m.flows.filter((f) => f.to === node(m, 'Ask ward for new sample').id).map((f) => f.label)).toEqual(['2 attempts failed']);
    expect(tasks(m).filter((t) => t === 'Test sample')).toHaveLength(1);
  });
});

describe('"starts over" and "goes round again" go back', () => {
  it('sends "the whole thing starts over" to the first step (permits)', () => {
    const m = read('The applicant fills in the application form. The clerk checks the application. If documents are missing, the application is rejected and the whole thing starts over. Otherwise the clerk issues the permit.');
    expect(after(m, 'Reject application')).toEqual(['Fill in application form']);
    expect(tasks(m)).not.toContain('Start over');
  });

  it('sends "it goes round again" to the review that decided (planning)', () => {
    const m = read('The planner drafts the schedule. The team reviews the schedule. If the team disagrees, the planner changes the schedule and it goes round again. Then the planner publishes the schedule.');
    expect(after(m, 'Change schedule')).toEqual(['Review schedule']);
  });

  it('sends "goes through the check again" to the check (lab)', () => {
    const m = read('The nurse takes a blood sample and the lab analyses it. If the sample is clotted, it goes through the check again. The doctor reads the result.');
    expect(tasks(m)).toEqual(['Take blood sample', 'Analyse blood sample', 'Read result']);
  });
});

describe('the words', () => {
  it('finds the verb a re- word repeats, not "reads" or "repays"', () => {
    expect(['resubmit', 're-run', 'retest', 'reprint', 'read', 'repay', 'review'].map(redoneVerb)).toEqual(['submit', 'run', 'test', 'print', null, null, null]);
  });

  it('finds the earlier step of a verb, on the same thing when one is named', () => {
    const steps = [{ label: 'Print label' }, { label: 'Print invoice' }];
    expect(stepOfVerb('print', 'invoice', steps)?.label).toBe('Print invoice');
    expect(stepOfVerb('print', null, steps)?.label).toBe('Print label');
    expect(stepOfVerb('scan', null, steps)).toBeUndefined();
  });

  it('reads "goes round again" as a loose reference back', () => {
    expect(backReference(readSentences('It goes round again.')[0]!)).toEqual({ kind: 'step', words: [], loose: true });
  });
});
