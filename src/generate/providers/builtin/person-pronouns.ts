// Object pronouns that mean people: "calls her", "informs them" point back at the last person or party named other
// than the one acting — never at a thing, a measure, an amount or a date.
import { namesSomeone, SERVED_PARTIES } from './agents.ts';
import type { Phrase } from './phrase.ts';
import { isPlural } from './pronoun-number.ts';

// Verbs whose object is someone: "informs them" is telling people, "confirms them" is confirming things.
export const PERSON_VERBS = new Set([
  'inform', 'notify', 'call', 'phone', 'ring', 'contact', 'email', 'remind', 'thank', 'tell', 'advise', 'invite',
  'interview', 'greet', 'welcome', 'meet', 'visit', 'update', 'brief', 'reassure', 'text', 'message', 'warn', 'ask',
  'consult', 'train', 'coach', 'escort', 'refer', 'introduce', 'congratulate', 'reimburse', 'compensate', 'reach',
  'admit', 'discharge', 'examine', 'triage', 'register', 'enrol', 'enroll', 'onboard', 'seat', 'board', 'treat', 'operate',
  'vaccinate', 'counsel', 'sedate',
  // with their particle: "checks them in", "shows them around"
  'check in', 'check out', 'sign in', 'sign out', 'sign up', 'show around', 'walk through', 'follow up with', 'call back',
  'turn away', 'send away', 'send home',
]);
const PERSONAL = new Set(['him', 'her']);
const MAX_REMEMBERED = 8;

/** The people and parties named so far, latest last. */
export class PeopleMentioned {
  private readonly named: Phrase[] = [];
  /** How many were ever noted, to tell who was named after a condition. */
  private seen = 0;
  /** The party the process serves whom the last condition was about ("If the visitor has no ID, …"). */
  private served: { party: Phrase; at: number } | null = null;

  /** Every clause's subject, object, receiver and agent that can act is a person a later pronoun may mean. */
  note(p: Phrase | null, canAct: boolean): void {
    if (!p || p.head.pos === 'PRON' || !canAct) return;
    this.named.push(p);
    this.seen++;
    if (this.named.length > MAX_REMEMBERED) this.named.shift();
  }

  /** The subject of a condition: when it is a party the process serves, "them" on its branches means it. */
  noteCondition(subject: Phrase | null): void {
    this.served = subject && SERVED_PARTIES.has(subject.head.lemma.toLowerCase()) ? { party: subject, at: this.seen } : null;
  }

  /**
   * Whom an object pronoun means, or undefined when it is no person pronoun: "him"/"her" always, "them" after a verb
   * that takes people (or any verb, given as ''). `acting` tells whether a phrase names whoever acts, who is never the one acted on.
   */
  meant(pronoun: string, verb: string, acting: (p: Phrase) => boolean, inBranch = false): Phrase | null | undefined {
    const person = PERSONAL.has(pronoun);
    if (!person && !(pronoun === 'them' && (PERSON_VERBS.has(verb) || verb === ''))) return undefined;
    // "If the visitor has no ID, … Otherwise the host escorts them": in a branch of a condition about a served party,
    // "them" is that party, not a staff member named on the other branch — unless several others were named since.
    const since = this.named.slice(Math.max(0, this.named.length - (this.seen - (this.served?.at ?? this.seen))));
    if (inBranch && pronoun === 'them' && this.served && !acting(this.served.party) && !since.some((p) => p.head.lower !== p.head.lemma.toLowerCase())) {
      return this.served.party;
    }
    // "The receptionist calls the host. The host escorts them": "them" is people named in the plural or a party the
    // process serves (a visitor, a patient), before any one member of staff named since.
    const many = pronoun === 'them' ? this.named.findLast((p) => !acting(p) && (isPlural(p) || SERVED_PARTIES.has(p.head.lemma.toLowerCase()))) : undefined;
    if (many) return many;
    // "The patient is admitted by the nurse. The doctor examines him.": "him" or "her" is the one party served, who is
    // acted on, before the member of staff named since.
    const served = person ? this.named.findLast((p) => !acting(p) && !isPlural(p) && SERVED_PARTIES.has(p.head.lemma.toLowerCase())) : undefined;
    if (served) return served;
    for (let k = this.named.length - 1; k >= 0; k--) {
      const p = this.named[k]!;
      if (acting(p)) continue;
      // "him" or "her" is one person: never a unit named by initials (HR, IT).
      if (!person || (namesSomeone(p) && !/^[A-Z0-9]{2,}$/.test(p.head.text))) return p;
    }
    return null;
  }
}

