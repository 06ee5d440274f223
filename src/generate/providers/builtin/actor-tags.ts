// Tag fixes about who acts: department names the tagger reads as verbs or adjectives, hand-over verbs it reads as adverbs.
import { canBeVerb, type Token } from './tokens.ts';
import { thirdPersonBase } from './verb-lemma.ts';

/**
 * Departments named by an activity or an adjective ("Purchasing", "Receiving", "Legal"): the tagger reads them as a
 * gerund or an adjective, so a sentence "Purchasing orders the parts" has no subject.
 */
export const DEPARTMENT_WORDS = new Set([
  'purchasing', 'receiving', 'shipping', 'accounting', 'legal', 'marketing', 'engineering', 'billing', 'invoicing',
  'planning', 'manufacturing', 'packaging', 'packing', 'dispatch', 'scheduling', 'recruiting', 'recruitment', 'training',
  'nursing', 'housekeeping', 'catering', 'underwriting', 'lending', 'ticketing', 'admissions', 'facilities', 'security',
  'finance', 'compliance', 'procurement', 'payroll', 'logistics', 'operations', 'sales', 'support', 'quality', 'editorial',
  'monitoring', 'alerting', 'auditing', 'reporting', 'maintenance', 'production', 'provisioning',
]);

// Verb forms that hand something on, which the tagger reads as adverbs or nouns after "and" ("and forwards it").
const HANDING_VERBS = new Set(['forwards', 'passes', 'hands', 'sends', 'returns', 'routes', 'escalates', 'assigns', 'refers']);

const COMPARATIVES = new Set(['other', 'further', 'earlier', 'later', 'higher', 'lower', 'greater', 'larger', 'smaller', 'older', 'newer', 'faster', 'proper', 'clever', 'former', 'latter', 'major', 'minor', 'prior', 'inner', 'outer', 'upper', 'junior', 'senior', 'relevant', 'important', 'significant', 'urgent', 'pending', 'constant', 'brilliant', 'distant', 'vacant', 'dominant']);

// Nouns for a group of people that take a plural verb: "the staff pack", "the crew load".
const COLLECTIVES = new Set(['staff', 'crew', 'personnel', 'people', 'police']);

// Words that close a unit's name ("support team", "service desk").
const UNIT_HEADS = new Set(['team', 'department', 'desk', 'unit', 'office', 'group', 'division', 'centre', 'center']);

// Heads of role compounds that are also verbs: "team lead", "department head", "committee chair".
const ROLE_HEADS = new Set(['lead', 'head', 'chair']);

// Words that end a role's name ("manager", "clerk", "nurse", "officer", "team").
const ROLE_NOUN = /^([a-z]+(er|or|ist|ian|ant|ent|ee)|[a-z]*(nurse|clerk|team|department|desk|staff|lead|head|agent|chef|guard))$/;
// What may follow a verb: its object or a complement.
const OBJECT_START = new Set(['DET', 'PRON', 'ADJ', 'NOUN', 'PROPN', 'NUM']);

function makeVerb(t: Token): void {
  t.pos = 'VERB';
  t.lemma = thirdPersonBase(t.lower);
}

const isThirdPersonVerb = (t: Token | undefined) => !!t && (t.pos === 'VERB' || t.pos === 'NOUN') && /^[a-z]+[^s]s$/.test(t.lower);

// "Accounts payable checks …": finance units named by an account and an adjective.
const ACCOUNT_UNITS = new Set(['payable', 'receivable']);
// Plural role nouns by their ending ("clerks", "auditors", "pharmacists", "technicians", "trainees").
const PLURAL_ROLE = /^([a-z]{2,}(er|or|ist|ian|ant|ee|ent)|clerk|nurse|chef|guard|judge|cook|pilot|analyst|expert|midwife|staffer)s$/i;

