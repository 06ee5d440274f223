// Tag fixes about who acts that need to know which nouns name people: plural roles opening a sentence, the second of
// two coordinated subjects, a department named small after "to".
import { namesSomeone } from './agents.ts';
import { DEPARTMENT_WORDS } from './actor-tags.ts';
import { signalBase } from './device-signals.ts';
import { canBeVerb, type Token } from './tokens.ts';
import { thirdPersonBase } from './verb-lemma.ts';

// (A plural noun loses its "-s" as a verb's third person does: "patients" → "patient", "deputies" → "deputy".)
const singular = thirdPersonBase;

/** Whether a noun, read as a common noun, names someone ("patients" → patient, "customers" → customer). */
function namesPeople(t: Token): boolean {
  const lemma = singular(t.lower);
  const noun = { ...t, pos: 'NOUN', lemma, first: false };
  return namesSomeone({ words: [noun], head: noun, of: null });
}

const SEQUENCE_WORDS = new Set(['first', 'next', 'then', 'finally', 'lastly', 'afterwards']);

/** Fixes the tags in place; returns the tokens for chaining. */
export function tagSubjects(tokens: Token[]): Token[] {
  const opening = tokens.findIndex((t) => t.pos !== 'PUNCT');
  const head = tokens[opening];
  // "First person checks the list": a sequence word opening the sentence with no determiner is the connective whose
  // comma was left out, never part of who acts.
  // ("First aid is given", "Second opinions are asked for": before a thing, the word keeps its own meaning.)
  const after = tokens[opening + 1];
  if (head && SEQUENCE_WORDS.has(head.lower) && after && ['NOUN', 'PROPN'].includes(after.pos) && namesPeople(after) && head.pos !== 'ADV') head.pos = 'ADV';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // "Patients fill in the form", "Customers of the pharmacy collect …": a plural role noun capitalised only because
    // it opens the sentence is the people who act, not a name.
    const first = t.first || (prev?.pos === 'ADV' && prev.first);
    // ("Customers place orders …": the bare word after them is their verb, the plural after it the object.)
    // ("Students hand in their projects": a particle may stand between.)
    const particle = ['in', 'up', 'out', 'over', 'back', 'off'].includes(tokens[i + 2]?.lower ?? '') && ['DET', 'PRON'].includes(tokens[i + 3]?.pos ?? '');
    const object = particle ? tokens[i + 3] : tokens[i + 2];
    const verbBefore = !!next && next.pos === 'NOUN' && /^[a-z]+$/.test(next.text) && !/s$/.test(next.lower) && !!object && (['DET', 'PRON'].includes(object.pos) || /^[a-z]+s$/.test(object.text));
    if (first && t.pos === 'PROPN' && /^[A-Z][a-z]+s$/.test(t.text) && namesPeople(t) && (['VERB', 'ADV', 'ADP', 'AUX'].includes(next?.pos ?? '') || verbBefore)) {
      t.pos = 'NOUN';
      t.lemma = singular(t.lower);
      if (verbBefore) {
        Object.assign(next!, { pos: 'VERB', lemma: next!.lower });
        if (object!.pos === 'VERB') Object.assign(object!, { pos: 'NOUN', lemma: singular(object!.lower) });
      }
    }
    // "The store manager and the assistant count the delivery", "Two reviewers check the code", "The teaching
    // assistants grade them": in a subject (no verb yet), a role in the plural or after "and", then a bare word and a
    // determiner or pronoun, are who acts and their plural verb.
    const joined = prev?.lower === 'and' || (prev?.pos === 'DET' && tokens[i - 2]?.lower === 'and');
    const plural = t.pos === 'NOUN' && /[^s]s$/.test(t.lower);
    const noVerbYet = !tokens.slice(0, i).some((x) => x.pos === 'VERB' || x.pos === 'AUX');
    const bare = !!next && ['NOUN', 'ADJ'].includes(next.pos) && /^[a-z]+$/.test(next.text) && !/(s|ing|ed)$/.test(next.lower);
    // ("At noon the drivers return to the depot": a verb that English has may take a preposition instead.)
    const complement = ['DET', 'PRON'].includes(tokens[i + 2]?.pos ?? '') || (tokens[i + 2]?.pos === 'ADP' && !!next && canBeVerb(next.lower));
    if ((joined || plural) && noVerbYet && ['NOUN', 'ADJ'].includes(t.pos) && namesPeople(t) && bare && complement) {
      t.pos = 'NOUN';
      next!.pos = 'VERB';
      next!.lemma = next!.lower;
    }
    // "checked by the back office", "the above form": a word between a determiner and its noun describes the noun.
    if (t.pos === 'ADV' && prev?.pos === 'DET' && next?.pos === 'NOUN' && /^[a-z]+$/.test(t.text)) t.pos = 'ADJ';
    // "It is passed to legal, who check the terms": a department word written small after "to" that ends its phrase is
    // the department, not an adjective.
    const ends = !next || next.pos === 'PUNCT' || next.pos === 'CCONJ' || next.lower === 'for';
    if (DEPARTMENT_WORDS.has(t.lower) && t.pos !== 'PROPN' && ['to', 'by', 'from'].includes(prev?.lower ?? '') && ends) {
      t.pos = 'PROPN';
      t.lemma = t.lower;
    }
    // "The scanner beeps and …", "the press jams.", "the till beeps on every item": before any verb, a word of
    // signalling after a noun is its verb.
    const clauseEnds = !next || ['PUNCT', 'CCONJ', 'ADP'].includes(next.pos);
    const signalled = t.pos === 'NOUN' && prev?.pos === 'NOUN' && noVerbYet && clauseEnds ? signalBase(t.lower) : null;
    if (signalled) Object.assign(t, { pos: 'VERB', lemma: signalled });
  }
  return tokens;
}
