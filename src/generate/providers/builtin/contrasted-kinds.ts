// Cases told as parallel sentences about different kinds of the same thing: "Members pay online; guests pay at the
// desk.", "Domestic orders ship by post, international orders go by courier.", "Inpatients are billed by the ward,
// outpatients pay at reception." Each kind is one way of a choice, not a step after the other nor work done alongside.
// (Different kinds of workers doing different work — "Senior engineers design it; junior engineers build it" — are
// a division of labour, and stay as they are.)
import { namesSomeone, SERVED_PARTIES } from './agents.ts';
import type { Classification } from './classification.ts';
import { neededForKind } from './needed-steps.ts';
import { IRREGULAR_PLURALS, isPersonKind } from './person-kinds.ts';
import { SIZE_KINDS } from './lexicon.ts';
import { readPhrase } from './phrase.ts';
import { asStep } from './relative-condition.ts';
import { canBeVerb, type Sentence, type Token } from './tokens.ts';
import { thirdPersonBase } from './verb-lemma.ts';

interface Kind {
  /** The words before the head: "domestic". */
  modifiers: string[];
  /** The head in the singular: "order", "member". */
  head: string;
  /** The subject names people or things the process serves, not those who work in it. */
  served: boolean;
  /** The clause points back at something ("… build it"): a step on what came before, not a case beside it. */
  refersBack: boolean;
  /** The party the things are handed to ("go to the finance team" → "finance team"), or "". */
  routedTo: string;
}

// "go to", "are passed to", "are handled by": the things handed to a party of their own.
const ROUTED = /^(?:(?:go|goes|(?:are|is) (?:passed|sent|forwarded|routed|handed|referred|escalated|assigned|given|transferred)(?: on| over)?) to|(?:are|is) (?:handled|dealt with|processed|taken care of) by) (?:the )?((?:[a-z-]+ ){0,3}[a-z-]+)$/;

/** "Suspected fraud", "suspicious transactions": a case the check suspects, set beside the kinds it sorts. */
const SUSPECTED = new Set(['suspected', 'suspicious', 'possible', 'potential']);
/** "Minor damage is settled …", "Suspected fraud requires …": a graded or suspected thing named in the singular. */
const graded = (w: string | undefined) => !!w && (SIZE_KINDS.has(w) || SUSPECTED.has(w));

const singular = (w: string) => IRREGULAR_PLURALS[w] ?? thirdPersonBase(w);
// ("Serious injuries", "Various requests": a describing word in -ous is no plural.)
const plural = (w: string | undefined) => !!w && ((/[^s]s$/.test(w) && !/ous$/.test(w)) || w in IRREGULAR_PLURALS);

