// Sentence → clauses, each with the connective that opens it (if, otherwise, meanwhile, …) classified.
import { canBeVerb, type Sentence, type Token, COMMA } from './tokens.ts';
import { tagVerbAfterUntil } from './repeat-until.ts';
import { orderGerundSteps, tagGerunds } from './gerund-steps.ts';
import { isVerbish } from './phrase.ts';
import { imperativeAfterState, mainClauseAt, stateWhen } from './condition-ends.ts';
import { thirdPersonBase } from './verb-lemma.ts';
import { MODALS } from './lexicon.ts';

export type ClauseRole =
  | 'plain'
  | 'condition' // if / in case / unless
  | 'alternative' // otherwise / else / if not / in the latter case / in that case
  | 'former' // in the former case
  | 'parallel' // meanwhile / at the same time / in parallel
  | 'while' // while … (runs alongside the main clause)
  | 'until' // until …
  | 'whether' // decide/check whether …
  | 'purpose'; // so that / in order to / because: no step of its own

export interface Clause {
  role: ClauseRole;
  /** Joined to the previous clause by "or" (an exclusive alternative) rather than "and". */
  orWithPrevious: boolean;
  /** The clause starts with "and"/"or" + verb: it shares the previous clause's subject. */
  sharesSubject: boolean;
  /** A relative clause (who/which/that) attached to the previous clause's last noun phrase. */
  relative: boolean;
  /** Follows a comma ("…, rejects it, or …"), not a conjunction or a semicolon. */
  afterComma?: boolean;
  /** Joined to the previous clause by "and"/"but" ("… checks the stock and, if …"): it comes after it. */
  afterAnd?: boolean;
  /** A need told after its step ("escalates the ticket if needed and informs …"): it governs that one step only. */
  ownStep?: boolean;
  tokens: Token[];
}

const CONNECTIVES: Array<[string, ClauseRole]> = [
  ['in the latter case', 'alternative'],
  ['in the former case', 'former'],
  // "In that case the manager also calls the supplier": more work on the branch just opened.
  ['in that case', 'alternative'],
  ['in this case', 'alternative'],
  ['in such a case', 'alternative'],
  ['in such cases', 'alternative'],
  ['in all other cases', 'alternative'],
  ['in any other case', 'alternative'],
  ['in the other case', 'alternative'],
  ['if not', 'alternative'],
  ['if this is not the case', 'alternative'],
  ['if that is not the case', 'alternative'],
  ['otherwise', 'alternative'],
  ['else', 'alternative'],
  ['or else', 'alternative'],
  ['in case of', 'condition'],
  ['in case', 'condition'],
  ['if', 'condition'],
  ['unless', 'condition'],
  ['provided that', 'condition'],
  ['in the meantime', 'parallel'],
  // "Alongside this, the driver plans the route", "In parallel to this, …": the step runs beside the one before.
  ['alongside this', 'parallel'],
  ['alongside that', 'parallel'],
  ['in parallel to this', 'parallel'],
  ['in parallel to that', 'parallel'],
  ['parallel to this', 'parallel'],
  ['parallel to that', 'parallel'],
  ['meanwhile', 'parallel'],
  ['meantime', 'parallel'],
  // "A checks the score at the same time as B evaluates the collateral": B's step runs alongside A's, as with "while".
  ['at the same time as', 'while'],
  // "The developers fix the bugs in parallel with the testers writing test cases": the same, with an -ing verb.
  ['in parallel with', 'while'],
  ['simultaneously with', 'while'],
  ['concurrently with', 'while'],
  ['at the same time', 'parallel'],
  ['in parallel', 'parallel'],
  ['simultaneously', 'parallel'],
  ['concurrently', 'parallel'],
  ['while', 'while'],
  ['until', 'until'],
  ['whether', 'whether'],
  ['so that', 'purpose'],
  ['in order to', 'purpose'],
  ['so as to', 'purpose'],
  ['because', 'purpose'],
  ['since', 'purpose'],
  ['although', 'purpose'],
];

