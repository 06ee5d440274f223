// The outcomes of a decision told in sentences of their own: "The nurse decides whether the patient needs admission.
// Admitted patients are taken to the ward. The others are sent home.", "The officer decides whether the applicant
// qualifies. Applicants who qualify receive an offer. Those who do not are sent a rejection.", "… decides how risky the
// shipment is. High-risk shipments are inspected …". Each sentence is one way of the decision, not a step after it:
// the kind ("admitted patients") or the relative ("applicants who qualify") is the way's condition, and "the others",
// "the rest", "those who do not" its other way. Two relatives about the same thing set against each other ("Students
// who pass … Students who fail …") are such ways even with no question before them. The sentences are rewritten into
// the "If …, …" and "Otherwise, …" the reader already knows.
import { type Sentence, type Token, IF, COMMA, THE, word } from './tokens.ts';
import { IRREGULAR_PLURALS, isPersonKind } from './person-kinds.ts';
import { chosenVerbs, namesChosenVerb } from './verb-choices.ts';

const OTHERWISE = word('Otherwise', 'ADV');
const THEY = word('they', 'PRON');
const ARE = word('are', 'AUX', 'be');
const BY = word('by', 'ADP');
/** Subjects that pick out anyone with a property: "Anyone who fails …", "Everyone who …". */
const ANYONE = new Set(['anyone', 'anybody', 'everyone', 'everybody', 'whoever']);
/** "Those without a valid form", "Those with a fever": a kind told by what it has. */
const WITH = new Set(['with', 'without']);

