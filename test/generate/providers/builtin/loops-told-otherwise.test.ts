// Rework told in other words loops back to the step repeated; an exchange is a loop or a negotiation, never "Go back".
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { negotiationsSaid } from '../../../../src/generate/providers/builtin/back-and-forth.ts';
import { downstream, next, node, read, tasks } from './model-reading.ts';

const after = (m: ProcessModel, label: string) => next(m, node(m, label).id).map((n) => n.label || n.kind);
/** Where the way labelled `cond` leaving the first split goes. */
function wayTo(m: ProcessModel, cond: string): string | undefined {
  const f = m.flows.find((x) => x.label === cond);
  return f && m.nodes.find((n) => n.id === f.to)?.label;
}

describe('numbered steps run on in one line', () => {
  it('reads every item of "1. … 2. … 3. …" (finance)', () => {
    const m = read('1. The clerk enters the invoice. 2. The manager checks the invoice. 3. The accountant books the invoice. 4. The treasurer pays the invoice.');
    expect(tasks(m)).toEqual(['Enter invoice', 'Check invoice', 'Book invoice', 'Pay invoice']);
  });

  it('loops "repeat steps 2–3" back to item 2 (finance, numbered on one line)', () => {
    const m = read('1. The clerk enters the invoice. 2. The manager checks the invoice. 3. The accountant books the invoice. If the amount does not match, repeat steps 2–3. Finally the treasurer pays the invoice.');
    expect(wayTo(m, 'amount does not match')).toBe('Check invoice');
  });

  it('counts the steps drawn for "redo step 2" in a text that numbers nothing (manufacturing)', () => {
    const m = read('The operator mixes the batch. The lab measures the viscosity. The operator fills the drums. If the viscosity is out of range, redo step 2. The driver ships the drums.');
    expect(m.flows.some((f) => f.to === node(m, 'Measure viscosity').id && f.from !== node(m, 'Mix batch').id)).toBe(true);
    expect(tasks(m)).not.toContain('Redo step');
  });
});

describe('rework said in other words goes back', () => {
  it('loops "the cycle repeats" back to the review (software)', () => {
    const m = read('The developer opens a pull request. The reviewer reviews the code. If the reviewer requests changes, the developer updates the code and the cycle repeats. The reviewer merges the pull request.');
    expect(after(m, 'Update code')).toEqual(['Review code']);
  });

  it('loops "there is another round of review" back to the review (design)', () => {
    const m = read('The designer creates the mock-up. The client reviews the mock-up. If the client is not happy, there is another round of review. The developer builds the website.');
    expect(wayTo(m, 'client not happy')).toBe('Review mock-up');
  });

  it('loops a party who "starts over" back to their first step (manufacturing, lab)', () => {
    const m = read('The technician calibrates the machine. The quality engineer re-checks the settings. If the settings are wrong, the technician starts over. The operator starts production.');
    expect(wayTo(m, 'settings wrong')).toBe('Calibrate machine');
    expect(tasks(m)).not.toContain('Start over');
  });

  it('loops "returns it for correction" to the party who handed it in, never into the main path (permits)', () => {
    const m = read('The applicant submits the building permit application. The clerk checks the application for completeness. If documents are missing, the clerk returns it for correction. The planner assesses the application and issues the permit.');
    const ret = m.nodes.find((n) => n.label.startsWith('Return'))!;
    expect(next(m, ret.id).map((n) => n.label)).toEqual(['Correct building permit application']);
    expect(next(m, next(m, ret.id)[0]!.id).map((n) => n.label)).toEqual(['Submit building permit application']);
  });
});

describe('going back and forth', () => {
  it('says "go back and forth on X" as a negotiation', () => {
    expect(negotiationsSaid('The buyer and the seller go back and forth on the price.')).toBe('The buyer and the seller negotiate the price.');
    expect(negotiationsSaid('The client went back and forth over the terms.')).toBe('The client negotiated the terms.');
    expect(negotiationsSaid('The parcel goes back to the depot.')).toBe('The parcel goes back to the depot.');
  });

  it('draws one negotiation step, never "Go back" (real estate, facilities)', () => {
    const m = read('The buyer sends a purchase offer. The seller and the buyer go back and forth on the price. The lawyer drafts the sales contract.');
    expect(tasks(m)).toContain('Negotiate price');
    expect(tasks(m)).not.toContain('Go back');
    const rent = read('The tenant requests a repair. The landlord and the tenant go back and forth about the date. The plumber fixes the leak.');
    expect(tasks(rent)).toEqual(['Request repair', 'Negotiate date', 'Fix leak']);
  });

  it('loops "this goes back and forth" back to the sender (education)', () => {
    const m = read('The timetabler builds a first version and sends it to the leadership team. They check it for clashes and send comments back; this usually goes back and forth two or three times. The timetabler publishes the timetable.');
    expect(tasks(m)).not.toContain('Go back');
    const comments = node(m, 'Send back comments');
    expect(downstream(m, comments)).toContain('Send first version');
    expect(downstream(m, comments)).toContain('Publish timetable');
  });
});

