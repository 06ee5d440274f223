// Conditions written without "if": "Where the applicant is eligible, …", "Should the payment fail, …", "For orders
// over $500, …", a subject narrowed by an amount ("Invoices above 10,000 EUR are reviewed by …") and a kind of thing
// set against all of them ("Critical values are phoned through; all results are released"). Each is rewritten as the
// "If …" sentence the reader already understands; what happens to all of them becomes a sentence of its own, so it
// comes after the choice. A dash before such a condition ends the clause before it.
import { addedKindAsIf } from './added-kind-steps.ts';
import { bandOpened, nominalCase } from './amount-bands.ts';
import { notDoneInTime } from './deadlines.ts';
import { elidedConditions } from './elided-conditions.ts';
import { implicitChoice } from './implicit-choices.ts';
import { clauseAfterKind, kindOpenedEnd } from './kind-openers.ts';
import { asStep } from './relative-condition.ts';
import { kindBeforeRest, restAsOtherwise, restClauseAsOtherwise } from './rest-contrasts.ts';
import { stateKindAsIf } from './state-kinds.ts';
import { onlyAsIf } from './restrictive-only.ts';
import { type Sentence, type Token, IF, COMMA, THE } from './tokens.ts';
import { unlessAsIf, whenNeededAsIf, whenNotAsIf } from './if-synonyms.ts';
import { conditionWordsAsIf } from './condition-words.ts';
import { frontedAsIf } from './fronted-conditions.ts';
import { neededAsObtained } from './passive-needs.ts';
import { whenCasesAsIf } from './when-cases.ts';

/** "Where …" sentences in a row are the cases of one choice, whatever each is about: the lemma keeps the word. */
export const WHERE: Token = { ...IF, lemma: 'where' };
// Participles of a refusal that open a sentence as a condition ("Rejected claims …", "Declined orders …").
const REFUSED = new Set(['rejected', 'declined', 'refused', 'denied', 'failed', 'cancelled', 'canceled', 'returned', 'disputed']);
const COMPARATORS = new Set(['over', 'above', 'below', 'under', 'exceeding', 'beyond', 'upto']);
const ALL = new Set(['all', 'every', 'each', 'any']);
/** Words that start the amount after the noun: "over", "at or below", "of more than", "worth up to". */
const COMPARATOR_WORDS = new Set([...COMPARATORS, 'at', 'of', 'worth', 'up', 'valued', 'more', 'less', 'with']);

