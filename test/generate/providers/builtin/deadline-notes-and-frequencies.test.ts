// Deadlines written inside a step's sentence or as notes ("no ack after 15 min → escalate", "Not collected within 3
// days: …", "If not picked up by 6 pm, …") are timer paths, not gateways; "once a month" is a schedule.
import { describe, expect, it } from 'vitest';
import { branches, downstream, read, tasks } from './model-reading.ts';

const boundary = (m: ReturnType<typeof read>) => m.nodes.find((n) => n.kind === 'boundary' && n.eventType === 'timer');

describe('missed deadlines written as notes', () => {
  it('reads "no acknowledgement after 15 min → escalate" as a 15-minute timer on the wait (IT operations)', () => {
    const m = read('Monitoring pages the engineer. no acknowledgement after 15 min → escalate to the team lead.');
    const timer = boundary(m)!;
    expect(timer.label).toBe('15 minutes');
    expect(timer.timer).toEqual({ kind: 'duration', value: 'PT15M' });
    expect(m.nodes.find((n) => n.id === timer.attachedTo)?.taskType).toBe('receive');
    expect(downstream(m, timer)).toContain('Escalate to team lead');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });

  it('reads "2 hrs" as 2 hours (health)', () => {
    const m = read('The lab sends the sample to the analyst. If the analyst does not confirm receipt within 2 hrs, the lab calls the analyst.');
    expect(boundary(m)?.label).toBe('2 hours');
    expect(boundary(m)?.timer?.value).toBe('PT2H');
  });

  it('reads a missed deadline before a colon as the timer path (IT operations, logistics)', () => {
    const it1 = read('Monitoring pages the engineer. No acknowledgement within 15 min: escalate to the team lead.');
    expect(boundary(it1)?.label).toBe('15 minutes');
    expect(tasks(it1)).not.toContain('Escalate to team lead within 15 minutes');
    const parcel = read('The courier drops the parcel at the locker. Not collected within 3 days: return it to the depot.');
    expect(boundary(parcel)?.label).toBe('3 days');
    expect(downstream(parcel, boundary(parcel)!)).toContain('Return parcel');
  });

  it('reads "If not picked up by 6 pm" with its subject left out as a deadline at a clock time (logistics)', () => {
    const m = read('The courier drops the parcel at the pickup point. If not picked up by 6 pm, the parcel is returned to the depot.');
    expect(boundary(m)?.label).toBe('6 pm');
    expect(downstream(m, boundary(m)!)).toContain('Return parcel');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });

  it('leaves conditions that are no deadline as gateways (finance, public administration)', () => {
    const amount = read('The clerk checks the invoice. If the amount is over 500 euros, the manager approves it.');
    expect(boundary(amount)).toBeUndefined();
    expect(branches(amount).length).toBe(2);
    const colon = read('The agent sends the offer. No reply: the agent calls the customer.');
    expect(boundary(colon)).toBeUndefined();
    const bare = read('The officer checks the application. If not, the officer rejects it.');
    expect(boundary(bare)).toBeUndefined();
    expect(tasks(bare)).toContain('Reject application');
  });
});

describe('"once a month" as a schedule', () => {
  it('starts a process told as "Once a month, …" on a monthly timer (finance)', () => {
    const m = read('Once a month, the supervisor reconciles the cash book. The supervisor signs the report.');
    const start = m.nodes.find((n) => n.kind === 'start')!;
    expect(start.eventType).toBe('timer');
    expect(start.label).toBe('Monthly');
    expect(start.timer).toEqual({ kind: 'cycle', value: 'R/P1M' });
  });

  it('puts a weekly step told mid-text behind its own timer, not as a plain next step (health)', () => {
    const m = read('The ward nurse admits the patient and records the vital signs. Once a week, the ward manager audits the medication charts. The doctor discharges the patient.');
    const timer = m.nodes.find((n) => n.kind === 'intermediate' && n.eventType === 'timer')!;
    expect(timer.label).toBe('Weekly');
    expect(timer.timer).toEqual({ kind: 'cycle', value: 'R/P1W' });
  });

  it('reads "every two weeks" as a two-week cycle (public administration)', () => {
    const m = read('Every two weeks, the registry clerk archives the closed files. The clerk updates the register.');
    const start = m.nodes.find((n) => n.kind === 'start')!;
    expect(start.timer).toEqual({ kind: 'cycle', value: 'R/P2W' });
  });

  it('keeps "once" opening a clause a trigger (logistics)', () => {
    const m = read('Once the truck arrives, the warehouse worker unloads the pallets.');
    expect(m.nodes.find((n) => n.kind === 'start')?.eventType).not.toBe('timer');
    expect(tasks(m)).toContain('Unload pallets');
  });
});
