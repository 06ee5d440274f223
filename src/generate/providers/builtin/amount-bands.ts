// Amounts and scores split into bands, each with what happens in it: "Between 1,000 and 10,000 EUR the team lead
// approves the payment. Above 10,000 EUR an expert is sent." — a band opening a sentence is the condition of one way
// of a choice on the amount ("Where between 1,000 and 10,000 EUR, …"), and the bands in a row are the ways of that
// one choice. In notes the action of a band may be told as a noun: "600-700 -> manual review by analyst" is the
// analyst reviewing manually, so the band stays a way with a step, not a note the case line cannot read.
import { verbOfNoun } from './nominal-steps.ts';
import { WHERE } from './condition-openers.ts';
import { COMMA, THE, type Sentence, type Token, word } from './tokens.ts';

/** Words that set a bound before an amount: "above 700", "less than 1 kg", "up to 500 euros". */
const BOUNDS = new Set(['above', 'over', 'below', 'under', 'beyond', 'exceeding']);
const TWO_WORD_BOUNDS = new Set(['more than', 'less than', 'fewer than', 'up to', 'at least', 'at most', 'greater than', 'lower than', 'higher than']);

/** Where an amount that starts at `i` ends: a number and its unit ("10,000 EUR", "$500", "20 kg"); -1 if no number. */
function amountEnd(s: Sentence, i: number): number {
  let k = i;
  if (/^[$€£]$/.test(s[k]?.text ?? '')) k++;
  if (s[k]?.pos !== 'NUM') return -1;
  k++;
  // ("10,000 EUR", "20 kg", "5 points", "3 days": one short unit after the number.)
  const unit = s[k];
  if (unit && ['PROPN', 'NOUN', 'SYM'].includes(unit.pos) && unit.text.length <= 8 && !/^(the|a|an)$/i.test(unit.text) && s[k + 1]?.pos !== 'VERB' && s[k + 1]?.pos !== 'AUX') k++;
  return k;
}

/** Where a band opening the sentence ends ("between 1,000 and 10,000 EUR", "above 10,000 EUR", "600–700"); 0 if none. */
function bandEnd(s: Sentence): number {
  const [a, b] = [s[0]?.lower ?? '', s[1]?.lower ?? ''];
  // ("between 1,000 and 10,000 EUR", "from 2 to 30 kg")
  if (a === 'between' || a === 'from') {
    const first = amountEnd(s, 1);
    return first > 0 && s[first]?.lower === (a === 'from' ? 'to' : 'and') ? Math.max(0, amountEnd(s, first + 1)) : 0;
  }
  if (BOUNDS.has(a)) return Math.max(0, amountEnd(s, 1));
  if (TWO_WORD_BOUNDS.has(`${a} ${b}`)) return Math.max(0, amountEnd(s, 2));
  // ("600–700 points, …": a range written with a dash.)
  if (s[0]?.pos === 'NUM' && /^\d[\d,.]*[–-]\d[\d,.]*$/.test(s[0].text)) return amountEnd(s, 0);
  return 0;
}

/**
 * "Between 1,000 and 10,000 EUR the team lead approves the payment." / "Above 10,000 EUR, an expert is sent." →
 * "Where between 1,000 and 10,000 EUR, …": the band is the condition of its way; null when the sentence does not open
 * with a band and then say what happens in it.
 */
export function bandOpened(sentence: Sentence): Sentence | null {
  const end = bandEnd(sentence);
  if (end <= 0) return null;
  const comma = sentence[end]?.text === ',';
  const rest = sentence.slice(comma ? end + 1 : end);
  // ("Over 200 customers use the portal": a counted subject, no band.)
  if (!comma && rest[0]?.pos === 'NOUN' && ['VERB', 'AUX'].includes(rest[1]?.pos ?? '')) return null;
  if (!rest.some((t) => t.pos === 'VERB' || t.pos === 'AUX') || !['DET', 'NOUN', 'PROPN', 'PRON', 'ADJ', 'VERB'].includes(rest[0]?.pos ?? '')) return null;
  const band = sentence.slice(0, end).map((t, i) => (i === 0 ? { ...t, text: t.lower, first: false } : t));
  // ("from 2 to 30 kg" → "2–30 kg": a range as a modeller writes it on the way.)
  if (band[0]!.lower === 'from') {
    const to = band.findIndex((t) => t.lower === 'to');
    const [low, high] = [band.slice(1, to).map((t) => t.text).join(''), band[to + 1]!];
    band.splice(0, to + 2, { ...high, text: `${low}–${high.text}`, lower: `${low}–${high.lower}`.toLowerCase() });
  }
  return [WHERE, ...band, COMMA, ...rest];
}

