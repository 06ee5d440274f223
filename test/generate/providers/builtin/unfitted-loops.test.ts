// Loops said without the fitted words still go back to the step repeated: "if not, back to …", "tries again the
// next day", "which restarts CI", "repeat (steps 2 and 3) until …", "… until the numbers match".
import { describe, expect, it } from 'vitest';
import { next, node, read, tasks } from './model-reading.ts';
import type { ProcessModel } from '../../../../src/generate/model.ts';

/** The tasks a gateway right after a task leads to, through that gateway. */
function after(m: ProcessModel, label: string): string[] {
  return next(m, node(m, label).id).flatMap((n) => (n.kind === 'task' ? [n.label] : next(m, n.id).map((x) => x.label)));
}

describe('loops said without the fitted words', () => {
  it('"if not, back to step 2" and "back to checking …" loop to that step, with no step of their own', () => {
    const close = read('1. The analyst collects the figures.\n2. The analyst reconciles the accounts.\n3. The controller reviews the reconciliation. If not, back to step 2.\n4. The controller closes the period.');
    expect(after(close, 'Review reconciliation')).toContain('Reconcile accounts');
    expect(tasks(close)).toHaveLength(4);
    const oncall = read('The engineer checks the dashboards. If an alert is firing, she restarts the service. If not, back to checking the dashboards.');
    expect(after(oncall, 'Check dashboards')).toContain('Check dashboards');
    expect(tasks(oncall).filter((t) => t === 'Check dashboards')).toHaveLength(1);
    const ward = read('The nurse measures the blood pressure. If it is high, the nurse calls the doctor; otherwise back to measuring the blood pressure.');
    expect(tasks(ward).filter((t) => t === 'Measure blood pressure')).toHaveLength(1);
  });

  it('"tries again the next day": a time after "again" is no object, so the attempt is repeated', () => {
    const courier = read('The courier delivers the parcel. If nobody is home, the courier tries again the next day. The courier scans the parcel.');
    expect(after(courier, 'Deliver parcel')).toContain('Deliver parcel');
    expect(tasks(courier).join()).not.toMatch(/Try/);
    const call = read('The agent calls the customer. If the line is busy, the agent tries again in an hour. The agent records the call.');
    expect(tasks(call).join()).not.toMatch(/Try/);
  });

  it('"which restarts CI", "re-runs the pipeline": the restarted party\'s step is done again', () => {
    const ci = read('CI builds the branch. If the build fails I fix it and push again, which restarts CI. When the build is green I deploy it.');
    expect(after(ci, 'Fix build')).toEqual(['Build branch']);
    const lab = read('The analyser measures the sample. If the reading is out of range, the technician recalibrates the device, which restarts the analyser.');
    expect(tasks(lab).join()).not.toMatch(/Restart/);
  });

  it('"repeat (steps N and M) until …" loops back, leaving on the condition', () => {
    const ledger = read('The accountant compares the ledger with the bank statement and corrects the entries. Repeat until the numbers match. Then the accountant files the report.');
    expect(after(ledger, 'Correct entries')).toEqual(['Compare ledger with bank statement', 'File report']);
    const billing = read('1. The clerk enters the readings.\n2. The system calculates the bill.\n3. The supervisor checks the totals.\nRepeat steps 2 and 3 until the totals agree. Then the clerk sends the bills.');
    expect(after(billing, 'Check totals')).toEqual(['Calculate bill', 'Send bills']);
    const gate = next(billing, node(billing, 'Check totals').id)[0]!;
    expect(billing.flows.filter((f) => f.from === gate.id).map((f) => f.label)).toContain('totals agree');
  });

  it('"… until the numbers match" after mending goes back to the check, even when the tagger misses the verb', () => {
    const ledger = read('The accountant compares the ledger with the statement and corrects the entries until the numbers match. The accountant files the report.');
    expect(after(ledger, 'Correct entries')).toContain('Compare ledger with statement');
    const draft = read('The editor reviews the article and revises the text until the style guide passes. The editor publishes the article.');
    expect(after(draft, 'Revise text')).toContain('Review article');
    const dose = read('The nurse adjusts the dose until the pain is controlled. The nurse documents the dose.');
    expect(after(dose, 'Adjust dose')).toContain('Adjust dose');
  });
});
