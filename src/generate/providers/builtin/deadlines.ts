// Deadlines: what a missed deadline's path is ("send a reminder" runs beside the wait, anything else cancels it),
// what it waits on ("if there is no payment within 30 days" → "Wait for payment") and how its path ends.
import { namesSomeone } from './agents.ts';
import { pastParticiple } from './events.ts';
import { findDuration, type Duration } from './time-expressions.ts';
import { ACTION_NOUNS } from './relative-condition.ts';
import { type Token, word } from './tokens.ts';
import { readUntil } from './waits.ts';

/** "Send reminder", "Remind customer", "Chase supplier", "Follow up": the wait goes on beside it (non-interrupting). */
export function isReminder(label: string): boolean {
  const [verb = '', ...rest] = label.toLowerCase().split(' ');
  return ['remind', 'chase', 'nudge'].includes(verb) || (verb === 'follow' && rest[0] === 'up') || rest.some((w) => /^reminders?$/.test(w));
}

/** "Escalate claim" → "Claim escalated": the outcome a deadline's path ends in. */
export function outcomeName(taskLabel: string): string {
  const [verb = '', ...object] = taskLabel.split(' ');
  const done = pastParticiple(verb.toLowerCase());
  const what = object.join(' ');
  // "Escalate to the secondary on-call" → "Escalated to secondary on-call".
  // ("Mark invoice as duplicate" → "Invoice marked as duplicate", "Take patient to room" → "Patient taken to room".)
  const complement = object.findIndex((w, k) => k > 0 && /^(as|to|into|in)$/.test(w));
  const thing = complement > 0 && !/^(off|up|out|down|back|over|in|aside|away|on)$/.test(object[0]!.toLowerCase());
  const label = !what
    ? done
    : /^(to|at|with|for|into|on)$/.test(object[0]!.toLowerCase())
      ? `${done} ${what}`
      : thing
        ? [...object.slice(0, complement), done, ...object.slice(complement)].join(' ')
        : `${what} ${done}`;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** "it is not done in time", "does not arrive by then", "misses the deadline": about a deadline set before. */
export function refersToDeadline(tokens: Token[]): boolean {
  const said = ` ${tokens.map((t) => t.lower).join(' ')} `;
  // ("If nothing is received by then", "if nobody has signed in time": no one did it.)
  const negated = / (not|n't|no|never|fails to|nothing|nobody|no-one|none) /.test(said);
  return (negated && / (in time|on time|by then|by the deadline|before the deadline|within the deadline|within that time|within this time) /.test(said)) || / (miss|misses|missed) the deadline /.test(said) || NOTHING_CAME.test(said) || / deadline (passes|expires|is missed|elapses) /.test(said) || SAYS_LATE.test(said);
}

// "if nothing arrives", "if nothing has come in", "if nobody turns up": what was waited for did not come.
const NOTHING_CAME = / (nothing|nobody|no-one|no one) (has |have )?(arrives|arrive|arrived|comes|come|came|is received|was received|been received|turns up|turned up|shows up|showed up|comes in|come in)( |$)/;

// "if it is late", "if the refund is delayed", "if the code expires", "if time runs out": after a deadline, the
// lateness is the deadline's own path, not a question of its own.
const SAYS_LATE = / (is|are|was|were|arrives|arrive|comes|come|runs|run|gets|get) (late|overdue|delayed)( |$)| (expires|expire|has expired|have expired|times out|time out|runs out|run out|elapses|lapses) $/;

/**
 * "must acknowledge the page within 10 minutes; if nobody acknowledges it, …": a condition that the deadline's own
 * step is not done ("nobody acknowledges", "the page is not acknowledged", "fails to acknowledge") is about the deadline.
 */
export function missesStep(tokens: Token[], stepLabel: string): boolean {
  const verb = stepLabel.split(' ')[0]!.toLowerCase();
  const words = tokens.map((t) => t.lower);
  const negated = words.some((w) => ['nobody', 'no-one', 'not', "n't", 'never'].includes(w)) || / (no one|fails to|failed to) /.test(` ${words.join(' ')} `);
  return negated && tokens.some((t) => (t.pos === 'VERB' || t.pos === 'NOUN') && (t.lemma === verb || t.lower === verb));
}

/**
 * What a "no answer within a week" condition waits for, as a receive step's label: "there is no payment" → "Wait for
 * payment", "the customer does not reply" → "Wait for customer to reply"; null when the condition names no wait.
 */
export function awaitedLabel(tokens: Token[]): string | null {
  const words = tokens.filter((t) => t.pos !== 'PUNCT');
  // "if nobody objects within two weeks": anyone's objection is awaited.
  const nobody = words.findIndex((t, i) => t.lower === 'nobody' || t.lower === 'no-one' || (t.lower === 'one' && words[i - 1]?.lower === 'no'));
  const theirs = nobody >= 0 ? words.slice(nobody + 1).find((t) => t.pos === 'VERB' || ANSWER_NOUNS[t.lower.replace(/s$/, '')]) : undefined;
  const noun = theirs ? ANSWER_NOUNS[theirs.pos === 'VERB' ? theirs.lemma : theirs.lower.replace(/s$/, '')] : undefined;
  if (noun) return `Wait for ${noun}`;
  const no = words.findIndex((t) => t.lower === 'no');
  if (no >= 0) {
    const nouns: string[] = [];
    for (const t of words.slice(no + 1)) {
      if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'ADJ') break;
      nouns.push(t.pos === 'PROPN' ? t.text : t.lower);
    }
    return nouns.length ? `Wait for ${nouns.join(' ')}` : null;
  }
  // "the customer does not reply / respond / pay": someone else's answer is awaited.
  const not = words.findIndex((t) => t.lower === 'not' || t.lower === "n't");
  const verb = words.slice(not + 1).find((t) => t.pos === 'VERB');
  if (not < 1 || !verb || !ANSWER_VERBS.has(verb.lemma)) return null;
  const subject = words.slice(0, not).filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  // "if they do not answer": whose answer the steps before say; the wait is for the answer.
  if (!subject.length) return words[not - 2]?.pos === 'PRON' && ANSWER_NOUNS[verb.lemma] ? `Wait for ${ANSWER_NOUNS[verb.lemma]}` : null;
  // "the invoice is not paid", "the contract is not signed": what is waited for is the payment, the signature.
  if (words[not - 1]!.lemma === 'be' && DONE_TO.has(verb.lemma)) return `Wait for ${ANSWER_NOUNS[verb.lemma]}`;
  // "the report is not submitted", "the contract has not arrived": the thing is waited for.
  if (words[not - 1]!.lemma === 'be' || !namesSomeone({ words: subject, head: subject.at(-1)!, of: null })) return `Wait for ${subject.map((t) => (t.pos === 'PROPN' ? t.text : t.lower)).join(' ')}`;
  return `Wait for ${subject.map((t) => (t.pos === 'PROPN' ? t.text : t.lower)).join(' ')} to ${verb.lemma}`;
}

/**
 * "the bike is not collected within a month" → "Wait for bike to be collected": after a hand-over, what the other
 * party is to do with the thing, waited on as said; null when the condition is no passive about a thing.
 */
export function awaitedDoing(tokens: Token[]): string | null {
  const words = tokens.filter((t) => t.pos !== 'PUNCT');
  const not = words.findIndex((t) => t.lower === 'not' || t.lower === "n't");
  const verb = words[not + 1];
  if (not < 2 || words[not - 1]!.lemma !== 'be' || verb?.pos !== 'VERB' || verb.lower === verb.lemma || !/(ed|en|t)$/.test(verb.lower)) return null;
  const subject = words.slice(0, not).filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  if (!subject.length || namesSomeone({ words: subject, head: subject.at(-1)!, of: null })) return null;
  return `Wait for ${subject.map((t) => (t.pos === 'PROPN' ? t.text : t.lower)).join(' ')} to be ${verb.lower}`;
}

// Someone else's answer, named by its noun: "does not respond" waits for a response.
export const ANSWER_NOUNS: Record<string, string> = {
  reply: 'reply', respond: 'response', answer: 'answer', pay: 'payment', confirm: 'confirmation', accept: 'acceptance',
  sign: 'signature', return: 'return', react: 'reaction', call: 'call', arrive: 'arrival', deliver: 'delivery',
  send: 'reply', submit: 'submission', approve: 'approval', decide: 'decision', object: 'objection', complain: 'complaint',
  appeal: 'appeal', claim: 'claim', comment: 'comment',
};
// Things done to what is in hand, not things that come: the doing is awaited.
const DONE_TO = new Set(['pay', 'approve', 'sign', 'confirm', 'accept', 'decide']);
// "the report is not received": a thing that does not come is waited for too.
// ("the technician does not come": someone who is to come is waited for, like what is to arrive.)
const ANSWER_VERBS = new Set([...Object.keys(ANSWER_NOUNS), 'receive', 'come', 'show']);

/** "until the customer replies" → "Wait for customer to reply": what a repeated reminder waits on. */
export function awaitedUntil(tokens: Token[]): string | null {
  const u = readUntil(tokens);
  if (!u) return null;
  return ['Wait for', ...u.subject.map((t) => (t.pos === 'PROPN' ? t.text : t.lower)), 'to', u.lemma, ...u.object.slice(0, 2).map((t) => t.lower)].join(' ');
}

// What a thing does by itself when its time runs out: "the offer lapses", "the booking expires", "the application is
// considered withdrawn".
const LAPSES = /^(lapses|lapse|expires|expire|runs out|run out|(is|are) (considered|deemed|treated as|regarded as) (withdrawn|abandoned|rejected|refused|closed|cancell?ed|void|lapsed|expired|approved|accepted|granted)|becomes void|become void|is void|are void|becomes invalid|is invalid|becomes final|become final|becomes binding|become binding|is final|are final)$/;

/**
 * "If the premium is not paid in time, the policy lapses.": the tagger reads a closing "lapses" or "expires" after a
 * thing as a plural noun; ending its clause after "the/its … noun", it is the thing's verb.
 */
export function markLapseVerbs(tokens: Token[]): void {
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t.pos !== 'NOUN' || !/^(lapses|expires)$/.test(t.lower) || (next && next.pos !== 'PUNCT' && !/^(automatically|then|too)$/.test(next.lower))) continue;
    let k = i - 1;
    while (k > 0 && ['NOUN', 'PROPN', 'ADJ'].includes(tokens[k]!.pos)) k--;
    if (k === i - 1 || !/^(the|its|their|this|that|his|her|your|our)$/.test(tokens[k]!.lower)) continue;
    t.pos = 'VERB';
    t.lemma = t.lower.replace(/s$/, '');
  }
}

