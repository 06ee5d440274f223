// Lanes are actors, one lane per actor: grades, manners and places of storage are no lanes; a role's singular and
// plural are one lane; "the others" is the rest of the set named before, told as the other way of its choice.
import { describe, expect, it } from 'vitest';
import { branches, downstream, lanes, laneOf, node, read, tasks } from './model-reading.ts';

const noLane = (m: ReturnType<typeof read>, word: RegExp) => expect(lanes(m).filter((l) => word.test(l))).toEqual([]);

describe('the others: the rest of the set named before', () => {
  it('opens a text with a way and its rest (HR)', () => {
    const m = read('Candidates who pass the test are invited to an interview; the others receive a rejection email.');
    noLane(m, /other/i);
    expect(branches(m)).toHaveLength(2);
    const otherwise = otherwiseWay(m);
    expect(otherwise.some((l) => /rejection email/i.test(l ?? ''))).toBe(true);
    expect(otherwise).not.toContain('Invite candidates');
  });

  it('takes "the rest" as the other way (education)', () => {
    const m = read('Students who pass the exam receive a certificate. The rest are enrolled in a resit. The registrar archives the results.');
    noLane(m, /^(rest|others?)$/i);
    expect(branches(m)).toHaveLength(2);
    expect(otherwiseWay(m)).toContain('Enroll students');
  });

  it('takes "the remaining tickets" as the other way (IT support)', () => {
    const m = read('Tickets that are urgent are escalated to the on-call engineer. The remaining tickets are handled by the service desk.');
    expect(branches(m)).toHaveLength(2);
    expect(laneOf(m, 'Handle tickets')).toBe('Service desk');
  });

  it('never makes a lane of "the others" or "the remaining ones"', () => {
    noLane(read('The others sign the form. The remaining ones are returned.'), /other|remaining|ones/i);
  });

  it('leaves a relative that is no way alone', () => {
    const m = read('Nurses who are on shift prepare the ward. The doctor examines the patient.');
    expect(branches(m)).toEqual([]);
    expect(lanes(m)).toEqual(['Nurses', 'Doctor']);
  });
});

/** The tasks on the "otherwise" way of the first split. */
function otherwiseWay(m: ReturnType<typeof read>): string[] {
  const split = m.nodes.find((n) => n.kind === 'exclusive' && m.flows.filter((f) => f.from === n.id).length >= 2)!;
  const way = m.flows.find((f) => f.from === split.id && f.label === 'otherwise')!;
  const first = m.nodes.find((n) => n.id === way.to)!;
  return [first.label ?? '', ...downstream(m, first)];
}

describe('grades are no part of who acts', () => {
  it('drops severity and priority codes (IT support, health)', () => {
    noLane(read('Sev3 tickets are handled in the normal queue by the service desk. P1 incidents are handled by the major incident team.'), /sev|p1/i);
    const m = read('Priority 1 callers are put through to a senior agent. The agent logs the call.');
    noLane(m, /priority/i);
    expect(laneOf(m, 'Log call')).toBe('Agent');
  });

  it('keeps a level or tier that names a team', () => {
    const m = read('The Level 2 support team fixes the bug. Tier 3 engineers patch the server.');
    expect(lanes(m)).toEqual(['Level 2 support team', 'Tier 3 engineers']);
  });
});

describe('manners are no lanes', () => {
  it('reads "by bank transfer", "by credit card", "by text message" as how (finance, public administration, health)', () => {
    const a = read('The invoice is checked by the accountant and paid by bank transfer.');
    expect(lanes(a)).toEqual(['Accountant']);
    noLane(read('Payment is made by bank transfer. The cashier confirms it.'), /bank/i);
    expect(lanes(read('The fee is paid by credit card. The clerk issues a receipt.'))).toEqual(['Clerk']);
    expect(lanes(read('The appointment is confirmed by text message. The nurse prepares the room.'))).toEqual(['Nurse']);
  });

  it('keeps a bank that acts', () => {
    expect(lanes(read('The claim is approved by the bank. The clerk informs the customer.'))).toContain('Bank');
  });
});

describe('a place where something is stored is no actor', () => {
  it('gives the storing to whoever handled the thing (logistics, health, education)', () => {
    const m = read('The driver unloads the pallets. The pallets are stored at the depot. The dispatcher updates the schedule.');
    expect(lanes(m)).toEqual(['Driver', 'Dispatcher']);
    expect(laneOf(m, 'Store pallets')).toBe('Driver');
    noLane(read('The vaccines are stored in the pharmacy. The nurse collects them.'), /pharmacy/i);
    noLane(read('The student files are archived at the registry. The teacher reports the grades.'), /registry/i);
  });

  it('keeps a place where people work on the thing', () => {
    expect(laneOf(read('At customs the cargo is inspected. The broker pays the duties.'), 'Inspect cargo')).toBe('Customs');
    expect(laneOf(read('The samples are analysed in the lab. The doctor reads the results.'), 'Analyse samples')).toBe('Lab');
  });
});

describe("a role's singular and plural are one lane", () => {
  it('merges them into one lane, named for the singular once it is used (public administration, health, IT, education)', () => {
    expect(lanes(read('Secretaries book the room. The secretary sends the invites.'))).toEqual(['Secretary']);
    expect(lanes(read('The nurses prepare the patient. A nurse takes blood.'))).toEqual(['Nurse']);
    const m = read('Our engineers deploy the fix. The engineer closes the incident.');
    expect(lanes(m)).toEqual(['Engineer']);
    expect(laneOf(m, 'Close incident')).toBe('Engineer');
    const r = read('Reviewers check the paper. The editor decides. Then the reviewer writes a short report.');
    expect(lanes(r)).toEqual(['Reviewer', 'Editor']);
    expect(node(r, 'Check paper').actor).toBe(node(r, 'Write short report').actor);
    // (Only the plural named: the lane as written.)
    expect(lanes(read('The nurses prepare the patient. The doctor operates.'))).toEqual(['Nurses', 'Doctor']);
  });

  it('keeps units named by a plural as written', () => {
    expect(lanes(read('Sales prepares the offer. Operations plans the delivery. Customs clears the goods.'))).toEqual(['Sales', 'Operations', 'Customs']);
    expect(tasks(read('Sales prepares the offer. Operations plans the delivery.'))).toEqual(['Prepare offer', 'Plan delivery']);
  });
});
