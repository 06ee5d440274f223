// Who ", who …" means: the person named right before the comma. "orders a valuation from the external valuer, who
// visits the property", "asks for a second opinion from the consultant, who examines the patient": the party after
// "from" or "with" ends the clause, so the relative clause's steps are theirs, not the subject's.
import { namesSomeone, roleWord } from './agents.ts';
import { readPhrase, type Phrase } from './phrase.ts';
import type { Token } from './tokens.ts';

// Prepositions whose party ends a clause before ", who": "from", "with", "by", "at", "through", "via".
const BEFORE_PARTY = new Set(['from', 'with', 'by', 'at', 'through', 'via']);

/** The person a clause ends with after a preposition ("from the external valuer"), or null. */
export function partyEndingClause(tokens: Token[]): Phrase | null {
  const words = tokens.at(-1)?.pos === 'PUNCT' ? tokens.slice(0, -1) : tokens;
  for (let i = words.length - 2; i >= 0; i--) {
    if (!BEFORE_PARTY.has(words[i]!.lower)) continue;
    const { phrase, end } = readPhrase(words, i + 1);
    // ("put in a file together with the Claim Documentation": a capitalised thing is no one.)
    const someone = !!phrase && namesSomeone(phrase) && (phrase.head.pos !== 'PROPN' || roleWord(phrase.head.lemma.toLowerCase()));
    return someone && end === words.length ? phrase : null;
  }
  return null;
}
