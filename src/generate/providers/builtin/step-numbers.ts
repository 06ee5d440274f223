// Numbered steps and references back to them: "4. If any sample fails, … rework the batch; then continue at step 3."
// is a flow back to the first task of item 3, not a task "Continue at step".
import type { Token } from './tokens.ts';

const ITEM = /^\s*(?:step\s+)?(\d{1,2})\s*[.):]\s+(\S.*)$/gim;
const AGAIN_VERBS = new Set(['repeat', 'redo', 'rerun']);
const REFERRING_VERBS = new Set(['continue', 'go', 'return', 'resume', 'proceed', 'restart', 'jump', 'loop', 'repeat', 'start', 'begin']);

/** The first words of a sentence or item, to find the sentence an item became. */
function opening(text: string): string {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).slice(0, 6).join(' ');
}

/** Each numbered item's number and opening words ("1. The line operator fills …" → 1: "the line operator fills …"). */
export function numberedItems(text: string): Map<number, string> {
  const items = new Map<number, string>();
  for (const m of text.matchAll(ITEM)) if (!items.has(Number(m[1]))) items.set(Number(m[1]), opening(m[2]!));
  return items;
}

/** The step a clause sends the work back to ("then continue at step 3", "go back to step 2", "repeat steps 2–3"), or null. */
export function stepReference(tokens: Token[]): number | null {
  const at = tokens.findIndex((t, i) => /^steps?$/.test(t.lower) && /^\d{1,2}(?:[-–]\d{1,2})?$/.test(tokens[i + 1]?.text ?? ''));
  const first = Number(/^\d+/.exec(tokens[at + 1]?.text ?? '')?.[0]);
  // "repeat steps 2–3", "redo step 2": the first step named is where the work goes back to.
  if (at >= 1 && AGAIN_VERBS.has(tokens[at - 1]!.lower)) return first;
  if (at < 1 || !['at', 'to', 'from', 'with'].includes(tokens[at - 1]!.lower)) return null;
  // "if not, back to step 2": "back" alone says the work goes back.
  const refers = tokens.slice(0, at - 1).some((t) => REFERRING_VERBS.has(t.lemma) || REFERRING_VERBS.has(t.lower) || t.lower === 'back');
  return refers ? first : null;
}

/** Which task each numbered item starts with, filled in as the sentences are read. */
export class StepIndex {
  private readonly tasks = new Map<number, string>();

  constructor(private readonly items: Map<number, string>) {}

  /** After a sentence: the item it opens (by its words) starts with the sentence's first task. */
  noteSentence(words: string, firstTask: string | null): void {
    if (!firstTask) return;
    const said = opening(words);
    for (const [n, item] of this.items) if (!this.tasks.has(n) && said === item) this.tasks.set(n, firstTask);
  }

  /** The first task of item `step`; when the text numbers no items, the step-th task drawn. */
  task(step: number, drawn: { id: string }[]): string | null {
    return this.tasks.get(step) ?? (this.unnumbered ? (drawn[step - 1]?.id ?? null) : null);
  }

  /** The text numbers no items: "repeat steps 2–3" then counts the steps as drawn. */
  get unnumbered(): boolean {
    return this.items.size === 0;
  }
}
