// How a branch that refuses or stops ends: "If the claim is rejected", "the request is dropped", "sends a polite
// no", "we don't proceed", "that's the end of it" — the branch ends in its own named end event instead of merging
// forward into the follow-up work.
import { outcomeName } from './deadlines.ts';
import { pastParticiple } from './events.ts';
import { namesSomeone } from './agents.ts';
import { verbBase } from './labels.ts';
import type { Reading } from './reading.ts';
import type { Phrase } from './phrase.ts';
import type { Sentence, Token } from './tokens.ts';
import type { ModelNode } from '../../model.ts';

/** "If the caller hangs up", "if the buyer backs out", "if the patient walks out": the one served leaves, the way ends. */
const LEAVING: Record<string, string[]> = { hang: ['up'], walk: ['away', 'out', 'off'], back: ['out'], give: ['up'] };
// A thing done away with has no further steps: "Expired items are thrown away", "Contaminated samples are destroyed".
const DISPOSALS = ['discard', 'destroy', 'scrap', 'shred', 'throw', 'bin', 'dump'];
const REFUSALS = new Set(['reject', 'decline', 'refuse', 'deny', 'cancel', 'withdraw', 'disapprove', 'abort', 'abandon', 'turn', 'send', 'drop', 'dismiss', ...DISPOSALS, ...Object.keys(LEAVING)]);
/**
 * Refusals that need their particle: "turns down", "turns them away", "sends the visitor away"; an empty list wants
 * none ("the request is dropped", never "drops off the parcel"). ("Rolls back the change" undoes one step of the
 * work, which goes on after it: no refusal.)
 */
const REFUSAL_PARTICLES: Record<string, string[]> = { turn: ['down', 'away'], send: ['away'], drop: ['', 'out'], throw: ['away', 'out'], ...LEAVING };
const MONEY = /^(cash|money|fund|funds|amount|sum|deposit|saving|savings|balance)$/;
/** "If the payment fails", "if the fix does not work / succeed": the attempt failed. */
const FAILS = (verb: string, negated: boolean) => (verb === 'fail' && !negated) || (['work', 'succeed', 'pass'].includes(verb) && negated);

/** "we don't make the cake", "that's it", "nothing else happens": the work stops here ("does not need to" skips a step). */
export function stopsHere(reading: Reading, content: Token[]): boolean {
  const said = content.map((t) => t.lower).join(' ');
  if (saysStop(content) || THERE_IS_NO.test(said)) return true;
  // "… the order is not shipped": a thing left undone stops its branch as much as someone not doing it.
  return reading.negated && !!reading.verb && !reading.copula && !/\b(need|needs|have to|has to)\b/.test(said) && !NON_ACTIVITY.test(verbBase(reading.verb));
}
// ("No approval is required for small orders": a need not there skips its step; the work goes on.)
const NON_ACTIVITY = /^(be|have|want|need|require|know|like|seem|exist|matter|mind|care|get)$/;
/** "that's it", "nothing more happens", "that ends it", "the case is closed there", a note "done": the branch stops. */
const STOPS = /^(done|end|the end|finished|fin|stop|over|(and )?that's (all|it) folks|that ('s|is) (it|all|the end( of (it|that|the matter|the process|the story))?)|that's (it|all)|end of (story|process)|(it|everything|the process|the work) (stops|ends) (here|there)|(we|they|i) (stop|end) (here|there|at that point)|nothing (else |more |further )?(happens|is done)|that ends it|(the|this|that) (case|matter|file|request|process|story) (is closed|ends|stops|is over) there)$/;
/** "nothing more is needed", "no further action is taken", "there is nothing else to do": no work is left. */
const NOTHING_LEFT = /^(then )?(nothing (else|more|further)|no (further|more|other) (action|step|work|steps|actions))( (is|are|will be))? (needed|required|taken|necessary)( (from|of|by) [\w ]+)?$|^there is nothing (else |more |further )?to (do|be done)$/;
/** "that's it", "that ends it", "nothing more is needed": the words alone stop the branch. */
export const saysStop = (content: Token[]) => {
  const said = content.map((t) => t.lower).join(' ');
  return STOPS.test(said) || NOTHING_LEFT.test(said);
};
/**
 * "… explains the rules and that's the end": the stop joined by "and" is a clause of its own (a semicolon), so the
 * step before it keeps its words and the branch still ends.
 */
export function stopApart(sentence: Sentence): Sentence {
  const at = sentence.findIndex((t, i) => t.lower === 'and' && i > 0 && saysStop(clauseFrom(sentence, i + 1)));
  return at < 0 ? sentence : [...sentence.slice(0, at), { ...sentence[at]!, text: ';', lower: ';', pos: 'PUNCT', lemma: ';' }, ...sentence.slice(at + 1)];
}

/**
 * "… marks it as a duplicate. No further action is needed. Otherwise …": a sentence that only says the work stops
 * closes the sentence before it (as "; that's all"), so it ends that branch rather than standing between the ways.
 */
export function stopsJoined(sentences: Sentence[]): Sentence[] {
  const joined: Sentence[] = [];
  for (const sentence of sentences) {
    const before = joined.at(-1);
    const words = sentence.filter((t) => !/^[.!;]$/.test(t.text));
    if (!before || !saysStop(words)) {
      joined.push(sentence);
      continue;
    }
    const end = before.at(-1)?.pos === 'PUNCT' ? before.length - 1 : before.length;
    joined[joined.length - 1] = [...before.slice(0, end), { text: ';', lower: ';', pos: 'PUNCT', lemma: ';' }, ...sentence.map((t) => ({ ...t, first: false }))];
  }
  return joined;
}