/** "otherwise the offer lapses" → "Offer lapsed": the end a missed deadline's path reaches with no step; null otherwise. */
export function lapseName(tokens: Token[]): string | null {
  const words = tokens.filter((t) => t.pos !== 'PUNCT' && !['otherwise', 'or', 'else', 'then', 'after', 'that', 'the', 'this', 'its', 'their', 'simply', 'automatically'].includes(t.lower));
  const at = words.findIndex((t, i) => i > 0 && LAPSES.test(words.slice(i).map((w) => w.lower).join(' ')));
  if (at < 1 || words.slice(0, at).some((t) => t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'ADJ')) return null;
  const state = words[at]!.lower.startsWith('lapse') ? 'lapsed' : /^(expire|run)/.test(words[at]!.lower) ? 'expired' : words.at(-1)!.lower === 'invalid' ? 'void' : words.at(-1)!.lower;
  const label = [...words.slice(0, at).map((t) => (t.pos === 'PROPN' ? t.text : t.lower)), state].join(' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

// How a thing's time runs out: "expires / lapses after", "is / remains / stays valid for".
const RUNS_OUT = /^(expires|expire|lapses|lapse)$/;
const HOLDS = /^(is|are|remains|remain|stays|stay)$/;

/**
 * "The link expires after 30 minutes" → "Link expired", "the offer is valid for 14 days" → "Offer expired": a
 * clause that only says how long a thing lasts, named for its end; null for anything else.
 */
export function expiryName(tokens: Token[]): string | null {
  const words = tokens.filter((t) => t.pos !== 'PUNCT');
  let at = words[0]?.pos === 'DET' ? 1 : 0;
  const from = at;
  while (words[at] && ['NOUN', 'PROPN', 'ADJ'].includes(words[at]!.pos) && !RUNS_OUT.test(words[at]!.lower)) at++;
  if (at === from) return null;
  const verb = words[at]?.lower ?? '';
  const state = RUNS_OUT.test(verb) ? (verb.startsWith('lapse') ? 'lapsed' : 'expired') : HOLDS.test(verb) && words[at + 1]?.lower === 'valid' ? 'expired' : null;
  const then = words[at + (state && HOLDS.test(verb) ? 2 : 1)]?.lower ?? '';
  if (!state || !['after', 'for', 'in'].includes(then)) return null;
  const label = [...words.slice(from, at).map((t) => (t.pos === 'PROPN' ? t.text : t.lower)), state].join(' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * "must file the claim within 30 days, or the claim lapses": where the "or" of a lapse after a deadline stands, when
 * the tagger took the lapse for a noun and left it in the deadline's clause; -1 otherwise.
 */
export function lapseAfterOr(tokens: Token[]): number {
  const or = tokens.findIndex((t, i) => i > 0 && t.lower === 'or' && lapseName(tokens.slice(i)) !== null);
  return or > 0 && findDuration(tokens.slice(0, or))?.kind === 'deadline' ? or : -1;
}

const ORDINALS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5 };
const COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };

/**
 * "After two reminders", "after the second reminder", "after 3 unanswered reminders": how many reminders a wait gets,
 * with where the words sit in the clause; null when the clause counts none.
 */
export function reminderCount(tokens: Token[]): { count: number; start: number; end: number } | null {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.lower !== 'after') continue;
    let j = i + 1;
    if (['the', 'a'].includes(tokens[j]?.lower ?? '')) j++;
    const word = tokens[j]?.lower ?? '';
    const count = /^\d+$/.test(word) ? Number(word) : (COUNTS[word] ?? ORDINALS[word]);
    let k = j + 1;
    if (['unanswered', 'further', 'more'].includes(tokens[k]?.lower ?? '')) k++;
    if (count && count > 1 && /^reminders?$/.test(tokens[k]?.lower ?? '')) return { count, start: i, end: k + 1 };
  }
  return null;
}


