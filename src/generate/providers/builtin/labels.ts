// The imperative label of a step and its task type: verb lemma (+ particle) + object head phrase.
import type { TaskType } from '../../model.ts';
import { RECEIVE_VERBS, SEND_VERBS } from './lexicon.ts';
import type { Phrase } from './phrase.ts';
import type { Reading } from './reading.ts';
import type { Token } from './tokens.ts';

const QUANTITY_HEADS = new Set(['number', 'lot', 'couple', 'amount', 'set', 'series', 'kind', 'type', 'variety', 'range', 'member', 'one', 'part', 'rest', 'all', 'each', 'some', 'most']);
const MAX_LABEL_WORDS = 6;

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


/** Task type where the text says so: hand-overs, automation, manual work. */
export function taskTypeFor(r: Reading, systemActor: boolean): TaskType {
  const base = r.verb ? verbBase(r.verb) : '';
  if (r.adverbs.includes('automatically') || systemActor) return 'service';
  if (r.adverbs.includes('manually') || r.adverbs.includes('personally')) return 'manual';
  if (SEND_VERBS.has(base) && (r.recipient || r.object)) return 'send';
  if (RECEIVE_VERBS.has(base) && !r.passive) return 'receive';
  return 'none';
}
