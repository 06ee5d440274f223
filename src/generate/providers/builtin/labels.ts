// The imperative label of a step and its task type: verb lemma (+ particle) + object head phrase.
import type { TaskType } from '../../model.ts';
import { isTimeWord, namesSomeone } from './agents.ts';
import { LIGHT_VERBS, MEASURES, RECEIVE_VERBS, SEND_VERBS } from './lexicon.ts';
import { readPhrase, type Phrase } from './phrase.ts';
import { isPlural } from './pronoun-number.ts';
import type { Reading } from './reading.ts';
import type { Token } from './tokens.ts';
import { STANDALONE_VERBS } from './label-gate.ts';
import { infinitiveAfter } from './infinitive-complements.ts';
import { verbLemma } from './verb-lemma.ts';
import { carriedTo, markedAs } from './label-complements.ts';
import { alternativeOf } from './alternative-objects.ts';

const QUANTITY_HEADS = new Set(['number', 'lot', 'couple', 'amount', 'set', 'series', 'kind', 'type', 'variety', 'range', 'member', 'one', 'part', 'rest', 'all', 'each', 'some', 'most']);
const MAX_LABEL_WORDS = 6;
const TIME_MEASURES = new Set(['date', 'deadline', 'period', 'slot', 'time']);

// Plurals that do modify a noun ("sales order", "goods receipt"); any other plural inside a phrase ends a list item.
const PLURAL_MODIFIERS = new Set(['sales', 'goods', 'claims', 'customs', 'savings', 'news', 'operations', 'services', 'systems', 'parts', 'accounts', 'resources', 'works', 'arts', 'rights', 'sports', 'apps', 'materials', 'means', 'series', 'species']);

function wordsOf(phrase: Phrase): string[] {
  if (QUANTITY_HEADS.has(phrase.head.lemma) && phrase.of) return wordsOf(phrase.of);
  // "asks for certificates, production sites and insurance" reaches here without its commas: keep the first item.
  // Two plurals inside one phrase make a list ("certificates production sites insurance"); one may be a modifier.
  const plurals = phrase.words.filter((w, k) => k < phrase.words.length - 1 && w.pos === 'NOUN' && w.lower !== w.lemma && /s$/.test(w.lower) && !PLURAL_MODIFIERS.has(w.lower));
  const words = plurals.length >= 2 ? phrase.words.slice(0, phrase.words.indexOf(plurals[0]!) + 1) : phrase.words;
  return words.map((w) => (w.pos === 'PROPN' && !(w.first && !/^[A-Z0-9]{2,}$/.test(w.text)) ? w.text : w.lower));
}

