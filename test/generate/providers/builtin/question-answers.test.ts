// A text of questions and answers: the answers hold the steps; "Who approves? The director." is the director's step.
import { describe, expect, it } from 'vitest';
import { branches, laneOf, read, tasks } from './model-reading.ts';

describe('questions and answers', () => {
  it('gives a step to the party that answers "who" (insurance)', () => {
    const m = read('Who files the claim? The policyholder. Who assesses it? The adjuster, who checks the damage photos and sets the amount. And then? The payment team pays the claim.');
    expect(tasks(m)).toEqual(['File claim', 'Check damage photos', 'Set amount', 'Pay claim']);
    expect(laneOf(m, 'File claim')).toBe('Policyholder');
    expect(laneOf(m, 'Check damage photos')).toBe('Adjuster');
  });

  it('makes no step of the questions themselves (HR)', () => {
    const m = read('Who signs the timesheet? The line manager. What happens next? Payroll pays the hours. Who archives it? The HR assistant.');
    expect(tasks(m)).toEqual(['Sign timesheet', 'Pay hours', 'Archive timesheet']);
    expect(laneOf(m, 'Archive timesheet')).toBe('HR assistant');
  });

  it('reads "Q:" and "A:" lines, a trigger asked with "what happens when" and a case asked with "and when" (IT operations)', () => {
    const m = read('Q: What happens when a server alert fires?\nA: The on-call engineer acknowledges the alert.\nQ: Who fixes it?\nA: The engineer restarts the service.\nQ: And when it keeps failing?\nA: The engineer escalates the incident to the platform team.');
    expect(m.nodes.find((n) => n.kind === 'start')?.label).toBe('Server alert fired');
    expect(tasks(m)).toEqual(['Acknowledge alert', 'Restart service', 'Escalate incident']);
    expect(branches(m)).toContain('alert keeps failing');
  });

  it('turns the approver named in an answer into the approval step and keeps the answer\'s condition (non-profit grants, health)', () => {
    const m = read('Who writes the concept note? The program officer. Who approves the concept? The director. If she says no, we stop there. What happens next? The program officer writes the proposal.');
    expect(tasks(m)).toEqual(['Write concept note', 'Approve concept', 'Write proposal']);
    expect(laneOf(m, 'Approve concept')).toBe('Director');
    const h = read('Who examines the patient? The triage nurse. Who decides on admission? The doctor, who reviews the results and admits the patient.');
    expect(tasks(h)).toEqual(['Examine patient', 'Review results', 'Admit patient']);
    expect(laneOf(h, 'Review results')).toBe('Doctor');
  });
});
