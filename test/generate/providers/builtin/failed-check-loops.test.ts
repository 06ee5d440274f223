// A way where a check failed and whose work repairs goes back to the check (also to a parallel block of checks, through
// a merge in front of its split); a way that gets the checked thing anew ("draws another sample") goes back to the step
// that got it. A repair the text ends, one with no check before it, or one on a way that did not fail, does not loop.
import { describe, expect, it } from 'vitest';
import { next, node, read, tasks } from './model-reading.ts';

const loopsTo = (m: ReturnType<typeof read>, from: string, to: string) => next(m, node(m, from).id).some((n) => n.id === node(m, to).id);
/** The node a flow from `from` reaches through exclusive merges with one way out. */
const reaches = (m: ReturnType<typeof read>, from: string, kind: string) => {
  let at = next(m, node(m, from).id);
  while (at.length === 1 && at[0]!.kind === 'exclusive' && next(m, at[0]!.id).length === 1) at = next(m, at[0]!.id);
  return at.map((n) => n.kind).includes(kind as never);
};
const endsOf = (m: ReturnType<typeof read>) => m.nodes.filter((n) => n.kind === 'end');

describe('a repair after a failed check goes back to the check', () => {
  it('"If some tests fail, the developer fixes the code" (software delivery)', () => {
    const m = read('The developer writes the code and runs the tests. If some tests fail, the developer fixes the code. Otherwise the developer deploys the release.');
    expect(tasks(m)).toEqual(['Write code', 'Run tests', 'Fix code', 'Deploy release']);
    expect(loopsTo(m, 'Fix code', 'Run tests')).toBe(true);
    expect(endsOf(m)).toHaveLength(1);
  });

  it('"If the balances do not match, the accountant corrects the entries" (finance reconciliation)', () => {
    const m = read('The accountant reconciles the bank statement with the ledger. If the balances do not match, the accountant corrects the entries. Otherwise the accountant closes the month.');
    expect(loopsTo(m, 'Correct entries', 'Reconcile bank statement with ledger')).toBe(true);
  });

  it('"If the frame has defects, the welder repairs the seams" (manufacturing quality check)', () => {
    const m = read('The inspector inspects the welded frame. If the frame has defects, the welder repairs the seams. Otherwise the welder paints the frame.');
    expect(loopsTo(m, 'Repair seams', 'Inspect welded frame')).toBe(true);
  });

  it('"the applicant completes the missing sections" after a check (public administration)', () => {
    const m = read('The clerk checks the permit application. If the application is incomplete, the applicant completes the missing sections. Otherwise the clerk issues the permit.');
    expect(loopsTo(m, 'Complete missing sections', 'Check permit application')).toBe(true);
  });

  it('the steps after the choice stay after it (audit)', () => {
    const m = read('The auditor audits the accounts. If errors are found, the accountant corrects them. The auditor then signs the report.');
    expect(loopsTo(m, 'Correct errors', 'Audit accounts')).toBe(true);
    expect(loopsTo(m, 'Correct errors', 'Sign report')).toBe(false);
  });

  it('not when the text ends the way, nor with no check before it, nor on a way that did not fail', () => {
    const ended = read('The developer writes the code and runs the tests. If some tests fail, the developer fixes the code and the process ends. Otherwise the developer deploys the release.');
    expect(next(ended, node(ended, 'Fix code').id).map((n) => n.kind)).toEqual(['end']);
    const unchecked = read('The clerk registers the request. If the address is wrong, the clerk corrects the address. The clerk files the request.');
    expect(loopsTo(unchecked, 'Correct address', 'Register request')).toBe(false);
    const approved = read('The manager reviews the budget. If the budget is approved, the analyst updates the forecast. Otherwise the analyst archives the budget.');
    expect(loopsTo(approved, 'Update forecast', 'Review budget')).toBe(false);
  });
});

describe('after checks run in parallel, the repair starts both checks again', () => {
  it('"If any check fails, the developer fixes the code" (software delivery)', () => {
    const m = read('The developer opens a pull request. The pipeline runs the unit tests and, at the same time, the security scanner scans the dependencies. If any check fails, the developer fixes the code. Otherwise the reviewer approves the pull request.');
    expect(reaches(m, 'Fix code', 'parallel')).toBe(true);
    expect(endsOf(m)).toHaveLength(1);
  });

  it('"pushes again, which restarts both checks" told in a sentence of its own makes no step (software delivery)', () => {
    const m = read('The developer pushes the code. The build server runs the unit tests and the linter checks the style in parallel. If either check fails, the developer fixes the problem. The developer pushes again, which restarts both checks. Otherwise the reviewer merges the change.');
    expect(tasks(m)).toEqual(['Push code', 'Run unit tests', 'Check style', 'Fix problem', 'Merge change']);
    expect(loopsTo(m, 'Fix problem', 'Push code')).toBe(true);
  });

  it('"If either check fails, the operator reworks the part" (manufacturing)', () => {
    const m = read('The quality engineer measures the part while the operator inspects the surface. If either check fails, the operator reworks the part. Otherwise the packer packs the part.');
    expect(reaches(m, 'Rework part', 'parallel')).toBe(true);
  });

  it('"If either review finds problems, the architect revises the plans" (public administration)', () => {
    const m = read('The planning office checks the drawings and, at the same time, the fire service reviews the escape routes. If either review finds problems, the architect revises the plans. Otherwise the planning office grants the permit.');
    expect(reaches(m, 'Revise plans', 'parallel')).toBe(true);
    expect(tasks(m)).toEqual(['Check drawings', 'Review escape routes', 'Revise plans', 'Grant permit']);
  });
});

describe('getting the checked thing anew goes back to the step that got it', () => {
  it('"the technician draws another sample" (lab)', () => {
    const m = read('The nurse draws a blood sample and sends it to the lab. The technician checks the sample. If the sample is contaminated, the technician draws another sample. Otherwise the technician analyses the sample and reports the result.');
    expect(tasks(m)).not.toContain('Draw sample');
    const split = m.nodes.find((n) => n.kind === 'exclusive')!;
    expect(next(m, split.id).map((n) => n.label)).toContain('Draw blood sample');
  });

  it('"the operator takes a new sample" (manufacturing)', () => {
    const m = read('The operator takes a sample from the batch. The lab tests the sample. If the sample is contaminated, the operator takes a new sample. Otherwise the lab releases the batch.');
    expect(tasks(m)).toEqual(['Take sample', 'Test sample', 'Release batch']);
  });

  it('"the recruiter schedules another interview" (HR)', () => {
    const m = read('The recruiter schedules an interview. If the candidate does not show up, the recruiter schedules another interview. Otherwise the manager interviews the candidate.');
    expect(tasks(m)).toEqual(['Schedule interview', 'Interview candidate']);
  });

  it('not a new thing of another verb, nor on a way that did not fail', () => {
    expect(tasks(read('The clerk checks the stock. If the item is missing, the clerk orders a new item. Otherwise the clerk ships the item.'))).toContain('Order new item');
    expect(tasks(read('The nurse draws a blood sample. If the doctor wants more tests, the nurse draws another sample. The doctor writes the report.'))).toContain('Draw sample');
  });
});
