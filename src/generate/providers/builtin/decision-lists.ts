// A decision whose options follow a colon: "The agent decides: refund, store credit or refuse.", "The outcome is one
// of: approve, approve with conditions, reject.", "The manager chooses one of: approve, defer or decline." The options
// are the ways of one choice, each the decider's step — not a task per word in a row, nor a task "Approve outcome".
// They are rewritten as "The agent either refunds it, offers store credit or refuses it.", which the reader draws as
// one exclusive gateway (a refusing or rejecting way ends there, unless the text sends it on). An option that is a
// verb is done to the thing decided on ("it"); one that names a step ("approval", "a replacement") is that step; one
// that names a thing ("store credit", "a partial refund") is offered. With no decider named ("The outcome is …") the
// decider is the subject of the sentence before. Lists of things or fields after a colon ("The form asks for: name,
// address or phone") name no decision and are left alone.
import { CHOOSING_VERBS, STEP_NOUNS_AS_VERBS } from './lexicon.ts';
import { verbOfNoun, thirdPerson } from './nominal-steps.ts';
import { ACTION_NOUNS } from './relative-condition.ts';
import { canBeVerb, readSentences, verbFrom, type Sentence, type Token } from './tokens.ts';

/** "The outcome is one of:", "The possible decisions are:", "The result can be:" — outcomes named with no decider. */
const OUTCOME_LEAD = /^(?:the )?(?:possible |final )?(?:outcome|outcomes|result|results|decision|decisions|verdict|options)(?: is| are| can be| will be)(?: one of| either)?$/;
/** What may stand between the deciding verb and the colon: "decides on one of", "chooses between". */
const AFTER_VERB = /^(?:(?:on |upon )?(?:one of|between|among)|on|the outcome|one of the following)?$/;
const SUBJECT = new Set(['DET', 'ADJ', 'NOUN', 'PROPN']);

const text = (ts: Token[]) => ts.map((t) => t.text).join(' ');

/** The decider's words before a deciding verb, or null: "The agent" of "The agent decides". */
function decider(before: Token[]): Token[] | null {
  return before.length && before.length <= 4 && before.every((t) => SUBJECT.has(t.pos)) && ['NOUN', 'PROPN'].includes(before.at(-1)!.pos) ? before : null;
}

/** An option as the decider's step: its words ("refunds it") and the text's word its verb is traced to ("refund"). */
interface Step {
  said: string;
  /** The option's verb or step noun; null for a thing offered, traced to the deciding verb. */
  source: Token | null;
}

/** One option as the decider's step in the third person: "refund" → "refunds it", "store credit" → "offers store credit". */
function asStep(item: Token[], thing: string): Step | null {
  const [first, next] = [item[0], item[1]];
  // ("the customer gets a refund": a clause is no option word; "paid leave", "a signed copy": a participle describes.)
  if (!first || item.length > 5 || item.some((t) => t.pos === 'VERB' && /[^s]s$/.test(t.lower))) return null;
  // "refund", "approve with conditions", "escalate to level 2": a verb, done to the thing decided on.
  const verbFirst = first.pos !== 'DET' && !/ed$/.test(first.lower) && canBeVerb(first.lower) && (!next || ['ADP', 'PART', 'DET'].includes(next.pos) || /^(to|with|for|by|on|in)$/.test(next.lower));
  if (verbFirst) return { said: `${thirdPerson(first.lower)} ${thing}${item.length > 1 ? ` ${text(item.slice(1))}` : ''}`, source: first };
  // ("approval with conditions": what follows the step noun goes with the step.)
  const by = item.findIndex((t, k) => k > 0 && t.pos === 'ADP');
  const words = item.slice(0, by > 0 ? by : item.length).filter((t) => t.pos !== 'DET');
  const rest = by > 0 ? ` ${text(item.slice(by))}` : '';
  const head = words.at(-1);
  if (!head || !['NOUN', 'PROPN', 'VERB', 'ADJ'].includes(head.pos)) return null;
  // "approval", "rejection", "a replacement": a step named by its noun.
  const verb = words.length === 1 ? (ACTION_NOUNS[head.lower]?.[1] ?? (/(ion|ment|al|ance)$/.test(head.lower) || STEP_NOUNS_AS_VERBS.has(head.lower) ? verbOfNoun(head.lower) : null)) : null;
  return verb ? { said: `${thirdPerson(verb)} ${thing}${rest}`, source: head } : { said: `offers ${text(item).toLowerCase()}`, source: null };
}