/** Fixes the tags in place; returns the tokens for chaining. */
export function tagActors(tokens: Token[]): Token[] {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // "Accounts payable checks the invoice", "sends it to accounts receivable": one unit's name.
    if (/^accounts?$/.test(t.lower) && ACCOUNT_UNITS.has(next?.lower ?? '') && !(prev && ['DET', 'PRON'].includes(prev.pos))) {
      t.pos = 'PROPN';
      next!.pos = 'PROPN';
      next!.lemma = next!.lower;
    }
    // "Clerks sort the mail", "then auditors review the books": a plural role opening a clause before a bare verb form
    // and its object is who acts (the tagger reads the verb as a noun); it is the same actor as "the clerk".
    const opens = !prev || prev.pos === 'PUNCT' || prev.pos === 'CCONJ' || ['then', 'next', 'finally', 'when', 'once', 'if', 'after'].includes(prev.lower);
    const bareVerb = !!next && ['NOUN', 'VERB'].includes(next.pos) && /^[a-z]+$/.test(next.text) && !/s$/.test(next.lower);
    if (opens && PLURAL_ROLE.test(t.lower) && bareVerb && ['DET', 'PRON'].includes(tokens[i + 2]?.pos ?? '')) {
      t.pos = 'NOUN';
      t.lemma = t.lower.replace(/s$/, '');
      next!.pos = 'VERB';
      next!.lemma = next!.lower;
    }
    // "Purchasing orders the parts", "then Legal reviews it", "goes to Receiving": a capitalised department word
    // before a finite verb, or after "to", names the department.
    const capital = /^[A-Z][a-z]+$/.test(t.text) && DEPARTMENT_WORDS.has(t.lower);
    const opensClause = !prev || prev.pos === 'PUNCT' || prev.pos === 'CCONJ' || prev.pos === 'SCONJ' || ['then', 'next', 'finally', 'when', 'once', 'if', 'after', 'otherwise'].includes(prev.lower);
    const asSubject = opensClause && isThirdPersonVerb(next) && ['DET', 'PRON', 'ADJ', 'NUM', 'PROPN'].includes(tokens[i + 2]?.pos ?? '');
    const asReceiver = !!prev && ['to', 'by', 'from', 'with'].includes(prev.lower) && !t.first;
    // "Otherwise support answers the question", "then engineering fixes it": written small, a department word opening a
    // clause before a verb form and a determiner or pronoun is still who acts.
    const small = /^[a-z]+$/.test(t.text) && DEPARTMENT_WORDS.has(t.lower) && !!prev && ['DET', 'PRON'].includes(tokens[i + 2]?.pos ?? '');
    if ((capital || small) && t.pos !== 'PROPN' && (asSubject || (capital && asReceiver))) {
      t.pos = 'PROPN';
      t.lemma = t.lower;
      if (asSubject && next!.pos !== 'VERB') makeVerb(next!);
    }
    // "Sales, legal and finance review …": department words listed together are names, whatever the tagger says.
    // ("QA and production each sign …": a unit named by initials is listed with them too.)
    const listedWith = (u: Token | undefined, v: Token | undefined) => [',', 'and', 'or'].includes(u?.lower ?? '') && !!v && (DEPARTMENT_WORDS.has(v.lower) || /^[A-Z]{2,4}$/.test(v.text));
    if (DEPARTMENT_WORDS.has(t.lower) && (listedWith(prev, tokens[i - 2]) || listedWith(next, tokens[i + 2]))) {
      t.pos = 'NOUN';
      t.lemma = t.lower;
    }
    // "an outside supplier", "an external lab": the word that says a party is from outside describes it.
    if (['outside', 'external'].includes(t.lower) && prev?.pos === 'DET' && next?.pos === 'NOUN') t.pos = 'ADJ';
    // "Jane scans them": a capitalised word opening the sentence before its verb and object is a name, not a capital
    // by position ("Payment takes …", "Mismatches are …" keep theirs).
    const named = t.first && t.pos === 'PROPN' && /^[A-Z][a-z]{2,}$/.test(t.text) && !/(s|ment|tion|sion|ness|ity|ance|ence|ing|ed)$/.test(t.lower);
    if (named && next?.pos === 'VERB' && /[^s]s$/.test(next.lower) && ['DET', 'PRON'].includes(tokens[i + 2]?.pos ?? '')) t.first = false;
    // "The IT support team scans …", "the claims handling unit": a verb form inside a unit's name is part of it.
    const unitAfter = !!next && next.pos === 'NOUN' && UNIT_HEADS.has(next.lower) && isThirdPersonVerb(tokens[i + 2]);
    if (t.pos === 'VERB' && ['NOUN', 'PROPN'].includes(prev?.pos ?? '') && unitAfter && !/(ed|s)$/.test(t.lower)) {
      t.pos = 'NOUN';
      t.lemma = t.lower;
      tokens[i + 2]!.pos = 'VERB';
    }
    // "The hiring manager interviews …", "the receiving clerk checks …": a gerund naming what a role does, between
    // the determiner and the role, is part of the role's name; the "-s" form after it is the clause's verb.
    const determiner = !prev || prev.pos === 'DET' || ['our', 'their', 'its', 'his', 'her', 'your', 'my'].includes(prev.lower);
    if (t.pos === 'VERB' && /ing$/.test(t.lower) && determiner && next && ROLE_NOUN.test(next.lower) && isThirdPersonVerb(tokens[i + 2]) && OBJECT_START.has(tokens[i + 3]?.pos ?? '')) {
      t.pos = 'NOUN';
      t.lemma = t.lower;
      makeVerb(tokens[i + 2]!);
    }
    // "The customer's IT team reviews …", "IT support then configures …": a unit word the tagger read as a verb, after
    // a name and before the clause's verb (an adverb may stand between), closes the unit's name.
    const unitWord = UNIT_HEADS.has(t.lower) || t.lower === 'support';
    const unitVerb = next?.pos === 'ADV' ? i + 2 : i + 1;
    if (unitWord && t.pos === 'VERB' && ['NOUN', 'PROPN'].includes(prev?.pos ?? '') && isThirdPersonVerb(tokens[unitVerb]) && OBJECT_START.has(tokens[unitVerb + 1]?.pos ?? '')) {
      t.pos = 'NOUN';
      t.lemma = t.lower;
      makeVerb(tokens[unitVerb]!);
    }
    // "… to the ward doctor", "the file clerk checks …": a bare verb form between a determiner and a role names where
    // or on what the role works.
    if (t.pos === 'VERB' && prev?.pos === 'DET' && /^[a-z]+$/.test(t.text) && !/(s|ed|ing)$/.test(t.lower) && next?.pos === 'NOUN' && ROLE_NOUN.test(next.lower)) {
      t.pos = 'NOUN';
      t.lemma = t.lower;
    }
    // "… to the teachers, who grade them", "the nurse, the doctor and the pharmacist each review the chart": after
    // "who" or a distributive ("each", "both", "all") that follows who acts, a bare form before its object is the verb.
    const distributive = ['each', 'both', 'all'].includes(prev?.lower ?? '') && (['NOUN', 'PROPN'].includes(tokens[i - 2]?.pos ?? '') || tokens[i - 2]?.lower === 'who');
    // ("… to the customer, who signs for it": after "who", before a preposition too.)
    const objectStart = ['DET', 'PRON'].includes(next?.pos ?? '') || (prev?.lower === 'who' && next?.pos === 'ADP');
    if ((prev?.lower === 'who' || distributive) && t.pos === 'NOUN' && /^[a-z]+$/.test(t.text) && objectStart) makeVerb(t);
    // "The latter then publishes it": "the former/latter" before a verb or adverb is who acts.
    if ((t.lower === 'latter' || t.lower === 'former') && prev?.lower === 'the' && ['VERB', 'ADV', 'AUX'].includes(next?.pos ?? '')) t.pos = 'NOUN';
    // "The plumber repairs the pipe": after a determiner, a role noun the tagger read as an adjective, and its verb.
    // ("The principal signs the reports": opening the sentence, any such word is the role.)
    const role = t.pos === 'ADJ' && prev?.pos === 'DET' && (/[a-z](er|or|ist|ian|ant)$/.test(t.lower) || i === 1) && !COMPARATIVES.has(t.lower);
    if (role && next && /^[a-z]+[^s]s$/.test(next.lower) && next.pos !== 'VERB' && ['DET', 'PRON'].includes(tokens[i + 2]?.pos ?? '')) {
      t.pos = 'NOUN';
      makeVerb(next);
    }
    // ("The lot attendant takes the keys", "the parking attendant issues …": the same word after a noun saying where.)
    const compoundRole = t.pos === 'ADJ' && prev?.pos === 'NOUN' && tokens[i - 2]?.pos === 'DET' && /[a-z](ant|ent)$/.test(t.lower);
    if (compoundRole && isThirdPersonVerb(next) && ['DET', 'PRON'].includes(tokens[i + 2]?.pos ?? '')) {
      t.pos = 'NOUN';
      makeVerb(next!);
    }
    // "The event lead then sends …", "our project lead reviews …": the head of a role compound the tagger reads as a
    // verb ("lead", "head", "chair"), before the clause's real verb (an adverb may stand between).
    // ("the employee's team lead": a possessive stands for the determiner.)
    // (In notes the compound opens its line bare: "ops lead schedules the window".)
    const determined = i === 1 || ['DET', 'PRON', 'PUNCT'].includes(tokens[i - 2]?.pos ?? '') || ["'s", '’', 's'].includes(tokens[i - 2]?.lower ?? '');
    const roleHead = ROLE_HEADS.has(t.lower) && t.pos === 'VERB' && prev?.pos === 'NOUN' && determined;
    const verbAt = next?.pos === 'ADV' ? i + 2 : i + 1;
    if (roleHead && isThirdPersonVerb(tokens[verbAt])) {
      t.pos = 'NOUN';
      t.lemma = t.lower;
      makeVerb(tokens[verbAt]!);
    }
    // "Team leads review the work", "the department heads sign it": the plural before a plain verb form and its object.
    const pluralHead = /s$/.test(t.lower) && ROLE_HEADS.has(t.lower.slice(0, -1)) && t.pos === 'VERB' && ['NOUN', 'PROPN'].includes(prev?.pos ?? '') && determined;
    const plainVerb = tokens[i + 1];
    if (pluralHead && plainVerb && !/s$/.test(plainVerb.lower) && canBeVerb(plainVerb.lower) && ['DET', 'PRON'].includes(tokens[i + 2]?.pos ?? '')) {
      t.pos = 'NOUN';
      t.lemma = t.lower.slice(0, -1);
      plainVerb.pos = 'VERB';
      plainVerb.lemma = plainVerb.lower;
    }
    // "Our warehouse staff pack it", "the ground crew load the bags": a collective noun for people before the plain verb
    // form and its object, which the tagger reads as one more noun of the name.
    // ("checks the staff plan the day before": not after the clause's own verb.)
    const clauseVerb = tokens.slice(0, i).findLastIndex((x) => x.pos === 'VERB' || x.pos === 'AUX') > tokens.slice(0, i).findLastIndex((x) => ['PUNCT', 'SCONJ', 'CCONJ'].includes(x.pos));
    if (COLLECTIVES.has(t.lower) && t.pos === 'NOUN' && !clauseVerb && !!next && ['NOUN', 'ADJ'].includes(next.pos) && !/s$/.test(next.lower) && canBeVerb(next.lower) && ['DET', 'PRON'].includes(tokens[i + 2]?.pos ?? '')) {
      next.pos = 'VERB';
      next.lemma = next.lower;
    }
    // "We run a small IT service desk": a bare verb form between a name and the phrase's last noun is part of it.
    const inName = t.pos === 'VERB' && prev?.pos === 'PROPN' && next?.pos === 'NOUN' && !/(s|ed|ing)$/.test(t.lower) && tokens.slice(0, i - 1).some((x) => x.pos === 'VERB');
    if (inName && (!tokens[i + 2] || tokens[i + 2]!.pos === 'PUNCT')) t.pos = 'NOUN';
    // "He checks it and forwards it to the dean", "the agent forwards the complaint": a hand-over verb before its object.
    // ("The latter then forwards it": an adverb may stand between.)
    const beforeAdverb = prev?.pos === 'ADV' ? tokens[i - 2] : prev;
    const subjectOrAnd = beforeAdverb?.pos === 'CCONJ' || beforeAdverb?.pos === 'NOUN' || beforeAdverb?.pos === 'PROPN' || ['he', 'she', 'they', 'it', 'we', 'i', 'you'].includes(beforeAdverb?.lower ?? '');
    // "you forward it to your manager": the plain form after "I/you/we/they".
    const plain = HANDING_VERBS.has(`${t.lower}s`) && ['i', 'you', 'we', 'they'].includes(beforeAdverb?.lower ?? '');
    if ((HANDING_VERBS.has(t.lower) || plain) && t.pos !== 'VERB' && subjectOrAnd && ['PRON', 'DET'].includes(next?.pos ?? '')) makeVerb(t);
  }
  return tokens;
}
