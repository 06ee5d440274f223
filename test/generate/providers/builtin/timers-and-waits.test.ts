// Deadlines, waits and reminders (issue 13, time rules and class 5): boundary timers on the right step with their
// own path, catch events named for what arrives, and counted reminders that loop back to the wait.
import { describe, expect, it } from 'vitest';
import type { ModelNode, ProcessModel } from '../../../../src/generate/model.ts';
import { awaitedLabel, expiryName, lapseAfterOr, lapseName, reminderCount } from '../../../../src/generate/providers/builtin/deadlines.ts';
import { allowedTime } from '../../../../src/generate/providers/builtin/time-allowance.ts';
import { findDuration, spanEnd } from '../../../../src/generate/providers/builtin/time-expressions.ts';
import { readSentences } from '../../../../src/generate/providers/builtin/tokens.ts';
import { untilEvent } from '../../../../src/generate/providers/builtin/waits.ts';
import { downstream, laneOf, next, node, read, tasks } from './model-reading.ts';

const tokens = (s: string) => readSentences(s)[0]!;
const said = (ts: { text: string }[] | null) => ts?.map((t) => t.text).join(' ') ?? null;
const boundaries = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'boundary');
const after = (m: ProcessModel, n: ModelNode) => next(m, n.id).map((x) => x.label);
const events = (m: ProcessModel) => m.nodes.filter((n) => n.kind === 'intermediate').map((n) => n.label);

describe('time words', () => {
  it('reads "has N days to" as a deadline on the step', () => {
    expect(said(allowedTime(tokens('The customer has 14 days to reply.')))).toBe('The customer must reply within 14 days .');
    expect(said(allowedTime(tokens('Suppliers are given 10 days to submit a quote')))).toBe('Suppliers must submit a quote within 10 days');
    expect(said(allowedTime(tokens('The tenant has up to 7 days to pay the deposit')))).toBe('The tenant must pay the deposit within 7 days');
    expect(allowedTime(tokens('The clerk has to check the form.'))).toBeNull();
    expect(allowedTime(tokens('The warehouse has two forklifts to move pallets.'))).toBeNull();
  });

  it('reads "by the end of the week", "by Friday" as deadlines with no fixed value', () => {
    expect(findDuration(tokens('reviews the timesheets by the end of the week'))).toMatchObject({ kind: 'deadline', label: 'End of week', timer: undefined });
    expect(findDuration(tokens('must submit the report by Friday'))?.label).toBe('Friday');
    expect(findDuration(tokens('the parcel is sent by courier'))).toBeNull();
  });

  it('labels a duration with its figure', () => {
    expect(findDuration(tokens('a reminder is sent after one week'))).toMatchObject({ kind: 'wait', label: '1 week', timer: { value: 'P1W' } });
  });

  it('names what a lapsing deadline ends in, and counts reminders', () => {
    expect(lapseName(tokens('otherwise the offer lapses'))).toBe('Offer lapsed');
    expect(lapseName(tokens('otherwise the booking expires'))).toBe('Booking expired');
    expect(lapseName(tokens('otherwise the clerk closes the file'))).toBeNull();
    expect(reminderCount(tokens('After two reminders, the case is closed.'))?.count).toBe(2);
    expect(reminderCount(tokens('after the third reminder the order is cancelled'))?.count).toBe(3);
    expect(reminderCount(tokens('After the reminder the clerk calls'))).toBeNull();
  });

  it('names the wait of "if they do not answer" by the answer', () => {
    expect(awaitedLabel(tokens('they do not respond'))).toBe('Wait for response');
    expect(awaitedLabel(tokens('the report is not received'))).toBe('Wait for report');
  });

  it('names the event that ends a "wait until"', () => {
    expect(untilEvent(tokens('until the payment arrives'))).toEqual({ label: 'Payment arrived', eventType: 'message' });
    expect(untilEvent(tokens('until the goods arrive'))?.label).toBe('Goods arrived');
    expect(untilEvent(tokens('until the report is received'))?.label).toBe('Report received');
    expect(untilEvent(tokens('until the student has signed the agreement'))?.label).toBe('Agreement signed');
    // A state reached is a conditional event.
    expect(untilEvent(tokens('until the runway becomes free'))).toEqual({ label: 'Runway free', eventType: 'conditional' });
  });
});

