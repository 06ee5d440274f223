// "The manager reviews the request. … The line manager then informs HR.": a role named plainly and then with a word
// saying which one is the same role — unless the word ranks it ("the head nurse" after "the nurse" is someone else),
// the word names a unit or function ("the finance manager" runs finance), the plain role already took another such
// name ("the credit manager", then "the risk manager"), or it is a unit ("the team", then "the security team").
import { UNIT_WORDS } from './actors.ts';
import { isAgentNoun } from './agents.ts';

// Words that set a role above, below or beside the plain one: a different person.
const RANKS = new Set([
  'head', 'chief', 'senior', 'junior', 'deputy', 'assistant', 'associate', 'vice', 'acting', 'general', 'regional', 'area',
  'district', 'national', 'global', 'country', 'principal', 'lead', 'executive', 'second', 'other', 'another', 'new',
]);
// Where a role works, which names no other role: "the office clerk", "the ward nurse", "the warehouse worker".
const WORKPLACES = new Set(['office', 'ward', 'desk', 'shop', 'store', 'warehouse', 'site', 'shift', 'duty', 'station', 'branch', 'counter']);

export interface Role {
  key: string[];
  head: string;
  /** The longer name this plain role was found under, once it was ("line manager" for "manager"). */
  variant?: string;
}

/** The plain role a longer name (by its key's lemmas) stands for, taking that name as its variant; undefined if none. */
export function plainRole<R extends Role>(key: string[], head: string, roles: R[]): R | undefined {
  const name = key.join(' ');
  const known = roles.find((a) => a.variant === name);
  if (known || key.length < 2 || key.at(-1) !== head || UNIT_WORDS.has(head)) return known;
  const which = key.slice(0, -1);
  const plain = roles.filter((a) => a.key.length === 1 && a.head === head);
  if (plain.length !== 1) return undefined;
  const role = plain[0]!;
  // ("the office clerk" and "the desk clerk" are both the clerk: a workplace says where, not which.)
  if (which.length === 1 && WORKPLACES.has(which[0]!)) return role;
  if (which.some((w) => RANKS.has(w) || isAgentNoun(w)) || (role.variant && role.variant !== name)) return undefined;
  role.variant = name;
  return role;
}
