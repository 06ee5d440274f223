import { describe, expect, it } from 'vitest';
import { laneOf, read } from './model-reading.ts';

describe('an agentless passive stays with the party that last acted on the same thing', () => {
  it('public administration: "they are checked" after "are received by the registry"', () => {
    const m = read('Applications are received by the registry. They are checked for completeness. The decision is taken by the board.');
    expect(laneOf(m, 'Check applications for completeness')).toBe('Registry');
    expect(laneOf(m, 'Decide')).toBe('Board');
  });

  it('health: the samples named again by their noun', () => {
    const m = read('Samples are labelled by the nurse. The samples are then analysed. The results are reviewed by the doctor.');
    expect(laneOf(m, 'Analyse samples')).toBe('Nurse');
    expect(laneOf(m, 'Review results')).toBe('Doctor');
  });

  it('manufacturing: an active step hands its object to a later passive', () => {
    const m = read('The technician inspects the machine. The supervisor orders spare parts. The machine is then cleaned.');
    expect(laneOf(m, 'Clean machine')).toBe('Technician');
  });

  it('insurance: a thing nobody acted on yet is the case holder\'s (see indirect-lanes.test.ts)', () => {
    const m = read('Claims are received by the claims office. They are checked for coverage. The payment is then issued.');
    expect(laneOf(m, 'Check claims for coverage')).toBe('Claims office');
    expect(laneOf(m, 'Issue payment')).toBe('Claims office');
  });
});
