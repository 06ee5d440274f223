// Time in the text: waits ("after 2 days"), deadlines ("within a week") and schedules ("every Monday"), with the
// words kept for the label and an ISO 8601 value where the unit is exact.
import type { ModelTimer } from '../../model.ts';
import { isoDuration } from '../../timer.ts';
import { isAgentNoun, isTimeWord } from './agents.ts';
import type { Token } from './tokens.ts';

export interface Duration {
  /** "after" and "later" wait; "within" and "no later than" set a deadline. */
  kind: 'wait' | 'deadline';
  label: string;
  timer: ModelTimer | undefined;
  /** Where the expression sits in the clause's tokens. */
  start: number;
  end: number;
  /** "after another 3 days", "a further week": more time after the time before. */
  again?: boolean;
}

export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, sixty: 60, ninety: 90,
};
const UNIT = /^(minute|hour|day|week|month|year|fortnight)s?$/;
// Notes shorten units: "15 min", "2 hrs", "3 wks" read as "15 minutes", "2 hours", "3 weeks".
const SHORT_UNITS: Record<string, string> = { min: 'minute', mins: 'minute', hr: 'hour', hrs: 'hour', wk: 'week', wks: 'week' };
/** The unit a token names, written out ("mins" → "minutes"), or null when it names none. */
function unitWord(word: string, amount: number): string | null {
  const short = SHORT_UNITS[word];
  if (short) return amount === 1 ? short : `${short}s`;
  return UNIT.test(word) ? word : null;
}
const WAIT_WORDS = new Set(['after', 'wait', 'waits', 'waiting', 'for']);
const DEADLINE_WORDS = new Set(['within', 'than']);
// What a point in time is set by: "before the contract expires / ends / starts / is due".
const POINT_VERBS = /^(expires|ends|starts|begins|lapses|closes|opens|arrives|leaves|departs|renews)$/;

/** The first "after 2 days" / "within a week" / "3 working days later" of a clause. */
export function findDuration(tokens: Token[]): Duration | null {
  for (let i = 0; i < tokens.length; i++) {
    const amountWord = tokens[i]!.lower;
    const amount = /^\d+$/.test(amountWord) ? Number(amountWord) : NUMBER_WORDS[amountWord];
    if (amount === undefined) continue;
    let j = i + 1;
    // "a further week", "two more days", "3 additional hours": more time after the time before.
    const more = ['further', 'more', 'additional', 'extra'].includes(tokens[j]?.lower ?? '');
    if (more) j++;
    const qualifier = ['working', 'business', 'calendar'].includes(tokens[j]?.lower ?? '') ? tokens[j++]!.lower : '';
    const unit = unitWord(tokens[j]?.lower ?? '', amount);
    if (!unit) continue;
    // "after another 3 days", "within a further week": the words between repeat the time.
    const again = tokens[i - 1]?.lower === 'another' ? 1 : 0;
    const before = tokens[i - 1 - again]?.lower ?? '';
    // "if the supplier doesn't answer in 3 days": "in" after a negation is "within".
    const negatedIn = before === 'in' && tokens.slice(0, i).some((t) => ['not', "n't", 'no', 'nobody', 'never'].includes(t.lower));
    const later = tokens[j + 1]?.lower === 'later';
    // "2 hours before the appointment": a point in time set by something else, waited for; no fixed duration.
    const ahead = tokens[j + 1]?.lower === 'before';
    // "A week after delivery, support calls the client": the time counted from something before, waited for.
    const since = tokens[j + 1]?.lower === 'after' && !DEADLINE_WORDS.has(before) && !negatedIn && !WAIT_WORDS.has(before);
    // ("monitors the system for 24 hours", "lends the laptop for 4 hours": how long a step with its object lasts, no wait.)
    const lasting = before === 'for' && stepLasting(tokens.slice(0, i - 1));
    // "we wait up to 5 days for the payment", "waits at most a week": the longest wait, a deadline on it.
    const longest = ((before === 'to' && tokens[i - 2]?.lower === 'up') || (before === 'most' && tokens[i - 2]?.lower === 'at')) && tokens.slice(0, i).some((t) => t.lemma === 'wait');
    const kind = DEADLINE_WORDS.has(before) || negatedIn || longest ? 'deadline' : (WAIT_WORDS.has(before) && !lasting) || later || ahead || since ? 'wait' : null;
    // "older than 30 days", "more than 2 years old": an age the thing has is a condition on it, not time to wait.
    const age = /^(older|younger|newer)$/.test(tokens[i - 2]?.lower ?? '') || tokens[j + 1]?.lower === 'old';
    if (!kind || age) continue;
    // "one week", "a week" → "1 week": a label reads the figure.
    const words = [String(amount), qualifier, unit].filter(Boolean).join(' ');
    if (ahead || since) {
      let k = j + 2;
      // "A week before the event, the coordinator …": a determiner after the noun starts the next phrase (the comma may be gone).
      // ("A week after delivery support calls …": so does a party's name after the event's noun.)
      const startsPhrase = (t: Token, prev: Token | undefined) =>
        (t.pos === 'DET' && (prev?.pos === 'NOUN' || prev?.pos === 'PROPN')) || (prev?.pos === 'NOUN' && (t.pos === 'PROPN' || isAgentNoun(t.lemma)));
      while (tokens[k] && ['DET', 'ADJ', 'NOUN', 'PROPN'].includes(tokens[k]!.pos) && !POINT_VERBS.test(tokens[k]!.lower) && !startsPhrase(tokens[k]!, tokens[k - 1])) k++;
      const what = tokens.slice(j + 2, k).filter((t) => t.pos !== 'DET').map((t) => t.lower);
      // "Thirty days before the subscription expires" → "30 days before subscription expires", and no more.
      if (POINT_VERBS.test(tokens[k]?.lower ?? '') && tokens[k - 1]?.pos !== 'DET') what.push(tokens[k++]!.lower);
      const count = NUMBER_WORDS[amountWord] && amountWord.length > 2 ? String(amount) : words.split(' ')[0]!;
      // (Counted from something done, the span is exact: "1 week after delivery" is P1W; before what is yet to come, it is not.)
      const exact = since && !qualifier ? isoDuration(amount, unit) : null;
      const timer: ModelTimer | undefined = exact ? { kind: 'duration', value: exact } : undefined;
      if (what.length) return { kind, label: [count, ...words.split(' ').slice(1), since ? 'after' : 'before', ...what].join(' '), timer, start: i, end: k };
    }
    const value = qualifier === 'working' || qualifier === 'business' ? null : unit.startsWith('fortnight') ? `P${amount * 2}W` : isoDuration(amount, unit);
    // ("books the coach three weeks before": the words are the number's on, "before" included, not the noun before it.)
    const trailing = later || ahead;
    return { kind, label: words, timer: value ? { kind: 'duration', value } : undefined, start: i - (trailing ? 0 : 1 + again), end: j + (trailing ? 2 : 1), ...(again || more ? { again: true } : {}) };
  }
  return dueBy(tokens);
}

