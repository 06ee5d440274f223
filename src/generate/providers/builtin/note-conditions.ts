// Notes state a case and its outcome with an arrow or an equals sign: "certificate missing -> reject", "supplier
// listed = reject", "not active → reject the claim", "amount > 500 => manager approves". A short verbless state on
// the left is a condition, so the line reads as "If certificate missing, reject." — not as two steps in a row.

/** Words that describe a state a case is in. */
const STATES = new Set([
  'missing', 'active', 'inactive', 'valid', 'invalid', 'complete', 'incomplete', 'ok', 'okay', 'late', 'overdue', 'unpaid',
  'expired', 'empty', 'available', 'unavailable', 'absent', 'present', 'positive', 'negative', 'high', 'low', 'wrong',
  'correct', 'unclear', 'clear', 'yes', 'no', 'true', 'false', 'eligible', 'ineligible', 'urgent', 'critical', 'fine',
]);
/** A verbless state: "no ID", "not active", "certificate missing", "supplier listed", "manager unknown", "amount > 500". */
function isState(left: string): boolean {
  const words = left.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 5) return false;
  const last = words.at(-1)!;
  return /^(no|not|without)$/.test(words[0]!) || /[<>≤≥]/.test(left) || STATES.has(last) || /^un[a-z]{4,}$/.test(last) || (/[a-z]{3,}ed$/.test(last) && words.length <= 3);
}

// A line or sentence "LEFT -> RIGHT", "LEFT = RIGHT": the left side up to the arrow, the right side up to the end.
const ARROWED = /(^|[.!?]\s+|\n\s*)([^\n.!?]*?)\s*(?:-->|->|→|=>|=)\s*([^\n.!?]+)/g;

/** The text with each arrowed case written as an "If …," sentence. */
export function arrowedCases(text: string): string {
  return text.replace(ARROWED, (whole: string, lead: string, left: string, right: string) => {
    // ("No receipt = no refund": a state on both sides is a missing thing and what goes without it, read elsewhere.)
    if (/^\s*(if|when|whenever|unless|in case)\b/i.test(left) || /^\s*(no|not|nothing)\b/i.test(right) || !isState(left) || right.trim().split(/\s+/).length > 8) return whole;
    return `${lead}If ${left.trim()}, ${right.trim()}`;
  });
}
