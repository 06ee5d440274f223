// Clause → who does what: subject, verb group (voice, negation), object, and a short imperative label.
import type { TaskType } from '../../model.ts';
import { namesSomeone } from './agents.ts';
import type { Token } from './tokens.ts';

export interface Phrase {
  /** Content words, determiners dropped. */
  words: Token[];
  head: Token;
  /** "of …" complement, kept apart so labels and actor names can choose. */
  of: Phrase | null;
}

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
  negated: boolean;
  copula: boolean;
  object: Phrase | null;
  /** Preposition + phrase after the verb or object ("about the outcome", "for corrections"). */
  prep: { word: Token; phrase: Phrase } | null;
  /** "by X" in a passive clause. */
  agent: Phrase | null;
  /** "to X" after the object: the receiver of a hand-over. */
  recipient: Phrase | null;
  adverbs: string[];
  /** Everything after the connective, for condition labels. */
  rest: Token[];
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'my', 'your', 'some', 'any', 'each', 'every', 'all', 'another', 'both', 'such', 'which', 'whose', 'no']);
const PHRASE_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
const CATENATIVE = new Set(['wait', 'need', 'have', 'try', 'want', 'decide', 'begin', 'start', 'continue', 'attempt', 'seem', 'plan', 'hope', 'wish', 'able', 'going', 'use', 'be', 'get', 'go', 'help', 'allow', 'let']);
const PARTICLES = new Set(['up', 'down', 'back', 'out', 'off', 'over', 'away']);
const PREPOSITIONS_FOR_LABEL = new Set(['for', 'about', 'of', 'at', 'into', 'on', 'with', 'in']);
const QUANTITY_HEADS = new Set(['number', 'lot', 'couple', 'amount', 'set', 'series', 'kind', 'type', 'variety', 'range', 'member', 'one', 'part', 'rest', 'all', 'each', 'some', 'most']);
const ASKING = new Set(['ask', 'request', 'tell', 'invite', 'require', 'instruct', 'remind', 'prompt']);
const TIME_WORDS = new Set(['morning', 'evening', 'night', 'day', 'weekday', 'week', 'month', 'year', 'time', 'hour', 'minute', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'weekend', 'quarter', 'moment']);
// Past participles that look like their base form.
const BARE_PARTICIPLES = new Set(['put', 'set', 'cut', 'let', 'hit', 'read', 'shut', 'spread', 'cost', 'quit', 'sent', 'built', 'paid', 'sold', 'told', 'held', 'kept', 'left', 'made', 'found', 'bought', 'brought', 'taught', 'caught', 'lent', 'spent', 'meant', 'met', 'led', 'fed', 'won', 'shot', 'got']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", 'am']);
const MAX_LABEL_WORDS = 6;

/** Reads a noun phrase starting at `from`; returns it and where it stopped. */
export function readPhrase(tokens: Token[], from: number): { phrase: Phrase | null; end: number } {
  let i = from;
  while (i < tokens.length && (DETERMINERS.has(tokens[i]!.lower) || tokens[i]!.pos === 'DET' || (tokens[i]!.pos === 'ADV' && PHRASE_POS.has(tokens[i + 1]?.pos ?? '')))) i++;
  const words: Token[] = [];
  while (i < tokens.length) {
    const t = tokens[i]!;
    const modifierVerb = t.pos === 'VERB' && /(ed|ing)$/.test(t.lower) && PHRASE_POS.has(tokens[i + 1]?.pos ?? '') && tokens[i + 1]?.pos !== 'NUM';
    const hyphenated = t.text === '-' && words.length > 0;
    if (PHRASE_POS.has(t.pos) || modifierVerb || hyphenated || (t.text === "'s" && words.length) || (t.text === '’' && tokens[i + 1]?.lower === 's')) {
      if (t.text !== '’' && t.text !== "'s" && t.lower !== 's') words.push(t);
      i++;
      continue;
    }
    if (t.lower === 's' && tokens[i - 1]?.text === '’') {
      i++;
      continue;
    }
    break;
  }
  const nouns = words.filter((w) => w.pos === 'NOUN' || w.pos === 'PROPN');
  // "an alert should be sent": the tagger's adjective is the noun when a verb follows at once.
  const last = words[words.length - 1];
  if (!nouns.length && last?.pos === 'ADJ' && words.length === 1 && isVerbish(tokens[i]) && i > from) nouns.push(last);
  if (!nouns.length) return { phrase: null, end: from };
  // The head is the last noun; trailing adjectives after it belong to something else.
  const headAt = words.lastIndexOf(nouns[nouns.length - 1]!);
  const kept = words.slice(0, headAt + 1);
  let of: Phrase | null = null;
  let end = i;
  if (tokens[i]?.lower === 'of') {
    const inner = readPhrase(tokens, i + 1);
    if (inner.phrase) {
      of = inner.phrase;
      end = inner.end;
    }
  }
  return { phrase: { words: kept, head: kept[kept.length - 1]!, of }, end };
}

function isVerbish(t: Token | undefined): boolean {
  return !!t && (t.pos === 'VERB' || t.pos === 'AUX');
}

const POSSESSIVES = new Set(['our', 'their', 'its', 'his', 'her', 'my', 'your']);

/**
 * Where the clause's verb group starts, passing over participles that modify a noun ("the defaulting accounts",
 * "the report related to the accident is searched").
 */
function findVerbGroup(tokens: Token[]): number {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.pos === 'AUX') return k;
    if (t.pos !== 'VERB') continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    const attributive = !!prev && (prev.pos === 'DET' || prev.pos === 'ADJ' || POSSESSIVES.has(prev.lower)) && !!next && ['NOUN', 'PROPN', 'ADJ'].includes(next.pos);
    const later = tokens.slice(k + 1);
    // "Matched invoices are released": a participle opening a sentence before its noun describes the subject.
    const opening = (k === 0 || prev?.pos === 'PUNCT') && /(ed|ing)$/.test(t.lower) && ['NOUN', 'ADJ'].includes(next?.pos ?? '') && later.some((x) => x.pos === 'AUX');
    if (opening) continue;
    const reducedRelative = /(ed|ing)$/.test(t.lower) && !!prev && (prev.pos === 'NOUN' || prev.pos === 'PROPN') && later.some((x) => x.pos === 'AUX');
    const compound = /ing$/.test(t.lower) && prev?.pos === 'NOUN' && next?.pos === 'NOUN' && later.some((x) => x.pos === 'VERB' || x.pos === 'AUX');
    if (!attributive && !reducedRelative && !compound) return k;
  }
  return -1;
}

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
    negated: false,
    copula: false,
    object: null,
    prep: null,
    agent: null,
    recipient: null,
    adverbs: [],
    rest: tokens,
  };
  const firstVerb = findVerbGroup(tokens);
  if (firstVerb < 0) return r;
  // Subject: the last noun phrase or pronoun before the verb group that is not inside a prepositional phrase
  // or a time expression ("Every weekday morning, the database is backed up").
  for (let j = 0; j < firstVerb; j++) {
    const t = tokens[j]!;
    if (t.pos === 'PRON' && ['i', 'we', 'you', 'he', 'she', 'it', 'they', 'who', 'which', 'this', 'that', 'everything'].includes(t.lower)) {
      r.subjectPronoun = t.lower;
      r.subject = null;
      continue;
    }
    if (t.pos === 'ADV') r.adverbs.push(t.lower);
    // "The MPON and the MPOO perform …": the first of coordinated subjects leads.
    if ((t.lower === 'and' || t.lower === 'or') && r.subject) {
      const skipped = readPhrase(tokens, j + 1);
      if (skipped.phrase) {
        if (t.lower === 'and') r.coSubjects.push(skipped.phrase);
        j = skipped.end - 1;
      }
      continue;
    }
    if (t.lower === 'both') {
      r.both = true;
      continue;
    }
    if (t.pos === 'ADP' || t.pos === 'SCONJ' || t.lower === 'to') {
      const skipped = readPhrase(tokens, j + 1);
      if (skipped.phrase) j = skipped.end - 1;
      continue;
    }
    const { phrase, end } = readPhrase(tokens, j);
    if (phrase && end <= firstVerb + 1) {
      if (!TIME_WORDS.has(phrase.head.lemma)) {
        r.subject = phrase;
        r.subjectPronoun = null;
        // "a list … explaining the reason … is compiled": what follows the participle describes the subject.
        if (tokens[end]?.pos === 'VERB' && end < firstVerb) break;
      }
      j = end - 1;
    }
  }
  let i = firstVerb;
  // Verb group: auxiliaries, negation, adverbs, catenatives ("has to be entered", "tries to negotiate").
  let sawBe = false;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.lower === 'to' && isVerbish(tokens[i + 1]) && i > firstVerb) {
      sawBe = false; // "is to select": an intention, not a passive
      continue;
    }
    if (t.pos === 'AUX' || (t.pos === 'PART' && t.lower !== 'to') || t.lower === 'not' || t.lower === "n't") {
      if (t.lower === 'not' || t.lower === "n't" || t.lower === 'never') r.negated = true;
      if (BE_FORMS.has(t.lower) || t.lemma === 'be') sawBe = true;
      else if (t.pos === 'AUX' && t.lemma !== 'have' && t.lemma !== 'do') sawBe = false;
      continue;
    }
    // "is responsible for analysing the root cause", "is in charge of making quotations": the duty is the step.
    const duty = t.lower === 'responsible' && tokens[i + 1]?.lower === 'for' ? 2 : t.lower === 'in' && tokens[i + 1]?.lower === 'charge' && tokens[i + 2]?.lower === 'of' ? 3 : 0;
    if (sawBe && duty && tokens[i + duty]?.pos === 'VERB') {
      sawBe = false;
      i += duty - 1;
      continue;
    }
    if (t.pos === 'ADV' && isVerbish(tokens[i + 1])) {
      r.adverbs.push(t.lower);
      continue;
    }
    if (t.pos === 'ADV' && tokens[i + 1]?.pos === 'ADV' && isVerbish(tokens[i + 2])) {
      r.adverbs.push(t.lower);
      continue;
    }
    if (t.pos === 'VERB') {
      const next = tokens[i + 1];
      const catenative = CATENATIVE.has(t.lemma) && ((next?.lower === 'to' && isVerbish(tokens[i + 2])) || (next?.pos === 'VERB' && next.lower.endsWith('ing')));
      if (catenative) {
        if (next?.lower === 'to') i++;
        sawBe = false;
        continue;
      }
      r.verb = t;
      r.passive = sawBe && !t.lower.endsWith('ing') && (/(ed|en)$/.test(t.lower) || BARE_PARTICIPLES.has(t.lower) || (t.lower !== t.lemma && !/s$/.test(t.lower)));
      // "the applicant is asked to send them": the step is the applicant's sending.
      if (r.passive && ASKING.has(t.lemma) && next?.lower === 'to' && tokens[i + 2]?.pos === 'VERB') {
        r.passive = false;
        r.verb = tokens[i + 2]!;
        i += 3;
        break;
      }
      i++;
      break;
    }
    break;
  }
  if (!r.verb) {
    r.copula = sawBe || tokens.some((t) => t.lemma === 'be');
    // "The next step is a detailed presentation": the complement is what later "it" means.
    if (r.copula && tokens[i]?.pos === 'DET') r.object = readPhrase(tokens, i).phrase;
    return r;
  }
  // Particle ("take down", "send back", "firm up").
  if (tokens[i] && PARTICLES.has(tokens[i]!.lower) && (tokens[i]!.pos === 'ADP' || tokens[i]!.pos === 'ADV' || tokens[i]!.pos === 'PART')) {
    r.particle = tokens[i]!;
    i++;
  }
  while (tokens[i]?.pos === 'ADV') r.adverbs.push(tokens[i++]!.lower);
  // Object (active) or nothing (passive: the subject is the object, unless one follows: "is sent a message").
  if (r.passive) {
    const { phrase, end } = readPhrase(tokens, i);
    if (phrase && r.subject && namesSomeone(r.subject)) {
      r.recipient = r.subject;
      r.subject = phrase;
      i = end;
    }
  } else {
    const pronoun = tokens[i];
    if (pronoun && pronoun.pos === 'PRON' && ['it', 'them', 'this', 'that', 'him', 'her', 'everything'].includes(pronoun.lower)) {
      r.object = { words: [pronoun], head: pronoun, of: null };
      i++;
    } else {
      const { phrase, end } = readPhrase(tokens, i);
      if (phrase) {
        r.object = phrase;
        i = end;
        // "sends the user a notification": the first object is the receiver.
        const second = namesSomeone(phrase) ? readPhrase(tokens, i) : { phrase: null, end: i };
        if (second.phrase && tokens[i]?.pos !== 'ADP') {
          r.recipient = phrase;
          r.object = second.phrase;
          i = second.end;
        }
      }
    }
  }
  // Prepositional complements: by (agent), to (recipient), or one that belongs in the label.
  for (let guard = 0; guard < 3 && i < tokens.length; guard++) {
    const p = tokens[i]!;
    if (p.pos !== 'ADP' && p.lower !== 'to') break;
    const { phrase, end } = readPhrase(tokens, i + 1);
    if (!phrase) break;
    if (p.lower === 'by' && r.passive) r.agent = phrase;
    else if (p.lower === 'to' && !r.recipient) r.recipient = phrase;
    else if (!r.prep && PREPOSITIONS_FOR_LABEL.has(p.lower)) r.prep = { word: p, phrase };
    i = end;
  }
  return r;
}