/**
 * A clause that opens on what did not come: "; without a reply the lease renews automatically", "in the absence of
 * payment, the landlord …" → "if there is no reply" and its consequence; "failing that, …" → "otherwise, …". Null
 * for anything else ("without delay", "without a second check" later in a clause).
 */
export function missedOpening(tokens: Token[]): Token[][] | null {
  let at = 0;
  while (tokens[at]?.pos === 'PUNCT' || ['and', 'but', 'then'].includes(tokens[at]?.lower ?? '')) at++;
  const words = tokens.slice(at).map((t) => t.lower);
  if (words[0] === 'failing' && ['that', 'this', 'which', 'so'].includes(words[1] ?? '')) return [[word('Otherwise', 'ADV'), ...tokens.slice(at + 2)]];
  // "silence counts as consent", "silence means approval": no answer, and the thing in hand is consented to.
  const said = words[0] === 'silence' ? tokens.slice(at + 1).filter((t) => !/^(counts|count|means|mean|is|taken|treated|as|an|a|[.;,])$/.test(t.lower)) : [];
  const outcome = said.length === 1 ? ACTION_NOUNS[said[0]!.lower] : undefined;
  if (outcome) {
    // (Retagged in place: the verb trace knows the sentence's own tokens.)
    Object.assign(said[0]!, { text: outcome[0], lower: outcome[0], pos: 'VERB', lemma: outcome[1] });
    return [[word('if', 'SCONJ'), word('there', 'PRON'), { ...word('is', 'AUX'), lemma: 'be' }, word('no', 'DET'), word('answer', 'NOUN')], [word('it', 'PRON'), { ...word('is', 'AUX'), lemma: 'be' }, said[0]!]];
  }
  // "After two weeks without payment, …": no payment within the two weeks.
  const time = words[0] === 'after' ? findDuration(tokens.slice(at)) : null;
  const waited = time?.start === 0 && words[time.end] === 'without' ? tokens.slice(at + 1, at + time.end) : [];
  const from = waited.length ? at + time!.end + 1 : words[0] === 'without' ? at + 1 : words.slice(0, 3).join(' ') === 'in the absence' && words[3] === 'of' ? at + 4 : -1;
  if (from < 0) return null;
  let k = ['a', 'an', 'any', 'the', 'their', 'his', 'her', 'its'].includes(tokens[from]?.lower ?? '') ? from + 1 : from;
  const start = k;
  while (tokens[k] && ['NOUN', 'ADJ', 'PROPN'].includes(tokens[k]!.pos) && !(k > start && tokens[k]!.pos === 'PROPN' && tokens[k - 1]!.pos !== 'PROPN')) k++;
  const thing = tokens.slice(start, k);
  // ("without delay", "without fail": a manner; a verb right after the thing is no consequence of its own.)
  if (!thing.length || thing.some((t) => /^(delay|fail|exception|question|doubt|hesitation)$/.test(t.lower))) return null;
  const rest = tokens.slice(tokens[k]?.text === ',' ? k + 1 : k);
  if (!rest.some((t) => t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'NOUN')) return null;
  const within = waited.length ? [word('within', 'ADP'), ...waited] : [];
  return [[word('if', 'SCONJ'), word('there', 'PRON'), { ...word('is', 'AUX'), lemma: 'be' }, word('no', 'DET'), ...thing, ...within], rest];
}

