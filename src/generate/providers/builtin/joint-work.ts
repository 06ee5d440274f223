// "Sales and finance review the offer", "is checked by planning and by the fire brigade", "… to IT and to facilities,
// who each prepare the desk": the same step by each party, side by side. "The buyer and the seller negotiate the
// price" or "the MPON and the MPOO perform the acquisition" is one piece of work done together.
import { mayAct, namesSomeone } from './agents.ts';
import type { Clause } from './clauses.ts';
import { verbBase } from './labels.ts';
import { LIGHT_VERBS } from './lexicon.ts';
import type { Phrase } from './phrase.ts';
import type { Reading } from './reading.ts';

// Verbs whose subjects act with each other, never each on their own.
const RECIPROCAL_VERBS = new Set(['meet', 'agree', 'discuss', 'negotiate', 'talk', 'collaborate', 'cooperate', 'confer', 'consult', 'liaise', 'coordinate', 'settle', 'shake']);
const TOGETHER = /\b(together|jointly|with each other|with one another|between them)\b/i;

/** Whether coordinated parties do the clause's step together, as one task, rather than each its own. */
function doneTogether(r: Reading, text: string): boolean {
  if (!r.verb) return true;
  const base = verbBase(r.verb);
  return LIGHT_VERBS.has(base) || RECIPROCAL_VERBS.has(base) || TOGETHER.test(text);
}

/**
 * The clause read once per party when several do its step each on their own, or null. `receivers` are whom "who"
 * means: the last receiver named and those named with it.
 */
export function eachParty(r: Reading, c: Clause, receivers: Phrase[], text: string): Array<{ reading: Reading; clause: Clause }> | null {
  const relative = c.relative || r.subjectPronoun === 'who';
  // ("Both the assessor and the clerk …" says it outright.)
  const apart = (parties: Array<Phrase | null>) => parties.length > 1 && !!parties[0] && namesSomeone(parties[0]!) && parties.every((p) => p && mayAct(p)) && !doneTogether(r, text);
  if (r.passive && r.agent && r.coAgents.length) {
    const agents = [r.agent, ...r.coAgents];
    // (Each reading keeps the others as co-agents: listed with a party, a word like "brigade" names one too.)
    return apart(agents) ? agents.map((agent) => ({ reading: { ...r, agent, coAgents: agents.filter((a) => a !== agent) }, clause: c })) : null;
  }
  const subjects = relative && receivers.length > 1 ? receivers : [r.subject, ...r.coSubjects];
  if (r.passive || !subjects[0] || !(r.both ? subjects.length > 1 : apart(subjects))) return null;
  return subjects.map((subject) => ({ reading: { ...r, subject, subjectPronoun: null, coSubjects: [] }, clause: { ...c, relative: false } }));
}
