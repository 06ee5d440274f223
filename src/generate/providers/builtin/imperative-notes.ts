// Terse notes start each step with its verb and drop the articles: "check stock", "log call; assign tech", "ship,
// invoice". The tagger reads such a first word as a noun; a word that English uses as a verb ("we check the item")
// opening a fragment with a bare object and no other verb is the step's verb.
import { namesSomeone } from './agents.ts';
import { verbBase } from './labels.ts';
import { INTRANSITIVE_VERBS, NON_ACTIVITY_VERBS } from './lexicon.ts';
import { isPersonKind } from './person-kinds.ts';
import type { Token } from './tokens.ts';

/** Whether English uses the word as a verb. */
export type VerbTest = (word: string) => boolean;

const OBJECT = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
const ENDS_OBJECT = new Set(['PUNCT', 'ADP', 'CCONJ', 'SCONJ']);
/** Words that open a case before its comma. */
const CASE_OPENERS = new Set(['if', 'when', 'unless', 'where', 'otherwise', 'else']);

/**
 * Index just past the bare object run from `i`, or -1 when it is not followed by the end of its fragment; with the
 * index of a plural noun the tagger took for a verb ("Check amounts against the PO"), which is not "Order arrives at".
 */
function bareObject(tokens: Token[], i: number): { end: number; plural: Token | null } {
  const t = tokens[i];
  const plural = t?.pos === 'VERB' && /[^s]s$/.test(t.lower) && ['ADP', 'DET'].includes(tokens[i + 1]?.pos ?? '') && !INTRANSITIVE_VERBS.has(t.lemma) && !NON_ACTIVITY_VERBS.has(t.lemma) ? t : null;
  let k = plural ? i + 1 : i;
  while (OBJECT.has(tokens[k]?.pos ?? '')) k++;
  // "order in;" names an arrival: a lone word is a step only when it is the whole fragment ("deploy;").
  const ends = !tokens[k] || tokens[k]!.pos === 'PUNCT' || (k > i && ENDS_OBJECT.has(tokens[k]!.pos));
  return { end: ends ? k : -1, plural };
}

/**
 * Where the fragments start: the sentence's first word, and after ";" — after "," too when no word is a verb, or every
 * verb opens its part ("log ticket, assign engineer, fix fault, close ticket").
 */
function fragmentStarts(tokens: Token[]): number[] {
  const verbless = tokens.every((t, i) => t.pos !== 'VERB' || (t.lower === t.lemma && (i === 0 || tokens[i - 1]!.text === ',')));
  const starts = [0];
  tokens.forEach((t, i) => {
    if (t.text === ';' || (t.text === ',' && verbless)) starts.push(i + 1);
  });
  return starts;
}

/**
 * Steps opened inside a sentence, each running to its comma: after the comma that closes a short leading condition
 * ("If mismatch, note discrepancy, inform purchasing", "otherwise, file report") and after ", then" ("…, then inform
 * purchasing").
 */
function stepOpenings(tokens: Token[]): Array<[number, number]> {
  const opens: number[] = [];
  const closed = CASE_OPENERS.has(tokens[0]?.lower ?? '') ? tokens.findIndex((t) => t.text === ',') : -1;
  if (closed > 0 && closed <= 6) opens.push(closed + 1);
  tokens.forEach((t, i) => {
    if (t.text === ',' && tokens[i + 1]?.lower === 'then') opens.push(i + 2);
  });
  return opens.map((s) => {
    const comma = tokens.findIndex((t, j) => j > s && (t.text === ',' || t.text === ';'));
    return [s, comma < 0 ? tokens.length : comma];
  });
}

