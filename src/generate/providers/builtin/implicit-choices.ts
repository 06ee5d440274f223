// Choices written without "if" whose cases the writer only lines up: "Complete forms go to review; otherwise …" (a
// qualified subject before "otherwise"), "Claims below €500 are paid. Larger claims go to an adjuster." (a comparative
// naming the other side of an amount), "Orders under $100: …; larger orders: …" and "approved — …; declined — …"
// (labelled cases in one sentence), "No receipt, no refund" and "Without a receipt, …" (a missing thing). Each is
// rewritten as the "If …" / "Otherwise …" sentences the reader already understands.
import { isBandText, nominalOrder } from './amount-bands.ts';
import { choiceBetween, eitherObject, eitherParty, kindCases, lackingSubject } from './choice-phrasings.ts';
import { WHERE } from './condition-openers.ts';
import { decisionList } from './decision-lists.ts';
import { kindsApart, neededKind } from './contrasted-kinds.ts';
import { ACTION_NOUNS, asStep } from './relative-condition.ts';
import { type Sentence, type Token, word } from './tokens.ts';

const IF = word('If', 'SCONJ', 'if');
const OTHERWISE = word('Otherwise', 'ADV', 'otherwise');
const COMMA = word(',', 'PUNCT');
const THERE = word('there', 'PRON');
const IS = word('is', 'AUX', 'be');
const ARE = word('are', 'AUX', 'be');

/** "larger", "higher", "more expensive": the other side of a threshold just named. */
const COMPARATIVES = /^(larger|bigger|greater|higher|smaller|lower|longer|shorter|heavier|lighter|cheaper|costlier|older|newer|more|less|fewer)$/;
/** "Everything else", "all other orders", "the rest", "remaining ones": whatever the cases before did not take. */
// ("Anything less, the team lead signs off": what lies on the other side of the amount just named.)
const REST = /^(everything else|anything else|(?:anything|everything) (?:less|more|lower|higher|smaller|larger|bigger|cheaper|below|above|under|over)|all (other|others|the rest)|the rest|all remaining|remaining)\b/;

/**
 * The implicit choice in `sentence`, given the sentences around it, as the sentences to read instead; null when there
 * is none. The previous sentence may name the case a comparative answers; the next may open with "Otherwise".
 */
export function implicitChoice(sentence: Sentence, previous: Sentence | undefined, next: Sentence | undefined): Sentence[] | null {
  const phrased = decisionList(sentence, previous) ?? kindCases(sentence, previous, next) ?? choiceBetween(sentence) ?? eitherParty(sentence) ?? eitherObject(sentence) ?? lackingSubject(sentence);
  if (phrased) return [phrased];
  return (
    labelledCases(sentence) ?? enumeratedOptions(sentence) ?? namedOption(sentence) ?? casesInARow(sentence, previous, next) ?? ordinalCases(sentence, previous, next) ?? kindsApart(sentence) ?? neededKind(sentence, previous, next) ?? missingThing(sentence) ?? otherSide(sentence, previous) ?? beforeOtherwise(sentence, next) ?? leadingEither(sentence)
  );
}

const OR = word('or', 'CCONJ');
/** An announcement of alternatives: "There are two options:", "Depending on the outcome,", "one of two things:". */
const ALTERNATIVES = /\b(options?|alternatives?|outcomes?|possibilities|choices?|one of|either|ways|cases|depending|can happen|may happen)\b/;