/** "Members pay …", "Domestic orders ship …": a bare plural subject of up to three words and its verb. */
function kindOf(s: Token[]): Kind | null {
  let i = 0;
  // (The plural ends the subject: a noun after it is a verb the tagger misread.)
  // ("Returning customers": a participle describes the kind.)
  const describing = (t: Token | undefined, k: number) => ['ADJ', 'NOUN'].includes(t?.pos ?? '') || (t?.first && t.pos === 'PROPN') || (k === 0 && t?.pos === 'VERB' && /(ing|ed)$/.test(t.lower));
  // ("Express orders need …": a grade the tagger took for a verb, retagged in place for the reader after.)
  if (SIZE_KINDS.has(s[0]?.lower ?? '') && s[0]!.pos === 'VERB' && s[1]?.pos === 'NOUN') Object.assign(s[0]!, { pos: 'ADJ', lemma: s[0]!.lower });
  while (i < 3 && describing(s[i], i) && !(i > 0 && plural(s[i - 1]!.lower))) i++;
  // ("Suspected security breaches go to …", "Suspected phishing is …": a head the tagger took for a verb, with the
  // verb after it.)
  if (i > 0 && i < 3 && graded(s[0]!.lower) && s[i]?.pos === 'VERB' && (plural(s[i]!.lower) || /ing$/.test(s[i]!.lower)) && ['VERB', 'AUX'].includes(s[i + 1]?.pos ?? '')) {
    Object.assign(s[i]!, { pos: 'NOUN', lemma: plural(s[i]!.lower) ? singular(s[i]!.lower) : s[i]!.lower });
    i++;
  }
  const last = s[i - 1];
  // ("Minor damage is settled by the adjuster", "Major damage requires …": a grade before a singular thing names a kind
  // too, with a verb in the singular after it.)
  const one = i > 1 && graded(s[0]!.lower) && last?.pos === 'NOUN' && (['is', 'was'].includes(s[i]?.lower ?? '') || (s[i]?.pos === 'VERB' && /[^s]s$/.test(s[i]!.lower)));
  if (i === 0 || !last || (!plural(last.lower) && !one) || last.pos === 'ADJ') return null;
  // "Domestic orders ship by post": the tagger may take the verb after a plural for one more noun.
  if (!['VERB', 'AUX'].includes(s[i]?.pos ?? '')) {
    // ("staff use their badge", "customers log in": a determiner, pronoun or particle follows the verb.)
    if (!(s[i]?.pos === 'NOUN' && canBeVerb(s[i]!.lower) && ['ADP', 'ADV', 'DET', 'PRON'].includes(s[i + 1]?.pos ?? ''))) return null;
    // (Retagged in place: the verb trace knows the sentence's own tokens.)
    Object.assign(s[i]!, { pos: 'VERB', lemma: s[i]!.lower });
  }
  const subject = s.slice(0, i);
  const phrase = readPhrase(subject.map((t) => ({ ...t, pos: t.pos === 'PROPN' ? 'ADJ' : t.pos })).map((t, k) => (k === i - 1 ? { ...t, pos: 'NOUN' } : t)), 0).phrase;
  const head = one ? last.lower : singular(last.lower);
  // ("inpatients", "outpatients": a served party with a prefix.)
  const served = [head, head.replace(/^(in|out|non-?|sub|pre|ex)/, '')].some((h) => isPersonKind(h)) || !phrase || !namesSomeone(phrase);
  const refersBack = s.slice(i).some((t) => /^(it|them|this|these|those)$/.test(t.lower));
  const routedTo = ROUTED.exec(s.slice(i).filter((t) => t.pos !== 'PUNCT').map((t) => t.lower).join(' '))?.[1] ?? '';
  return { modifiers: subject.slice(0, -1).map((t) => (/^[A-Z0-9]{2,}$/.test(t.text) ? t.text : t.lower)), head, served, refersBack, routedTo };
}

/** The branch labels of two kinds set against each other, or null when they are no contrast. */
function contrast(a: Kind, b: Kind): [string, string] | null {
  // "EU citizens …; other travellers …": what the first case leaves over.
  // (The reader takes the class "other" for the choice's other way.)
  if (a.served && /^(other|all other|remaining)$/.test(b.modifiers.join(' '))) return [[...a.modifiers, a.head].join(' '), 'other'];
  if (!a.served || !b.served) return null;
  // "Minor damage … Major damage … Suspected fraud …": what the check suspects is one more case of the kinds it sorts.
  const suspected = (k: Kind) => SUSPECTED.has(k.modifiers[0] ?? '');
  if (a.head !== b.head && (suspected(a) || suspected(b)) && a.modifiers.length && b.modifiers.length && !a.refersBack && !b.refersBack) return [[...a.modifiers, a.head].join(' '), [...b.modifiers, b.head].join(' ')];
  // "incomplete ones": the thing of the case before.
  if (b.head === 'one') b = { ...b, head: a.head };
  // "domestic orders" / "international orders": the same thing, told apart by what describes it.
  if (a.head === b.head) return a.modifiers.length && b.modifiers.length && a.modifiers.join(' ') !== b.modifiers.join(' ') ? [a.modifiers.join(' '), b.modifiers.join(' ')] : null;
  // "Billing questions go to the finance team. Technical problems are passed to second-line support.": kinds of what
  // comes in, each handed to a party of its own, are the ways of sorting it.
  if (a.routedTo && b.routedTo && a.routedTo !== b.routedTo) return [[...a.modifiers, a.head].join(' '), [...b.modifiers, b.head].join(' ')];
  if (a.modifiers.length || b.modifiers.length) return null;
  // "inpatients" / "outpatients": one word with different prefixes; "members" / "guests": two kinds of party served.
  const shared = [...a.head].reverse().findIndex((ch, k) => ch !== b.head[b.head.length - 1 - k]);
  const prefixed = (shared < 0 ? Math.min(a.head.length, b.head.length) : shared) >= 5;
  // "adults" / "children", "students" / "staff": kinds of people, unless the second acts on what the first did.
  return prefixed || (isPersonKind(a.head) && isPersonKind(b.head) && !b.refersBack) ? [a.head, b.head] : null;
}