export function openConditions(written: Sentence, at = 0, text: Sentence[] = []): Sentence[] {
  const said = restClauseAsOtherwise(onlyAsIf(unlessAsIf(whenNotAsIf(whenNeededAsIf(conditionWordsAsIf(frontedAsIf(neededAsObtained(whenCasesAsIf(written, text[at - 1], text[at + 1])))))))));
  const elided = elidedConditions(said);
  if (elided) return elided;
  const implicit = implicitChoice(said, text[at - 1], text[at + 1]);
  if (implicit) return implicit;
  // "Above 10,000 EUR an expert is sent": a band of the amount opens one way of a choice on it.
  const band = bandOpened(said) ?? nominalCase(said);
  if (band) return [band];
  // "Orders not paid within 24 hours are cancelled": a deadline on the step and what happens once it has passed.
  const late = notDoneInTime(said);
  if (late) return [late];
  const sentence = coordinatedWhere(dashedConditions(said));
  const words = sentence.filter((t) => t.pos !== 'PUNCT' || t.text === ';' || t.text === ',');
  const first = words[0]?.lower ?? '';
  const comma = sentence.findIndex((t, i) => i > 1 && t.text === ',');
  const question = sentence.at(-1)?.text === '?';
  if (question) return [sentence];
  // "Where no exemption applies, …", "Should the payment fail, …": an opening condition, up to its comma.
  if (comma > 0 && (first === 'where' || first === 'wherever')) return [[WHERE, ...sentence.slice(1)]];
  if (comma > 0 && first === 'should' && ['DET', 'NOUN', 'PROPN', 'PRON'].includes(words[1]?.pos ?? '')) return [asIf(sentence, 1)];
  // "For orders over $500, …", "For urgent tickets the desk …": a class of things by amount or by kind.
  const kindEnd = first === 'for' ? amountAt(sentence, 1) || kindOpenedEnd(sentence) : 0;
  const kindStep = kindEnd > 0 ? clauseAfterKind(sentence, kindEnd) : null;
  if (kindStep) return [[IF, ...sentence.slice(1, kindEnd), COMMA, ...kindStep]];
  // "Rejected claims go back to the employee": a refusal's participle before the thing is the condition on it, the
  // other way of the decision before ("If rejected, the claims go back …").
  // ("Approved claims are paid. Rejected claims are returned.": two kinds in a row are read as one contrast.)
  const before = text[at - 1];
  const contrasted = !!before && /ed$/.test(before[0]?.lower ?? '') && before[1]?.lower === sentence[1]?.lower;
  const refused = REFUSED.has(first) && !contrasted && sentence[1]?.pos === 'NOUN' && /s$/.test(sentence[1].lower) && ['VERB', 'AUX'].includes(sentence[2]?.pos ?? '');
  if (refused) return [[IF, { ...sentence[0]!, text: first, pos: 'VERB' }, COMMA, THE, ...sentence.slice(1)]];
  // "Emergencies are passed to the contractor. For everything else …": a kind, then the rest.
  const rest = restAsOtherwise(sentence, text[at - 1]) ?? kindBeforeRest(sentence, text[at + 1]);
  if (rest) return [rest];
  const found = !contrasted && stateKindAsIf(sentence, at, text);
  if (found) return found;
  const added = addedKindAsIf(sentence, at);
  if (added) return [added];
  // "Invoices above 10,000 EUR are reviewed by the supervisor": the amount narrows the subject.
  const narrowed = amountAt(sentence, 0);
  // ("Claims over 500 EUR also need …": an adverb may come before the verb.)
  const verbAt = sentence[narrowed]?.pos === 'ADV' ? narrowed + 1 : narrowed;
  if (narrowed > 0 && ['AUX', 'VERB'].includes(sentence[verbAt]?.pos ?? '')) return [narrowedStep(sentence, narrowed)];
  return contrastWithAll(sentence) ?? narrowedObject(sentence) ?? [sentence];
}

const SKIPS = new Set(['skip', 'bypass']);

/**
 * "The supervisor reviews invoices above 10,000 EUR; invoices at or below 10,000 EUR skip the review" → "If invoices
 * above 10,000 EUR, the supervisor reviews invoices": the amount narrows the object, and those that skip the step
 * take the other way, which goes straight on. Null when no object is narrowed by an amount.
 */
function narrowedObject(sentence: Sentence): Sentence[] | null {
  const cut = sentence.findIndex((t) => t.text === ';');
  const rest = cut > 0 ? sentence.slice(cut + 1) : [];
  const restEnd = amountAt(rest, 0);
  const skipping = restEnd > 0 && SKIPS.has(rest[restEnd]?.lemma ?? '');
  const main = cut > 0 && skipping ? sentence.slice(0, cut) : sentence;
  // "The supervisor reviews invoices …": the tagger may read the verb as a plural noun after the subject.
  const misread = main[0]?.pos === 'DET' && main[1]?.pos === 'NOUN' && main[2]?.pos === 'NOUN' && /[^s]s$/.test(main[2].lower) ? 2 : -1;
  const verb = misread > 0 ? misread : main.findIndex((t) => t.pos === 'VERB');
  // A sentence that already states a condition keeps it: the amount would be a second one inside its branch.
  if (verb < 1 || main.some((t) => ['if', 'when', 'unless', 'whether', 'once'].includes(t.lower))) return null;
  for (let k = verb + 1; k < main.length; k++) {
    const end = amountAt(main, k);
    if (end <= 0 || !(main[end] === undefined || main[end]!.pos === 'PUNCT')) continue;
    if (misread > 0) Object.assign(main[misread]!, { pos: 'VERB', lemma: main[misread]!.lower.replace(/s$/, '') });
    let np = k;
    while (np < end && !COMPARATOR_WORDS.has(main[np]!.lower)) np++;
    return [[IF, ...main.slice(k, end), COMMA, ...main.slice(0, np), ...main.slice(end), ...(main === sentence ? [] : sentence.slice(-1))]];
  }
  return null;
}

