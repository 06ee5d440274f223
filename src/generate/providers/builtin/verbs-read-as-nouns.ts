// A verb in -s the tagger read as a noun right after the one who acts, where English leaves no other reading:
// "The inspector records where the barriers are damaged" (a clause word follows: records is the verb), and
// "Nurse measures blood pressure and records it" (its twin in -s after "and" is a verb: so is it); and a lone word in
// a list of verbs: "Warehouse staff pick, pack and label the parcel"; a second verb after "or": "approves it or requests changes";
// a lone last way after "or": "either accepts the offer, proposes other dates or declines".
import { thirdPersonBase } from './verb-lemma.ts';
import type { Token } from './tokens.ts';

const CLAUSE_WORDS = new Set(['where', 'whether', 'that', 'how', 'what', 'which', 'when', 'if', 'who']);
const ACTING = new Set(['NOUN', 'PROPN']);

/** Retags such words as verbs (in place); `canBeVerb` says whether English uses the base as a verb. */
export function verbsReadAsNouns(tokens: Token[], canBeVerb: (word: string) => boolean): Token[] {
  const firstVerb = tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  tokens.forEach((t, i) => {
    if (t.pos !== 'NOUN' || (firstVerb >= 0 && firstVerb < i)) return;
    // The one who acts comes just before: "The inspector", "Nurse", "Warehouse staff"; a list of verbs may follow an
    // opening time ("At month end the clerks check, reconcile and post …"), the others open the sentence.
    const before = tokens.slice(0, i);
    if (!before.length || !ACTING.has(before.at(-1)!.pos)) return;
    const opens = !before.some((w, k) => w.pos !== 'DET' && !ACTING.has(w.pos) && !(k === 0 && w.pos === 'PUNCT'));
    const inS = /[^s]s$/.test(t.lower);
    const base = inS ? thirdPersonBase(t.lower) : t.lower;
    const next = tokens[i + 1];
    const beforeClause = inS && !!next && CLAUSE_WORDS.has(next.lower);
    const twin = inS && tokens.some((w, k) => k > i + 1 && tokens[k - 1]!.lower === 'and' && w.pos === 'VERB' && /[^s]s$/.test(w.lower));
    if (((opens && (beforeClause || twin)) || listOpens(tokens, i) || (!inS && beforeObjectPronoun(before, next))) && canBeVerb(base)) {
      t.pos = 'VERB';
      t.lemma = base;
    }
  });
  return lastListedVerb(coordinatedVerbs(listedVerbs(tokens, canBeVerb), canBeVerb), canBeVerb);
}

/**
 * "The client either accepts the offer, proposes other dates or declines.", "The candidate accepts, negotiates the
 * salary or declines.": a lone word in -s closing a list of the same one's verbs after "or" is the last way of the
 * choice. The list must show itself — "either" before the first verb, or a comma item that opens with a verb in -s —
 * so "handles complaints or returns." keeps its noun.
 */
function lastListedVerb(tokens: Token[], canBeVerb: (word: string) => boolean): Token[] {
  const inS = (w: Token | undefined) => !!w && w.pos === 'VERB' && /[^s]s$/.test(w.lower);
  tokens.forEach((t, i) => {
    if (t.pos !== 'NOUN' || tokens[i - 1]?.lower !== 'or' || !/[^s]s$/.test(t.lower)) return;
    const next = tokens[i + 1];
    if (next && !/^[.;!]$/.test(next.text)) return;
    const before = tokens.slice(0, i - 1);
    const either = before.some((w, k) => w.lower === 'either' && inS(before[k + 1]));
    const listed = before.some((w, k) => w.text === ',' && inS(before[k + 1])) && before.filter((w) => inS(w)).length >= 2;
    const base = thirdPersonBase(t.lower);
    if ((!either && !listed) || !canBeVerb(base)) return;
    t.pos = 'VERB';
    t.lemma = base;
  });
  return tokens;
}

// Pronouns that only stand as an object: "grade it", "review them".
const OBJECT_PRONOUNS = new Set(['it', 'them', 'him', 'us', 'me']);

/**
 * "The supervisor and the second examiner grade it": a base form right after the parties who act, with an object
 * pronoun after it, is their verb (no noun is followed by "it"); the parties may be listed and qualified.
 */