/** Where an enumerator ("a)", "(1)", "2)") starts at `i`: the index after it, or -1. */
function enumeratorEnd(s: Sentence, i: number): number {
  const open = s[i]?.text === '(' ? 1 : 0;
  const mark = s[i + open];
  const item = mark && (/^\d$/.test(mark.text) || /^[a-h]$/i.test(mark.text));
  return item && s[i + open + 1]?.text === ')' && (i === 0 || /^[:;,(]$|^or$/.test(s[i - 1]!.text) || open === 1) ? i + open + 2 : -1;
}

/**
 * "There are two options: a) the agent rebooks the flight; b) the agent refunds the ticket." and "Depending on the
 * outcome, (1) … or (2) …": enumerated alternatives are the ways of one choice ("… or …"); numbered steps joined by
 * "and" or announced as steps stay a sequence.
 */
function enumeratedOptions(sentence: Sentence): Sentence[] | null {
  const starts: Array<[number, number]> = [];
  sentence.forEach((_, i) => {
    const end = enumeratorEnd(sentence, i);
    if (end > 0) starts.push([i, end]);
  });
  // The text's shape may have taken the markers already: "There are two options: X; Y."
  const colon = sentence.findIndex((t) => t.text === ':');
  if (starts.length < 2 && colon > 0 && ALTERNATIVES.test(sentence.slice(0, colon).map((t) => t.lower).join(' '))) {
    starts.length = 0;
    sentence.forEach((t, i) => {
      if (i === colon || (i > colon && t.text === ';')) starts.push([i, i + 1]);
    });
    if (starts.length < 2) return commaOptions(sentence, colon);
    if (starts.slice(1).some(([i]) => !sentence.slice(i + 1).some((t) => t.pos === 'VERB'))) return null;
  }
  if (starts.length < 2) return null;
  const intro = sentence.slice(0, starts[0]![0]).map((t) => t.lower).join(' ');
  const items = starts.map(([, from], k) => {
    const item = sentence.slice(from, starts[k + 1]?.[0] ?? sentence.length).filter((t) => !/^[.!]$/.test(t.text));
    while (item.length && /^[;,]$|^or$|^and$/.test(item.at(-1)!.lower)) item.pop();
    return item;
  });
  const joinedByOr = starts.slice(1).some(([i]) => sentence[i - 1]?.lower === 'or');
  if (!joinedByOr && !ALTERNATIVES.test(intro)) return null;
  const end = sentence.at(-1)?.pos === 'PUNCT' ? [sentence.at(-1)!] : [];
  return [[...items.flatMap((item, k) => (k ? [COMMA, OR, ...item] : item)), ...end]];
}

const SUBJECT_START = new Set(['DET', 'NOUN', 'PROPN', 'PRON']);

/**
 * "There are three possibilities: the part passes, the part is reworked, or the part is scrapped." — options listed
 * with commas, each a clause of its own, are the ways as semicolons part them; "There are three possibilities: the
 * clerk approves it, rejects it, or asks for more" lists the verbs of one subject, which the reader takes as ways once
 * the announcement is gone. Null without an "or" after the colon.
 */
function commaOptions(sentence: Sentence, colon: number): Sentence[] | null {
  const after = sentence.slice(colon + 1);
  if (!after.some((t) => t.lower === 'or')) return null;
  const items: Token[][] = [[]];
  for (const t of after) {
    if (t.text === ',' || t.lower === 'or') {
      if (items.at(-1)!.length) items.push([]);
    } else items.at(-1)!.push(t);
  }
  const parts = items.filter((i) => i.length && !i.every((t) => t.pos === 'PUNCT'));
  const clauses = parts.length >= 2 && parts.every((p) => SUBJECT_START.has(p[0]!.pos) && p.some((t, i) => i > 0 && (t.pos === 'VERB' || t.pos === 'AUX')));
  if (!clauses) return [after.map((t, i) => (i === 0 ? { ...t, text: t.text.charAt(0).toUpperCase() + t.text.slice(1), first: true } : t))];
  const end = sentence.at(-1)?.pos === 'PUNCT' ? [sentence.at(-1)!] : [];
  return [[...parts.flatMap((p, k) => (k ? [COMMA, OR, ...p.filter((t) => !/^[.!]$/.test(t.text))] : p.filter((t) => !/^[.!]$/.test(t.text)))), ...end]];
}

/** "Option A: the crew repairs the roof.", "Case B: the claim is partly paid." — a named option is a case of one choice with the options around it. */
function namedOption(sentence: Sentence): Sentence[] | null {
  const colon = sentence[2]?.text === ':' ? 2 : -1;
  if (colon < 0 || !/^(option|alternative|variant|scenario|route|plan|case)$/.test(sentence[0]!.lower) || !sentence.slice(3).some((t) => t.pos === 'VERB')) return null;
  const name = sentence[1]!;
  if (!/^([A-Z]|\d+)$/.test(name.text)) return null;
  // One name for the label: "Option A", "Case B" (a lone "A" would read as an article).
  const kind = sentence[0]!.lower;
  const named = `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${name.text}`;
  return [[WHERE, { ...name, text: named, lower: named.toLowerCase(), pos: 'PROPN' }, COMMA, ...sentence.slice(3)]];
}

/** "Either the clerk repairs the device, or …": the opening "either" only announces the "or". */
function leadingEither(sentence: Sentence): Sentence[] | null {
  if (sentence[0]?.lower !== 'either' || !sentence.some((t, i) => i > 2 && t.lower === 'or')) return null;
  return [sentence.slice(1).map((t, i) => (i === 0 && t.pos === 'DET' ? { ...t, text: t.lower === 'the' ? 'The' : t.text } : t))];
}

/** Where a qualified bare plural subject ends ("Complete forms", "Urgent drafts", "Approved requests"): its head, or -1. */
function qualifiedSubject(s: Sentence): number {
  let i = 0;
  while (i < 3 && (s[i]?.pos === 'ADJ' || (s[i]?.pos === 'VERB' && /ed$/.test(s[i]!.lower)) || (i === 0 && s[i]?.first && s[i]?.pos === 'PROPN'))) i++;
  const head = s[i];
  // "Critical alerts are …": the tagger may read the plural as a verb when an auxiliary follows.
  const noun = head?.pos === 'NOUN' || (head?.pos === 'VERB' && s[i + 1]?.pos === 'AUX');
  if (i === 0 || !head || !noun || !/[^s]s$/.test(head.lower) || !['AUX', 'VERB'].includes(s[i + 1]?.pos ?? '')) return -1;
  return i;
}

/** The subject's words as an ordinary phrase: the sentence's capital is no name. */
function plain(tokens: Token[]): Token[] {
  return tokens.map((t) => (t.first ? { ...t, text: t.lower, pos: t.pos === 'PROPN' ? 'ADJ' : t.pos, first: false } : t));
}

/**
 * "Complete forms go straight to review; otherwise the clerk asks …" (or "Otherwise, …" in the next sentence) →
 * "If forms are complete, forms go straight to review; otherwise …": the qualifier is the condition.
 */
function beforeOtherwise(sentence: Sentence, next: Sentence | undefined): Sentence[] | null {
  const head = qualifiedSubject(sentence);
  if (head < 0) return null;
  const inside = sentence.some((t, i) => t.lower === 'otherwise' && [';', ','].includes(sentence[i - 1]?.text ?? ''));
  const after = next?.[0]?.lower === 'otherwise';
  if (!inside && !after) return null;
  const qualifier = plain(sentence.slice(0, head));
  const noun = plain([{ ...sentence[head]!, pos: 'NOUN', lemma: sentence[head]!.lower.replace(/s$/, '') }]);
  return [[IF, ...noun, ARE, ...qualifier, COMMA, ...noun, ...sentence.slice(head + 1)]];
}

/**
 * "Larger claims go to an adjuster" after "Claims below €500 are paid at once" (or after "Complete forms …"): the
 * comparative names the other side of the case before, so it is its "otherwise". "Everything else …" too.
 */
function otherSide(sentence: Sentence, previous: Sentence | undefined): Sentence[] | null {
  if (!previous || !casesOpened(previous)) return null;
  const opening = sentence.slice(0, 3).map((t) => t.lower).join(' ');
  const rest = REST.exec(opening);
  if (rest) {
    const skip = rest[0].split(' ').length;
    // "All other orders go to …": the noun stays the subject; "Everything else is …": the thing of the case before.
    const after = sentence.slice(skip);
    // ("Anything less, the team lead signs off": the case's own clause, with its own subject.)
    const own = after.findIndex((t) => t.text !== ',');
    if (own >= 0 && ['DET', 'PRON'].includes(after[own]!.pos) && after.slice(own + 1).some((t) => t.pos === 'VERB')) return [[OTHERWISE, COMMA, ...after.slice(own)]];
    const subject = ['NOUN', 'PROPN'].includes(after[0]?.pos ?? '') || after[0]?.lower === 'ones' ? [] : caseNoun(previous);
    return [[OTHERWISE, COMMA, ...subject, ...(subject.length ? asStep(after) : [after[0]!, ...asStep(after.slice(1))])]];
  }
  let i = 0;
  if (sentence[0]?.lower === 'more' || sentence[0]?.lower === 'less') i = 1;
  if (!COMPARATIVES.test(sentence[i]?.lower ?? '') || (i === 1 && sentence[1]?.pos !== 'ADJ')) return null;
  const head = sentence[i + 1];
  if (!head || !(head.pos === 'NOUN' || head.lower === 'ones') || !['AUX', 'VERB'].includes(sentence[i + 2]?.pos ?? '')) return null;
  const noun = head.lower === 'ones' ? caseNoun(previous) : plain([head]);
  // "Higher ones need the approval of the director" → "Otherwise, orders are approved by the director".
  return [[OTHERWISE, COMMA, ...noun, ...asStep(sentence.slice(i + 2))]];
}

/**
 * "Transfers under 1,000 EUR are executed at once; larger transfers need a second signature." → two sentences, so the
 * comparative half is read as the other side of the case before it.
 */
export function comparedApart(sentence: Sentence): Sentence[] {
  const cut = sentence.findIndex((t) => t.text === ';');
  const right = sentence.slice(cut + 1);
  const opening = right.slice(0, 3).map((t) => t.lower).join(' ');
  // ("Orders under $100: …; larger orders: …" are labelled cases, read as one sentence.)
  if (cut < 2 || sentence.some((_, i) => isMark(sentence, i)) || !casesOpened(sentence.slice(0, cut)) || !(COMPARATIVES.test(right[0]?.lower ?? '') || REST.test(opening))) return [sentence];
  const stop = sentence.at(-1)?.pos === 'PUNCT' ? [sentence.at(-1)!] : [];
  return [[...sentence.slice(0, cut), ...stop], [{ ...right[0]!, text: right[0]!.text.charAt(0).toUpperCase() + right[0]!.text.slice(1), first: true }, ...right.slice(1)]];
}

/** The sentence opens a case by amount or quality: "Claims below €500 …", "For orders over $500, …", "Urgent drafts …". */
function casesOpened(s: Sentence): boolean {
  const from = s[0]?.lower === 'for' ? 1 : 0;
  const amount = s.slice(from, from + 8).some((t) => /^(below|under|over|above|exceeding|up|less|more)$/.test(t.lower)) && s.slice(from, from + 10).some((t) => t.pos === 'NUM');
  return (amount && /s$/.test(s[from]?.lower ?? '')) || qualifiedSubject(s) > 0;
}

/** The plural noun the case before was about ("claims"). */
function caseNoun(previous: Sentence): Token[] {
  const from = previous[0]?.lower === 'for' ? 1 : 0;
  const noun = previous.slice(from, from + 4).find((t) => ['NOUN', 'PROPN'].includes(t.pos) && /[^s]s$/.test(t.lower));
  return noun ? plain([noun]) : [];
}

/** A mark between an outcome and what follows it: ":", a dash, an arrow ("→", "=>"). */
const OUTCOME_MARK = /^[:–—→⇒]$|^-$|^->$|^=>$/;

/** A dash between two numbers ("1–2 out") is a range, not a mark. */
const isMark = (tokens: Token[], i: number) => OUTCOME_MARK.test(tokens[i]!.text) && !(tokens[i - 1]?.pos === 'NUM' && tokens[i + 1]?.pos === 'NUM');

/**
 * The last mark in `tokens` after which a clause follows, the verbless label before it, and any step said before the
 * label ("QA tests it — pass: release the build" → lead "QA tests it"). A one-word label may be a verb ("pass",
 * "fail"); the clause may be a bare order ("→ scrap") or a way back ("fail: back to dev").
 */
function labelAt(tokens: Token[]): { label: Token[]; clause: Token[]; lead: Token[] } | null {
  for (let i = tokens.length - 2; i > 0; i--) {
    if (!isMark(tokens, i)) continue;
    const clause = tokens.slice(i + 1);
    let from = i - 1;
    while (from > 0 && !(isMark(tokens, from - 1) || tokens[from - 1]!.text === ',')) from--;
    const label = tokens.slice(from, i);
    // ("Type A: …", "Plan 2: …": a word and a letter or number name a case, whatever the tagger made of the word.)
    const named = label.length === 2 && /^([A-Z]|\d+)$/.test(label[1]!.text);
    const finite = label.length > 1 && !named && label.some((t) => (t.pos === 'VERB' && !/ed$/.test(t.lower)) || t.pos === 'AUX');
    // ("600-700: manual review by analyst": the action told as a noun is the clause it stands for.)
    const nominal = !clause.some((t) => t.pos === 'VERB') && !!nominalOrder(clause, false);
    const order = !!nominal || clause.some((t) => t.pos === 'VERB') || (clause[0]?.lower === 'back' && clause[1]?.lower === 'to') || clause[0]!.pos === 'NOUN' || (clause.length <= 3 && clause[0]!.pos !== 'DET');
    if (label.length === 0 || label.length > 6 || finite || !order) return null;
    const lead = tokens.slice(0, Math.max(0, from - 1));
    const cased = named ? [{ ...label[0]!, pos: 'NOUN' }, { ...label[1]!, pos: 'PROPN' }] : label;
    return { label: ranges(cased), clause: (nominal && nominalOrder(clause)) || asOrder(clause), lead: lead.some((t) => t.pos === 'VERB') ? lead : [] };
  }
  return null;
}

/** "1 – 2 dimensions out" → "1–2 dimensions out": a range stays one word in the condition. */
function ranges(label: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < label.length; i++) {
    const [a, dash, b] = [label[i]!, label[i + 1], label[i + 2]];
    if (a.pos === 'NUM' && dash && /^[–-]$/.test(dash.text) && b?.pos === 'NUM') {
      out.push({ ...a, text: `${a.text}–${b.text}`, lower: `${a.lower}–${b.lower}`, lemma: `${a.lemma}–${b.lemma}` });
      i += 2;
    } else out.push(a);
  }
  return out;
}

