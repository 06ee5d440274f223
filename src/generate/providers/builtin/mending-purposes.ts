// What work is sent back for: "goes back to the employee to correct and resubmit", "is returned to the author for
// rework", "sent back to the supplier to fix", "goes back to the team to revise". The purpose is the receiver's step
// (Correct claim, Rework draft, Fix parts, Revise plan), drawn in their lane before the loop goes back, so the
// correction a modeller expects is not lost in the loop.
import { MENDING } from './rework-loops.ts';
import type { Phrase } from './phrase.ts';
import type { Token } from './tokens.ts';
import { thirdPersonBase } from './verb-lemma.ts';

/** "for correction", "for rework": the mending a noun names, as its verb. */
const MENDING_BY_NOUN: Record<string, string> = {
  correction: 'correct', corrections: 'correct', revision: 'revise', revisions: 'revise', rework: 'rework', amendment: 'amend',
  amendments: 'amend', changes: 'revise', completion: 'complete', clarification: 'clarify', repair: 'repair', fixing: 'fix',
};
/** Finishing or making clear what was found wanting is mending too: "to complete and resubmit", "to clarify". */
const MENDING_TOO = new Set(['complete', 'clarify', 'update', 'improve']);

/** Particles a hand-in's label carries after its verb ("Hand in thesis"), which no mending of the thing keeps. */
export const PARTICLE_WORDS = new Set(['in', 'up', 'out', 'back', 'off', 'on', 'over', 'through', 'down']);

/** The verb of the mending the work is sent back for, after the receiver ("to correct", "for correction"); else null. */
export function mendingPurpose(tokens: Token[], after: Token | undefined): string | null {
  const from = after ? tokens.indexOf(after) + 1 : 0;
  for (let i = Math.max(from, 1); i < tokens.length - 1; i++) {
    const [word, next] = [tokens[i]!, tokens[i + 1]!];
    const verb = next.lemma === next.lower ? next.lower : thirdPersonBase(next.lower);
    if (word.lower === 'to' && next.pos === 'VERB' && (MENDING.has(verb) || MENDING_TOO.has(verb))) return verb;
    if (word.lower === 'for' && MENDING_BY_NOUN[next.lower]) return MENDING_BY_NOUN[next.lower]!;
  }
  return null;
}

/** "Correct claim": the mending verb on the thing sent back, its describing words (the case it was sent back in) left out. */
export function mendingLabel(verb: string, thing: Phrase | null): string | null {
  if (!thing || thing.head.pos === 'PRON') return null;
  const at = thing.words.indexOf(thing.head);
  const nouns = thing.words.slice(0, at).filter((w) => w.pos === 'NOUN' && w.lower !== 'back').slice(-2).map((w) => w.lower);
  const head = thing.head.lemma.toLowerCase();
  return `${verb.charAt(0).toUpperCase()}${verb.slice(1)} ${[...nouns, head].join(' ')}`;
}
