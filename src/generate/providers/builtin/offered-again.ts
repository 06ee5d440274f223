// An offer made again loops back to the step that made it: "The venue sends a proposal. If the organiser proposes other
// dates, the venue makes a new proposal", "If the buyer asks for changes, the supplier sends a revised quote", "the
// school offers another place". The new proposal is the first one done once more — the way goes back to "Send
// proposal" (and the answer to it comes again) instead of a second copy that runs on into the accepting way's work.
import { OFFERING_VERBS } from './outcome-ways.ts';
import { RENEWED } from './rework-loops.ts';
import type { Phrase } from './phrase.ts';

/**
 * The earlier step an offering verb with a renewed object repeats ("makes a new proposal" → "Send proposal", "sends a
 * revised quote" → "Send quote", "makes a new offer" → "Offer place"); null when nothing offered that thing ("sends a
 * new invoice" with no invoice sent before) or the object is not renewed ("sends the contract").
 */
export function offeredAgain<T extends { id: string; label: string }>(base: string, object: Phrase | null, steps: T[]): string | null {
  if (!OFFERING_VERBS.has(base) || !object || object.head.pos === 'PRON') return null;
  if (!object.words.some((w) => RENEWED.has(w.lower) || w.lower === 'different')) return null;
  const head = object.head.lemma.toLowerCase();
  const made = steps.findLast((s) => {
    const words = s.label.toLowerCase().split(' ');
    return OFFERING_VERBS.has(words[0]!) && (words.at(-1) === head || words.at(-1) === object.head.lower || (words[0] === head && words.length > 1));
  });
  return made?.id ?? null;
}
