// "Once the underwriter is satisfied", "when the customer is pleased with the offer": a participle of a feeling after
// a form of "be" says how someone stands — an adjective, a condition — never a step "Satisfy underwriter".
import type { Token } from './tokens.ts';

const FEELINGS = new Set(['satisfied', 'pleased', 'convinced', 'contented', 'delighted', 'disappointed', 'dissatisfied', 'unconvinced', 'happy', 'content', 'reassured']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'feels', 'feel', 'seems', 'seem', "'s"]);

/** Retags "is satisfied" (not "is satisfied by"): the participle of a feeling after "be" is an adjective. */
export function markFeelingStates(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const be = BE.has(tokens[i - 1]!.lower) || (tokens[i - 1]!.pos === 'ADV' && BE.has(tokens[i - 2]?.lower ?? ''));
    if (FEELINGS.has(t.lower) && be && tokens[i + 1]?.lower !== 'by') Object.assign(t, { pos: 'ADJ', lemma: t.lower });
  }
}
