// Does a noun phrase name someone who can act (a person, role, organisation or system) rather than a thing?
import { DEPARTMENT_WORDS } from './actor-tags.ts';
import { MEASURES } from './lexicon.ts';
import type { Phrase } from './phrase.ts';
import { thirdPersonBase } from './verb-lemma.ts';

// Roles and organisational units that carry no agentive suffix.
const AGENT_NOUNS = new Set([
  'guest', 'kitchen', 'registry', 'storehouse', 'warehouse', 'party', 'management', 'system', 'head', 'company', 'bank',
  'authority', 'committee', 'board', 'personnel', 'staff', 'team', 'people', 'person', 'patient', 'student', 'nurse', 'chef',
  'clerk', 'secretary', 'admin', 'boss', 'chief', 'expert', 'analyst', 'architect', 'desk', 'center', 'centre', 'office',
  'unit', 'department', 'division', 'agency', 'ministry', 'court', 'hospital', 'school', 'university', 'lab', 'laboratory',
  'shop', 'store', 'factory', 'plant', 'crm', 'erp', 'software', 'platform', 'server', 'service', 'helpdesk', 'support',
  'logistics', 'engineering', 'billing', 'shipping', 'nursing', 'housekeeping', 'catering', 'underwriting', 'operations', 'compliance', 'treasury', 'payroll', 'customs', 'reception', 'ops', 'qa', 'finance', 'accounting', 'sales', 'marketing', 'purchasing', 'procurement', 'hr', 'it', 'legal', 'family',
  'police', 'government', 'council', 'firm', 'hotel', 'restaurant', 'bakery', 'pharmacy', 'airline', 'insurer', 'vendor',
  'client', 'customer', 'citizen', 'resident', 'parent', 'colleague', 'rep', 'lead', 'staffer', 'owner', 'user', 'guard', 'pilot', 'cook', 'judge', 'staff', 'crew', 'tech', 'physician', 'doctor', 'candidate', 'applicant', 'tenant', 'landlord',
  // Roles whose ending says nothing: "checked by the registrar", "signed by the dean", "approved by the bursar".
  'registrar', 'bursar', 'dean', 'provost', 'official', 'surgeon', 'mechanic', 'paramedic', 'medic', 'midwife', 'notary',
  'attorney', 'counsel', 'paralegal', 'bailiff', 'sheriff', 'steward', 'captain', 'jury', 'faculty', 'secretariat', 'bureau', 'inspectorate', 'vet',
  'warden', 'principal', 'panel', 'coach', 'chemist', 'cleaner', 'intern', 'host', 'visitor', 'courier', 'carrier', 'driver',
  // Businesses and institutions named for what they are: "the dairy delivers", "the clinic calls back".
  'dairy', 'brewery', 'winery', 'distillery', 'nursery', 'refinery', 'foundry', 'academy', 'charity', 'municipality',
  'embassy', 'consulate', 'library', 'garage', 'workshop', 'mill', 'farm', 'depot', 'cafe', 'canteen', 'tribunal', 'ward',
  // Stations of a kitchen or a line that act: "the grill station cooks the meat".
  'station',
]);
const NEWCOMERS = new Set(['hire', 'starter', 'joiner']);
// "the foreman", "the salesperson", "the chairwoman": a compound on -man, -woman or -person is someone.
const PERSON_COMPOUND = /[a-z]{3,}(man|woman|person|people)$/;
/** Outside parties the process serves: what is sent to them is not waited for unless the text says so. */
export const SERVED_PARTIES = new Set(['customer', 'client', 'requester', 'applicant', 'guest', 'patient', 'citizen', 'resident', 'attendee', 'caller', 'user', 'member', 'participant', 'subscriber', 'visitor', 'passenger', 'student', 'candidate', 'sender']);
// Words with an agent-like ending that name things.
const THING_NOUNS = new Set([
  'order', 'letter', 'number', 'paper', 'folder', 'matter', 'answer', 'register', 'offer', 'transfer', 'power', 'water', 'filter',
  'border', 'cover', 'chapter', 'error', 'door', 'floor', 'color', 'colour', 'corner', 'header', 'footer', 'trigger', 'barrier',
  'event', 'content', 'percent', 'incident', 'component', 'fee', 'invoice', 'parameter', 'voucher', 'container', 'calendar',
  'reminder', 'counter', 'identifier', 'banner', 'tender', 'ledger', 'poster', 'timer', 'printer', 'sticker', 'river', 'dinner', 'weather',
  'consent', 'intent', 'extent', 'talent', 'request', 'response', 'list', 'checklist', 'shortlist', 'waitlist', 'playlist', 'wishlist', 'watchlist', 'worklist', 'blacklist', 'whitelist', 'summer', 'winter', 'quarter', 'meter',
  // Machines and tools named for what they do ("repairs the boiler", "replaces the router").
  'boiler', 'computer', 'router', 'scanner', 'heater', 'sensor', 'compressor', 'generator', 'motor', 'elevator',
  'freezer', 'dryer', 'washer', 'charger', 'trailer', 'cylinder', 'drawer', 'binder', 'burner', 'cooler', 'cutter',
  'radiator', 'thermometer', 'detector', 'projector', 'adapter', 'connector', 'calculator', 'flyer',
  'transformer', 'conveyor', 'reactor', 'tractor', 'inverter', 'converter', 'breaker', 'digester', 'extractor', 'ventilator',
  // Things that end like "applicant" or "client": "approves the grant", "pays the rent".
  'grant', 'warrant', 'rent', 'patent', 'accident', 'variant', 'implant', 'covenant', 'ingredient', 'nutrient', 'solvent', 'detergent',
]);

