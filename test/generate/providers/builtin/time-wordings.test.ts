// Time said in more ways (genr35): "a week after delivery", "we give the supplier 10 days to", "once the payment
// clears", "if the bike is not collected within a month", "by 5 pm", "after two weeks without payment", "at month end".
import { describe, expect, it } from 'vitest';
import type { ProcessModel } from '../../../../src/generate/model.ts';
import { awaitedDoing, missedOpening } from '../../../../src/generate/providers/builtin/deadlines.ts';
import { allowedTime } from '../../../../src/generate/providers/builtin/time-allowance.ts';
import { findCycle, findDuration } from '../../../../src/generate/providers/builtin/time-expressions.ts';
import { readSentences } from '../../../../src/generate/providers/builtin/tokens.ts';
import { laneOf, next, node, read, tasks } from './model-reading.ts';

const tokens = (s: string) => readSentences(s)[0]!;
const said = (ts: { text: string }[] | null | undefined) => ts?.map((t) => t.text).join(' ') ?? null;
const boundary = (m: ProcessModel) => m.nodes.find((n) => n.kind === 'boundary');
const before = (m: ProcessModel, label: string) => m.flows.filter((f) => f.to === node(m, label).id).map((f) => m.nodes.find((n) => n.id === f.from)!);
const gateways = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'exclusive');

describe('time counted from something done', () => {
  it('reads "N units after X" as a wait with its reference', () => {
    expect(findDuration(tokens('A week after delivery, support calls the client.'))).toMatchObject({ kind: 'wait', label: '1 week after delivery', timer: { value: 'P1W' } });
    expect(findDuration(tokens('Three days after the surgery, the nurse calls.'))).toMatchObject({ label: '3 days after surgery', timer: { value: 'P3D' } });
    // ("within 3 days after receipt" stays a deadline.)
    expect(findDuration(tokens('must pay within 3 days after receipt'))?.kind).toBe('deadline');
  });

  it('puts the timer before the step, in the lane of who acts (it operations, health)', () => {
    const m = read('The technician installs the router. A week after delivery, support calls the client.');
    expect(before(m, 'Call client')[0]).toMatchObject({ kind: 'intermediate', eventType: 'timer', label: '1 week after delivery' });
    expect(laneOf(m, 'Call client')).toBe('Support');
    const h = read('The surgeon operates on the patient. Three days after the surgery, the nurse calls the patient.');
    expect(before(h, 'Call patient')[0]?.label).toBe('3 days after surgery');
  });
});

describe('time given to someone', () => {
  it('reads "gives / allows / grants X N days to do Y" as X must do Y within N days', () => {
    expect(said(allowedTime(tokens('We give the supplier 10 working days to fix it.')))).toBe('the supplier must fix it within 10 working days .');
    expect(said(allowedTime(tokens('The bank allows the client two weeks to sign it')))).toBe('the client must sign it within two weeks');
    expect(allowedTime(tokens('The clerk gives the form to the manager to sign.'))).toBeNull();
  });

  it('hangs the timer on the step given the time (manufacturing, finance)', () => {
    const m = read('The quality engineer reports the defect to the supplier. We give the supplier 10 working days to fix it. If the fix is not delivered in time, purchasing blocks the supplier.');
    expect(boundary(m)).toMatchObject({ label: '10 working days', attachedTo: node(m, 'Fix defect').id });
    expect(next(m, boundary(m)!.id).map((n) => n.label)).toEqual(['Block supplier']);
    expect(tasks(m).some((l) => /^Give/.test(l))).toBe(false);
    expect(gateways(m)).toEqual([]);
    const f = read('The bank sends the loan agreement. The bank allows the client two weeks to sign it; otherwise the offer lapses.');
    expect(boundary(f)).toMatchObject({ timer: { value: 'P2W' }, attachedTo: node(f, 'Sign loan agreement').id });
  });
});

describe('what another party is to do with a thing handed over', () => {
  it('waits for it as said', () => {
    expect(awaitedDoing(tokens('If the bike is not collected within a month'))).toBe('Wait for bike to be collected');
    expect(awaitedDoing(tokens('If the supplier is not paid within a month'))).toBeNull();
    expect(awaitedDoing(tokens('If the bike is collected'))).toBeNull();
  });

  it('is a timer on that wait, not a choice (retail, logistics)', () => {
    const m = read('The repair shop tells the owner that the bike is ready. If the bike is not collected within a month, the shop sells it. Otherwise the owner pays the bill.');
    expect(boundary(m)).toMatchObject({ timer: { value: 'P1M' }, attachedTo: node(m, 'Wait for bike to be collected').id });
    expect(gateways(m)).toEqual([]);
    expect(next(m, node(m, 'Wait for bike to be collected').id).map((n) => n.label)).toEqual(['Pay bill']);
    const l = read('The depot sends the pallets to the customer. If the pallets are not returned within 30 days, the depot charges a deposit.');
    expect(boundary(l)?.timer?.value).toBe('P30D');
  });
});

describe('a thing happening by itself after the steps', () => {
  it('is a catch event named for it (retail, real estate, operations)', () => {
    const m = read('The customer places the order online. Once the payment clears, the warehouse ships the parcel.');
    expect(before(m, 'Ship parcel')[0]).toMatchObject({ kind: 'intermediate', label: 'Payment cleared' });
    const s = read('The clerk counts the stock. When the stock runs low, the buyer orders more paper.');
    expect(before(s, 'Order more paper')[0]?.label).toBe('Stock low');
    // ("As soon as the mortgage goes through": more words after the verb say something else.)
    expect(read('The agent lists the house. As soon as the mortgage goes through, the notary registers the sale.').nodes.some((n) => n.label === 'Mortgage gone')).toBe(false);
  });
});