/** "→ rework", "→ release to stock": a bare word after an outcome mark is an order, whatever the tagger made of it. */
function asOrder(clause: Token[]): Token[] {
  const first = clause[0];
  // "fail: back to dev" → "go back to dev".
  if (first?.lower === 'back') return [{ text: 'go', lower: 'go', pos: 'VERB', lemma: 'go' }, ...clause];
  if (!first || first.pos === 'VERB' || clause.some((t) => t.pos === 'VERB' && t !== clause.at(-1)) || ['the', 'a', 'an'].includes(first.lower)) return clause;
  // (Retagged in place: the verb trace knows the sentence's own tokens.)
  const last = clause.at(-1)!;
  if (last !== first && last.pos === 'VERB') last.pos = 'NOUN';
  first.pos = 'VERB';
  first.lemma = first.lower;
  return clause;
}

/**
 * "Orders under $100: the clerk ships them; larger orders: the manager reviews them first." and "Two outcomes:
 * approved — we notify the client; declined — we archive the file.": each labelled part is one way of a single choice.
 */
function labelledCases(sentence: Sentence): Sentence[] | null {
  const parts: Token[][] = [[]];
  for (const t of sentence) {
    if (t.text === ';') parts.push([]);
    else if (!/^[.!]$/.test(t.text)) parts.at(-1)!.push(t);
  }
  if (parts.length < 2) return null;
  const cases = parts.map(labelAt);
  if (cases.some((c) => c === null) || cases.slice(1).some((c) => c!.lead.length)) return null;
  const end = sentence.at(-1)?.pos === 'PUNCT' ? [sentence.at(-1)!] : [];
  // "QA tests it — pass: …; fail: …": the step whose outcomes these are comes first.
  const lead = cases[0]!.lead.length ? [[...cases[0]!.lead, ...end]] : [];
  return lead.concat(cases.map((c, k) => {
    const { label, clause } = c!;
    const other = k > 0 && (COMPARATIVES.test(label[0]!.lower) || REST.test(label.map((t) => t.lower).join(' ')) || /^(otherwise|else)$/.test(label[0]!.lower));
    // The same choice for every part, whatever each label is about ("approved", "declined"), as "Where …" cases are.
    return other ? [OTHERWISE, COMMA, ...clause, ...end] : [WHERE, ...plain(label), COMMA, ...clause, ...end];
  }));
}

