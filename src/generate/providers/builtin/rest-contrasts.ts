// A kind of thing handled one way, then "everything else" another: "Emergencies are passed to the contractor straight
// away. For everything else the officer books an appointment." The first sentence is one way of a choice on the
// kind; "for everything else", "all other requests", "the rest" opens its other way. So does "for the others" after a
// kind opened by "for" ("For good scores, the analyst approves the loan; for the others, she asks for a guarantor").
import { kindOpenedEnd } from './kind-openers.ts';
import { type Sentence, type Token, IF, COMMA, THE, word } from './tokens.ts';

const OTHERWISE = word('Otherwise', 'ADV');

// "for everything else", "everything else", "for all others", "the rest", "the others", "for all other requests", "all other orders".
const REST = /^(?:for\s+)?(?:(?:everything|anything)\s+else|all\s+(?:the\s+)?others|(?:all\s+)?the\s+rest|the\s+others|all\s+other\s+\w+s|any\s+other\s+\w+|for\s+(?:all\s+)?the\s+others|for\s+(?:all\s+)?(?:the\s+)?other\s+\w+s)\b/;

/** How many tokens of the sentence open it with "everything else" and the like; 0 when it does not. */
function restOpening(sentence: Sentence): number {
  const words = sentence.map((t) => t.lower);
  const m = REST.exec(words.join(' '));
  return m ? m[0].split(/\s+/).length : 0;
}

/** "For everything else the officer books …" → "Otherwise, the officer books …"; null when it opens otherwise. */
export function restAsOtherwise(sentence: Sentence, before: Sentence | undefined): Sentence | null {
  const n = restOpening(sentence);
  if (!n || !before || !(kindOpens(before) || kindOpenedEnd(before) > 0)) return null;
  const rest = sentence.slice(n);
  // ("All other requests are closed": the rest are the subject, which the step still needs.)
  const subject = sentence[n - 1]!.pos === 'NOUN' && !sentence[0]!.lower.startsWith('for') ? [THE, sentence[n - 1]!] : [];
  return [OTHERWISE, COMMA, ...subject, ...(rest[0]?.text === ',' ? rest.slice(1) : rest)];
}

/** "For good scores, …; for the others, …": the clause after the semicolon read as "otherwise, …". */
export function restClauseAsOtherwise(sentence: Sentence): Sentence {
  const cut = sentence.findIndex((t) => t.text === ';');
  const other = cut > 0 ? restAsOtherwise(sentence.slice(cut + 1), sentence.slice(0, cut)) : null;
  return other ? [...sentence.slice(0, cut + 1), ...other] : sentence;
}

/** "Emergencies are passed to …" before "For everything else …" → "If emergencies, the emergencies are passed to …". */
export function kindBeforeRest(sentence: Sentence, next: Sentence | undefined): Sentence | null {
  if (!next || !restOpening(next) || !kindOpens(sentence)) return null;
  // (The kind is no name: "Emergencies", "Serious cases" read as any other words.)
  const at = kindEnd(sentence);
  return [IF, ...sentence.slice(0, at + 1).map((t) => ({ ...t, text: t.lower, lower: t.lower, pos: t.pos === "PROPN" ? (t === sentence[at] ? "NOUN" : "ADJ") : t.pos })), COMMA, THE, ...sentence.slice(0, at + 1).map((t) => ({ ...t, text: t.lower, lower: t.lower, pos: t.pos === "PROPN" ? (t === sentence[at] ? "NOUN" : "ADJ") : t.pos })), ...sentence.slice(at + 1)];
}

/** Where the plural kind ends in a sentence it opens with its verb after ("Emergencies are …", "Urgent orders go …"); -1 if none. */
function kindEnd(sentence: Sentence): number {
  // (A capital opening the sentence is often tagged a name: "Emergencies/PROPN are passed".)
  const isNoun = (t: Token | undefined, i: number) => !!t && (t.pos === 'NOUN' || (i === 0 && t.pos === 'PROPN'));
  let i = 0;
  while (i < 2 && (sentence[i]?.pos === 'ADJ' || (i === 0 && sentence[0]?.pos === 'PROPN')) && isNoun(sentence[i + 1], i + 1)) i++;
  const noun = sentence[i];
  const verb = sentence[i + 1]?.pos === 'ADV' ? sentence[i + 2] : sentence[i + 1];
  return isNoun(noun, i) && /[^s]s$/.test(noun!.lower) && ['VERB', 'AUX'].includes(verb?.pos ?? '') ? i : -1;
}
const kindOpens = (sentence: Sentence) => kindEnd(sentence) >= 0;
