// "The request goes to the security team for review", "it is sent to the director for signature": what a thing is
// handed on for is the receiver's next step, drawn in the receiver's lane.
import { cleanLabel } from './label-gate.ts';
import type { Phrase } from './phrase.ts';
import type { Reading } from './reading.ts';

// Nouns of a purpose and the step they name.
const PURPOSES: Record<string, string> = {
  review: 'Review', approval: 'Approve', signature: 'Sign', signing: 'Sign', check: 'Check', checking: 'Check',
  assessment: 'Assess', verification: 'Verify', inspection: 'Inspect', analysis: 'Analyse',
  evaluation: 'Evaluate', authorisation: 'Authorise', authorization: 'Authorize', validation: 'Validate', 'sign-off': 'Sign off',
};
// Hand-overs that pass work on; sending something back is rework, read elsewhere.
const HANDING_ON = new Set(['go', 'move', 'pass', 'forward', 'send', 'submit', 'route', 'refer', 'transfer', 'hand', 'escalate']);

/** The label of the step a hand-over is for ("Review access request", "Check budget"), or null. */
export function stepHandedFor(r: Reading, base: string, thing: Phrase | null): string | null {
  if (!HANDING_ON.has(base) || r.particle?.lower === 'back' || r.prep?.word.lower !== 'for') return null;
  const purpose = r.prep.phrase;
  const verb = PURPOSES[purpose.head.lemma.toLowerCase()];
  if (!verb || purpose.of) return null;
  // ("for a budget check": the noun before the purpose is what is checked.)
  const named = purpose.words.slice(0, -1).filter((w) => w.pos === 'NOUN');
  const what = named.length ? named : thing && thing.head.pos !== 'PRON' ? thing.words.filter((w) => w.pos !== 'DET').slice(-3) : [];
  if (!what.length) return null;
  return cleanLabel([verb, ...what.map((w) => (w.pos === 'PROPN' ? w.text : w.lower))].join(' '), 'task');
}
