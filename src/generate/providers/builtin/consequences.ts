// A kind of thing and what it leads to, told with no "if": "A poor assessment leads to a corrective action plan; a good
// one closes the audit.", "A damaged delivery results in a complaint to the supplier; an intact one is put into stock.",
// "A missing receipt leads to the rejection of the claim; otherwise the claim is paid." The kind is the condition of a
// way and the noun after "leads to" is the step on it ("corrective action is planned", "the claim is rejected", "a
// complaint is sent to the supplier"), so each clause is rewritten as the "If the assessment is poor, …" sentence the
// reader knows, and the two kinds become one choice instead of two steps in a row.
import { isMessage } from './message-nouns.ts';
import { verbOfNoun } from './nominal-steps.ts';
import { pastParticiple } from './events.ts';
import { readPhrase } from './phrase.ts';
import { type Sentence, type Token, COMMA, IF, STOP, THE, word } from './tokens.ts';

/** "leads to", "results in", "will lead to": the verb of a consequence and the word after it. */
const LEADING: Record<string, string> = { lead: 'to', result: 'in' };
const ONE = new Set(['one', 'ones']);

interface Kind {
  /** The thing's name, in the singular: "assessment", "test result". */
  thing: Token[];
  /** The words of the kind: "poor", "damaged". */
  kind: Token[];
  /** Where the rest of the clause starts, after the subject. */
  at: number;
}

const lowered = (t: Token): Token => ({ ...t, text: t.lower, first: false, pos: t.pos === 'PROPN' ? 'NOUN' : t.pos });
const be = (plural: boolean) => word(plural ? 'are' : 'is', 'AUX', 'be');
const leads = (clause: Token[], k: number) => LEADING[clause[k]?.lemma.toLowerCase() ?? ''] === clause[k + 1]?.lower;

/** "A poor assessment", "A positive test result", "a good one" (with the thing told before): a kind of thing opening a clause. */
function kindOf(clause: Token[], before: Token[] | null): Kind | null {
  const from = ['a', 'an', 'any', 'every'].includes(clause[0]?.lower ?? '') ? 1 : 0;
  // The subject ends at "one", or before the verb that says what it leads to (the tagger may take "build" for a verb).
  const one = clause.findIndex((t, k) => k > from && k <= from + 2 && ONE.has(t.lower));
  const lead = clause.findIndex((t, k) => k > from && (leads(clause, k) || (t.lower === 'will' && leads(clause, k + 1))));
  const n = one > 0 ? one : lead > 0 ? lead - 1 : -1;
  if (n < 0 || n - from > 3) return null;
  let k = from;
  while (k < n && (clause[k]!.pos === 'ADJ' || (clause[k]!.pos === 'VERB' && /ed$/.test(clause[k]!.lower)))) k++;
  if (k === from || clause.slice(k, n).some((t) => !['NOUN', 'PROPN', 'VERB'].includes(t.pos))) return null;
  const noun = clause[n]!;
  const thing = one > 0 ? before : [...clause.slice(k, n), { ...noun, text: noun.lemma.toLowerCase() }].map((t) => ({ ...lowered(t), pos: 'NOUN' }));
  if (!thing?.length) return null;
  return { thing, kind: clause.slice(from, k).map((t) => ({ ...lowered(t), pos: 'ADJ' })), at: n + 1 };
}

/**
 * "a corrective action plan" → "corrective action is planned"; "a rejection" → "the report is rejected" (the thing in
 * hand); "a complaint to the supplier" → "a complaint is sent to the supplier". Null when the noun names no step.
 */
function stepOfNoun(np: Token[], inHand: Token[]): { step: Token[]; made: Token } | null {
  const phrase = readPhrase(np, 0).phrase;
  if (!phrase) return null;
  const head = np.findIndex((t) => t === phrase.head);
  if (head < 0) return null;
  const after = np.slice(head + 1);
  if (isMessage(phrase) || (after[0]?.lower === 'to' && !verbOfNoun(phrase.head.lower))) {
    const made = word('sent', 'VERB', 'send');
    return { step: [...np.slice(0, head + 1), be(false), made, ...after], made };
  }
  const verb = verbOfNoun(phrase.head.lower);
  if (!verb || verb.includes(' ')) return null;
  // ("the rejection of the claim": what is done to, after "of"; "a corrective action plan": the words before the noun
  // when a noun is among them; else the thing in hand: "a rejection" of the report reviewed.)
  const of = after[0]?.lower === 'of';
  const modifiers = np.slice(0, head).filter((t) => t.pos !== 'DET');
  const done = of ? after.slice(1) : modifiers.some((t) => t.pos === 'NOUN') ? modifiers : inHand;
  if (!done.length) return null;
  const made = word(pastParticiple(verb), 'VERB', verb);
  return { step: [...done, be(false), made, ...(of ? [] : after)], made };
}

