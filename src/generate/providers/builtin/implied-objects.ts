// What a verb written without its object acts on. "The board approves" after "the proposal is sent to the board"
// approves the proposal; "the surgeon operates" after "the patient is admitted" operates on the patient; "the manager
// decides" decides on the request in hand. A modeller's label names that object ("Approve proposal", "Operate on
// patient", "Decide on request"), so the step is neither a bare verb nor dropped.
import { SERVED_PARTIES } from './agents.ts';
import { INTRANSITIVE_VERBS } from './lexicon.ts';
import { STANDALONE_VERBS } from './label-gate.ts';
import type { Phrase } from './phrase.ts';
import type { Reading } from './reading.ts';
import type { ActorRegistry } from './actors.ts';
import { PERSON_VERBS } from './person-pronouns.ts';

// Verbs that take their object after a preposition ("decides on", "operates on", "responds to").
const PREPOSITION_OF: Record<string, string> = {
  decide: 'on', vote: 'on', comment: 'on', operate: 'on', respond: 'to', reply: 'to', react: 'to', agree: 'to', consent: 'to', object: 'to',
};
/** "replies to the customer", "responds to the client": the verb acts on what follows its preposition. */
export const actsOnAfter = (base: string, preposition: string) => PREPOSITION_OF[base] === preposition;

// Verbs that make a whole step alone ("Approve") but name their object when the text has one in hand.
// ("Pay" stays alone: what is paid is an amount or a person as often as the thing in hand.)
const OBJECT_IN_HAND = new Set(['approve', 'reject', 'decline', 'review', 'sign', 'check', 'test', 'confirm', 'ship', 'pack', 'deploy', 'reconcile', 'escalate']);
// Things owed: "has 14 days to pay" after the invoice is sent pays the invoice, where "pays" after "the courier
// delivers the parcel" pays no parcel.
const OWED = new Set(['invoice', 'bill', 'fee', 'fine', 'premium', 'rent', 'deposit', 'charge', 'penalty', 'instalment', 'installment', 'tax', 'duty', 'toll', 'balance', 'ticket', 'claim', 'debt', 'loan', 'subscription', 'tuition']);
// Verbs done to people and nothing else: with no person named, no thing in hand is what they act on.
const PEOPLE_ONLY = new Set(['operate', 'examine', 'treat', 'sedate', 'vaccinate', 'counsel', 'interview', 'advise', 'greet', 'welcome', 'escort', 'reassure', 'thank', 'congratulate', 'coach']);
// Verbs whose "if …" asks a question ("decides if the client needs to come in") rather than sets a condition.
const ASKING_IF = new Set(['decide', 'check', 'confirm', 'determine', 'ask', 'see', 'find']);

/**
 * The reading of a clause with no object, completed with the object its verb leaves unsaid; null when the verb says
 * all. `thing` is the work item in hand, `person` the last person named other than the one acting, for verbs done to
 * people.
 */
export function withImpliedObject(r: Reading, base: string, thing: Phrase | null, person: () => Phrase | null): Reading | null {
  // ("meets every Wednesday": with a time where the object would be, what is met is anyone's guess.)
  // (Paying what is owed has its time: "must pay within 30 days".)
  const owed = base === 'pay' && !!thing && OWED.has(thing.head.lemma.toLowerCase());
  // ("collects at 5 pm": a time after a preposition leaves the object's place empty.)
  // (Only with a subject: "alerts during the night go …" in a note is no step "Alert".)
  const timeForObject = r.timed && !(r.subject && r.verb && r.rest[r.rest.indexOf(r.verb) + 1]?.pos === 'ADP');
  if (r.prep || r.recipient || r.particle || (timeForObject && !owed)) return null;
  const preposition = PREPOSITION_OF[base];
  if (!preposition && INTRANSITIVE_VERBS.has(base)) return null;
  // A verb complete alone names the thing in hand only when the clause says nothing more.
  const alone = !!preposition || STANDALONE_VERBS.has(base);
  if (alone && (!(preposition || owed || OBJECT_IN_HAND.has(base)) || !saysNoMore(r, base))) return null;
  // ("The passenger then boards", "the patient registers": one served does it as themself, to nobody else.)
  if (PERSON_VERBS.has(base) && r.subject && SERVED_PARTIES.has(r.subject.head.lemma.toLowerCase())) return null;
  // ("The radiologist reads the images. The surgeon operates.": operating on the images says nothing; with nobody to
  // do it to, the verb done only to people is left bare and named by its noun, "Perform surgery".)
  const object = (PERSON_VERBS.has(base) ? person() : null) ?? (PEOPLE_ONLY.has(base) && thing && !caseHolder(thing) ? null : thing);
  // ("The QA team tests." after "runs the tests": "Test tests" says nothing more than "Test".)
  if (!object || object.head.lemma.toLowerCase().replace(/s$/, '') === base) return null;
  return actingOn(r, base, object);
}

