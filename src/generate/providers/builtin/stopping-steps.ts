// Steps that stop the work when they are taken: "has 10 days to object", "can cancel within 24 hours", "may withdraw
// within two weeks". With time allowed for them, the default — nothing done in time — is what carries the process on;
// taking the step ends it ("Sublet refused", "Order cancelled"), so the follow-up work never runs after it.
import { outcomeName } from './deadlines.ts';

// What objecting or vetoing does to the thing in hand: it is refused.
const REFUSING = new Set(['object', 'veto', 'oppose', 'contest', 'dispute']);
const ENDING = new Set([...REFUSING, 'cancel', 'withdraw', 'revoke', 'terminate', 'decline', 'refuse', 'reject', 'rescind']);

/** Whether a step, when taken, stops the process ("Object to sublet", "Cancel order", "Withdraw application"). */
export function stopsProcess(label: string): boolean {
  return ENDING.has(label.split(' ')[0]!.toLowerCase()) && label.includes(' ');
}

/** "Object to sublet" → "Sublet refused", "Cancel order" → "Order cancelled": the end the step reaches. */
export function stoppedName(label: string): string {
  const [verb = '', ...rest] = label.split(' ');
  if (!REFUSING.has(verb.toLowerCase())) return outcomeName(label);
  const what = (/^(to|against)$/i.test(rest[0] ?? '') ? rest.slice(1) : rest).join(' ');
  return `${what.charAt(0).toUpperCase()}${what.slice(1)} refused`;
}