/** Verbs that put a question answered by "if" ("checks if the form is complete"); "whether" follows any verb. */
const ASKING_IF = new Set(['decide', 'determine', 'check', 'verify', 'assess', 'judge', 'establish', 'evaluate', 'confirm']);
/** Words before a plural that count or point rather than describe a kind: "All requests", "Other applicants". */
const NOT_KINDS = new Set(['all', 'some', 'many', 'most', 'few', 'several', 'both', 'other', 'such', 'these', 'those', 'the', 'any', 'each', 'every', 'no', 'their', 'its', 'our', 'new']);
/** The other way told as what is left: "The others", "The rest", "All other applicants", "Everyone else". */
const REST = /^(?:(?:all\s+)?the\s+(?:others|rest)|(?:all\s+)?others|(?:everyone|everybody|everything|anyone)\s+else|the\s+remaining\s+\w+|all\s+(?:the\s+)?other\s+\w+|other\s+\w+s)\b/;
/** "Those who do not", "those that are not", "those that don't": the rest told as the question's answer denied. */
const DENIED = /^those\s+(?:who|that|which)\s+(?:do|does|did|are|is|were|was|can|could)\s*(?:not|n't)\b/;
/** Nouns that name any case of the thing decided on: "Serious cases are seen by a doctor". */
const CASE_NOUNS = new Set(['case', 'one', 'request', 'item', 'application']);

interface Outcome {
  /** The rewritten sentence. */
  sentence: Sentence;
  /** The thing's plural noun ("patients"), for the rest's subject; null for the rest. */
  noun: Token | null;
  rest: boolean;
}

const plural = (t: Token | undefined) => !!t && /[^s]s$/.test(t.lower) && ['NOUN', 'PROPN'].includes(t.pos);
const lowered = (t: Token): Token => ({ ...t, text: t.lower, first: false });
const singular = (t: Token) => (t.pos === 'NOUN' ? t.lemma : t.lower.replace(/s$/, ''));
const isVerb = (t: Token | undefined) => ['VERB', 'AUX'].includes(t?.pos ?? '');

/** "Customers who are not approved …", "Staff that have not signed …": a plural narrowed by a relative that denies. */
function denies(s: Sentence): boolean {
  return plural(s[0]) && ['who', 'that', 'which'].includes(s[1]?.lower ?? '') && s.slice(2, 5).some((t) => t.lower === 'not' || t.lower === "n't");
}

/** "decides whether …", "checks if …", "decides how urgent it is": the sentence puts a question. */
function asksQuestion(s: Sentence): boolean {
  return s.some((t, i) => i > 0 && s[i - 1]!.pos === 'VERB' &&
    (t.lower === 'whether' || (t.lower === 'how' && s[i + 1]?.pos === 'ADJ') || (t.lower === 'if' && ASKING_IF.has(s[i - 1]!.lemma))));
}

/** "Admitted patients are taken …" → "If the patients are admitted, the patients are taken …". */
function kindOutcome(s: Sentence, before: Token | null = null): Outcome | null {
  let i = 0;
  const describing = (t: Token | undefined) => !!t && !NOT_KINDS.has(t.lower) && (['ADJ', 'PROPN'].includes(t.pos) || (t.pos === 'NOUN' && t.lower.includes('-')) || (t.pos === 'VERB' && /ed$/.test(t.lower)));
  while (i < 2 && describing(s[i]) && !(plural(s[i]) && isVerb(s[i + 1]))) i++;
  const noun = s[i];
  const verb = s[i + 1]?.pos === 'ADV' ? s[i + 2] : s[i + 1];
  if (i === 0 || !plural(noun) || !isVerb(verb)) return null;
  // ("Admitted" is the participle, read as such after "are".)
  // ("Invalid ones are returned": the thing of the way before.)
  const thing = noun!.lower === 'ones' ? before : lowered(noun!);
  if (!thing) return null;
  const kind = s.slice(0, i).map((t) => ({ ...lowered(t), pos: /ed$/.test(t.lower) && t.lemma !== t.lower ? 'VERB' : t.pos }));
  // (The thing is named in the condition too: "If high-risk, …" and "If low-risk, …" would not be read as one choice.)
  return { sentence: [IF, THE, thing, ARE, ...kind, COMMA, THE, thing, ...s.slice(i + 1)], noun: thing, rest: false };
}

/**
 * "Students who pass receive …" → "If the students pass, the students receive …"; "Those who fail …" → "If they fail,
 * they …". After a first way, a relative that denies ("Claims that are not covered are closed") is the other way.
 */
function relativeOutcome(s: Sentence, noun: Token | null, afterFirst = false): Outcome | null {
  // ("Anyone who fails the check …": any one of them, told in the singular.)
  const those = s[0]?.lower === 'those' || ANYONE.has(s[0]?.lower ?? '');
  const who = those ? 1 : plural(s[0]) ? 1 : -1;
  if (s[0]?.lower === 'those' && WITH.has(s[1]?.lower ?? '')) return withOutcome(s, noun);
  if (who < 0 || !['who', 'that', 'which'].includes(s[who]?.lower ?? '')) return null;
  // The relative ends where a verb follows a word that closes it ("who pass | receive", "that are not covered | are").
  let main = -1;
  for (let j = who + 2; j < s.length && main < 0; j++) {
    const prev = s[j - 1]!;
    if (isVerb(s[j]) && ((!isVerb(prev) && prev.pos !== 'PART' && prev.pos !== 'ADV') || prev.pos === 'VERB')) main = j;
  }
  const relative = s.slice(who + 1, main);
  if (main < 0 || !relative.some((t) => ['VERB', 'ADJ', 'AUX'].includes(t.pos)) || relative.some((t) => t.pos === 'PUNCT')) return null;
  const subject = those ? (noun ? [THE, noun] : [THEY]) : [THE, lowered(s[0]!)];
  if (afterFirst && relative.some((t) => t.lower === 'not' || t.lower === "n't")) return { sentence: [OTHERWISE, COMMA, ...subject, ...s.slice(main)], noun: null, rest: true };
  return { sentence: [IF, ...subject, ...relative, COMMA, ...subject, ...s.slice(main)], noun: those ? noun : lowered(s[0]!), rest: false };
}

/** "Those without a valid form are turned away" → "If they are without a valid form, they are turned away". */
function withOutcome(s: Sentence, noun: Token | null): Outcome | null {
  const main = s.findIndex((t, j) => j > 2 && isVerb(t));
  if (main < 0 || s.slice(2, main).some((t) => t.pos === 'PUNCT')) return null;
  const subject = noun ? [THE, noun] : [THEY];
  return { sentence: [IF, ...subject, ARE, ...s.slice(1, main), COMMA, ...subject, ...s.slice(main)], noun, rest: false };
}

/** "The others are sent home" → "Otherwise, the patients are sent home"; null when the sentence does not open with the rest. */
function restOutcome(s: Sentence, noun: Token | null): Outcome | null {
  const words = s.map((t) => t.lower).join(' ');
  const [rest, denied] = [REST.exec(words), DENIED.exec(words)];
  const m = rest ?? denied;
  if (!m) return null;
  let n = m[0].split(/\s+/).length;
  // ("Those who do not qualify are …": the denied verb's own words belong to the question.)
  if (!rest && s[n]?.pos === 'VERB') {
    n++;
    while (n < s.length && !isVerb(s[n])) n++;
  }
  if (!isVerb(s[n]) && !(s[n]?.pos === 'ADV' && isVerb(s[n + 1]))) return null;
  return { sentence: [OTHERWISE, COMMA, ...(noun ? [THE, noun] : [THEY]), ...s.slice(n)], noun: null, rest: true };
}

/**
 * The people "Those without a valid form" or "Anyone who fails" are among, when the sentence before names them
 * ("checks each visitor's form", "screens the staff"): a "they" would be read as the thing named last.
 */
function personBefore(s: Sentence): Token | null {
  // (Or whose thing was checked: "the drivers' papers", "each visitor's form".)
  const person = s.filter((t, i) => t.pos === 'NOUN' && (isPersonKind(IRREGULAR_PLURALS[t.lower] ?? singular(t)) || ["'s", "'"].includes(s[i + 1]?.lower ?? ''))).at(-1);
  return person ? lowered(person) : null;
}

/** Whether the kind is of the thing the question is about ("Urgent tickets" after "whether the ticket is urgent"). */
function about(noun: Token, question: Sentence, before: Sentence | undefined): boolean {
  return CASE_NOUNS.has(singular(noun)) || [...question, ...(before ?? [])].some((t) => t.pos === 'NOUN' && singular(t) === singular(noun));
}

/** Who puts the question: "The triage nurse" of "The triage nurse decides whether …"; null for a pronoun or no plain subject. */
function decider(question: Sentence): Token[] | null {
  const verb = question.findIndex((t) => t.pos === 'VERB');
  const subject = question.slice(0, verb);
  return verb > 1 && subject[0]!.pos === 'DET' && subject.slice(1).every((t) => ['NOUN', 'PROPN', 'ADJ'].includes(t.pos)) ? subject.map(lowered) : null;
}

/**
 * "The others are sent home" after "The triage nurse decides …": a way told in the passive with no one named is done
 * by whoever decided, not by the last party the text named ("… taken to the ward by a porter").
 */
function byDecider(s: Sentence, who: Token[] | null): Sentence {
  // (The way's own clause, after the condition's comma.)
  const comma = s.findIndex((t) => t.text === ',');
  const be = s.findIndex((t, i) => i > comma && t.lemma === 'be' && (s[i + 1]?.pos === 'VERB' || (s[i + 1]?.pos === 'ADV' && s[i + 2]?.pos === 'VERB')));
  if (!who || be < 0 || s.some((t) => t.lower === 'by')) return s;
  // (Right after the participle and its adverbs: "are sent home by …", "are released by … at once", where a later
  // agent is not read.)
  let end = s[be + 1]!.pos === 'ADV' ? be + 3 : be + 2;
  while (['ADV', 'PART'].includes(s[end]?.pos ?? '')) end++;
  // ("are sent a rejection by …": after the thing given.)
  if (['DET', 'NOUN', 'ADJ', 'NUM'].includes(s[end]?.pos ?? '')) end = s.at(-1)?.pos === 'PUNCT' ? s.length - 1 : s.length;
  return [...s.slice(0, end), BY, ...who, ...s.slice(end)];
}

/**
 * "Candidates who pass are invited; the others receive a letter.": a way and the rest set against it in one sentence
 * are told as two, each way a sentence of its own. Any other sentence is left whole.
 */
function restApart(s: Sentence): Sentence[] {
  const semicolon = s.findIndex((t) => t.text === ';');
  if (semicolon < 2) return [s];
  const [way, rest] = [[...s.slice(0, semicolon), word('.', 'PUNCT')], s.slice(semicolon + 1).map((t, i) => (i === 0 ? { ...t, first: true } : t))];
  // (A kind and the others in one sentence — "Complete applications are sent on; the others wait" — the kind rules read.)
  return restOutcome(rest, null) && relativeOutcome(way, null) ? [way, rest] : [s];
}

/** The sentences with the outcomes of a decision told after it rewritten as its ways. */
export function decidedOutcomes(told: Sentence[]): Sentence[] {
  const sentences = told.flatMap(restApart);
  const out = sentences.slice();
  // (From before the first sentence: a text may open with its ways, "Candidates who pass are invited; the others …".)
  for (let q = -1; q < sentences.length; q++) {
    // ("admits or discharges the patient": a choice whose first outcome must name one of its verbs.)
    const verbs = q >= 0 ? chosenVerbs(sentences[q]!) : null;
    const question = q >= 0 && (asksQuestion(sentences[q]!) || !!verbs);
    let noun: Token | null = null;
    let told = 0;
    for (let i = q + 1; i < sentences.length && told < 4; i++) {
      const s = sentences[i]!;
      const outcome: Outcome | null = told > 0 ? (restOutcome(s, noun) ?? relativeOutcome(s, noun, true) ?? kindOutcome(s, noun)) : (relativeOutcome(s, i > 0 ? personBefore(sentences[i - 1]!) : null) ?? kindOutcome(s));
      if (!outcome) break;
      // (With no question before, only two relatives about the same thing make a decision: "Students who pass … Students who fail …".)
      if (!question && told === 0) {
        const next = sentences[i + 1] && relativeOutcome(sentences[i + 1]!, null);
        // (Or one relative and the rest set against it: "Anyone who fails the check is sent home. The rest start work.")
        const rest = sentences[i + 1] && restOutcome(sentences[i + 1]!, null);
        const pair = !!next?.noun && !!outcome.noun && singular(next.noun) === singular(outcome.noun);
        // (Or a relative that denies, a case on its own whose other way does nothing: "Applicants who are not funded get feedback.")
        if (!relativeOutcome(s, null) || !(pair || rest || denies(s))) break;
      } else if (question && told === 0 && outcome.noun && !about(outcome.noun, sentences[q]!, sentences[q - 1])) break;
      else if (verbs && told === 0 && !namesChosenVerb(s.slice(0, s.findIndex(isVerb) + 1), verbs)) break;
      out[i] = question ? byDecider(outcome.sentence, decider(sentences[q]!)) : outcome.sentence;
      noun ??= outcome.noun;
      told++;
      if (outcome.rest) break;
    }
    if (told > 0) q += told;
  }
  return out;
}
