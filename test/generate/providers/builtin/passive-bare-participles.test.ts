// Participles spelt like the base form ("is run", "is forecast", "is input"): after "is/are" they make a passive,
// whose subject is the thing done to. Read as active, "Backups are run every night" made no step and "The payroll is
// run at the end of the month" gave "Run at end".
import { describe, expect, it } from 'vitest';
import { laneOf, read, tasks } from './model-reading.ts';

describe('"<thing> is run / forecast / input" is a step done to the thing', () => {
  it.each([
    ['The admin checks the disks. Backups are run every night.', 'Run backups'],
    ['HR collects the timesheets. The payroll is run at the end of the month.', 'Run payroll'],
    ['The examiner sets the exam. Course evaluations are run at the end of every semester.', 'Run course evaluations'],
  ])('%s', (text, step) => {
    expect(tasks(read(text))).toContain(step);
  });

  it.each([
    ['Sales sends the orders. The demand is forecast by the planner.', 'Forecast demand', 'Planner'],
    ['The buyer signs the invoice. The figures are input into the ledger by the clerk.', 'Input figures into ledger', 'Clerk'],
    ['The analyst builds the reports. The reports are run by finance.', 'Run reports', 'Finance'],
  ])('the doer after "by" takes the step: %s', (text, step, lane) => {
    const m = read(text);
    expect(tasks(m)).toContain(step);
    expect(laneOf(m, step)).toBe(lane);
  });
});
