// "Accounts pays it", "Admissions reviews the file", "Operations approves the change": a plural noun that takes a
// verb in -s is one unit named for its work, a party — not a pile of things.
import type { Phrase } from './phrase.ts';
import type { Token } from './tokens.ts';

// Nouns in -s that are singular all the same: "the news reaches …", "the series runs …".
const SINGULAR_IN_S = new Set(['news', 'series', 'means', 'species', 'physics', 'mathematics', 'politics', 'ethics', 'economics', 'diabetes', 'measles']);

/** Whether a bare plural subject agreeing with a verb in -s names a unit. */
export function unitByAgreement(subject: Phrase, verb: Token | null): boolean {
  if (!verb || verb.pos !== 'VERB' || !/[^s]s$/.test(verb.lower) || verb.lower === verb.lemma) return false;
  const head = subject.head;
  if (subject.words.length !== 1 || !['NOUN', 'PROPN'].includes(head.pos)) return false;
  return /[^su]s$/.test(head.lower) && !/(ss|us|is|ics)$/.test(head.lower) && !SINGULAR_IN_S.has(head.lower);
}