/** The thing the sentence before works on: "The manager reviews the expense report." → "the expense report". */
function objectOf(s: Sentence | undefined): Token[] {
  if (!s) return [];
  const verb = s.findIndex((t) => t.pos === 'VERB');
  if (verb < 0) return [];
  let end = verb + 1;
  while (['DET', 'ADJ', 'NOUN', 'PROPN'].includes(s[end]?.pos ?? '')) end++;
  const np = s.slice(verb + 1, end).filter((t) => t.pos !== 'DET');
  return np.length && ['NOUN', 'PROPN'].includes(np.at(-1)!.pos) ? [THE, ...np.map(lowered)] : [];
}

/** A way, and the verb it wrote in place of the text's own ("leads", "closes"), which takes its words once the choice stands. */
interface Way {
  way: Token[];
  thing: Token[];
  verb?: { made: Token; from: Token };
}

/** The way with the text's verb token rewritten to the words the reader wrote for it. */
function settled({ way, verb }: Way): Token[] {
  if (!verb) return way;
  const { text, lower, lemma, pos } = verb.made;
  Object.assign(verb.from, { text, lower, lemma, pos });
  return way.map((t) => (t === verb.made ? verb.from : t));
}

/** One clause with its kind read as a condition: "If the assessment is poor, corrective action is planned". */
function clauseWay(clause: Token[], before: Token[] | null, inHand: Token[]): Way | null {
  const kind = kindOf(clause, before);
  if (!kind) return null;
  const rest = clause.slice(kind.at);
  const condition = [IF, THE, ...kind.thing, be(false), ...kind.kind, COMMA];
  // "… leads to a corrective action plan", "… will result in the rejection of the claim".
  const v = rest[0]?.lower === 'will' ? 1 : 0;
  const leading = rest[v] && LEADING[rest[v]!.lemma.toLowerCase()];
  if (leading && rest[v + 1]?.lower === leading) {
    const step = stepOfNoun(rest.slice(v + 2), inHand);
    return step ? { way: [...condition, ...step.step], thing: kind.thing, verb: { made: step.made, from: rest[v]! } } : null;
  }
  // "an intact one is put into stock": done to the thing.
  if (rest[0]?.pos === 'AUX' && rest[1]?.pos === 'VERB' && before) return { way: [...condition, THE, ...kind.thing, be(false), ...rest.slice(1)], thing: kind.thing };
  // "a good one closes the audit": what the kind brings about, done by whoever has the work ("the audit is closed").
  if (rest[0]?.pos === 'VERB' && before && ['DET', 'NOUN', 'PROPN'].includes(rest[1]?.pos ?? '')) {
    const made = word(pastParticiple(rest[0]!.lemma.toLowerCase()), 'VERB', rest[0]!.lemma.toLowerCase());
    return { way: [...condition, ...rest.slice(1), be(false), made], thing: kind.thing, verb: { made, from: rest[0]! } };
  }
  return null;
}

/** The text with each "A poor X leads to Y; a good one …" told as the ways of a choice. */
export function consequenceWays(sentences: Sentence[]): Sentence[] {
  return sentences.flatMap((s, i) => {
    const end = s.at(-1)?.pos === 'PUNCT' ? s.length - 1 : s.length;
    const semicolon = s.findIndex((t) => t.text === ';');
    const first = s.slice(0, semicolon > 0 ? semicolon : end);
    // (Only a sentence that says what a kind leads to: "Damaged parcels are returned" is read by the kind rules.)
    if (!first.some((_, k) => leads(first, k))) return [s];
    const inHand = objectOf(sentences[i - 1]);
    const way = clauseWay(first, null, inHand);
    if (!way) return [s];
    const ways: Way[] = [way];
    if (semicolon > 0) {
      const second = s.slice(semicolon + 1, end);
      const other = second[0]?.lower === 'otherwise' ? null : clauseWay(second, way.thing, inHand);
      if (other) ways.push(other);
      else if (second[0]?.lower === 'otherwise') ways.push({ way: [{ ...second[0]!, text: 'Otherwise', first: true }, ...second.slice(1)], thing: [] });
      else return [s];
    }
    return ways.map(settled).map(([opener, ...rest]) => [{ ...opener!, first: true }, ...rest, STOP]);
  });
}
