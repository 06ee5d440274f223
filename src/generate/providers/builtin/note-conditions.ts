// Notes state a case and its outcome with an arrow or an equals sign: "certificate missing -> reject", "supplier
// listed = reject", "not active → reject the claim", "amount > 500 => manager approves". A short verbless state on
// the left is a condition, so the line reads as "If certificate missing, reject." — not as two steps in a row.

import { isBandText } from './amount-bands.ts';
import { opposed } from './opposites.ts';
import { canBeVerb } from './tokens.ts';

const COMPLEMENTS = [['pass', 'fail'], ['yes', 'no'], ['ok', 'not ok'], ['passed', 'failed'], ['valid', 'invalid'], ['true', 'false']];

/** Words that describe a state a case is in. */
const STATES = new Set([
  'missing', 'active', 'inactive', 'valid', 'invalid', 'complete', 'incomplete', 'ok', 'okay', 'late', 'overdue', 'unpaid',
  'expired', 'empty', 'available', 'unavailable', 'absent', 'present', 'positive', 'negative', 'high', 'low', 'wrong',
  'correct', 'unclear', 'clear', 'yes', 'no', 'true', 'false', 'eligible', 'ineligible', 'urgent', 'critical', 'fine', 'pass', 'fail', 'passes', 'fails', 'mismatch',
]);
/** Participles not in -ed that tell an outcome: "defects found", "invoice paid", "target met". */
const OUTCOME_PARTICIPLES = new Set(['found', 'paid', 'sent', 'made', 'done', 'given', 'taken', 'held', 'kept', 'met', 'lost', 'seen', 'known', 'broken', 'written', 'shown']);
/** A verbless state: "no ID", "not active", "certificate missing", "supplier listed", "manager unknown", "amount > 500". */
export function isState(left: string): boolean {
  const words = left.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 5) return false;
  const last = words.at(-1)!;
  return /^(no|not|without)$/.test(words[0]!) || /[<>≤≥]/.test(left) || STATES.has(last) || /^un[a-z]{4,}$/.test(last) || ((/[a-z]{3,}ed$/.test(last) || OUTCOME_PARTICIPLES.has(last)) && words.length <= 3);
}

/**
 * A case named by a label rather than a state: "Tier 2", "sev1", "P1", "VIP", "Gold customer" — a word with a number,
 * an acronym, or one or two words none of which can be a verb ("receive order -> check stock" is a step).
 */
function isCaseLabel(left: string): boolean {
  // ("score above 700 -> …", "600-700 -> …": a band of an amount names its case.)
  if (isBandText(left)) return true;
  const words = left.trim().split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 3 || /^(step|phase|stage|then|and|or)$/i.test(words[0]!)) return false;
  if (/\d/.test(left) && words.length <= 2) return true;
  if (words.length === 1 && /^[A-Z][A-Z0-9]{1,4}$/.test(words[0]!)) return true;
  return words.length <= 2 && words.every((w) => /^[a-z]+$/i.test(w) && !canBeVerb(w.toLowerCase()));
}

// A line or sentence "LEFT -> RIGHT", "LEFT = RIGHT": the left side up to the arrow, the right side up to the end.
const ARROWED = /(^|[.!?]\s+|\n\s*)([^\n.!?]*?)\s*(?:-->|->|→|=>|=)\s*([^\n.!?]+)/g;

/**
 * The text with each arrowed case written as an "If …," sentence; two or more labelled cases ("Tier 2 -> …", "VIP ->
 * …") are "Where …," sentences, the ways of one choice.
 */
export function arrowedCases(text: string): string {
  const cases: Array<{ whole: string; lead: string; left: string; right: string; labelled: boolean }> = [];
  for (const [whole, lead = '', left = '', right = ''] of text.matchAll(ARROWED)) {
    // ("No receipt = no refund": a state on both sides is a missing thing and what goes without it, read elsewhere.)
    const opened = /^\s*(if|when|whenever|unless|in case)\b/i.test(left) || /^\s*(no|not|nothing)\b/i.test(right) || right.trim().split(/\s+/).length > 8;
    // ("receive order -> check stock -> ship": a chain of steps names no case.)
    const chained = /(-->|->|→|=>)/.test(right);
    const labelled = !isState(left) && isCaseLabel(left);
    if (!opened && !chained && (isState(left) || labelled)) cases.push({ whole, lead, left, right, labelled });
  }
  // ("pass -> …", "fail -> …": two states of one outcome are the two ways of one choice too.)
  const [x, y] = cases.map((c) => c.left.trim().toLowerCase());
  const complementary = cases.length === 2 && !!x && !!y && (opposed(x, y) || y === `in${x}` || y === `un${x}` || x === `in${y}` || x === `un${y}` || COMPLEMENTS.some(([p, q]) => (x === p && y === q) || (x === q && y === p)));
  const several = cases.filter((c) => c.labelled).length >= 2 || complementary;
  let out = text;
  for (const c of cases) out = out.replace(c.whole, `${c.lead}${(c.labelled || complementary) && several ? 'Where' : 'If'} ${c.left.trim()}, ${c.right.trim()}`);
  return out;
}
