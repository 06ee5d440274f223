// The subject of a clause: where its verb group starts, and the noun phrase or pronoun before it.
import { isTimeWord } from './agents.ts';
import { readPhrase, type Phrase } from './phrase.ts';
import type { Reading } from './reading.ts';
import type { Token } from './tokens.ts';

const POSSESSIVES = new Set(['our', 'their', 'its', 'his', 'her', 'my', 'your']);
const PARTITIVES = new Set(['one', 'each', 'either', 'any', 'some', 'two', 'several', 'both']);
const PARTITIVE_PRONOUNS: Record<string, string | null> = { us: 'we', them: 'they', you: 'you' };
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they', 'who', 'which', 'this', 'that', 'everything']);

/**
 * Where the clause's verb group starts, passing over participles that modify a noun ("the defaulting accounts",
 * "the report related to the accident is searched").
 */
export function findVerbGroup(tokens: Token[]): number {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.pos === 'AUX') return k;
    if (t.pos !== 'VERB') continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    const attributive = !!prev && (prev.pos === 'DET' || prev.pos === 'ADJ' || POSSESSIVES.has(prev.lower)) && !!next && ['NOUN', 'PROPN', 'ADJ'].includes(next.pos);
    const later = tokens.slice(k + 1);
    // "Matched invoices are released": a participle opening a sentence before its noun describes the subject.
    const opening = (k === 0 || prev?.pos === 'PUNCT') && /(ed|ing)$/.test(t.lower) && ['NOUN', 'ADJ'].includes(next?.pos ?? '') && later.some((x) => x.pos === 'AUX');
    if (opening) continue;
    const reducedRelative = /(ed|ing)$/.test(t.lower) && !!prev && (prev.pos === 'NOUN' || prev.pos === 'PROPN') && later.some((x) => x.pos === 'AUX');
    const compound = /ing$/.test(t.lower) && prev?.pos === 'NOUN' && next?.pos === 'NOUN' && later.some((x) => x.pos === 'VERB' || x.pos === 'AUX');
    if (!attributive && !reducedRelative && !compound) return k;
  }
  return -1;
}

/**
 * Subject: the last noun phrase or pronoun before the verb group that is not inside a prepositional phrase or a
 * time expression ("Every weekday morning, the database is backed up"); sets subject, co-subjects, "both", adverbs.
 */