const SUBORDINATORS = new Set(['if', 'when', 'whenever', 'once', 'after', 'before', 'while', 'until', 'unless', 'whether', 'because', 'since', 'whereas', 'although']);
const RELATIVES = new Set(['who', 'which']);
// Subordinators that start a clause of their own in the middle of a sentence ("… before it is advertised").
const INNER_SUBORDINATORS = new Set(['whether', 'until', 'while', 'unless', 'before', 'after', 'once', 'when', 'whenever', 'if', 'because', 'so']);

export function hasVerb(tokens: Token[]): boolean {
  return tokens.some((t) => t.pos === 'VERB' || (t.pos === 'AUX' && t.lemma === 'be'));
}

// "Repairs are on hold until …", "the claim stays pending until …": a state held until an event is cut there too.
const ON_HOLD = new Set(['hold', 'pending']);

function hasActionVerb(tokens: Token[]): boolean {
  return tokens.some((t) => t.pos === 'VERB');
}

/** "Missing papers are then supplied …": a participle opening the clause before its noun describes it, no verb of its own. */
function describedAway(tokens: Token[]): Token[] {
  const [first, second] = tokens;
  return first?.pos === 'VERB' && /(ing|ed)$/.test(first.lower) && ['NOUN', 'ADJ'].includes(second?.pos ?? '') ? tokens.slice(1) : tokens;
}

/** Words of the clause, lower-cased, without leading punctuation and fillers. */
export function openingWords(tokens: Token[]): string {
  return tokens
    .filter((t) => t.pos !== 'PUNCT')
    .slice(0, 7)
    .map((t) => t.lower)
    .join(' ');
}

const SO_CAN = /^so (?:\S+ ){1,4}?(?:can|could|may|might|is able to|are able to|will be able to)\b/;

export function classify(tokens: Token[]): ClauseRole {
  const opening = openingWords(tokens);
  for (const [words, role] of CONNECTIVES) {
    if (opening === words || opening.startsWith(words + ' ')) return role;
  }
  // "… so you can put it into the tool", "so the diagram can show who does what": "so" before a subject and "can" says
  // what for, as "so that" does (a "so" that says what follows is a step: "the stock is low, so the manager orders").
  if (SO_CAN.test(opening)) return 'purpose';
  // A "whether" later in the clause ("check whether …") still opens a decision.
  if (tokens.some((t) => t.lower === 'whether')) return 'whether';
  return 'plain';
}

/** Cuts a sentence at commas, semicolons, coordinations of two clauses, subordinators and relative pronouns. */
export function splitClauses(sentence: Sentence): Clause[] {
  tagVerbAfterUntil(sentence);
  const cased = labelledCase(tagGerunds(sentence));
  if (cased) return [cased.condition, ...splitClauses(cased.rest)];
  const segments = cutAtPunctuation(sentence);
  const merged = mergeVerbless(segments);
  const clauses: Clause[] = [];
  merged.forEach((seg, k) => {
    const parts = cutAtConjunctions(seg);
    // "sets up the machine, runs the batch and …": a step listed after a comma shares the subject before it.
    // ("can approve, reject or escalate it": after a modal the listed verbs are bare.)
    const afterModal = seg[0]?.lower === seg[0]?.lemma && !!clauses.at(-1)?.tokens.some((t) => t.pos === 'AUX' && MODALS.has(t.lower));
    // ("may pay, appeal or withdraw it": the tagger may take the verb before "or"/"and" for a noun.)
    const nounTagged = seg[0]?.pos === 'NOUN' && ['or', 'and'].includes(seg[1]?.lower ?? '') && seg[2]?.pos === 'VERB';
    // ("The clerks check, sign and file the form": a plain verb listed after a plain verb.)
    const verbBefore = clauses.at(-1)?.tokens.findLast((t) => t.pos === 'VERB');
    const plainList = !!verbBefore && verbBefore.lower === verbBefore.lemma && seg[0]?.lower === seg[0]?.lemma && !seg[0]?.first;
    const listed = k > 0 && (seg[0]?.pos === 'VERB' || (afterModal && nounTagged)) && (/[^s]s$/.test(seg[0]!.lower) || afterModal || plainList) && clauses.at(-1)?.role === 'plain';
    if (listed && parts[0]) parts[0].sharesSubject = true;
    if (k > 0 && parts[0] && seg[0]?.text !== ';') parts[0].afterComma = true;
    clauses.push(...parts);
  });
  return orderGerundSteps(clauses.flatMap(cutConditionWithoutComma).flatMap(frontTrailingNeed).map(invertedCondition));
}

