// Ending branches and loops said in other words (issue 13, classes 1 and 7): "… and that's all; otherwise …", a
// sentence "No further action is needed." closing a branch, "repeat steps 2-4" with a plain hyphen or in a text
// that numbers nothing, a loop over several steps of one sentence, "once more" for "again", and "once the reviewer is
// satisfied".
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { next, node, read, tasks } from './model-reading.ts';

const after = (m: ProcessModel, label: string) => next(m, node(m, label).id).map((n) => `${n.kind}:${n.label}`);
/** Where the "not yet" way of the loop's gateway goes back to. */
const loopsBackTo = (m: ProcessModel) => m.nodes.find((n) => n.id === m.flows.find((f) => f.label === 'not yet')?.to)?.label;

describe('a branch that says the work stops there ends', () => {
  it('"… and that\'s all; otherwise …" ends the first way (IT support, retail, health)', () => {
    const desk = read("A caller phones the hotline. If the caller is already known, the agent gives the ETA and that's all; otherwise the agent opens a ticket. The agent then assigns the ticket to a technician.");
    expect(after(desk, 'Give ETA')).toEqual(['end:ETA given']);
    expect(after(desk, 'Open ticket')).toEqual(['task:Assign ticket']);
    const shop = read('The cashier scans the voucher. If the voucher is for another shop, the cashier hands it back and that is all; otherwise the cashier applies the discount. The cashier prints the receipt.');
    expect(after(shop, 'Apply discount')).toEqual(['task:Print receipt']);
    expect(after(shop, 'Print receipt')).not.toContain('task:Hand back voucher');
    const ward = read('The nurse checks the referral. If the patient is already registered, the nurse books the slot and nothing more is needed; otherwise the nurse creates a patient record.');
    expect(after(ward, 'Create patient record')[0]).not.toBe('end:Slot booked');
    expect(next(ward, node(ward, 'Book slot').id)[0]!.kind).toBe('end');
  });

  it('"no further action is taken" makes no step and ends the branch (IT operations, finance, education)', () => {
    const ops = read('The operator reviews the alert. If the alert is a duplicate, the operator closes it and no further action is taken; otherwise the operator escalates the alert. The on-call engineer fixes the fault.');
    expect(tasks(ops)).not.toContain('Take further action');
    expect(after(ops, 'Escalate alert')).toEqual(['task:Fix fault']);
    expect(next(ops, node(ops, 'Close duplicate').id)[0]!.kind).toBe('end');
    const ap = read('The accountant reviews the invoice. If the invoice was already paid, the accountant marks it as a duplicate. No further action is needed. Otherwise the accountant approves the invoice. The treasurer pays the supplier.');
    expect(after(ap, 'Mark invoice as duplicate')).toEqual(['end:Invoice marked as duplicate']);
    expect(ap.nodes.filter((n) => n.kind === 'exclusive')).toHaveLength(1);
    const exam = read("The teacher grades the exam. If the student failed, the teacher books a resit. That's all. Otherwise the teacher records the grade. The office issues the certificate.");
    expect(after(exam, 'Record grade')).toEqual(['task:Issue certificate']);
    expect(next(exam, node(exam, 'Book resit').id)[0]!.kind).toBe('end');
  });
});

describe('who withdraws, and what is no longer required', () => {
  it('"if the student withdraws" ends named for the one who withdrew (education, insurance, HR)', () => {
    const course = read('The registrar checks the prerequisites. If the student withdraws, the file is archived. Otherwise the registrar enrols the student.');
    expect(after(course, 'Archive file')).toEqual(['end:Student withdrawn']);
    const claim = read('The clerk checks the claim. If the customer withdraws, the clerk closes the file. Otherwise the clerk pays the claim.');
    expect(after(claim, 'Close file')).toEqual(['end:Customer withdrawn']);
    const hiring = read('HR schedules the interview. If the candidate withdraws, HR closes the vacancy. Otherwise the manager interviews the candidate.');
    expect(after(hiring, 'Close vacancy')).toEqual(['end:Candidate withdrawn']);
  });

  it('"no further action is required from the applicant" makes no step (public administration)', () => {
    const permit = read('The planning officer checks the plans. If the plans do not comply, the applicant amends them. Otherwise the office issues the permit and no further action is required from the applicant.');
    expect(tasks(permit)).not.toContain('Require further action');
    expect(after(permit, 'Issue permit')[0]).toMatch(/^end:/);
  });
});