function beforeObjectPronoun(before: Token[], next: Token | undefined): boolean {
  if (!next || !OBJECT_PRONOUNS.has(next.lower)) return false;
  return before.every((w, k) => ['DET', 'ADJ', 'NOUN', 'PROPN', 'CCONJ'].includes(w.pos) || w.text === ',' || (k === 0 && w.pos === 'PUNCT'));
}

// What may open the object of a verb after "or"/"and": "or requests changes", "and signs the form", "or returns it".
const OBJECT_OPENERS = new Set(['DET', 'PRON', 'NOUN', 'PROPN', 'NUM']);

/**
 * "approves it or requests changes", "checks the form and signs it": a word in -s after "or"/"and", with a verb in -s
 * before and an object after, is a second verb of the same one who acts ("handles complaints and returns." keeps its
 * noun: nothing follows it); so is a base form after "or"/"and" when a base form after a modal or "either" came before
 * ("can approve it or request changes", "they either approve it or request changes").
 */
function coordinatedVerbs(tokens: Token[], canBeVerb: (word: string) => boolean): Token[] {
  tokens.forEach((t, i) => {
    if (t.pos !== 'NOUN' || !['or', 'and'].includes(tokens[i - 1]?.lower ?? '')) return;
    if (!OBJECT_OPENERS.has(tokens[i + 1]?.pos ?? '') || tokens[i - 2]?.pos === 'ADJ') return;
    const inS = /[^s]s$/.test(t.lower);
    const verbBefore = tokens.slice(0, i - 1).some((w, k) => w.pos === 'VERB' && (inS ? /[^s]s$/.test(w.lower) : afterBaseFormWord(tokens, k)));
    const base = inS ? thirdPersonBase(t.lower) : t.lower;
    if (!verbBefore || !canBeVerb(base)) return;
    t.pos = 'VERB';
    t.lemma = base;
  });
  return tokens;
}

// "can approve it or request changes", "they either accept it or send it back": a base form after a modal or "either".
const BEFORE_BASE_FORM = new Set(['can', 'may', 'must', 'should', 'will', 'could', 'might', 'shall', 'would', 'either']);
const afterBaseFormWord = (tokens: Token[], k: number) => BEFORE_BASE_FORM.has(tokens[k - 1]?.lower ?? '');

const LIST_LINKS = new Set([',', 'and', 'or']);

/** "The clerks check, sign and file the form": lone words up to "and"/"or" and a verb of the same form. */
function listOpens(tokens: Token[], i: number): boolean {
  const form = (w: Token) => /[^s]s$/.test(w.lower);
  let k = i + 1;
  while (tokens[k]?.text === ',' && tokens[k + 1] && !LIST_LINKS.has(tokens[k + 1]!.lower) && LIST_LINKS.has(tokens[k + 2]?.lower ?? '')) k += 2;
  if (tokens[k]?.text === ',') k++;
  const last = tokens[k + 1];
  return ['and', 'or'].includes(tokens[k]?.lower ?? '') && last?.pos === 'VERB' && form(last) === form(tokens[i]!);
}

/** "pick, pack and label the parcel": a lone word between a verb and the next list item is a verb too. */
function listedVerbs(tokens: Token[], canBeVerb: (word: string) => boolean): Token[] {
  tokens.forEach((t, i) => {
    if (t.pos !== 'NOUN' && t.pos !== 'ADJ') return;
    const [before, link, after, following] = [tokens[i - 2], tokens[i - 1], tokens[i + 1], tokens[i + 2]];
    if (before?.pos !== 'VERB' || link?.text !== ',' || !after || !LIST_LINKS.has(after.lower) || following?.pos !== 'VERB') return;
    const base = /[^s]s$/.test(before.lower) ? thirdPersonBase(t.lower) : t.lower;
    // The same form as its neighbours: "checks, signs and files", "pick, pack and label".
    if (/[^s]s$/.test(before.lower) !== /[^s]s$/.test(t.lower) || !canBeVerb(base)) return;
    t.pos = 'VERB';
    t.lemma = base;
  });
  return tokens;
}
