import { describe, expect, it } from 'vitest';
import { laneOf, lanes, read, tasks } from './model-reading.ts';

describe('two things joined by "or" in one object stay one step', () => {
  it.each([
    ['The doctor orders an X-ray or a CT scan. The radiologist reads the images.', 'Order X-ray or CT scan'],
    ['The agent issues either a refund or a voucher. The agent closes the case.', 'Issue refund or voucher'],
    ['The technician replaces the router or the switch. The technician tests the line.', 'Replace router or switch'],
    ['The teacher assigns an essay or a presentation. The students submit their work.', 'Assign essay or presentation'],
  ])('%s', (text, label) => {
    expect(tasks(read(text))).toContain(label);
  });

  it('two verbs after "either" are still two ways', () => {
    const m = read('The clerk either issues a refund or offers a voucher. The agent closes the case.');
    expect(tasks(m)).toEqual(['Issue refund', 'Offer voucher', 'Close case']);
  });

  it('"by card or bank transfer" is how, never a bank that transfers', () => {
    const m = read('The tenant pays the deposit by cheque or bank transfer. The landlord hands over the keys.');
    expect(tasks(m)).toEqual(['Pay deposit', 'Hand over keys']);
    expect(lanes(m)).toEqual(['Tenant', 'Landlord']);
  });

  it('"two or more" names no second thing', () => {
    expect(tasks(read('The buyer orders two or more samples. The supplier ships them.')).join(' ')).not.toMatch(/ or /);
  });
});

describe('a verb done to people never acts on a party with a lane', () => {
  it('with nobody served named, the step is the verb named by its noun', () => {
    const m = read('The doctor orders an X-ray or a CT scan. The radiologist reads the images. The surgeon operates.');
    expect(tasks(m)).toEqual(['Order X-ray or CT scan', 'Read images', 'Perform surgery']);
    expect(laneOf(m, 'Perform surgery')).toBe('Surgeon');
    expect(tasks(read('The receptionist calls the vet. The vet examines.'))).toContain('Perform examination');
    expect(tasks(read('The mechanic inspects the car. The apprentice washes it. The senior mechanic advises.'))).toContain('Give advice');
  });

  it('the party served is the one acted on, staff named since or not', () => {
    expect(tasks(read('The patient is admitted by the nurse. The radiologist reads the images. The surgeon operates.'))).toContain('Operate on patient');
    expect(tasks(read('A client requests a quote. The broker checks the policy. The senior broker advises.'))).toContain('Advise client');
    expect(tasks(read('The applicant sends the CV. The recruiter screens it. The hiring manager interviews.'))).toContain('Interview applicant');
  });
});

describe('intransitive verbs that are steps of the process', () => {
  it.each([
    ['The judge instructs the jury. The jury deliberates. The foreman announces the verdict.', 'Deliberate', 'Jury'],
    ['The students sit the exam. The examiners confer. The chair signs the list.', 'Confer', 'Examiners'],
    ['The safety officer sounds the alarm. The crew assembles at the muster point. The captain counts the crew.', 'Assemble at muster point', 'Crew'],
    ['The committee reviews the bids. The committee deliberates and votes.', 'Vote on bids', 'Committee'],
  ])('%s', (text, label, lane) => {
    const m = read(text);
    expect(tasks(m)).toContain(label);
    expect(laneOf(m, label)).toBe(lane);
  });

  it('the public boarding or checking in is our staff\'s step, with no lane of its own', () => {
    const m = read('The gate agent scans the boarding passes. Passengers board.');
    expect(tasks(m)).toEqual(['Scan boarding passes', 'Board passengers']);
    expect(lanes(m)).toEqual(['Gate agent']);
    const h = read('The receptionist greets the guests. The guests check in. The porter carries the luggage.');
    expect(laneOf(h, 'Check in guests')).toBe('Receptionist');
    expect(tasks(read('The ferry steward checks the tickets. Then the passengers embark.'))).toContain('Embark passengers');
  });

  it('with nobody of ours at work before, the passengers board themselves', () => {
    const m = read('The customer books a flight online. The passengers board.');
    expect(tasks(m)).toEqual(['Book flight', 'Board']);
  });
});

describe('a kind of thing that sends it one way is no part of that way\'s label', () => {
  it.each([
    ['The doctor decides whether the patient needs admission. Admitted patients are taken to the ward. The others are sent home.', 'Take patient to ward'],
    ['The adjuster reviews the claim. Approved claims are paid by the finance team. Rejected claims are archived.', 'Pay claim'],
    ['The courier delivers the parcels. Damaged parcels are returned to the sender. Undamaged parcels are shelved.', 'Shelve parcel'],
    ['The registrar reviews the enrolment forms. Completed forms are filed. Incomplete forms are sent back to the student.', 'File form'],
  ])('%s', (text, label) => {
    expect(tasks(read(text))).toContain(label);
  });

  it('with no choice drawn the kind is what says which things: "Overdue invoices are chased"', () => {
    expect(tasks(read('Overdue invoices are chased by credit control. The accountant books the payment.'))).toContain('Chase overdue invoices');
    expect(tasks(read('The adjuster reviews the claim. Approved claims are paid by the finance team.'))).not.toContain('Pay claim');
  });

  it('an -ed word naming what the thing is stays: "Used cars are inspected"', () => {
    expect(tasks(read('The dealer buys the cars. Used cars are inspected by the mechanic.'))).toContain('Inspect used cars');
  });
});