function wordsOf(phrase: Phrase): string[] {
  if (QUANTITY_HEADS.has(phrase.head.lemma) && phrase.of) return wordsOf(phrase.of);
  return phrase.words.map((w) => (w.pos === 'PROPN' && !(w.first && !/^[A-Z0-9]{2,}$/.test(w.text)) ? w.text : w.lower));
}

/** Short imperative label: verb lemma (+ particle) + object head phrase, at most six content words. */
export function labelFor(r: Reading, object: Phrase | null): string {
  if (!r.verb) return '';
  const words: string[] = [verbBase(r.verb)];
  if (r.particle) words.push(r.particle.lower);
  const budget = () => MAX_LABEL_WORDS - words.length;
  if (object) {
    let obj = wordsOf(object);
    if (obj.length > budget()) obj = obj.slice(obj.length - Math.max(1, budget()));
    words.push(...obj);
    const inner = object.of && !QUANTITY_HEADS.has(object.head.lemma) ? wordsOf(object.of) : [];
    if (inner.length && inner.length + 1 <= budget() - 1 && obj.length <= 2) words.push('of', ...inner);
  }
  if (r.prep && !(object && r.prep.word.lower === 'of' && object.of)) {
    const pw = wordsOf(r.prep.phrase);
    const room = budget() - 1;
    if (pw.length <= room && (!object || ['about', 'for', 'into', 'of', 'on', 'with'].includes(r.prep.word.lower))) {
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
  const label = words.join(' ').replace(/\s+-\s+/g, '-');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

const IRREGULAR_BASE: Record<string, string> = {
  sent: 'send', sents: 'send', made: 'make', got: 'get', took: 'take', gave: 'give', given: 'give', put: 'put', done: 'do',
  paid: 'pay', sold: 'sell', told: 'tell', found: 'find', bought: 'buy', held: 'hold', kept: 'keep', left: 'leave',
  written: 'write', wrote: 'write', brought: 'bring', chosen: 'choose', chose: 'choose', known: 'know', shown: 'show',
  advertized: 'advertise', advertised: 'advertise', confirmes: 'confirm', set: 'set', read: 'read', met: 'meet',
};

/** The verb's base form, even when the tagger's lemma is still inflected. */
export function verbBase(verb: Token): string {
  const lower = verb.lower;
  if (IRREGULAR_BASE[lower]) return IRREGULAR_BASE[lower]!;
  const lemma = verb.lemma;
  // The lemmatiser sometimes only respells ("analyses" → "analyzes"): still strip the ending.
  if (lemma && lemma !== lower && !/[^s]s$/.test(lemma)) return lemma;
  if (/[^s]s$/.test(lower) && lower.length > 3) return lower.replace(/(ss|sh|ch|x|o)es$/, '$1').replace(/ies$/, 'y').replace(/([^s])s$/, '$1');
  return lower;
}

const SEND_VERBS = new Set(['send', 'transmit', 'forward', 'submit', 'email', 'mail', 'notify', 'inform', 'post', 'deliver', 'dispatch', 'return', 'report', 'reply', 'answer', 'advise']);
const RECEIVE_VERBS = new Set(['receive', 'get', 'obtain']);

/** Task type where the text says so: hand-overs, automation, manual work. */
export function taskTypeFor(r: Reading, systemActor: boolean): TaskType {
  const base = r.verb ? verbBase(r.verb) : '';
  if (r.adverbs.includes('automatically') || systemActor) return 'service';
  if (r.adverbs.includes('manually') || r.adverbs.includes('personally')) return 'manual';
  if (SEND_VERBS.has(base) && (r.recipient || r.object)) return 'send';
  if (RECEIVE_VERBS.has(base) && !r.passive) return 'receive';
  return 'none';
}