// Verbs whose time is spent waiting: "waits for 2 days", "the dough rests for an hour".
const WAITING = new Set(['wait', 'rest', 'pause', 'sleep', 'stay', 'remain', 'sit', 'hold', 'keep', 'leave', 'be']);

/** Whether the words before a "for N hours" end in a step with its object ("monitors the system"). */
function stepLasting(tokens: Token[]): boolean {
  const verb = tokens.findLastIndex((t) => t.pos === 'VERB');
  return verb >= 0 && !WAITING.has(tokens[verb]!.lemma) && tokens.slice(verb + 1).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON');
}

/**
 * "2 weeks" and then "another 1 week" → "3 weeks" (P3W), counted from the same start; with different units, "1 week
 * more" and no value.
 */
export function addedTime(first: string, more: Duration): { label: string; timer: ModelTimer | undefined } {
  const [a, unitA = ''] = first.split(' ');
  const [b, unitB = ''] = more.label.split(' ');
  const same = unitA.replace(/s$/, '') === unitB.replace(/s$/, '') && /^\d+$/.test(a ?? '') && /^\d+$/.test(b ?? '') && !more.label.includes(' ', more.label.indexOf(' ') + 1);
  if (!same) return { label: `${more.label} more`, timer: undefined };
  const sum = Number(a) + Number(b);
  const value = isoDuration(sum, unitA);
  return { label: `${sum} ${unitA.replace(/s$/, '')}${sum === 1 ? '' : 's'}`, timer: value ? { kind: 'duration', value } : undefined };
}

const PERIODS = /^(day|week|month|quarter|year|shift|term|semester)$/;

const MONTHS = /^(january|february|march|april|may|june|july|august|september|october|november|december)$/;

/**
 * "by the end of the week" → "End of week", "by Friday", "by noon", "no later than the 5th of the month" → "5th of
 * month", "by 15 March": a deadline at a point in time, with no fixed value.
 */
