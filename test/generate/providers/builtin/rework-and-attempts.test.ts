// Rejections that end, rework that loops back to the check, and loops that count their attempts (issue 13, classes 1, 6, 7).
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { attemptPhrase, countConditions } from '../../../../src/generate/providers/builtin/attempt-limits.ts';
import { readSentences } from '../../../../src/generate/providers/builtin/tokens.ts';
import { downstream, next, node, read, tasks } from './model-reading.ts';

const after = (m: ProcessModel, label: string) => next(m, node(m, label).id).map((n) => n.label || n.kind);
/** The gateway right after a step and the labels of its ways. */
function waysAfter(m: ProcessModel, label: string): string[] {
  const [g] = next(m, node(m, label).id);
  return m.flows.filter((f) => f.from === g!.id).map((f) => f.label ?? '');
}

describe('a rejection ends its branch; the main path goes on only on the other way', () => {
  it('ends "security turns them away" by name (visitor desk)', () => {
    const m = read("The guard checks the visitor's ID. If the visitor has no valid ID, security turns them away. Otherwise the guard prints a badge and the host escorts the visitor to the meeting room.");
    const away = m.nodes.find((n) => n.kind === 'task' && n.label.startsWith('Turn away'))!;
    expect(next(m, away.id)).toMatchObject([{ kind: 'end', label: 'Turned away' }]);
    expect(downstream(m, away)).not.toContain('Print badge');
  });

  it('ends "sends the patient away" (pharmacy)', () => {
    const m = read('The pharmacist checks the prescription. If the prescription is not signed, the pharmacist sends the patient away. Otherwise the pharmacist dispenses the medicine.');
    expect(after(m, 'Send away patient')).toEqual(['Patient sent away']);
    expect(downstream(m, node(m, 'Send away patient'))).not.toContain('Dispense medicine');
  });

  it('reads "Applications without a site plan are rejected" as a condition whose branch ends (planning office)', () => {
    const m = read('The registry receives the permit application. Applications without a site plan are rejected. The planner inspects the site and issues the permit.');
    expect(waysAfter(m, 'Receive permit application')).toEqual(['applications have no site plan', 'otherwise']);
    expect(after(m, 'Reject applications')).toEqual(['Applications rejected']);
    expect(downstream(m, node(m, 'Reject applications'))).not.toContain('Inspect site');
  });
});

describe('rework goes back to the check', () => {
  it('loops "corrects it and sends a new proof" back to the review, with no second copy (publishing)', () => {
    const m = read('The author submits the manuscript. The editor reviews the proof. If there are errors, the author corrects it and sends a new proof. The printer prints the book.');
    expect(after(m, 'Send new proof')).toEqual(['Review proof']);
    expect(tasks(m).filter((t) => t === 'Review proof')).toHaveLength(1);
    expect(downstream(m, node(m, 'Correct proof'))).toContain('Print book');
  });

  it('loops "submits a revised version" back to the marking (education)', () => {
    const m = read('The tutor marks the essay. If the essay needs work, the student rewrites it and submits a revised version. The tutor records the grade.');
    expect(after(m, 'Submit revised version')).toEqual(['Mark essay']);
  });

  it('loops mending what a check examined back to it, though the text says no "again" (design, manufacturing)', () => {
    const design = read('The client sends a brief. The designer creates a draft. The client reviews the draft. If changes are needed, the designer revises the draft. The client approves the draft.');
    expect(after(design, 'Revise draft')).toEqual(['Review draft']);
    const weld = read('The supervisor inspects the weld. If defects are found, the welder repairs the weld. The supervisor signs off the job.');
    expect(after(weld, 'Repair weld')).toEqual(['Inspect weld']);
  });

  it('loops a fix after a failed test back to the test, though the failure alone would end the branch (software delivery)', () => {
    const m = read('The QA team tests the build. If tests fail, the developer fixes the bug. The release manager deploys the build.');
    expect(after(m, 'Fix bug')).toEqual(['Test build']);
    expect(m.nodes.filter((n) => n.kind === 'end')).toHaveLength(1);
  });

  it('leaves mending after a step that examined nothing, or of another thing, on the main path (IT ops, HR)', () => {
    const ops = read('The engineer deploys the release. If the dashboard shows errors, the engineer fixes the configuration. The engineer closes the change.');
    expect(after(ops, 'Fix configuration')).toEqual(['exclusive']);
    const hr = read('The manager reviews the contract. If the salary changed, the clerk updates the payroll. The clerk files the contract.');
    expect(downstream(hr, node(hr, 'Update payroll'))).not.toContain('Review contract');
  });
});

