// "The registry receives the application. The registry officer checks it.", "a help desk agent", "a warehouse
// worker": someone named only as working in a unit the text already has as a lane is that unit acting — one lane,
// under the name the text used first. A role that says more than membership ("the registry manager") is someone else.
import type { Role } from './role-variants.ts';

// Words that say only that someone works in a unit, not which role they hold there.
const MEMBER_WORDS = new Set(['officer', 'worker', 'agent', 'employee', 'clerk', 'staffer', 'member', 'operative', 'staff', 'personnel', 'colleague', 'representative', 'rep', 'associate', 'person']);

/**
 * The lane of the same unit under another mention (by the key's lemmas): the unit for one of its members ("registry
 * officer" → "registry"), or the member's lane for the unit when the member came first; undefined when none is a lane.
 */
export function unitOfMember<R extends Role>(key: string[], head: string, roles: R[]): R | undefined {
  const member = (k: string[]) => k.length > 1 && MEMBER_WORDS.has(k.at(-1)!);
  const unit = (k: string[]) => k.slice(0, -1).join(' ');
  if (member(key) && key.at(-1) === head) return roles.find((a) => a.key.join(' ') === unit(key));
  return roles.find((a) => member(a.key) && a.head === a.key.at(-1) && unit(a.key) === key.join(' '));
}
