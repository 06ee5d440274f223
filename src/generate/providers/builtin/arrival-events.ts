// "When it arrives", "once the parcel is received": something arriving is a message event, never a task.
import { namesSomeone } from './agents.ts';
import { pastParticiple } from './events.ts';
import { verbBase } from './labels.ts';
import { MEASURES } from './lexicon.ts';
import type { Phrase } from './phrase.ts';
import type { Reading } from './reading.ts';

// Things arriving by themselves: "when the parcel arrives", "once the payment comes in".
const ARRIVING = new Set(['arrive', 'come', 'reach', 'land']);
// Things reaching us by someone else's doing: "once the form is received / submitted / delivered / paid".
const DELIVERED = new Set(['receive', 'deliver', 'submit', 'return', 'send', 'upload', 'pay', 'sign', 'hand', 'file', 'lodge']);

/**
 * The message event of a trigger clause about a thing arriving ("Parcel arrived", "Payment received"); "it" is the
 * thing last named. Null when the clause says someone does something, or names no thing.
 */
export function arrivalEvent(r: Reading, thing: Phrase | null): Arrival | null {
  if (!r.verb || r.negated) return null;
  const base = verbBase(r.verb);
  // "When the lab receives a sample" names who receives: their step, like "is received by the registry".
  if (r.object) return null;
  const arriving = ARRIVING.has(base) && !r.passive;
  const delivered = DELIVERED.has(base) && r.passive;
  if (!arriving && !delivered) return null;
  // "it" is the thing last named, never a measure ("once the fee is paid" names its measure itself).
  const pointed = r.subjectPronoun && ['it', 'they', 'this', 'these'].includes(r.subjectPronoun) && thing && !MEASURES.has(thing.head.lemma) ? thing : null;
  const what = r.subject ?? pointed;
  if (!what || what.head.pos === 'PRON') return null;
  // "When the patient arrives": someone coming is an event, but no message.
  if (ARRIVING.has(base) && namesSomeone(what)) return { ...named(what, 'arrived', base), message: false };
  return named(what, [base === 'come' ? 'arrived' : pastParticiple(base), ...(r.particle && base !== 'come' ? [r.particle.lower] : [])].join(' '), base);
}

export interface Arrival {
  label: string;
  /** The verb of the clause, to recognise the process's own step said again. */
  verb: string;
  message: boolean;
}

function named(what: Phrase, state: string, verb: string): Arrival {
  const label = [...what.words.slice(-3).map((w) => (w.pos === 'PROPN' ? w.text : w.lower)), state].join(' ');
  return { label: label.charAt(0).toUpperCase() + label.slice(1), verb, message: true };
}
