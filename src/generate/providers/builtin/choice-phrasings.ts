// One decision told in words other than "if": "chooses whether to admit the patient or to send them home", "decides
// between approving the loan and referring it", "For new customers, …. For existing customers, …" and "Depending on
// the amount, the team lead or the director approves the invoice", "Depending on the grade, the office awards a distinction
// or a pass" (a lead that may also trail: "…, depending on the receipt"). Each is rewritten as the alternatives ("can A or
// B") or the "Where …" cases the reader already draws as the ways of one choice.
import { WHERE } from './condition-openers.ts';
import { CHOOSING_VERBS } from './lexicon.ts';
import { type Sentence, type Token, word } from './tokens.ts';

const CAN = word('can', 'AUX', 'can');
const IF = word('If', 'SCONJ', 'if');
const HAVE = word('have', 'VERB', 'have');
const NO = word('no', 'DET');
const OR = word('or', 'CCONJ');
const COMMA = word(',', 'PUNCT');

/**
 * "… chooses whether to admit the patient or (to) send them home" → "… can admit the patient or send them home";
 * "… decides between approving the loan and referring it" → "… can approve the loan or refer it".
 */
export function choiceBetween(sentence: Sentence): Sentence | null {
  const at = sentence.findIndex((t, i) => t.pos === 'VERB' && CHOOSING_VERBS.has(t.lemma) && ['whether', 'between'].includes(sentence[i + 1]?.lower ?? ''));
  if (at < 0) return null;
  const rest = sentence.slice(at + 2);
  if (sentence[at + 1]!.lower === 'whether') {
    const or = rest.findIndex((t) => t.lower === 'or');
    if (rest[0]?.lower !== 'to' || or < 2) return null;
    const second = rest.slice(or + 1);
    return [...sentence.slice(0, at), CAN, ...rest.slice(1, or), OR, ...(second[0]?.lower === 'to' ? second.slice(1) : second)];
  }
  // "between approving … and referring …": two gerunds, the second after "and" or "or".
  // The gerunds stay as they are: the reader takes their base form, and the trace finds the words of the text.
  const gerund = (t: Token | undefined) => t?.pos === 'VERB' && /ing$/.test(t.lower);
  const join = rest.findIndex((t, i) => (t.lower === 'and' || t.lower === 'or') && gerund(rest[i + 1]));
  if (!gerund(rest[0]) || join < 1) return null;
  return [...sentence.slice(0, at), CAN, rest[0]!, ...rest.slice(1, join), OR, rest[join + 1]!, ...rest.slice(join + 2)];
}

/** "For new customers," at the start: the kind's words ("new customers"), or null. */
function kindOpened(s: Sentence | undefined): Token[] | null {
  if (s?.[0]?.lower !== 'for') return null;
  let i = 1;
  while (i < 3 && (s[i]?.pos === 'ADJ' || (s[i]?.pos === 'VERB' && /(ing|ed)$/.test(s[i]!.lower)))) i++;
  const head = s[i];
  if (i === 1 || !head || head.pos !== 'NOUN' || s[i + 1]?.text !== ',') return null;
  return s.slice(1, i + 1);
}

/**
 * "For new customers, the clerk verifies the identity. For existing customers, the clerk loads the record." — a kind
 * set against another kind of the same thing, in the sentence before or after: each is a case of one choice.
 */
export function kindCases(sentence: Sentence, previous: Sentence | undefined, next: Sentence | undefined): Sentence | null {
  const kind = kindOpened(sentence);
  if (!kind) return null;
  const noun = kind.at(-1)!.lemma;
  const sibling = [previous, next].some((s) => kindOpened(s)?.at(-1)?.lemma === noun && kindOpened(s)!.length > 1);
  if (!sibling) return null;
  return [WHERE, ...kind.map((t) => ({ ...t, first: false })), ...sentence.slice(kind.length + 1)];
}

/**
 * "Depending on the amount, the team lead or the finance director approves the invoice" → "…, the team lead approves
 * the invoice, or the finance director approves the invoice": parties joined by "or" after a lead that announces
 * cases are the ways of one choice, each doing the step.
 */
export function eitherParty(sentence: Sentence): Sentence | null {
  const comma = sentence.findIndex((t) => t.text === ',');
  if (sentence[0]?.lower !== 'depending' || comma < 2) return null;
  const tail = sentence.slice(comma + 1);
  const verb = tail.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  const or = tail.findIndex((t) => t.lower === 'or');
  if (verb < 0 || or < 1 || or > verb || tail.slice(0, verb).some((t) => t.pos === 'PRON')) return null;
  const [first, second] = [tail.slice(0, or).filter((t) => t.lower !== 'either'), tail.slice(or + 1, verb)];
  const predicate = tail.slice(verb).filter((t) => !/^[.!]$/.test(t.text));
  const end = sentence.at(-1)?.pos === 'PUNCT' ? [sentence.at(-1)!] : [];
  return [...sentence.slice(0, comma + 1), ...first, ...predicate, COMMA, OR, ...second, ...predicate, ...end];
}

