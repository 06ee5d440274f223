// What a verb needs after its object for the label to keep its meaning: "as …" after marking verbs, "to …" after
// carrying verbs ("Mark guest as no-show", "Take patient to room", not "Mark guest", "Take patient").
import { namesSomeone } from './agents.ts';
import { readPhrase, type Phrase } from './phrase.ts';
import type { Reading } from './reading.ts';

// Verbs whose "as …" says what the thing is declared to be: marking it is not the step without it.
const MARKING_VERBS = new Set(['mark', 'flag', 'label', 'tag', 'classify', 'class', 'list', 'record', 'log', 'register', 'report', 'declare', 'designate', 'rate', 'categorise', 'categorize', 'set']);
// Verbs of carrying someone or something to a place: where it is taken is what the step does.
const CARRYING_VERBS = new Set(['take', 'bring', 'move', 'transfer', 'transport', 'escort', 'wheel', 'carry', 'accompany', 'lead', 'drive', 'walk', 'show', 'admit']);

/** "marks the guest as a no-show": ["as", "no-show"], or null. */
export function markedAs(r: Reading, verb: string, object: Phrase): string[] | null {
  if (!MARKING_VERBS.has(verb)) return null;
  // ("classifies it as urgent": the object may be the thing a pronoun of the clause means.)
  // ("the appointment is marked as missed": in a passive the "as" follows the verb.)
  const last = r.passive && r.verb && r.rest[r.rest.indexOf(r.verb) + 1]?.lower === 'as' ? r.verb : [object.words.at(-1), r.object?.words.at(-1)].find((t) => t && r.rest.includes(t));
  const at = last ? r.rest.indexOf(last) : -1;
  if (at < 0 || r.rest[at + 1]?.lower !== 'as') return null;
  const { phrase } = readPhrase(r.rest, at + 2);
  if (phrase) return ['as', ...phrase.words.map((w) => w.lower)];
  // ("flags the payment as suspicious", "marks the order as paid": a bare state.)
  const state = r.rest[at + 2];
  return state && ['ADJ', 'VERB'].includes(state.pos) ? ['as', state.lower] : null;
}

/**
 * "takes the patient to the room": ["to", "room"], or null: a thing taken to a person is a hand-over; a person taken
 * anywhere ("wheels the patient to the theatre", "brings the patient to the doctor") is the step.
 */
export function carriedTo(r: Reading, verb: string, object: Phrase): string[] | null {
  if (!CARRYING_VERBS.has(verb) || !r.recipient || r.recipient === object || (namesSomeone(r.recipient) && !namesSomeone(object))) return null;
  return ['to', ...r.recipient.words.map((w) => w.lower)];
}
