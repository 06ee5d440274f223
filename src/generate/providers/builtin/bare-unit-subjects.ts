// A unit named with no article at the start of a clause, before its verb in -s: "then staff checks the card",
// "otherwise support sends a reply", "provisioning activates the new SIM". Notes and chat messages drop the article,
// and the tagger then reads the unit word as an order ("Staff the card") and the verb as a noun. A word that names a
// unit or role (isAgentNoun), followed by a verb in -s and what it acts on, is the one who acts.
import { isAgentNoun } from './agents.ts';
import type { Token } from './tokens.ts';
import { thirdPersonBase } from './verb-lemma.ts';

// Words that may open the clause before its subject.
const OPENERS = new Set(['then', 'otherwise', 'else', 'next', 'finally', 'afterwards', 'also', 'first', 'so', 'and', 'meanwhile', 'later', 'now']);
const OBJECT_START = new Set(['DET', 'PRON', 'NUM', 'ADJ', 'NOUN', 'PROPN', 'ADP']);

/** Retags such a unit word as a noun and the word after it as its verb (in place). */
export function markBareUnitSubjects(tokens: Token[], canBeVerb: (word: string) => boolean): Token[] {
  for (let i = 0; i < tokens.length - 2; i++) {
    const [t, verb, after] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (t.pos !== 'VERB' || !isAgentNoun(t.lower)) continue;
    const opens = tokens.slice(0, i).every((w) => w.pos === 'PUNCT' || OPENERS.has(w.lower)) || [',', ';'].includes(tokens[i - 1]?.lower ?? '');
    const verbS = /^[a-z]+[^s]s$/.test(verb.lower) && ['VERB', 'NOUN'].includes(verb.pos) && canBeVerb(thirdPersonBase(verb.lower));
    if (!opens || !verbS || !OBJECT_START.has(after.pos)) continue;
    Object.assign(t, { pos: 'NOUN', lemma: t.lower });
    Object.assign(verb, { pos: 'VERB', lemma: thirdPersonBase(verb.lower) });
  }
  return tokens;
}