/** Short imperative label: verb lemma (+ particle) + object head phrase, at most six content words. */
export function labelFor(r: Reading, given: Phrase | null, thing: Phrase | null = null): string {
  if (!r.verb) return '';
  const light = lightVerbStep(r, given);
  const object = light ? light.object : given;
  // "makes sure that …" is ensuring it.
  const words: string[] = [light ? light.verb : (doneGerund(r) ?? (r.state.length && verbBase(r.verb) === 'make' ? 'ensure' : verbBase(r.verb)))];
  if (r.particle && !light) words.push(r.particle.lower);
  // "hands the form to the nurse": "Hand form" leaves out where it goes; handing something is handing it over.
  else if (!light && words[0] === 'hand' && object) words.push('over');
  // "are disposed of", "is followed up on": the passive leaves the verb's preposition behind, and the label keeps it.
  const left = light ? null : stranded(r);
  if (left) words.push(left);
  const budget = () => MAX_LABEL_WORDS - words.length;
  // "A decision on the refund is made by the team lead": in the passive the light verb's noun keeps its "on …".
  const about = light && !light.object && r.passive && given === r.subject ? subjectComplement(r) : null;
  if (about) return sentenceCase([...words, about.word.lower, ...wordsOf(about.phrase)].slice(0, MAX_LABEL_WORDS));
  const asked = object && askedTo(r, object, thing);
  if (asked) return sentenceCase([...words, ...wordsOf(object!), ...asked].slice(0, MAX_LABEL_WORDS));
  // "asks to sublet", "offers to replace the part": the step is the asking with what is asked to be done.
  const todo = object || light ? null : infinitiveAfter(r, words[0]!);
  if (todo) {
    const after = r.rest.indexOf(todo) + 1;
    const { phrase } = readPhrase(r.rest, after);
    // ("asks to work from home": with no object, the infinitive's preposition phrase says what is asked.)
    const prep = !phrase && r.rest[after]?.pos === 'ADP' ? readPhrase(r.rest, after + 1).phrase : null;
    const what = phrase ? wordsOf(phrase) : prep ? [r.rest[after]!.lower, ...wordsOf(prep)] : [];
    return sentenceCase([...words, 'to', verbBase(todo), ...what].slice(0, MAX_LABEL_WORDS));
  }
  if (object) {
    let obj = wordsOf(object);
    if (obj.length > budget()) obj = obj.slice(obj.length - Math.max(1, budget()));
    words.push(...obj);
    // "orders an X-ray or a CT scan": the other thing the step may be done to stays in its label.
    const other = alternativeOf(r, object);
    if (other && other.length + 1 <= budget()) words.push('or', ...other);
    // "the patient is sent home (with advice)": where the one sent goes is the step ("Send patient home").
    if (!obj.includes('home') && r.verb && verbBase(r.verb) === 'send' && r.rest.slice(r.rest.indexOf(r.verb) + 1).some((t) => t.lower === 'home')) words.push('home');
    // "ensures that the form is complete": the state brought about stays in the label.
    if (r.state.length && obj.length + r.state.length <= budget()) {
      words.push(...r.state.map((t) => t.lower));
      return sentenceCase(words);
    }
    // ("the deposit of 200 euros", "a deadline of Friday": an amount or a date is no part of the step's name.)
    const measured = !!object.of && (object.of.words.some((w) => w.pos === 'NUM') || MEASURES.has(object.of.head.lemma) || isTimeWord(object.of.head.lemma));
    const inner = object.of && !QUANTITY_HEADS.has(object.head.lemma) && !measured ? wordsOf(object.of) : [];
    if (inner.length && inner.length + 1 <= budget() - 1 && obj.length <= 2) words.push('of', ...inner);
    const needed = markedAs(r, words[0]!, object) ?? carriedTo(r, words[0]!, object);
    if (needed && needed.length <= budget()) return sentenceCase([...words, ...needed]);
  }
  // "within one month", "in the last two weeks": a time is no part of the step's name.
  const timed = r.prep && (isTimeWord(r.prep.phrase.head.lemma) || TIME_MEASURES.has(r.prep.phrase.head.lemma)) && (object || STANDALONE_VERBS.has(words[0]!));
  if (r.prep && !timed && !(object && r.prep.word.lower === 'of' && object.of)) {
    const pw = wordsOf(r.prep.phrase);
    const room = budget() - 1;
    // ("walks the customer through the options": leading someone through something names the something.)
    const leads = !!object && r.prep.word.lower === 'through' && namesSomeone(object);
    // ("puts the form in an envelope", "locks the takings in the safe": where a thing is put is what the step does.)
    const placed = PLACING_VERBS.has(words[0]!) && ['in', 'inside', 'onto'].includes(r.prep.word.lower);
    if (pw.length <= room && (!object || leads || placed || ['about', 'for', 'into', 'of', 'on', 'with'].includes(r.prep.word.lower))) {
      words.push(r.prep.word.lower, ...pw);
    } else if (!object && room > 0) {
      words.push(r.prep.word.lower, ...pw.slice(pw.length - room));
    }
  }
  // "goes to the bank account": where something goes is part of the step.
  if (!object && !r.prep && r.recipient) {
    const rw = wordsOf(r.recipient);
    if (rw.length <= budget() - 1) words.push('to', ...rw);
  }
  // "Members pay online": with nothing else after the verb, the channel is what tells the step apart.
  const channel = !object && !r.prep && !r.recipient ? r.adverbs.find((a) => CHANNELS.has(a)) : undefined;
  if (channel) words.push(channel);
  return sentenceCase(words);
}

