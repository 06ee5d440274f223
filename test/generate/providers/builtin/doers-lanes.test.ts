// Each step sits in its doer's lane: work passed on is done where it went, a choice after a hand-over is the
// receiver's, "each party" is both parties, a narrator's own team is not the narrator, units named for their function.
import { describe, expect, it } from 'vitest';
import { laneOf, lanes, read, tasks } from './model-reading.ts';
import type { ProcessModel } from '../../../../src/generate/model.ts';

/** The lane of the model's first exclusive split (null when it has none of its own). */
function splitLane(m: ProcessModel): string | null {
  const split = m.nodes.find((n) => n.kind === 'exclusive' && m.flows.filter((f) => f.from === n.id).length >= 2);
  return m.actors.find((a) => a.id === split?.actor)?.name ?? null;
}

describe('a thing passed on is worked on where it went', () => {
  it('health: "sent to the laboratory, where it is analysed" is the laboratory\'s analysis', () => {
    const m = read('The nurse takes a blood sample. The sample is sent to the laboratory, where it is analysed. The doctor reviews the results.');
    expect(laneOf(m, 'Analyse sample')).toBe('Laboratory');
  });

  it('public administration: "forwards the file to legal. It is reviewed there." is Legal\'s review', () => {
    const m = read('The clerk forwards the file to legal. It is reviewed there. The clerk archives the file.');
    expect(laneOf(m, 'Review file')).toBe('Legal');
    expect(laneOf(m, 'Archive file')).toBe('Clerk');
  });

  it('IT operations: a request sent to a department is processed there', () => {
    const m = read('The clerk sends the request to the IT department, where it is processed.');
    expect(laneOf(m, 'Process request')).toBe('IT department');
  });

  it('retail: something sent to a customer is not theirs to archive', () => {
    const m = read('The clerk sends the offer to the customer. The offer is then archived.');
    expect(laneOf(m, 'Archive offer')).toBe('Clerk');
  });

  it('health: a kind passed on leaves "all" of them with whoever had them', () => {
    const m = read('The nurse takes the samples. Urgent samples are sent to the lab by courier; all samples are logged in the register. The lab technician analyses the samples.');
    expect(laneOf(m, 'Log samples')).toBe('Nurse');
  });
});

describe('a choice right after a hand-over is the receiver\'s', () => {
  it('finance: the manager\'s choice after the clerk sends the form', () => {
    const m = read('The clerk sends the form to the manager. If the amount is high, the manager approves it; otherwise the manager signs it.');
    expect(splitLane(m)).toBe('Manager');
  });

  it('health: the lab decides on its result', () => {
    const m = read('The nurse sends the sample to the lab. If the result is positive, the lab informs the doctor. Otherwise the lab archives the sample.');
    expect(splitLane(m)).toBe('Lab');
  });

  it('logistics: the warehouse decides on stock', () => {
    const m = read('The dispatcher passes the order to the warehouse. If the item is in stock, the warehouse ships it; otherwise the warehouse orders it from the supplier.');
    expect(splitLane(m)).toBe('Warehouse');
  });

  it('software: after a check, not a hand-over, the choice stays with the checker', () => {
    const m = read('The engineer tests the build. If it fails, the developer fixes it.');
    expect(splitLane(m)).not.toBe('Developer');
  });
});

describe('"each party", "both parties" are the last two parties named', () => {
  it('finance: "Each party keeps a copy" after the accountant and the partner', () => {
    const m = read('The accountant prepares the tax return and the partner signs it. Each party keeps a copy.');
    expect(lanes(m)).toEqual(['Accountant', 'Partner']);
    expect(tasks(m).filter((t) => t === 'Keep copy')).toHaveLength(2);
  });

  it('HR: employee and employer each keep the contract', () => {
    const m = read('The employee and the employer sign the contract. Each party keeps a copy.');
    expect(lanes(m)).not.toContain('Party');
    expect(m.nodes.filter((n) => n.label === 'Keep copy').map((n) => m.actors.find((a) => a.id === n.actor)?.name).sort()).toEqual(['Employee', 'Employer']);
  });

  it('public administration: "Both parties" after one met the other', () => {
    const m = read('The landlord meets the tenant at the flat. Both parties sign the handover protocol. The landlord returns the deposit.');
    expect(lanes(m)).toEqual(['Landlord', 'Tenant']);
  });

  it('real estate: "Both parties" after a step done together', () => {
    const m = read('The buyer and the seller agree on a price. Both parties then sign the deed.');
    expect(lanes(m)).toEqual(['Buyer', 'Seller']);
  });
});

