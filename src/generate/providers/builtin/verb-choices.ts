// A choice told as two verbs joined by "or" ("The doctor either admits or discharges the patient", "The analyst
// confirms the fraud or clears the alert") puts a question as "decides whether" does: a sentence after it about the
// things one way leaves ("Admitted patients are taken to the ward", "Released batches are shipped") is that way's own
// step, not a step after both ways meet. Only a kind or relative that names one of the chosen verbs is read so.
import type { Sentence, Token } from './tokens.ts';

/** A verb's stem to find it again in a participle: "release" → "releas" (of "released"), "admit" → "admit". */
const stem = (lemma: string) => lemma.replace(/e$/, '');

/** The lemmas of the verbs a sentence chooses between ("admit", "discharge"); null when it chooses none. */
export function chosenVerbs(s: Sentence): string[] | null {
  // (A condition or a question in the sentence is read by its own rules.)
  if (s.some((t) => ['if', 'whether', 'when', 'unless'].includes(t.lower))) return null;
  const or = s.findIndex((t, i) => t.lower === 'or' && s[i + 1]?.pos === 'VERB');
  if (or < 0) return null;
  // (The verb right before "or": "examines the patient and either admits or discharges" chooses admitting.)
  const first = s.slice(0, or).findLast((t) => t.pos === 'VERB');
  return first ? [first.lemma, s[or + 1]!.lemma] : null;
}

/** Whether the outcome's words name one of the chosen verbs: "Admitted patients" after "admits or discharges". */
export function namesChosenVerb(words: Token[], verbs: string[]): boolean {
  return words.some((t) => verbs.some((v) => t.lower.startsWith(stem(v)) && t.lower.length > stem(v).length));
}
