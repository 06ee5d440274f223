// "raises an alert when CPU stays high", "acknowledges the alert and checks …", "signs off the close and sends …", "writes the post-mortem and shares it":
// the tagger reads a noun that is also a describing word as an adjective when nothing follows it in its phrase. An
// object that is only an article and that word, ending at "and", a comma, an adverb, a preposition or a subordinator, is a noun.
import { isThing } from './agents.ts';
import { LINKING_VERBS } from './lexicon.ts';
import type { Token } from './tokens.ts';

const ARTICLES = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'his', 'her', 'our', 'your', 'my']);
// Describing words that stand for a noun left out ("the same", "the latter"), never a thing of their own.
const ELLIPTIC = new Set(['same', 'other', 'others', 'next', 'last', 'following', 'former', 'latter', 'first', 'second', 'third', 'rest', 'remaining', 'above', 'below', 'whole', 'entire', 'best', 'most', 'least', 'new', 'old', 'final', 'necessary', 'relevant', 'appropriate', 'respective']);
const ENDS_PHRASE = new Set(['and', 'or', 'with', 'to', 'for', 'from', 'in', 'into', 'on', 'at', 'by', 'when', 'whenever', 'if', 'once', 'until', 'unless', 'before', 'after']);

// Describing words that say how someone or something ends up ("returns empty", "arrives late", "comes back clean").
const STATES = new Set(['empty', 'full', 'late', 'early', 'clean', 'dirty', 'ready', 'safe', 'free', 'open', 'fine', 'ok', 'okay', 'alone', 'together', 'ill', 'sick', 'well', 'busy', 'idle', 'live', 'due', 'short', 'low', 'high', 'dry', 'wet', 'hot', 'cold', 'warm', 'quiet', 'calm', 'intact', 'broken', 'unpaid', 'complete', 'correct', 'valid', 'invalid']);

/**
 * "guest returns key", "clerk files report": in a note the object follows a verb's -s form with no article; such a
 * word ending the clause is a noun (not after a linking verb: "stays high"). Run once the verbs are known, with the
 * article rule once more.
 */
export function markBareObjectNouns(tokens: Token[]): Token[] {
  for (let i = 1; i < tokens.length; i++) {
    const [verb, t, next] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]];
    if (t.pos !== 'ADJ' || ELLIPTIC.has(t.lower) || STATES.has(t.lower) || /(?:er|est|ed|ing|ive|ous|ful|less|able|ible|al|ic|ly)$/.test(t.lower)) continue;
    const ends = !next || next.pos === 'PUNCT' || ENDS_PHRASE.has(next.lower);
    if (verb.pos === 'VERB' && /[^s]s$/.test(verb.lower) && !LINKING_VERBS.has(verb.lemma) && ends) t.pos = 'NOUN';
  }
  // (Verbs the first pass did not know yet: "HR sends the offer right away".)
  markObjectNouns(tokens);
  return tokens;
}

/** Retags such adjectives as nouns, in place. */
export function markObjectNouns(tokens: Token[]): void {
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    // ("-er" is a comparative, "the larger", unless the word names a thing: "sends the offer right away".)
    if (t.pos !== 'ADJ' || !ARTICLES.has(tokens[i - 1]!.lower) || ELLIPTIC.has(t.lower) || /(?:est|ed|ing)$/.test(t.lower) || (/er$/.test(t.lower) && !isThing(t.lower))) continue;
    // An object: a verb, or a verb and its particle, stands before the article.
    const before = tokens[i - 2]!;
    const governed = before.pos === 'VERB' || (['ADP', 'ADV', 'PART'].includes(before.pos) && tokens[i - 3]?.pos === 'VERB');
    if (governed && (!next || next.pos === 'PUNCT' || next.pos === 'ADV' || ENDS_PHRASE.has(next.lower))) t.pos = 'NOUN';
  }
}
