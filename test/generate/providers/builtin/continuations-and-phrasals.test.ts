import { describe, expect, it } from 'vitest';
import { laneOf, node, read, tasks } from './model-reading.ts';

describe('a clause opening with a verb in -s goes on with the last subject', () => {
  it.each([
    ['The clerk goes through the list of invoices. Then files it.', 'File list of invoices', 'Clerk'],
    ['The accountant receives the expense report. Checks the totals, then signs off.', 'Check totals', 'Accountant'],
    ['The technician receives the ticket. First he checks the logs. Then restarts the service.', 'Restart service', 'Technician'],
    ['The sales rep records the order in the CRM. If the customer is new, requests a credit check from finance.', 'Request credit check', 'Sales rep'],
    ['Each morning the baker checks the oven temperature, then bakes the bread.', 'Bake bread', 'Baker'],
    ['The nurse takes blood from the patient. Afterwards forwards it to the lab.', 'Forward blood', 'Nurse'],
  ])('%s', (text, label, lane) => {
    const m = read(text);
    expect(tasks(m)).toContain(label);
    expect(laneOf(m, label)).toBe(lane);
  });

  it('a bare form is still an order to the reader, and an adverb in -s is no verb', () => {
    const m = read('The customer places an order. Check the stock.');
    expect(tasks(m)).toEqual(['Place order', 'Check stock']);
    expect(laneOf(m, 'Check stock')).not.toBe('Customer');
    expect(tasks(read('The clerk files the claim. Sometimes it is returned.'))).toEqual(['File claim', 'Return claim']);
  });
});

describe('"it" and "them" mean the latest thing of their number, never a measure', () => {
  it.each([
    ['The project manager writes up the minutes. Then she sends them to all participants.', 'Send minutes'],
    ['The clerk receives the application. She copies the attachments. Then she files it.', 'File application'],
    ['The lab receives the samples. The technician logs the delivery. Then she tests them.', 'Test samples'],
    ['The baker checks the oven temperature, then bakes the bread. He puts it on the shelves.', 'Put bread on shelves'],
    ['The developer opens a pull request. A reviewer reads the comments. The developer merges it.', 'Merge pull request'],
  ])('%s', (text, label) => {
    expect(tasks(read(text))).toContain(label);
  });

  it('never an amount or a date: what it was set for, and labels leave the amount out', () => {
    expect(tasks(read('The manager sets a deadline of Friday for the report. The analyst writes it and sends it to the manager.'))).toEqual(['Set deadline for report', 'Write report', 'Send report']);
    expect(tasks(read('The customer pays the deposit of 200 euros at the front desk. The clerk records it.'))).toEqual(['Pay deposit', 'Record deposit']);
    expect(tasks(read('The technician inspects the boiler and repairs it.'))).toEqual(['Inspect boiler', 'Repair boiler']);
  });

  it('what goes to someone is the thing in hand; a score is a measure', () => {
    expect(tasks(read('Requests from VIP customers go to the senior agent. She handles them and closes them.'))).toEqual(['Forward requests to Senior agent', 'Handle requests', 'Close requests']);
    expect(tasks(read('The bank receives the loan application. The analyst checks the credit score and approves it.'))).toContain('Approve loan application');
  });

  it('what a step goes through or looks over is the thing in hand', () => {
    expect(tasks(read('The auditor looks over the ledger. Then she signs it.'))).toContain('Sign ledger');
    expect(tasks(read('The supervisor reviews the file and signs off on it.'))).toContain('Sign off on file');
  });
});

describe('phrasal verbs keep their particle only where it is one', () => {
  it('"checks in at the desk" is a step without an object; "over the phone" is a preposition', () => {
    expect(tasks(read('The cashier prints the receipt. The guest checks in at the front desk.'))).toContain('Check in at front desk');
    expect(tasks(read('The dispatcher takes the order over the phone.'))).toEqual(['Take order']);
    expect(tasks(read('The contractor clocks out at the gate.'))).toEqual(['Clock out at gate']);
  });

  it('answering back sends no thing; sending back does', () => {
    expect(tasks(read('Procurement processes the order and reports back to the team lead.'))).toEqual(['Process order', 'Report back to team lead']);
    expect(tasks(read('The registrar checks the form. The registrar sends it back to the applicant.'))).toContain('Send back form');
  });

  it('handing a thing is handing it over', () => {
    expect(tasks(read('The patient fills out the intake form and hands it to the receptionist.'))).toEqual(['Fill out intake form', 'Hand over intake form']);
    expect(tasks(read('The pharmacist prepares the medication and hands it over to the nurse.'))).toContain('Hand over medication');
  });
});

