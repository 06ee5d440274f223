// Steps a served party is said to take that our staff carry out: "The gate agent scans the boarding passes.
// Passengers board." — the gate agent boards the passengers; "The receptionist greets the guests. The guests check
// in." — the receptionist checks them in. With a party of ours at work just before, a modeller draws the step in that
// party's lane, done to the served ones ("Board passengers", "Check in guests"), and gives the public no lane of its own.
import { SERVED_PARTIES } from './agents.ts';
import type { Actor } from './actors.ts';
import type { Reading } from './reading.ts';
import { DEPARTMENT_WORDS } from './actor-tags.ts';
import { UNIT_WORDS } from './actors.ts';

// Verbs a served party "does" alone that staff do to them ("boards" = is boarded, "checks in" = is checked in).
const DONE_TO_THEM = new Set(['board', 'embark', 'disembark', 'check in', 'check out']);

/** The party of ours who takes the step, or null: `before` is who acted last, `actor` the served subject's lane. */
export function staffTaking(r: Reading, phrasal: string, before: Actor | null, actor: Actor | null): Actor | null {
  if (!before || !actor || before === actor || SERVED_PARTIES.has(before.head) || !r.subject || r.subject.head.pos === 'PRON') return null;
  if (!SERVED_PARTIES.has(r.subject.head.lemma.toLowerCase()) || r.passive || r.object || r.prep || r.recipient || r.timed) return null;
  // ("Security screens the bags. The passenger then boards.": a unit at work before is no one who boards anyone.)
  if (DEPARTMENT_WORDS.has(before.head) || UNIT_WORDS.has(before.head)) return null;
  return DONE_TO_THEM.has(phrasal) ? before : null;
}
