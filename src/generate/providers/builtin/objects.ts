// What the verb acts on: the object (or the passive's retained object), then prepositional complements.
import { mayAct, namesSomeone } from './agents.ts';
import { readPhrase, type Phrase } from './phrase.ts';
import { saysWhen } from './time-expressions.ts';
import type { Reading } from './reading.ts';
import type { Token } from './tokens.ts';
import { BARE_PARTICIPLES } from './verb-group.ts';

// Words after a pair of things that do not close it: whose things they are ("of"), or a verb's particle ("marks up").
const THING_PARTICLES = new Set(['of', 'up', 'off', 'out', 'down', 'back', 'over', 'away']);

const OBJECT_PRONOUNS = new Set(['it', 'them', 'this', 'that', 'him', 'her', 'everything']);
// Verbs that take a receiver and a thing: "gives the new hire the office tour".
const DITRANSITIVE = new Set(['give', 'hand', 'send', 'offer', 'show', 'grant', 'lend', 'award', 'email', 'mail', 'pay', 'tell', 'issue', 'sell', 'bring', 'owe']);
// Prepositions whose pronoun is a thing worked on ("signs off on it", "looks at them"), not a companion ("with them").
const WORKED_ON = new Set(['on', 'at', 'through', 'over', 'about', 'into', 'for']);
const PREPOSITIONS_FOR_LABEL = new Set(['for', 'about', 'of', 'at', 'into', 'on', 'with', 'in', 'through']);
// The nouns of complex prepositions ("with regard to", "on the basis of", "in accordance with"): the phrase says on
// what grounds, and a label cut after its noun ("Review case with regard") says nothing.
const COMPLEX_PREPOSITION_NOUNS = new Set(['regard', 'respect', 'accordance', 'basis', 'behalf', 'line', 'compliance', 'terms', 'relation', 'reference', 'view', 'means', 'light', 'case', 'addition', 'favour', 'favor', 'spite', 'lieu']);

/** Object (active) or nothing (passive: the subject is the object, unless one follows: "is sent a message"). */
export function readObject(tokens: Token[], from: number, r: Reading): number {
  if (r.passive) {
    const { phrase, end } = readPhrase(tokens, from);
    // ("the others are sent a rejection": after a verb that gives, whoever is given the thing is its receiver.)
    if (phrase && r.subject && (namesSomeone(r.subject) || (DITRANSITIVE.has(r.verb?.lemma ?? '') && !saysWhen(tokens, from, end)))) {
      r.recipient = r.subject;
      r.subject = phrase;
      return end;
    }
    return from;
  }
  // "marks where parts are worn", "notes where entries are missing": the things in that state are the object.
  const where = tokens[from]?.lower === 'where' ? from + 1 : tokens[from - 1]?.lower === 'where' ? from : -1;
  if (where >= 0) {
    const { phrase, end } = readPhrase(tokens, where);
    const [be, state] = [tokens[end], tokens[end + 1]];
    if (phrase && be && ['is', 'are', 'was', 'were'].includes(be.lower) && state && ['ADJ', 'VERB'].includes(state.pos)) {
      r.object = { ...phrase, words: [{ ...state, pos: 'ADJ' }, ...phrase.words.filter((w) => w.pos !== 'DET')] };
      return end + 2;
    }
  }
  const pronoun = tokens[from];
  // "gives them a price": a person as the first of two objects is the receiver.
  const given = pronoun && ['them', 'him', 'her', 'me', 'us'].includes(pronoun.lower) && DITRANSITIVE.has(r.verb?.lemma ?? '') && tokens[from + 1]?.pos === 'DET';
  const thing = given ? readPhrase(tokens, from + 1) : null;
  if (thing?.phrase) {
    r.recipient = { words: [pronoun!], head: pronoun!, of: null };
    r.object = thing.phrase;
    return thing.end;
  }
  // "measures her blood pressure": "her" before a noun is a possessive, not the object.
  const possessive = pronoun?.lower === 'her' && ['NOUN', 'ADJ', 'PROPN'].includes(tokens[from + 1]?.pos ?? '');
  if (pronoun && pronoun.pos === 'PRON' && OBJECT_PRONOUNS.has(pronoun.lower) && !possessive) {
    r.object = { words: [pronoun], head: pronoun, of: null };
    return from + 1;
  }
  const { phrase, end } = readPhrase(tokens, from);
  if (!phrase) return from;
  // "meets every Wednesday", "reports every 2 weeks": a time is no object.
  if (saysWhen(tokens, from, end, true)) {
    r.timed = true;
    return end;
  }
  r.object = phrase;
  // "sends the user a notification", "gives the new hire the office tour": the first object is the receiver.
  const receiver = namesSomeone(phrase) || (DITRANSITIVE.has(r.verb?.lemma ?? '') && tokens[end]?.pos === 'DET');
  const second = receiver ? readPhrase(tokens, end) : { phrase: null, end };
  // "calls a plumber the same day": the person is the object, the day when.
  if (second.phrase && saysWhen(tokens, end, second.end)) {
    r.timed = true;
    return second.end;
  }
  // ("informs the owner that the bike is ready": what follows "that" is what they are told, the owner is the object.)
  const told = tokens[end]?.lower === 'that' && tokens[end]?.pos !== 'DET';
  if (second.phrase && tokens[end]?.pos !== 'ADP' && !told) {
    r.recipient = phrase;
    r.object = second.phrase;
    return second.end;
  }
  return coordinated(tokens, phrase, end, r);
}