function dueBy(tokens: Token[]): Duration | null {
  for (let i = 0; i < tokens.length; i++) {
    // "by the due date", "before the deadline", "no later than the agreed date": a date set elsewhere, named as said.
    const named = setDate(tokens, i);
    if (named) return named;
    // ("before the end of the day": a period's end is due as "by" it.)
    const before = tokens[i]!.lower === 'before' && tokens[i + 1]?.lower === 'the' && tokens[i + 2]?.lower === 'end';
    const by = tokens[i]!.lower === 'by' || before || (tokens[i]!.lower === 'than' && tokens[i - 1]?.lower === 'later');
    if (!by) continue;
    const date = dateAt(tokens, tokens[i + 1]?.lower === 'the' ? i + 2 : i + 1);
    if (date) return { kind: 'deadline', label: date.label, timer: undefined, start: i, end: date.end };
    let j = i + 1;
    if (tokens[j]?.lower === 'the') j++;
    if (tokens[j]?.lower === 'end' && tokens[j + 1]?.lower === 'of') {
      const k = ['the', 'this', 'that', 'each', 'every'].includes(tokens[j + 2]?.lower ?? '') ? j + 3 : j + 2;
      const period = tokens[k]?.lower === 'business' || tokens[k]?.lower === 'working' ? tokens[k + 1] : tokens[k];
      if (period && PERIODS.test(period.lower)) return { kind: 'deadline', label: `End of ${period.lower}`, timer: undefined, start: i, end: tokens.indexOf(period) + 1 };
      continue;
    }
    const clock = clockAt(tokens, i + 1);
    if (clock) return { kind: 'deadline', label: clock.label, timer: undefined, start: i, end: clock.end };
    const day = tokens[i + 1]?.lower ?? '';
    if (DAYS.includes(day) || ['noon', 'midday', 'midnight'].includes(day)) {
      return { kind: 'deadline', label: day.charAt(0).toUpperCase() + day.slice(1), timer: undefined, start: i, end: i + 2 };
    }
  }
  return null;
}

// Dates a text names by their role: "the due date", "the agreed date", "the closing date".
const SET_DATES = /^(due|agreed|set|closing|target|expiry|deadline|cut-off|cutoff|payment|delivery|return|submission)$/;

/**
 * "by the due date" → "Due date", "before the deadline" → "Deadline", "by the agreed delivery date" → "Agreed
 * delivery date": a deadline at a date set elsewhere, with no fixed value; null unless tokens[i] opens one.
 */
function setDate(tokens: Token[], i: number): Duration | null {
  const opener = tokens[i]!.lower;
  if (!(opener === 'by' || opener === 'before' || (opener === 'than' && tokens[i - 1]?.lower === 'later')) || !/^(the|its|their|this)$/.test(tokens[i + 1]?.lower ?? '')) return null;
  const head = tokens[i + 2]?.lower ?? '';
  if (/^(deadline|cut-off|cutoff)$/.test(head)) return { kind: 'deadline', label: 'Deadline', timer: undefined, start: i, end: i + 3 };
  let k = i + 2;
  while (k < i + 5 && SET_DATES.test(tokens[k]?.lower ?? '')) k++;
  if (k === i + 2 || !/^(date|day)$/.test(tokens[k]?.lower ?? '')) return null;
  const label = tokens.slice(i + 2, k + 1).map((t) => t.lower).join(' ');
  return { kind: 'deadline', label: label.charAt(0).toUpperCase() + label.slice(1), timer: undefined, start: i, end: k + 1 };
}

/** "5 pm", "5pm", "17:00", "9.30 am": a time of day from tokens[at], with where it ends. */
function clockAt(tokens: Token[], at: number): { label: string; end: number } | null {
  const [a = '', b = ''] = [tokens[at]?.lower, tokens[at + 1]?.lower];
  if (/^\d{1,2}([:.]\d{2})?(am|pm)$/.test(a)) return { label: a.replace(/(am|pm)$/, ' $1'), end: at + 1 };
  if (/^\d{1,2}([:.]\d{2})?$/.test(a) && /^(am|pm|a\.m\.|p\.m\.)$/.test(b)) return { label: `${a} ${b.replace(/\./g, '')}`, end: at + 2 };
  if (/^\d{1,2}:\d{2}$/.test(a)) return { label: a, end: at + 1 };
  return null;
}

/** "5th of the month", "15 March", "March 15", "the 15th": a date from tokens[at], with where it ends. */
function dateAt(tokens: Token[], at: number): { label: string; end: number } | null {
  const [a, b, c, d] = [0, 1, 2, 3].map((k) => tokens[at + k]?.lower ?? '');
  if (/^\d{1,2}(st|nd|rd|th)$/.test(a!) && b === 'of' && ['the', 'each', 'every'].includes(c!) && d === 'month') return { label: `${a} of month`, end: at + 4 };
  const day = /^\d{1,2}(st|nd|rd|th)?$/;
  if (day.test(a!) && MONTHS.test(b!)) return { label: `${a} ${tokens[at + 1]!.text}`, end: at + 2 };
  if (MONTHS.test(a!) && day.test(b!)) return { label: `${tokens[at]!.text} ${b}`, end: at + 2 };
  // ("by the 15th": a day of the month, said with its ordinal.)
  if (/^\d{1,2}(st|nd|rd|th)$/.test(a!) && tokens[at - 1]?.lower === 'the') return { label: a!, end: at + 1 };
  return null;
}

