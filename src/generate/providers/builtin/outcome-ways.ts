// The ways of one decision told as three (or two) verbs of its decider: "The reviewer either approves it, requests
// changes, or closes the pull request", "The editor accepts the article, asks for revisions or rejects it". Only the
// accepting way goes on to the work after it: a way that closes the thing beside accepting it ends by name ("Pull
// request closed"), and a way that asks for changes hands the work back to the party it came from — it goes back to
// that party's last step ("Submit pull request") — or, with no such step drawn, ends by name ("Changes requested").
// A way that answers an offer with one of its own ("accepts the offer, proposes other dates or declines", "accepts,
// negotiates the salary or declines", "makes a counter-offer", "asks for a revised quote") has the offer made again: it goes back to the step of
// the other party that made it ("Send offer").
import { closingEnd } from './closing-ends.ts';
import { pastParticiple } from './events.ts';
import { verbBase } from './labels.ts';
import type { Phrase } from './phrase.ts';
import type { Reading } from './reading.ts';
import { MENDING_NOUNS, RENEWED } from './rework-loops.ts';

/** Verbs that take the thing on: the way that goes on with the work. */
const ACCEPTING = new Set(['accept', 'approve', 'grant', 'sign', 'agree', 'merge', 'admit', 'authorise', 'authorize', 'confirm', 'pass', 'release']);
/** Verbs that ask someone for something: "requests changes", "asks for revisions", "demands corrections". */
const ASKING = new Set(['request', 'ask', 'demand', 'require', 'want']);

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "requests changes", "asks for revisions", "requests corrections to the report": the way sends the work back to be mended. */
export function asksForChanges(r: Reading): string | null {
  const base = r.verb ? verbBase(r.verb) : '';
  if (!ASKING.has(base) || r.negated) return null;
  // ("asks the author for changes": the one asked is the object, what is asked for follows "for".)
  const found = [r.object, r.prep?.word.lower === 'for' ? r.prep.phrase : null].map((asked) => {
    const noun = asked?.head.lower ?? '';
    // ("asks for more information", "requests further documents": what the party still owes it.)
    const more = !!asked && asked.words.some((w) => MORE.has(w.lower)) && OWED.has(noun);
    return MENDING_NOUNS.has(noun) || more ? capital(`${noun} requested`) : null;
  });
  return found[0] ?? found[1] ?? null;
}

/** "more information", "further documents", "additional evidence": what the party sending it still owes. */
const MORE = new Set(['more', 'further', 'additional', 'missing', 'extra']);
const OWED = new Set(['information', 'info', 'details', 'documents', 'documentation', 'evidence', 'data', 'papers', 'proof', 'receipts']);

/**
 * The thing the ways decide on, for an "it" in one of them: "approves the claim, asks for more information or rejects
 * it" rejects the claim, not the information asked for.
 */
export function decidedThing(readings: Reading[], at: number): Phrase | null {
  // (Only a thing named before the "it": "accept it or take the bike back" accepts the quote.)
  return readings.slice(0, at).find((r) => r.object && r.object.head.pos !== 'PRON' && !(r.verb && ASKING.has(verbBase(r.verb))))?.object ?? null;
}

/** Whether another way of the choice takes the thing on. */
function othersAccept(readings: Reading[], at: number): boolean {
  return readings.some((x, i) => i !== at && !!x.verb && ACCEPTING.has(verbBase(x.verb)));
}

/** "… or closes the pull request" beside "approves it": the closing way ends ("Pull request closed"). */
export function closedBesideAccepting(readings: Reading[], at: number, thing: Phrase | null): string | null {
  if (!othersAccept(readings, at)) return null;
  const r = readings[at]!;
  const base = r.verb ? verbBase(r.verb) : '';
  // ("approves the post, … or removes it": taking the thing away beside accepting it ends it, "Post removed".)
  const what = r.object && r.object.head.pos !== 'PRON' ? r.object : thing;
  if (DISCARDING.has(base) && !r.negated && what) return capital(`${what.head.lower} ${pastParticiple(base)}`);
  return closingEnd(r, [], thing, true);
}

/** Verbs that answer an offer with another: "proposes other dates", "suggests a new time", "negotiates the price". */
const COUNTERING = new Set(['propose', 'suggest', 'negotiate', 'renegotiate', 'counter', 'counter-offer', 'counteroffer', 'haggle', 'bargain']);
/** What a light verb makes when it answers an offer: "makes a counter-offer", "submits a counterproposal". */
const COUNTER_NOUNS = /^(counter-?offer|counter-?proposal|counter-?bid)s?$/;
/** Verbs that make an offer: the step a counter-offer sends the work back to. */
export const OFFERING_VERBS = new Set(['send', 'make', 'submit', 'prepare', 'offer', 'quote', 'issue', 'present', 'propose', 'extend', 'email']);

/** Whether the way answers an offer with one of its own beside a way that accepts: the offer is made again. */
export function countersOffer(readings: Reading[], at: number): boolean {
  const r = readings[at]!;
  const base = r.verb ? verbBase(r.verb) : '';
  if (r.negated || !othersAccept(readings, at)) return false;
  // ("proposes changes" asks for mending, rework-loops.ts.)
  if ((COUNTERING.has(base) && !MENDING_NOUNS.has(r.object?.head.lower ?? '')) || (!!r.object && COUNTER_NOUNS.test(r.object.head.lower))) return true;
  // "asks for a revised quote", "requests another date", "asks for a lower price": the offer wanted otherwise.
  // ("another" is a determiner, kept out of the phrase: the words after the verb tell it.)
  const after = r.verb ? r.rest.slice(r.rest.indexOf(r.verb) + 1) : [];
  return ASKING.has(base) && after.some((w) => RENEWED.has(w.lower) || OTHERWISE.has(w.lower));
}

/** "another date", "a different time", "a lower price": what is asked for instead of what was offered. */
const OTHERWISE = new Set(['other', 'different', 'lower', 'cheaper', 'better', 'later', 'earlier', 'alternative']);

/** Verbs that take the thing away: the way that does so beside accepting it ends there. */
const DISCARDING = new Set(['remove', 'delete', 'discard', 'withdraw', 'scrap', 'dismiss', 'archive']);

/** Whether the way asks for changes beside a way that accepts: it goes back to the party the work came from. */
export function sendsBackForChanges(readings: Reading[], at: number): string | null {
  return othersAccept(readings, at) ? asksForChanges(readings[at]!) : null;
}
