import { describe, expect, it } from 'vitest';
import { laneOf, next, node, read } from './model-reading.ts';

describe('an agentless passive handing a new thing on to someone is done by the party that just acted', () => {
  it('health: "The lab tests the sample. The results are sent to the doctor."', () => {
    const m = read('The lab tests the sample. The results are sent to the doctor. The doctor informs the patient.');
    expect(laneOf(m, 'Send results')).toBe('Lab');
    expect(laneOf(m, 'Inform patient')).toBe('Doctor');
    expect(next(m, node(m, 'Send results').id).map((n) => n.label)).toEqual(['Inform patient']);
  });

  it('retail / pharmacy: the medicine handed to the patient', () => {
    const m = read('The pharmacist prepares the prescription. The medicine is handed to the patient.');
    expect(laneOf(m, 'Hand over medicine')).toBe('Pharmacist');
  });

  it('finance: a report forwarded to the board', () => {
    const m = read('The auditor reviews the accounts. A report is then forwarded to the board. The board decides on the budget.');
    expect(laneOf(m, 'Forward report')).toBe('Auditor');
  });

  it('insurance: the party the process serves hands nothing on, and with no receiver the case holder does it', () => {
    const served = read('The customer places an order. The confirmation is emailed to the customer.');
    expect(laneOf(served, 'Email confirmation')).not.toBe('Customer');
    const m = read('Claims are received by the claims office. They are checked for coverage. The payment is then issued.');
    expect(laneOf(m, 'Issue payment')).toBe('Claims office');
  });
});
