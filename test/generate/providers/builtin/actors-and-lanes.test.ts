// Who acts: asked parties, possessed roles, unit names, plural roles, names after an opening phrase, narrators.
import { describe, expect, it } from 'vitest';
import { laneOf, lanes, read, tasks } from './model-reading.ts';

describe('someone asked to do a step does that step only', () => {
  it('later agentless passives go back to whoever had the work', () => {
    const m = read('The applicant fills in the form. The manager is asked to approve the request. The form is then checked and archived.');
    expect(laneOf(m, 'Approve request')).toBe('Manager');
    expect(laneOf(m, 'Check form')).toBe('Applicant');
    expect(laneOf(m, 'Archive form')).toBe('Applicant');
  });

  it('holds for "invited to" and "requested to" in other domains', () => {
    const ward = read('The nurse records the symptoms. The doctor is invited to review the chart. The results are then filed.');
    expect([laneOf(ward, 'Review chart'), laneOf(ward, 'File results')]).toEqual(['Doctor', 'Nurse']);
    const build = read('The developer opens a pull request. A reviewer is requested to test the branch. The branch is then merged.');
    expect([laneOf(build, 'Test branch'), laneOf(build, 'Merge branch')]).toEqual(['Reviewer', 'Developer']);
  });

  it('a passive with its own agent still names who acts', () => {
    const m = read('The clerk opens the file. The auditor is asked to review it. The file is then signed by the director.');
    expect(laneOf(m, 'Sign file')).toBe('Director');
  });
});

describe('possessed roles', () => {
  it('the role is the lane, not its possessor', () => {
    const m = read("The customer's account manager prepares the quote. The employee's team lead approves it.");
    expect(lanes(m)).toEqual(['Account manager', 'Team lead']);
  });

  it('a one-word role that only says whose it is keeps its possessor', () => {
    expect(lanes(read("The department's head approves the budget."))).toEqual(['Department head']);
  });

  it("another organisation's worker acts for that organisation, and the narrator gets a lane of its own", () => {
    const m = read("The supplier's driver delivers the goods. We check the delivery and pay the invoice.");
    expect(laneOf(m, 'Deliver goods')).toBe('Supplier');
    expect(laneOf(m, 'Check delivery')).toBe('Company');
    expect(laneOf(m, 'Pay invoice')).toBe('Company');
  });

  it('a narrator among our own people acts in a lane of their own (see narrator-lanes.test.ts)', () => {
    const m = read('The clerk scans the invoice. We check the totals.');
    expect(lanes(m)).toEqual(['Clerk', 'Company']);
    expect(laneOf(m, 'Check totals')).toBe('Company');
  });
});

describe('units and roles the tagger misreads', () => {
  it('"accounts payable", "the IT team", "our legal team" and "the IT support team" are lanes', () => {
    const m = read('Accounts payable checks the invoice. The IT team sets up the laptop. Our legal team reviews the contract. The IT support team scans the documents.');
    expect(lanes(m)).toEqual(['Accounts payable', 'IT team', 'Legal team', 'IT support team']);
    expect(tasks(m)).toEqual(['Check invoice', 'Set up laptop', 'Review contract', 'Scan documents']);
  });

  it('a plural role opening a sentence acts, in the same lane as its singular', () => {
    const m = read('The clerk registers the letter. Clerks sort the mail. Auditors review the books.');
    expect(lanes(m)).toEqual(['Clerk', 'Auditors']);
    expect(laneOf(m, 'Sort mail')).toBe('Clerk');
  });

  it('a role named again with where it works is the same lane; another kind of role is not', () => {
    expect(lanes(read('The clerk registers the letter. The office clerk then files the letter.'))).toEqual(['Clerk']);
    expect(lanes(read('The nurse takes the blood sample. The ward nurse labels the tube.'))).toEqual(['Nurse']);
    expect(lanes(read('The manager approves the leave. The finance manager books the cost.'))).toEqual(['Manager', 'Finance manager']);
  });

  it('each coordinated clause keeps its own subject and step', () => {
    const m = read('HR sets up their account and IT hands them a laptop.');
    expect([laneOf(m, 'Set up account'), laneOf(m, 'Hand over laptop')]).toEqual(['HR', 'IT']);
  });

  it('a name after an opening phrase is the subject', () => {
    const m = read('On the first day, HR sets up the account. After the review Finance approves the budget.');
    expect([laneOf(m, 'Set up account'), laneOf(m, 'Approve budget')]).toEqual(['HR', 'Finance']);
  });

  it('an actor introduced after a comma clause gets a lane', () => {
    const m = read('The order is received, after which the warehouse picks the items.');
    expect(laneOf(m, 'Pick items')).toBe('Warehouse');
  });
});
