// "The clerk archives rejected claims", "files approved invoices", "ships packed orders", "returns damaged goods": a
// past participle right before a noun describes that noun, it is not the step's verb. The tagger, seeing the
// participle as a verb, reads the real verb in -s as a noun of the subject ("clerk archives") and the step became
// "Reject claims"; the word before the participle is the verb, the participle a describing word.
import { thirdPersonBase } from './verb-lemma.ts';
import type { Token } from './tokens.ts';

const SINGULAR_SUBJECTS = new Set(['he', 'she', 'it', 'who']);
const PLURAL_SUBJECTS = new Set(['we', 'they', 'you', 'i', 'who']);
// Where a clause (and so a subject) may open: "If the order is complete, the warehouse ships packed orders".
const OPENERS = new Set([',', ';', ':', 'and', 'or', 'then']);

const inS = (w: string) => /^[a-z]+[^s]s$/.test(w);
// ("need", "seen", "open" end the same way but are no participles of another base.)
const isParticiple = (t: Token | undefined) => !!t && t.pos === 'VERB' && /^[a-z]+(?:ed|en)$/.test(t.lower) && t.lemma !== t.lower && !/(?:eed|een)$/.test(t.lower);
const isNoun = (t: Token | undefined) => !!t && (t.pos === 'NOUN' || t.pos === 'PROPN');

/** Retags, in place, such a verb read as a noun (its participle becomes a describing word). */
export function markParticipleObjects(tokens: Token[], canBeVerb: (word: string) => boolean): Token[] {
  tokens.forEach((t, i) => {
    if (t.pos !== 'NOUN' || !/^[a-z]+$/.test(t.lower)) return;
    const [participle, after] = [tokens[i + 1], tokens[i + 2]];
    if (!isParticiple(participle) || !(isNoun(after) || (after?.pos === 'ADJ' && isNoun(tokens[i + 3])))) return;
    const before = tokens[i - 1];
    if (!before) return;
    // The clause so far, from its last opening word: no verb in it yet ("The customer orders shipped …" has one after).
    let open = i - 1;
    while (open >= 0 && !OPENERS.has(tokens[open]!.lower) && tokens[open]!.pos !== 'SCONJ') open--;
    const clause = tokens.slice(open + 1, i);
    const verbBefore = tokens.slice(0, Math.max(open, 0)).findLast((w) => w.pos === 'VERB');
    // "grades submitted essays and returns marked papers": a second verb of the same form after "and"/"or"/",".
    const coordinated = clause.length === 0 && !!verbBefore && inS(verbBefore.lower) === inS(t.lower);
    const subject = clause.length > 0 && !clause.some((w) => w.pos === 'VERB' || w.pos === 'AUX') && (isNoun(before) || before.pos === 'PRON');
    if (!coordinated && !subject) return;
    // The verb agrees with its subject: "the clerk archives", "the clerks archive", "they file".
    const plural = before.pos === 'PRON' ? PLURAL_SUBJECTS.has(before.lower) : /[^s]s$/.test(before.lower) || ['staff', 'team', 'people', 'crew', 'police'].includes(before.lower);
    const singular = before.pos === 'PRON' ? SINGULAR_SUBJECTS.has(before.lower) : !/[^s]s$/.test(before.lower);
    if (!coordinated && !(inS(t.lower) ? singular : plural)) return;
    const base = inS(t.lower) ? thirdPersonBase(t.lower) : t.lower;
    if (!canBeVerb(base)) return;
    t.pos = 'VERB';
    t.lemma = base;
    participle!.pos = 'ADJ';
  });
  return tokens;
}
