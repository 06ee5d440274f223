// Outcomes that end a way without refusing anything in words: the thing in hand is closed ("the application is
// closed", "the ticket is closed as a duplicate"), filed away for good ("the application is archived"), written off
// ("the debt is written off"), let go of when it was only held ("the rooms are released", "releases the seats"), the
// person is parked ("the applicant goes on the waiting list", "the reader is put on a waitlist") or sent home ("the
// patient is sent home"). Nothing follows for them, so inside a branch the way ends by that name instead of rejoining
// the work the others go on with.
import { CLOSED_ITEMS, HELD_THINGS, PARKING_PLACES } from './lexicon.ts';
import { verbBase } from './labels.ts';
import type { Phrase } from './phrase.ts';
import type { Reading } from './reading.ts';
import type { Token } from './tokens.ts';

const named = (p: Phrase | null) => (p && p.head.pos !== 'PRON' ? p.words.filter((w) => w.pos !== 'DET' && w.pos !== 'PRON').slice(-2).map((w) => (w.pos === 'PROPN' ? w.text : w.lower)).join(' ') : '');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * "the application is closed", "closes the ticket as a duplicate", "the complaint is archived": the work item is done
 * with ("Application closed"); "closes the valve", "closes the deal" are steps like any other (null).
 */
function closedItem(reading: Reading, thing: Phrase | null): string | null {
  const base = reading.verb ? verbBase(reading.verb) : '';
  if (base !== 'close' || reading.negated || reading.particle) return null;
  const what = (reading.passive ? reading.subject : reading.object) ?? null;
  const item = what && what.head.pos !== 'PRON' ? what : thing;
  if (!item || !CLOSED_ITEMS.has(item.head.lemma.toLowerCase())) return null;
  return capital(`${named(item) || item.head.lower} closed`);
}

/**
 * "the application is archived", "the debt is written off", "the rooms are released" (on a way that cannot go on):
 * the thing is filed away, given up as lost or let go of ("Application archived", "Debt written off", "Rooms
 * released"); "releases the payment", "writes off the old laptop" in the normal way of things go on (null).
 */
function doneAway(reading: Reading, thing: Phrase | null): string | null {
  const base = reading.verb ? verbBase(reading.verb) : '';
  if (reading.negated) return null;
  const what = (reading.passive ? reading.subject : reading.object) ?? null;
  const item = what && what.head.pos !== 'PRON' ? what : thing;
  const name = named(item);
  // (Only an agentless "is archived" is the outcome: "the recruiter archives the application. The recruiter then
  // updates the tracking system" is a step of someone's work that goes on.)
  const archived = base === 'archive' && !reading.particle && reading.passive && !reading.agent;
  const writtenOff = base === 'write' && reading.particle?.lower === 'off';
  // (Only a thing held for someone is let go of: "releases the rooms", never "releases the payment".)
  const released = base === 'release' && !reading.particle && !!item && HELD_THINGS.has(item.head.lemma.toLowerCase());
  if (!archived && !writtenOff && !released) return null;
  const state = writtenOff ? 'written off' : archived ? 'archived' : 'released';
  return capital(name ? `${name} ${state}` : state);
}

/** "goes on the waiting list", "is put on a waitlist", "is added to the reserve list", "is waitlisted": parked. */
function parked(reading: Reading, content: Token[]): string | null {
  const said = ` ${content.map((t) => t.lower).join(' ')} `;
  const place = [...PARKING_PLACES].find((p) => new RegExp(` (on|onto|to|in|into) (the|a|our|their|its) ${p} `).test(said));
  const waitlisted = / (is|are|gets?|get) wait-?listed /.test(said) || reading.verb?.lower === 'waitlisted';
  if (!place && !waitlisted) return null;
  const who = named(reading.passive || !reading.object ? reading.subject : reading.object);
  return capital(place ? `${who ? `${who} ` : ''}on ${place}` : `${who ? `${who} ` : ''}waitlisted`);
}

/** "the patient is sent home", "sends the worker home": nothing more is done for them here ("Patient sent home"). */
function sentHome(reading: Reading, content: Token[]): string | null {
  const base = reading.verb ? verbBase(reading.verb) : '';
  if (base !== 'send' || reading.negated) return null;
  const at = content.findIndex((t) => t === reading.verb);
  if (!content.slice(at + 1).some((t) => t.lower === 'home')) return null;
  const who = named(reading.passive ? reading.subject : reading.object).replace(/ ?home$/, '');
  return capital(`${who ? `${who} ` : ''}sent home`);
}

/** The end a branch's step reaches when it closes, parks or sends home what the way is about; null when it goes on. */
export function closingEnd(reading: Reading, content: Token[], thing: Phrase | null, adverse: boolean): string | null {
  // (Closing is the end only on a way that cannot go on: "Low incidents are closed by the desk" is their handling.)
  return (adverse ? (closedItem(reading, thing) ?? doneAway(reading, thing)) : null) ?? parked(reading, content) ?? sentHome(reading, content);
}
