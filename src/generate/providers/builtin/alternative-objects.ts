// Two things joined by "or" inside one object: "orders an X-ray or a CT scan", "issues either a refund or a voucher",
// "replaces the router or the switch". The text gives the alternatives no steps of their own, so they are one step
// whose label keeps both ("Order X-ray or CT scan"), never the first alone. Alternatives told as ways with steps of
// their own ("either issues a refund or offers a voucher", two verbs) are a choice and are read elsewhere.
import type { Phrase } from './phrase.ts';
import type { Reading } from './reading.ts';
import type { Token } from './tokens.ts';

// Words after "or" that name no second thing: "or not", "or more", "or otherwise".
const NO_THING = new Set(['not', 'more', 'less', 'fewer', 'otherwise', 'else', 'so', 'both', 'neither', 'none', 'whether', 'if']);
const DETERMINERS = new Set(['a', 'an', 'the', 'their', 'its', 'his', 'her', 'our', 'your', 'another', 'some', 'any']);

/** The words of the second thing after the object's "or", or null when the object has none. */
export function alternativeOf(r: Reading, object: Phrase): string[] | null {
  const last = (object.of ?? object).words.at(-1);
  let at = last ? r.rest.indexOf(last) + 1 : 0;
  if (at <= 0 || r.rest[at]?.lower !== 'or') return null;
  at++;
  while (DETERMINERS.has(r.rest[at]?.lower ?? '')) at++;
  const words: string[] = [];
  for (; at < r.rest.length; at++) {
    const t = r.rest[at]!;
    if (NO_THING.has(t.lower)) return null;
    if (['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(t.pos) || (t.text === '-' && words.length)) words.push(t.pos === 'PROPN' ? t.text : t.lower);
    // ("a CT scan.": the tagger's verb at the end of the thing is its noun.)
    else if (t.pos === 'VERB' && words.length && endsHere(r.rest[at + 1])) words.push(t.lower);
    else break;
  }
  // ("or a voucher is sent": a verb after it makes a clause of its own, not a second thing.)
  if (!words.length || !endsHere(r.rest[at]) || ['ADJ', 'NUM'].includes(tagAt(r, at - 1))) return null;
  return words;
}

const tagAt = (r: Reading, at: number) => r.rest[at]?.pos ?? '';
const endsHere = (t: Token | undefined) => !t || t.pos === 'PUNCT' || t.pos === 'ADP' || t.lower === 'and';

/**
 * "orders an X-ray or a CT scan.", "takes a blood sample and a urine test.": a plain verb form right after a singular
 * noun, at the end of a sentence that already has its verb, after "or"/"and" and an article, cannot be that noun's verb
 * (a singular subject takes "scans"): it is the last word of the second thing. Retags it as a noun (in place).
 */
export function markSecondThingNouns(tokens: Token[]): void {
  tokens.forEach((t, i) => {
    const before = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.pos !== 'VERB' || t.lower !== t.lemma || /s$/.test(t.lower) || (next && next.pos !== 'PUNCT')) return;
    if (!before || !['NOUN', 'PROPN'].includes(before.pos) || /[^s]s$/.test(before.lower)) return;
    let k = i - 1;
    while (['NOUN', 'PROPN', 'ADJ'].includes(tokens[k - 1]?.pos ?? '')) k--;
    // ("pays by card or bank transfer.": with no article, the second thing shares the first one's preposition.)
    const article = ['a', 'an'].includes(tokens[k - 1]?.lower ?? '');
    const joint = article ? k - 2 : k - 1;
    if (!['or', 'and'].includes(tokens[joint]?.lower ?? '') || !(article || afterPreposition(tokens, joint))) return;
    if (!tokens.slice(0, joint).some((w) => w.pos === 'VERB')) return;
    t.pos = 'NOUN';
  });
}

/** Whether the thing before the "or"/"and" at `joint` is a preposition's: "by card or …", "via email or …". */
function afterPreposition(tokens: Token[], joint: number): boolean {
  let k = joint - 1;
  if (!['NOUN', 'PROPN'].includes(tokens[k]?.pos ?? '')) return false;
  while (['NOUN', 'PROPN', 'ADJ'].includes(tokens[k - 1]?.pos ?? '')) k--;
  return tokens[k - 1]?.pos === 'ADP';
}