// (Not "place": one places orders, bids and calls "in the web shop".)
const PLACING_VERBS = new Set(['put', 'insert', 'lock', 'hang', 'seal', 'stack', 'store']);
const CHANNELS = new Set(['online', 'offline', 'remotely', 'abroad', 'onsite', 'home']);

/** The preposition a passive verb leaves at the end of its clause ("disposed of", "taken care of"), or null. */
function stranded(r: Reading): string | null {
  if (!r.passive || !r.verb) return null;
  const after = r.rest.slice(r.rest.indexOf(r.verb) + 1).filter((t) => t.pos !== 'ADV' && t !== r.particle);
  const at = after.findIndex((t) => t.pos === 'ADP');
  const careOf = at === 1 && after[0]?.lower === 'care';
  if ((at !== 0 && !careOf) || !['of', 'with', 'after', 'on', 'to'].includes(after[at]!.lower)) return null;
  const end = after[at + 1];
  return !end || end.pos === 'PUNCT' || end.pos === 'CCONJ' || end.lower === 'by' ? (careOf ? 'care of' : after[at]!.lower) : null;
}

const ASKING = new Set(['ask', 'request', 'remind', 'invite', 'instruct']);

/**
 * "asks the resident to upload the documents": what the one asked is to do ("to upload documents"), or null;
 * "to upload them" names the thing "them" points at.
 */
function askedTo(r: Reading, object: Phrase, thing: Phrase | null): string[] | null {
  const at = askedAt(r, object);
  if (at < 0) return null;
  const verb = r.rest[at + 2]!;
  // ("asks the patient to fill in a form": the infinitive keeps its particle.)
  const particle = askedParticle(r, at);
  const from = at + (particle ? 4 : 3);
  const { phrase } = readPhrase(r.rest, from);
  const pronoun = ['it', 'them', 'this', 'these', 'those'].includes(r.rest[from]?.lower ?? '');
  // ("… to return those": a plural pronoun never means a single thing in hand; the verb then goes without it.)
  const plural = ['them', 'these', 'those'].includes(r.rest[from]?.lower ?? '');
  const what = pronoun ? (thing && plural !== isPlural(thing) ? null : thing) : phrase;
  return ['to', verbBase(verb), ...(particle ? [particle] : []), ...(what ? wordsOf(what) : [])];
}

/** Where the one asked stands when "to" and a verb follow ("asks IT to reset …"), or -1. */
function askedAt(r: Reading, object: Phrase): number {
  if (!r.verb || !ASKING.has(verbBase(r.verb))) return -1;
  // ("asks them to …": a person pronoun is named by the planner, and its place is right after the verb.)
  const after = r.rest[r.rest.indexOf(r.verb) + 1];
  const at = r.rest.includes(object.head) ? r.rest.indexOf(object.head) : after?.pos === 'PRON' ? r.rest.indexOf(after) : -1;
  return at >= 0 && r.rest[at + 1]?.lower === 'to' && r.rest[at + 2]?.pos === 'VERB' ? at : -1;
}

/** "asks IT to reset the password": the thing the one asked is to act on, which "it" means next; null if none is named. */
export function askedThing(r: Reading, object: Phrase): Phrase | null {
  const at = askedAt(r, object);
  return at < 0 ? null : readPhrase(r.rest, at + (askedParticle(r, at) ? 4 : 3)).phrase;
}

const INFINITIVE_PARTICLES = new Set(['in', 'out', 'up', 'off', 'over', 'back', 'down']);

/** The particle right after the asked verb, before its object ("to fill in a form"), or null. */
function askedParticle(r: Reading, at: number): string | null {
  const word = r.rest[at + 3];
  return word && INFINITIVE_PARTICLES.has(word.lower) && ['DET', 'PRON'].includes(r.rest[at + 4]?.pos ?? '') ? word.lower : null;
}

