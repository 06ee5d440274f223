// A kind of thing or party doing a step "also" or "additionally" does it on top of what all of them do: "Foreign
// applicants additionally submit a language certificate", "Senior hires also get a signing bonus letter", "Fragile
// items also get extra padding". The step runs for that kind only, so it gets a way that skips it.
import { kindCondition } from './restrictive-only.ts';
import { type Sentence, word } from './tokens.ts';

/** Adverbs before the verb that add a step to the ones all the things get. */
const ADDING = new Set(['also', 'additionally', 'further', 'furthermore']);

/**
 * "Foreign applicants additionally submit …" → "If it is a foreign applicant, applicants additionally submit …"; null
 * when the sentence does not open with describing words, a plural head and an adding adverb before its verb. Not in
 * the first sentence: there the kind is what the whole text is about.
 */
export function addedKindAsIf(sentence: Sentence, at: number): Sentence | null {
  const adverb = sentence.findIndex((t, i) => i >= 2 && i <= 4 && ADDING.has(t.lower));
  const verb = sentence[adverb + 1];
  if (at === 0 || adverb < 0 || !['VERB', 'AUX'].includes(verb?.pos ?? '')) return null;
  // (The tagger may read the plural head as a verb: "Senior hires also get …".)
  // (Its first word keeps no capital: "Foreign" is tagged a name only for opening the sentence.)
  const subject = sentence.slice(0, adverb).map((t, i) => (i === adverb - 1 && t.pos === 'VERB' ? { ...t, pos: 'NOUN' } : i === 0 && /^[A-Z][a-z]+$/.test(t.text) ? { ...t, text: t.lower, pos: 'ADJ' } : t));
  if (subject.some((t) => t.pos === 'DET')) return null;
  const kind = kindCondition([...subject, word(',', 'PUNCT')], 0);
  if (!kind) return null;
  // (The kind stays on the subject too, so its party is "Senior managers", not all managers.)
  return [word('If', 'SCONJ', 'if'), ...kind.condition, word(',', 'PUNCT'), ...subject.map((t) => ({ ...t, first: false })), ...sentence.slice(adverb)];
}