/**
 * Who a verb done to people never acts on when its object is left unsaid: the one acting, and any party that acts in
 * the process (has a lane) other than one it serves. "The radiologist reads the images. The surgeon operates." operates
 * on the patient, never on the radiologist; with no patient named the step is the bare verb ("Operate").
 */
export function actingOrOurs(acting: (p: Phrase) => boolean, actors: ActorRegistry): (p: Phrase) => boolean {
  return (p) => acting(p) || (!caseHolder(p) && actors.actors.some((a) => actors.isUsed(a) && actors.names(p, a)));
}
// People a case is about besides the parties served: "The new employee signs the contract. HR welcomes."
const CASE_PEOPLE = new Set(['employee', 'hire', 'starter', 'joiner', 'recruit', 'tenant', 'child', 'pupil', 'trainee', 'intern', 'borrower', 'claimant', 'policyholder', 'taxpayer', 'victim', 'defendant', 'suspect', 'person']);
const caseHolder = (p: Phrase) => SERVED_PARTIES.has(p.head.lemma.toLowerCase()) || CASE_PEOPLE.has(p.head.lemma.toLowerCase());

/** The reading with `object` as what the verb acts on: its object, or after its preposition ("Decide on batch"). */
export function actingOn(r: Reading, base: string, object: Phrase): Reading {
  const preposition = PREPOSITION_OF[base];
  if (!preposition) return { ...r, object };
  const word = { text: preposition, lower: preposition, pos: 'ADP', lemma: preposition };
  return { ...r, object: null, prep: { word, phrase: object } };
}

/**
 * Whether nothing the verb could act on follows it: "decides whether to …", "decides if …" and an object the reader
 * could not take apart ("reviews both") say more than a bare verb.
 */
function saysNoMore(r: Reading, base: string): boolean {
  let at = r.verb ? r.rest.indexOf(r.verb) + 1 : 0;
  while (r.rest[at]?.pos === 'ADV') at++;
  const next = r.rest[at];
  if (!next || next.pos === 'PUNCT' || next.pos === 'CCONJ') return true;
  if (next.lower === 'whether' || (next.lower === 'if' && ASKING_IF.has(base))) return false;
  return !['DET', 'NOUN', 'PROPN', 'PRON', 'ADJ', 'NUM'].includes(next.pos) && next.lower !== 'to';
}

// Verbs done by making their noun, for when nothing in hand names what they act on: "has 10 days to object" → Raise
// objection, "the customer complains" → File complaint, "the citizen may appeal" → File appeal.
// So are the verbs done only to people, when nobody is there to name: "the surgeon operates" → Perform surgery.
const MADE_AS_NOUN: Record<string, string> = {
  object: 'Raise objection', complain: 'File complaint', appeal: 'File appeal', protest: 'Lodge protest',
  operate: 'Perform surgery', examine: 'Perform examination', treat: 'Give treatment', advise: 'Give advice', interview: 'Hold interview',
  counsel: 'Give counselling', vaccinate: 'Give vaccination', coach: 'Give coaching',
};
/** The label of a verb left bare that is done by making its noun, or null. */
export const madeAsNoun = (label: string): string | null => MADE_AS_NOUN[label.toLowerCase()] ?? null;