/**
 * "Applications without a site plan are rejected" → "If applications have no site plan, applications are rejected":
 * a plural subject narrowed by what it lacks is a condition, the rest of the sentence its branch.
 */
export function lackingSubject(sentence: Sentence): Sentence | null {
  let head = 0;
  while (head < 2 && sentence[head]?.pos === 'ADJ') head++;
  const noun = sentence[head];
  // A capital first word may be tagged a name.
  if (!noun || !(noun.pos === 'NOUN' || (noun.first && noun.pos === 'PROPN')) || !/[^s]s$/.test(noun.lower) || !['without', 'lacking'].includes(sentence[head + 1]?.lower ?? '')) return null;
  let end = head + 2;
  while (end < head + 6 && ['DET', 'ADJ', 'NOUN', 'PROPN'].includes(sentence[end]?.pos ?? '')) end++;
  const lacked = sentence.slice(head + 2, end).filter((t) => t.pos !== 'DET');
  if (!lacked.length || !['AUX', 'VERB'].includes(sentence[end]?.pos ?? '')) return null;
  const subject = sentence.slice(0, head + 1).map((t) => (t.first ? { ...t, text: t.lower, pos: t.pos === 'PROPN' ? 'NOUN' : t.pos, first: false } : t));
  return [IF, ...subject, HAVE, NO, ...lacked, COMMA, ...subject, ...sentence.slice(end)];
}

const NOUN_PHRASE = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);

/**
 * "Depending on the grade, the office awards a distinction or a pass" → "…, the office awards a distinction or awards a
 * pass", and places after one preposition ("… goes to first line or to the on-call engineer"): things joined by "or" after a lead that announces cases are the ways of one choice, each its own step. A lead
 * that trails ("…, depending on the receipt") moves to the front, where the reader looks for it.
 */
export function eitherObject(sentence: Sentence): Sentence | null {
  const at = sentence.findIndex((t, i) => t.lower === 'depending' && sentence[i + 1]?.lower === 'on');
  if (at < 0) return null;
  const end = sentence.at(-1)?.pos === 'PUNCT' ? [sentence.at(-1)!] : [];
  const body = end.length ? sentence.slice(0, -1) : sentence;
  const leadEnd = body.findIndex((t, i) => i > at && t.text === ',');
  // "The clerk offers a refund or a voucher, depending on the receipt": the lead trails, and moves to the front.
  const trailing = leadEnd < 0 && body[at - 1]?.text === ',';
  if (leadEnd < 0 && !trailing) return null;
  const [before, main] = trailing ? [[], body.slice(0, at - 1)] : [body.slice(0, leadEnd + 1), body.slice(leadEnd + 1)];
  const verb = main.findIndex((t) => t.pos === 'VERB');
  const or = main.findIndex((t, i) => i > verb + 1 && t.lower === 'or');
  const first = main.slice(verb + 1, or);
  const second = main.slice(or + 1);
  const things = verb > 0 && or > 0 && first.some((t) => t.pos === 'NOUN') && first.every((t) => NOUN_PHRASE.has(t.pos)) && second.length > 0 && second.every((t) => NOUN_PHRASE.has(t.pos));
  // "the ticket goes to first line or to the on-call engineer": places after one preposition are the ways too, each
  // the whole clause again ("…, or the ticket goes to the on-call engineer"), as the reader takes one hand-over.
  const to = first[0];
  const place = second[0]?.lower === to?.lower ? second.slice(1) : second;
  const places = !things && verb > 0 && or > 0 && to?.pos === 'ADP' && [first.slice(1), place].every((p) => p.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN') && p.every((t) => NOUN_PHRASE.has(t.pos)));
  const again = main.slice(0, verb + 1).map((t) => (t.first ? { ...t, text: t.pos === 'PROPN' ? t.text : t.lower, first: false } : t));
  const ways = things ? [...main.slice(0, or + 1), main[verb]!, ...second] : places ? [...main.slice(0, or), COMMA, OR, ...again, to!, ...place] : main;
  if (!trailing) return things || places ? [...before, ...ways, ...end] : null;
  const lead = body.slice(at);
  const rest = ways.map((t, i) => (i === 0 && t.first ? { ...t, text: t.pos === 'PROPN' ? t.text : t.lower, first: false } : t));
  return [{ ...lead[0]!, text: 'Depending', first: true }, ...lead.slice(1), COMMA, ...rest, ...end];
}