export function readSubject(tokens: Token[], firstVerb: number, r: Reading): void {
  for (let j = 0; j < firstVerb; j++) {
    const t = tokens[j]!;
    if (t.pos === 'PRON' && SUBJECT_PRONOUNS.has(t.lower)) {
      r.subjectPronoun = t.lower;
      r.subject = null;
      continue;
    }
    // "One of our nurses takes the sample", "each of the reviewers scores it": the role after "of" acts.
    if (PARTITIVES.has(t.lower) && tokens[j + 1]?.lower === 'of') {
      const whole = readPhrase(tokens, j + 2);
      const pronoun = whole.phrase?.head.pos === 'PRON' ? PARTITIVE_PRONOUNS[whole.phrase.head.lower] : undefined;
      if (whole.phrase && whole.end <= firstVerb && pronoun !== null) {
        r.subject = pronoun ? null : t.lower === 'one' || t.lower === 'each' || t.lower === 'either' ? oneOf(whole.phrase) : whole.phrase;
        r.subjectPronoun = pronoun ?? null;
        j = whole.end - 1;
        continue;
      }
    }
    if (t.pos === 'ADV') r.adverbs.push(t.lower);
    // "The MPON and the MPOO perform …": the first of coordinated subjects leads.
    if ((t.lower === 'and' || t.lower === 'or') && r.subject) {
      const skipped = readPhrase(tokens, j + 1);
      if (skipped.phrase) {
        // "The sales and marketing team reviews …": before a verb in the singular, the names joined by "and" are one.
        // (Only a bare name before "and": "the teaching assistants grade them and the lecturer checks" is two clauses.)
        const one = t.lower === 'and' && skipped.end === firstVerb && singular(tokens[firstVerb]) && !r.coSubjects.length && r.subject.words.length === 1 && tokens[j + 1]?.pos !== 'DET';
        if (one) r.subject = { ...skipped.phrase, words: [...r.subject.words, t, ...skipped.phrase.words] };
        else if (t.lower === 'and') r.coSubjects.push(skipped.phrase);
        j = skipped.end - 1;
      }
      continue;
    }
    // "The nurse, the doctor and the pharmacist …": a comma in a list of subjects that ends in "and" adds one.
    if (t.text === ',' && r.subject && tokens.slice(j + 1, firstVerb).some((x) => x.lower === 'and')) {
      const listed = readPhrase(tokens, j + 1);
      const goesOn = tokens[listed.end]?.lower === 'and' || tokens[listed.end]?.text === ',';
      if (listed.phrase && listed.end < firstVerb && goesOn) {
        r.coSubjects.push(listed.phrase);
        j = listed.end - 1;
        continue;
      }
    }
    // "… each review the chart", "both sign it": every one named does the step.
    if (t.lower === 'both' || (t.lower === 'each' && r.subject)) {
      r.both = true;
      continue;
    }
    if (t.pos === 'ADP' || t.pos === 'SCONJ' || t.lower === 'to') {
      const skipped = readPhrase(tokens, j + 1);
      if (skipped.phrase) {
        j = skipped.end - 1;
        const named = nameAfterOpening(skipped.phrase, skipped.end === firstVerb);
        if (named) {
          r.subject = named;
          r.subjectPronoun = null;
        }
      }
      continue;
    }
    // "the nurse taking vital signs": the verb group ends the subject, though "taking vital" could modify a noun.
    const whole = readPhrase(tokens, j);
    const { phrase, end } = whole.end > firstVerb + 1 ? readPhrase(tokens.slice(0, firstVerb), j) : whole;
    if (phrase && end <= firstVerb + 1) {
      if (!isTimeWord(phrase.head.lemma)) {
        // ("After the review Finance approves …": the connective is gone, the opening phrase runs into the name.)
        r.subject = nameAfterOpening(phrase, end === firstVerb) ?? phrase;
        r.subjectPronoun = null;
        // "a list … explaining the reason … is compiled": what follows the participle describes the subject.
        if (tokens[end]?.pos === 'VERB' && end < firstVerb) break;
      }
      j = end - 1;
    }
  }
}

/**
 * "On the first day, HR sets up …", "After the meeting Finance approves …": the comma is gone from the clause, so the
 * opening phrase runs into the name of who acts; the capitalised name before the verb is the subject.
 */
function nameAfterOpening(p: Phrase, beforeVerb: boolean): Phrase | null {
  // ("In the evening payroll calculates …": so does a name the tagger knows though it is written small.)
  const capital = (w: Token) => (/^[A-Z]/.test(w.text) || w.pos === 'PROPN') && !w.first;
  if (!beforeVerb || p.of || !capital(p.head)) return null;
  let k = p.words.length;
  while (k > 0 && capital(p.words[k - 1]!)) k--;
  const opening = p.words.slice(0, k);
  if (!opening.length || !opening.some((w) => w.pos === 'NOUN')) return null;
  const words = p.words.slice(k);
  return { words, head: words[words.length - 1]!, of: null };
}

/** A verb form that agrees with one subject: "reviews", "is", "has". */
function singular(t: Token | undefined): boolean {
  return !!t && ((t.pos === 'AUX' && ['is', 'was', 'has', 'does'].includes(t.lower)) || (t.pos === 'VERB' && /[^s]s$/.test(t.lower) && t.lower !== t.lemma));
}

/** "one of my masters" is one master: the role in the singular names the lane. */
function oneOf(p: Phrase): Phrase {
  const head: Token = { ...p.head, text: p.head.lemma, lower: p.head.lemma.toLowerCase() };
  return { ...p, words: p.words.map((w) => (w === p.head ? head : w)), head };
}
