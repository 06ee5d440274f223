// "The manager can approve, reject or escalate the request": after a modal the listed verbs are bare, not in -s, and
// each listed after a comma is done by the same subject (they were left without a lane, or given a default one).
import { describe, expect, it } from 'vitest';
import { laneOf, read, tasks } from './model-reading.ts';

describe('bare verbs listed after a modal share its subject', () => {
  it.each([
    ['The clerk logs the request. The manager can approve, reject or escalate the request.', ['Approve request', 'Reject request', 'Escalate request'], 'Manager'],
    ['The buyer sends the offer. The supplier may accept, reject or return the offer.', ['Accept offer', 'Reject offer', 'Return offer'], 'Supplier'],
    ['The citizen files the appeal. The tribunal may uphold, dismiss or refer the appeal.', ['Uphold appeal', 'Dismiss appeal', 'Refer appeal'], 'Tribunal'],
  ])('%s', (text, steps, lane) => {
    const m = read(text);
    expect(tasks(m)).toEqual(expect.arrayContaining(steps));
    for (const step of steps) expect(laneOf(m, step)).toBe(lane);
  });
});