/** "manual" → "manually", "full" → "fully", "basic" → "basically": the manner of a step told as an adjective. */
function adverbOf(adjective: string): string {
  if (/ic$/.test(adjective)) return `${adjective}ally`;
  if (/ll$/.test(adjective)) return `${adjective}y`;
  if (/[^aeiou]y$/.test(adjective)) return `${adjective.slice(0, -1)}ily`;
  if (/le$/.test(adjective)) return `${adjective.slice(0, -1)}y`;
  return `${adjective}ly`;
}

/**
 * "manual review by analyst" → "the analyst reviews manually", "full inspection" → "inspect fully": told as the
 * clause it stands for: the noun of an action (with its manner before it and its doer after "by") in a note's case.
 * Null when the words are no such noun; with `apply` false, only whether they are (the clause as it is).
 */
export function nominalOrder(clause: Token[], apply = true): Token[] | null {
  const words = clause.filter((t) => t.pos !== 'PUNCT');
  if (!words.length || words.some((t) => t.pos === 'AUX')) return null;
  const by = words.findIndex((t) => t.lower === 'by');
  const head = by > 0 ? by - 1 : words.length - 1;
  const noun = words[head]!;
  const before = words.slice(0, head);
  if (noun.pos !== 'NOUN' || !before.every((t) => t.pos === 'ADJ') || before.length > 2) return null;
  const verb = verbOfNoun(noun.lower);
  if (!verb) return null;
  const doer = by > 0 ? words.slice(by + 1).filter((t) => !['the', 'a', 'an'].includes(t.lower)) : [];
  if (by > 0 && (!doer.length || doer.length > 3 || !doer.every((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ'))) return null;
  const inflected = /(s|sh|ch|x|z|o)$/.test(verb) ? `${verb}es` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`;
  if (!apply) return clause;
  // (Retagged in place: the verb trace knows the sentence's own tokens, so the step is traced to the noun.)
  Object.assign(noun, { text: doer.length ? inflected : verb, lower: doer.length ? inflected : verb, pos: 'VERB', lemma: verb });
  const manner = before.map((t) => word(adverbOf(t.lower), 'ADV'));
  return doer.length ? [THE, ...doer, noun, ...manner] : [noun, ...manner];
}

// "score above 700", "below 600", "600-700", "< 1 kg", "up to 2 kg", "7 or higher", "Score 4-6": a band of an amount,
// with the thing measured before it at most.
const BAND_TEXT = new RegExp(
  String.raw`^(?:[a-z]+\s+){0,2}(?:(?:above|over|below|under|beyond|between|from|up to|at least|at most|more than|less than|[<>≤≥]=?)\s*[$€£]?\d|[$€£]?\d[\d,.]*\s*(?:[–-]\s*\d[\d,.]*|(?:or|and)\s+(?:more|less|higher|lower|above|below|over|under)\b))`,
  'i',
);

/** Whether a case's label names a band of an amount ("score above 700", "600-700", "Score 7 or higher"). */
export function isBandText(label: string): boolean {
  const words = label.trim().split(/\s+/);
  return words.length <= 6 && BAND_TEXT.test(label.trim());
}

/**
 * "Where 600-700, manual review by an analyst." → "Where 600-700, the analyst reviews manually.": a case of a band
 * whose action a note told as a noun; null for any other sentence.
 */
export function nominalCase(sentence: Sentence): Sentence | null {
  if (!['if', 'where'].includes(sentence[0]?.lower ?? '')) return null;
  const comma = sentence.findIndex((t) => t.text === ',');
  const label = sentence.slice(1, comma).map((t) => t.text).join(' ');
  if (comma < 2 || !isBandText(label)) return null;
  const clause = sentence.slice(comma + 1);
  if (clause.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return null;
  const order = nominalOrder(clause);
  // (A written "Where" is read as the cases of one choice, as the reader's own "Where" is.)
  const opener = sentence[0]!.lower === 'where' ? WHERE : sentence[0]!;
  return order ? [opener, ...sentence.slice(1, comma + 1), ...order, ...sentence.slice(-1).filter((t) => t.pos === 'PUNCT')] : null;
}