/** What the sentence before works on: "the application" of "The officer reviews the application.", else "it". */
function thingOf(s: Sentence | undefined): string {
  const verb = s?.findIndex((t) => t.pos === 'VERB') ?? -1;
  if (!s || verb < 0) return 'it';
  let at = verb + 1;
  while (s[at]?.pos === 'DET' || s[at]?.pos === 'PRON') at++;
  let end = at;
  while (['ADJ', 'NOUN', 'PROPN'].includes(s[end]?.pos ?? '') && end - at < 3) end++;
  return end > at && s[end - 1]!.pos === 'NOUN' ? `the ${text(s.slice(at, end)).toLowerCase()}` : 'it';
}

/** The subject of a sentence that opens with one: "The officer" of "The officer reviews the application." */
function subjectOf(s: Sentence | undefined): Token[] | null {
  const verb = s?.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX') ?? -1;
  return s && verb > 0 ? decider(s.slice(0, verb)) : null;
}

/**
 * "The agent decides: refund, store credit or refuse." → "The agent either refunds it, offers store credit or refuses
 * it."; null when the sentence is no decision with its options after a colon.
 */
export function decisionList(sentence: Sentence, previous: Sentence | undefined): Sentence | null {
  const colon = sentence.findIndex((t) => t.text === ':');
  if (colon < 2) return null;
  const lead = sentence.slice(0, colon);
  const verbAt = lead.findIndex((t) => CHOOSING_VERBS.has(t.lemma) || CHOOSING_VERBS.has(t.lower.replace(/s$/, '')));
  const who = verbAt > 0 && AFTER_VERB.test(text(lead.slice(verbAt + 1)).toLowerCase()) ? decider(lead.slice(0, verbAt)) : OUTCOME_LEAD.test(text(lead).toLowerCase()) ? subjectOf(previous) : null;
  if (!who) return null;
  const body = sentence.slice(colon + 1).filter((t) => !/^[.!]$/.test(t.text));
  const items: Token[][] = [[]];
  for (const t of body) {
    if (t.text === ',' || t.text === ';' || (t.lower === 'or' && t.pos === 'CCONJ')) items.push([]);
    else items.at(-1)!.push(t);
  }
  const options = items.filter((i) => i.length);
  // ("… one of: …" may list without "or"; a bare list must offer a choice.)
  if (options.length < 2 || (!body.some((t) => t.lower === 'or') && !/one of|between|among/.test(text(lead).toLowerCase()))) return null;
  const thing = thingOf(previous);
  const steps = options.map((o) => asStep(o, thing));
  if (steps.some((s) => !s)) return null;
  const subject = text(who.map((t, k) => (k ? t : { ...t, text: t.text.charAt(0).toUpperCase() + t.text.slice(1) })));
  const said = steps.map((s) => s!.said);
  let read = readSentences(`${subject} either ${said.slice(0, -1).join(', ')} or ${said.at(-1)}.`)[0];
  if (!read) return null;
  // Each step's verb is the text's own word, retagged — the option's verb or step noun, else the deciding verb, else
  // the thing offered — so the verb trace finds the task's verb in the text.
  const deciding = verbAt > 0 ? lead[verbAt]! : null;
  let at = read.findIndex((t) => t.lower === 'either') + 1;
  steps.forEach((step, k) => {
    const source = step!.source ?? (deciding && !steps.slice(0, k).some((s) => !s!.source) ? deciding : options[k]!.at(-1)!);
    const verbWord = step!.said.split(' ')[0]!;
    read = verbFrom(read!, verbWord, source, at);
    at = read.indexOf(source) + 1;
  });
  return read;
}