const SEMICOLON: Token = { text: ';', lower: ';', pos: 'PUNCT', lemma: ';' };

/** "checks every receipt – if something's missing, …": a dash before a condition ends a clause, as a semicolon does. */
function dashedConditions(sentence: Sentence): Sentence {
  return sentence.map((t, i) => (/^[–—-]$/.test(t.text) && ['if', 'unless', 'where', 'otherwise'].includes(sentence[i + 1]?.lower ?? '') ? SEMICOLON : t));
}

/** The sentence with its first `drop` words replaced by "If". */
function asIf(sentence: Sentence, drop: number): Sentence {
  return [IF, ...sentence.slice(drop)];
}

/**
 * Where a plural noun phrase qualified by an amount ends ("orders over $ 500", "invoices at or below 10,000 EUR"),
 * starting at `from`; 0 when there is none.
 */
function amountAt(sentence: Sentence, from: number): number {
  let i = from;
  if (sentence[i]?.pos === 'DET' && !ALL.has(sentence[i]!.lower)) return 0;
  if (ALL.has(sentence[i]?.lower ?? '')) i++;
  const np = i;
  // ("Approved claims over 1,000 EUR …": a participle may describe the thing first.)
  if (sentence[i]?.pos === 'VERB' && /ed$/.test(sentence[i]!.lower) && sentence[i + 1]?.pos === 'NOUN') i++;
  while (['ADJ', 'NOUN', 'PROPN'].includes(sentence[i]?.pos ?? '') && !comparative(sentence, i)) i++;
  // A mass noun may be narrowed by a comparison too: "milk warmer than 6 degrees".
  if (i === np || !(/s$/.test(sentence[i - 1]!.lower) || comparative(sentence, i))) return 0;
  // "at or below", "of more than", "worth over", "greater than".
  let j = i;
  // "with a value over 1M", "with a total weight above 30 kg": the measure named before the comparison.
  if (sentence[j]?.lower === 'with' && ['a', 'an'].includes(sentence[j + 1]?.lower ?? '')) {
    j += 2;
    while (['ADJ', 'NOUN'].includes(sentence[j]?.pos ?? '') && !COMPARATORS.has(sentence[j]!.lower)) j++;
    if (j === i + 2) return 0;
  }
  // "of $1,000 or more": the comparison comes after the amount.
  const trailing = sentence[j]?.lower === 'of' && isAmountStart(sentence[j + 1]);
  const comparison = j;
  while (!trailing && j < comparison + 4 && sentence[j] && !COMPARATORS.has(sentence[j]!.lower) && !['than', 'to'].includes(sentence[j]!.lower)) {
    if (!['at', 'or', 'of', 'more', 'less', 'greater', 'higher', 'lower', 'worth', 'up', 'valued'].includes(sentence[j]!.lower) && !comparative(sentence, j)) return 0;
    j++;
  }
  if (!sentence[j]) return 0;
  j++;
  if (isAmountStart(sentence[j]) && sentence[j]!.pos !== 'NUM') j++;
  if (sentence[j]?.pos !== 'NUM') return 0;
  j++;
  // "10,000 EUR", "500 dollars", "5 kg".
  while (sentence[j] && ['PROPN', 'NOUN', 'SYM'].includes(sentence[j]!.pos) && (j < sentence.length - 1 || from > 0)) j++;
  if (!trailing) return j;
  const more = ['or', 'and'].includes(sentence[j]?.lower ?? '') && TRAILING_COMPARATORS.has(sentence[j + 1]?.lower ?? '');
  return more ? j + 2 : 0;
}