describe('no reply within a time: a boundary timer on the wait', () => {
  it('a reminder leaves the wait running, and the reply carries on the normal path (retail)', () => {
    const m = read('The clerk sends the offer to the customer. If there is no reply within 5 days, the clerk sends a reminder. When the reply arrives, the clerk books the order.');
    const [timer] = boundaries(m);
    expect(timer).toMatchObject({ label: '5 days', timer: { value: 'P5D' }, attachedTo: node(m, 'Wait for reply').id, interrupting: false });
    expect(after(m, timer!)).toEqual(['Send reminder']);
    // "When the reply arrives" restates the end of the wait: no second event.
    expect(events(m)).toEqual([]);
    expect(after(m, node(m, 'Wait for reply'))).toEqual(['Book order']);
  });

  it('"if they do not pay, a reminder is sent after two weeks. After three reminders, …" loops back until the count (health)', () => {
    const m = read('The clinic sends the invoice to the patient. If they do not pay, a reminder is sent after two weeks. After three reminders, the clinic hands the case to a collection agency.');
    const wait = node(m, 'Wait for payment');
    const [timer] = boundaries(m);
    expect(timer).toMatchObject({ label: '2 weeks', timer: { value: 'P2W' }, attachedTo: wait.id });
    expect(timer!.interrupting).toBeUndefined();
    const gate = next(m, timer!.id)[0]!;
    expect(gate.kind).toBe('exclusive');
    expect(m.flows.filter((f) => f.from === gate.id).map((f) => f.label)).toEqual(['fewer than 3 reminders', '3 reminders sent']);
    expect(after(m, node(m, 'Send reminder'))).toEqual(['Wait for payment']);
    expect(events(m)).not.toContain('2 weeks');
  });

  it('"If no answer is received within a week, the case is closed" ends the timer path as "Case closed" (public administration)', () => {
    const m = read('The agency emails the survey to the citizen. If no answer is received within a week, the case is closed.');
    const [timer] = boundaries(m);
    expect(timer).toMatchObject({ attachedTo: node(m, 'Wait for answer').id, timer: { value: 'P1W' } });
    expect(after(m, timer!)).toEqual(['Case closed']);
    expect(next(m, timer!.id)[0]!.kind).toBe('end');
  });

  it('"every 3 days until …" in the first sentence repeats a reminder, it does not start the process on a timer (finance)', () => {
    const m = read('The agent sends a reminder every 3 days until the customer pays. The agent then closes the account.');
    expect(m.nodes.find((n) => n.kind === 'start')?.eventType).toBeUndefined();
    expect(boundaries(m)[0]).toMatchObject({ attachedTo: node(m, 'Wait for customer to pay').id, timer: { kind: 'cycle', value: 'R/P3D' }, interrupting: false });
  });

  it('"waits again … after the second reminder" withdraws on its own path (finance)', () => {
    const m = read('The bank sends the loan offer to the client. If the client does not sign within 10 days, the bank sends a reminder and waits again. After the second reminder the offer is withdrawn.');
    const wait = node(m, 'Wait for client to sign');
    expect(downstream(m, boundaries(m)[0]!)).toEqual(expect.arrayContaining(['Send reminder', 'Withdraw offer', 'Offer withdrawn']));
    expect(after(m, wait)).not.toContain('Withdraw offer');
  });
});