/**
 * "Out of stock: notify the customer", "Damaged: write it off": a short state before a colon is the case the rest
 * handles, as "If out of stock, …" is. A name before the colon ("Finance: sends the invoice", "Note: …") is not.
 */
function labelledCase(sentence: Sentence): { condition: Clause; rest: Sentence } | null {
  const colon = sentence.findIndex((t) => t.text === ':');
  if (colon < 1 || colon > 4 || !hasActionVerb(sentence.slice(colon + 1))) return null;
  const head = sentence.slice(0, colon);
  const state = head.some((t) => ['ADJ', 'ADP'].includes(t.pos) || /ed$/.test(t.lower) || t.lower === 'no' || t.lower === 'not');
  if (!state || head.some((t) => t.pos === 'NUM' || t.pos === 'PUNCT' || (t.pos === 'VERB' && !/ed$/.test(t.lower)))) return null;
  return { condition: clause([{ text: 'If', lower: 'if', pos: 'SCONJ', lemma: 'if' }, ...head], { role: 'condition' }), rest: sentence.slice(colon + 1) };
}

/** "Should the request be refused, …": the inverted conditional is an "if" ("if the request be refused"). */
function invertedCondition(c: Clause): Clause {
  const [first, next] = c.tokens;
  if (c.role !== 'plain' || first?.lower !== 'should' || !next || !['DET', 'PRON', 'NOUN', 'PROPN', 'ADJ'].includes(next.pos)) return c;
  return { ...c, role: 'condition', tokens: [{ ...first, lower: 'if', text: 'If', lemma: 'if' }, ...c.tokens.slice(1)] };
}

const NEEDS = new Set(['required', 'necessary', 'needed', 'applicable', 'appropriate']);

/** "… asks for more documents if required": a trailing need makes the step conditional, as "If required, …" does. */
// ("… calls the doctor if necessary and, if needed, adjusts the dose": the need before the "and" of the next step.)
function frontTrailingNeed(c: Clause): Clause[] {
  const joined = ['and', 'but'].includes(c.tokens.at(-1)?.lower ?? '') ? 1 : 0;
  const n = c.tokens.length - joined;
  const [lead, need] = [c.tokens[n - 2], c.tokens[n - 1]];
  if (c.role !== 'plain' || c.relative || c.sharesSubject || c.orWithPrevious || n < 4 || !lead || !need) return [c];
  if (!['if', 'where', 'when', 'as'].includes(lead.lower) || !NEEDS.has(need.lower)) return [c];
  const condition = [{ ...lead, lower: 'if', text: lead.text === lead.lower ? 'if' : 'If' }, need];
  return [{ ...clause(condition), ownStep: true }, { ...c, tokens: [...c.tokens.slice(0, n - 2), ...c.tokens.slice(n)] }];
}

function cutAtPunctuation(sentence: Sentence): Token[][] {
  const segments: Token[][] = [[]];
  for (const t of sentence) {
    if (t.text === ',' || t.text === ';' || t.text === ':') {
      // The semicolon and the colon stay at the head of what follows: a condition there does not reach back over
      // them ("The warehouse inspects the item: if unused, …" decides on the inspection's result).
      segments.push(t.text === ';' || t.text === ':' ? [t] : []);
      continue;
    }
    if (t.text === '.' || t.text === '!' || t.text === '?') continue;
    segments[segments.length - 1]!.push(t);
  }
  return segments.filter((s) => s.length > 0);
}