const PERIOD_ENDS: Array<[string, string]> = [['week', 'R/P1W'], ['month', 'R/P1M'], ['quarter', 'R/P3M'], ['year', 'R/P1Y']];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const CYCLES: Array<[RegExp, string]> = [
  [/\bevery (\d+|two|three|four|five|six|ten|twelve) (minute|hour|day|week|month|year)s?\b/i, ''],
  // "every first day of the month", "on the 15th day of each month": a monthly schedule, named as written.
  [/\b(?:every|each|on the) (?:first|last|\d+(?:st|nd|rd|th)) (?:working )?day of (?:the|each|every) month\b/i, 'R/P1M'],
  // "every Monday", "each Friday", "on Fridays" ("on Friday" is one day, no schedule).
  [new RegExp(`\\b(?:every|each) (${DAYS.join('|')})\\b|\\bon (${DAYS.join('|')})s\\b`, 'i'), 'R/P1W'],
  [/\b(?:every|each) (?:working )?(day|morning|evening|night|weekday)\b|\b(daily|nightly)\b/i, 'R/P1D'],
  [/\b(?:every|each) week\b|\bweekly\b/i, 'R/P1W'],
  [/\b(?:every|each) month\b|\bmonthly\b/i, 'R/P1M'],
  [/\b(?:every|each) quarter\b|\bquarterly\b/i, 'R/P3M'],
  [/\b(?:every|each) year\b|\b(?:yearly|annually)\b/i, 'R/P1Y'],
  [/\b(?:every|each) hour\b|\bhourly\b/i, 'R/PT1H'],
  // "at month end", "at each quarter-end": the close of every period.
  ...PERIOD_ENDS.map(([period, value]): [RegExp, string] => [new RegExp(`\\bat (?:each |every |the )?${period}[- ]end\\b`, 'i'), value]),
];

const CLOCK_AFTER = /^ at \d{1,2}(?:[:.]\d{2})?(?: ?(?:am|pm))?(?=\W|$)/i;

const DESCRIBED = /\b(?:the|a|an|its|their|our|his|her|this|that|your|my)\s+$/i;

/** A schedule the text opens with ("Every Monday, …", "nightly backup"): a timer start. */
export function findCycle(text: string): { label: string; timer: ModelTimer } | null {
  for (const [pattern, value] of CYCLES) {
    const m = pattern.exec(text);
    // ("runs the monthly report": after an article or a possessive the word describes a thing, it schedules nothing;
    // "on a daily basis" does.)
    if (!m || (DESCRIBED.test(text.slice(0, m.index)) && !/^\s*basis\b/i.test(text.slice(m.index + m[0].length)))) continue;
    const cycle = value || `R/${isoDuration(Number(m[1]) || NUMBER_WORDS[m[1]!.toLowerCase()]!, m[2]!) ?? 'P1D'}`;
    // ("Every Monday at 9 am", "each night at 2am": the time of day belongs to the schedule's name.)
    const at = CLOCK_AFTER.exec(text.slice(m.index + m[0].length))?.[0] ?? '';
    // "every monday" → "Every Monday": day names keep their capital.
    // ("At month end" → "Month end": the preposition is no part of the name.)
    const said = m[0].replace(/^at (?:the )?/i, '');
    const label = (said.charAt(0).toUpperCase() + said.slice(1).toLowerCase() + at.toLowerCase()).replace(new RegExp(`\\b(${DAYS.join('|')})(?=s?\\b)`, 'g'), (d) => d.charAt(0).toUpperCase() + d.slice(1));
    return { label, timer: { kind: 'cycle', value: cycle } };
  }
  return null;
}

/**
 * "At the end of the month, payroll …" opening the text: the close of every period starts the process (mid-text, the
 * same words wait for one period's end: `spanEnd`).
 */
export function openingPeriodEnd(tokens: Token[]): { label: string; timer: ModelTimer } | null {
  const m = /^at the end of (?:the|each|every) (week|month|quarter|year)\b/i.exec(tokens.map((t) => t.text).join(' '));
  const value = m ? PERIOD_ENDS.find(([period]) => period === m[1]!.toLowerCase())?.[1] : undefined;
  return value ? { label: `End of ${m![1]!.toLowerCase()}`, timer: { kind: 'cycle', value } } : null;
}

