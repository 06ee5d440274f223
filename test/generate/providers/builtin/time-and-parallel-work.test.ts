// Time and parallel work told in ways the builtin misplaced (issue 13): a trailing deadline rule that restates a step,
// two parties doing one step "at the same time", "Both … are needed before …", "is built for A and B in parallel",
// a missed arrival after a wait, and who waits in "checks … every 2 hours until …".
import { describe, expect, it } from 'vitest';
import { laneOf, next, node, read, tasks } from './model-reading.ts';

const kinds = (m: ReturnType<typeof read>, label: string) => next(m, node(m, label).id).map((n) => n.kind);
const before = (m: ReturnType<typeof read>, label: string) => m.flows.filter((f) => f.to === node(m, label).id).map((f) => m.nodes.find((n) => n.id === f.from)!);

describe('a trailing deadline rule restating a step puts its limit on that step', () => {
  it('"Any refund has to be approved within 48 hours" (finance)', () => {
    const m = read('The employee submits a refund request. The finance officer checks the receipts. The controller approves the refund. Finance pays the amount. Any refund has to be approved within 48 hours.');
    expect(tasks(m)).toEqual(['Submit refund request', 'Check receipts', 'Approve refund within 48 hours', 'Pay amount']);
    expect(laneOf(m, 'Approve refund within 48 hours')).toBe('Controller');
  });

  it('"All complaints must be answered within five working days" after sending the response (retail)', () => {
    const m = read('A customer submits a complaint. The service agent reviews the complaint and drafts a response. The agent sends the response to the customer. All complaints must be answered within five working days.');
    expect(tasks(m)).toContain('Send response within 5 working days');
    expect(tasks(m).at(-1)).toBe('Send response within 5 working days');
  });

  it('"Every permit must be issued within ten days" (public administration)', () => {
    const m = read('The applicant files the form. The clerk checks the documents. The officer issues the permit. The clerk archives the file. Every permit must be issued within ten days.');
    expect(tasks(m)).toEqual(['File form', 'Check documents', 'Issue permit within 10 days', 'Archive file']);
  });

  it('does not fire when no step told before has that verb and thing (education)', () => {
    const m = read('The admissions office checks the applications. The committee sends the offers. Offers must be accepted within two weeks.');
    expect(tasks(m).at(-1)).toMatch(/^Accept offers within/);
  });
});

describe('two parties doing one step at the same time work side by side with each other', () => {
  it('"The supervisor and the second examiner grade it at the same time" (education)', () => {
    const m = read('The student submits the thesis. The supervisor and the second examiner grade it at the same time. The examination office records the final grade.');
    const split = next(m, node(m, 'Submit thesis').id)[0]!;
    expect(split.kind).toBe('parallel');
    expect(next(m, split.id).map((n) => m.actors.find((a) => a.id === n.actor)?.name).sort()).toEqual(['Second examiner', 'Supervisor']);
  });

  it('"The accountant and the tax advisor review the figures at the same time" (finance)', () => {
    const m = read('The auditor requests the ledgers. The accountant and the tax advisor review the figures at the same time. The auditor signs the report.');
    expect(kinds(m, 'Request ledgers')).toEqual(['parallel']);
    expect(before(m, 'Request ledgers').map((n) => n.kind)).toEqual(['start']);
  });

  it('"The nurse and the duty doctor check them simultaneously" (health)', () => {
    const m = read('The patient hands in the forms. The nurse and the duty doctor check them simultaneously. The patient is admitted.');
    expect(kinds(m, 'Hand in forms')).toEqual(['parallel']);
  });

  it('does not fire for one party: the step runs alongside the sentence before (IT)', () => {
    const m = read('The admin backs up the database. The developer freezes the code at the same time. The admin deploys the release.');
    expect(before(m, 'Back up database').map((n) => n.kind)).toEqual(['parallel']);
  });
});

