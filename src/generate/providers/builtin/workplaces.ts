// Where an agentless passive is done can say who does it: "At customs, the cargo is inspected", "The samples are
// analysed in the lab", "The referral is checked at the front desk", "The goods are received in the warehouse" — a
// unit named as the place of the step is the party that does it. A system the step is done in ("registered in the
// claims system") is a tool, not the doer; a place something is taken or handed to is where it goes, not who works,
// and a place where something is stored or kept is where it lies.
import { readPhrase, type Phrase } from './phrase.ts';
import type { Token } from './tokens.ts';

// Units that are places of work by themselves: "in the lab", "at customs", "at reception", "at the pharmacy".
const WORKPLACES = new Set([
  'lab', 'laboratory', 'customs', 'pharmacy', 'warehouse', 'storehouse', 'reception', 'registry', 'kitchen', 'depot',
  'workshop', 'hospital', 'clinic', 'helpdesk', 'mailroom', 'bank', 'garage', 'bakery', 'secretariat', 'cashier',
]);
// Places that name a unit only with a noun before them: "the radiology department", "the call centre", "the security
// checkpoint", "the town hall", "the check-in counter", and "the front desk" (not "in the office", "in the main hall").
const NAMED_WORKPLACES = new Set(['desk', 'department', 'office', 'unit', 'centre', 'center', 'station', 'checkpoint', 'counter', 'hall']);
// Steps whose place is where the thing ends up or who brings it, not who works on it there: "is delivered at the depot",
// "is handed in at reception", "is paid at the desk", "is picked up at the garage", "is admitted to the hospital".
const PLACING = new Set([
  'transfer', 'send', 'forward', 'deliver', 'ship', 'admit', 'return', 'drop', 'leave', 'put', 'place', 'hand', 'submit',
  'deposit', 'lodge', 'post', 'pay', 'collect', 'pick', 'park',
  // ("The pallets are stored at the depot", "kept in the warehouse until …", "archived at the registry": a place
  // where something lies is no one's work; who stores it is whoever handled it.)
  'store', 'keep', 'hold', 'archive', 'stock', 'shelve', 'retain', 'stow', 'stack',
]);

/** The unit an agentless passive clause names as the place of its step, or null: "At customs, the cargo is inspected" → customs. */
export function workplaceOf(tokens: Token[], verb: string): Phrase | null {
  if (PLACING.has(verb)) return null;
  for (let i = 0; i < tokens.length - 1; i++) {
    if (tokens[i]!.lower !== 'at' && tokens[i]!.lower !== 'in') continue;
    const { phrase } = readPhrase(tokens, i + 1);
    if (!phrase || phrase.head.pos === 'PRON') continue;
    // ("customs" has the lemma "custom".)
    const head = phrase.head.lemma.toLowerCase();
    const before = phrase.words.at(-2);
    const modified = phrase.head === phrase.words.at(-1) && !!before && (before.pos === 'NOUN' || before.pos === 'PROPN' || before.lower === 'front');
    if (WORKPLACES.has(head) || WORKPLACES.has(phrase.head.lower) || (NAMED_WORKPLACES.has(head) && modified)) return phrase;
  }
  return null;
}

/** "The clerk forwards the file to legal. There the contract is reviewed.": a step done "there" (not "there is"). */
export function doneThere(tokens: Token[]): boolean {
  return tokens.some((t, i) => t.lower === 'there' && tokens[i + 1]?.lemma !== 'be');
}
