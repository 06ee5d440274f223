// Clause → who does what, read in steps: subject, verb group (voice, negation), object, complements.
import { readCausative } from './causatives.ts';
import { readComplements, readObject } from './objects.ts';
import { readPhrase, type Phrase } from './phrase.ts';
import { findVerbGroup, readSubject } from './subject.ts';
import type { Token } from './tokens.ts';
import { BARE_PARTICIPLES, readVerbGroup } from './verb-group.ts';
import { namesSomeone } from './agents.ts';
import { INTRANSITIVE_VERBS, TOGETHER_VERBS } from './lexicon.ts';
import { PERSON_VERBS } from './person-pronouns.ts';

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
  /** "X is asked to VERB": X does only this step; the work stays with whoever asked. */
  asked: boolean;
  /** "The nurse has the porter take …": who had the step done by the subject. */
  causer: Phrase | null;
  negated: boolean;
  copula: boolean;
  object: Phrase | null;
  /** Preposition + phrase after the verb or object ("about the outcome", "for corrections"). */
  prep: { word: Token; phrase: Phrase } | null;
  /** "by X" in a passive clause. */
  agent: Phrase | null;
  /** "by planning and by the fire brigade": further agents named with the first. */
  coAgents: Phrase[];
  /** "to X" after the object: the receiver of a hand-over. */
  recipient: Phrase | null;
  /** "to IT and to facilities": further receivers named with the first. */
  coRecipients: Phrase[];
  adverbs: string[];
  /** Everything after the connective, for condition labels. */
  rest: Token[];
  /** "ensures that the form is complete": the state the step brings about ("is complete"), after the object. */
  state: Token[];
  /** A time stood where an object or a complement could ("meets every Wednesday", "can take weeks"). */
  timed: boolean;
}

// "uses SAP to post the invoice": the tool is a means, the step is the second verb.
const MEANS_VERBS = new Set(['use', 'utilise', 'utilize', 'employ']);
const TIME_SPENDING = new Set(['take', 'spend', 'need', 'have']);
// "makes sure that …", "ensures that …": the step brings about a state.
const ENSURE_VERBS = new Set(['ensure', 'make', 'verify', 'check', 'confirm']);

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
    asked: false,
    causer: null,
    negated: false,
    copula: false,
    object: null,
    prep: null,
    agent: null,
    coAgents: [],
    recipient: null,
    coRecipients: [],
    adverbs: [],
    rest: tokens,
    state: [],
    timed: false,
  };
  const firstVerb = findVerbGroup(tokens);
  if (firstVerb < 0) return r;
  readSubject(tokens, firstVerb, r);
  let afterVerb = readVerbGroup(tokens, firstVerb, r);
  const caused = readCausative(tokens, afterVerb, r);
  if (caused >= 0) afterVerb = caused;
  if (!r.verb) {
    // "The next step is a detailed presentation": the complement is what later "it" means.
    if (r.copula && tokens[afterVerb]?.pos === 'DET') r.object = readPhrase(tokens, afterVerb).phrase;
    return r;
  }
  if (readEnsured(tokens, afterVerb, r)) return r;
  r.passive ||= notedPassive(tokens, firstVerb, afterVerb, r);
  // "For small orders no approval is required", "no invoice is sent": a passive done to "no X" is a step not done.
  if (r.passive && r.subject && tokens[tokens.indexOf(r.subject.words[0]!) - 1]?.lower === 'no') r.negated = true;
  let i = readObject(tokens, afterVerb, r);
  // ("takes two days to check the form": the time spent is no step either.)
  const spent = r.timed && TIME_SPENDING.has(r.verb.lemma);
  if ((MEANS_VERBS.has(r.verb.lemma) || spent) && tokens[i]?.lower === 'to' && tokens[i + 1]?.pos === 'VERB') {
    r.object = null;
    r.verb = null;
    i = readVerbGroup(tokens, i + 1, r);
    if (!r.verb) return r;
    i = readObject(tokens, i, r);
  }
  // "sends it back", "fills the form out", "hands the build over to QA": a particle after the object.
  const late = tokens[i];
  if (!r.particle && late && (late.lower === 'together' ? TOGETHER_VERBS.has(r.verb.lemma) : lateParticle(late, tokens[i + 1]))) {
    r.particle = late;
    i++;
  }
  readComplements(tokens, i, r);
  return r;
}

/**
 * "refund issued", "payment received, invoice closed": in notes a thing and a participle with nothing after it is a
 * passive without its "is" (the verb has no subject to act otherwise; "the order arrived" is not done to anything).
 */
