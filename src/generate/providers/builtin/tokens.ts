// Sentences and tagged tokens from wink-nlp, with the tagger's usual slips on process text corrected.
import { loadNlp } from './wink-model.ts';
import { tagActors } from './actor-tags.ts';
import { tagSubjects } from './subject-tags.ts';
import { markImperativeNotes, markNotedState } from './imperative-notes.ts';
import { markFeelingStates } from './feeling-states.ts';
import { markLapseVerbs } from './deadlines.ts';
import { markBareObjectNouns, markObjectNouns } from './object-nouns.ts';
import { isTimeWord, namesSomeone } from './agents.ts';
import { verbsReadAsNouns } from './verbs-read-as-nouns.ts';
import { markBareUnitSubjects } from './bare-unit-subjects.ts';
import { pairedNouns } from './paired-nouns.ts';
import { markLastIntransitive } from './intransitive-steps.ts';
import { markSecondThingNouns } from './alternative-objects.ts';
import { dropParticipleOfSubject } from './participle-subjects.ts';
import { markParticipleObjects } from './participle-objects.ts';
import { markCausedVerbs } from './causatives.ts';
import { END_VERBS, IN_ON_VERBS, PROCESS_WORDS, STEP_PARTICLES, TRAVEL_VERBS } from './lexicon.ts';
import { markIngModifiers, markVerbsInPhrases } from './noun-modifiers.ts';
import { markSubjectVerbBoundary } from './subject-verb-words.ts';
import { markOpeningVerbs, markPairedVerbs, markPartyVerbs, markPluralSubjects, markTriggerVerbs, TIME_UNITS } from './opening-verbs.ts';
import { thirdPersonBase, verbLemma } from './verb-lemma.ts';

export interface Token {
  text: string;
  lower: string;
  pos: string;
  lemma: string;
  /** First word of its sentence: a capital there says nothing about being a name. */
  first?: boolean;
}

export type Sentence = Token[];

/** A token the reader writes itself, when it rewrites a sentence into one it already reads ("If damaged, the …"). */
export const word = (text: string, pos: string, lemma = text.toLowerCase()): Token => ({ text, lower: text.toLowerCase(), pos, lemma });
export const IF = word('If', 'SCONJ');
export const COMMA = word(',', 'PUNCT');
export const THE = word('the', 'DET');
export const STOP = word('.', 'PUNCT');

/**
 * A rewritten sentence with its verb `said` (the first token spelled so, from `after` on) replaced by the text's own
 * token `source`, retagged in place with its written word kept: the verb trace knows the text's tokens, not those a
 * rewrite makes ("Major claims require a site visit" → "… visits the site", traced to "require"). The sentence as it
 * was when no token is spelled so.
 */
export function verbFrom(sentence: Sentence, said: string, source: Token, after = 0): Sentence {
  const at = sentence.findIndex((t, i) => i >= after && t.lower === said);
  if (at < 0) return sentence;
  const made = sentence[at]!;
  Object.assign(source, { lower: made.lower, lemma: made.lemma, pos: 'VERB', first: made.first });
  return sentence.map((t, i) => (i === at ? source : t));
}

const nlp = loadNlp();
const its = nlp.its;

// Words that stand between a subject and its verb ("the manager first talks"), whatever their tag.
const IN_BETWEEN = new Set(['both', 'first', 'then', 'also', 'usually', 'always', 'often', 'immediately', 'now', 'only', 'again', 'still', 'just', 'finally']);
const CLAUSE_OPENERS = new Set(['when', 'whenever', 'if', 'after', 'before', 'once', 'while', 'until', 'that', 'who', 'which', 'because', 'unless']);
// Describing words that never stand for a noun of their own.
const NOT_NOUNS = new Set(['other', 'same', 'next', 'last', 'following', 'remaining', 'first', 'second', 'third', 'new', 'old', 'whole', 'entire', 'final']);
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they', 'who', 'which']);

/** Splits text into sentences of tagged tokens. */
export function readSentences(text: string): Sentence[] {
  const doc = nlp.readDoc(text);
  const sentences: Sentence[] = [];
  doc.sentences().each((s: any) => {
    const values: string[] = s.tokens().out(its.value);
    const pos: string[] = s.tokens().out(its.pos);
    const lemmas: string[] = s.tokens().out(its.lemma);
    const spaces: string[] = s.tokens().out(its.precedingSpaces);
    const tokens = splitFinalParticle(
      joinHyphenated(
        values.map((v, i) => ({ text: v, lower: v.toLowerCase(), pos: pos[i] ?? 'X', lemma: (lemmas[i] ?? v).toLowerCase() })),
        spaces,
      ),
    );
    const firstWord = tokens.find((t) => t.pos !== 'PUNCT');
    if (firstWord) firstWord.first = true;
    sentences.push(...splitAfterAbbreviation(markProcessEnds(markBareObjectNouns(tagSubjects(tagActors(pairedNouns(verbsReadAsNouns(markCausedVerbs(markParticipleObjects(dropParticipleOfSubject(markBareUnitSubjects(correctTags(tokens), canBeVerb), canBeVerb), canBeVerb), canBeVerb), canBeVerb))))))));
  });
  return sentences;
}