/** "Under certain circumstances," joins what follows; a verbless list item joins what came before. */
function mergeVerbless(segments: Token[][]): Token[][] {
  const out: Token[][] = [];
  let carry: Token[] = [];
  // "The technicians, who get the ticket, repair the press": the subject of a relative clause set inside its own.
  let embedding: Token[] | null = null;
  segments.forEach((seg, i) => {
    if (embedding && seg[0]?.pos === 'VERB') seg = [...embedding, ...seg];
    embedding = null;
    const relative = isBareName(carry) && seg[0]?.lower === 'who' && hasVerb(seg) && segments[i + 1]?.[0]?.pos === 'VERB';
    if (relative) embedding = carry;
    const withCarry = relative ? [...carry, ...seg.slice(1)] : subjectList(carry, seg) ? [...carry, COMMA, ...seg] : [...carry, ...seg];
    if (hasVerb(withCarry)) {
      out.push(withCarry);
      carry = [];
      return;
    }
    // A verbless condition ("In case of rejection,") stands alone: what follows is its branch.
    const role = classify(withCarry);
    if (role === 'condition' || role === 'alternative' || role === 'former' || role === 'parallel') {
      out.push(withCarry);
      carry = [];
      return;
    }
    const elided = carry.length === 0 ? elidedStep(out, seg) : null;
    if (elided) {
      out.push(elided);
      return;
    }
    const isOpening = out.length === 0 || SUBORDINATORS.has(withCarry[0]?.lower ?? '') || classify(withCarry) !== 'plain';
    if ((isOpening || carry.length > 0) && i < segments.length - 1) carry = withCarry;
    // "collects the ID, the payslip and the contract": the comma stays, so the object ends at its first item.
    else if (out.length) out[out.length - 1]!.push(COMMA, ...withCarry);
    else carry = withCarry;
  });
  if (carry.length) {
    if (out.length) out[out.length - 1]!.push(...carry);
    else out.push(carry);
  }
  return out;
}

const isBareName = (tokens: Token[]) => tokens.length > 0 && tokens.every((t) => ['DET', 'ADJ', 'NOUN', 'PROPN'].includes(t.pos));

/** "The nurse, the doctor and the pharmacist review …": a bare name before a list that ends in "and" opens a list of subjects. */
function subjectList(carry: Token[], seg: Token[]): boolean {
  if (!isBareName(carry)) return false;
  const verb = seg.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  return verb > 0 && seg.slice(0, verb).some((t) => t.lower === 'and');
}

/**
 * "notifies the tax office and, if the person is of school age, the school authority": an object after a condition
 * that follows "and" is a step of its own that takes the verb of the step before the condition.
 */
function elidedStep(out: Token[][], seg: Token[]): Token[] | null {
  const [main, condition] = [out.at(-2), out.at(-1)];
  if (!main || !condition || classify(condition) !== 'condition' || main.at(-1)?.lower !== 'and') return null;
  if (!['DET', 'NOUN', 'PROPN', 'ADJ'].includes(seg[0]?.pos ?? '')) return null;
  const verbAt = main.findIndex((t) => t.pos === 'VERB');
  return verbAt < 0 ? null : [...main.slice(0, verbAt + 1), ...seg];
}

function clause(tokens: Token[], extra: Partial<Clause> = {}): Clause {
  return { role: classify(tokens), orWithPrevious: false, sharesSubject: false, relative: false, tokens, ...extra };
}

