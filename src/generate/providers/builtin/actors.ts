// Actors (lanes and pools) from grammatical subjects and passive agents, with mentions merged into one name.
import type { ModelActor } from '../../model.ts';
import type { Phrase } from './phrase.ts';
import { GRADE_CODE, GRADE_WORDS, isAgentNoun, isThing, isTimeWord, mayAct, namesSomeone, roleWord } from './agents.ts';
import { OWNING_ORGANISATIONS, possessedRole } from './possessed-roles.ts';
import { plainRole, type Role } from './role-variants.ts';
import type { Token } from './tokens.ts';
import { unitOfMember } from './unit-members.ts';
import { thirdPersonBase } from './verb-lemma.ts';

const ORGANISATION_SUFFIXES = /\b(AG|GmbH|Inc|Ltd|LLC|plc|PLC|Corp|Co|SA|NV|BV|KG|SE)\.?$/;
const EXTERNAL_PARTIES = new Set(['supplier', 'customer', 'client', 'vendor', 'bank', 'insurer', 'carrier', 'partner', 'applicant', 'manufacturer']);
const SYSTEM_HEADS = new Set(['system', 'application', 'software', 'tool', 'server', 'platform', 'erp', 'crm', 'computer', 'database', 'pipeline', 'bot', 'robot', 'portal', 'script']);

export interface Actor extends ModelActor, Role {
  /** Lemmas of the name's words, for matching later mentions. */
  key: string[];
  head: string;
}

/** An outside party (a supplier, a customer, a company): not the narrator's side. */
export function isExternalParty(a: Actor): boolean {
  return ORGANISATION_SUFFIXES.test(a.name) || EXTERNAL_PARTIES.has(a.head) || OWNING_ORGANISATIONS.has(a.head);
}

export function isSystemName(name: string): boolean {
  return name.toLowerCase().split(/\s+/).some((w) => SYSTEM_HEADS.has(w));
}

