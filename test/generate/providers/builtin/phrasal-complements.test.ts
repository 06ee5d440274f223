// Labels keep what the verb needs: its whole phrasal verb, "as …" after marking, "to …" after carrying, "for it".
import { describe, expect, it } from 'vitest';
import { laneOf, read, tasks } from './model-reading.ts';

describe('a label keeps the words its verb needs', () => {
  it('"aside" is part of the verb, before or after the object (finance, health, software)', () => {
    expect(tasks(read('The accountant sets aside the disputed invoices.'))).toEqual(['Set aside disputed invoices']);
    expect(tasks(read('The lab technician sets the sample aside for retesting.'))).toEqual(['Set aside sample']);
    expect(tasks(read('The team lead puts the ticket aside until Monday.'))).toEqual(['Put aside ticket']);
  });

  it('marking something "as" a state keeps the state (hospitality, finance, IT operations)', () => {
    expect(tasks(read('The receptionist marks the guest as a no-show.'))).toEqual(['Mark guest as no-show']);
    expect(tasks(read('The analyst flags the transaction as suspicious.'))).toEqual(['Flag transaction as suspicious']);
    expect(tasks(read('The agent logs the incident and classifies it as urgent.'))).toEqual(['Log incident', 'Classify incident as urgent']);
  });

  it('a passive marking keeps its state too (health, library, finance)', () => {
    expect(tasks(read('If the patient does not show up, the appointment is marked as missed.'))).toContain('Mark appointment as missed');
    expect(tasks(read('Late returns are recorded as overdue in the library system.'))).toEqual(['Record late returns as overdue']);
    // (No "as" after the verb: the label is the marking alone.)
    expect(tasks(read('The invoice is marked by the clerk.'))).toEqual(['Mark invoice']);
  });

  it('"as … and <verb>" is a state and the next step, not a list of classes (IT support)', () => {
    expect(tasks(read('The agent marks the ticket as resolved and closes it.'))).toEqual(['Mark ticket as resolved', 'Close ticket']);
  });

  it('carrying something to a place keeps the place; to a person it stays a hand-over (health, public administration)', () => {
    expect(tasks(read('The porter takes the patient to the room.'))).toEqual(['Take patient to room']);
    expect(tasks(read('The citizen brings the documents to the town hall.'))).toEqual(['Bring documents to town hall']);
    expect(tasks(read('The clerk returns the draft to the author.'))).toEqual(['Return draft']);
    expect(tasks(read('The nurse wheels the patient to the theatre.'))).toEqual(['Wheel patient to theatre']);
    expect(tasks(read('The nurse brings the patient to the doctor.'))).toEqual(['Bring patient to doctor']);
  });

  it('"signs for it", "pays for it" keep their preposition with the thing meant (logistics, retail)', () => {
    expect(tasks(read('The courier brings the parcel. The resident signs for it.'))).toEqual(['Bring parcel', 'Sign for parcel']);
    expect(tasks(read('The supplier sends the goods. The buyer inspects them and signs for them.'))).toContain('Sign for goods');
  });

  it('"hands it in at the counter" is handing in, not handing over (public administration, education, health)', () => {
    expect(tasks(read('The applicant fills out the form and hands it in at the counter.'))).toEqual(['Fill out form', 'Hand in form']);
    expect(tasks(read('The patient hands the form in at reception.'))).toEqual(['Hand in form']);
  });

  it('"on the way out" says when, not where (HR, logistics)', () => {
    expect(tasks(read('The employee returns the badge on the way out.'))).toEqual(['Return badge']);
    expect(tasks(read('The driver picks up the mail on his way to the depot.'))).toEqual(['Pick up mail']);
  });
});

describe('verbs that take no object borrow none', () => {
  it('a group meeting or convening takes no object from the next verb (project work, finance, public boards)', () => {
    expect(tasks(read('The project lead invites the members. The team meets and discusses the plan.'))).not.toContain('Meet plan');
    expect(tasks(read('The credit committee convenes and votes on the application.'))).toEqual(['Vote on application']);
    expect(tasks(read('The account manager meets the customer and presents the offer.'))).toEqual(['Meet customer', 'Present offer']);
  });

  it('reporting to someone is the step, without the last thing in hand (construction, retail, warehouse)', () => {
    const m = read('The inspector visits the site. The foreman then reports to the inspector.');
    expect(tasks(m)).toEqual(['Visit site', 'Report to inspector']);
    expect(laneOf(m, 'Report to inspector')).toBe('Foreman');
    expect(tasks(read('The clerk checks the claim and reports to the manager.'))).toEqual(['Check claim', 'Report to manager']);
  });
});

describe('what "it" means', () => {
  it('a thing that arrived is what "it" means next (logistics, insurance)', () => {
    expect(tasks(read('The shipment arrives. The clerk unloads it and stores it in the warehouse.'))).toEqual(['Unload shipment', 'Store shipment in warehouse']);
    expect(tasks(read('The parcel arrives. The receptionist opens it.'))).toEqual(['Open parcel']);
  });

  it('a verb after its subject before a bare noun is a step, and "it" then means that noun (logistics, health)', () => {
    expect(tasks(read('The clerk schedules delivery for Friday and confirms it with the customer.'))).toEqual(['Schedule delivery', 'Confirm delivery with customer']);
  });
});