function notedPassive(tokens: Token[], verbAt: number, afterVerb: number, r: Reading): boolean {
  const verb = r.verb!;
  const next = tokens[afterVerb];
  const ends = !next || next.pos === 'PUNCT' || next.lower === 'by';
  // (Notes drop the article: "the invoice received" is prose with its verb left out, "sums insured and …" a list.)
  const bare = !!r.subject && !r.subject.words.some((w) => w.pos === 'DET') && tokens.indexOf(r.subject.words[0]!) <= 0;
  const participle = /[^e]ed$|[^e]en$/.test(verb.lower) || BARE_PARTICIPLES.has(verb.lower);
  // ("customer notified", "patient admitted": a person is the one done to when the verb is done to people.)
  const doneTo = !!r.subject && (!namesSomeone(r.subject) || (PERSON_VERBS.has(verb.lemma) && !SELF_DONE.has(verb.lemma)));
  return verbAt === afterVerb - 1 && ends && participle && bare && !!r.subject && r.subject.head.pos !== 'PRON' && doneTo && !INTRANSITIVE_VERBS.has(verb.lemma);
}
// Verbs done to people that a person also does by themselves ("customer visited", "guests boarded").
const SELF_DONE = new Set(['meet', 'visit', 'reach', 'board', 'operate', 'update', 'text', 'message', 'ask', 'refer']);

/**
 * "makes sure that the form is complete", "ensures all documents are signed": the object is the clause's subject and
 * the label keeps the state ("Ensure form is complete"), never a bare "Make" or "Ensure documents".
 */
function readEnsured(tokens: Token[], from: number, r: Reading): boolean {
  const verb = r.verb!;
  let i = from;
  if (verb.lemma === 'make') {
    if (tokens[i]?.lower !== 'sure' && tokens[i]?.lower !== 'certain') return false;
    i++;
  } else if (!ENSURE_VERBS.has(verb.lemma)) return false;
  const that = tokens[i]?.lower === 'that';
  if (that) i++;
  const read = readPhrase(tokens, i);
  let { end } = read;
  let phrase = read.phrase;
  // "checks that the birth certificate and the proof of address are attached": both things are checked.
  if (phrase && tokens[end]?.lower === 'and') {
    const second = readPhrase(tokens, end + 1);
    if (second.phrase && tokens[second.end]?.lemma === 'be') {
      // (Both named while the label has room, "Check form and receipts are complete"; else the first.)
      const both = [...phrase.words, tokens[end]!, ...second.phrase.words];
      if (both.filter((w) => w.pos !== 'DET').length <= 4) phrase = { ...second.phrase, words: both };
      end = second.end;
    }
  }
  const be = tokens[end];
  if (!phrase || !be || be.lemma !== 'be') return false;
  const state = tokens.slice(end).filter((t) => t.pos !== 'PUNCT');
  const predicate = state.slice(1).filter((t) => !['all', 'properly', 'correctly', 'fully'].includes(t.lower));
  if (!predicate.length || !['VERB', 'ADJ'].includes(predicate[0]!.pos) || (!that && verb.lemma !== 'make' && verb.lemma !== 'ensure')) return false;
  r.object = phrase;
  r.state = [be, ...predicate.slice(0, 2).filter((t, k) => k === 0 || t.pos === 'ADJ' || t.pos === 'VERB')];
  return true;
}

const LATE_PARTICLES = new Set(['back', 'out', 'up', 'off', 'down', 'over', 'away', 'aside']);
const PREPOSITION_TOO = new Set(['over', 'up', 'down', 'off']);

/**
 * A particle after the object: "writes the number down", "hands the build over to QA". "in" and "on" only where the
 * clause ends or the receiver follows ("checks the guest in.", "passes the file on to HR"), never "in the system".
 */
function lateParticle(t: Token, next: Token | undefined): boolean {
  if (!['ADV', 'ADP', 'PART'].includes(t.pos)) return false;
  // ("takes the order over the phone", "carries the box up the stairs": before a noun phrase it is a preposition.)
  if (LATE_PARTICLES.has(t.lower)) return !(PREPOSITION_TOO.has(t.lower) && ['DET', 'NOUN', 'ADJ', 'PROPN', 'NUM'].includes(next?.pos ?? ''));
  // ("hands it in at the counter", "checks the guest in at the desk": where it is done follows the particle.)
  const ends = !next || next.pos === 'PUNCT' || next.pos === 'CCONJ' || next.lower === 'to' || (t.lower === 'in' && next.lower === 'at');
  return (t.lower === 'in' || t.lower === 'on') && ends;
}