function titleCase(words: string[]): string {
  const s = words.join(' ').replace(/\s+-\s+/g, '-');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The words of a phrase that name the actor: time words before it go ("Once a quarter HR" → "HR", "the yearly lab
 * tech" → "Lab tech"), and so do words after the last one that names someone, which are a verb or object the tagger
 * ran into the phrase ("the registrar signs …" → "Registrar", "the office manager count cash" → "Office manager").
 */
// "the account exec" after "our account executive": one actor under its short and its full name.
// ("the team lead" after "the team leader" too; "the vet" and "the veterinarian".)
const FULL_FORMS: Record<string, string> = { lead: 'leader', exec: 'executive', rep: 'representative', mgr: 'manager', dept: 'department', asst: 'assistant', coord: 'coordinator', sup: 'supervisor', tech: 'technician', vet: 'veterinarian', admin: 'administrator', physio: 'physiotherapist' };

// Words that pick some members of a role out, never part of the role's name.
const SELECTING = new Set(['best', 'suitable', 'promising', 'successful', 'selected', 'chosen', 'eligible', 'qualified', 'interested', 'shortlisted', 'winning', 'preferred', 'strongest', 'responsible', 'assigned', 'designated', 'respective', 'available', 'appropriate', 'relevant',
  // ("Approved suppliers", "Admitted children", "Registered students": which ones the process took in, not who they are.)
  'approved', 'admitted', 'registered', 'enrolled', 'accepted', 'invited', 'confirmed', 'verified', 'accredited', 'authorised', 'authorized']);

const SHIFT_WORDS = new Set(['shift', 'duty', 'watch', 'rota']);

/**
 * Whether a word before a role grades the case it comes with: "Sev3", "P1", or "Category C", "Priority 1" (not
 * "Level 2" before a unit: "the Level 2 support team" is who it is).
 */
function grading(words: Phrase['words'], i: number): boolean {
  const code = (w: Phrase['words'][number] | undefined) => !!w && /^(?:[A-Z]|\d+)$/.test(w.text);
  const graded = (k: number) => GRADE_WORDS.has(words[k]?.lower ?? '') && code(words[k + 1]) && !UNIT_WORDS.has(words.at(-1)!.lemma) && !/^(support|service)$/.test(words.at(-2)!.lower);
  return GRADE_CODE.test(words[i]!.text) || graded(i) || graded(i - 1);
}

export function actorWords(phrase: Phrase): Phrase {
  // ("the best candidate", "suitable applicants": a word that picks some of a role out is no part of the role; nor is
  // a grade, "Category C patients", "Sev1 callers".)
  let words = phrase.words.length > 1 ? phrase.words.filter((w, i) => i === phrase.words.length - 1 || !(SELECTING.has(w.lower) || grading(phrase.words, i))) : phrase.words;
  // "the night shift supervisor", "the weekend duty manager": a time word naming a shift is part of the role.
  const lastTime = words.findLastIndex((w, i) => isTimeWord(w.lemma) && !SHIFT_WORDS.has(words[i + 1]?.lemma ?? ''));
  if (lastTime >= 0 && lastTime < words.length - 1) words = words.slice(lastTime + 1);
  let of = phrase.of;
  const ofTime = of ? of.words.findIndex((w) => isTimeWord(w.lemma)) : -1;
  // ("the head of year" is a role: its "of" names whom it heads.)
  if (of && ofTime >= 0 && phrase.head.lemma !== 'head') of = ofTime > 0 ? { words: of.words.slice(0, ofTime), head: of.words[ofTime - 1]!, of: null } : null;
  if (!namesSomeone({ words, head: words[words.length - 1]!, of: null })) {
    for (let k = words.length - 2; k >= 0; k--) {
      const head = words[k]!;
      // A name followed by a thing ("CI pipeline") is the thing's name; followed by a verb form, it is the actor.
      // Only a verb form ends the name: "-s" after one actor, any word after several ("technicians rack").
      const verbAfter = /^[a-z]+[^s]s$/.test(words[k + 1]!.lower) || words[k + 1]!.pos === 'VERB' || (head.pos === 'NOUN' && /[^s]s$/.test(head.lower));
      // "vendor invoices go to …": a thing's plural ending the phrase is the thing, not a verb.
      const thingLast = k + 1 === words.length - 1 && words[k + 1]!.pos === 'NOUN' && isThing(words[k + 1]!.lemma);
      if (verbAfter && !thingLast && !isTimeWord(head.lemma)) {
        if (namesSomeone({ words: words.slice(0, k + 1), head, of: null })) {
          words = words.slice(0, k + 1);
          of = null;
          break;
        }
      }
    }
  }
  if (words === phrase.words && of === phrase.of) return phrase;
  return { words, head: words[words.length - 1]!, of };
}

// Words that say an actor is a unit, not who it is: "the HR team", "HR" and "the HR department" are one actor.
// ("Warehouse staff" and "the warehouse"; "Acme Ltd" and "Acme": a company's legal form is no part of who it is.)
export const UNIT_WORDS = new Set(['team', 'department', 'dept', 'division', 'unit', 'group', 'function', 'section', 'staff', 'personnel', 'crew']);
const LEGAL_FORMS = new Set(['ag', 'gmbh', 'inc', 'ltd', 'llc', 'plc', 'corp', 'kg']);

/**
 * Spelling variants of one actor: the same name with or without a unit word or a legal form, written as one word or
 * two ("help desk", "helpdesk"), or a name and its initials.
 */
export function sameUnit(a: string[], b: string[]): boolean {
  const core = (key: string[]) => {
    const kept = key.filter((k) => !UNIT_WORDS.has(k) && !LEGAL_FORMS.has(k.replace(/\.$/, '')));
    return kept.length ? kept : key;
  };
  const [x, y] = [core(a), core(b)];
  // ("Help-Desk", "help desk" and "helpdesk" are one spelling.)
  // ("adjustor" and "adjuster", "advisor" and "adviser": one role spelt two ways.)
  const spelt = (key: string[]) => key.join('').replace(/-/g, '').replace(/or$/, 'er');
  if (spelt(x) === spelt(y)) return true;
  const initials = (key: string[]) => (key.length > 1 ? key.filter((k) => k !== 'and' && k !== '&').map((k) => k[0]).join('') : '');
  return (x.length === 1 && initials(y) === x[0]) || (y.length === 1 && initials(x) === y[0]);
}

/**
 * The singular a role named in the plural stands for: "the nurses" and "a nurse", "Reviewers" and "the reviewer" are
 * one lane, named for one of them. A unit named by a plural ("Sales", "Operations", "Customs") and a company's name
 * ("Vanguard Partners", capitalised where no sentence starts) stay as written. Null when the word is no such plural.
 */
function singularRole(w: Token): string | null {
  if (isAgentNoun(w.lower) || !/[^s]s$/.test(w.lower)) return null;
  const propn = w.pos === 'PROPN';
  // (At a sentence's start the tagger may take "Reviewers" for a name and keep its plural as the lemma.)
  if (propn && !w.first && w.text !== w.lower) return null;
  if (!propn && w.pos !== 'NOUN') return null;
  const one = !propn && w.lemma !== w.lower ? w.lemma.toLowerCase() : thirdPersonBase(w.lower);
  return one !== w.lower && roleWord(one) ? one : null;
}

/** A word of an actor's key: its lemma, in full ("exec" → "executive"), and a role's plural as its singular. */
function keyWord(w: Token): string {
  const lemma = singularRole(w) ?? w.lemma;
  return FULL_FORMS[lemma] ?? lemma;
}

export class ActorRegistry {
  readonly actors: Actor[] = [];
  private readonly used = new Set<string>();
  /** The actors that did a step, the one that did the last last. */
  private acted: Actor[] = [];

  /** Whether a subject phrase names someone who can act. */
  /** `transitive`: the phrase is the subject of an active verb with an object, which takes a wider view. */
  canAct(phrase: Phrase, transitive = false): boolean {
    const source = this.nameSource(phrase);
    return transitive ? mayAct(source) : namesSomeone(source);
  }

  /** The phrase that carries the actor's name: "a member of the sales department" → "sales department". */
  private nameSource(phrase: Phrase): Phrase {
    if (['member', 'one', 'some', 'each', 'any', 'all', 'most', 'part', 'lot', 'number', 'group'].includes(phrase.head.lemma) && phrase.of) return this.nameSource(phrase.of);
    return actorWords(possessedRole(phrase));
  }

  /** Whether a phrase names this actor, without creating one. */
  names(phrase: Phrase, actor: Actor): boolean {
    const source = this.nameSource(phrase);
    const key = source.words.map(keyWord);
    return sameUnit(actor.key, key) || (actor.head === keyWord(source.head) && key.every((k) => actor.key.includes(k)));
  }

  /** Finds or creates the actor a phrase names. */
  resolve(phrase: Phrase): Actor {
    const source = this.nameSource(phrase);
    // "two reviewers" → "Reviewers": a count is not part of a role's name.
    // ("the Level 2 support team", "Tier 3 engineers": a number after a noun is part of the name.)
    const named = source.words.filter((w, i) => !((w.pos === 'NUM' && !['NOUN', 'PROPN'].includes(source.words[i - 1]?.pos ?? '')) || (i === 0 && /^(one|two|three|four|five|several|many|some)$/.test(w.lower))));
    const counted = named.length ? named : source.words;
    // ("The nurses" and "a nurse", "Reviewers" and "the reviewer": one key, the role's singular.)
    const words = counted.map((w) => (w.pos === 'PROPN' || /^[A-Z]/.test(w.text) && w.text === w.text.toUpperCase() ? w.text : w.lower));
    if (source.of && source.head.lemma === 'head') words.push('of', ...source.of.words.map((w) => w.lower));
    // ("two nurses" is the nurse's lane: the count is no part of the key either.)
    const key = counted.map(keyWord);
    const head = keyWord(source.head);
    const same = this.actors.find((a) => a.key.join(' ') === key.join(' ')) ?? this.actors.find((a) => sameUnit(a.key, key));
    // ("Suppliers receive the order. The supplier confirms it.": one lane, named for one of them.)
    // ("Secretaries book the room. The secretary …": the plural's singular by the rule, not by an "s" alone.)
    const nameOf = (a: Actor) => a.name.toLowerCase().split(' ');
    const pluralOf = (a: Actor) => nameOf(a).length === words.length && nameOf(a).slice(0, -1).join(' ') === words.slice(0, -1).join(' ').toLowerCase() && thirdPersonBase(nameOf(a).at(-1)!) === words.at(-1)!.toLowerCase();
    if (same && source.head.lower === source.head.lemma && !singularRole(source.head) && (same.name.toLowerCase() === `${titleCase(words).toLowerCase()}s` || pluralOf(same))) same.name = titleCase(words);
    if (same) return same;
    // "The supervisor" after "the immediate supervisor": a shorter mention with the same head.
    const shorter = this.actors.filter((a) => a.head === head && key.every((k) => a.key.includes(k)));
    if (shorter.length === 1) return shorter[0]!;
    // ("The field crew inspects … the repair crew fixes it … the crew orders a part": "the crew" plain, after several
    // crews were named, is the one that acted last, not a third lane.)
    const lastActed = key.length === 1 && UNIT_WORDS.has(head) ? this.acted.findLast((a) => shorter.includes(a)) : undefined;
    if (lastActed) return lastActed;
    // "The office clerk", "the line manager" after "the clerk", "the manager": the same role, named which one it is.
    const plain = plainRole(key, head, this.actors);
    if (plain) return plain;
    // ("The warehouse stores them" after "a warehouse worker checks the goods": the lane is the unit's.)
    const unit = unitOfMember(key, head, this.actors);
    if (unit && unit.key.length > key.length) Object.assign(unit, { name: titleCase(words), key, head });
    if (unit) return unit;
    const name = titleCase(words);
    const byName = this.actors.find((a) => a.name.toLowerCase() === name.toLowerCase());
    if (byName) return byName;
    const actor: Actor = { id: `actor${this.actors.length + 1}`, name, key, head };
    this.actors.push(actor);
    return actor;
  }

  /** Finds or creates an actor by a plain name (the speaker's role). */
  named(name: string): Actor {
    const key = name.toLowerCase().split(/\s+/);
    const existing = this.actors.find((a) => a.name.toLowerCase() === name.toLowerCase());
    if (existing) return existing;
    const actor: Actor = { id: `actor${this.actors.length + 1}`, name, key, head: key[key.length - 1]! };
    this.actors.push(actor);
    return actor;
  }

  isUsed(actor: Actor): boolean {
    return this.used.has(actor.id);
  }

  markUsed(actor: Actor): void {
    this.used.add(actor.id);
    this.acted = [...this.acted.filter((a) => a !== actor), actor];
  }

  /** Actors that perform something; separate organisations flagged when the text names a company or another organisation. */
  modelActors(others: string[] = []): ModelActor[] {
    const used = this.actors.filter((a) => this.used.has(a.id));
    const anyCompany = others.length > 0 || used.some((a) => ORGANISATION_SUFFIXES.test(a.name));
    return used.map((a) => ({
      id: a.id,
      name: a.name,
      // (The word as written: the tagger's lemma may differ, "haulier" → "hauler".)
      organisation: anyCompany && (ORGANISATION_SUFFIXES.test(a.name) || EXTERNAL_PARTIES.has(a.head) || others.includes(a.head) || others.includes(a.name.toLowerCase().split(/\s+/).at(-1)!)),
    }));
  }
}
