import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { laneOf, lanes, read } from './model-reading.ts';

const typeOf = (m: ProcessModel, label: string) => m.nodes.find((n) => n.kind === 'task' && n.label === label)?.taskType;

describe('an agentless passive done at a named unit is that unit\'s step', () => {
  it('logistics: "At customs, the cargo is inspected" after the shipper acted', () => {
    const m = read('The shipper books a container with the carrier. At customs, the cargo is inspected. The freight forwarder then arranges delivery to the consignee.');
    expect(laneOf(m, 'Inspect cargo')).toBe('Customs');
    expect(laneOf(m, 'Book container with carrier')).toBe('Shipper');
  });

  it('health: "analysed in the lab" after the nurse took the sample', () => {
    const m = read('The nurse takes a blood sample from the patient. The samples are analysed in the lab. The doctor reviews the results.');
    expect(laneOf(m, 'Analyse samples')).toBe('Lab');
    expect(laneOf(m, 'Review results')).toBe('Doctor');
  });

  it('public administration: "at the front desk" and "in the radiology department" name their units', () => {
    const m = read('The citizen submits the permit application online. At the front desk, the documents are verified. The planning officer then assesses the application.');
    expect(laneOf(m, 'Verify documents')).toBe('Front desk');
    const h = read('The patient checks in at reception. The referral is checked at the front desk. In the radiology department, the X-ray is taken. The radiologist writes the report.');
    expect(laneOf(h, 'Take X-ray')).toBe('Radiology department');
  });

  it('retail and finance: the warehouse and a named department', () => {
    const m = read('The team lead submits the purchase request. Procurement orders the goods. The goods are received in the warehouse. The invoice is paid by accounts payable.');
    expect(laneOf(m, 'Receive goods')).toBe('Warehouse');
    const f = read('The clerk enters the order in the ERP system. The order is then checked at the credit department. The warehouse ships the goods.');
    expect(laneOf(f, 'Check order')).toBe('Credit department');
  });

  it('a party already acting whose name holds the place keeps the step', () => {
    const m = read('The lab technician receives the sample. The sample is analysed in the lab. The technician reports the result.');
    expect(laneOf(m, 'Analyse sample')).toBe('Lab technician');
    expect(lanes(m)).toEqual(['Lab technician']);
  });

  it('a place things are brought or handed to, a system, or a bare office names nobody', () => {
    const m = read('The mechanic diagnoses the fault. The spare part is ordered from the supplier. The part is delivered at the workshop. The mechanic fits the part.');
    expect(lanes(m)).not.toContain('Workshop');
    const s = read('The student hands in the thesis. The thesis is graded by two examiners. The grade is recorded in the student system.');
    expect(laneOf(s, 'Record grade')).toBe('Examiners');
    const o = read('The manager signs the contract. The contract is filed in the office.');
    expect(laneOf(o, 'File contract')).toBe('Manager');
  });

  it('a step done "there" after a hand-over is the receiver\'s, whatever thing it names', () => {
    const m = read('The clerk forwards the file to legal. There the contract is reviewed. The clerk then signs it.');
    expect(laneOf(m, 'Review contract')).toBe('Legal');
    expect(laneOf(m, 'Sign contract')).toBe('Clerk');
  });
});

describe('a passive\'s "by" names a carrier or a system that acts', () => {
  it('logistics: "issued by the shipping line" gets the shipping line\'s lane', () => {
    const m = read('The shipper books a container. The bill of lading is issued by the shipping line. The shipper pays the freight.');
    expect(laneOf(m, 'Issue bill of lading')).toBe('Shipping line');
    expect(laneOf(m, 'Pay freight')).toBe('Shipper');
  });

  it('HR and software delivery: a tool or pipeline acts in a system lane with service tasks', () => {
    const m = read('The HR officer posts the job ad. Applications are collected by the recruiting tool. The HR officer shortlists the candidates.');
    expect(laneOf(m, 'Collect applications')).toBe('Recruiting tool');
    expect(typeOf(m, 'Collect applications')).toBe('service');
    const d = read('The developer writes the code. The code is deployed by the pipeline. The on-call engineer monitors the service.');
    expect(laneOf(d, 'Deploy code')).toBe('Pipeline');
    expect(typeOf(d, 'Deploy code')).toBe('service');
    const a = read('The developer pushes the code. The pipeline builds the code and runs the tests. The tester checks the release.');
    expect(typeOf(a, 'Run tests')).toBe('service');
  });

  it('manufacturing: a production line acts; "a red line" does not', () => {
    const m = read('The planner releases the order. The parts are assembled by the production line. The inspector checks the parts.');
    expect(laneOf(m, 'Assemble parts')).toBe('Production line');
    const r = read('The editor reads the draft. Errors are marked by a red line. The editor returns the draft.');
    expect(lanes(r)).toEqual(['Editor']);
  });
});

describe('a shortlist is a thing handed over, not a role', () => {
  it('HR: "It is reviewed" after the shortlist went to the hiring manager', () => {
    const m = read('The recruiter sends the shortlist to the hiring manager. It is reviewed. HR then prepares the offer.');
    expect(laneOf(m, 'Review shortlist')).toBe('Hiring manager');
  });
});