/** "If the order is cancelled, the process ends": after the process, an ending word is its verb (so the comma parts). */
function markProcessEnds(tokens: Token[]): Token[] {
  tokens.forEach((t, i) => {
    if (t.pos === 'NOUN' && /[^s]s$/.test(t.lower) && END_VERBS.has(thirdPersonBase(t.lower)) && PROCESS_WORDS.has(tokens[i - 1]?.lemma ?? '') && tokens[i - 2]?.pos === 'DET') t.pos = 'VERB';
  });
  return tokens;
}

const verbUse = new Map<string, boolean>();

/** Whether English uses the word as a verb: the tagger reads it as one in "We <word> the item." */
export function canBeVerb(word: string): boolean {
  let known = verbUse.get(word);
  if (known === undefined) {
    known = nlp.readDoc(`We ${word} the item.`).tokens().out(its.pos)[1] === 'VERB';
    if (verbUse.size > 5000) verbUse.clear();
    verbUse.set(word, known);
  }
  return known;
}

/** "… to Acme Ltd. Acme Ltd checks …": the tokenizer keeps the abbreviation's dot, and with it one sentence. */
function splitAfterAbbreviation(tokens: Token[]): Sentence[] {
  const hasVerb = (ts: Token[]) => ts.some((t) => t.pos === 'VERB');
  for (let i = 1; i < tokens.length - 2; i++) {
    const t = tokens[i]!;
    if (!/^[A-Za-z]{2,5}\.$/.test(t.text) || !/^[A-Z]/.test(tokens[i + 1]!.text)) continue;
    const [left, right] = [tokens.slice(0, i + 1), tokens.slice(i + 1)];
    if (!hasVerb(left) || !hasVerb(right)) continue;
    t.text = t.text.slice(0, -1);
    t.lower = t.lower.replace(/\.$/, '');
    t.lemma = t.lemma.replace(/\.$/, '');
    return [left, ...splitAfterAbbreviation(right)];
  }
  return [tokens];
}

const FINAL_PARTICLES = new Set(['in', 'on', 'off', 'up', 'down', 'out', 'over', 'back', 'away']);

/** "checks the guest in.": the tokenizer reads "in." as the inch sign; only after a number is it one. */
function splitFinalParticle(tokens: Token[]): Token[] {
  const last = tokens[tokens.length - 1];
  if (!last || !/^(?:in|on)\.$/i.test(last.text) || tokens[tokens.length - 2]?.pos === 'NUM') return tokens;
  const word = last.text.slice(0, -1);
  return [...tokens.slice(0, -1), { text: word, lower: word.toLowerCase(), pos: 'ADP', lemma: word.toLowerCase() }, { text: '.', lower: '.', pos: 'PUNCT', lemma: '.' }];
}

