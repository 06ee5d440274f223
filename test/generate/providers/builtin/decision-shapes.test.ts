import { describe, expect, it } from 'vitest';
import { branches, laneOf, read, tasks } from './model-reading.ts';

describe('a condition without a comma ends where a new subject and its verb begin', () => {
  it('a bare state, then "it" or a determiner phrase (health, manufacturing, HR)', () => {
    expect(branches(read('The vet examines the dog; if healthy it goes home, otherwise it is admitted.'))).toContain('healthy');
    const fit = read('The fitter checks the part. If the part fits the fitter installs it. Otherwise he orders a new one.');
    expect(branches(fit)).toEqual(expect.arrayContaining(['part fits', 'otherwise']));
    expect(tasks(fit)).toContain('Install part');
    const nurse = read('The nurse measures the blood pressure. If urgent the nurse calls the doctor.');
    expect(branches(nurse)).toContain('urgent');
    expect(tasks(nurse)).toContain('Call doctor');
  });

  it('after a copula\'s complement, a bare department and its verb start the main clause (IT support)', () => {
    const m = read('The dispatcher reviews the ticket. If it is a bug it goes to engineering, if it is a question support answers it, otherwise the dispatcher closes it.');
    expect(branches(m)).toEqual(expect.arrayContaining(['bug', 'question', 'otherwise']));
    expect(laneOf(m, 'Answer ticket')).toBe('Support');
  });

  it('a party\'s -s verb read as a noun still ends the condition before it (banking, retail, facilities)', () => {
    const m = read('The teller counts the cash. If the count matches the teller signs the sheet, if it is short the teller calls the supervisor, and if it is over the teller logs the surplus.');
    expect(branches(m)).toEqual(['count matches', 'short', 'count over']);
    expect(tasks(m)).toContain('Sign sheet');
    expect(tasks(read('The buyer checks the offer. If the price is fine the buyer signs the order.'))).toContain('Sign order');
    expect(tasks(read('The janitor inspects the boiler. If the pressure drops the janitor calls the plumber.'))).toContain('Call plumber');
  });

  it('"when" before a bare state is an "if" (HR, finance)', () => {
    const m = read('The HR advisor screens the CV. When suitable the advisor invites the candidate; when unsuitable she sends a rejection.');
    expect(branches(m)).toEqual(['suitable', 'unsuitable']);
    expect(branches(read('The clerk checks the claim. When valid the clerk pays it; when invalid she returns it to the client.'))).toEqual(['valid', 'invalid']);
  });
});

describe('parallel sentences about different kinds are the cases of one choice', () => {
  it('kinds of party served, each step in its own lane (leisure, health, education)', () => {
    const m = read('Members pay online; guests pay at the desk.');
    expect(branches(m)).toEqual(['member', 'guest']);
    expect(laneOf(m, 'Pay online')).toBe('Members');
    expect(laneOf(m, 'Pay at desk')).toBe('Guests');
    expect(branches(read('Inpatients are billed by the ward, outpatients pay at reception.'))).toEqual(['inpatient', 'outpatient']);
    expect(branches(read('The registrar checks the form. Students register online. Visitors sign in at the gate.'))).toEqual(['student', 'visitor']);
  });

  it('kinds of one thing told apart by a describing word (logistics, public administration)', () => {
    const m = read('The clerk packs the order. Domestic orders ship by post, international orders go by courier.');
    expect(branches(m)).toEqual(['domestic', 'international']);
    expect(tasks(m)).toEqual(['Pack order', 'Ship domestic orders', 'Send international orders']);
    expect(branches(read('The registry checks the application. Complete applications are forwarded to the planning officer; incomplete ones are returned to the applicant.'))).toEqual(['complete', 'incomplete']);
    expect(branches(read('The desk checks the visa. EU citizens show their ID card; other travellers fill in a landing form.'))).toEqual(['EU citizen', 'otherwise']);
  });

  it('a kind that goes to a party is handed on under its own name (insurance, logistics)', () => {
    const m = read('Small claims are paid by the clerk. Medium claims are checked by the adjuster. Large claims go to the panel.');
    expect(branches(m)).toEqual(['small', 'medium', 'large']);
    expect(tasks(m)).toContain('Forward claim to Panel');
    expect(tasks(read('The clerk checks the parcel. Light parcels are sent by post. Heavy parcels go to the freight desk.'))).toContain('Forward heavy parcels to Freight desk');
  });

  it('kinds of workers doing different work stay a sequence (software)', () => {
    const m = read('Senior engineers design the system; junior engineers build it.');
    expect(branches(m)).toEqual([]);
    expect(tasks(m)).toEqual(['Design system', 'Build system']);
  });
});

describe('a case before an arrow is the condition of its branch', () => {
  it('labelled cases in a row are the ways of one choice (call centre, IT ops, quality)', () => {
    const m = read('Tier 1 agent takes the call. Tier 2 -> specialist calls back. VIP -> manager approves.');
    expect(branches(m)).toEqual(['Tier 2', 'VIP']);
    expect(branches(read('The agent logs the incident. sev1 -> page the on-call'))).toContain('sev1');
    const weld = read('The inspector tests the weld. Pass -> release the part. Fail -> rework the weld.');
    expect(branches(weld)).toEqual(['pass', 'fail']);
  });

  it('a chain of steps names no case', () => {
    const m = read('receive order -> check stock -> ship');
    expect(branches(m)).toEqual([]);
  });
});

describe('the ways of a choice are labelled', () => {
  it('alternatives that are no answers are labelled by what each does (IT, health)', () => {
    expect(branches(read('The technician may fix or escalate the ticket.'))).toEqual(['fix', 'escalate']);
    expect(branches(read('The doctor can treat the patient or refer them to a specialist.'))).toEqual(['treat', 'refer']);
  });

  it('a comparative after a semicolon is the other side of an amount (banking, insurance)', () => {
    const m = read('The bank checks the transfer. Transfers under 1000 EUR are executed at once; larger transfers need a second signature.');
    expect(branches(m)).toEqual(['transfers under 1000 EUR', 'otherwise']);
    expect(branches(read('The adjuster reviews the claim. Claims below 500 EUR are paid at once; larger claims go to the panel.'))).toEqual(['claims below 500 EUR', 'otherwise']);
  });
});
