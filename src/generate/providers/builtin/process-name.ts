// The diagram's name when the text gives no title: the process is named for the thing its steps handle most
// ("Check form", "Stamp form", "File form" → "Form handling"; "Create purchase order", "Approve purchase order" →
// "Purchase order handling"), never for one word cut out of a compound ("Blood process" from "blood pressure").
// A person the steps work on is what a care, school or hiring process handles ("Examine patient", "Admit patient" →
// "Patient handling"), never one they only tell, ask or pay; applying for a thing is its application ("Apply for
// course", "Reject application" → "Course application handling").
import type { ModelNode } from '../../model.ts';
import { namesSomeone, SERVED_PARTIES } from './agents.ts';
import { ASKING_VERBS, GENERIC_WORDS, HANDOVER_VERBS, MEASURES, PERSONAL_PRONOUNS } from './lexicon.ts';
import type { Phrase } from './phrase.ts';
import { isQualityNoun } from './quality-nouns.ts';

// Where a label's object ends: "Hand box to courier", "Check amounts against PO".
const OBJECT_END = /\s+(?:to|for|with|from|into|in|on|at|by|about|against|of|via|as|whether|and|or)\s.*$/i;
// Plural forms that are not one of many: "goods", "news", "analysis".
const ALWAYS_S = /(?:ss|us|is|ics|goods|news|series|species|means|premises|whereabouts)$/i;

export function singular(word: string): string {
  // "CVs", "PCs": an acronym's plural.
  if (/^[A-Z]{2,}s$/.test(word)) return word.slice(0, -1);
  if (ALWAYS_S.test(word) || word.length < 4) return word;
  if (/ies$/i.test(word)) return word.replace(/ies$/i, 'y');
  if (/(?:ch|sh|x)es$/i.test(word)) return word.slice(0, -2);
  return word.replace(/s$/i, '');
}

// Where a step sends someone or something: "Send patient home" handles the patient, not a "patient home".
const PLACE_ADVERBS = new Set(['home', 'back', 'away', 'abroad', 'online', 'offline', 'upstairs', 'downstairs', 'overnight', 'onward', 'onwards']);
// Things no process is named for: what went wrong in it, the rest of something, a pronoun.
const NOT_HANDLED = new Set(['exception', 'rest', 'remainder', 'other', 'one', 'me', 'us', 'him', 'her', 'them', 'you', 'everything']);
// Applying, registering or enrolling for a thing makes its application: "Apply for course" → "course application".
const ASKED_FOR: Record<string, string> = { apply: 'application', register: 'registration', enrol: 'enrolment', enroll: 'enrollment' };

/** The object of a task label ("Send purchase order to supplier" → "purchase order"), or null. */
function objectOf(label: string): string | null {
  const asked = /^(\w+) (?:for|in|on) (.+)$/i.exec(label);
  const made = asked && ASKED_FOR[asked[1]!.toLowerCase()];
  if (made) return objectOf(`Make ${asked![2]} ${made}`);
  const words = label.replace(OBJECT_END, '').split(' ').slice(1);
  while (words.length > 1 && PLACE_ADVERBS.has(words.at(-1)!.toLowerCase())) words.pop();
  // "Set up laptop", "Hand over keys": a particle belongs to the verb.
  // ("Log in", "Check out": a verb and its particle name no thing.)
  while (words.length && /^(?:up|down|out|off|over|back|in|on|through)$/i.test(words[0]!)) words.shift();
  // ("Order more stock", "Issue new card": how much or which one, not the thing.)
  while (words.length > 1 && /^(?:more|another|new|further|additional|extra)$/i.test(words[0]!)) words.shift();
  // ("Check form completeness": the form is what is handled.)
  if (words.length > 1 && isQualityNoun(words.at(-1)!)) words.pop();
  if (!words.length || words.length > 4) return null;
  const last = words[words.length - 1]!.toLowerCase();
  if (GENERIC_WORDS.has(last) || MEASURES.has(singular(last)) || NOT_HANDLED.has(singular(last)) || PERSONAL_PRONOUNS.has(last)) return null;
  return [...words.slice(0, -1), singular(words[words.length - 1]!)].join(' ');
}

// Steps that only give a person money or news.
const PAYING = new Set(['pay', 'refund', 'reimburse', 'compensate', 'thank', 'greet', 'welcome', 'remind', 'update']);

function wordPhrase(word: string): Phrase {
  const head = { text: word, lower: word, pos: 'NOUN', lemma: word };
  return { words: [head], head, of: null };
}

/**
 * "Form handling": the object most tasks act on (by its last word, so "purchase order" and "order" count together),
 * the first one named on a tie; people the steps inform or pay are not the thing handled.
 */
export function nameProcess(nodes: ModelNode[], parties: string[]): string {
  const people = new Set(parties.map((p) => p.toLowerCase()));
  const counts = new Map<string, { count: number; phrase: string }>();
  for (const n of nodes) {
    const object = n.kind === 'task' ? objectOf(n.label) : null;
    const head = object?.split(' ').at(-1)!.toLowerCase() ?? '';
    const verb = n.label.split(' ')[0]!.toLowerCase();
    // ("Examine patient", "Interview candidate": the person worked on; "Inform customer", "Pay supplier": not.)
    const workedOn = SERVED_PARTIES.has(head) && !ASKING_VERBS.has(verb) && !HANDOVER_VERBS.has(verb) && !PAYING.has(verb);
    if (!object || (!workedOn && (people.has(object.toLowerCase()) || people.has(head) || namesSomeone(wordPhrase(head))))) continue;
    const seen = counts.get(head);
    // The longest naming wins: "purchase order" over a later plain "order".
    if (seen) counts.set(head, { count: seen.count + 1, phrase: object.split(' ').length > seen.phrase.split(' ').length ? object : seen.phrase });
    else counts.set(head, { count: 1, phrase: object });
  }
  let best: { count: number; phrase: string } | null = null;
  for (const c of counts.values()) if (!best || c.count > best.count) best = c;
  if (!best) return 'Process';
  const phrase = /^[A-Z]{2,}/.test(best.phrase) ? best.phrase : best.phrase.charAt(0).toUpperCase() + best.phrase.slice(1);
  return `${phrase} handling`;
}
