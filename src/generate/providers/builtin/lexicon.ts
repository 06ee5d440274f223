// The builtin reader's word lists: which verbs and nouns play which part in a process description.

// Verbs that describe a state or a relation rather than a step someone takes.
export const NON_ACTIVITY_VERBS = new Set([
  'be', 'have', 'seem', 'become', 'exist', 'include', 'contain', 'consist', 'happen', 'mean', 'belong', 'depend', 'remain',
  'appear', 'serve', 'act', 'play', 'see', 'like', 'want', 'hope', 'occur', 'cost', 'concern', 'matter', 'achieve', 'need', 'intend',
  // "the item lands in the review queue": where a thing ends up, not a step anyone takes.
  'land',
]);
export const END_VERBS = new Set(['end', 'finish', 'stop', 'terminate', 'conclude', 'close', 'complete']);
export const START_VERBS = new Set(['start', 'begin', 'initiate', 'commence', 'trigger', 'create', 'instantiate', 'open']);
export const PROCESS_WORDS = new Set(['process', 'procedure', 'instance', 'workflow', 'case', 'transaction']);
// Of those, the ones that also name a work item someone handles: "the agent closes the case" is a step.
export const WORK_ITEM_PROCESS_WORDS = new Set(['case', 'transaction']);
// Work items whose closing ends the way they are on: "the application is closed", "the ticket is closed as a duplicate".
export const CLOSED_ITEMS = new Set([
  'application', 'ticket', 'request', 'claim', 'file', 'case', 'complaint', 'incident', 'enquiry', 'inquiry', 'query',
  'dossier', 'matter', 'report', 'issue', 'account', 'order', 'submission', 'proposal', 'appeal', 'referral',
]);
// Lists that park a person or a request with nothing more done for now: "goes on the waiting list".
// Things held for someone until they pay or confirm: released, they are let go of ("the rooms are released").
export const HELD_THINGS = new Set([
  'room', 'reservation', 'booking', 'seat', 'slot', 'table', 'place', 'hold', 'allocation', 'venue', 'date', 'appointment',
]);
export const PARKING_PLACES = new Set(['waiting list', 'waitlist', 'wait list', 'waiting-list', 'reserve list']);
// Pronouns that stand for people (or a narrator): "We then serve the meal".
export const PERSONAL_PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'they']);
// Verbs that send something: send tasks, and "… and send to X" takes the thing just handled as its object.
export const SEND_VERBS = new Set([
  'send', 'transmit', 'forward', 'submit', 'email', 'mail', 'notify', 'inform', 'post', 'deliver', 'dispatch', 'return',
  'report', 'reply', 'answer', 'advise', 'pass', 'hand', 'give',
]);
export const RECEIVE_VERBS = new Set(['receive', 'get', 'obtain']);
// Verbs that pass something to someone; with TELL_VERBS the person told is the object.
export const HANDOVER_VERBS = new Set(['send', 'forward', 'pass', 'hand', 'give', 'submit', 'transmit', 'refer', 'return', 'deliver', 'mail', 'email', 'post', 'report', 'inform', 'notify', 'advise', 'tell', 'ship', 'offer', 'resell', 'sell', 'provide', 'present']);
// Verbs whose object is whom they turn to ("asks the ward for …", "contacts the supplier").
export const ASKING_VERBS = new Set(['ask', 'request', 'contact', 'call', 'remind', 'inform', 'notify', 'email', 'phone', 'tell', 'invite']);
export const TELL_VERBS = new Set(['inform', 'notify', 'advise', 'tell']);
export const TOLD_LABELS: Record<string, string> = { inform: 'Information received', notify: 'Notification received', advise: 'Advice received' };
export const LOOP_VERBS = new Set(['repeat', 'redo', 'reiterate']);
export const GENERIC_WORDS = new Set(['procedure', 'process', 'step', 'activity', 'task', 'this', 'it', 'item', 'each', 'thing']);

