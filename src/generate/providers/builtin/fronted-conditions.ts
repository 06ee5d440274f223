// Conditions told as a phrase before the clause, with no "if": a bound ("Above 10 kg, a second courier is booked",
// "Below freezing, the crew de-ices the plane", "Over 30 days late, the account is blocked"), a thing one has or lacks
// ("With a valid ID, the visitor gets a badge; without one, security escorts them") and a time that stands against the
// rest of the week ("On weekends, the on-call engineer handles the alert", "Outside office hours, …"). Each is written
// as the "If …," the reader knows, so the step gets a choice with a way that skips it. A plain time that only says when
// work is done ("On Mondays, …", "Every morning, …") and a manner ("Under the contract, …", "With a few clicks, …")
// are no conditions and stay as they are.
import { type Sentence, type Token, word, IF, COMMA } from './tokens.ts';

const THERE = word('there', 'PRON');
const IS = word('is', 'AUX', 'be');
const NO = word('no', 'DET');
const BOUND = new Set(['above', 'over', 'under', 'below', 'beyond', 'exceeding', 'between']);
const TWO_WORD_BOUNDS = new Set(['up to', 'more than', 'less than', 'fewer than', 'at least', 'at most', 'greater than', 'higher than', 'lower than']);
/** Nouns a bound may name instead of a number: "below freezing", "above the threshold", "over budget". */
const THRESHOLDS = new Set(['freezing', 'zero', 'threshold', 'limit', 'target', 'budget', 'minimum', 'maximum', 'cap', 'ceiling', 'tolerance', 'par', 'quota']);
/** Times that stand against the rest of the week or day: work done then is done only then. */
const OFF_TIMES = /^(on|at|during|over|outside|out of|after) (the )?(weekends?|weekend days|(public |bank )?holidays|nights?|night shifts?|(office|business|working|opening|normal) hours|hours)$/;
/** Things had "with" that say how, not on what condition: "with a few clicks", "with the help of …". */
const MANNERS = new Set(['click', 'clicks', 'few', 'little', 'bit', 'help', 'view', 'smile', 'call', 'note', 'copy', 'time']);

/** The sentence with its fronted condition written as "If …,", or the sentence itself when it opens with none. */
export function frontedAsIf(sentence: Sentence): Sentence {
  const comma = sentence.findIndex((t, i) => i > 0 && t.text === ',');
  if (comma < 2 || comma > 8 || sentence[0]?.lower === 'if') return sentence;
  const phrase = sentence.slice(0, comma);
  const words = phrase.map((t) => t.lower);
  const opener = phrase.map((t, i) => (i === 0 ? { ...t, text: t.lower, first: false } : t));
  if (bounded(words, phrase) || OFF_TIMES.test(words.join(' '))) return [IF, ...opener, ...sentence.slice(comma)];
  return hadThing(sentence, comma) ?? sentence;
}

/** "above 10 kg", "under €500", "below freezing", "more than 30 days late": a bound on a number or a named threshold. */
function bounded(words: string[], phrase: Sentence): boolean {
  const from = BOUND.has(words[0]!) ? 1 : TWO_WORD_BOUNDS.has(words.slice(0, 2).join(' ')) ? 2 : 0;
  if (!from) return false;
  return phrase.slice(from).some((t) => t.pos === 'NUM' || /^[$€£]?\d/.test(t.text)) || words.slice(from).some((w) => THRESHOLDS.has(w));
}

/**
 * "With a valid ID, the visitor gets a badge; without one, security escorts them" → "If there is a valid ID, …; if
 * there is no valid ID, …". A "with" phrase is a condition when "without" answers it, or when it is had with an
 * article ("With a referral, …") and is no manner; "without one" names the thing again.
 */
function hadThing(sentence: Sentence, comma: number): Sentence | null {
  if (sentence[0]?.lower !== 'with') return null;
  const thing = sentence.slice(1, comma);
  if (thing.some((t) => ['VERB', 'AUX', 'PRON', 'ADP'].includes(t.pos) && !/ed$/.test(t.lower)) || thing.some((t) => MANNERS.has(t.lower))) return null;
  const answer = sentence.findIndex((t, i) => i > comma && t.lower === 'without' && [';', ','].includes(sentence[i - 1]?.text ?? ''));
  if (answer < 0 && !['a', 'an'].includes(thing[0]?.lower ?? '')) return null;
  const bare = thing.filter((t) => !['a', 'an', 'the'].includes(t.lower));
  if (!bare.length) return null;
  const head: Token[] = [IF, THERE, IS, ...thing.map((t) => (t.lower === 'the' ? word('a', 'DET') : t))];
  if (answer < 0) return [...head, ...sentence.slice(comma)];
  // "without one", "without it", "without the ID": the same thing, missing.
  let end = answer + 1;
  while (end < sentence.length && sentence[end]!.text !== ',' && end < answer + 5) end++;
  if (sentence[end]?.text !== ',') return null;
  const missing = [word('if', 'SCONJ'), THERE, IS, NO, ...bare];
  return [...head, ...sentence.slice(comma, answer), ...missing, COMMA, ...sentence.slice(end + 1)];
}