/** The words from `start` to the next stop or semicolon: "… and that's all; otherwise …" stops at "all". */
function clauseFrom(sentence: Sentence, start: number): Token[] {
  const end = sentence.findIndex((t, i) => i >= start && /^[.!;]$/.test(t.text));
  return sentence.slice(start, end < 0 ? undefined : end);
}

/** "there is no refund" (from "No receipt, no refund"): the branch ends with nothing given. */
const THERE_IS_NO = /^there (is|are) no (\w+( \w+)?)$/;

/**
 * The end of a branch that stops: "Cake not made", "No refund", named for the step it stopped after ("Sample
 * discarded"), or "Stopped" when no work is named.
 */
export function notDone(reading: Reading, content: Token[], last: ModelNode | undefined): string {
  const nothing = THERE_IS_NO.exec(content.map((t) => t.lower).join(' '));
  if (nothing) return `No ${nothing[2]}`;
  const thing = reading.passive ? reading.subject : reading.object;
  const what = thing && thing.head.pos !== 'PRON' ? thing.words.slice(-2).map((w) => w.lower).join(' ') : '';
  // ("… marks it as a duplicate. No further action is needed.": words that only say the work stops name no thing.)
  if ((saysStop(content) || !(what && reading.verb && reading.negated)) && last?.kind === 'task') return outcomeName(last.label);
  const label = what && reading.verb && reading.negated ? `${what} not ${pastParticiple(verbBase(reading.verb))}` : 'Stopped';
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** "sends a rejection letter", "issues a refusal notice", "notifies the applicant of the rejection": the step tells of a refusal. */
export function refusalNotice(reading: Reading): boolean {
  // "sends a polite no", "gives a firm no": the answer itself is the refusal.
  const no = reading.object?.head.lower === 'no' && reading.object.words.length > 1;
  // ("notifies the parents of the rejection", "informs the supplier about the cancellation": what is told is a refusal.)
  const at = reading.rest.findIndex((t) => ['of', 'about', 'regarding'].includes(t.lower));
  const about = at < 0 ? [] : reading.rest.slice(at + 1, at + 4);
  return no || [...(reading.object?.words ?? []), ...about].some((w) => /^(rejection|refusal|denial|cancellation|decline)s?$/.test(w.lower));
}

/** "If the claim is rejected", "desk-rejects the paper", "if the payment fails": the branch ends, named "Claim rejected". */
export function refusalEnd(reading: Reading, content: Token[], thing: Phrase | null): string | null {
  const verb = reading.verb ? verbBase(reading.verb) : '';
  // "desk-reject", "auto-reject": a hyphenated compound refuses like its last part.
  const base = verb.split('-').at(-1)!;
  const particle = REFUSAL_PARTICLES[base];
  // "withdraws the application" gives up; "withdraws the cash" takes money out.
  const money = base === 'withdraw' && MONEY.test(reading.object?.head.lemma ?? '');
  const refused = (REFUSALS.has(base) && !money && (!particle || particle.includes(reading.particle?.lower ?? ''))) || (verb === 'approve' && reading.negated);
  const failed = FAILS(verb, reading.negated);
  const noun = content.find((t) => /^(rejection|cancellation|refusal|denial|withdrawal|failure)$/.test(t.lower));
  if (!refused && !failed && !noun) return null;
  // "If the student withdraws": who withdraws withdraws themselves ("Student withdrawn"), not the thing in hand.
  const themselves = (base === 'withdraw' || base in LEAVING || reading.particle?.lower === 'out') && !reading.object && !!reading.subject && namesSomeone(reading.subject);
  if (base in LEAVING && !themselves) return null;
  const what = (reading.passive || failed || themselves ? reading.subject : null) ?? thing;
  const name = what && what.head.pos !== 'PRON' ? what.words.slice(-2).map((w) => (w.pos === 'PROPN' ? w.text : w.lower)).join(' ') : '';
  const state = failed
    ? 'failed'
    : noun
      ? noun.lower.replace(/ure$/, 'ed').replace(/ion$|al$/, 'ed').replace(/cancellated/, 'cancelled').replace(/rejected?d/, 'rejected')
      : particle && reading.particle && reading.particle.lower !== 'down'
        ? `${pastParticiple(base)} ${reading.particle!.lower}`
        : pastParticiple(base === 'turn' ? 'reject' : verb);
  const label = name ? `${name} ${state}` : state;
  return label.charAt(0).toUpperCase() + label.slice(1);
}


const ACCEPTING = new Set(['accept', 'agree', 'approve', 'sign']);
const WALKING = new Set(['take', 'walk', 'go', 'pull', 'back', 'leave']);

/**
 * "can accept the quote or take the bike back unrepaired", "accepts the offer or walks away": beside accepting, a way
 * that leaves with nothing done is the refusal, and ends there ("Quote not accepted"). Null for any other way ("or
 * makes a counter-offer", "or asks for changes" go on).
 */
export function walkAwayEnd(readings: Reading[], at: number, thing: Phrase | null): string | null {
  const r = readings[at]!;
  const base = r.verb ? verbBase(r.verb) : '';
  const away = ['away', 'back', 'out', 'elsewhere'].includes(r.particle?.lower ?? '') || r.adverbs.some((a) => ['away', 'elsewhere'].includes(a));
  const leaves = WALKING.has(base) && (away || (base === 'leave' && !r.object));
  const accepting = readings.find((x, i) => i !== at && x.verb && ACCEPTING.has(verbBase(x.verb)));
  if (!leaves || !accepting) return null;
  const what = accepting.object && accepting.object.head.pos !== 'PRON' ? accepting.object : thing;
  const name = what ? what.words.slice(-2).map((w) => (w.pos === 'PROPN' ? w.text : w.lower)).join(' ') : '';
  const label = name ? `${name} not accepted` : 'Not accepted';
  return label.charAt(0).toUpperCase() + label.slice(1);
}
