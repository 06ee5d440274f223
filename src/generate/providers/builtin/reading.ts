// Clause → who does what, read in steps: subject, verb group (voice, negation), object, complements.
import { readComplements, readObject } from './objects.ts';
import { readPhrase, type Phrase } from './phrase.ts';
import { findVerbGroup, readSubject } from './subject.ts';
import type { Token } from './tokens.ts';
import { readVerbGroup } from './verb-group.ts';

export interface Reading {
  subject: Phrase | null;
  /** Further subjects joined by and/or ("the assessor and the clerk"). */
  coSubjects: Phrase[];
  /** "both … and" marks the coordination as simultaneous. */
  both: boolean;
  /** The subject is a pronoun (he, she, they, it, I, we, who, which). */
  subjectPronoun: string | null;
  verb: Token | null;
  particle: Token | null;
  passive: boolean;
  negated: boolean;
  copula: boolean;
  object: Phrase | null;
  /** Preposition + phrase after the verb or object ("about the outcome", "for corrections"). */
  prep: { word: Token; phrase: Phrase } | null;
  /** "by X" in a passive clause. */
  agent: Phrase | null;
  /** "to X" after the object: the receiver of a hand-over. */
  recipient: Phrase | null;
  adverbs: string[];
  /** Everything after the connective, for condition labels. */
  rest: Token[];
}

/** Reads a clause (without its connective words) into who/what. */
export function readClause(tokens: Token[]): Reading {
  const r: Reading = {
    subject: null,
    coSubjects: [],
    both: false,
    subjectPronoun: null,
    verb: null,
    particle: null,
    passive: false,
    negated: false,
    copula: false,
    object: null,
    prep: null,
    agent: null,
    recipient: null,
    adverbs: [],
    rest: tokens,
  };
  const firstVerb = findVerbGroup(tokens);
  if (firstVerb < 0) return r;
  readSubject(tokens, firstVerb, r);
  const afterVerb = readVerbGroup(tokens, firstVerb, r);
  if (!r.verb) {
    // "The next step is a detailed presentation": the complement is what later "it" means.
    if (r.copula && tokens[afterVerb]?.pos === 'DET') r.object = readPhrase(tokens, afterVerb).phrase;
    return r;
  }
  let i = readObject(tokens, afterVerb, r);
  // "sends it back", "fills the form out": a particle after the object.
  const late = tokens[i];
  if (!r.particle && late && ['back', 'out', 'up', 'off'].includes(late.lower) && ['ADV', 'ADP', 'PART'].includes(late.pos)) {
    r.particle = late;
    i++;
  }
  readComplements(tokens, i, r);
  return r;
}
