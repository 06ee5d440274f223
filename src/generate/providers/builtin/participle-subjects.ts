// A subject described by an -ing phrase before its verb: "Patients arriving at the clinic register at the desk",
// "Drivers returning to the depot hand in their keys", "Staff working the night shift log their hours". The phrase
// only says which ones act (like "who arrive at the clinic"); the step is the verb after it, which the tagger often
// reads as a noun of the phrase ("depot hand", "shift log"). The phrase is dropped and that word made the verb.
import { thirdPersonBase } from './verb-lemma.ts';
import type { Token } from './tokens.ts';

const SUBJECT_WORDS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN']);
// What a participle's own phrase is made of: "arriving at the clinic", "wishing to enrol", "working the night shift".
const PHRASE_WORDS = new Set(['ADP', 'DET', 'PRON', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);
// What may follow a verb: its object, a complement or a particle ("register at the desk", "hand in their keys").
const AFTER_VERB = new Set(['DET', 'PRON', 'ADP', 'PART', 'NUM', 'ADJ', 'ADV']);

/** Drops a subject's -ing phrase and marks the verb after it; other sentences are returned unchanged. */
export function dropParticipleOfSubject(tokens: Token[], canBeVerb: (word: string) => boolean): Token[] {
  let i = tokens[0]?.pos === 'PUNCT' ? 1 : 0;
  const start = i;
  while (SUBJECT_WORDS.has(tokens[i]?.pos ?? '')) i++;
  const head = tokens[i - 1];
  const ing = tokens[i];
  if (i === start || !head || !['NOUN', 'PROPN'].includes(head.pos) || ing?.pos !== 'VERB' || !/[a-z]{2}ing$/.test(ing.lower)) return tokens;
  // ("The clerk scanning the labels …" agrees "scans"; "Patients arriving …" agree "register".)
  const plural = /[^s]s$/.test(head.lower) || ['staff', 'people', 'personnel', 'team', 'crew'].includes(head.lower);
  for (let j = i + 1; j < tokens.length - 1; j++) {
    const [prev, w, next] = [tokens[j - 1]!, tokens[j]!, tokens[j + 1]!];
    const phraseEnd = ['NOUN', 'PROPN'].includes(prev.pos) || (prev.pos === 'VERB' && tokens[j - 2]?.lower === 'to');
    const form = plural ? !/[^s]s$/.test(w.lower) : /[^s]s$/.test(w.lower);
    const base = plural ? w.lower : thirdPersonBase(w.lower);
    const verb = (w.pos === 'VERB' && !/(ing|ed)$/.test(w.lower)) || (['NOUN', 'ADJ'].includes(w.pos) && /^[a-z]+$/.test(w.lower) && canBeVerb(base));
    if (phraseEnd && form && verb && AFTER_VERB.has(next.pos)) {
      Object.assign(w, { pos: 'VERB', lemma: base });
      return [...tokens.slice(0, i), ...tokens.slice(j)];
    }
    if (!PHRASE_WORDS.has(w.pos) && !(w.pos === 'VERB' && prev.lower === 'to')) return tokens;
  }
  return tokens;
}
