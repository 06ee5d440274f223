import { describe, expect, it } from 'vitest';
import { laneOf, read, tasks } from './model-reading.ts';

describe('after "and", a verb\'s -s form with a bare noun object is a second step', () => {
  it('finance: "fills in a request and requests approval from finance"', () => {
    const m = read('The employee fills in a travel request and requests approval from finance. Finance approves it. Then the employee books the trip.');
    expect(tasks(m)).toContain('Request approval');
    expect(laneOf(m, 'Request approval')).toBe('Employee');
  });

  it('software delivery and health: "fixes bugs", "orders tests"', () => {
    expect(tasks(read('The developer reviews the code and fixes bugs before the release.'))).toEqual(['Review code', 'Fix bugs']);
    expect(tasks(read('The nurse records the blood pressure and orders tests.'))).toEqual(['Record blood pressure', 'Order tests']);
  });

  it('retail: a plural noun followed by a preposition stays one object', () => {
    expect(tasks(read('The clerk handles complaints and requests from customers.'))).toEqual(['Handle complaints']);
  });
});

describe('"it" after asking for an answer means the thing answered on, not the answer', () => {
  it('finance, education, software delivery: approval, permission and sign-off are asked for about a thing', () => {
    expect(tasks(read('The employee fills in a travel request and requests approval from finance. Finance approves it.'))).toContain('Approve travel request');
    expect(tasks(read('The teacher plans a field trip and asks the principal for permission. The principal approves it.'))).toContain('Approve field trip');
    expect(tasks(read('The engineer writes a change plan and seeks sign-off from the architect. The architect reviews it.'))).toContain('Review change plan');
  });
});
