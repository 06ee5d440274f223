import { describe, expect, it } from 'vitest';
import { laneOf, lanes, read, tasks } from './model-reading.ts';

const startOf = (m: ReturnType<typeof read>) => m.nodes.find((n) => n.kind === 'start')?.label;

describe('a device signalling or breaking down happens; it is no party and no step', () => {
  it('IT operations: "the pager goes off" starts the process, and the pager gets no lane', () => {
    const m = read('The pager goes off and the on-call engineer checks the alert. The engineer restarts the service.');
    expect(lanes(m)).toEqual(['On-call engineer']);
    expect(tasks(m)).toEqual(['Check alert', 'Restart service']);
    expect(startOf(m)).toBe('Pager went off');
  });

  it('retail: "beeps" taken for a plural noun is still the scanner\'s verb', () => {
    const m = read('The scanner beeps and the cashier checks the price. The cashier bags the goods.');
    expect(lanes(m)).toEqual(['Cashier']);
    expect(laneOf(m, 'Check price')).toBe('Cashier');
    expect(lanes(read('The till beeps on every item and the cashier checks the price.'))).toEqual(['Cashier']);
  });

  it('manufacturing: "the press jams" names the start, the operator acts', () => {
    const m = read('The press jams. The operator clears the press. The supervisor logs the stoppage.');
    expect(startOf(m)).toBe('Press jammed');
    expect(lanes(m)).toEqual(['Operator', 'Supervisor']);
  });

  it('health: a signal after the first step makes no step; a person sounding an alarm still does', () => {
    const m = read('The nurse checks the patient. The monitor beeps. The nurse sounds the alarm.');
    expect(tasks(m)).toEqual(['Check patient', 'Sound alarm']);
    expect(lanes(m)).toEqual(['Nurse']);
  });
});