describe('deadlines at a time of day or a day of the month', () => {
  it('reads "by 5 pm", "by 17:00", "by the 15th"', () => {
    expect(findDuration(tokens('must send a technician by 5 pm'))).toMatchObject({ kind: 'deadline', label: '5 pm' });
    expect(findDuration(tokens('files the report by 17:00'))?.label).toBe('17:00');
    expect(findDuration(tokens('Bids must arrive by the 15th.'))?.label).toBe('15th');
  });

  it('a missed time of day has its path (public services)', () => {
    const m = read('The tenant reports the broken heating. The landlord must send a technician by 5 pm. If the technician does not come, the tenant calls the emergency service.');
    expect(boundary(m)).toMatchObject({ label: '5 pm', attachedTo: node(m, 'Send technician').id });
    expect(gateways(m)).toEqual([]);
  });
});

describe('"after N without X"', () => {
  it('is "if there is no X within N"', () => {
    expect(said(missedOpening(tokens('After two weeks without payment, a reminder is sent.'))?.[0])).toBe('if there is no payment within two weeks');
    expect(missedOpening(tokens('After two weeks the clerk calls.'))).toBeNull();
  });

  it('waits for X with a timer whose path is the rest (marketplace, hr)', () => {
    const m = read('The seller lists the item. After 7 days without a bid, the listing expires.');
    expect(boundary(m)).toMatchObject({ timer: { value: 'P7D' }, attachedTo: node(m, 'Wait for bid').id });
    expect(next(m, boundary(m)!.id)).toMatchObject([{ kind: 'end', label: 'Listing expired' }]);
    const h = read('The recruiter posts the vacancy. After a month without suitable applicants, the recruiter contacts an agency.');
    expect(next(h, boundary(h)!.id).map((n) => n.label)).toEqual(['Contact agency']);
  });
});

describe('schedules', () => {
  it('keep the time of day and read period ends', () => {
    expect(findCycle('Every Monday at 9 am the team lead reviews the tickets')).toEqual({ label: 'Every Monday at 9 am', timer: { kind: 'cycle', value: 'R/P1W' } });
    expect(findCycle('At month end, payroll calculates the salaries')).toEqual({ label: 'Month end', timer: { kind: 'cycle', value: 'R/P1M' } });
    expect(findCycle('At quarter-end the team reconciles')?.timer.value).toBe('R/P3M');
  });

  it('start the process, with who acts kept (finance, it operations)', () => {
    const m = read('At the end of the month, payroll calculates the salaries and the bank transfers them.');
    expect(m.nodes.find((n) => n.kind === 'start')).toMatchObject({ label: 'End of month', timer: { kind: 'cycle', value: 'R/P1M' } });
    expect(laneOf(m, 'Calculate salaries')).toBe('Payroll');
    const w = read('Every Monday at 9 am the team lead reviews the open tickets and assigns them to the developers.');
    expect(tasks(w)).toEqual(['Review open tickets', 'Assign open tickets']);
    expect(laneOf(w, 'Review open tickets')).toBe('Team lead');
  });
});

describe('how long a step lasts, and outcomes deemed', () => {
  it('"monitors the system for 24 hours" is the step, with no timer before it (it operations, libraries)', () => {
    expect(findDuration(tokens('The engineer monitors the system for 24 hours.'))).toBeNull();
    expect(findDuration(tokens('The team waits for 2 days.'))).toMatchObject({ kind: 'wait', label: '2 days' });
    const m = read('The team deploys the release. The on-call engineer monitors the system for 24 hours. Then the team closes the change.');
    expect(m.nodes.filter((n) => n.eventType === 'timer')).toEqual([]);
    expect(tasks(m)).toEqual(['Deploy release', 'Monitor system', 'Close change']);
  });

  it('"the application is deemed approved" on the timer path is its end (public administration)', () => {
    const m = read('The applicant submits the form. The office has 8 weeks to decide. If no decision is made in that time, the application is deemed approved.');
    expect(next(m, boundary(m)!.id)).toMatchObject([{ kind: 'end', label: 'Application approved' }]);
  });

  it('"the surgeon sees the patient" is a consultation, after its timer (health, hr)', () => {
    const m = read('The surgeon operates on the patient. A month later, the surgeon sees the patient for a check-up.');
    expect(before(m, 'See patient for check-up')[0]).toMatchObject({ eventType: 'timer', timer: { value: 'P1M' } });
    expect(tasks(read('The manager sees the employee. HR files the notes.'))).toContain('See employee');
  });
});

describe('"X is due within N"', () => {
  it('waits for X with that deadline, whose missing has its path (agency, housing)', () => {
    const m = read('The agency sends the invoice. Payment is due within 30 days. If the client has not paid by then, the agency sends a reminder.');
    expect(boundary(m)).toMatchObject({ timer: { value: 'P30D' }, attachedTo: node(m, 'Wait for payment').id, interrupting: false });
    expect(gateways(m)).toEqual([]);
    const h = read('The landlord sends the rent statement. The rent is due by the 5th of the month. If it is not paid in time, the landlord charges a late fee.');
    expect(next(h, boundary(h)!.id).map((n) => n.label)).toEqual(['Charge late fee']);
  });

  it('with nothing said about missing it, the time is written on the wait (health)', () => {
    expect(tasks(read('The clinic sends the bill to the patient. Payment is due within 14 days. The nurse files the copy.'))).toContain('Wait for payment within 14 days');
  });
});