// Words that open a clause and name no step of their own.
export const CONNECTIVE_WORDS = new Set([
  'if', 'when', 'whenever', 'once', 'after', 'before', 'then', 'otherwise', 'else', 'while', 'until', 'unless', 'whether',
  'meanwhile', 'meantime', 'and', 'or', 'but', 'first', 'finally', 'afterwards', 'subsequently', 'next', 'also', 'so', 'thus',
  'simultaneously', 'concurrently', 'whereas',
]);
export const CONNECTIVE_PHRASES = ['in the latter case', 'in the former case', 'in the meantime', 'alongside this', 'alongside that', 'in parallel to this', 'in parallel to that', 'parallel to this', 'parallel to that', 'at the same time as', 'at the same time', 'in parallel with', 'in parallel', 'in case of', 'in case', 'at the end', 'as soon as', 'in addition', 'at this point', 'after that', 'if not', 'or else', 'in any case', 'in all other cases', 'in any other case', 'in the other case'];
// Verbs that take no object: "goes", "stays" never borrow the thing the text is about.
export const INTRANSITIVE_VERBS = new Set([
  'go', 'come', 'stay', 'move', 'leave', 'work', 'look', 'know', 'let', 'run', 'care', 'fail', 'happen', 'arrive', 'wait',
  'start', 'begin', 'continue', 'proceed', 'live', 'sit', 'stand', 'fall', 'rise', 'expire', 'lapse', 'say', 'think', 'agree', 'retry',
  'graduate', 'refuel', 'abstain', 'complain',
  // (Bare, these are done together: "the team meets and discusses the plan" meets no plan.)
  'meet', 'convene',
  // (A body at work alone: "the jury deliberates", "the examiners confer", "the crew assembles".)
  'deliberate', 'confer', 'assemble', 'embark',
]);
// A thing that "goes", "moves" or "passes" to a party has been handed over to it.
export const MOVING_VERBS = new Set(['go', 'move', 'pass', 'travel', 'proceed', 'transfer']);
// People travelling somewhere: "drives to the customer", "walks to the ward", "returns to the depot".
export const TRAVEL_VERBS = new Set(['drive', 'walk', 'fly', 'ride', 'cycle', 'travel', 'go', 'return', 'head', 'move', 'proceed', 'commute', 'sail']);
// Verbs that start with "re" without meaning "again".
export const RE_WORDS = new Set([
  'review', 'record', 'register', 'request', 'reply', 'report', 'return', 'receive', 'reject', 'repair', 'reserve', 'release',
  'remove', 'refund', 'respond', 'resolve', 'retain', 'require', 'replace', 'remind', 'recommend', 'reduce', 'refer', 'reflect',
  'regard', 'relate', 'remain', 'rely', 'rent', 'represent', 'research', 'resign', 'restrict', 'retire', 'retrieve', 'reveal',
  'reward', 'relocate', 'read', 'reach', 'realize', 'realise', 'reason', 'recall', 'recognize', 'recruit', 'regulate', 'reimburse',
  'recover', 'restore', 'repay', 'refine', 'relay', 'reform', 'remark', 'reverse', 'revert', 'redeem', 'refuse', 'resort', 'resist',
  'reset', 'react', 'regret', 'repeat', 'revise', 'reconcile', 'redirect', 'remedy', 'render', 'renew', 'rescue', 'resume', 'retreat',
]);
// Measures, amounts and dates: never what "it" or "this" means.
export const MEASURES = new Set([
  'amount', 'sum', 'total', 'number', 'price', 'cost', 'fee', 'percent', 'percentage', 'rate', 'limit', 'threshold', 'euro',
  'dollar', 'pound', 'minute', 'hour', 'day', 'week', 'month', 'year', 'date', 'time', 'deadline', 'period', 'quantity', 'temperature', 'weight', 'height', 'length', 'volume', 'size', 'score', 'balance', 'value', 'level',
]);

// Light verbs: the noun they take names the step ("does a check of X" → "Check X", "makes a decision" → "Decide").
export const LIGHT_VERBS = new Set(['do', 'make', 'perform', 'carry', 'conduct', 'undertake', 'take', 'give', 'run', 'hold', 'complete']);

// Verbs whose "in", "on" or "out" with no object after it makes a step of its own ("signs in", "checks out").
export const STEP_PARTICLES: Record<string, string[]> = { log: ['in', 'on', 'out'], sign: ['in', 'on', 'out'], check: ['in', 'out'], clock: ['in', 'out'], move: ['in', 'out'] };
// "fills in the form", "passes on the request": "in" and "on" are particles only after these verbs.
// Verbs whose "together" is part of the step: "puts together the newsletter", "pulls the figures together".
export const TOGETHER_VERBS = new Set(['put', 'bring', 'pull', 'piece', 'get', 'stitch', 'pack']);
export const IN_ON_VERBS: Record<string, string> = { fill: 'in', hand: 'in', key: 'in', type: 'in', turn: 'in', pass: 'on' };
// Modal verbs: "may", "can", "must" … before a bare verb.
export const MODALS = new Set(['can', 'could', 'must', 'should', 'shall', 'will', 'would', 'may', 'might', "'ll", "'d"]);