/**
 * "prepares a desk and an access badge", "checks the dashboards and logs", "inspects the seals and tanks": a second
 * short object after "and" is named in the same step; one without an article of its own shares the first one's.
 */
function coordinated(tokens: Token[], first: Phrase, end: number, r: Reading): number {
  const and = tokens[end];
  const next = tokens[end + 1];
  // ("the receipt and copied documents": a bare noun only, so "and signs it" stays a step of its own; and not a word in
  // -s after a singular thing, which is as often the next verb: "reviews the contract and marks up changes".)
  const plural = (t: Token | undefined) => !!t && /[^s]s$/.test(t.lower);
  const sharesArticle = next?.pos === 'NOUN' && (!plural(next) || plural(first.words.at(-1))) && tokens[tokens.indexOf(first.words[0]!) - 1]?.pos === 'DET';
  if (and?.lower !== 'and' || (next?.pos !== 'DET' && !sharesArticle)) return end;
  const { phrase, end: after } = readPhrase(tokens, end + 1);
  // ("reviews the figures and reports at month end": a time or place after the pair still closes it.)
  // (Not a verb's particle: "checks the invoices and marks up errors".)
  const closes = !tokens[after] || tokens[after]!.pos === 'PUNCT' || (sharesArticle && tokens[after]!.pos === 'ADP' && !THING_PARTICLES.has(tokens[after]!.lower));
  if (!phrase || !closes || phrase.of || first.of || namesSomeone(phrase) || first.words.length + phrase.words.length > 4) return end;
  r.object = { ...first, words: [...first.words, and, ...phrase.words] };
  return after;
}

/** Prepositional complements: by (agent), to (recipient), or one that belongs in the label. */
export function readComplements(tokens: Token[], from: number, r: Reading): number {
  let i = from;
  for (let guard = 0; guard < 3 && i < tokens.length; guard++) {
    const p = tokens[i]!;
    if (p.pos !== 'ADP' && p.lower !== 'to') break;
    // "signs off on it", "follows up on them": the thing a pronoun means is named later, by the planner.
    const pronoun = tokens[i + 1];
    if (!r.prep && !r.object && pronoun?.pos === 'PRON' && ['it', 'them', 'this'].includes(pronoun.lower) && WORKED_ON.has(p.lower)) {
      r.prep = { word: p, phrase: { words: [pronoun], head: pronoun, of: null } };
      i += 2;
      continue;
    }
    const { phrase, end } = readPhrase(tokens, i + 1);
    if (!phrase) break;
    // "on Saturday", "by Friday", "for two weeks": when, not an agent, a receiver or part of the step's name.
    // ("returns the badge on the way out", "on her way home": when, not where.)
    if (saysWhen(tokens, i + 1, end) || (p.lower === 'on' && phrase.head.lemma === 'way' && phrase.words.length === 1)) {
      r.timed = true;
      i = end;
      continue;
    }
    if (complexPreposition(tokens, i, phrase, end)) {
      i = phrase.of ? end : readPhrase(tokens, end + 1).end;
      continue;
    }
    // "… and approved by the director": a participle sharing an earlier passive's subject has its agent too.
    if (p.lower === 'by' && (r.passive || (!r.subject && !r.object && (/ed$/.test(r.verb?.lower ?? '') || BARE_PARTICIPLES.has(r.verb?.lower ?? ''))))) {
      r.agent = phrase;
      i = moreParties(tokens, end, phrase, 'by', r.coAgents);
      continue;
    }
    if (p.lower === 'to' && !r.recipient) {
      r.recipient = phrase;
      i = moreParties(tokens, end, phrase, 'to', r.coRecipients);
      continue;
    }
    if (!r.prep && PREPOSITIONS_FOR_LABEL.has(p.lower)) r.prep = { word: p, phrase };
    i = end;
  }
  return i;
}

/**
 * "forwards it to IT and to facilities", "to the auditor and the treasurer", "checked by planning and the fire
 * brigade": each party named after the first, into `more`.
 */
function moreParties(tokens: Token[], from: number, first: Phrase, preposition: string, more: Phrase[]): number {
  let i = from;
  while (namesSomeone(first) && (tokens[i]?.lower === 'and' || (tokens[i]?.text === ',' && tokens.slice(i).some((t) => t.lower === 'and')))) {
    const at = tokens[i + 1]?.lower === preposition ? i + 2 : i + 1;
    const { phrase, end } = readPhrase(tokens, at);
    if (!phrase || !mayAct(phrase)) break;
    more.push(phrase);
    i = end;
  }
  return i;
}

/** "with regard to …", "on the basis of …", "in accordance with …": a preposition, its bare noun and the next preposition. */
function complexPreposition(tokens: Token[], at: number, phrase: Phrase, end: number): boolean {
  if (!COMPLEX_PREPOSITION_NOUNS.has(phrase.head.lemma) || phrase.words.length > 1) return false;
  const article = tokens[at + 1]?.pos === 'DET' && tokens[at + 1]!.lower === 'the';
  const nounAt = article ? at + 2 : at + 1;
  if (tokens[nounAt] !== phrase.head) return false;
  return !!phrase.of || ['to', 'with', 'of'].includes(tokens[end]?.lower ?? '');
}