/** "back-ordered", "in-house": the tokenizer splits at the hyphen; the word takes its last part's tag. */
function joinHyphenated(tokens: Token[], spaces: string[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const prev = out[out.length - 1];
    if (t.text === '-' && prev && next && !spaces[i] && !spaces[i + 1] && /\w$/.test(prev.text) && /^\w/.test(next.text)) {
      // "the follow-up appointment", "a sign-off": a verb and its particle joined make a modifier or a noun.
      const particle = ['ADP', 'PART', 'ADV'].includes(next.pos);
      const pos = particle ? (tokens[i + 2]?.pos === 'NOUN' ? 'ADJ' : 'NOUN') : next.pos;
      out[out.length - 1] = { text: `${prev.text}-${next.text}`, lower: `${prev.lower}-${next.lower}`, pos, lemma: `${prev.lower}-${next.lemma}` };
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}


/** The base a verb's -s form is made from: "fixes" → "fix", "requests" → "request". */

function looksLikeVerbS(t: Token): boolean {
  // ("re-sends", "re-runs", "double-checks", "co-signs": a verb with its prefix keeps the hyphen.)
  return /^(?:(?:re|double|cross|spot|pre|co|fact)-)?[a-z]+s$/.test(t.lower) && !/ss$/.test(t.lower) && !TIME_UNITS.test(t.lower);
}

/** Acronyms are names, and "X checks the Y" has a verb even when the tagger saw two nouns. */
function correctTags(tokens: Token[]): Token[] {
  for (const t of tokens) {
    if (/^[A-Z][A-Z0-9]{1,}$/.test(t.text) && t.lower !== 'i') t.pos = 'PROPN';
  }
  for (const t of tokens) if (TIME_UNITS.test(t.lower)) t.pos = 'NOUN';
  // "at 9 am the team lead reviews …": after a number, "am" is the time of day, never "I am".
  for (const [i, t] of tokens.entries()) if (t.lower === 'am' && tokens[i - 1]?.pos === 'NUM') Object.assign(t, { pos: 'NOUN', lemma: 'am' });
  const MODALS = new Set(['must', 'can', 'will', 'should', 'may', 'might', 'shall', 'would', 'could']);
  // "releases the shipment right away", "assigns a quota straight away": when, not a noun "right" in the object.
  for (const [i, t] of tokens.entries()) if (['right', 'straight'].includes(t.lower) && ['away', 'now', 'then'].includes(tokens[i + 1]?.lower ?? '')) t.pos = tokens[i + 1]!.pos = 'ADV';
  // ("checks the machines first thing in the morning": "first thing" says when, it is no second object.)
  for (const [i, t] of tokens.entries()) if (t.lower === 'first' && tokens[i + 1]?.lower === 'thing' && i > 0 && tokens[i - 1]!.pos !== 'DET') t.pos = tokens[i + 1]!.pos = 'ADV';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (['everything', 'something', 'anything', 'nothing'].includes(t.lower)) t.pos = 'PRON';
    const before = tokens[i - 1];
    // "Amounts over 1,000 need the director": after a bare number, a need before its object is the verb.
    if (t.pos === 'NOUN' && before?.pos === 'NUM' && /^(need|needs|require|requires)$/.test(t.lower) && tokens[i + 1]?.pos === 'DET') Object.assign(t, { pos: 'VERB', lemma: thirdPersonBase(t.lower) });
    // "loads the van and drives to the customer": after "and", a word for travelling before "to" is the second verb.
    if (t.pos === 'NOUN' && before?.lower === 'and' && tokens[i + 1]?.lower === 'to' && TRAVEL_VERBS.has(thirdPersonBase(t.lower))) t.pos = 'VERB';
    // ("… and hand over the parcels", "… and fill in the form": so is a verb with its particle before an object.)
    // (Not "… and site in the record": "in" and "on" only after verbs that take them as particles.)
    const particle = tokens[i + 1]?.lower ?? '';
    const particleObject = (['over', 'out', 'back', 'up', 'off', 'down'].includes(particle) || IN_ON_VERBS[thirdPersonBase(t.lower)] === particle) && ['DET', 'PRON'].includes(tokens[i + 2]?.pos ?? '');
    if (t.pos === 'NOUN' && before?.lower === 'and' && particleObject && /^[a-z]+$/.test(t.text) && canBeVerb(thirdPersonBase(t.lower))) t.pos = 'VERB';
    // "repairs the bike and test-rides it": after "and", a word in -s right before an object pronoun is a verb.
    const lastPart = t.lower.split('-').at(-1)!;
    if (t.pos === 'NOUN' && before?.lower === 'and' && ['it', 'them', 'him', 'her'].includes(tokens[i + 1]?.lower ?? '') && looksLikeVerbS({ ...t, lower: lastPart }) && canBeVerb(thirdPersonBase(lastPart))) {
      Object.assign(t, { pos: 'VERB', lemma: t.lower.replace(/s$/, '').replace(/ie$/, 'y') });
    }
    // "registers for the resit in the office": a verb's base form right after an article, before a preposition or the
    // end, is a noun.
    if (t.pos === 'VERB' && t.lower === t.lemma && !/(?:ed|ing)$/.test(t.lower) && ['the', 'a', 'an'].includes(before?.lower ?? '') && ['ADP', 'PUNCT', 'ADV'].includes(tokens[i + 1]?.pos ?? 'PUNCT')) t.pos = 'NOUN';
    // ("checks the alerts of the cluster": a word in -s right after "the" is a plural, never a verb.)
    if (t.pos === 'VERB' && /[^s]s$/.test(t.lower) && before?.lower === 'the') Object.assign(t, { pos: 'NOUN', lemma: thirdPersonBase(t.lower) });
    // "does a check of the invoice": "do" before its object is the main verb, not an auxiliary.
    // ("only then does the faculty issue …" and "Does the customer …?" are inversions.)
    const inverted = before ? before.pos === 'ADV' || ['then', 'only', 'nor', 'neither', 'so', 'why', 'how', 'what', 'when', 'where'].includes(before.lower) : t.lower !== 'do';
    // "If they differ, repeat steps 2–3": a word for doing again before numbered steps is the verb.
    if (/^(repeat|redo|rerun)$/.test(t.lower) && /^steps?$/.test(tokens[i + 1]?.lower ?? '') && tokens[i + 2]?.pos === 'NUM') Object.assign(t, { pos: 'VERB', lemma: t.lower });
    if (t.pos === 'AUX' && t.lemma === 'do' && !inverted && ['DET', 'NOUN', 'ADJ'].includes(tokens[i + 1]?.pos ?? '')) t.pos = 'VERB';
    // "must re-submit the report": after a modal comes a verb, whatever the tagger thought.
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (prev && MODALS.has(prev.lower) && (t.pos === 'NOUN' || t.pos === 'ADJ') && (next?.pos === 'DET' || next?.pos === 'PRON')) {
      t.pos = 'VERB';
    }
  }
  // "is informed of", "are approved by": a participle the tagger read as an adjective; and "the lab validated the
  // results": a describing word never comes before an article, so after its subject it is the verb.
  for (let i = 1; i < tokens.length; i++) {
    // ("is graded again by", "is checked twice": an adverb may stand after the participle.)
    const [prev, t] = [tokens[i - 1]!, tokens[i]!];
    const next = tokens[i + 1]?.pos === 'ADV' && tokens[i + 1]!.lower !== 'not' ? tokens[i + 2] : tokens[i + 1];
    // ("is informed either way", "is notified in both cases", "is told regardless": a marker after it, not its complement.)
    const marker = ['either', 'regardless'].includes(next?.lower ?? '') || (next?.lower === 'in' && /^(both|any|either|all|each)$/.test(tokens[tokens.indexOf(next) + 1]?.lower ?? ''));
    const after = !next || next.pos === 'PUNCT' || marker || ['by', 'to', 'of', 'about', 'for', 'with', 'and', 'or'].includes(next.lower);
    const beforeArticle = ['the', 'a', 'an'].includes(next?.lower ?? '') && ['NOUN', 'PROPN'].includes(prev.pos);
    if (t.pos === 'ADJ' && /ed$/.test(t.lower) && ((prev.lemma === 'be' && after) || beforeArticle)) t.pos = 'VERB';
  }
  // "proposed changes go back …", "; the approved requests are filed": a participle before its noun and that noun's
  // verb describes the noun.
  for (let i = 0; i < tokens.length - 2; i++) {
    const [prev, t, noun, verb] = [tokens[i - 1], tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    // ("… and only anonymised statistics are kept": an adverb may stand before it.)
    const opens = !prev || prev.pos === 'DET' || prev.pos === 'PUNCT' || prev.pos === 'CCONJ' || prev.pos === 'ADV';
    // ("broken ones get sent …": an irregular participle in -en too.)
    const participle = /ed$/.test(t.lower) || (/en$/.test(t.lower) && t.lemma !== t.lower);
    if (t.pos === 'VERB' && participle && opens && noun.pos === 'NOUN' && (verb.pos === 'VERB' || verb.pos === 'AUX')) t.pos = 'ADJ';
  }
  // "This file serves …": a word right after a determiner and before a verb is a noun.
  for (let i = 1; i < tokens.length - 1; i++) {
    const [prev, t, next] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    const verbNext = next.pos === 'VERB' || next.pos === 'AUX' || (next.pos === 'NOUN' && looksLikeVerbS(next));
    // … and "the team lead approves": a noun compound whose last word the tagger took for a verb.
    const inCompound = (prev.pos === 'NOUN' || prev.pos === 'PROPN') && tokens[i - 2]?.pos === 'DET' && (next.pos === 'VERB' || (next.pos === 'NOUN' && !/s$/.test(t.lower))) && looksLikeVerbS(next);
    // ("signs the grant agreement": after an article and before a noun, a bare form modifies that noun.)
    // ("submits the building permit application": so does one after a noun of its phrase, when the clause's verb is behind.)
    const objectAt = (k: number) => ['the', 'a', 'an'].includes(tokens[k]?.lower ?? '');
    const inObject = prev.pos === 'NOUN' && objectAt(i - 2) && t.lower === t.lemma && tokens.slice(0, i - 2).reverse().find((x) => x.pos === 'VERB' || x.pos === 'PUNCT' || x.pos === 'CCONJ' || x.pos === 'SCONJ')?.pos === 'VERB';
    const modifier = (objectAt(i - 1) || inObject) && next.pos === 'NOUN';
    if (t.pos === 'VERB' && (((prev.pos === 'DET' || inCompound) && verbNext) || modifier) && !/(ing|ed)$/.test(t.lower)) t.pos = 'NOUN';
    // "creates a claim file.": the last word of a noun phrase, not a verb.
    const phraseEnd = next.pos === 'PUNCT' || next.lower === 'and' || next.lower === 'or';
    if (t.pos === 'VERB' && prev.pos === 'NOUN' && tokens[i - 2]?.pos === 'DET' && phraseEnd && !/(ing|ed)$/.test(t.lower) && tokens.slice(0, i - 2).some((x) => x.pos === 'VERB')) {
      t.pos = 'NOUN';
    }
  }
  // "who either grants or refuses it": the word after "either" pairs with the verb after "or".
  for (let i = 1; i < tokens.length - 2; i++) {
    const t = tokens[i]!;
    const or = tokens.findIndex((x, j) => j > i && x.lower === 'or');
    if (tokens[i - 1]!.lower === 'either' && t.pos === 'NOUN' && looksLikeVerbS(t) && or > i && tokens[or + 1]?.pos === 'VERB') {
      t.pos = 'VERB';
    }
  }
  // "the work returns to the review", "the process loops back": a noun-looking verb of going back after its subject.
  for (let i = 2; i < tokens.length - 1; i++) {
    const [prev, t, next] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    if (t.pos === 'NOUN' && /^(returns|resumes|loops|restarts)$/.test(t.lower) && prev.pos === 'NOUN' && ['to', 'at', 'back', 'from', 'with'].includes(next.lower)) {
      t.pos = 'VERB';
    }
  }
  // "and re-run the tests", "I re-send it": a word done again, before its object, is a verb.
  for (let i = 1; i < tokens.length - 1; i++) {
    const [prev, t, next] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    const redone = /^re-[a-z]{3,}$/.test(t.lower) && ['CCONJ', 'PRON', 'NOUN', 'PROPN'].includes(prev.pos) && (next.pos === 'DET' || next.lower === 'it' || next.lower === 'them');
    if (t.pos === 'NOUN' && redone && canBeVerb(thirdPersonBase(t.lower.slice(3)))) t.pos = 'VERB';
  }
  markIngModifiers(tokens, canBeVerb);
  markVerbsInPhrases(tokens);
  markSubjectVerbBoundary(tokens);
  const hasVerb = (from: number, to: number) => tokens.slice(from, to).some((t) => t.pos === 'VERB');
  for (let i = 1; i < tokens.length - 1; i++) {
    const [prev, t, next] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    if (t.pos !== 'NOUN' || !looksLikeVerbS(t)) continue;
    // "then the principal signs the cards": a describing word after an article may be the subject's noun (not in
    // "in the other cases the landlord …").
    const adjectiveNoun = prev.pos === 'ADJ' && ['the', 'a', 'an'].includes(tokens[i - 2]?.lower ?? '') && !NOT_NOUNS.has(prev.lower);
    const isSubjectEnd = (x: Token | undefined) => !!x && (x.pos === 'NOUN' || x.pos === 'PROPN' || SUBJECT_PRONOUNS.has(x.lower) || (x === prev && adjectiveNoun));
    // "the clerk both checks", "the unit then rechecks": an adverb may stand between subject and verb.
    const adverbBetween = (prev.pos === 'ADV' || IN_BETWEEN.has(prev.lower)) && isSubjectEnd(tokens[i - 2]);
    // "checks the form, signs it and files it": a comma-separated list of steps after a verb.
    const listed = prev.text === ',' && (next.pos === 'DET' || next.lower === 'it' || next.lower === 'them');
    const afterSubject = isSubjectEnd(prev) || adverbBetween || ((prev.pos === 'CCONJ' || listed) && tokens.slice(0, i).some((x) => x.pos === 'VERB'));
    // "rolls back the release", "rolls back and notifies …", "signs off.": a particle after the subject marks a verb.
    // ("sets up their account": a possessive opens the object too.)
    // ("hands in the receipts", "passes on the request": "in" and "on" after the verbs that take them.)
    const particle = ['up', 'down', 'out', 'back', 'off', 'over'].includes(next.lower) || IN_ON_VERBS[thirdPersonBase(t.lower)] === next.lower;
    const particleThenObject = particle && ['DET', 'CCONJ', 'PUNCT', 'PRON'].includes(tokens[i + 2]?.pos ?? 'PUNCT');
    // ("the team lead checks in with the new hire", "the guest checks out at noon")
    const checksIn = (STEP_PARTICLES[thirdPersonBase(t.lower)] ?? []).includes(next.lower) && next.lower !== 'on';
    const adjectiveObject = next.pos === 'ADJ' && ['NOUN', 'PROPN'].includes(tokens[i + 2]?.pos ?? '');
    const beforeClause = ['whether', 'if', 'that'].includes(next.lower);
    // "the manager first talks to the client": after subject + adverb, a preposition is as good as an object.
    const prepositionAfterAdverb = adverbBetween && next.pos === 'ADP';
    // "the clerk checks and signs the form": two verbs sharing one object.
    const after = tokens[i + 2];
    const sharesObject = ['and', 'or'].includes(next.lower) && !!after && (after.pos === 'VERB' || looksLikeVerbS(after)) && ['DET', 'PRON'].includes(tokens[i + 3]?.pos ?? '') && canBeVerb(thirdPersonBase(t.lower));
    const coordinatedStep = prev.lower === 'and' && tokens[i - 2]?.pos === 'NOUN' && tokens.slice(0, i).some((x) => x.pos === 'VERB' && looksLikeVerbS(x));
    // "adjusts the focus and prints again": a step done once more needs no object after it.
    const doneAgain = next.lower === 'again' && coordinatedStep;
    // "fills in a request and requests approval from finance": after "and", a verb's -s form takes a bare noun too.
    const bareObjectAfterAnd = coordinatedStep && next.pos === 'NOUN' && canBeVerb(thirdPersonBase(t.lower));
    // ("checks the claim and reports to the manager", "convenes and votes on the proposal": a second step whose
    // verb takes its thing after a preposition.)
    const stepWithPreposition = prev.lower === 'and' && ['NOUN', 'VERB', 'PRON'].includes(tokens[i - 2]?.pos ?? '') && ((['to', 'on', 'with', 'at'].includes(next.lower) && ['DET', 'PRON', 'PROPN'].includes(tokens[i + 2]?.pos ?? '')) || (next.lower === 'for' && ['it', 'them'].includes(tokens[i + 2]?.lower ?? ''))) && tokens.slice(0, i - 1).some((x) => x.pos === 'VERB' && looksLikeVerbS(x)) && canBeVerb(thirdPersonBase(t.lower));
    // ("the clerk schedules delivery for Friday": after "the" and its subject noun, a bare noun object when no verb
    // follows in the clause.)
    const clauseEnd = tokens.findIndex((x, j) => j > i && (x.pos === 'PUNCT' || x.pos === 'CCONJ'));
    const bareObjectAfterSubject = next.pos === 'NOUN' && tokens[i - 2]?.pos === 'DET' && prev.pos === 'NOUN' && !hasVerb(0, i) && !hasVerb(i + 1, clauseEnd < 0 ? tokens.length : clauseEnd) && canBeVerb(thirdPersonBase(t.lower));
    const beforeObject = bareObjectAfterSubject || stepWithPreposition || doneAgain || checksIn || sharesObject || bareObjectAfterAnd || prepositionAfterAdverb || particleThenObject || adjectiveObject || beforeClause || next.pos === 'DET' || next.lower === 'it' || next.lower === 'them' || (next.pos === 'PRON' && next.lower !== 'who');
    const clauseStart = Math.max(0, ...tokens.slice(0, i).map((x, j) => (x.text === ',' || x.text === ';' || CLAUSE_OPENERS.has(x.lower) ? j + 1 : 0)));
    const coordinated = prev.pos === 'CCONJ';
    // "… and the process ends.": a clause of its own, with an intransitive verb.
    // ("collects the ID, the payslip and the bank statements": the last item of a list after a verb is no clause.)
    const lastVerb = tokens.slice(0, i).map((x) => x.pos).lastIndexOf('VERB');
    const inList = lastVerb >= 0 && tokens.slice(lastVerb + 1, i - 3).some((x) => x.text === ',');
    const endsCoordinatedClause = isSubjectEnd(prev) && tokens[i - 2]?.pos === 'DET' && tokens[i - 3]?.pos === 'CCONJ' && (next.pos === 'PUNCT' || next.lower === 'and') && !inList;
    if (endsCoordinatedClause) {
      t.pos = 'VERB';
      continue;
    }
    if (afterSubject && beforeObject && (coordinated || listed || !hasVerb(Math.max(clauseStart, i - 4), i))) {
      if (prev.pos === 'ADJ') prev.pos = 'NOUN';
      t.pos = 'VERB';
      if (sharesObject) after!.pos = 'VERB';
    }
  }
  // "waits for the upload.", "archives the personnel file.": the last word of a noun phrase that ends the clause,
  // after the clause's verb, is a noun.
  for (let i = 1; i < tokens.length; i++) {
    const [t, next] = [tokens[i]!, tokens[i + 1]];
    if (t.pos !== 'VERB' || /(ing|ed)$/.test(t.lower) || !(!next || next.pos === 'PUNCT')) continue;
    let k = i - 1;
    while (k > 0 && ['NOUN', 'ADJ', 'PROPN'].includes(tokens[k]!.pos)) k--;
    const opener = tokens[k]!;
    // The phrase is an object or a complement: a verb or a preposition stands right before it.
    const governed = ['VERB', 'ADP'].includes(tokens[k - 1]?.pos ?? '');
    if (opener.pos === 'DET' && governed) t.pos = 'NOUN';
  }
  markObjectNouns(tokens);
  // "tests the samples for seal strength and fill weight": after a third-person verb, a bare form after "and" that
  // runs straight into a noun (no article) is one more noun of the object, not a second verb ("and fills the form").
  for (let i = 3; i < tokens.length - 1; i++) {
    const [and, t, next] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    if (t.pos !== 'VERB' || and.lower !== 'and' || /(s|ed|ing)$/.test(t.lower) || next.pos !== 'NOUN' || tokens[i - 2]!.pos !== 'NOUN') continue;
    const clause = tokens.slice(0, i - 1);
    const verbs = clause.filter((v) => v.pos === 'VERB');
    const governed = verbs.length === 1 && /[^s]s$/.test(verbs[0]!.lower) && clause.slice(clause.indexOf(verbs[0]!)).some((w) => w.pos === 'ADP');
    if (governed && !clause.some((w) => w.pos === 'PUNCT')) t.pos = 'NOUN';
  }
  markOpeningVerbs(tokens, canBeVerb);
  markPairedVerbs(tokens, canBeVerb);
  markTriggerVerbs(tokens, canBeVerb);
  markLapseVerbs(tokens);
  markPartyVerbs(tokens, canBeVerb, (t) => namesSomeone({ words: [t], head: t, of: null }));
  markPluralSubjects(tokens);
  // "every 500 operating hours", "on moving day": an -ing form before a word of time describes it.
  for (let i = 0; i < tokens.length - 1; i++) {
    const [t, next] = [tokens[i]!, tokens[i + 1]!];
    if (t.pos === 'VERB' && /ing$/.test(t.lower) && next.pos === 'NOUN' && isTimeWord(next.lemma)) t.pos = 'ADJ';
  }
  // "applies online for a permit", "is done weekly by the team": after a verb, "online" says how and "weekly" how
  // often, like adverbs.
  for (let i = 1; i < tokens.length; i++) if (/^(online|offline|daily|nightly|weekly|monthly|quarterly|yearly|annually|hourly)$/.test(tokens[i]!.lower) && tokens[i - 1]!.pos === 'VERB') tokens[i]!.pos = 'ADV';
  // "puts the application on hold", "keeps it in check", "back to line": a bare form right after a preposition, ending the clause, is a noun.
  for (let i = 1; i < tokens.length; i++) {
    const [prev, t, next] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]];
    const ends = !next || ['PUNCT', 'CCONJ', 'SCONJ'].includes(next.pos) || ['while', 'until', 'when', 'if', 'before', 'after', 'unless'].includes(next.lower);
    // ("back to line": after "back to" is a place, never an infinitive; "applies for leave": "for" the tagger calls a
    // conjunction is a preposition too.)
    const place = prev.lower === 'to' ? tokens[i - 2]?.lower === 'back' : prev.pos === 'ADP' || prev.lower === 'for';
    if (t.pos === 'VERB' && place && !/(ing|ed)$/.test(t.lower) && ends) {
      t.pos = 'NOUN';
      prev.pos = prev.lower === 'to' ? prev.pos : 'ADP';
    }
  }
  // "goes to engineering", "passed to purchasing": a gerund ending the clause after "to" names a department.
  for (let i = 1; i < tokens.length; i++) {
    const [prev, t, next] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]];
    if (prev.lower === 'to' && t.pos === 'VERB' && /ing$/.test(t.lower) && (!next || next.pos === 'PUNCT' || next.pos === 'CCONJ' || next.pos === 'ADP')) t.pos = 'NOUN';
  }
  // "Call the provider", "then close the ticket": a clause opening with a bare word before its object is an imperative.
  // ("The next day the team …": a word of time is never the imperative.)
  for (let i = 0; i < tokens.length - 1; i++) {
    const [prev, t, next] = [tokens[i - 1], tokens[i]!, tokens[i + 1]!];
    const opens = !prev || prev.pos === 'PUNCT' || ['then', 'and', 'or', 'please', 'finally', 'first', 'next'].includes(prev.lower);
    const objectNext = ['the', 'a', 'an', 'all', 'each', 'every', 'it', 'them', 'this', 'these', 'their', 'its'].includes(next.lower);
    if (opens && (t.pos === 'NOUN' || (t.pos === 'PROPN' && t.first) || t.pos === 'ADJ') && objectNext && /^[a-z]+$/i.test(t.text) && !/s$/.test(t.lower) && !isTimeWord(t.lemma)) {
      t.pos = 'VERB';
    }
  }
  // "records name, address and phone number": a bare form between a list's comma and its "and" is one more noun.
  for (let i = 2; i < tokens.length - 2; i++) {
    const [noun, comma, t, and, after] = [tokens[i - 2]!, tokens[i - 1]!, tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (t.pos === 'VERB' && comma.text === ',' && noun.pos === 'NOUN' && t.lower === t.lemma && and.pos === 'CCONJ' && ['NOUN', 'DET', 'ADJ'].includes(after.pos)) t.pos = 'NOUN';
  }
  // "signs the build off.", "checks the patient in.": the word between an article and a closing particle is a noun.
  for (let i = 1; i < tokens.length - 1; i++) {
    const [det, t, particle, after] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!, tokens[i + 2]];
    const closes = !after || after.pos === 'PUNCT' || after.pos === 'CCONJ' || after.lower === 'to';
    if (det.pos === 'DET' && (t.pos === 'VERB' || t.pos === 'ADJ') && !/(ing|ed)$/.test(t.lower) && FINAL_PARTICLES.has(particle.lower) && closes) t.pos = 'NOUN';
  }
  // "New hires get a laptop", "Senior buyers approve it": an adjective, a word in -s and a verb — the -s word is a plural noun.
  for (let i = 1; i < tokens.length - 1; i++) {
    const [adj, t, verb] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    const opens = i === 1 || tokens[i - 2]!.pos === 'DET' || tokens[i - 2]!.pos === 'PUNCT';
    if (opens && ['ADJ', 'NOUN'].includes(adj.pos) && t.pos === 'VERB' && /[^s]s$/.test(t.lower) && ((verb.pos === 'VERB' && verb.lower === verb.lemma) || verb.pos === 'AUX')) {
      Object.assign(t, { pos: 'NOUN', lemma: t.lower.slice(0, -1) });
    }
  }
  markListedVerbs(tokens);
  // "marks where parts are worn", "checks whether items are missing": after a verb, a word in -s between "where"
  // (or "whether", "if") and "are"/"were" is their plural subject.
  for (let i = 2; i < tokens.length - 1; i++) {
    const [sub, t, be] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    if (tokens[i - 2]!.pos === 'VERB' && ['where', 'whether', 'if'].includes(sub.lower)) {
      if (t.pos === 'VERB' && /[^s]s$/.test(t.lower) && ['are', 'were'].includes(be.lower)) Object.assign(t, { pos: 'NOUN', lemma: t.lower.slice(0, -1) });
    }
  }
  // "At 9 am the nurse hands over the shift": "am" after a number is the hour, not "I am".
  for (let i = 1; i < tokens.length; i++) if (tokens[i]!.lower === 'am' && tokens[i - 1]!.pos === 'NUM') Object.assign(tokens[i]!, { pos: 'NOUN', lemma: 'am' });
  // "closes the till at midnight": after an article "till" is the cash drawer, not "until".
  for (let i = 1; i < tokens.length; i++) if (tokens[i]!.lower === 'till' && tokens[i - 1]!.pos === 'DET') Object.assign(tokens[i]!, { pos: 'NOUN', lemma: 'till' });
  // "in parallel with the DBA checking the database": the -ing word after the party runs alongside, a verb.
  for (let i = 2; i < tokens.length - 1; i++) {
    const said = tokens.slice(Math.max(0, i - 4), i).map((t) => t.lower).join(' ');
    if (!/(?:parallel|simultaneously|concurrently|same time) (?:with|as)$/.test(said)) continue;
    const { end } = readGerundParty(tokens, i);
    const t = tokens[end];
    if (t && t.pos === 'NOUN' && /ing$/.test(t.lower) && end > i) Object.assign(t, { pos: 'VERB', lemma: verbLemma(t.lower) });
  }
  markImperativeNotes(tokens, canBeVerb);
  markFeelingStates(tokens);
  markNotedState(tokens, (participle) => {
    const verb = verbLemma(participle);
    return verb !== participle && canBeVerb(verb) ? verb : null;
  });
  markLastIntransitive(tokens);
  markSecondThingNouns(tokens);
  if (!tokens.some((t) => t.pos === 'VERB')) findMissingVerb(tokens);
  // "When the stock runs low, the chef orders milk": a clause after a comma that opens with its subject needs a verb too.
  // ("Customer submits claim, agent checks policy, …": in notes the subject may come without its article.)
  else {
    for (const clause of commaClauses(tokens)) {
      // (Up to its first "and": "doctor reviews results and calls patient" has a verb only in its second part.)
      const and = clause.findIndex((t) => t.pos === 'CCONJ');
      const lead = and > 0 ? clause.slice(0, and) : clause;
      if (lead.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) continue;
      if (clause[0]?.pos === 'DET' || opensWithParty(lead)) findMissingVerb(lead);
      // "…, warehouse checks delivery note, stores pallets": a listed step that goes on with the same doer.
      else if (clause[0] && looksLikeVerbS(clause[0]) && ['NOUN', 'DET'].includes(clause[1]?.pos ?? '') && canBeVerb(thirdPersonBase(clause[0].lower))) clause[0].pos = 'VERB';
    }
  }
  // The lemma a verb's tag was read with may be a noun's, an adjective's or a misfire ("staged" → "stag").
  for (const t of tokens) if (t.pos === 'VERB') t.lemma = verbLemma(t.lower, t.lemma);
  return tokens;
}