/** "… and puts it in a file", "… or accepts the order", "… who calculates …" start clauses of their own. */
function cutAtConjunctions(seg: Token[]): Clause[] {
  // A condition is one thought: "if the storehouse has reserved or back-ordered every item" names no steps.
  const inCondition = classify(seg) === 'condition';
  const parts: Clause[] = [];
  const lead = seg[0]?.lower;
  // ", or reject the request": a comma-separated coordination still belongs to the clause before it.
  // ", which clarifies …": a relative clause set off by a comma.
  // ", who either reduces the dose or postpones the cycle": the relative clause may still hold two steps.
  const relative = RELATIVES.has(lead ?? '') && (seg[1]?.pos === 'VERB' || seg[1]?.pos === 'AUX' || seg[2]?.pos === 'VERB' || seg[2]?.pos === 'AUX');
  let start = lead === 'or' || lead === 'and' || lead === 'whereas' ? 1 : 0;
  // "…, whereas amounts over $200 require approval": a contrast between two cases is a choice.
  let pending: Partial<Clause> = relative ? { relative: true } : start ? { orWithPrevious: lead === 'or' || lead === 'whereas', sharesSubject: isVerbish(seg[1]) || (seg[1]?.pos === 'ADV' && isVerbish(seg[2])), afterAnd: lead === 'and' } : {};
  for (let i = 1; i < seg.length; i++) {
    const t = seg[i]!;
    const left = seg.slice(start, i);
    const right = seg.slice(i + 1);
    // Not "… to fetch wine and to prepare drinks" (one infinitive list) nor "the receipt and copied documents".
    const adjectival = right[0]?.pos === 'VERB' && /ed$/.test(right[0].lower) && ['NOUN', 'ADJ'].includes(right[1]?.pos ?? '');
    // "gets an alert when the value is high and reviews it": a state after a step, then the step's subject goes on.
    const goesOn = t.lower === 'and' && start > 0 && TIME_OPENERS.has(left[0]?.lower ?? '') && !hasActionVerb(left) && hasActionVerb(seg.slice(0, start)) && right[0]?.pos === 'VERB' && /[^s]s$/.test(right[0].lower);
    // ("checks that the certificate and the proof of address are attached": two things, one "that" clause.)
    const that = left.findIndex((x, k) => x.lower === 'that' && (left[k - 1]?.pos === 'VERB' || ['sure', 'certain'].includes(left[k - 1]?.lower ?? '')));
    const thingsOfThat = that > 0 && !left.slice(that + 1).some((x) => x.pos === 'VERB' || x.pos === 'AUX');
    const isCoord = ((!inCondition && (t.lower === 'and' || t.lower === 'or' || t.lower === 'but') && hasActionVerb(left) && hasActionVerb(right) && right[0]?.lower !== 'to' && !adjectival && !thingsOfThat)) || goesOn;
    const isRel = RELATIVES.has(t.lower) && (right[0]?.pos === 'VERB' || right[0]?.pos === 'AUX' || right[1]?.pos === 'VERB');
    const isThen = t.lower === 'then' && seg[i - 1]?.lower !== 'and' && hasActionVerb(describedAway(left)) && hasActionVerb(right) && i > start + 1;
    // "Both parts must be ready before the manager deploys": a state that must hold before a step is cut there too.
    // ("has until Friday to decide", "is given until the end of the month": the time allowed, not a clause.)
    const allowance = t.lower === 'until' && ['have', 'give', 'get'].includes(seg[i - 1]?.lemma ?? '');
    const subordinator = (INNER_SUBORDINATORS.has(t.lower) && !allowance) || sameTimeAs(seg, i);
    const isSub = subordinator && (hasActionVerb(left) || ((t.lower === 'before' || (t.lower === 'until' && left.some((l) => ON_HOLD.has(l.lower)))) && hasVerb(left))) && right.some((r) => r.pos === 'VERB' || r.pos === 'AUX') && right[0]?.pos !== 'VERB';
    // "… is examined by the Legal Unit in order to determine whether …": the purpose is no part of the step.
    const isPurpose = !inCondition && i > start + 1 && hasActionVerb(left) && ((t.lower === 'in' && right[0]?.lower === 'order') || (t.lower === 'so' && right[0]?.lower === 'as')) && right[1]?.lower === 'to';
    if (!isCoord && !isRel && !isThen && !isSub && !isPurpose) continue;
    parts.push(clause(left, pending));
    // A coordination that restarts with a verb shares the subject; "then" and "and then" keep the order.
    const rest = isCoord && right[0]?.lower === 'then' ? right.slice(1) : right;
    const firstContent = rest.find((r) => r.pos !== 'ADV' && r.pos !== 'AUX' && r.pos !== 'PART');
    pending = {
      orWithPrevious: t.lower === 'or',
      sharesSubject: (isCoord || isThen) && firstContent?.pos === 'VERB',
      relative: isRel,
      afterAnd: isCoord && t.lower !== 'or',
    };
    start = isSub || isPurpose ? i : i + 1;
  }
  parts.push(clause(seg.slice(start), pending));
  return parts.filter((p) => p.tokens.length > 0);
}

const ALONGSIDE = ['at the same time as', 'in parallel with', 'simultaneously with', 'concurrently with'];

/** "… at the same time as the analyst evaluates …", "… in parallel with the testers writing …": the words from seg[i] open a clause running alongside. */
function sameTimeAs(seg: Token[], i: number): boolean {
  const said = seg.slice(i, i + 5).map((t) => t.lower).join(' ');
  return ALONGSIDE.some((p) => said === p || said.startsWith(`${p} `));
}

// "When the order is approved the buyer sends it": a time clause, like a condition, may end without a comma.
const TIME_OPENERS = new Set(['when', 'whenever', 'once', 'after', 'before']);
const SUBJECT_ONLY = new Set(['i', 'we', 'he', 'she', 'they']);