/** "older than", "warmer than", "heavier than": a comparative adjective and its "than". */
function comparative(sentence: Sentence, at: number): boolean {
  const t = sentence[at];
  return !!t && /[a-z]{2}er$/.test(t.lower) && ['ADJ', 'ADV'].includes(t.pos) && sentence[at + 1]?.lower === 'than';
}

const TRAILING_COMPARATORS = new Set(['more', 'above', 'over', 'higher', 'greater', 'less', 'below', 'under', 'lower', 'fewer']);

/** A number, or the currency sign before one. */
function isAmountStart(t: Token | undefined): boolean {
  return !!t && (t.pos === 'NUM' || t.pos === 'SYM' || /^[$€£]$/.test(t.text));
}

/** "Invoices above 10,000 EUR are reviewed by X" → "If invoices above 10,000 EUR, invoices are reviewed by X". */
function narrowedStep(sentence: Sentence, end: number): Sentence {
  const subject = sentence.slice(0, end);
  let head = subject.findIndex((t, i) => i > 0 && COMPARATOR_WORDS.has(t.lower));
  if (head < 0) head = 1;
  // ("Approved claims over 1,000 EUR also need …": the participle tells the way already taken, not this condition.)
  const told = subject[0]?.pos === 'VERB' ? 1 : 0;
  return [IF, ...subject.slice(told).map(lowerFirst), COMMA, ...subject.slice(0, head).map(lowerFirst), ...asStep(sentence.slice(end))];
}

/**
 * "Critical values are phoned through to the ward; all results are released": the kind ("critical values") is a
 * condition on its step, and what is done with all of them follows the choice. Null when the sentence has no such pair.
 */
function contrastWithAll(sentence: Sentence): Sentence[] | null {
  const cut = sentence.findIndex((t) => t.text === ';');
  if (cut < 2) return null;
  const parts = [sentence.slice(0, cut), sentence.slice(cut + 1)];
  const allAt = parts.findIndex((p) => ALL.has(p[0]?.lower ?? '') && ['NOUN', 'PROPN'].includes(p[1]?.pos ?? ''));
  if (allAt < 0) return null;
  const kind = parts[1 - allAt]!;
  // A qualified plural with no article: "critical values" against "all results", "urgent orders" against "all orders".
  const at = kind.findIndex((t, i) => i > 0 && t.pos === 'NOUN' && /s$/.test(t.lower) && ['AUX', 'VERB'].includes(kind[i + 1]?.pos ?? ''));
  const qualified = kind.slice(0, at).some((t) => t.pos === 'ADJ' || (t.first && t.pos === 'PROPN'));
  if (at < 1 || at > 3 || !qualified || !kind.slice(0, at).every((t) => ['ADJ', 'PROPN', 'NOUN', 'VERB'].includes(t.pos))) return null;
  const conditional = [IF, ...kind.slice(0, at + 1).map(lowerFirst), COMMA, ...kind.map(lowerFirst)];
  const everyone = [...parts[allAt]!, ...(sentence.at(-1)?.pos === 'PUNCT' && allAt === 0 ? [sentence.at(-1)!] : [])];
  return allAt === 1 ? [conditional, everyone] : [everyone, conditional];
}

/** The sentence's first word, tagged a name only for its capital, is an ordinary word again (other tokens stay themselves, for the trace). */
function lowerFirst(t: Token): Token {
  return t.first && t.pos === 'PROPN' ? { ...t, text: t.lower, pos: /s$/.test(t.lower) ? 'NOUN' : 'ADJ', first: false } : t;
}

/**
 * "… checks the form and, where something is missing, asks the applicant for it": after "and" (or "and,") a "where"
 * clause closed by a comma is a condition, as "if" is there. (After a noun, ", where it is archived" is a relative.)
 */
function coordinatedWhere(sentence: Sentence): Sentence {
  return sentence.map((t, i) => {
    if (t.lower !== 'where' && t.lower !== 'wherever') return t;
    const and = sentence[i - 1]?.text === ',' ? sentence[i - 2] : sentence[i - 1];
    const closed = sentence.slice(i + 2).some((x) => x.text === ',');
    return and && (and.lower === 'and' || and.lower === 'or') && closed ? WHERE : t;
  });
}
