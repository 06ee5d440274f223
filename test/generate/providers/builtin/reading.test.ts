import { describe, expect, it } from 'vitest';
import { labelFor, verbBase } from '../../../../src/generate/providers/builtin/labels.ts';
import { readComplements, readObject } from '../../../../src/generate/providers/builtin/objects.ts';
import { readPhrase } from '../../../../src/generate/providers/builtin/phrase.ts';
import { readClause, type Reading } from '../../../../src/generate/providers/builtin/reading.ts';
import { findVerbGroup, readSubject } from '../../../../src/generate/providers/builtin/subject.ts';
import { readSentences, type Token } from '../../../../src/generate/providers/builtin/tokens.ts';
import { readVerbGroup } from '../../../../src/generate/providers/builtin/verb-group.ts';

const tokens = (s: string): Token[] => readSentences(s)[0]!.filter((t) => t.pos !== 'PUNCT');
const words = (p: { words: Token[] } | null) => p?.words.map((w) => w.lower).join(' ') ?? null;
const blank = (ts: Token[]): Reading => ({
  subject: null, coSubjects: [], both: false, subjectPronoun: null, verb: null, particle: null, passive: false, asked: false, causer: null, negated: false,
  copula: false, object: null, prep: null, agent: null, coAgents: [], recipient: null, coRecipients: [], adverbs: [], rest: ts, state: [], timed: false,
});

describe('noun phrases', () => {
  it('drops determiners, keeps the head noun and the "of" complement apart', () => {
    const { phrase } = readPhrase(tokens('the detailed list of open invoices'), 0);
    expect(words(phrase)).toBe('detailed list');
    expect(phrase!.head.lower).toBe('list');
    expect(words(phrase!.of)).toBe('open invoices');
  });
});

describe('subject', () => {
  it('skips a time expression and a prepositional phrase before the subject', () => {
    const ts = tokens('Every Monday morning, in the office, the clerk checks the mail.');
    const r = blank(ts);
    readSubject(ts, findVerbGroup(ts), r);
    expect(words(r.subject)).toBe('clerk');
  });

  it('keeps the first of coordinated subjects and notes the others', () => {
    const ts = tokens('The assessor and the clerk prepare a report.');
    const r = blank(ts);
    readSubject(ts, findVerbGroup(ts), r);
    expect(words(r.subject)).toBe('assessor');
    expect(r.coSubjects.map(words)).toEqual(['clerk']);
  });
});

describe('verb group', () => {
  const verbGroup = (s: string): Reading => {
    const ts = tokens(s);
    const r = blank(ts);
    readVerbGroup(ts, findVerbGroup(ts), r);
    return r;
  };

  it('reads a passive through a modal', () => {
    const r = verbGroup('The form must be signed by the manager.');
    expect(r.verb?.lower).toBe('signed');
    expect(r.passive).toBe(true);
  });

  it('passes over a catenative and keeps negation', () => {
    const r = verbGroup('The agent does not try to call the customer.');
    expect(r.verb?.lower).toBe('call');
    expect(r.negated).toBe(true);
  });

  it('takes the particle of a phrasal verb', () => {
    const r = verbGroup('IT sets up a laptop.');
    expect(`${r.verb?.lower} ${r.particle?.lower}`).toBe('sets up');
  });
});

describe('object and complements', () => {
  it('reads a double object as recipient and object', () => {
    const ts = tokens('The system sends the user a notification.');
    const r = blank(ts);
    const i = readObject(ts, readVerbGroup(ts, findVerbGroup(ts), r), r);
    readComplements(ts, i, r);
    expect(words(r.recipient)).toBe('user');
    expect(words(r.object)).toBe('notification');
  });

  it('reads the agent of a passive and the recipient of a hand-over', () => {
    const r = readClause(tokens('The invoice is forwarded by the clerk to the accountant.'));
    expect(words(r.agent)).toBe('clerk');
    expect(words(r.recipient)).toBe('accountant');
    expect(words(r.subject)).toBe('invoice');
  });
});

describe('labels', () => {
  it('is the verb in base form with its object', () => {
    const r = readClause(tokens('The manager schedules an introduction meeting.'));
    expect(labelFor(r, r.object)).toBe('Schedule introduction meeting');
    expect(verbBase(r.verb!)).toBe('schedule');
  });
});
