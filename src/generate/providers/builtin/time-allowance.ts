// Time allowed for a step: "the customer has 14 days to reply", "suppliers are given 10 days to deliver" set the same
// deadline as "the customer must reply within 14 days", and are read as that ("has until Friday to reply" as "must
// reply by Friday").
import { findDuration } from './time-expressions.ts';
import type { Token } from './tokens.ts';

const MUST: Token = { text: 'must', lower: 'must', pos: 'AUX', lemma: 'must' };
const WITHIN: Token = { text: 'within', lower: 'within', pos: 'ADP', lemma: 'within' };
const BY: Token = { text: 'by', lower: 'by', pos: 'ADP', lemma: 'by' };

/** The clause said as "X must do Y within N days", or null when it allows no time for a step. */
export function allowedTime(tokens: Token[]): Token[] | null {
  return givenTime(tokens) ?? hasTime(tokens);
}

// Verbs that allow someone time: "we give the supplier 10 days to fix it", "the bank allows the client a week to sign".
const GIVING = new Set(['give', 'allow', 'grant']);

/** "We give the supplier 10 working days to fix it" → "the supplier must fix it within 10 working days". */
function givenTime(tokens: Token[]): Token[] | null {
  const give = tokens.findIndex((t, i) => t.pos === 'VERB' && GIVING.has(t.lemma) && tokens[i - 1]?.lemma !== 'be');
  const to = tokens.findIndex((t, i) => i > give && t.lower === 'to' && tokens[i + 1]?.pos === 'VERB');
  if (give < 0 || to < 0) return null;
  // The receiver runs up to the span: the first place from which the rest up to "to" is a time allowed.
  for (let at = give + 2; at < to; at++) {
    const span = tokens.slice(at, to);
    const time = findDuration([WITHIN, ...span]);
    if (time?.kind !== 'deadline' || time.end !== span.length + 1) continue;
    const receiver = tokens.slice(give + 1, at);
    if (!receiver.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return null;
    const punct = tokens.findIndex((t, i) => i > to && t.pos === 'PUNCT');
    const end = punct < 0 ? tokens.length : punct;
    return [...receiver, MUST, ...tokens.slice(to + 1, end), WITHIN, ...span, ...tokens.slice(end)];
  }
  return null;
}

/** "The customer has 14 days to reply", "suppliers are given 10 days to deliver". */
function hasTime(tokens: Token[]): Token[] | null {
  const have = tokens.findIndex((t) => t.lemma === 'have' || t.lemma === 'get' || t.lower === 'given');
  if (have < 0) return null;
  // "has up to 14 days to": the most time allowed is the deadline.
  const from = tokens[have + 1]?.lower === 'up' && tokens[have + 2]?.lower === 'to' ? have + 3 : have + 1;
  const to = tokens.findIndex((t, i) => i > from && t.lower === 'to');
  if (to <= from || tokens[to + 1]?.pos !== 'VERB') return null;
  // "has until the end of the month to upload", "has until Friday to decide": a point in time, due by then.
  const until = tokens[from]?.lower === 'until';
  const span = tokens.slice(until ? from + 1 : from, to);
  const time = findDuration([until ? BY : WITHIN, ...span]);
  if (time?.kind !== 'deadline' || time.end !== span.length + 1) return null;
  // "are given 10 days": the auxiliary goes with "given".
  const subjectEnd = tokens[have]!.lower === 'given' && tokens[have - 1]?.lemma === 'be' ? have - 1 : have;
  // The time goes right after the step, before any punctuation: "to sign; after that …".
  const punct = tokens.findIndex((t, i) => i > to && t.pos === 'PUNCT');
  const end = punct < 0 ? tokens.length : punct;
  return [...tokens.slice(0, subjectEnd), MUST, ...tokens.slice(to + 1, end), until ? BY : WITHIN, ...span, ...tokens.slice(end)];
}
