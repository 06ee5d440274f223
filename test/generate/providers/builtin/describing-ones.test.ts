// "Broken ones get sent to the vendor": an irregular participle before its noun describes it ("broken", "stolen"),
// and "one(s)" with describing words stands for the work item the text set out with ("Break ones" before).
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('"broken ones", "the urgent one"', () => {
  it.each([
    ['When a laptop comes back, IT wipes it and checks the battery. Broken ones get sent to the vendor.', 'Send broken laptop'],
    ['The courier collects the parcel. The hub scans the label. Damaged ones are returned to the sender.', 'Return damaged parcel'],
    ['A referral arrives. The nurse reads the letter. Urgent ones are passed to the consultant.', 'Pass urgent referral'],
    // ("… go to X" is a hand-over: its label names the work item too.)
    ['The system scores each loan application. Low-risk applications are approved, high-risk ones are declined and medium-risk ones go to the credit committee.', 'Forward medium-risk application to Credit committee'],
    ['The help desk logs every ticket. Complex ones go to second-line support.', 'Forward complex ticket to Second-line support'],
  ])('%s', (text, task) => {
    const labels = tasks(read(text));
    expect(labels.some((l) => l?.startsWith(task))).toBe(true);
    expect(labels.some((l) => /\bones?\b/.test(l ?? ''))).toBe(false);
  });

  it('reads a leading irregular participle as describing its noun', () => {
    expect(tasks(read('The warden checks the car park. Stolen bikes are reported to the police.'))).toContain('Report stolen bikes');
  });
});
