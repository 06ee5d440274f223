// Times of the clock and months ("at 5 pm", "in September", "4 h before the scan") say when, so they are never a
// step's object or part of its label; a step whose object place is left empty by such a time names the thing in hand.
import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('clock times and months', () => {
  it('never stand in a label, in any domain', () => {
    for (const text of [
      'The budget round begins in September. Each department submits a draft budget. Finance consolidates the drafts.',
      'The counting begins at 6 pm. The clerks open the postal votes. The returning officer announces the results.',
      'The finance team closes the books in December. The auditor reviews the statements.',
      'The patient fasts 4 h before the scan. The radiographer scans the patient.',
    ]) {
      expect(tasks(read(text)).filter((l) => /\b(pm|september|december|h)\b/i.test(l) || /^Begin\b/.test(l))).toEqual([]);
    }
  });

  it('a time after a preposition leaves the object to the thing in hand', () => {
    expect(tasks(read('The warehouse packs the parcels. The courier collects at 5 pm. The driver delivers them.'))).toEqual(['Pack parcels', 'Collect parcels', 'Deliver parcels']);
  });

  it('"HR" stays a department, not an hour', () => {
    const m = read('The manager approves the request. HR updates the leave balance.');
    expect(tasks(m)).toEqual(['Approve request', 'Update leave balance']);
    expect(m.actors.map((a) => a.name)).toContain('HR');
  });
});