const words = (s: Token[]) => s.filter((t) => t.pos !== 'PUNCT');
/** The kind each half rewritten as a step ("Ship domestic orders by post") is about. */
const SENT = new WeakMap<Sentence, Kind>();
const kindIn = (s: Sentence | undefined) => (s ? (SENT.get(s) ?? kindOf(words(s))) : null);

/**
 * "Members pay online. Guests pay at the desk. Staff …": the sentences from `at` on, while each sets its kind against
 * the first, as the cases of one choice. Null when `at` is inside such a run or opens none.
 */
export function contrastedKinds(text: Sentence[], at: number): Classification | null {
  const first = kindIn(text[at]);
  if (!first) return null;
  const before = kindIn(text[at - 1]);
  if (before && contrast(before, first)) return null;
  const values: string[] = [];
  const kinds: Kind[] = [first];
  for (let k = at + 1; k < text.length; k++) {
    const other = kindIn(text[k]);
    const pair = other && contrast(first, other);
    if (!pair) break;
    if (!values.length) values.push(pair[0]);
    values.push(pair[1]);
    kinds.push(other);
  }
  if (!values.length) return null;
  // ("minor", "major" beside "suspected fraud": with another thing among the ways, each way names its thing.)
  // ("incomplete ones": the thing of the first case.)
  const headOf = (k: Kind) => (k.head === 'one' ? first.head : k.head);
  const named = (v: string, k: number) => v === kinds[k]!.modifiers.join(' ') && headOf(kinds[k]!) === first.head;
  const whole = kinds.some((k) => headOf(k) !== first.head) && values.some(named);
  return { values: whole ? values.map((v, k) => (named(v, k) ? `${v} ${first.head}` : v)) : values, subject: first.head };
}

/**
 * "Members pay online; guests pay at the desk." → the two sentences "Members pay online." and "Guests pay at the
 * desk.", so they are read as the cases they are; "Bronze members wait, silver get a callback and gold are served at
 * once" → three. Null when the parts are no such contrast.
 */
export function kindsApart(sentence: Sentence): Sentence[] | null {
  const body = sentence.at(-1)?.pos === 'PUNCT' ? sentence.slice(0, -1) : sentence;
  const cuts = body.flatMap((t, i) => (i > 2 && (t.text === ';' || t.text === ',') ? [i] : []));
  if (!cuts.length) return null;
  // ("…, medium orders are checked, and large orders …": the last case after a comma and "and".)
  const pieces = [-1, ...cuts].map((c, k) => body.slice(c + 1, cuts[k] ?? body.length)).map((p, k) => (k && p[0]?.pos === 'CCONJ' ? p.slice(1) : p));
  const first = kindOf(pieces[0]!);
  if (!first) return null;
  // "… and large ones are quoted first": the last case joined by "and".
  const last = pieces.at(-1)!;
  const and = last.findIndex((t, i) => i > 1 && t.lower === 'and' && t.pos === 'CCONJ');
  const whole = (p: Token[]) => (kindOf(p) ? p : elided(p, pieces[0]!));
  if (and > 0 && whole(last.slice(and + 1))) pieces.splice(-1, 1, last.slice(0, and), last.slice(and + 1));
  const parts = [pieces[0]!, ...pieces.slice(1).map((p) => whole(p) ?? p)];
  const kinds = parts.map((p, k) => (k ? kindOf(p) : first));
  if (kinds.slice(1).some((k) => !k || !contrast(first, k))) return null;
  const stop = sentence.at(-1)?.pos === 'PUNCT' ? sentence.at(-1)! : { text: '.', lower: '.', pos: 'PUNCT', lemma: '.' };
  return parts.map((part, k) => {
    const capital = { ...part[0]!, text: part[0]!.text.charAt(0).toUpperCase() + part[0]!.text.slice(1), first: true };
    const [half, kind] = sentBy(needing(k ? [capital, ...part.slice(1)] : part), kinds[k]!);
    const sentence = [...half, stop];
    SENT.set(sentence, kind);
    return sentence;
  });
}

