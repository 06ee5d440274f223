// "When she finishes, she closes the ticket", "Once the upload completes, …", "When he gets back, …": after the step
// it refers to, the end of that step (or the return of whoever did it) is a point in time — the flow simply goes
// on from the step before. No "Finish boiler" task, no "Upload completed" event.
import { actionVerb, verbBase } from './labels.ts';
import type { Reading } from './reading.ts';
import type { Token } from './tokens.ts';

// Verbs that say a step is over: "finishes", "completes", "ends", "is done".
const FINISHING = new Set(['finish', 'complete', 'end', 'conclude', 'wrap', 'stop']);
// Verbs that say the one who did it is back or there: "comes back", "returns", "arrives", "gets back".
const RETURNING = new Set(['return', 'arrive', 'come', 'get']);
const POINTING = new Set(['it', 'this', 'that', 'they', 'he', 'she', 'i', 'we', 'you']);
const PEOPLE = new Set(['he', 'she', 'i', 'we', 'you']);

/**
 * Whether a "when/once …" clause only marks the end of the last step: a finishing verb about that step ("the upload
 * completes" after "Upload scans", "it ends", "she finishes (the repair)"), or the one who did it coming back ("when
 * he arrives" after his own "Load van"). `lastLabel` is the last task's label, `byLastActor` whether a subject names
 * whoever did it.
 */
export function marksLastStepEnd(r: Reading, tokens: Token[], lastLabel: string, byLastActor: boolean): boolean {
  if (!r.verb || r.negated || r.passive || r.copula || !lastLabel) return false;
  const base = verbBase(r.verb);
  const [lastVerb = '', ...lastThing] = lastLabel.toLowerCase().split(' ');
  // ("the upload", "the run", "the repair", "the inspection": the action noun of the step just drawn.)
  const namesStep = (lemma: string) => lemma === lastVerb || actionVerb(lemma) === lastVerb || lastThing.includes(lemma);
  const pointer = !!r.subjectPronoun && POINTING.has(r.subjectPronoun);
  const subjectIsStep = !!r.subject && namesStep(r.subject.head.lemma.toLowerCase());
  const after = tokens.slice(tokens.indexOf(r.verb) + 1).filter((t) => t.pos !== 'PUNCT');
  if (FINISHING.has(base)) {
    // ("When she finishes the repair", "once they complete it": the object, if any, is that step or a pronoun.)
    const object = r.object;
    const objectOk = !object || object.head.pos === 'PRON' || namesStep(object.head.lemma.toLowerCase());
    return objectOk && (pointer || subjectIsStep || byLastActor);
  }
  // ("When he comes back", "once she gets back", "when he arrives": no object, nowhere else named.)
  // ("When they arrive" after "ships the parts" is the parts arriving: only a person pronoun is whoever did the step.)
  if (RETURNING.has(base) && !r.object && (PEOPLE.has(r.subjectPronoun ?? '') || byLastActor)) {
    const back = r.particle?.lower === 'back' || after.some((t) => t.lower === 'back');
    return base === 'arrive' || base === 'return' ? after.length === 0 || back : back;
  }
  return false;
}
