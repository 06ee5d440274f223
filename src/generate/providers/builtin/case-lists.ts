// Cases run on in one sentence: "Depending on the amount: under 500 the clerk approves, between 500 and 5,000 the
// manager, above 5,000 the board.", "Refund size decides who signs: up to 100 the agent, up to 1,000 the supervisor,
// anything more the finance head.", "Under €500, the team lead approves; above that, the director does." Each case is
// a bound on an amount and who acts then; a case that leaves out its verb ("the manager", "the director does") takes
// the one of the case before, or the one the lead names ("decides who signs"). They are written as "Where …," sentences,
// one per case, which the reader draws as the ways of one choice; "above that", "anything more" name the bound they
// mean. A lead that only says what the choice depends on makes no step.
import { canBeVerb } from './tokens.ts';
import { thirdPersonBase } from './verb-lemma.ts';

const AMOUNT = String.raw`(?:[$€£]\s?)?\d[\d,.]*(?:\s?(?:k|m|%))?(?:\s(?!(?:the|a|an|our|their|his|her|its|they|we|it|he|she|you|and|or|to)\b)[A-Za-z€$£]{1,8}\b)?`;
const BOUNDS = String.raw`(?:up to|below|above|under|over|beyond|exceeding|from|at least|at most|less than|more than|fewer than|greater than|higher than|lower than)`;
// Words that mean "the rest" after bounded cases: "anything more", "above that", "everything else", "longer ones".
const REST = String.raw`(?:(?:anything|everything) (?:more|less|else|above|below|over|under|higher|lower|larger|bigger|smaller)(?: than)?(?: that| this)?|(?:above|over|beyond|below|under|more than|less than) (?:that|this)(?: amount| limit)?|(?:longer|larger|bigger|heavier|higher|greater|costlier|shorter|smaller|lighter|lower|cheaper) (?:ones|[a-z]+s)|otherwise)`;
const HEAD = new RegExp(String.raw`(?:^|(?<=[;,:]\s*(?:and |or |but |while )?))(?:between ${AMOUNT} and ${AMOUNT}|from ${AMOUNT} to ${AMOUNT}|${BOUNDS} ${AMOUNT}|${REST}(?!\s+(?:than\s+)?[$€£]?\d))(?=,?\s)`, 'gi');
const LOWER = /\b(less|below|under|lower|smaller|shorter|lighter|cheaper)\b/i;
// "Depending on the amount", "Refund size decides who signs", "Who approves depends on the total", "Claims are
// settled by value".
const CHOICE_LEAD = /^(depending on|based on|according to)\b|\bby (value|amount|size|weight|total|price|cost|level|length|duration)$|\b(decides?|determines?|depends? on|is decided by|is determined by)\b/i;
const MEASURES = /^(size|amount|value|total|sum|level|cost|price|weight)$/i;
// The stand-in verb and the trailing words of an elided case: "the director does", "the manager does so instead".
const ELIDED = /\s+(?:does|do|did|will|can|does so|does it|takes over|too|instead|as well)(?:\s+(?:so|it|instead|too|as well))*$/i;

/** The text with each sentence of bounded cases written as one "Where …," sentence per case. */
export function inlineCases(text: string): string {
  return text
    .split(/((?<=[.!?])\s+|\n)/)
    .map((s, i) => (i % 2 ? s : (casesOf(s) ?? s)))
    .join('');
}

function casesOf(sentence: string): string | null {
  const stop = /[.!?]$/.test(sentence) ? sentence.at(-1)! : '.';
  const body = sentence.replace(/[.!?]$/, '');
  const colon = body.indexOf(':');
  const lead = colon > 0 ? body.slice(0, colon).trim() : '';
  const rest = colon > 0 ? body.slice(colon + 1).trimStart() : body;
  const heads = [...rest.matchAll(HEAD)];
  if (heads.length < 2 || heads[0]!.index !== 0) return null;
  const said = heads.map((h, k) => ({
    head: h[0],
    right: rest
      .slice(h.index! + h[0].length, heads[k + 1]?.index ?? rest.length)
      .replace(/^,?\s*/, '')
      .replace(/\s*[;,]\s*(and|or|but|while)?\s*$/i, '')
      .trim(),
  }));
  // Every case needs someone acting: a case with no words after its bound is not one.
  if (said.some((c) => !c.right || c.right.split(/\s+/).length > 14)) return null;
  const [leadVerb, leadObject] = leadPredicate(lead);
  let predicate = leadVerb ? [leadVerb, leadObject].filter(Boolean).join(' ') : '';
  let last = '';
  let first = '';
  const out = said.map(({ head, right }) => {
    const amounts = head.match(new RegExp(AMOUNT, 'g')) ?? [];
    // ("from 1,000 to 10,000" reads as a move from one place to another: the range says "between".)
    let left = head.toLowerCase().replace(/^from (.+) to (.+)$/, 'between $1 and $2');
    if (!amounts.length) left = LOWER.test(head) && first ? `below ${first}` : last ? `above ${last}` : left;
    else {
      first ||= amounts[0]!;
      last = amounts.at(-1)!;
    }
    let step = right.replace(ELIDED, '');
    // ("the team lead approves" after "Leave requests are approved by length": the lead names what is approved.)
    if (leadObject && predicateOf(step)?.split(/\s+/).length === 1) step = `${step} ${leadObject}`;
    if (verbless(step) && predicate) step = `${step} ${predicate}`;
    else predicate = predicateOf(step) ?? predicate;
    return `Where ${left}, ${step}${stop}`;
  });
  const kept = lead && !CHOICE_LEAD.test(lead) ? `${lead}${stop} ` : '';
  return kept + out.join(' ');
}

/**
 * The verb and the thing a lead names: "Refund size decides who signs" → "signs", "the refund"; "Leave requests are
 * approved by length" → "", "the leave requests".
 */
function leadPredicate(lead: string): [string, string] {
  const passive = /^(?:the )?([a-z]+(?: [a-z]+)?) (?:are|is) [a-z]+ed by [a-z]+$/i.exec(lead);
  if (passive) return ['', `the ${passive[1]!.toLowerCase()}`];
  const who = /\bwho (\w+s)\b(?: (?:it|them))?/i.exec(lead);
  if (!who) return ['', ''];
  const words = lead.slice(0, who.index).trim().split(/\s+/);
  const measure = words.findIndex((w) => MEASURES.test(w));
  const thing = measure > 0 ? words.slice(measure - 1, measure).join(' ').toLowerCase() : '';
  return [who[1]!, thing && !/^(the|a|an)$/.test(thing) ? `the ${thing}` : ''];
}

/** A case with a subject and no verb of its own: "the manager", "the finance head", "security". */
function verbless(step: string): boolean {
  const words = step.split(/\s+/);
  return words.length <= 4 && !words.some((w, i) => i > 0 && (/^(is|are|gets?|has|have)$/i.test(w) || (/[^s]s$/.test(w.toLowerCase()) && canBeVerb(thirdPersonBase(w.toLowerCase())))));
}

/** What follows the verb in a case that has one ("approves", "signs the refund"). */
function predicateOf(step: string): string | null {
  const words = step.split(/\s+/);
  const verb = words.findIndex((w, i) => i > 0 && /[^s]s$/.test(w.toLowerCase()) && canBeVerb(thirdPersonBase(w.toLowerCase())));
  return verb > 0 ? words.slice(verb).join(' ') : null;
}