describe('attempt limits count the loop', () => {
  it('reads the phrases of a limit and of its exhaustion', () => {
    const phrase = (s: string) => {
      const p = attemptPhrase(readSentences(s)[0]!);
      return p && { kind: p.kind, count: p.count, unit: p.unit, words: [...p.words].map((t) => t.lower).join(' ') };
    };
    expect(phrase('The customer tries again, up to three attempts.')).toEqual({ kind: 'limit', count: 3, unit: 'attempts', words: 'up to three attempts' });
    expect(phrase('The scheduler retries twice, then escalates.')).toEqual({ kind: 'limit', count: 2, unit: 'retries', words: 'twice' });
    expect(phrase('After the third failed attempt the account is locked.')).toMatchObject({ kind: 'exhausted', count: 3, words: 'after the third failed attempt' });
    expect(phrase('If all attempts fail, the parcel is returned.')).toMatchObject({ kind: 'exhausted', count: null });
    expect(phrase('The courier makes up to three delivery attempts.')).toMatchObject({ kind: 'limit', count: 3, words: 'makes up to three delivery attempts' });
    expect(phrase('The clerk tries to call the customer.')).toBeNull();
    expect(countConditions({ count: 1, unit: 'retries' })).toEqual({ left: 'fewer than 1 retry', used: '1 retry failed' });
  });

  it('loops a wrong PIN back through a count, and locks the account on the way out (banking)', () => {
    const m = read('The customer enters the PIN. If the PIN is wrong, the customer tries again, up to three attempts. After the third failed attempt the account is locked. The customer withdraws the cash.');
    const [wrong] = next(m, node(m, 'Enter PIN').id);
    const [count] = m.flows.filter((f) => f.from === wrong!.id && f.label === 'PIN wrong').map((f) => m.nodes.find((n) => n.id === f.to)!);
    expect(count!.kind).toBe('exclusive');
    expect(m.flows.filter((f) => f.from === count!.id).map((f) => [f.label, m.nodes.find((n) => n.id === f.to)!.label])).toEqual([
      ['fewer than 3 attempts', 'Enter PIN'],
      ['3 attempts failed', 'Lock account'],
    ]);
    expect(after(m, 'Lock account')).toEqual(['Account locked']);
    expect(downstream(m, node(m, 'Lock account'))).not.toContain('Withdraw cash');
  });

  it('ends a count with nothing said after it by name (HR portal)', () => {
    const m = read('The applicant uploads the certificate. If the upload is rejected, the applicant tries again, up to five attempts. The recruiter reviews the file.');
    const out = m.flows.find((f) => f.label === '5 attempts failed')!;
    expect(m.nodes.find((n) => n.id === out.to)).toMatchObject({ kind: 'end', label: 'Upload rejected' });
    const plain = read('The citizen enters the code. If the code is wrong, the citizen tries again, up to three attempts. The portal shows the form.');
    const used = plain.flows.find((f) => f.label === '3 attempts failed')!;
    expect(plain.nodes.find((n) => n.id === used.to)).toMatchObject({ kind: 'end', label: 'Attempts used up' });
  });

  it('counts the loop a later sentence limits ("tries again. After three failed attempts …") (IT)', () => {
    const m = read('The user enters the password. If the password is wrong, the user tries again. After three failed attempts, the account is locked. The system opens the dashboard.');
    expect(m.flows.some((f) => f.label === '3 attempts failed' && m.nodes.find((n) => n.id === f.to)!.label === 'Lock account')).toBe(true);
    expect(downstream(m, node(m, 'Lock account'))).not.toContain('Open dashboard');
  });

  it('puts "retries twice, then escalates" on the way out of the count, named for the failure (IT ops, payments)', () => {
    const m = read('The job scheduler runs the backup. If the backup fails, the scheduler retries twice, then escalates to the on-call engineer. The scheduler archives the log.');
    expect(m.flows.filter((f) => f.label?.includes('retr')).map((f) => f.label)).toEqual(['fewer than 2 retries', '2 retries failed']);
    expect(after(m, 'Escalate to on-call engineer')).toEqual(['Backup failed']);
    const pay = read('The payment service charges the card. If the charge fails, the service retries up to three times, then cancels the order. The warehouse ships the order.');
    expect(after(pay, 'Cancel order')).toEqual(['Order canceled']);
    expect(downstream(pay, node(pay, 'Cancel order'))).not.toContain('Ship order');
  });

  it('counts "retries the payment up to three times", and a later "if all attempts fail" takes the way out (retail)', () => {
    const m = read('The shop charges the card. If the payment is declined, the system retries the payment up to three times. If all attempts fail, the order is cancelled. The warehouse packs the order.');
    expect(m.flows.filter((f) => f.label?.includes('retries')).map((f) => [f.label, m.nodes.find((n) => n.id === f.to)!.label])).toEqual([
      ['fewer than 3 retries', 'Charge card'],
      ['3 retries failed', 'Cancel order'],
    ]);
    expect(tasks(m)).not.toContain('Retry payment');
    expect(downstream(m, node(m, 'Cancel order'))).not.toContain('Pack order');
  });

  it('draws the loop a limit on a step implies ("makes up to three delivery attempts. If all attempts fail, …") (logistics)', () => {
    const m = read('The courier delivers the parcel. The courier makes up to three delivery attempts. If all attempts fail, the courier returns the parcel to the depot.');
    expect(tasks(m)).not.toContain('Make up to three delivery attempts');
    expect(waysAfter(m, 'Deliver parcel')).toEqual(['attempt failed', 'otherwise']);
    expect(m.flows.filter((f) => f.label?.includes('attempts')).map((f) => f.label)).toEqual(['fewer than 3 attempts', '3 attempts failed']);
  });
});
