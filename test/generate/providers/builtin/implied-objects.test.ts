import { describe, expect, it } from 'vitest';
import { downstream, laneOf, node, read, tasks } from './model-reading.ts';

describe('a verb written without its object names the thing in hand', () => {
  it.each([
    ['The student submits the thesis. The supervisor approves.', 'Approve thesis'],
    ['The proposal is sent to the board. The board approves.', 'Approve proposal'],
    ['The agency sends the contract. The client signs.', 'Sign contract'],
    ['The developer merges the pull request. The release team deploys.', 'Deploy pull request'],
    ['The warehouse picks the order. Then the carrier ships.', 'Ship order'],
    ['The accountant prepares the VAT report. The head of tax reviews.', 'Review VAT report'],
    ['The teller counts the cash. The supervisor reconciles.', 'Reconcile cash'],
  ])('%s', (text, label) => {
    expect(tasks(read(text))).toContain(label);
  });

  it('an intransitive verb takes its preposition: "decides on", "votes on", "responds to"', () => {
    expect(tasks(read('The customer submits the claim. The adjuster reviews it and decides.'))).toEqual(['Submit claim', 'Review claim', 'Decide on claim']);
    expect(tasks(read('The motion is sent to the council. The council votes.'))).toContain('Vote on motion');
    expect(tasks(read('The shop sends the quote. The customer responds.'))).toContain('Respond to quote');
  });

  it('a verb done to people acts on the last person named, not on a thing', () => {
    const m = read('The patient is admitted to the ward. The surgeon operates.');
    expect(tasks(m)).toEqual(['Admit patient to ward', 'Operate on patient']);
    expect(laneOf(m, 'Operate on patient')).toBe('Surgeon');
    expect(tasks(read('The patient arrives at the emergency desk with a referral letter. The nurse triages.'))).toContain('Triage patient');
    expect(tasks(read('The new employee signs the contract at reception. The HR officer welcomes.'))).toContain('Welcome new employee');
    expect(tasks(read('The child is brought to the clinic with the vaccination card. The nurse vaccinates.'))).toContain('Vaccinate child');
  });

  it('with nothing in hand a verb that stands alone stays alone', () => {
    expect(tasks(read('The manager approves.'))).toEqual(['Approve']);
  });

  it('a verb followed by more than it can take names no guessed object', () => {
    expect(tasks(read('The clerk sends the offer. The product manager reviews both.'))).toEqual(['Send offer', 'Review']);
  });

  it('"decides again" with the object unsaid loops back to the first decision', () => {
    const m = read('The customer sends the claim. The insurer decides. If the insurer rejects the claim, the customer adds evidence and the insurer decides again.');
    expect(tasks(m).filter((l) => l.startsWith('Decide'))).toEqual(['Decide on claim']);
    expect(downstream(m, node(m, 'Add evidence'))).toContain('Decide on claim');
  });
});

describe('which thing an unsaid object is', () => {
  it('takes the last thing named ("produces a report and sends to …")', () => {
    expect(tasks(read('The analyst checks the database. The analyst checks the database again. Then she produces a report and sends to the manager.'))).toContain('Send report');
  });

  it('names no object that only repeats the verb ("Test tests")', () => {
    expect(tasks(read('The QA team runs the tests. Then the QA lead tests.'))).not.toContain('Test tests');
  });
});

describe('mending with its object unsaid acts on the work, not on what was said about it', () => {
  it.each([
    ['The author submits the manuscript. The reviewer sends comments. The author revises.', 'Revise manuscript'],
    ['The intern writes the report. The manager gives feedback. The intern corrects and resubmits.', 'Correct report'],
    ['The architect sends the drawings. The client adds remarks. The architect amends.', 'Amend drawings'],
  ])('%s', (text, label) => {
    expect(tasks(read(text))).toContain(label);
  });
});