describe('"has not arrived after N days": the wait for the thing', () => {
  it('puts the timer on a wait for the thing, not on the hand-over event (public administration)', () => {
    const m = read('The landlord sends the contract to the tenant. If the signed contract has not arrived after 10 days, the landlord calls the tenant.');
    const [timer] = boundaries(m);
    expect(timer).toMatchObject({ attachedTo: node(m, 'Wait for contract').id, label: '10 days', timer: { value: 'P10D' } });
    expect(after(m, timer!)).toEqual(['Call tenant']);
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
  });

  it('"…; if they do not, …" after time allowed is the deadline missed (software delivery)', () => {
    const m = read('The developer opens a pull request. The reviewers have two days to review the change; if they do not, the team lead reviews it.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
    expect(boundaries(m)[0]).toMatchObject({ label: '2 days', timer: { value: 'P2D' } });
  });
});

describe('a step done again on a deadline\'s path', () => {
  it('loops back to it instead of drawing a copy (logistics)', () => {
    const m = read('The dispatcher assigns the job to a driver. The driver has 15 minutes to accept the job. If the driver does not accept it in time, the dispatcher assigns the job to another driver.');
    expect(tasks(m)).toEqual(['Assign job', 'Accept job']);
    const [timer] = boundaries(m);
    expect(timer).toMatchObject({ attachedTo: node(m, 'Accept job').id, timer: { value: 'PT15M' } });
    expect(after(m, timer!)).toEqual(['Assign job']);
  });
});

describe('a deadline on the work itself', () => {
  it('"has 14 days to … ; otherwise the offer lapses" ends the timer path by name (hr)', () => {
    const m = read('The candidate has 14 days to accept the offer; otherwise the offer lapses.');
    const [timer] = boundaries(m);
    expect(timer).toMatchObject({ attachedTo: node(m, 'Accept offer').id, label: '14 days', timer: { value: 'P14D' } });
    expect(after(m, timer!)).toEqual(['Offer lapsed']);
  });

  it('"must be paid within 30 days, or …" puts the "or" on the timer (insurance)', () => {
    const m = read('The premium must be paid within 30 days, or the policy is cancelled.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
    const [timer] = boundaries(m);
    expect(timer).toMatchObject({ attachedTo: node(m, 'Pay premium').id, timer: { value: 'P30D' } });
    expect(after(m, timer!)).toEqual(['Cancel policy']);
  });

  it('"if not resolved within 4 hours, it is escalated" escalates the ticket itself (it operations)', () => {
    const m = read('The support agent works on the ticket. If the ticket is not resolved within 4 hours, it is escalated to level 2.');
    expect(boundaries(m)[0]).toMatchObject({ attachedTo: node(m, 'Work on ticket').id, label: '4 hours', timer: { value: 'PT4H' } });
    expect(tasks(m)).toContain('Escalate ticket');
  });

  it('"by the end of the semester … if not by then" is a timer on the step, not a gateway (education)', () => {
    const m = read('Each student must hand in the thesis by the end of the semester. If it is not handed in by then, the examination office sends a warning.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
    expect(boundaries(m)[0]).toMatchObject({ attachedTo: node(m, 'Hand in thesis').id, label: 'End of semester' });
  });

  it('"are given 10 days to submit … If no quote is received" is that deadline missed (public procurement)', () => {
    const m = read('Suppliers are given 10 days to submit a quote. If no quote is received, the buyer selects another supplier.');
    expect(m.nodes.some((n) => n.kind === 'exclusive')).toBe(false);
    expect(boundaries(m)[0]).toMatchObject({ attachedTo: node(m, 'Submit quote').id, timer: { value: 'P10D' } });
    expect(tasks(m)).not.toContain('Wait for quote');
  });

  it('"If the report is not submitted by Friday" after "must submit the report by Friday" is on that step (software delivery)', () => {
    const m = read('The contractor must submit the report by Friday. If the report is not submitted by Friday, the project manager calls the contractor.');
    expect(boundaries(m)).toHaveLength(1);
    expect(boundaries(m)[0]!.attachedTo).toBe(node(m, 'Submit report').id);
    expect(tasks(m).some((t) => t.startsWith('Wait'))).toBe(false);
  });
});

describe('waits are catch events named for what comes', () => {
  it('waiting for someone not asked anything is waiting for them to arrive (logistics)', () => {
    const m = read('The warehouse packs the goods. The warehouse waits for the courier. The courier picks up the parcel.');
    expect(events(m)).toEqual(['Courier arrived']);
    expect(tasks(m).some((t) => t.startsWith('Wait'))).toBe(false);
  });

  it('"waits for X to do Y" names what is done, "waits for X to arrive" the arrival (logistics, health)', () => {
    expect(events(read('The warehouse packs the parcel and waits for the courier to collect it. Then the warehouse updates the stock.'))).toEqual(['Parcel collected']);
    expect(events(read('The lab waits for the samples to arrive. Then the technician analyses the samples.'))).toEqual(['Samples arrived']);
  });

  it('waiting for someone asked is waiting for their answer (software delivery)', () => {
    const m = read('The IT team requests approval from the manager. The IT team waits for the manager. Then the team deploys the release.');
    expect(events(m)).toEqual(['Manager answered']);
  });

  it('"we wait until the materials arrive" is an arrival event before the next step (manufacturing)', () => {
    const m = read('Production schedules the batch. We wait until the raw materials arrive. Then the operator starts the machine.');
    expect(after(m, node(m, 'Schedule batch'))).toEqual(['Materials arrived']);
    expect(after(m, node(m, 'Materials arrived'))).toEqual(['Start machine']);
  });

  it('"waits until the student has signed the agreement" names the signature (education)', () => {
    const m = read('The registrar sends the agreement to the student. The registrar waits until the student has signed the agreement. Then the registrar enrols the student.');
    expect(events(m)).toContain('Agreement signed');
    expect(tasks(m)).toEqual(['Send agreement', 'Enrol student']);
  });

  it('"requests the documents and waits for them. Once they arrive" waits once, for the documents (finance)', () => {
    const m = read('The bank requests the documents from the client and waits for them. Once they arrive, the analyst checks them.');
    expect(events(m)).toEqual(['Documents received']);
    expect(tasks(m)).toEqual(['Request documents', 'Check documents']);
  });

  it('"When it arrives" after a wait for it adds no second event and no task (insurance)', () => {
    const m = read('The claims handler requests the police report. The handler waits for the report. When it arrives, the handler assesses the claim.');
    expect(events(m)).toEqual(['Report received']);
    expect(tasks(m)).toEqual(['Request police report', 'Assess claim']);
  });
});

describe('"…; otherwise" after a deadline set inside a branch', () => {
  it('is the deadline missed, dismissed by whoever decided on the work (public administration, education)', () => {
    const m = read('The office reviews the plans. If the application is incomplete, the applicant has 30 days to complete it; otherwise it is dismissed. The office issues the permit.');
    const timer = m.nodes.find((n) => n.kind === 'boundary')!;
    expect(node(m, 'Complete application').id).toBe(timer.attachedTo);
    expect(next(m, timer.id).map((n) => n.label)).toEqual(['Dismiss application']);
    expect(laneOf(m, 'Dismiss application')).toBe('Office');
    // A new sentence's "Otherwise" is the choice's other way.
    const other = read('The school checks the form. If the form is incomplete, the parent must complete it within 10 days. Otherwise the school enrols the child.');
    // (With nothing said about missing it, the time limit is written on the step: no timer, no unnamed outcome.)
    expect(tasks(other)).toContain('Complete form within 10 days');
    expect(other.nodes.filter((n) => n.kind === 'boundary')).toEqual([]);
    const choice = other.nodes.find((n) => n.kind === 'exclusive')!;
    expect(next(other, choice.id).map((n) => n.label)).toContain('Enrol child');
  });
});

describe('a point in time set by an event ahead', () => {
  it('"A week before the event, the coordinator …": the timer is named for the event, not its subject (education, health, logistics)', () => {
    expect(events(read('The coordinator books the venue. A week before the event, the coordinator sends reminders to the guests.'))).toEqual(['1 week before event']);
    expect(events(read('The nurse admits the patient. Two hours before the surgery the anaesthetist visits the patient.'))).toEqual(['2 hours before surgery']);
    expect(findDuration(tokens('One day before the shipment the warehouse packs the pallets'))?.label).toBe('1 day before shipment');
    expect(findDuration(tokens('Thirty days before the subscription expires the system sends a notice'))?.label).toBe('30 days before subscription expires');
  });
});

describe('a schedule in the middle of a text', () => {
  const timerBefore = (m: ProcessModel, label: string) => m.nodes.find((n) => n.kind === 'intermediate' && next(m, n.id).some((x) => x.label === label));
  it('"Every Friday the team reviews …" after the first steps waits for the schedule before the step (software delivery, IT ops)', () => {
    const m = read('The developer opens the ticket. Every Friday the team reviews the open tickets. Then the lead closes the sprint.');
    expect(timerBefore(m, 'Review open tickets')).toMatchObject({ label: 'Every Friday', eventType: 'timer', timer: { kind: 'cycle', value: 'R/P1W' } });
    const ops = read('The operator installs the server. Every night the system backs up the database.');
    expect(timerBefore(ops, 'Back up database')?.timer).toEqual({ kind: 'cycle', value: 'R/P1D' });
  });

  it('"On the first day of each month" is a monthly cycle (finance); a schedule later in the clause adds no timer (retail)', () => {
    const m = read('The accountant books the invoices. On the first day of each month the accountant prepares the payroll.');
    expect(timerBefore(m, 'Prepare payroll')?.timer).toEqual({ kind: 'cycle', value: 'R/P1M' });
    expect(events(read('The clerk counts the stock. The manager checks the shelves every Monday.'))).toEqual([]);
  });
});

describe('a thing that expires while the process waits', () => {
  it('names the expiry of "expires after", "lapses after", "is valid for", and nothing else', () => {
    expect(expiryName(tokens('The link expires after 30 minutes.'))).toBe('Link expired');
    expect(expiryName(tokens('The offer is valid for 14 days.'))).toBe('Offer expired');
    expect(expiryName(tokens('The reservation lapses after two days.'))).toBe('Reservation lapsed');
    expect(expiryName(tokens('The clerk waits for 2 days.'))).toBeNull();
  });

  it('"waits for the payment. The link expires after 30 minutes": a deadline on the wait, ending in the expiry (retail, insurance)', () => {
    const m = read('The clerk sends the customer a payment link and waits for the payment. The link expires after 30 minutes. The clerk then ships the order.');
    const [timer] = boundaries(m);
    expect(timer).toMatchObject({ label: '30 minutes', timer: { value: 'PT30M' }, attachedTo: node(m, 'Wait for payment').id });
    expect(after(m, timer!)).toEqual(['Link expired']);
    expect(after(m, node(m, 'Wait for payment'))).toEqual(['Ship order']);
    const quote = read('The broker sends the quote to the client and waits for an answer. The offer is valid for 14 days. The broker then issues the policy.');
    expect(after(quote, boundaries(quote)[0]!)).toEqual(['Offer expired']);
  });

  it('with no wait before it, a validity is no deadline (manufacturing)', () => {
    expect(boundaries(read('The plant ships the machine. The warranty is valid for 2 years.'))).toEqual([]);
  });
});

describe('the end of a span', () => {
  it('"After the probation period", "At the end of the trial" open a step with a timer named for the end (HR, retail, finance)', () => {
    expect(spanEnd(tokens('After the probation period, the manager reviews the performance.'))).toBe('End of probation period');
    expect(spanEnd(tokens('At the end of the trial the system charges the card'))).toBe('End of trial');
    expect(spanEnd(tokens('After the meeting, the secretary sends the minutes.'))).toBeNull();
    expect(spanEnd(tokens('After 2 days the clerk calls.'))).toBeNull();
    const hr = read('HR hires the employee. After the probation period, the manager reviews the performance.');
    const timer = hr.nodes.find((n) => n.kind === 'intermediate')!;
    expect(timer).toMatchObject({ label: 'End of probation period', eventType: 'timer' });
    expect(after(hr, timer)).toEqual(['Review performance']);
    expect(events(read('The customer signs up. At the end of the trial, the system charges the card.'))).toEqual(['End of trial']);
  });

  it('opening the text, the end of a span starts the process (education); an event ahead is no span (public administration)', () => {
    const m = read('At the end of the semester the teacher grades the exams.');
    expect(m.nodes.find((n) => n.kind === 'start')).toMatchObject({ label: 'End of semester', eventType: 'timer' });
    expect(events(read('The council holds the hearing. After the hearing, the clerk publishes the decision.'))).toEqual([]);
  });
});

describe('a deadline with ", or the thing lapses" in one clause', () => {
  it('finds the "or" of the lapse only after a deadline', () => {
    expect(lapseAfterOr(tokens('The customer must file the claim within 30 days, or the claim lapses.'))).toBeGreaterThan(0);
    expect(lapseAfterOr(tokens('The customer files the claim, or the claim lapses.'))).toBe(-1);
    expect(lapseAfterOr(tokens('The clerk must file the report within 3 days or sooner.'))).toBe(-1);
  });

  it('the lapse is the path of a boundary timer on the step, and the work goes on (insurance, education)', () => {
    const m = read('The customer must file the claim within 30 days, or the claim lapses. The insurer assesses the claim.');
    const [timer] = boundaries(m);
    expect(timer).toMatchObject({ label: '30 days', timer: { value: 'P30D' }, attachedTo: node(m, 'File claim').id });
    expect(after(m, timer!)).toEqual(['Claim lapsed']);
    expect(after(m, node(m, 'File claim'))).toEqual(['Assess claim']);
    const school = read('The student must accept the place within 10 days, or the offer expires. The school sends the timetable.');
    expect(after(school, boundaries(school)[0]!)).toEqual(['Offer expired']);
  });
});

describe('a schedule in the middle of a text', () => {
  it('sits in the lane of whoever waits for it (HR)', () => {
    const m = read('The clerk collects the timesheets. Every Friday the manager reviews the timesheets.');
    const timer = m.nodes.find((n) => n.kind === 'intermediate' && n.label === 'Every Friday')!;
    expect(m.actors.find((a) => a.id === timer.actor)?.name).toBe('Manager');
  });
});