/** A word that alone names a unit, function or role without an agent ending: "finance", "HR", "sales", "nurse". */
export function isAgentNoun(lemma: string): boolean {
  return AGENT_NOUNS.has(lemma) || DEPARTMENT_WORDS.has(lemma);
}

// "The others", "the rest", "the remaining ones": what is left of a set named before, never a party of its own.
const LEFT_OVER = /^(others?|rest|remainder|ones?)$/;

// A severity, priority or category code ("Sev3", "P1", "Prio-2") grades a case; it never names who acts.
export const GRADE_CODE = /^(?:sev|p|prio|cat)-?\d$/i;
// Words that take a code after them to grade a case: "Category C patients", "Priority 1 calls", "Severity 2 incidents".
export const GRADE_WORDS = new Set(['category', 'priority', 'severity', 'class', 'grade', 'level']);

export function namesSomeone(p: Phrase): boolean {
  const head = p.head;
  if (LEFT_OVER.test(head.lower) || GRADE_CODE.test(head.text)) return false;
  // A capital on the first word of a sentence ("Invoices are checked") does not make a name.
  const capitalisedOnlyByPosition = head.first && p.words.length === 1 && !/^[A-Z0-9]{2,}$/.test(head.text);
  // ("checks their ID", "enters the PIN": acronyms of things a person has, not of departments.)
  if (THING_ACRONYMS.test(head.text)) return false;
  if (head.pos === 'PROPN' && !capitalisedOnlyByPosition) return !/^\d/.test(head.text);
  if (head.pos === 'PRON' || head.pos === 'NUM') return false;
  // ("Parents must return …", "Applicants are asked …": the tagger's name keeps its plural; a known party's singular says who.)
  const singular = head.pos === 'PROPN' ? thirdPersonBase(head.lower) : '';
  if (AGENT_NOUNS.has(singular) || SERVED_PARTIES.has(singular)) return true;
  const lemma = head.lemma.toLowerCase();
  if (namesFunction(p)) return true;
  // ("gets the new hire to sign the contract": someone just hired, not the hire of a car.)
  if (NEWCOMERS.has(lemma) && p.words.some((w) => w.lower === 'new')) return true;
  // ("checked by sales": a department named by a plural is listed as written, not by its lemma "sale".)
  return (head.lower !== lemma && AGENT_NOUNS.has(head.lower)) || roleWord(lemma);
}

// What a passive's "by" names beyond roles and units: a carrier or a system that does the step ("issued by the
// shipping line", "collected by the recruiting tool", "deployed by the pipeline", "assembled by the production line").
// ("marked by a red line", "covered by the policy": a line with no noun before it, and other things, do nothing.)
const BY_AGENT_HEADS = new Set(['tool', 'pipeline', 'bot', 'robot', 'portal', 'script', 'line']);

/** Whether the agent of a passive names who does the step: someone, or a carrier or system acting. */
export function namesPassiveAgent(p: Phrase): boolean {
  const lemma = p.head.lemma.toLowerCase();
  if (!BY_AGENT_HEADS.has(lemma) || p.head !== p.words.at(-1)) return false;
  return lemma !== 'line' || p.words.at(-2)?.pos === 'NOUN';
}