describe('a narrator who acted keeps their lane beside "our … team"', () => {
  it('HR: "I … our payroll team … I then file" keeps the filing with me', () => {
    const m = read('I check the timesheets and our payroll team pays the staff. I then file the reports.');
    expect(laneOf(m, 'File reports')).toBe('Company');
    expect(laneOf(m, 'Pay staff')).toBe('Payroll team');
  });

  it('IT support: the report is mine, the answers the team\'s', () => {
    const m = read('I review the tickets and our support team answers them. I then write the weekly report.');
    expect(laneOf(m, 'Write weekly report')).toBe('Company');
  });

  it('finance: "our finance team" named first is who "we" are', () => {
    const m = read('Our finance team reconciles the accounts. We then pay the suppliers.');
    expect(laneOf(m, 'Pay suppliers')).toBe('Finance team');
  });
});

describe('units named for their function act', () => {
  it('manufacturing: "tested by quality control"', () => {
    const m = read('Maintenance repairs the machine. It is then tested by quality control.');
    expect(laneOf(m, 'Test machine')).toBe('Quality control');
  });

  it('finance: "chased by credit control"', () => {
    const m = read('Overdue invoices are chased by credit control. The accountant books the payment.');
    expect(laneOf(m, 'Chase overdue invoices')).toBe('Credit control');
  });

  it('software: "tested by quality assurance"', () => {
    const m = read('The developer fixes the bug. The fix is tested by quality assurance.');
    expect(laneOf(m, 'Test fix')).toBe('Quality assurance');
  });
});

describe('after a referral, "he/she/they" is the one referred to', () => {
  it('health: the specialist examines', () => {
    const m = read('The doctor refers the patient to the specialist. He examines the patient and writes a report.');
    expect(laneOf(m, 'Examine patient')).toBe('Specialist');
  });

  it('public administration: the supervisor decides', () => {
    const m = read('The caseworker refers the case to the supervisor. She decides on the benefit.');
    expect(laneOf(m, 'Decide on benefit')).toBe('Supervisor');
  });

  it('insurance: the ombudsman investigates', () => {
    const m = read('The agent refers the complaint to the ombudsman. They investigate it and send a ruling.');
    expect(laneOf(m, 'Send ruling')).toBe('Ombudsman');
  });
});

describe('"…, who VERBs" before a preposition is the one named acting', () => {
  it('logistics: the customer signs for the parcel', () => {
    const m = read('The courier delivers the parcel to the customer, who signs for it.');
    expect(lanes(m)).toContain('Customer');
  });

  it('public administration: the applicant signs at the bottom', () => {
    const m = read('The clerk hands the form to the applicant, who signs at the bottom.');
    expect(laneOf(m, 'Sign at bottom')).toBe('Applicant');
  });

  it('IT support: the technician looks into the fault', () => {
    const m = read('The agent passes the call to the technician, who looks into the fault.');
    expect(laneOf(m, 'Look into fault')).toBe('Technician');
  });
});

describe('"him" or "her" after a passive is the party served, not the agent', () => {
  it('health: the doctor examines the patient the nurse admitted', () => {
    expect(tasks(read('The patient is admitted by the nurse. The doctor examines him.'))).toContain('Examine patient');
  });

  it('retail: the cashier thanks the customer', () => {
    expect(tasks(read('The customer is greeted by the assistant. The cashier then thanks her.'))).toContain('Thank customer');
  });

  it('public administration: the clerk registers the applicant; with no party served, the last person named', () => {
    expect(tasks(read('The applicant is interviewed by the officer. The clerk then registers him.'))).toContain('Register applicant');
    expect(tasks(read('The manager calls the clerk. The director then thanks him.'))).toContain('Thank clerk');
  });
});

describe('an arrival waits in the lane of the passive\'s agent who acts on it', () => {
  /** The lane of the first intermediate event. */
  const eventLane = (m: ProcessModel) => m.actors.find((a) => a.id === m.nodes.find((n) => n.kind === 'intermediate')?.actor)?.name;

  it('retail: the staff wait for the goods they check', () => {
    expect(eventLane(read('The store manager orders stock from the wholesaler. The wholesaler ships it. When the goods arrive, they are checked by the staff and put on the shelves.'))).toBe('Staff');
  });

  it('finance: accounting waits for the payment it books', () => {
    expect(eventLane(read('The tenant pays the deposit. Once the payment is received, it is booked by accounting.'))).toBe('Accounting');
  });

  it('logistics: the warehouse clerk waits for the parcel', () => {
    expect(eventLane(read('The supplier sends the parcel. When the parcel arrives, it is scanned by the warehouse clerk.'))).toBe('Warehouse clerk');
  });
});