/**
 * "No receipt, no refund." / "No receipt = no refund." / "No receipt means no refund." → "If there is no receipt, there
 * is no refund." (a branch that ends, named "No refund"); "Without a signed contract, the order is not shipped." →
 * "If there is no signed contract, …".
 */
function missingThing(sentence: Sentence): Sentence[] | null {
  const first = sentence[0]?.lower;
  if (first === 'without' && ['DET', 'ADJ', 'NOUN'].includes(sentence[1]?.pos ?? '')) {
    const comma = sentence.findIndex((t) => t.text === ',');
    const thing = sentence.slice(1, comma).filter((t) => !['a', 'an', 'the'].includes(t.lower));
    // "Without delay, …", "without waiting": a manner, not a missing thing.
    if (comma < 2 || comma > 6 || thing.some((t) => ['VERB', 'AUX'].includes(t.pos) && !/ed$/.test(t.lower)) || thing.some((t) => /^(delay|fail|exception|question|doubt)$/.test(t.lower))) return null;
    return [[IF, THERE, IS, word('no', 'DET'), ...thing, ...sentence.slice(comma)]];
  }
  if (first !== 'no') return null;
  // "No answer by Friday means acceptance", "no objection within 2 weeks = approval": the thing in hand is accepted.
  const means = sentence.findIndex((t, i) => i > 1 && (t.text === '=' || t.lower === 'means' || t.lower === 'counts'));
  const said = sentence.slice(means + 1).filter((t) => t.pos !== 'PUNCT' && !['as', 'an', 'a'].includes(t.lower));
  const outcome = said.length === 1 ? ACTION_NOUNS[said[0]!.lower] : undefined;
  if (means > 1 && outcome && !sentence.slice(1, means).some((t) => ['VERB', 'AUX'].includes(t.pos))) {
    // (Retagged in place: the verb trace knows the sentence's own tokens.)
    Object.assign(said[0]!, { text: outcome[0], lower: outcome[0], pos: 'VERB', lemma: outcome[1] });
    return [[IF, THERE, IS, { ...sentence[0]!, text: 'no', first: false }, ...sentence.slice(1, means), COMMA, word('it', 'PRON'), IS, said[0]!, ...sentence.slice(-1)]];
  }
  const mid = sentence.findIndex((t, i) => i > 1 && (t.text === ',' || t.text === '=' || t.lower === 'means') && sentence[i + 1]?.lower === 'no');
  if (mid < 0 || mid > 5 || sentence.slice(1, mid).some((t) => ['VERB', 'AUX'].includes(t.pos))) return null;
  const consequence = sentence.slice(mid + 2).filter((t) => t.pos !== 'PUNCT');
  if (!consequence.length || consequence.length > 4 || consequence.some((t) => ['VERB', 'AUX'].includes(t.pos))) return null;
  return [[IF, THERE, IS, ...sentence.slice(0, mid).map((t, i) => (i === 0 ? { ...t, text: 'no', first: false } : t)), COMMA, THERE, IS, sentence[mid + 1]!, ...consequence, ...sentence.slice(-1)]];
}

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/** "In the first case(,)" / "In the second scenario": the ordinal and where the case's step starts, or null. */
function ordinalOpening(s: Sentence | undefined): { ordinal: Token; from: number } | null {
  const [a, b, c, d] = s ?? [];
  if (a?.lower !== 'in' || b?.lower !== 'the' || !c || !ORDINAL_WORDS.includes(c.lower) || !d || !/^(case|scenario|situation|instance)$/.test(d.lower)) return null;
  return { ordinal: c, from: s![4]?.text === ',' ? 5 : 4 };
}

