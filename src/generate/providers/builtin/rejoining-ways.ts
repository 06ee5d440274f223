// "In both cases the customer receives a letter", "Either way, HR records the decision", "Whatever the outcome, the
// buyer is notified": the sentence says every way of the choice before it comes to this step, so a refusal's way
// meets the others here instead of ending by name.
import type { Token } from './tokens.ts';

const REJOINS = /^(in (both|either|all|any|each) (case|cases|event)|either way|(whatever|whichever|regardless of|no matter) (the|their|its|his|her) (outcome|decision|result|answer|verdict|choice)s?|no matter what|whichever way|(in|under) all circumstances)\b/;

/** Whether the sentence opens by saying all ways of the choice meet at its step. */
export function rejoinsWays(sentence: Token[]): boolean {
  const words = sentence.filter((t) => t.pos !== 'PUNCT').map((t) => t.lower);
  return REJOINS.test(words.slice(0, 5).join(' '));
}