/** Whether a noun's lemma names a role or unit by itself or by its ending: "nurse", "finance", "manager", "salesperson". */
export function roleWord(lemma: string): boolean {
  if (AGENT_NOUNS.has(lemma) || DEPARTMENT_WORDS.has(lemma)) return true;
  if (THING_NOUNS.has(lemma) || /ment$/.test(lemma)) return lemma === 'department' || lemma === 'management';
  return /(er|or|ist|ant|ent|ian|ee|ier|eer|yst)$/.test(lemma) || /(representative|executive|officer|member)$/.test(lemma) || (PERSON_COMPOUND.test(lemma) && !/human$/.test(lemma));
}

// "tested by quality control", "quality assurance signs off", "chased by credit control", "stock control counts it":
// a unit named for the work it does, a noun and "control" or "assurance".
const FUNCTION_HEADS = new Set(['control', 'assurance']);
function namesFunction(p: Phrase): boolean {
  const before = p.words.at(-2);
  return FUNCTION_HEADS.has(p.head.lemma.toLowerCase()) && p.head === p.words.at(-1) && !!before && before.pos === 'NOUN';
}

const THING_ACRONYMS = /^(?:ID|PIN|IBAN|PDF|URL|VIN|SSN|OTP|SKU|PO|CV|QR|SIM|MRI|CT|ECG|EKG|X-[Rr]ay)s?$/;

// Things and abstractions a process acts on; a subject like these never gets a lane.
const THINGS = new Set([
  'process', 'procedure', 'step', 'instance', 'case', 'file', 'data', 'information', 'document', 'documentation', 'report',
  'request', 'order', 'claim', 'form', 'item', 'part', 'result', 'outcome', 'task', 'activity', 'phase', 'application', 'mail',
  'message', 'letter', 'email', 'invoice', 'payment', 'product', 'goods', 'package', 'list', 'table', 'record', 'decision',
  'time', 'date', 'amount', 'money', 'price', 'issue', 'ticket', 'requirement', 'detail', 'schedule', 'plan', 'way', 'workflow',
  'transaction', 'problem', 'incident', 'error', 'rest', 'thing', 'recommendation', 'proposal', 'account', 'statement',
  'vacancy', 'presentation', 'quotation', 'offer', 'contract', 'approval', 'change', 'feedback', 'notification', 'notice',
  'delivery', 'shipment', 'material', 'review', 'test', 'check', 'version', 'release', 'code', 'build', 'budget', 'cost',
  'fee', 'reimbursement', 'refund', 'answer', 'question', 'result', 'solution', 'status', 'value', 'number', 'quality',
  // Objects, places and happenings that are handled, never acting parties.
  'bag', 'box', 'roll', 'lot', 'size', 'address', 'audit', 'changeover', 'diagram', 'fire', 'exit', 'overtime', 'weight',
  'measure', 'pressure', 'sample', 'percentage', 'crop', 'batch', 'pallet', 'parcel', 'site', 'field', 'name', 'path', 'work',
]);
// Words of time: "Once a quarter, HR …", "the yearly lab tech": never part of who acts.
const TIME_WORDS = new Set([
  'morning', 'evening', 'night', 'day', 'weekday', 'week', 'month', 'year', 'quarter', 'hour', 'minute', 'weekend', 'time',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yearly', 'daily', 'weekly', 'monthly',
  'quarterly', 'annual', 'annually', 'nightly', 'hourly', 'today', 'tomorrow', 'same', 'next', 'last', 'every', 'once',
  'moment', 'fortnight',
  // ("begins in September", "collects at 5 pm", "fasts 4 h before the scan"; not "hr" or "am": HR, "I am".)
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'pm', 'noon', 'midnight', 'h', 'min', 'mins',
]);

export function isTimeWord(lemma: string): boolean {
  return TIME_WORDS.has(lemma.toLowerCase());
}

/** Looser, for the subject of an active verb with an object: any concrete noun that is not a thing of the process. */
/** A noun that names a thing a process handles ("invoice", "report"), never who acts. */
export function isThing(lemma: string): boolean {
  return THINGS.has(lemma) || THING_NOUNS.has(lemma);
}

export function mayAct(p: Phrase): boolean {
  if (namesSomeone(p)) return true;
  const head = p.head;
  if (LEFT_OVER.test(head.lower)) return false;
  if (head.pos !== 'NOUN' || !/^[a-z][a-z-]{2,}$/i.test(head.text)) return false;
  const lemma = head.lemma.toLowerCase();
  return !THINGS.has(lemma) && !TIME_WORDS.has(lemma) && !MEASURES.has(lemma) && !/(ion|ment|ance|ence|ity|ness|ing|ure|ism)$/.test(lemma);
}