describe('a loop goes back to the first step repeated', () => {
  it('"repeat steps 2-4" with a plain hyphen goes back to step 2 (software, manufacturing)', () => {
    const release = read('1. The tester builds the package.\n2. The tester deploys it to staging.\n3. The tester runs the test suite.\n4. The tester records the results.\n5. Repeat steps 2-4 until the test passes.\n6. The release manager approves the release.');
    expect(loopsBackTo(release)).toBe('Deploy package');
    const line = read('1. The operator mixes the batch.\n2. The operator fills the moulds.\n3. The inspector weighs a sample.\nRepeat steps 2-3 until the weight is right.\n4. The operator labels the pallets.');
    expect(loopsBackTo(line)).toBe('Fill moulds');
  });

  it('in a text that numbers nothing, "steps 2 and 3" are the steps as drawn (finance, science)', () => {
    const ledger = read('The clerk scans the invoice. The clerk enters the amounts. The clerk compares the totals. Repeat steps 2 and 3 until the totals agree. The clerk files the invoice.');
    expect(loopsBackTo(ledger)).toBe('Enter amounts');
    const model = read('The analyst collects the data. The analyst cleans the data. The analyst fits the model. Steps 2-3 are repeated until the error is small. The analyst writes the report.');
    expect(loopsBackTo(model)).toBe('Clean data');
    expect(model.nodes.filter((n) => n.kind === 'exclusive')).toHaveLength(1);
  });

  it('several steps of one sentence repeat from the first, or from the check the mending answers (publishing, software, logistics)', () => {
    const draft = read('The author writes a draft. The editor reviews the draft. The author revises the draft and sends it again until the editor accepts. The editor publishes the article.');
    expect(loopsBackTo(draft)).toBe('Review draft');
    const code = read('The developer opens a pull request. The reviewer checks the code. The developer fixes the code and pushes a new commit until the reviewer approves. The pipeline deploys the build.');
    expect(loopsBackTo(code)).toBe('Check code');
    const picking = read('The picker collects the items and scans them until the order is complete. The packer seals the box.');
    expect(loopsBackTo(picking)).toBe('Collect items');
  });

  it('mending what the condition found wanting goes back to the check (insurance, laboratory, manufacturing)', () => {
    const policy = read('The agent drafts the policy. The underwriter checks the policy. If the terms are unclear, the agent rewrites the terms. Otherwise the agent issues the policy.');
    expect(after(policy, 'Rewrite terms')).toEqual(['task:Check policy']);
    const lab = read('The lab tests the sample. If the label is wrong, the technician corrects the label. Otherwise the lab reports the result.');
    expect(after(lab, 'Correct label')).toEqual(['task:Test sample']);
    const weld = read('The inspector examines the weld. If the seam is porous, the welder repairs the seam. Otherwise the inspector signs the sheet.');
    expect(after(weld, 'Repair seam')).toEqual(['task:Examine weld']);
  });

  it('a lone step after a check still goes back to the check (manufacturing)', () => {
    const rig = read('The engineer tests the prototype. The engineer adjusts the settings until the output is stable. The engineer documents the settings.');
    expect(loopsBackTo(rig)).toBe('Test prototype');
  });
});

describe('"once more", "a second time", "one more time" say "again"', () => {
  it('the check done another time loops back to it, with no second copy (automotive, finance, health)', () => {
    const brakes = read('The mechanic inspects the brakes. If they fail, the mechanic replaces the pads and inspects the brakes once more. Then the mechanic hands the keys to the owner.');
    expect(tasks(brakes).filter((t) => t === 'Inspect brakes')).toHaveLength(1);
    expect(after(brakes, 'Replace pads')).toEqual(['task:Inspect brakes']);
    const expenses = read('The auditor checks the expense report. If receipts are missing, the employee adds them and the auditor checks the report a second time. Otherwise finance reimburses the employee.');
    expect(after(expenses, 'Add receipts')).toEqual(['task:Check expense report']);
    const pharmacy = read('The pharmacist verifies the prescription. If the dose looks wrong, the doctor corrects it and the pharmacist verifies it one more time. The pharmacist then dispenses the drug.');
    expect(tasks(pharmacy).filter((t) => t === 'Verify prescription')).toHaveLength(1);
    expect(after(pharmacy, 'Correct dose')).toEqual(['task:Verify prescription']);
  });
});

describe('"once the reviewer is satisfied" is a state, not a step', () => {
  it('a feeling after "be" makes no task (insurance, education, design)', () => {
    const policy = read('The agent drafts the policy. The underwriter checks the policy. If the terms are unclear, the agent rewrites them. Once the underwriter is satisfied, the agent issues the policy.');
    expect(tasks(policy)).not.toContain('Satisfy underwriter');
    expect(tasks(policy)).toContain('Issue policy');
    const thesis = read('The student uploads the thesis. The supervisor reads the thesis. If the supervisor asks for changes, the student revises the thesis and uploads it again. Once the supervisor is satisfied, the office schedules the defence.');
    expect(tasks(thesis)).toEqual(['Upload thesis', 'Read thesis', 'Revise thesis', 'Schedule defence']);
    const page = read('The designer presents the mock-up. If the client is not pleased with the mock-up, the designer reworks it. When the client is pleased, the developer builds the page.');
    expect(tasks(page)).not.toContain('Please client');
    expect(tasks(page)).toContain('Build page');
  });
});