/**
 * "In the first case the permit is granted. In the second case the applicant submits a new plan.": sentences in a row
 * opened by the ordinal cases of one choice are its ways ("Where case 1, …"), not steps one after another.
 */
function ordinalCases(sentence: Sentence, previous: Sentence | undefined, next: Sentence | undefined): Sentence[] | null {
  const opening = ordinalOpening(sentence);
  if (!opening || ![previous, next].some((o) => { const other = ordinalOpening(o); return other && other.ordinal.lower !== opening.ordinal.lower; })) return null;
  const rest = sentence.slice(opening.from);
  if (!rest.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return null;
  // ("case 2": a "first" in a condition would read as the word of order.)
  const label = [word(sentence[3]!.lower, 'NOUN'), word(String(ORDINAL_WORDS.indexOf(opening.ordinal.lower) + 1), 'NUM')];
  return [[WHERE, ...label, COMMA, ...rest]];
}

/** "Score A:", "Priority 2:" — a short label before a colon, and its first word. */
function caseHead(s: Sentence | undefined): { label: Token[]; rest: Token[] } | null {
  const colon = s?.findIndex((t) => t.text === ':') ?? -1;
  // ("Score 7 or higher:": a band of an amount may take more words.)
  const band = !!s && colon > 3 && isBandText(s.slice(0, colon).map((t) => t.text).join(' '));
  if (!s || colon < 2 || (colon > 3 && !band)) return null;
  return { label: s.slice(0, colon), rest: s.slice(colon + 1) };
}

/**
 * "Score A: approve automatically. Score B: send it to an underwriter. Score C: decline it.": sentences in a row whose
 * labels share their first word are the cases of one choice — when the labels differ by a letter or number, or what
 * follows is an order. ("Finance clerk: checks it. Finance manager: approves it." names who acts.)
 */
function casesInARow(sentence: Sentence, previous: Sentence | undefined, next: Sentence | undefined): Sentence[] | null {
  const head = caseHead(sentence);
  if (!head || !head.rest.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return null;
  const first = head.label[0]!.lower;
  const sibling = [previous, next].map(caseHead).find((h) => h?.label[0]!.lower === first && h.label.map((t) => t.lower).join(' ') !== head.label.map((t) => t.lower).join(' '));
  if (!sibling) return null;
  const marked = (l: Token[]) => (l.length === 2 && /^([A-Z]|\d{1,2}|[IVX]{1,3})$/.test(l[1]!.text)) || isBandText(l.map((t) => t.text).join(' '));
  const order = (r: Token[]) => !!r[0] && r[0].lower === r[0].lemma.toLowerCase() && !/[^s]s$/.test(r[0].lower);
  if (!(marked(head.label) && marked(sibling.label)) && !(order(head.rest) && order(sibling.rest))) return null;
  // (Retagged in place: the verb trace knows the sentence's own tokens. "Score A": the letter is no article.)
  // ("Score 1-3: the policy is issued": a clause of its own keeps its words as they are.)
  const clause = ['DET', 'PRON'].includes(head.rest[0]?.pos ?? '') || head.rest.slice(1).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (head.rest[0] && !clause) Object.assign(head.rest[0], { pos: 'VERB', lemma: head.rest[0].lower });
  // ("Score 4-6": the measured thing is a noun, not a name; a band keeps its number as it is.)
  const banded = isBandText(head.label.map((t) => t.text).join(' '));
  if (marked(head.label) && !banded) head.label[1]!.pos = 'PROPN';
  const label = banded ? head.label.map((t, i) => (i === 0 ? { ...t, text: t.lower, pos: t.pos === 'PROPN' ? 'NOUN' : t.pos, first: false } : t)) : plain(head.label);
  return [[WHERE, ...label, COMMA, ...head.rest]];
}