describe('action nouns after verbs that say nothing name the step', () => {
  it.each([
    ['Stock check is done weekly by the warehouse team.', 'Check stock', 'Warehouse team'],
    ['The process review takes place every quarter.', 'Review process', undefined],
    ['The bank does a credit check on the applicant.', 'Check credit on applicant', 'Bank'],
  ])('%s', (text, label, lane) => {
    const m = read(text);
    expect(tasks(m)).toContain(label);
    if (lane) expect(laneOf(m, label)).toBe(lane);
  });

  it('plural subjects before "are" and departments named by a plural', () => {
    const m = read('Stock counts are done monthly by the store manager. She records the counts.');
    expect(tasks(m)).toEqual(['Count stock', 'Record counts']);
    expect(laneOf(m, 'Count stock')).toBe('Store manager');
    expect(laneOf(read('Customer orders are checked by sales. Sales then records them.'), 'Check customer orders')).toBe('Sales');
    expect(tasks(read('- order missing parts\n- file the paperwork'))).toEqual(['Order missing parts', 'File paperwork']);
  });

  it('"which must take place" names no step', () => {
    expect(tasks(read('The team discusses the model in a review session, which must take place within five days.'))).toEqual(['Discuss model']);
  });

  it('a describing word schedules nothing: "the monthly report"', () => {
    const m = read('The analyst runs the monthly report. She sends it to the CFO.');
    expect(m.nodes.find((n) => n.kind === 'start')?.timer).toBeUndefined();
    expect(read('Mail is collected on a daily basis by the mail clerk.').nodes.find((n) => n.kind === 'start')?.timer).toBeDefined();
  });
});

describe('terse notes with arrows and slashes', () => {
  it('"X in" starts the process, and each arrow is a step', () => {
    const m = read('ticket in -> agent triages -> engineering fixes -> close ticket');
    expect(m.nodes.find((n) => n.kind === 'start')?.label).toBe('Ticket received');
    expect(tasks(m)).toEqual(['Triage ticket', 'Fix ticket', 'Close ticket']);
    expect(laneOf(m, 'Fix ticket')).toBe('Engineering');
  });

  it('spaced slashes part steps; "pick/pack" is two steps', () => {
    expect(tasks(read('receive application / check documents / interview candidate / send offer'))).toEqual(['Receive application', 'Check documents', 'Interview candidate', 'Send offer']);
    expect(tasks(read('order in -> check order -> pick/pack -> ship'))).toEqual(['Check order', 'Pick order', 'Pack order', 'Ship order']);
  });

  it('a thing and a participle is a passive without its "is"', () => {
    expect(tasks(read('customer ships item back -> warehouse inspects it -> refund issued'))).toContain('Issue refund');
    expect(tasks(read('The courier brings the parcel. The invoice received by the clerk is filed.'))).not.toContain('Receive invoice');
  });
});

describe('openings that announce the steps make none', () => {
  it.each([
    'Every new hire goes through the following steps: HR prepares the contract. IT creates the accounts.',
    'The following steps describe how a purchase request is handled. HR prepares the contract. IT creates the accounts.',
    'This describes how we onboard people. HR prepares the contract. IT creates the accounts.',
  ])('%s', (text) => {
    expect(tasks(read(text))).toEqual(['Prepare contract', 'Create accounts']);
  });

  it('a trigger whose verb the tagger read as a noun names the start', () => {
    const m = read('Whenever a server alert fires, the on-call engineer acknowledges it. She restarts the service.');
    expect(m.nodes.find((n) => n.kind === 'start')?.label).toBe('Server alert fired');
    expect(node(m, 'Acknowledge server alert')).toBeDefined();
  });
});

describe('words the tagger misreads inside a noun phrase', () => {
  it('an acronym a person has is a thing; "who" after a host is the host', () => {
    const m = read('The receptionist checks their ID and prints a badge. Then she calls the host, who picks up the visitor.');
    expect(laneOf(m, 'Pick up visitor')).toBe('Host');
    expect(read('The agent asks for the IBAN and checks it.').actors.map((a) => a.name)).not.toContain('IBAN');
  });

  it('"with missing data" describes the thing; it names no step', () => {
    expect(tasks(read('The sales team checks each order. Orders with missing data are returned to the customer.'))).not.toContain('Miss data');
    expect(tasks(read('The clerk matches the invoices. Invoices without matching receipts are sent back to the supplier.'))).not.toContain('Match receipts');
  });
});
