// Every party that acts gets its lane, once: bare plural units with a verb in -s, counsel, a marker, a party told
// waiting, and "he … she …" after two people named together.
import { describe, expect, it } from 'vitest';
import { laneOf, lanes, node, read } from './model-reading.ts';

describe('a plural unit agreeing with a verb in -s acts', () => {
  it('finance: "Accounts pays it"', () => {
    const m = read('The clerk enters the invoice. It is approved by the manager. Accounts pays it.');
    expect(laneOf(m, 'Pay invoice')).toBe('Accounts');
  });
  it('health: "Admissions reviews the file"', () => {
    const m = read('The nurse books the slot. Admissions reviews the file and confirms the bed.');
    expect(laneOf(m, 'Review file')).toBe('Admissions');
    expect(laneOf(m, 'Confirm bed')).toBe('Admissions');
  });
  it('retail: "Payments sends the file", while a plural thing stays a thing', () => {
    const m = read('The clerk prepares the payment run. It is released by treasury. Payments sends the file to the bank.');
    expect(laneOf(m, 'Send file')).toBe('Payments');
    expect(lanes(read('The clerk checks the orders. The orders are shipped.'))).toEqual(['Clerk']);
  });
});

describe('people named by what they do', () => {
  it('legal: "signed off by general counsel"', () => {
    const m = read('The lawyer drafts the contract. The contract is signed off by general counsel. The sales rep sends it to the client.');
    expect(laneOf(m, 'Sign off contract')).toBe('General counsel');
  });
  it('education: "graded by the marker"', () => {
    const m = read('The teacher sets the exam. The scripts are graded by the marker. The head of department moderates the marks.');
    expect(laneOf(m, 'Grade scripts')).toBe('Marker');
  });
});

describe('a party told waiting has its lane', () => {
  it('agriculture: "The farmer waits for the soil report"', () => {
    const m = read('The agronomist visits the field. The farmer waits for the soil report. The lab analyses the samples.');
    expect(lanes(m)).toContain('Farmer');
    expect(laneOf(m, 'Soil report received')).toBe('Farmer');
  });
  it('health: "The ward waits for the bed to be cleaned"', () => {
    const m = read('The nurse admits the patient. The ward waits for the bed to be cleaned. The porter brings the patient to the ward.');
    expect(node(m, 'Bed cleaned').kind).toBe('intermediate');
    expect(laneOf(m, 'Bed cleaned')).toBe('Ward');
  });
  it('logistics: "waits for it" by a pronoun leaves the lanes as they are', () => {
    const m = read('The buyer orders the parts. He waits for them. The buyer books the goods in.');
    expect(lanes(m)).toEqual(['Buyer']);
  });
});

describe('"he … she …" after two people named together means them in order', () => {
  it('manufacturing', () => {
    const m = read('The technician and the supervisor inspect the machine. He writes the report, she signs it.');
    expect(laneOf(m, 'Write report')).toBe('Technician');
    expect(laneOf(m, 'Sign report')).toBe('Supervisor');
  });
  it('health', () => {
    const m = read('The nurse and the doctor examine the patient. She records the findings and he prescribes the treatment.');
    expect(laneOf(m, 'Record findings')).toBe('Nurse');
    expect(laneOf(m, 'Prescribe treatment')).toBe('Doctor');
  });
  it('finance', () => {
    const m = read('The auditor and the accountant review the books. He drafts the findings. She approves them.');
    expect(laneOf(m, 'Draft findings')).toBe('Auditor');
    expect(laneOf(m, 'Approve findings')).toBe('Accountant');
  });
});

describe('"our shop", "our clinic", "our warehouse" is who "we" are: one lane, no "Company"', () => {
  it('retail', () => {
    const m = read('Our shop receives the order. The order is packed. The courier collects the parcel from us. We send the invoice.');
    expect(lanes(m)).toEqual(['Shop', 'Courier']);
    expect(laneOf(m, 'Send invoice')).toBe('Shop');
  });
  it('logistics', () => {
    const m = read('Our warehouse picks the goods. The carrier collects them. Then we update the stock.');
    expect(laneOf(m, 'Update stock')).toBe('Warehouse');
  });
  it('education', () => {
    const m = read('Our school enrols the pupil. The parents pay the fee. We issue the timetable.');
    expect(lanes(m)).not.toContain('Company');
    expect(laneOf(m, 'Issue timetable')).toBe('School');
  });
});
