// Waits: what a "waits for …" or "wait until …" waits on, named as the event that ends the wait ("Courier arrived",
// "Payment arrived", "Agreement signed"), for a catch event, never a "Wait for …" task.
import { namesSomeone } from './agents.ts';
import { pastParticiple } from './events.ts';
import type { Phrase } from './phrase.ts';
import type { Reading } from './reading.ts';
import type { Token } from './tokens.ts';

// Things and people that come by themselves: "until the payment arrives", "the courier comes".
const ARRIVING = new Set(['arrive', 'come', 'reach', 'land', 'turn']);

// What a plural subject does at the end of a wait, in the base form the tagger may take for a noun.
const UNTIL_VERBS = new Set(['arrive', 'come', 'reply', 'respond', 'answer', 'pay', 'sign', 'confirm', 'return', 'finish', 'agree']);

/**
 * "waits for the report" → "Report received"; "waits for the courier" → "Courier arrived"; waiting for someone the
 * process asked or sent something to is waiting for their answer ("Applicant answered").
 */
export function waitedForLabel(awaited: Phrase, addressed: boolean): string {
  const words = awaited.words.slice(-3).map((w) => (w.pos === 'PROPN' ? w.text : w.lower));
  const state = namesSomeone(awaited) ? (addressed ? 'answered' : 'arrived') : 'received';
  return capitalised([...words, state].join(' '));
}

/**
 * "waits for the courier to collect the parcel" → "Parcel collected"; "for the samples to arrive" → "Samples
 * arrived"; "for the customer to pay" → "Customer paid": the event the infinitive names.
 */
export function waitedToLabel(awaited: Phrase, lemma: string, object: Phrase | null): string {
  const words = (p: Phrase) => p.words.filter((w) => w.pos !== 'DET').slice(-3).map((w) => (w.pos === 'PROPN' ? w.text : w.lower));
  if (ARRIVING.has(lemma)) return capitalised([...words(awaited), 'arrived'].join(' '));
  return capitalised([...words(object ?? awaited), pastParticiple(lemma)].join(' '));
}

/** "until the customer replies", "until the payment is received": who or what, the verb's lemma and its object. */
export interface UntilClause {
  subject: Token[];
  lemma: string;
  object: Token[];
  passive: boolean;
}

/** Reads the words after "until"; null when they name no one doing or undergoing something. */
export function readUntil(tokens: Token[]): UntilClause | null {
  const words = tokens.filter((t) => t.pos !== 'PUNCT' && t.lower !== 'until');
  let verb = words.findIndex((t) => t.pos === 'VERB');
  // "until the customer replies", "until the goods arrive": the tagger reads the last word as a noun.
  const last = words.at(-1);
  if (verb < 0 && words.length >= 2 && last && (/[^s]s$/.test(last.lower) || UNTIL_VERBS.has(last.lower))) verb = words.length - 1;
  const subject = words.slice(0, verb).filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  if (verb < 0 || !subject.length) return null;
  const v = words[verb]!;
  const lemma = v.pos === 'VERB' ? v.lemma : v.lower.replace(/ies$/, 'y').replace(/s$/, '');
  const passive = words.slice(0, verb).some((t) => t.pos === 'AUX' && t.lemma === 'be') && /(ed|en|t)$/.test(v.lower);
  return { subject, lemma, object: words.slice(verb + 1).filter((t) => t.pos === 'NOUN'), passive };
}

/**
 * The event that ends a "wait until …": "the payment arrives" → "Payment arrived", "the form is returned" → "Form
 * returned", "the student has signed the agreement" → "Agreement signed", "the customer replies" → "Customer replied".
 */
export function untilEvent(tokens: Token[], held?: Token[]): string | null {
  const u = readUntil(tokens);
  if (!u) return null;
  // "The report is held back until the doctor signs it off": "it" is the thing held.
  const pronoun = !u.passive && !u.object.length && tokens.some((t, i) => i > 0 && t.pos === 'PRON' && tokens[i - 1]!.pos === 'VERB');
  if (pronoun && held?.length) u.object = held.filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  const named = (ts: Token[]) => ts.slice(-3).map((t) => (t.pos === 'PROPN' ? t.text : t.lower));
  if (ARRIVING.has(u.lemma)) return capitalised([...named(u.subject), 'arrived'].join(' '));
  const about = !u.passive && u.object.length ? u.object.slice(0, 3) : u.subject;
  return capitalised([...named(about), pastParticiple(u.lemma)].join(' '));
}

// Verbs that stop the work for a while: "the application is suspended until …", "the line is paused until …".
const HOLD_VERBS = new Set(['suspend', 'pause', 'hold', 'park', 'freeze', 'defer', 'postpone', 'halt', 'stop', 'block', 'remain', 'stay', 'sit', 'idle']);
// "put / placed / kept on hold until …".
const PUTTING = new Set(['put', 'place', 'keep', 'leave', 'set']);

/**
 * "The case is put on hold", "the application is suspended", "the ticket stays pending": before an "until …" the
 * clause only says the work stops until that event, so it is a wait, not a step.
 */
export function holdsWork(r: Reading, tokens: Token[]): boolean {
  const lemma = r.verb?.lemma.toLowerCase() ?? '';
  const said = ` ${tokens.map((t) => t.lower).join(' ')} `;
  // ("Repairs are on hold", "the claim is pending": the state alone says it.)
  const onHold = / on hold /.test(said) && (PUTTING.has(lemma) || !r.verb || lemma === 'be');
  return HOLD_VERBS.has(lemma) || onHold || (r.copula && / (pending|suspended|paused|frozen) /.test(said)) || (lemma === 'hold' && / back /.test(said));
}

function capitalised(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