/**
 * "Small changes are made by the helpdesk. Large changes need approval from the change board." → "Large changes are
 * approved by the change board.": a kind set against the one before or after that needs someone's approval is the
 * step of that party on its way. Null when the sentence is no such kind or asks for nothing.
 */
export function neededKind(sentence: Sentence, previous: Sentence | undefined, next: Sentence | undefined): Sentence[] | null {
  const kind = kindIn(sentence);
  if (!kind) return null;
  const [before, after] = [kindIn(previous), kindIn(next)];
  if (!(before && contrast(before, kind)) && !(after && contrast(kind, after))) return null;
  const body = sentence.at(-1)?.pos === 'PUNCT' ? sentence.slice(0, -1) : sentence;
  const step = needing(body);
  if (step.length === body.length && step.every((t, k) => t === body[k])) return null;
  // (The kind is kept for the run it stands in: "For major claims, …" names it in words of its own.)
  const rewritten = step.at(-1)?.pos === 'PUNCT' ? step : [...step, ...sentence.slice(body.length)];
  SENT.set(rewritten, kind);
  return [rewritten];
}

/**
 * "silver get a callback", "medium ones within two days" after "Bronze members wait", "Small orders ship …": a case
 * that leaves out the thing, or the thing and its verb, told in full ("silver members get …", "medium orders ship
 * within …"). Null when the part does not leave them out.
 */
function elided(part: Token[], full: Token[]): Token[] | null {
  const verbAt = full.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  const head = full[verbAt - 1];
  const word = part[0];
  if (!head || !word || !['ADJ', 'NOUN', 'PROPN'].includes(word.pos) || plural(word.lower)) return null;
  const rest = part.slice(/^ones?$/.test(part[1]?.lower ?? '') ? 2 : 1);
  const subject = [{ ...word, pos: 'ADJ' }, { ...head, first: false }];
  if (['VERB', 'AUX'].includes(rest[0]?.pos ?? '') || (rest[0]?.pos === 'NOUN' && canBeVerb(rest[0].lower))) return [...subject, ...rest];
  // (The verb left out too: the first case's verb group, its own tokens, which the verb trace knows.)
  if (!['ADP', 'ADV', 'NUM', 'DET'].includes(rest[0]?.pos ?? '')) return null;
  let end = verbAt;
  while (['VERB', 'AUX', 'PART'].includes(full[end]?.pos ?? '')) end++;
  return [...subject, ...full.slice(verbAt, end), ...rest];
}

/**
 * "Large orders need the director's approval" → "Large orders are approved by the director", "Major claims require a
 * site visit by a loss adjuster" → "For major claims, a loss adjuster visits the site": the step asked for, read by
 * `needed-steps.ts` as every other need is; the approvals it does not read ("must get legal clearance") by `asStep`.
 */
function needing(half: Token[]): Token[] {
  const step = neededForKind(half);
  if (step) return step;
  const verbAt = half.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  return verbAt < 1 ? half : [...half.slice(0, verbAt), ...asStep(half.slice(verbAt))];
}

const MOVING = new Set(['go', 'ship', 'travel', 'move']);

/**
 * "Domestic orders ship by post" → "Ship domestic orders by post", "Small orders ship the same day" → "Ship small
 * orders the same day": a thing that goes somewhere by some means is sent
 * that way, a step of whoever sends it.
 */
function sentBy(half: Token[], kind: Kind): [Token[], Kind] {
  const verbAt = half.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  const verb = half[verbAt];
  // ("Small orders ship the same day": a thing that ships is shipped, by whatever means.)
  if (SERVED_PARTIES.has(kind.head) || !verb || !MOVING.has(thirdPersonBase(verb.lower)) || (half[verbAt + 1]?.lower !== 'by' && thirdPersonBase(verb.lower) !== 'ship')) return [half, kind];
  const send = thirdPersonBase(verb.lower) === 'ship' ? 'ship' : 'send';
  const subject = half.slice(0, verbAt).map((t) => ({ ...t, text: t.pos === 'PROPN' && t.first ? t.lower : t.text, pos: t.pos === 'PROPN' ? 'ADJ' : t.pos, first: false }));
  // (Retagged in place, its written word kept: the verb trace knows the sentence's own tokens.)
  Object.assign(verb, { lower: send, lemma: send, pos: 'VERB' });
  return [[verb, ...subject, ...half.slice(verbAt + 1)], kind];
}