function sentenceCase(words: string[]): string {
  const label = words.join(' ').replace(/\s+-\s+/g, '-').replace(/(\d) %/g, '$1%');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

const NOUN_VERBS: Record<string, string> = {
  check: 'check', decision: 'decide', review: 'review', inspection: 'inspect', assessment: 'assess', analysis: 'analyse',
  evaluation: 'evaluate', examination: 'examine', investigation: 'investigate', verification: 'verify', calculation: 'calculate',
  test: 'test', audit: 'audit', estimate: 'estimate', estimation: 'estimate', selection: 'select', presentation: 'present',
  payment: 'pay', call: 'call', booking: 'book', registration: 'register', measurement: 'measure',
  comparison: 'compare', validation: 'validate', approval: 'approve', reconciliation: 'reconcile', correction: 'correct',
  search: 'search', interview: 'interview', survey: 'survey', recommendation: 'recommend', proposal: 'propose',
  inventory: 'count', count: 'count', repair: 'repair', delivery: 'deliver', diagnosis: 'diagnose', visit: 'visit',
};

/** The verb an action noun names ("check" → check, "inspection" → inspect), or undefined. */
export const actionVerb = (lemma: string): string | undefined => NOUN_VERBS[lemma];

/**
 * Whether a modifier names what is examined: a plain noun ("stock", "code"), or a noun in -ty the tagger calls a
 * describing word ("quality", "security"); not "an annual review", "a statutory audit", "a walk-around check".
 */
const namesExamined = (w: Token) => /^[a-z]+$/.test(w.lower) && (['NOUN', 'PROPN'].includes(w.pos) || (w.pos === 'ADJ' && /ty$/.test(w.lower)));
// Nouns of examining something, whose noun modifier is the thing examined ("stock check", "code review").
const EXAMINING = new Set(['check', 'review', 'inspection', 'assessment', 'analysis', 'evaluation', 'examination', 'investigation', 'verification', 'audit', 'count', 'validation', 'reconciliation', 'calculation', 'estimate', 'estimation', 'measurement']);
const TAKEN_IN = new Set(['payment', 'call', 'booking', 'delivery', 'order', 'deposit', 'reservation']);
const MANNER_ADJECTIVES = new Set(['thorough', 'final', 'quick', 'brief', 'detailed', 'first', 'second', 'initial', 'formal', 'full', 'careful']);

/** "a decision on the refund is made": the "on/about …" between the subject's noun and the verb. */
function subjectComplement(r: Reading): { word: Token; phrase: Phrase } | null {
  const at = r.rest.indexOf(r.subject!.head);
  const word = r.rest[at + 1];
  if (at < 0 || !word || !['on', 'about', 'regarding'].includes(word.lower)) return null;
  const { phrase } = readPhrase(r.rest, at + 2);
  return phrase ? { word, phrase } : null;
}

/** "does the decorating": the gerund a light "do" takes is the step's verb ("Decorate cake"), or null. */
function doneGerund(r: Reading): string | null {
  if (!r.verb || verbBase(r.verb) !== 'do') return null;
  const next = r.rest.slice(r.rest.indexOf(r.verb) + 1).find((t) => t.pos !== 'DET');
  return next?.pos === 'VERB' && /ing$/.test(next.lower) && next.lemma !== next.lower ? next.lemma : null;
}

/** The verb a light-verb step means and what it acts on, or null when the light verb is the step itself. */
export function lightVerbStep(r: Reading, object: Phrase | null): { verb: string; object: Phrase | null } | null {
  if (!r.verb || !object || !LIGHT_VERBS.has(verbBase(r.verb))) return null;
  // "The process review takes place every quarter": what takes place is the step.
  if (verbBase(r.verb) === 'take' && object.head.lemma === 'place' && object.words.length === 1 && r.subject && !namesSomeone(r.subject)) {
    // ("the interim audit takes place" → Perform interim audit; "the team meeting takes place" → Hold team meeting.)
    return nounStep(r.subject, true) ?? { verb: EXAMINING.has(r.subject.head.lemma) ? 'perform' : 'hold', object: r.subject };
  }
  if (verbBase(r.verb) === 'carry' && r.particle?.lower !== 'out') return null;
  // "takes payment", "takes the call": taking these is receiving them, not doing them.
  if (verbBase(r.verb) === 'take' && TAKEN_IN.has(object.head.lemma)) return null;
  // ("performs a credit check" is a label as it stands; "does a stock check" is not: → Check stock.)
  return nounStep(object, ['do', 'make'].includes(verbBase(r.verb)));
}

/**
 * The step an action noun names: "a check of the form" → Check form; `inverted` after a verb that says nothing
 * ("does", "takes place"), "a stock check" → Check stock; or null.
 */
function nounStep(object: Phrase, inverted: boolean): { verb: string; object: Phrase | null } | null {
  const verb = NOUN_VERBS[object.head.lemma];
  if (!verb) return null;
  // "a stock check", "a code review": a noun before a noun of examining names what is examined.
  const modifiers = object.words.filter((w) => w !== object.head && w.pos !== 'DET');
  const examined = inverted && modifiers.length === 1 && EXAMINING.has(object.head.lemma) && namesExamined(modifiers[0]!);
  // ("a risk assessment of the supplier" → Assess risk of supplier.)
  if (examined) return { verb, object: { words: modifiers, head: modifiers[0]!, of: object.of } };
  // Only a bare noun ("a check", "a thorough review"); "a follow-up call" keeps its own words.
  if (object.words.some((w) => w !== object.head && !MANNER_ADJECTIVES.has(w.lower) && w.pos !== 'DET')) return null;
  // "runs the tests" names its things: "Run tests", not a bare "Test".
  if (!object.of && object.head.lower !== object.head.lemma && /s$/.test(object.head.lower)) return null;
  if (object.of) return { verb, object: object.of };
  return STANDALONE_VERBS.has(verb) ? { verb, object: null } : null;
}

const IRREGULAR_BASE: Record<string, string> = {
  sent: 'send', sents: 'send', made: 'make', got: 'get', took: 'take', gave: 'give', given: 'give', put: 'put', done: 'do',
  paid: 'pay', sold: 'sell', told: 'tell', found: 'find', bought: 'buy', held: 'hold', kept: 'keep', left: 'leave',
  written: 'write', wrote: 'write', brought: 'bring', chosen: 'choose', chose: 'choose', known: 'know', shown: 'show',
  advertized: 'advertise', advertised: 'advertise', confirmes: 'confirm', set: 'set', read: 'read', met: 'meet',
};

/** The verb's base form, in the writer's spelling. */
export function verbBase(verb: Token): string {
  const lower = verb.lower;
  return IRREGULAR_BASE[lower] ?? writersSpelling(verbLemma(lower, verb.lemma), lower);
}

/**
 * "analysed" → "analyse", not the lemmatiser's "analyze": the label keeps the writer's -ise/-yse spelling; and
 * "enrols", "instals" keep their single final l ("Enrol", not "Enroll").
 */
function writersSpelling(lemma: string, lower: string): string {
  if (/ll$/.test(lemma) && lower === `${lemma.slice(0, -1)}s`) return lemma.slice(0, -1);
  for (const [z, s] of [['yz', 'ys'], ['iz', 'is']] as const) {
    const written = lemma.replace(z, s);
    if (lemma.includes(z) && !lower.includes(z) && lower.startsWith(written.replace(/e$/, ''))) return written;
  }
  return lemma;
}

/** Task type where the text says so: hand-overs, automation, manual work. */
export function taskTypeFor(r: Reading, systemActor: boolean): TaskType {
  const base = r.verb ? verbBase(r.verb) : '';
  if (r.adverbs.includes('automatically') || systemActor) return 'service';
  if (r.adverbs.includes('manually') || r.adverbs.includes('personally')) return 'manual';
  if (SEND_VERBS.has(base) && (r.recipient || r.object)) return 'send';
  if (RECEIVE_VERBS.has(base) && !r.passive) return 'receive';
  return 'none';
}