/** Marks the fragment's first word as its verb when it is one; `needsObject` for a fragment that may list nouns. */
function markFragment(tokens: Token[], start: number, end: number, canBeVerb: VerbTest, needsObject = false): void {
  const t = tokens[start];
  // ("couple requests date": a word for people that English also uses as a verb may still be the party.)
  const party = !!t && (namesSomeone({ words: [t], head: t, of: null }) || isPersonKind(t.lower));
  if (!t || (t.pos === 'VERB' && !party) || !['NOUN', 'PROPN', 'ADJ', 'VERB'].includes(t.pos) || !/^[A-Za-z][a-z]+$/.test(t.text)) return;
  const object = bareObject(tokens, start + 1);
  if (object.end < 0) return;
  const said = tokens.slice(start + 1, object.end);
  // "engineer fixes", "clerk checks eligibility": a party and its verb, not a step and its plural object (as in
  // "supplier invoices over 500 euros need approval", where a verb follows before the next comma).
  const comma = tokens.findIndex((x, j) => j >= object.end && (x.text === ',' || x.text === ';'));
  const verbAfter = tokens.slice(object.end, comma < 0 ? end : comma).some((x) => x.pos === 'VERB' || x.pos === 'AUX');
  const base = /[^siu]s$/.test(said[0]?.lower ?? '') && !verbAfter ? verbBase({ ...said[0]!, lemma: said[0]!.lower }) : '';
  if (base && party && canBeVerb(base)) {
    t.pos = t.pos === 'VERB' ? 'NOUN' : t.pos;
    said[0]!.pos = 'VERB';
    said[0]!.lemma = base;
    return;
  }
  // "Purchase requisitions over 500 euros need approval": a verb later in the fragment has its subject before it —
  // unless it is a second bare step after "and" ("close ticket and write a note in the log").
  const joined = tokens[object.end]?.pos === 'CCONJ' && tokens[object.end + 1]?.pos === 'VERB' && tokens[object.end + 1]!.lower === tokens[object.end + 1]!.lemma ? object.end + 2 : object.end;
  if (tokens.slice(joined, end).some((x) => x.pos === 'VERB' || x.pos === 'AUX')) return;
  if (needsObject && !said.length) return;
  if (t.pos === 'VERB' || !canBeVerb(t.lower)) return;
  t.pos = 'VERB';
  t.lemma = t.lower;
  if (object.plural) object.plural.pos = 'NOUN';
}

/** Marks the verb of each imperative note fragment ("check stock" → check/VERB); the tokens are changed in place. */
export function markImperativeNotes(tokens: Token[], canBeVerb: VerbTest): void {
  const starts = fragmentStarts(tokens);
  starts.forEach((start, n) => markFragment(tokens, start, starts[n + 1] ?? tokens.length, canBeVerb));
  for (const [start, end] of stepOpenings(tokens)) if (!starts.includes(start)) markFragment(tokens, start, end, canBeVerb);
  // "officer approves grant;": a bare word that ends the fragment right after its verb is the verb's object.
  tokens.forEach((t, i) => {
    const [verb, after] = [tokens[i - 1], tokens[i + 1]];
    if (t.pos === 'VERB' && t.lower === t.lemma && verb?.pos === 'VERB' && /[^s]s$/.test(verb.lower) && (!after || after.pos === 'PUNCT')) t.pos = 'NOUN';
  });
  // "pick items, pack box": after an imperative step with a bare object, a comma opens the next step (one with an
  // object of its own, so that "collect name, address" stays a list).
  const comma = tokens.findIndex((t) => t.text === ',');
  if (tokens[0]?.pos !== 'VERB' || comma < 2 || !tokens.slice(1, comma).every((t) => OBJECT.has(t.pos))) return;
  tokens.forEach((t, i) => {
    if (t.text !== ',' || starts.includes(i + 1)) return;
    const next = tokens.findIndex((x, j) => j > i && x.text === ',');
    markFragment(tokens, i + 1, next < 0 ? tokens.length : next, canBeVerb, true);
  });
}

/**
 * "user informed.", "patient registered.": a note of a bare noun and a participle the tagger took for an adjective is
 * a state reached, the participle a verb (`base` gives its verb, or null when it is none).
 */
export function markNotedState(tokens: Token[], base: (participle: string) => string | null): void {
  const words = tokens.filter((t) => t.pos !== 'PUNCT');
  const last = words.at(-1);
  if (!last || words.length < 2 || words.length > 4 || last.pos !== 'ADJ' || !/ed$/.test(last.lower)) return;
  if (!words.slice(0, -1).every((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return;
  const verb = base(last.lower);
  if (verb) Object.assign(last, { pos: 'VERB', lemma: verb });
}