describe('doing again, said with a short re- verb', () => {
  it('loops "recuts it" back to the cut, and "until it passes" too (machining)', () => {
    const m = read('The machinist cuts the part. The inspector measures the part. If the part is out of tolerance, the machinist recuts it until it passes. The part is shipped.');
    expect(wayTo(m, 'part out of tolerance')).toBe('Cut part');
    expect(m.nodes.filter((n) => n.kind === 'end')).toHaveLength(1);
  });
});

describe('sent back to the party served, the way ends', () => {
  it('ends "the parcel is sent back to the sender" by name, with no delivery after it (logistics)', () => {
    const m = read('The carrier picks up the parcel. If the address is wrong, the parcel is sent back to the sender. The carrier delivers the parcel.');
    expect(after(m, 'Send back parcel')).toEqual(['Parcel sent back']);
    expect(downstream(m, node(m, 'Send back parcel'))).not.toContain('Deliver parcel');
  });

  it('ends "returns the goods to the customer" (retail), yet "returns it for correction" loops (permits above)', () => {
    const m = read('The store receives the returned jacket. The clerk inspects the jacket. If the jacket is damaged, the clerk returns the jacket to the customer. The clerk refunds the price.');
    expect(after(m, 'Return jacket')).toEqual(['Jacket returned']);
    expect(downstream(m, node(m, 'Return jacket'))).not.toContain('Refund price');
  });
});

describe('checked again after the rework', () => {
  it('loops "once fixed, the part is inspected again" back to the check, with no second inspection (manufacturing)', () => {
    const m = read('The operator assembles the part. The inspector checks the part for defects. If defects are found, the operator reworks the part; once fixed, the part is inspected again. The packer packs the part.');
    expect(after(m, 'Rework part')).toEqual(['Check part for defects']);
    expect(tasks(m)).not.toContain('Inspect part');
  });

  it('reads "double-checks" and "cross-checks" as steps (health, finance)', () => {
    expect(tasks(read('The nurse prepares the medication. The pharmacist double-checks the dose. The nurse gives the medication to the patient.'))).toContain('Double-check dose');
    expect(tasks(read('The auditor cross-checks the ledger. The manager co-signs the report. The clerk files it.'))).toEqual(['Cross-check ledger', 'Co-sign report', 'File report']);
  });
});

describe('an exchange until both agree', () => {
  it('makes one loop for "the author and the editor go back and forth until they agree", leaving on the agreement (publishing)', () => {
    const m = read('The editor edits the chapter. The author reviews the edits. The author and the editor go back and forth until they agree on the text. The typesetter typesets the chapter.');
    expect(m.nodes.filter((n) => n.kind === 'exclusive')).toHaveLength(1);
    expect(tasks(m)).toEqual(['Edit chapter', 'Review edits', 'Typeset chapter']);
    expect(downstream(m, node(m, 'Review edits'))).toContain('Edit chapter');
  });
});

describe('rework told in the sentence after a send-back', () => {
  it('puts "fixes the errors and sends it back" on the sent-back path, back to the check (publishing)', () => {
    const m = read('The copy editor checks the article. If there are errors, the copy editor returns it to the writer for correction. The writer fixes the errors and sends it back. The editor publishes the article.');
    expect(after(m, 'Return article')).toEqual(['Fix errors']);
    expect(after(m, 'Send back article')).toEqual(['Check article']);
    expect(downstream(m, node(m, 'Publish article'))).not.toContain('Fix errors');
  });
});

describe('"…; repeat until <party> is satisfied": back to that party\'s step', () => {
  it.each([
    ['The student submits the draft. The supervisor reviews the draft. The student revises the draft; repeat until the supervisor is satisfied. The student registers for the defence.', 'Review draft', 'Register for defence'],
    ['The agency designs the logo. The client comments on the logo. The agency adjusts the logo; repeat until the client is happy. The agency delivers the files.', 'Comment on logo', 'Deliver files'],
    ['The engineer drafts the change plan. The architect checks the plan. The engineer updates the plan, repeat until the architect agrees. The engineer schedules the change.', 'Check plan', 'Schedule change'],
  ])('%s', (text, judged, after) => {
    const m = read(text);
    const last = m.nodes.filter((n) => n.kind === 'task').at(-2)!;
    const [choice] = next(m, last.id);
    expect(choice?.kind).toBe('exclusive');
    expect(next(m, choice!.id).map((n) => n.label)).toEqual(expect.arrayContaining([judged, after]));
  });
});
