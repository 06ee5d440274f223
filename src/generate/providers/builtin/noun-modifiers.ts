// -ing words the tagger reads as verbs that only describe a noun: "the goods receiving clerk checks", "contacts
// opposing counsel".
import type { Token } from './tokens.ts';

const CLAUSE_BREAKS = new Set([',', ';', ':', 'when', 'whenever', 'if', 'after', 'before', 'once', 'while', 'until', 'that', 'who', 'which', 'because', 'unless', 'and', 'or']);
const NOUNISH = new Set(['NOUN', 'PROPN']);

/** Whether a word could be a verb of the third person ("checks", "contacts") the tagger left as a noun. */
const verbLikeS = (t: Token | undefined) => !!t && (t.pos === 'VERB' || (t.pos === 'NOUN' && /^[a-z]+[^s]s$/.test(t.lower)));

/**
 * An -ing word between a noun-phrase word and a noun, with no verb before it in its clause, describes that noun when
 * the clause's verb is still to come: right before it ("the paralegal contacts opposing counsel") or right after
 * its noun ("the goods receiving clerk checks the delivery"). ("The clerk starts processing invoices" keeps its verb.)
 */
export function markIngModifiers(tokens: Token[], canBeVerb?: (word: string) => boolean): void {
  let clauseHasVerb = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (CLAUSE_BREAKS.has(t.lower)) clauseHasVerb = false;
    const [prev, noun, after] = [tokens[i - 1], tokens[i + 1], tokens[i + 2]];
    const modifies = t.pos === 'VERB' && /[a-z]ing$/.test(t.lower) && NOUNISH.has(noun?.pos ?? '') && !!prev && ['DET', 'NOUN', 'PROPN', 'ADJ'].includes(prev.pos);
    const verbBefore = prev?.pos === 'NOUN' && verbLikeS(prev) && NOUNISH.has(tokens[i - 2]?.pos ?? '');
    const verbAfter = verbLikeS(after) && ['DET', 'PRON'].includes(tokens[i + 3]?.pos ?? '');
    // ("orders with missing data", "a file without matching records": after "with" the -ing word describes.)
    // ("- order missing parts": after a note's opening verb it describes too, and the opening word is the verb.)
    const opener = i === 1 && !!prev && ['NOUN', 'PROPN', 'VERB'].includes(prev.pos) && /^[a-z]+$/i.test(prev.text) && !/s$/.test(prev.lower) && !!canBeVerb?.(prev.lower);
    const described = t.pos === 'VERB' && /[a-z]ing$/.test(t.lower) && NOUNISH.has(noun?.pos ?? '') && (opener || ['with', 'without'].includes(prev?.lower ?? ''));
    if (described && opener) {
      prev!.pos = 'VERB';
      prev!.lemma = prev!.lower;
    }
    if (described || (modifies && !clauseHasVerb && (verbBefore || verbAfter))) {
      t.pos = 'ADJ';
      continue;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX') clauseHasVerb = true;
  }
}


// Articles and possessives: what follows them up to its noun is one noun phrase. ("this", "that" may stand alone.)
const PHRASE_OPENERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'your', 'my']);

/**
 * Words the tagger reads as verbs between an article and its noun describe that noun: "calculates the required hedge
 * volume", "files the signed forms": -ed and -ing forms become adjectives, others ("hedge") nouns of a compound.
 */
export function markVerbsInPhrases(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (!PHRASE_OPENERS.has(tokens[i]!.lower) || tokens[i + 1]?.pos !== 'VERB') continue;
    let end = i + 1;
    while (['VERB', 'ADJ'].includes(tokens[end]?.pos ?? '')) end++;
    if (tokens[end]?.pos !== 'NOUN') continue;
    for (const t of tokens.slice(i + 1, end)) if (t.pos === 'VERB') t.pos = /(ed|ing)$/.test(t.lower) ? 'ADJ' : 'NOUN';
  }
  markModifiedCompounds(tokens);
}

/**
 * "An IT change request is raised", "the HR leave form is signed", "a QA test plan gets written": a verb's base form
 * between a singular modifier (a department's acronym, a noun) and a noun cannot agree with "an IT" as its subject;
 * when the clause's own verb comes after the noun, the word is one more noun of the compound. ("The nurses change
 * dressings." and "The HR team update records." have no verb after, and keep theirs.)
 */
function markModifiedCompounds(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (!PHRASE_OPENERS.has(tokens[i]!.lower)) continue;
    let k = i + 1;
    while (tokens[k]?.pos === 'PROPN' || (tokens[k]?.pos === 'NOUN' && tokens[k]!.lower === tokens[k]!.lemma)) k++;
    const t = tokens[k];
    if (k === i + 1 || t?.pos !== 'VERB' || t.lower !== t.lemma || /(ed|ing)$/.test(t.lower) || !NOUNISH.has(tokens[k + 1]?.pos ?? '')) continue;
    let end = k + 1;
    while (NOUNISH.has(tokens[end]?.pos ?? '')) end++;
    const clauseVerb = tokens.slice(end).find((x) => x.pos === 'VERB' || x.pos === 'AUX' || CLAUSE_BREAKS.has(x.lower) || x.pos === 'PUNCT');
    if (clauseVerb && (clauseVerb.pos === 'VERB' || clauseVerb.pos === 'AUX')) t.pos = 'NOUN';
  }
}
