// "When it arrives", "once the parcel is received": something arriving is a message event, never a task.
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
export function arrivalEvent(r: Reading, thing: Phrase | null): { label: string; verb: string } | null {
  if (!r.verb || r.negated || r.object) return null;
  const base = verbBase(r.verb);
  const arriving = ARRIVING.has(base) && !r.passive;
  const delivered = DELIVERED.has(base) && r.passive;
  if (!arriving && !delivered) return null;
  const what = r.subject ?? (r.subjectPronoun && ['it', 'they', 'this', 'these'].includes(r.subjectPronoun) ? thing : null);
  if (!what || what.head.pos === 'PRON' || MEASURES.has(what.head.lemma)) return null;
  const words = what.words.slice(-3).map((w) => (w.pos === 'PROPN' ? w.text : w.lower));
  const label = [...words, base === 'come' ? 'arrived' : pastParticiple(base), ...(r.particle && base !== 'come' ? [r.particle.lower] : [])].join(' ');
  return { label: label.charAt(0).toUpperCase() + label.slice(1), verb: base };
}