/** "Every Friday the team reviews …": a schedule the clause opens with, which the clause's step waits for. */
export function openingCycle(tokens: Token[]): { label: string; timer: ModelTimer } | null {
  const text = tokens.map((t) => t.text).join(' ');
  const cycle = findCycle(text);
  return cycle && text.toLowerCase().startsWith(cycle.label.toLowerCase()) ? cycle : null;
}

// Spans that run out by themselves: "after the probation period", "at the end of the trial".
const SPANS = /^(period|trial|probation|term|semester|quarter|year|month|week|day|shift|season|lease|warranty|internship|apprenticeship|sprint)$/;
/** "year", "semester", "trial": a span that runs out by itself (so "repeats the year" lives it again, a step of its own). */
export const isSpan = (noun: string) => SPANS.test(noun);

/**
 * "After the probation period, …" → "End of probation period", "At the end of the trial, …" → "End of trial": a clause
 * that opens at the end of a span, a timer with no fixed value; null for anything else ("after the meeting").
 */
export function spanEnd(tokens: Token[]): string | null {
  const words = tokens.map((t) => t.lower);
  const from = words[0] === 'after' ? 1 : words[0] === 'at' && words[1] === 'the' && words[2] === 'end' && words[3] === 'of' ? 4 : -1;
  if (from < 0) return null;
  let k = ['the', 'this', 'that', 'each', 'every', 'his', 'her', 'their'].includes(words[from] ?? '') ? from + 1 : from;
  const start = k;
  while (tokens[k] && ['NOUN', 'ADJ', 'PROPN'].includes(tokens[k]!.pos)) k++;
  const what = tokens.slice(start, k).map((t) => t.lower);
  return what.length && isSpan(what.at(-1)!) ? ['End of', ...what].join(' ') : null;
}

// Words that make a time noun a point or a span ("every Monday", "the same day", "the next morning").
const WHEN_MARKERS = new Set(['every', 'each', 'same', 'next', 'last', 'following', 'previous', 'this', 'that', 'whole', 'several', 'few', 'many']);
const POINTS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|weekend|morning|evening|night|january|february|march|april|may|june|july|august|september|october|november|december|noon|midnight)s?$/;

// Nouns that measure a span rather than name an event: "five business days".
const SPAN_NOUNS = new Set(['business', 'calendar', 'working', 'school', 'banking']);

/**
 * Whether the phrase in tokens[from, end) says when or for how long ("every Wednesday", "the same day", "2 weeks",
 * "weeks") rather than naming what is acted on ("the days" of leave, "the hours" worked); `object` when it stands
 * right after the verb.
 */
export function saysWhen(tokens: Token[], from: number, end: number, object = false): boolean {
  const words = tokens.slice(from, end);
  // "the head of claims": a phrase with an "of" names its head; "confirms the last working day": an object with its
  // definite article is a date acted on ("takes a week" is still a span).
  if (words.some((w) => w.lower === 'of') || (object && ['the', 'his', 'her', 'their', 'its', 'our'].includes(words[0]?.lower ?? ''))) return false;
  const head = words.at(-1);
  if (!head || !isTimeWord(head.lemma)) return false;
  // "plans an induction week", "holds an open day": a noun before the time word makes it a named event, not a span
  // ("five business days" is still one).
  if (words.some((w) => w !== head && w.pos === 'NOUN' && !SPAN_NOUNS.has(w.lower) && !isTimeWord(w.lemma))) return false;
  const bare = words.length === 1 && head.lower !== head.lemma;
  return bare || POINTS.test(head.lower) || words.some((w) => w.pos === 'NUM' || NUMBER_WORDS[w.lower] !== undefined || WHEN_MARKERS.has(w.lower));
}

/**
 * "if the outage lasted more than 12 hours", "when the delay was longer than 2 days": a span that has already passed,
 * measured and tested — a condition on what happened, not a time limit still running (that would be "takes longer than").
 */
export function isPastMeasure(tokens: Token[], d: Duration): boolean {
  if (d.kind !== 'deadline' || tokens[d.start]?.lower !== 'than') return false;
  return tokens.slice(0, d.start).some((t) => (t.pos === 'VERB' || t.pos === 'AUX') && t.lower !== t.lemma && (/ed$/.test(t.lower) || PAST_FORMS.has(t.lower)));
}
const PAST_FORMS = new Set(['was', 'were', 'took', 'ran', 'had', 'went', 'stood', 'kept']);