/**
 * "Orders not paid within 24 hours are cancelled", "Tickets not resolved by Friday go to the second line": things
 * narrowed by a step not done in time → "If orders are not paid within 24 hours, they are cancelled", a deadline
 * whose path is the rest of the sentence. Null for anything else.
 */
export function notDoneInTime(sentence: Token[]): Token[] | null {
  let not = 0;
  while (sentence[not] && ['NOUN', 'PROPN', 'ADJ'].includes(sentence[not]!.pos)) not++;
  if (not < 1 || not > 3 || sentence[not]?.lower !== 'not' || sentence[not + 1]?.pos !== 'VERB' || !/(ed|en|t|d)$/.test(sentence[not + 1]!.lower)) return null;
  const time = findDuration(sentence.slice(not + 2));
  if (time?.kind !== 'deadline' || time.start !== 0) return null;
  const rest = sentence.slice(not + 2 + time.end);
  if (!['AUX', 'VERB'].includes(rest[0]?.pos ?? '')) return null;
  const plural = /s$/.test(sentence[not - 1]!.lower);
  // The sentence's capital is no name: "Orders" is tagged as one.
  const thing = sentence.slice(0, not).map((t, i) => (i === 0 ? { ...t, text: t.lower, pos: t.pos === 'PROPN' ? 'NOUN' : t.pos } : t));
  const be = { ...word(plural ? 'are' : 'is', 'AUX'), lemma: 'be' };
  return [word('If', 'SCONJ'), ...thing, be, ...sentence.slice(not, not + 2 + time.end), word(',', 'PUNCT'), word(plural ? 'they' : 'it', 'PRON'), ...rest];
}

/** A time limit as words on its step: "within 45 days", "by Friday", "by end of month". */
export function timeLimitWords(d: Duration): string {
  if (d.timer?.kind === 'duration' || /^\d+ (working |business |calendar )?(minute|hour|day|week|month|year|fortnight)s?$/.test(d.label)) return `within ${d.label}`;
  // ("End of month", "Due date", "Deadline" are common nouns in a label: "by end of month", "by due date".)
  const common = /^[A-Z][a-z]+ of /.test(d.label) || /^(Deadline|[A-Z][a-z-]+( [a-z-]+)* (date|day))$/.test(d.label);
  return `by ${common ? d.label.charAt(0).toLowerCase() + d.label.slice(1) : d.label}`;
}