/** "If the request is rejected the process will end": a condition and its consequence without a comma. */
function cutConditionWithoutComma(c: Clause): Clause[] {
  const opener = c.tokens.findIndex((t) => t.pos !== 'PUNCT');
  const timed = TIME_OPENERS.has(c.tokens[opener]?.lower ?? '');
  if (c.role !== 'condition' && c.role !== 'alternative' && !timed) return [c];
  const imperative = c.role === 'condition' ? imperativeAfterState(c.tokens, opener, canBeVerb) : -1;
  if (imperative > 0) return [{ ...c, tokens: c.tokens.slice(0, imperative) }, ...cutAtConjunctions(c.tokens.slice(imperative))];
  const verbAt = c.tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (verbAt < 0) return [c];
  // "if unused we refund it", "when complete it goes to billing", "if the part fits the fitter installs it";
  // "if it fails I fix it and push again" keeps both steps.
  const main = mainClauseAt(c.tokens, opener, verbAt);
  if (main > 0) return [{ ...c, role: stateWhen(c.tokens.slice(opener, main)) ? 'condition' : c.role, tokens: c.tokens.slice(0, main) }, ...cutAtConjunctions(c.tokens.slice(main))];
  // "Once the goods arrive the clerk …": after a time clause's verb the main clause's subject may follow at once.
  for (let k = verbAt + 1; k < c.tokens.length - 1; k++) {
    const t = c.tokens[k]!;
    // "If the build fails I fix it": a subject-only pronoun cannot be the verb's object, so it opens the main clause.
    // ("if damaged the librarian bills the student": nor can a noun after a bare participle.)
    const participle = /ed$/.test(c.tokens[verbAt]!.lower) && !c.tokens.slice(0, verbAt).some((x) => x.pos === 'AUX' || x.pos === 'NOUN' || x.pos === 'PRON');
    if (k === verbAt + 1 && !(timed && c.role === 'plain') && !participle && !['i', 'we', 'he', 'she', 'they'].includes(t.lower)) continue;
    const startsSubject = t.pos === 'DET' || (t.pos === 'PRON' && ['i', 'we', 'you', 'he', 'she', 'they', 'it'].includes(t.lower));
    if (!startsSubject) continue;
    let j = k + 1;
    while (j < c.tokens.length && ['ADJ', 'NOUN', 'PROPN', 'NUM'].includes(c.tokens[j]!.pos)) j++;
    const next = c.tokens[j];
    // "… arrive the clerk checks them": the tagger may take the main verb for the subject's last noun.
    const verbAsNoun = j > k + 2 && c.tokens[j - 1]!.pos === 'NOUN' && /^[a-z]+[^s]s$/.test(c.tokens[j - 1]!.lower) && ['DET', 'PRON'].includes(next?.pos ?? '');
    // ("… runs low the chef orders milk": or for the noun before a bare object, when English uses it as a verb.)
    const bareObject = t.pos === 'DET' && j > k + 3 ? c.tokens.slice(k + 2, j - 1).findIndex((w) => w.pos === 'NOUN' && /^[a-z]+[^s]s$/.test(w.lower) && canBeVerb(thirdPersonBase(w.lower))) : -1;
    const verbAt2 = verbAsNoun ? j - 1 : bareObject >= 0 ? k + 2 + bareObject : -1;
    if (verbAt2 > 0) {
      c.tokens[verbAt2]!.pos = 'VERB';
      c.tokens[verbAt2]!.lemma = thirdPersonBase(c.tokens[verbAt2]!.lower);
      return [{ ...c, tokens: c.tokens.slice(0, k) }, clause(c.tokens.slice(k))];
    }
    if (next && (next.pos === 'AUX' || next.pos === 'VERB') && (j > k + 1 || t.pos === 'PRON')) {
      // (After a subject-only pronoun the main clause is certain, and may hold two steps: "I fix it and push again".)
      const main = SUBJECT_ONLY.has(t.lower) ? cutAtConjunctions(c.tokens.slice(k)) : [clause(c.tokens.slice(k))];
      return [{ ...c, tokens: c.tokens.slice(0, k) }, ...main];
    }
  }
  return [c];
}