describe('"Both … are needed before …" joins the two steps before it', () => {
  it('two tests before a decision (health)', () => {
    const m = read('The nurse takes a blood sample and the radiographer takes an X-ray. Both results are needed before the doctor decides on the treatment.');
    expect(before(m, 'Take blood sample')[0]!.kind).toBe('parallel');
    expect(before(m, 'Take blood sample')[0]).toBe(before(m, 'Take X-ray')[0]);
  });

  it('two checks before a loan decision (finance)', () => {
    const m = read('The analyst checks the credit score. The clerk verifies the income. Both checks are required before the manager approves the loan.');
    expect(before(m, 'Approve loan')[0]!.kind).toBe('parallel');
  });

  it('two reports before a release (software delivery)', () => {
    const m = read('The tester writes the test report. The security officer writes the audit report. Both reports must be in before the release manager ships the build.');
    expect(before(m, 'Ship build')[0]!.kind).toBe('parallel');
  });

  it('does not fire without "before" or an end: "both" is only a quantity (logistics)', () => {
    const m = read('The clerk prints the labels. The packer packs both parcels in a box. The driver collects the box.');
    expect(m.nodes.some((n) => n.kind === 'parallel')).toBe(false);
  });
});

describe('a passive done for two things in parallel is two steps', () => {
  it('"The app is built for iOS and Android in parallel" (software delivery)', () => {
    const m = read('The product owner approves the release. The app is built for iOS and Android in parallel. The release manager publishes the app.');
    expect(tasks(m)).toEqual(expect.arrayContaining(['Build app for iOS', 'Build app for Android']));
    expect(kinds(m, 'Approve release')).toEqual(['parallel']);
  });

  it('"The goods are packed for Berlin and Munich at the same time" (logistics)', () => {
    const m = read('The order is approved. The goods are packed for Berlin and Munich at the same time. The driver leaves.');
    expect(tasks(m)).toEqual(expect.arrayContaining(['Pack goods for Berlin', 'Pack goods for Munich']));
  });

  it('"The samples are tested for lead and mercury simultaneously" (manufacturing)', () => {
    const m = read('The inspector takes the samples. The samples are tested for lead and mercury simultaneously. The inspector writes the report.');
    expect(tasks(m)).toEqual(expect.arrayContaining(['Test samples for lead', 'Test samples for mercury']));
  });

  it('does not fire for "sent to A and B": one message to both (HR)', () => {
    const m = read('The recruiter drafts the contract. The contract is sent to the candidate and the manager at the same time. The candidate signs it.');
    expect(tasks(m).filter((t) => t.startsWith('Send contract'))).toHaveLength(1);
  });
});

describe('a wait, then a missed arrival', () => {
  it('"waits for the delivery. If the part does not arrive within two weeks" is one wait with its timer (facilities)', () => {
    const m = read('The landlord orders a spare part and waits for the delivery. If the part does not arrive within two weeks, the landlord cancels the order. The landlord repairs the heating.');
    const waits = m.nodes.filter((n) => /^Wait for|received$/i.test(n.label));
    expect(waits).toHaveLength(1);
    expect(m.nodes.some((n) => n.kind === 'boundary' && n.attachedTo === waits[0]!.id)).toBe(true);
  });

  it('"waits for the shipment. If the goods do not come within 5 days" (retail)', () => {
    const m = read('The buyer places the order and waits for the shipment. If the goods do not come within 5 days, the buyer calls the supplier. The buyer stocks the shelves.');
    expect(m.nodes.filter((n) => /^Wait for|received$/i.test(n.label))).toHaveLength(1);
  });

  it('"checks the tracking status every 2 hours until the parcel arrives": the checker waits (logistics)', () => {
    const m = read('The warehouse ships the parcel to the customer. The logistics system checks the tracking status every 2 hours until the parcel arrives. The system sends a confirmation.');
    expect(laneOf(m, 'Wait for parcel to arrive')).toBe('Logistics system');
  });
});
