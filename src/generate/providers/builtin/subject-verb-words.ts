// Where the subject ends and its verb begins, when the tagger draws the line inside the verb group: "the loan officer
// first checks" (an adverb read as a noun of the name), "the associate starts drafting" (a catenative's -s form read as
// a noun), "the associate begins reviewing" (the role read as a describing word). Left as tagged, the lane would be
// "Loan officer first" or "Associate starts", or the step would have no one who does it.
import { CATENATIVE_VERBS } from './lexicon.ts';
import type { Token } from './tokens.ts';
import { thirdPersonBase, verbLemma } from './verb-lemma.ts';

// Words that say when or how often, standing between a subject and its verb whatever their tag.
const BETWEEN_SUBJECT_AND_VERB = new Set(['first', 'then', 'also', 'usually', 'always', 'often', 'immediately', 'now', 'only', 'again', 'still', 'just', 'finally', 'next', 'later', 'normally', 'typically', 'sometimes', 'afterwards', 'subsequently']);

const isVerbS = (t: Token | undefined) => !!t && /^[a-z]+[^s]s$/.test(t.lower) && (t.pos === 'VERB' || t.pos === 'NOUN');
const nameWord = (t: Token | undefined) => !!t && (t.pos === 'NOUN' || t.pos === 'PROPN');

/** Retags the words at the subject's end and the verb group's start. */
export function markSubjectVerbBoundary(tokens: Token[]): void {
  for (let i = 1; i < tokens.length - 1; i++) {
    const [prev, t, next] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    // "the loan officer first checks", "the courier first scans": an adverb after the name and before its verb.
    if (BETWEEN_SUBJECT_AND_VERB.has(t.lower) && t.pos !== 'ADV' && nameWord(prev) && (next.pos === 'VERB' || isVerbS(next)) && ['DET', 'PRON', 'ADP', 'ADJ', 'NOUN', 'PROPN'].includes(tokens[i + 2]?.pos ?? '')) {
      t.pos = 'ADV';
    }
    // "the associate starts drafting the contract": a catenative's -s form before an -ing verb is the verb.
    // ("the courier resumes loading the van": and an -ing form read as a noun after it, before its object, is the step.)
    if (isVerbS(t) && CATENATIVE_VERBS.has(thirdPersonBase(t.lower)) && /[a-z]ing$/.test(next.lower) && ['VERB', 'NOUN'].includes(next.pos) && ['DET', 'PRON'].includes(tokens[i + 2]?.pos ?? '')) {
      Object.assign(t, { pos: 'VERB', lemma: thirdPersonBase(t.lower) });
      if (next.pos === 'NOUN') Object.assign(next, { pos: 'VERB', lemma: verbLemma(next.lower) });
    }
  }
  // "The associate begins reviewing …", "the associate starts drafting …": a describing word alone after the article,
  // right before the clause's verb, is the name of who acts.
  for (let i = 1; i < tokens.length - 1; i++) {
    const [det, t, next] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    const verbAfter = next.pos === 'VERB' && isVerbS(next);
    // ("Once the client has signed, the associate starts drafting …", "if changes are needed the associate revises it":
    // at a clause's start after a comma or right after the verb that closed the clause before, too.)
    const opens = det.first || i === 1 || tokens[i - 2]?.text === ',' || ['VERB', 'ADV'].includes(tokens[i - 2]?.pos ?? '');
    if (t.pos === 'ADJ' && ['the', 'a', 'an'].includes(det.lower) && opens && verbAfter) t.pos = 'NOUN';
  }
}
