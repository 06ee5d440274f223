// "In both cases the customer receives a letter", "Either way, HR records the decision", "Whatever the outcome, the
// buyer is notified": the sentence says every way of the choice before it comes to this step, so a refusal's way
// meets the others here instead of ending by name. So does a marker at the clause's end ("the policyholder is
// informed either way"), a step told right after a choice in the same sentence ("The permit is granted or refused,
// and the citizen is notified of the decision"; "… approved or declined; in both cases the applicant gets a letter"),
// and a closing step told "finally" ("If the deployment fails, the engineer rolls back. Finally the change manager
// closes the request": the rolled-back way is closed too).
import type { Token } from './tokens.ts';
import { verbBase } from './labels.ts';

const MARKER = '(in (both|either|all|any|each) (case|cases|event)|either way|(whatever|whichever|regardless of|no matter) (the|their|its|his|her) (outcome|decision|result|answer|verdict|choice)s?|no matter what|whichever way|(in|under) all circumstances|regardless)';
const REJOINS = new RegExp(`^${MARKER}\\b`);
const MARKED = new RegExp(`(^| )${MARKER}$`);
/** "Finally …", "Lastly …", "In the end …": the text's last step. */
const CLOSING = /^(finally|lastly|last of all|in the end|at the (very )?end|to (finish|close|wrap up))\b/;
/** Steps that wind a case up, whichever way it went: closing, filing, recording, telling. */
const WRAP_UP_VERBS = new Set(['close', 'archive', 'file', 'record', 'document', 'log', 'register', 'update', 'report', 'notify', 'inform', 'tell', 'store', 'sign', 'settle', 'complete', 'bill', 'invoice']);
/** What a choice decides: "notified of the decision", "informs her of the outcome". */
const OF_DECISION = /\b(of|about) (the|their|its|his|her) (decision|outcome|result|verdict|answer)s?\b/;

const words = (tokens: Token[]) => tokens.filter((t) => t.pos !== 'PUNCT').map((t) => t.lower);

/** Whether the sentence opens (or its first clause ends) by saying all ways of the choice meet at its step. */
export function rejoinsWays(sentence: Token[], first: Token[] = sentence): boolean {
  return REJOINS.test(words(sentence).slice(0, 5).join(' ')) || MARKED.test(words(first).join(' '));
}

/** "Finally the change manager closes the request": the step that winds every case up. */
export function closesEveryWay(tokens: Token[]): boolean {
  if (!CLOSING.test(words(tokens).join(' '))) return false;
  const verb = tokens.find((t) => t.pos === 'VERB');
  return !!verb && WRAP_UP_VERBS.has(verbBase(verb));
}

/** A clause after a choice drawn in its own sentence that every way reaches: its own subject, a marker, "of the decision". */
export function followsEveryWay(tokens: Token[], ownSubject: boolean): boolean {
  const said = words(tokens).join(' ');
  return ownSubject || REJOINS.test(said.replace(/^(and|but|then|so) /, '')) || MARKED.test(said) || OF_DECISION.test(said);
}
