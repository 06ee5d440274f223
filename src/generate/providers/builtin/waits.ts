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
 * A state reached ("until a cubicle becomes free", "until the weather improves") is no message: a conditional event.
 */
export function untilEvent(tokens: Token[], held?: Token[]): UntilEvent | null {
  const state = untilState(tokens);
  if (state) return { label: state, eventType: 'conditional' };
  const label = untilMessage(tokens, held);
  return label ? { label, eventType: 'message' } : null;
}

export interface UntilEvent {
  label: string;
  eventType: 'message' | 'conditional';
}

function untilMessage(tokens: Token[], held?: Token[]): string | null {
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

// Verbs that say a thing comes into a state: "becomes free", "is ready", "gets hot", "turns green".
const BECOMING = new Set(['be', 'become', 'get', 'turn', 'grow', 'go']);

/**
 * "until a cubicle becomes free" → "Cubicle free", "until the room is ready" → "Room ready", "until the weather
 * improves" → "Weather improved": a thing (no person) reaching a state by itself. Null for anything someone does
 * ("until the customer replies"), anything done to the thing ("until the truck is loaded") and arrivals.
 */
export function untilState(tokens: Token[]): string | null {
  const words = tokens.filter((t) => t.pos !== 'PUNCT' && t.lower !== 'until');
  // ("until the queue clears", "until the temperature drops below zero": the tagger may read the verb as a noun.)
  const at = words.findIndex((t, i) => t.pos === 'VERB' || t.pos === 'AUX' || (i > 0 && t.pos === 'NOUN' && /[^s]s$/.test(t.lower) && (i === words.length - 1 || words[i + 1]!.pos === 'ADP')));
  if (at < 1) return null;
  const subject = words.slice(0, at).filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ');
  if (!subject.length || subject.at(-1)!.pos === 'ADJ') return null;
  const named = subject.slice(-3).map((t) => (t.pos === 'PROPN' ? t.text : t.lower));
  const rest = words.slice(at);
  // ("becomes free", "is ready", "has become available", "is free again": the state is the adjective after the verbs.)
  const verbs = rest.filter((t) => t.pos === 'VERB' || t.pos === 'AUX');
  const adjective = rest.find((t) => t.pos === 'ADJ');
  if (adjective && verbs.length && verbs.every((t) => BECOMING.has(t.lemma) || t.lemma === 'have') && rest.indexOf(adjective) === verbs.length) {
    return capitalised([...named, adjective.lower].join(' '));
  }
  // ("the weather improves", "the temperature drops": a change of its own, no object.)
  const verb = rest[0]!;
  const lemma = verb.pos === 'VERB' ? verb.lemma : verb.lower.replace(/ies$/, 'y').replace(/s$/, '');
  const alone = rest.length === 1 || (rest[1]!.pos === 'ADP' && rest.length <= 4 && rest.slice(2).every((t) => ['DET', 'NUM', 'NOUN'].includes(t.pos)));
  if (!alone || !STATE_CHANGES.has(lemma) || namesSomeone({ words: subject, head: subject.at(-1)!, of: null })) return null;
  return capitalised([...named, pastParticiple(lemma), ...rest.slice(1).map((t) => t.lower)].join(' '));
}

// Changes a thing goes through by itself: "the weather improves", "the paint dries", "the queue clears".
const STATE_CHANGES = new Set([
  'improve', 'clear', 'drop', 'fall', 'rise', 'settle', 'stabilise', 'stabilize', 'cool', 'dry', 'warm', 'heat', 'calm',
  'subside', 'ease', 'recover', 'thaw', 'melt', 'set', 'cure', 'harden', 'empty', 'fill', 'open', 'close', 'expire', 'lapse',
  'stop', 'end', 'finish', 'start', 'begin', 'restart', 'resume', 'change',
]);

// "other patients", "the remaining callers", "the others", "the rest of the queue": the cases not in hand.
const OTHERS = new Set(['other', 'others', 'remaining', 'rest']);

/** Whether a waiting subject is the other cases in a queue ("All other patients wait …"), not a party of the process. */
export function queuedOthers(subject: Phrase): boolean {
  return subject.words.some((w) => OTHERS.has(w.lower)) || (!!subject.of && OTHERS.has(subject.head.lower));
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
