// The ways of one decision told as three (or two) verbs of its decider: "The reviewer either approves it, requests
// changes, or closes the pull request", "The editor accepts the article, asks for revisions or rejects it". Only the
// accepting way goes on to the work after it: a way that closes the thing beside accepting it ends by name ("Pull
// request closed"), and a way that asks for changes hands the work back to the party it came from — it goes back to
// that party's last step ("Submit pull request") — or, with no such step drawn, ends by name ("Changes requested").
import { closingEnd } from './closing-ends.ts';
import { pastParticiple } from './events.ts';
import { verbBase } from './labels.ts';
import type { Phrase } from './phrase.ts';
import type { Reading } from './reading.ts';
import { MENDING_NOUNS } from './rework-loops.ts';

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

/** Verbs that take the thing away: the way that does so beside accepting it ends there. */
const DISCARDING = new Set(['remove', 'delete', 'discard', 'withdraw', 'scrap', 'dismiss', 'archive']);

/** Whether the way asks for changes beside a way that accepts: it goes back to the party the work came from. */
export function sendsBackForChanges(readings: Reading[], at: number): string | null {
  return othersAccept(readings, at) ? asksForChanges(readings[at]!) : null;
}
