// Minutes and letters that record a process: the meeting's record and the letter's welcome, sign-off and warnings
// are no steps; "Agreed: …" is the step it labels; "Every matter starts with a check by the paralegal" is that check.
import { describe, expect, it } from 'vitest';
import { branches, laneOf, lanes, read, tasks } from './model-reading.ts';

describe('meeting minutes', () => {
  it('drops roll call, action items and the next meeting, and keeps what was agreed (health)', () => {
    const m = read('Minutes of the ward meeting\nPresent: head nurse, two staff nurses\n- Agreed: the ward nurse checks the wristband of every new patient.\n- The doctor examines the patient.\nAction: head nurse to update the checklist by Monday.\nNext meeting: 3 May.');
    expect(tasks(m)).toEqual(['Check wristband of new patient', 'Examine patient']);
    expect(lanes(m)).toEqual(['Ward nurse', 'Doctor']);
    expect(m.name).not.toMatch(/minutes/i);
  });

  it('reads a condition after a "Decided:" line and makes no step of "Actions:" (IT operations)', () => {
    const m = read('Minutes, IT ops sync\nAttendees: Ana, Ben\nDecided: the on-call engineer triages each alert.\nIf the alert is critical, the engineer pages the team lead.\nActions: Ben to fix the dashboard.');
    expect(tasks(m)).toEqual(['Triage alert', 'Page team lead']);
    expect(branches(m)).toContain('alert critical');
    expect(lanes(m)).not.toContain('Ben');
  });

  it('names the diagram for the agenda item, and reads "every X starts with a N by P" as P doing N (legal, insurance, finance)', () => {
    const m = read('Team meeting - minutes\nItem 1: New client intake\n- Agreed: every new matter starts with a conflict check by the paralegal.\n- The partner signs the engagement letter.');
    expect(m.name).toBe('New client intake');
    expect(tasks(m)).toEqual(['Check conflict', 'Sign engagement letter']);
    expect(laneOf(m, 'Check conflict')).toBe('Paralegal');
    const c = read('Each claim starts with a review by the adjuster. The payment team pays the claim.');
    expect(tasks(c)).toEqual(['Review claim', 'Pay claim']);
    expect(laneOf(c, 'Review claim')).toBe('Adjuster');
    const f = read('Every order begins with a credit check by the finance team. The warehouse ships the order.');
    expect(tasks(f)).toEqual(['Check credit', 'Ship order']);
  });
});

describe('a letter to a new colleague', () => {
  it('makes no step of the welcome, the announcement, a prohibition or the sign-off (retail, logistics, finance)', () => {
    const r = read('Hi Joe, welcome to the team! Quick overview of how refunds work here. The agent checks the receipt. The cashier refunds the amount. Never refund without a receipt. Talk soon, Mia');
    expect(tasks(r)).toEqual(['Check receipt', 'Refund amount']);
    const l = read('Hello Priya, great to have you with us. Here is a short summary of our shipping flow. The picker picks the items. Don\'t ship before the payment clears. The packer packs the box. All the best, Sam');
    expect(tasks(l)).toEqual(['Pick items', 'Pack box']);
    const f = read('The clerk checks the invoice. Never pay an invoice before it is approved. The treasurer pays the invoice. Best, Dana');
    expect(tasks(f)).toEqual(['Check invoice', 'Pay invoice']);
    expect(laneOf(f, 'Pay invoice')).toBe('Treasurer');
  });

  it('keeps a step whose condition says "does not" (HR)', () => {
    const m = read('The manager approves the leave. If the employee does not take the leave, HR cancels the booking.');
    expect(tasks(m)).toEqual(['Approve leave', 'Cancel booking']);
  });

  it('makes no step of "two teams are involved", in its own sentence or after "but" (telecom, legal)', () => {
    const m = read('The sales agent collects the data, but two back-office teams are involved. The agent submits the request. Finance checks the credit.');
    expect(tasks(m)).toEqual(['Collect data', 'Submit request', 'Check credit']);
    const l = read('Three departments are involved. The clerk files the claim.');
    expect(tasks(l)).toEqual(['File claim']);
  });
});
