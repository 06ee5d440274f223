// A condition of two parts keeps both: "If the damage is covered and the estimate is above 5,000 EUR" is labelled
// "damage covered and estimate above 5,000 EUR", not cut after six words to "… and estimate above 5,000", and "If the
// candidate has a degree and three years of experience" keeps "three years of experience". Each part is kept short on
// its own; a condition of one part is kept to its first six words as before.

const JOINERS = new Set(['and', 'or', 'but']);
const PART_WORDS = 6;
/** Words that cannot end a part: "… and estimate above" would leave the amount out. */
const DANGLING = new Set(['and', 'or', 'but', 'to', 'of', 'for', 'with', 'by', 'from', 'in', 'on', 'at', 'as', 'if', 'than', 'whether', 'not']);

function trimmed(part: string[]): string[] {
  const kept = part.slice(0, PART_WORDS);
  while (kept.length && DANGLING.has(kept.at(-1)!)) kept.pop();
  return kept;
}

/**
 * The words of a condition label to keep: with one joiner between two parts of two words or more ("damage covered" /
 * "estimate above 5,000 EUR"), each part up to six words; otherwise the first six words.
 */
export function keptConditionWords(words: string[]): string[] {
  const at = words.findIndex((w, i) => i >= 2 && JOINERS.has(w));
  const [left, right] = at > 0 ? [words.slice(0, at), words.slice(at + 1)] : [words, []];
  // ("student, pensioner or unemployed": a list of single words is one part, short enough as it is.)
  if (at < 0 || at > PART_WORDS || right.length < 2 || words.length <= PART_WORDS || right.some((w) => JOINERS.has(w))) return trimmed(words);
  const [a, b] = [trimmed(left), trimmed(right)];
  return b.length ? [...a, words[at]!, ...b] : a;
}