/**
 * "The warehouse picks, packs and labels the order", "The IT team patches, tests and deploys the fix": -s words
 * listed with commas before "and" and a verb are verbs too, the first right after the subject.
 */
function markListedVerbs(tokens: Token[]): void {
  for (let i = 2; i < tokens.length; i++) {
    if (tokens[i]!.pos !== 'VERB' || !looksLikeVerbS(tokens[i]!) || !['and', 'or'].includes(tokens[i - 1]!.lower)) continue;
    let k = i - 2;
    const listed: Token[] = [];
    while (k >= 1 && looksLikeVerbS(tokens[k]!) && canBeVerb(thirdPersonBase(tokens[k]!.lower))) {
      listed.push(tokens[k]!);
      if (tokens[k - 1]?.text !== ',') break;
      k -= 2;
    }
    const subject = tokens[k - 1];
    if (!listed.length || !subject || !['NOUN', 'PROPN'].includes(subject.pos) || tokens.slice(0, k).some((x) => x.pos === 'VERB')) continue;
    for (const t of listed) t.pos = 'VERB';
  }
}

/** "agent checks policy", "head chef orders stock": a clause opened by a bare noun naming someone. */
function opensWithParty(clause: Token[]): boolean {
  const head = clause.findIndex((t, i) => i > 0 && looksLikeVerbS(t));
  if (head < 1 || head > 2 || !clause.slice(0, head).every((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return false;
  const noun = { ...clause[head - 1]!, pos: 'NOUN', lemma: clause[head - 1]!.lower, first: false };
  return namesSomeone({ words: [noun], head: noun, of: null });
}

/** Where the party after "in parallel with" ends: its article and nouns ("the DBA", "the night shift"). */
function readGerundParty(tokens: Token[], from: number): { end: number } {
  let k = from;
  if (tokens[k]?.pos === 'DET') k++;
  while (['NOUN', 'PROPN', 'ADJ'].includes(tokens[k]?.pos ?? '') && !/ing$/.test(tokens[k]!.lower)) k++;
  return { end: k };
}

/** The stretches after each comma or semicolon, up to the next one. */
function commaClauses(tokens: Token[]): Token[][] {
  const cuts = tokens.flatMap((t, i) => (t.text === ',' || t.text === ';' ? [i] : []));
  return cuts.map((c, n) => tokens.slice(c + 1, cuts[n + 1] ?? tokens.length));
}

/** A sentence without any verb: "The MSPO deregisters at the GO", "the assessor and the manager sign the invoice". */
function findMissingVerb(tokens: Token[]): void {
  // "In stock: warehouse ships order": the clause starts after a case named before a colon.
  let k = tokens.findIndex((t, i) => i < 5 && t.text === ':') + 1;
  // "Every morning the chef orders milk", "On Fridays, the clerk …": an opening time phrase is not the subject.
  const time = tokens.slice(k, k + 4).findIndex((t) => (t.pos === 'NOUN' || t.pos === 'PROPN') && isTimeWord(t.lemma));
  if (time >= 0 && tokens.slice(k, k + time).every((t) => ['DET', 'ADP', 'ADJ', 'NUM'].includes(t.pos))) k += time + (tokens[k + time + 1]?.text === ',' ? 2 : 1);
  while (tokens[k]?.pos === 'DET' || tokens[k]?.pos === 'ADV') k++;
  const runStart = k;
  // ("The head of tax reviews.": an "of" inside the subject keeps it going; "the list of open invoices" is no clause.)
  let of = false;
  const inSubject = (t: Token | undefined) => ['NOUN', 'PROPN', 'ADJ'].includes(t?.pos ?? '') || (t?.lower === 'of' && k > runStart);
  for (; inSubject(tokens[k]) && !(k > runStart && looksLikeVerbS(tokens[k]!)); k++) of ||= tokens[k]!.lower === 'of';
  while (tokens[k]?.pos === 'ADV') k++;
  const t = tokens[k];
  const subjectEnds = !of || ['NOUN', 'PROPN'].includes(tokens[k - 1]?.pos ?? '');
  if (t && k > runStart && t.pos === 'NOUN' && looksLikeVerbS(t) && subjectEnds) {
    t.pos = 'VERB';
    return;
  }
  // A plural subject's verb has no -s: it is the noun between a coordinated subject and the next determiner.
  for (let i = 1; i < tokens.length - 1; i++) {
    const [prev, w, next] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    const coordinated = tokens.slice(0, i).some((x) => x.lower === 'and' || x.lower === 'both');
    if (w.pos === 'NOUN' && (prev.pos === 'NOUN' || prev.pos === 'PROPN') && next.pos === 'DET' && coordinated) {
      w.pos = 'VERB';
      return;
    }
  }
  // "On Thursday the pupils hand it in": so is a bare form between a plural subject and "it" or "them" (in the
  // first clause: after "and" the subject may be read into the clause before).
  for (let i = 1; i < tokens.length - 1 && tokens[i - 1]!.lower !== 'and'; i++) {
    const [prev, w, next] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    if (w.pos === 'NOUN' && prev.pos === 'NOUN' && /[^s]s$/.test(prev.lower) && ['it', 'them'].includes(next.lower) && canBeVerb(w.lower)) {
      w.pos = 'VERB';
      return;
    }
  }
}