// Verbs of becoming ("the stock runs low", "the tank gets empty"): the describing word after them is the state reached.
export const BECOMING_VERBS = new Set(['become', 'get', 'go', 'turn', 'grow', 'fall', 'run', 'drop']);
// Linking verbs: a describing word after them describes the subject ("stays high", "becomes available").
export const LINKING_VERBS = new Set([...BECOMING_VERBS, 'be', 'stay', 'remain', 'look', 'seem', 'appear', 'feel', 'keep', 'prove', 'sound', 'come']);
/** Heads after an opening "for" that give a reason, a purpose or a time, not a kind of thing ("For legal reasons, …", "For a quick overview, …"). */
export const NOT_KINDS_AFTER_FOR = new Set(['reasons', 'purposes', 'examples', 'instances', 'times', 'occasions', 'ages', 'years', 'decades', 'reason', 'purpose', 'example', 'instance', 'overview', 'list', 'while', 'moment', 'change']);
// Things the organisation or its system gives a party it serves, and the verb for giving each: "the customer gets a
// confirmation email" is the sender's "Send confirmation email", "gets a refund" the shop's "Issue refund".
export const GIVEN_OUT: Record<string, string> = {
  email: 'send', 'e-mail': 'send', sms: 'send', text: 'send', letter: 'send', notification: 'send', confirmation: 'send',
  reminder: 'send', feedback: 'send', decision: 'send', notice: 'send', reply: 'send', response: 'send', invoice: 'send', offer: 'send', contract: 'send', timetable: 'send', schedule: 'send', quote: 'send', quotation: 'send',
  refund: 'issue', receipt: 'issue', permit: 'issue', licence: 'issue', license: 'issue', certificate: 'issue', voucher: 'issue',
  badge: 'issue', card: 'issue', password: 'issue', pack: 'hand over', kit: 'hand over', uniform: 'hand over', laptop: 'hand over',
};
// Parties who are given things besides those the process serves: staff joining or asking, tenants, parents.
export const GIVEN_TO = new Set(['hire', 'employee', 'starter', 'joiner', 'recruit', 'parent', 'tenant', 'claimant', 'policyholder', 'buyer', 'pupil', 'child', 'traveller', 'traveler', 'supplier', 'vendor']);

// Nouns for stuff rather than single things: with no article they name all such stuff ("Damaged equipment is …").
export const MASS_NOUNS = new Set([
  'equipment', 'luggage', 'baggage', 'merchandise', 'stock', 'inventory', 'cargo', 'freight', 'mail', 'post', 'food',
  'furniture', 'material', 'paperwork', 'software', 'data', 'meat', 'milk', 'fruit', 'clothing', 'hardware',
  'machinery', 'evidence', 'correspondence', 'documentation', 'feedback', 'information',
]);

// Answering a thing, and the answer it gives: "complaints must be answered" is done by "Send response", "Draft reply".
export const ANSWERING_VERBS = new Set(['answer', 'respond', 'reply']);
export const ANSWER_WORDS = new Set(['answer', 'response', 'reply']);

/** Verbs that take the step after them in -ing ("starts drafting", "finishes packing"): the -ing verb is the step. */
export const CATENATIVE_VERBS = new Set(['start', 'begin', 'continue', 'keep', 'finish', 'stop', 'resume', 'commence']);
// Nouns that are their own verb and name a step when something "needs" or "requires" one: "a site visit", "an audit".
export const STEP_NOUNS_AS_VERBS = new Set(['visit', 'audit', 'test', 'interview', 'repair', 'survey']);

// Sizes, weights and grades of a thing, set against each other as the kinds a check sorts it into ("Minor injuries are
// treated by the nurse. Serious injuries …", "Small changes … Large changes …", "Standard orders … Express orders …").
export const SIZE_KINDS = new Set([
  'minor', 'major', 'serious', 'severe', 'mild', 'moderate', 'small', 'large', 'big', 'medium', 'low', 'high', 'simple',
  'complex', 'short', 'long', 'standard', 'express', 'routine', 'basic', 'premium',
]);

// Agents that say how a thing travels or is paid, not who acts: "sent by email", "signed by hand", "paid by bank
// transfer", "paid by credit card", "by direct debit", "confirmed by text message". ("by courier" with no article is how
// it goes too; "by the courier" names who takes it.)
export const MEANS = new Set(['email', 'e-mail', 'mail', 'post', 'phone', 'telephone', 'fax', 'hand', 'transfer', 'card', 'cheque', 'cash', 'debit', 'sms', 'text', 'message', 'letter', 'call', 'video', 'videocall', 'app']);
export const BARE_MEANS = new Set(['courier', 'messenger']);

// Verbs of choosing among ways: "decides whether …", "The agent decides: refund, store credit or refuse".
export const CHOOSING_VERBS = new Set(['choose', 'decide', 'select', 'pick', 'elect', 'determine']);
