// Task planner: a read clause → the step it names (label, lane, type, hand-over), or a loop, an end, or nothing.
import { offeredAgain } from './offered-again.ts';
import { unitByAgreement } from './unit-agreement.ts';
import { lapseName } from './deadlines.ts';
import type { TaskType } from '../../model.ts';
import { continuesSubject } from './opening-verbs.ts';
import { examines } from './nested-choice.ts';
import { isPlural, namedOnes, theRest, RecentThings } from './pronoun-number.ts';
import { handlesMessage, newsAbout, onlyBringsNews } from './message-nouns.ts';
import { ActorRegistry, isExternalParty, isSystemName, type Actor } from './actors.ts';
import { isThing, isTimeWord, namesPassiveAgent, namesSomeone, SERVED_PARTIES } from './agents.ts';
import { HandledThings } from './handled-things.ts';
import { givesAway, holderPassingOn, isOutsideParty, isServedParty, passesOn, receivingSide } from './receiving-side.ts';
import { backReference, redoneVerb, stepNamed, stepOfVerb, type BackReference } from './back-reference.ts';
import type { Clause } from './clauses.ts';
import type { FlowBuilder } from './control-flow.ts';
import { cleanLabel, labelProblem } from './label-gate.ts';
import { staffTaking } from './served-steps.ts';
import { actingOrOurs, actsOnAfter, madeAsNoun, withImpliedObject } from './implied-objects.ts';
import { infinitiveAfter, madeByAsking } from './infinitive-complements.ts';
import { findDuration, isSpan } from './time-expressions.ts';
import { deviceSignal } from './device-signals.ts';
import { actionVerb, askedThing, labelFor, lightVerbStep, taskTypeFor, verbBase } from './labels.ts';
import { stepReference, type StepIndex } from './step-numbers.ts';
import { ASKING_VERBS, BARE_MEANS, END_VERBS, GENERIC_WORDS, HANDOVER_VERBS, MEASURES, MOVING_VERBS, LOOP_VERBS, MEANS, NON_ACTIVITY_VERBS, PERSONAL_PRONOUNS, PROCESS_WORDS, SEND_VERBS, START_VERBS, TELL_VERBS, TOLD_LABELS, WORK_ITEM_PROCESS_WORDS } from './lexicon.ts';
import { ActingOrder } from './former-latter.ts';
import { stepHandedFor } from './handed-for.ts';
import { givenLabel, giverOf, givingVerb } from './given-things.ts';
import { Narrator, NARRATOR_LANE } from './narrator.ts';
import { placeDecisionAfterHandover } from './deciding-lanes.ts';
import { describesBusiness } from './business-description.ts';
import { partyEndingClause } from './relative-antecedent.ts';
import { couldBeAPerson, ownerStatement, PartyReference, PersonGenders } from './party-reference.ts';
import { AnsweringParty } from './answering-parties.ts';
import { readPhrase, type Phrase } from './phrase.ts';
import { doneThere, workplaceOf } from './workplaces.ts';
import { PeopleMentioned, PERSON_VERBS } from './person-pronouns.ts';
import { mendingLabel, mendingPurpose, PARTICLE_WORDS } from './mending-purposes.ts';
import { firstAttempt, RETRY_VERBS } from './repeat-until.ts';
import { failedCheck, HAND_IN_VERBS, handsInRenewed, MENDING, MENDING_NOUNS, mendsChecked, renewedStep, repairsFailedCheck, saysAgain } from './rework-loops.ts';
import type { Reading } from './reading.ts';
import { canBeVerb, type Token } from './tokens.ts';
import { BARE_PARTICIPLES } from './verb-group.ts';
import type { SkipReason, VerbTrace } from './trace.ts';
import { moreOf } from './more-things.ts';
import { queuedOthers, untilEvent, waitedForLabel, waitedToLabel } from './waits.ts';

// Verbs that say what a thing has or lacks ("it needs work", "it contains errors").
const HAVING_VERBS = new Set(['need', 'have', 'contain', 'require', 'lack', 'show', 'include', 'miss']);
// Work that changes what was done, so doing a step "again" after it goes back to that step (beside MENDING).
const IMPROVING = new Set(['negotiate', 'renegotiate', 'improve', 'update', 'change', 'complete', 'clarify']);
import { pastParticiple } from './events.ts';

// Prepositions after which a verb with no object names what it works on ("goes through the list", "looks over the draft").
// (Not "at", "on" or "into": "unloads at door 3", "goes into the warehouse" name places.)
const WORKED_ON = new Set(['through', 'over']);
// What someone says about work: mending acts on the work, never on what was said ("gives feedback. The student revises").
const FEEDBACK_NOUNS = new Set(['feedback', 'comment', 'remark', 'suggestion', 'advice', 'input']);

// Verbs that run someone's or something's work once more ("restarts CI", "re-triggers the pipeline").
const RERUN_VERBS = new Set(['restart', 'rerun', 're-run', 'retrigger', 're-trigger', 'relaunch']);

// Verbs of refusing or ending someone's case.
const REFUSING = new Set(['dismiss', 'reject', 'decline', 'refuse', 'deny', 'cancel', 'close', 'withdraw', 'return', 'drop', 'discard']);


export interface ReadState {
  actor: Actor | null;
  /** The last thing (not person) mentioned, for "it"/"this". */
  thing: Phrase | null;
  /** The last person-like phrase outside the subject, for "who". */
  candidate: Phrase | null;
  /** Receivers named together with the candidate ("to IT and to facilities, who each …"). */
  candidatesWith?: Phrase[];
  speaker: Actor | null;
  /** Numbered items' first tasks, for "then continue at step 3". */
  steps: StepIndex;
  /** The other organisation's word when the text names two ("between us and the insurer", "a third-party carrier"). */
  otherOrganisation: string | null;
  /** Who "I", "we" and "you" are. */
  narrator: Narrator;
  /** One-word steps of arrow chains naming no topic, which stand alone as written. */
  bareSteps?: Set<string>;
}

export interface PlannedTask {
  label: string;
  actor: Actor | null;
  type: TaskType;
  handover: { actor: Actor; label: string } | null;
  /** The verb the step was read from, for the trace. */
  verb: Token | null;
  /** A step that sends the work back: the earlier step it returns to. */
  loopTo?: string;
  /** Mending what a check found: the check the branch goes back to once its steps are done. */
  returnsTo?: string;
  /** "… to the author for rework": the receiver's mending step, drawn from what the work was sent back for. */
  mends?: boolean;
  /** "… goes to the security team for review": the receiver's step that follows the hand-over. */
  then?: PlannedTask;
}


// Verbs that give someone work to do: the one engaged does the next step ("assigns a contractor. They fix …").
const ENGAGING_VERBS = new Set(['assign', 'appoint', 'hire', 'engage', 'commission', 'book', 'allocate', 'nominate']);

// "all samples", "the other samples": every one of a thing, not only a kind of it.
const WHOLE_SETS = new Set(['all', 'every', 'other', 'remaining']);
const RENEWED = new Set(['new', 'another', 'fresh', 'replacement', 'further', 'additional', 'second']);

export type Previous = { reading: Reading; actor: Actor | null } | null;

export class TaskPlanner {
  /** The clause being read ends its sentence (set by the sentence reader): nothing told after it in the sentence. */
  endsSentence = true;
  /** Who "he", "she" or "they" means after a hand-over. */
  readonly parties = new PartyReference();
  private readonly genders = new PersonGenders();
  /** Whom "she confirms", "they reply" means after a step that turned to someone. */
  private readonly answering = new AnsweringParty();
  private readonly acting = new ActingOrder();
  /** The last step was lent to someone asked to do it; agentless passives go back to the current actor. */
  private lent = false;
  /** The step lent was had done by its causer ("has the porter take …"), who keeps the work. */
  private causing = false;
  /** Whom "him", "her" or "informs them" means. */
  private readonly people = new PeopleMentioned();
  /** Whom the process sent or asked something: waiting for them is waiting for their answer. */
  private readonly addressed = new Set<string>();
  /** The steps read from agentless passives that nothing in the text placed in a lane (see case-holder.ts). */
  readonly unplaced = new Set<string>();
  private unplacedPassive = false;
  /** Who last acted on each thing, for agentless passives about it. */
  private readonly handled = new HandledThings();
  /** The things named so far, for a pronoun whose number the thing in hand does not share. */
  private readonly recent = new RecentThings();
  /** A message just got while a work item was in hand ("gets a notification and …"): "it" means it only to answer it. */
  private news: Phrase | null = null;

  constructor(
    private readonly builder: FlowBuilder,
    private readonly actors: ActorRegistry,
    readonly state: ReadState,
    readonly trace: VerbTrace,
    private readonly warnings: string[],
  ) {}

  /** "I run the bakery": who "I" and "we" are from now on; true when the clause said so. */
  noteSpeaker(r: Reading): boolean {
    const organisation = ownerStatement(r, (p) => this.actors.canAct(p));
    if (organisation) this.state.speaker ??= this.actors.resolve(organisation);
    return !!organisation;
  }

  /** "… is run by the school secretary": the parties an introduction names, known by that name (a lane once they act). */
  noteParties(parties: Phrase[]): void {
    const known = parties.filter((p) => this.actors.canAct(p)).map((p) => this.actors.resolve(p));
    // ("Claims handling is done by the claims team. Each claim is registered …": the one who runs it does what no one
    // else is said to do.)
    if (known.length === 1) this.owner = known[0]!;
  }

  /** The one party an introduction says runs the process, for steps nothing else places. */
  owner: Actor | null = null;

  /** A step whose object was left implied still handles the thing in hand: agentless passives about it are theirs. */
  noteHandledInHand(actor: Actor | null): void {
    this.handled.note(this.state.thing, actor);
  }

  /** The same, for the actor of a step drawn before (by the id the model gives it). */
  noteHandledInHandBy(actorId: string | null | undefined): void {
    const actor = this.actors.actors.find((a) => a.id === actorId);
    if (actor) this.noteHandledInHand(actor);
  }

  noteThing(r: Reading): void {
    this.notePeople(r);
    // "if it's a bug": what "it" is described as is not a new thing to point at.
    if (r.copula && r.subjectPronoun) return;
    // ("if it needs work, the author revises it", "if it has errors …": what "it" has or lacks is no new thing.)
    if (r.subjectPronoun === 'it' && r.verb && HAVING_VERBS.has(r.verb.lemma.toLowerCase())) return;
    if (r.copula && r.object && pointable(r.object)) this.state.thing = r.object;
    else if (r.subject && pointable(r.subject)) this.state.thing = r.subject;
    // "makes a decision on the discount": the decision names the step, "it" still means the quote.
    else if (r.object && pointable(r.object) && !lightVerbStep(r, r.object)) this.state.thing = r.object;
  }

  /** The thing a pronoun object means, or null when no thing named fits its number. */
  thingMeant(pronoun: string): Phrase | null {
    return this.recent.meant(pronoun, this.state.thing, true);
  }

  /** "Patients arrive at the desk": no step, but "them" in the next clause means them. */
  noteArrival(r: Reading): void {
    // ("Patients" opening the sentence reads as a name by position: it is the people who arrived all the same.)
    this.people.note(r.subject, true);
    this.state.candidate = r.subject;
    // ("The shipment arrives. The clerk unloads it": a thing that arrived is what "it" means next.)
    if (r.subject && pointable(r.subject)) this.state.thing = r.subject;
  }

  /** "If the visitor has no valid ID, security turns them away": who a condition is about, for "them" after it. */
  noteConditionSubject(r: Reading): void {
    if (r.subject && !r.passive) this.people.note(r.subject, r.subject.head.pos !== 'PRON' && this.actors.canAct(r.subject));
    this.people.noteCondition(r.passive ? null : r.subject);
  }

  /** Whether the subject is someone: a party named, or a pronoun for people ("We then serve the meal"). */
  private byPerson(r: Reading): boolean {
    return r.subject ? namesSomeone(r.subject) : PERSONAL_PRONOUNS.has(r.subjectPronoun ?? '');
  }

  private notePeople(r: Reading): void {
    // ("checks the tenant's ID, has them sign …": whose the thing is names a person too.)
    const owner = r.object?.owned ? { words: r.object.words.slice(0, r.object.owned), head: r.object.words[r.object.owned - 1]!, of: null } : null;
    for (const p of [owner, r.subject, r.agent, r.object, r.recipient]) this.people.note(p, !!p && p.head.pos !== 'PRON' && this.actors.canAct(p));
  }

  /** The actor a subject phrase names, if it names one who can act (without making it the current actor). */
  /** "until the supervisor is satisfied": the last step of the party the words open with, when one of ours has a step. */
  stepOfPartyIn(tokens: Token[]): string | undefined {
    const { phrase } = readPhrase(tokens, 0);
    const party = phrase && phrase.head.pos !== 'PRON' ? this.actors.actors.find((a) => this.actors.names(phrase, a)) : undefined;
    return this.lastTaskOf(party ?? null);
  }

  actorNamed(phrase: Phrase | null): Actor | null {
    return phrase && phrase.head.pos !== 'PRON' && this.actors.canAct(phrase) ? this.actors.resolve(phrase) : null;
  }

  /** Who acts in this clause, updating the current actor. */
  /**
   * Who waits for `thing` to come in: "Voters return the envelopes; envelopes must arrive by 6 pm" — the side that
   * receives what the last party sent; "sends the invoice. Payment is due within 30 days" — the sender, for the answer.
   */
  waitingSide(thing: string): Actor | null {
    const last = this.state.actor;
    const [gave = '', ...what] = this.builder.tasks().at(-1)?.label.toLowerCase().split(' ') ?? [];
    if (!last || !givesAway(gave, true) || !what.includes(thing)) return last;
    return receivingSide(last, this.actorsLatestFirst(), (a) => isOutsideParty(a, (x) => this.isOurs(x)), () => this.state.narrator.lane(this.state.speaker)) ?? last;
  }

  private actorOf(r: Reading, c: Clause, previous: Previous): Actor | null {
    const actor = this.whoActs(r, c, previous);
    // (An agentless passive nothing here places: the party holding the case is found once the flows are drawn.)
    this.unplacedPassive = r.passive && !actor;
    return actor;
  }

  private whoActs(r: Reading, c: Clause, previous: Previous): Actor | null {
    // "planned by the managers and approved by the director": a passive's own agent beats the shared subject.
    const handedTo = this.parties.pronounActor(c.sharesSubject || c.relative ? '' : (r.subjectPronoun ?? ''));
    // ("gets a welcome pack and meets the team": the giver drew the first step; the one given it meets the team.)
    // ("HR gets the leaver to sign the form and then closes the file": the one who had it done goes on.)
    // ("The parcel is packed and then labelled at the warehouse": a place of its own names the doer like an agent.)
    const place = r.passive && r.verb ? workplaceOf(c.tokens, verbBase(r.verb)) : null;
    if (c.sharesSubject && previous && !(r.passive && (r.agent || place))) {
      if (previous.reading === this.given?.reading) return this.given.receiver;
      return this.causing && this.lent ? this.state.actor : previous.actor;
    }
    if (r.passive) {
      // "by two officers" counts who acts; "by 2 pm" and "by 15 March" are deadlines.
      const counted = r.agent?.words.some((w) => w.pos === 'NUM') && !(r.agent.head.pos === 'NOUN' && namesSomeone(r.agent));
      // ("sent by post", "by hand"; "by courier" with no article is how it goes too, "by the courier" who takes it.)
      // ("paid by bank transfer": the tagger may read the means' noun as a verb after its modifier.)
      const meansAfter = r.agent && MEANS.has(c.tokens[c.tokens.indexOf(r.agent.words.at(-1)!) + 1]?.lower ?? '');
      const means = r.agent && (MEANS.has(r.agent.head.lemma) || meansAfter || (BARE_MEANS.has(r.agent.head.lemma) && c.tokens[c.tokens.indexOf(r.agent.words[0]!) - 1]?.lower === 'by'));
      if (r.agent && (this.actors.canAct(r.agent, r.coAgents.length > 0) || namesPassiveAgent(r.agent)) && !counted && !means) {
        this.lent = false;
        return (this.state.actor = this.actors.resolve(r.agent));
      }
      // "At customs, the cargo is inspected", "The samples are analysed in the lab": the unit where it is done does it.
      if (place) {
        this.lent = false;
        return (this.state.actor = this.workplaceActor(place));
      }
      if (!r.agent && this.handled.lastReceiver && doneThere(c.tokens)) return (this.state.actor = this.handled.lastReceiver);
      // "X is asked to approve it. The form is then filed.": the filing is the asker's again, not X's.
      if (this.lent) return this.state.actor;
      // "… has 30 days to complete it; otherwise it is dismissed": a refusal without its agent is made by whoever
      // decided on the work, not by the one who missed the deadline.
      if (!r.verb || !(REFUSING.has(verbBase(r.verb)) || (verbBase(r.verb) === 'turn' && r.particle?.lower === 'down'))) {
        const all = !!r.subject && WHOLE_SETS.has(c.tokens[c.tokens.indexOf(r.subject.words[0]!) - 1]?.lower ?? '');
        const handling = this.handled.handling(r.subjectPronoun ? this.state.thing : r.subject, all);
        const handler = handling?.actor ?? null;
        // "The customer submits the claim. The claim is checked.", "The patient pays. The receipt is printed.": work
        // given away or done by a party the process serves is taken up by the side that receives it.
        const served = (a: Actor | null) => !!a && isServedParty(a) && !this.isOurs(a);
        const giver = handler ? (handling!.gaveAway || served(handler) ? handler : null) : served(this.state.actor) ? this.state.actor : null;
        const ours = () => this.state.narrator.lane(this.state.speaker);
        const receiver = giver && (handling?.receiver ?? receivingSide(giver, this.actorsLatestFirst(), (a) => isOutsideParty(a, (x) => this.isOurs(x)), ours));
        if (receiver) return (this.state.actor = receiver);
        if (handler) return (this.state.actor = handler);
        const sentTo = r.recipient && r.recipient.head.pos !== 'PRON' && this.actors.canAct(r.recipient) ? this.actors.resolve(r.recipient) : null;
        return r.verb ? holderPassingOn(verbBase(r.verb), sentTo, this.state.actor) : null;
      }
      // (On a deadline's path there is no choice: a party the process serves does not refuse its own case, so the
      // last one before it who acted does.)
      const served = this.state.actor && SERVED_PARTIES.has(this.state.actor.head);
      const other = served ? this.builder.tasks().reverse().find((n) => n.actor && n.actor !== this.state.actor!.id)?.actor : null;
      const decided = this.builder.node(this.builder.decidingStep() ?? '')?.actor ?? other;
      return decided ? (this.actors.actors.find((a) => a.id === decided) ?? null) : null;
    }
    // "The manager is asked to approve the request": the manager does this step only; the asker keeps the work.
    // ("The nurse has the porter take the patient …": the nurse, who had it done, keeps the work.)
    if (r.causer && this.actors.canAct(r.causer)) this.state.actor = this.actors.resolve(r.causer);
    if (r.causer?.head.pos === 'PRON') this.genders.note(r.causer.head.lower, this.state.actor);
    // ("checks the tenant's ID, has them sign the lease": the one made to act is the last person named but the causer.)
    if (r.asked && r.subject?.head.pos === 'PRON') {
      const causer = this.state.actor;
      const meant = this.people.meant(r.subject.head.lower, '', (p) => !!causer && this.actors.names(p, causer));
      if (!meant || !this.actors.canAct(meant) || !causer) return causer;
      [this.lent, this.causing] = [true, true];
      return this.actors.resolve(meant);
    }
    if (r.asked && r.subject && this.state.actor && this.actors.canAct(r.subject)) {
      this.lent = true;
      this.causing = !!r.causer;
      return this.actors.resolve(r.subject);
    }
    this.lent = false;
    if (c.relative || r.subjectPronoun === 'who') {
      if (this.state.candidate) return (this.state.actor = this.actors.resolve(this.state.candidate));
      return this.state.actor;
    }
    const p = r.subjectPronoun;
    // "I cut the branch", "we check the stock", "you forward it": the narrator acts in a lane of their own.
    if (this.state.narrator.is(p)) return (this.state.actor = this.state.narrator.lane(this.state.speaker, p));
    if (p === 'you') return null;
    // ("calls the patient and she confirms the date": the one called answers.)
    const answerer = r.verb && this.answering.answerer(p, verbBase(r.verb), this.state.actor, (x) => this.actors.resolve(x), couldBeAPerson);
    if (answerer) {
      this.genders.note(p, answerer);
      return (this.state.actor = answerer);
    }
    const held = handedTo ?? this.state.actor;
    const other = this.genders.other(p, held, this.actorsLatestFirst());
    this.genders.note(p, other ?? held);
    if (other) return (this.state.actor = other);
    if (handedTo) return (this.state.actor = handedTo);
    if (p) return this.state.actor;
    // "Our team reconciles the accounts": the narrator; "our finance team" is who "we" are from then on.
    const ours = this.state.narrator.ours(r.subject, c.tokens);
    if (ours === 'narrator') return (this.state.actor = this.state.narrator.lane(this.state.speaker));
    // ("I check the timesheets and our payroll team pays the staff": once the narrator acted in a lane of their own,
    // the team is part of us, not who "I" is.)
    if (ours === 'named' && !this.narratorActed()) this.state.speaker ??= this.actors.resolve(r.subject!);
    const referred = this.acting.refer(r.subject);
    if (referred) return (this.state.actor = referred);
    if (r.subject && (this.actors.canAct(r.subject, !!r.object) || unitByAgreement(r.subject, r.verb))) return (this.state.actor = this.actors.resolve(r.subject));
    if (!r.subject) return c.sharesSubject || continuesSubject(r.verb, r.verb ? verbBase(r.verb) : '', c.tokens) ? this.state.actor : this.orderedActor();
    // "The confirmation letter informs the student", "the ticket records every action": a document doing something
    // is whoever holds it doing it.
    if (r.object && isThing(r.subject.head.lemma.toLowerCase())) return this.state.actor;
    return null;
  }

  /** The party a workplace names: one already acting whose name holds it ("in the lab" when the lab technician acts), else the unit. */
  private workplaceActor(place: Phrase): Actor {
    const key = place.words.map((w) => w.lemma.toLowerCase());
    return this.actors.actors.find((a) => this.actors.isUsed(a) && key.every((k) => a.key.includes(k))) ?? this.actors.resolve(place);
  }

  /** Whether the narrator already did a step in the neutral lane "Company". */
  private narratorActed(): boolean {
    return this.builder.tasks().some((n) => this.actors.actors.some((a) => a.id === n.actor && a.name === NARRATOR_LANE));
  }

  /** Whether an actor is the narrator's own lane. */
  private isOurs(a: Actor): boolean {
    return this.state.narrator.owns(a, this.state.speaker);
  }

  /** The actors of the steps drawn so far, latest first. */
  private actorsLatestFirst(): Actor[] {
    return this.builder.tasks().reverse().flatMap((n) => this.actors.actors.filter((a) => a.id === n.actor));
  }

  /**
   * Who does a step said as an order to the reader ("The customer places an order. Check the stock."): the narrator's
   * organisation when an outside or served party acted last — never that party; the narrator when they acted last
   * ("you log the laptop, then hand it over"); otherwise whoever acts now.
   */
  private orderedActor(): Actor | null {
    if (this.state.actor && this.isOurs(this.state.actor)) return this.state.actor;
    const outside = this.state.actor && (isExternalParty(this.state.actor) || SERVED_PARTIES.has(this.state.actor.head));
    if (outside) return (this.state.actor = this.state.narrator.lane(this.state.speaker));
    // "The handler checks the policy. If it is not active, reject the claim.": an order inside a choice is the
    // decider's.
    return this.builder.inBranchNow() ? this.state.actor : null;
  }

  /** The step a clause names, or null — with the verb's outcome in the trace either way. */
  taskFrom(r: Reading, c: Clause, previous: Previous, by?: Actor): PlannedTask | null {
    const planned = this.plan(r, c, previous, by);
    if (typeof planned !== 'string') {
      this.acting.note(planned?.actor ?? null);
      this.genders.noteActing(planned?.actor ?? null);
      // ("The buyer and the seller agree on a price", "The landlord meets the tenant": one step, done with the seller or
      // the tenant, whom "the latter" and "both parties" then mean too.)
      // ("negotiates the contract with the supplier": the one it is done with, named after "with", too.)
      const alongside = r.prep?.word.lower === 'with' && namesSomeone(r.prep.phrase) ? r.prep.phrase : null;
      const with_ = [r.object && namesSomeone(r.object) ? r.object : null, alongside].filter((p): p is Phrase => !!p);
      if (planned?.actor && !r.passive) for (const p of [...r.coSubjects, ...with_]) this.acting.note(this.actorNamed(p));
      this.acting.note(planned?.handover?.actor ?? null);
      return planned;
    }
    this.trace.skip(r.verb, planned);
    return null;
  }

  /** "A and B inspect the machine": the parties who just did one step side by side, in the order named. */
  noteTogether(tasks: PlannedTask[]): void {
    this.genders.noteTogether(tasks.flatMap((t) => (t.actor ? [t.actor] : [])));
  }

  /** "Each party keeps a copy", "it is signed by both parties": the parties meant, each doing the step; else null. */
  everyParty(r: Reading, c: Clause): Actor[] | null {
    return this.acting.every(r.passive ? r.agent : r.subject, c.tokens);
  }

  private plan(r: Reading, c: Clause, previous: Previous, by?: Actor): PlannedTask | SkipReason {
    this.recent.note(this.state.thing);
    const news = this.news;
    this.news = null;
    // "If the client is not happy, there is another round of review": back to the review, no step.
    const round = !r.verb && !r.negated ? backReference(c.tokens) : null;
    const roundTo = round && this.backTarget(round, false);
    if (roundTo) {
      this.builder.loopBack(roundTo, 'again');
      return 'loop';
    }
    if (!r.verb || r.negated) {
      // "The quality manager is responsible for …": no step here, but "he" in the next sentence means them.
      if (r.copula && r.subject && this.actors.canAct(r.subject)) this.state.actor = this.actors.resolve(r.subject);
      this.noteThing(r);
      return r.negated ? 'negated' : 'state';
    }
    // ("… is checked by the clerk and, if complete, approved by the head": a condition between hides the shared
    // subject, but a bare participle with its doer after a passive is passive too.)
    const passiveAgain = c.sharesSubject || (!r.subject && !r.subjectPronoun && !!r.agent);
    if (passiveAgain && previous?.reading.passive && !r.object && (/(ed|en|t)$/.test(r.verb.lower) || BARE_PARTICIPLES.has(r.verb.lower))) {
      r.passive = true;
      r.subject ??= previous.reading.subject;
      r.subjectPronoun ??= previous.reading.subjectPronoun;
    }
    // "then continue at step 3": a flow back to that item's first task, not a step.
    const step = stepReference(c.tokens);
    if (step !== null) {
      const target = this.state.steps.task(step, this.builder.tasks());
      if (target) this.builder.loopBack(target, 'again');
      return 'loop';
    }
    const base = verbBase(r.verb);
    // "the process resumes at checking", "goes back to the review", "starts over": a flow back, no step.
    // ("… go back to the buyer for review" names a party, "the review starts again" a step: both are read below.)
    const back = r.recipient && namesSomeone(r.recipient) ? null : backReference(c.tokens);
    // "the courier then returns to the depot": someone going back somewhere hands nothing over.
    const personGoing = r.subject ? r.subject.head.pos === 'PRON' || namesSomeone(r.subject) : c.sharesSubject;
    if (base === 'return' && !r.object && !r.passive && !r.particle && r.recipient && personGoing) {
      r.prep = { word: { text: 'to', lower: 'to', pos: 'ADP', lemma: 'to' }, phrase: r.recipient };
      r.recipient = null;
    }
    const ofStep = back?.kind === 'start' && r.subject && !PROCESS_WORDS.has(r.subject.head.lemma) && !['work', 'everything', 'cycle', 'thing', 'whole', 'loop'].includes(r.subject.head.lemma);
    // "the technician starts over": a party starting over does their work again from their first step.
    const overBy = back?.kind === 'start' && ofStep ? this.firstTaskOf(this.actorNamed(r.subject)) : undefined;
    const backTo = overBy ?? (back && !ofStep && this.backTarget(back, !!r.recipient));
    // ("The author and the editor go back and forth": one exchange, however many take part.)
    if (back?.kind === 'exchange' && this.builder.leavesLoop()) return 'loop';
    if (backTo) {
      this.builder.loopBack(backTo, 'again');
      return 'loop';
    }
    const subjectHead = r.subject?.head.lemma ?? '';
    const objectHead = r.object?.head.lemma ?? '';
    const aboutProcess = PROCESS_WORDS.has(r.passive ? subjectHead : objectHead) || (PROCESS_WORDS.has(subjectHead) && !r.object);
    // "The agent closes the case", "the case is closed by the clerk": someone closing a case is a step ("Close case");
    // a branch it closes still ends after it.
    const closesItem = WORK_ITEM_PROCESS_WORDS.has(r.passive ? subjectHead : objectHead) && (r.passive ? !!r.agent && namesSomeone(r.agent) : this.byPerson(r));
    if (END_VERBS.has(base) && closesItem) this.builder.markEnd();
    else if (END_VERBS.has(base) && (aboutProcess || PROCESS_WORDS.has(subjectHead))) {
      // "If no answer comes within a week, the case is closed": the path ends as the case closed.
      if (r.passive && subjectHead !== 'process') this.builder.endBranchAs(`${subjectHead.charAt(0).toUpperCase()}${subjectHead.slice(1)} ${pastParticiple(base)}`);
      this.builder.markEnd();
      return 'process-end';
    }
    // "the review starts again": the step named is done once more.
    // "…, which restarts CI", "reruns the pipeline": the work of whoever or whatever is restarted is done again.
    const rerun = RERUN_VERBS.has(base) && !!r.object && r.object.head.pos !== 'PRON' ? this.lastTaskOf(this.actorNamed(r.object)) : undefined;
    if (rerun) {
      this.builder.loopBack(rerun, 'again');
      return 'loop';
    }
    if ((START_VERBS.has(base) && r.adverbs.includes('again')) || (base === 'restart' && (!r.object || PROCESS_WORDS.has(objectHead)))) {
      const target = this.earlierTask([r.subject, r.object])?.id ?? this.builder.blockStart();
      if (target) this.builder.loopBack(target, 'again');
      return 'loop';
    }
    // "the customer tries again", "retries", "the reviewer looks again": inside a branch, the step that decided it is
    // done once more.
    // ("retries the payment" names the step retried: a loop too.)
    // ("tries again the next day": a time is no object.)
    // ("the reviewer looks again", "looks at it again": the look that decided it is taken once more.)
    const looksAgain = base === 'look' && !r.object && (!r.prep || r.prep.word.lower === 'at') && saysAgain(c.tokens);
    const tryAgain = (base === 'try' && (!r.object || isTimeWord(r.object.head.lemma)) && saysAgain(c.tokens)) || looksAgain;
    const retry = this.builder.inBranchNow() && (tryAgain || base === 'retry') ? this.builder.decidingStep() : null;
    if (retry) {
      this.builder.loopBack(retry, 'again');
      return 'loop';
    }
    if (START_VERBS.has(base) && (PROCESS_WORDS.has(subjectHead) || PROCESS_WORDS.has(objectHead))) return 'process-start';
    // "waits for the upload", "waits until the payment arrives": a catch event for what arrives, not a task.
    if (base === 'wait') {
      // "requests the documents and waits for them": the pronoun is the thing last named.
      const named = r.prep?.word.lower === 'for' ? r.prep.phrase : null;
      const forPronoun = c.tokens.some((t, i) => t.lower === 'for' && c.tokens[i + 1]?.pos === 'PRON');
      const awaited = named?.head.pos === 'PRON' || (!named && forPronoun) ? this.state.thing : named;
      const until = c.tokens.findIndex((t) => t.lower === 'until');
      // "waits for the courier to collect it": the event is the collection.
      // ("waits for the bed to be cleaned": the thing undergoes it, "Bed cleaned".)
      const beDone = c.tokens.findIndex((t, i) => t.lower === 'to' && c.tokens[i + 1]?.lower === 'be' && c.tokens[i + 2]?.pos === 'VERB');
      const to = beDone > 0 ? beDone + 1 : c.tokens.findIndex((t, i) => t.lower === 'to' && c.tokens[i + 1]?.pos === 'VERB');
      const object = to < 0 || !awaited || beDone > 0 ? null : c.tokens[to + 2]?.pos === 'PRON' ? this.state.thing : readPhrase(c.tokens, to + 2).phrase;
      const label = awaited && to > 0 ? waitedToLabel(awaited, c.tokens[to + 1]!.lemma, object) : awaited ? waitedForLabel(awaited, this.addressed.has(awaited.head.lemma)) : until > 0 ? (untilEvent(c.tokens.slice(until))?.label ?? '') : '';
      // ("waits until the runway is free": a state reached, a conditional event; an answer or an arrival is a message.)
      const eventType = !awaited && until > 0 ? (untilEvent(c.tokens.slice(until))?.eventType ?? 'message') : 'message';
      // "we wait for payment again": back to the earlier wait for the same thing.
      // (The earlier wait may be the receive step a deadline hangs on: "Wait for payment".)
      const waitStep = awaited ? `wait for ${awaited.words.filter((w) => w.pos !== 'DET').map((w) => w.lower).join(' ')}` : '';
      const waited = saysAgain(c.tokens) && this.builder.nodes.find((n) => (n.kind === 'intermediate' && n.label === label) || (n.kind === 'task' && n.label.toLowerCase() === waitStep));
      if (waited) {
        this.builder.loopBack(waited.id, 'again');
        return 'loop';
      }
      // "If no answer arrives within a week, the agent sends a reminder and waits again": back to the wait the timer sits on.
      if (!awaited && saysAgain(c.tokens) && this.builder.waitAgain()) return 'loop';
      // ("All other patients wait in the lobby until …": the queue of other cases is no party; the wait is the case
      // holder's, in the lane of the step before.)
      const queue = !!r.subject && queuedOthers(r.subject);
      const waiter = label ? (queue ? this.state.actor : this.actorOf(r, c, previous)) : null;
      if (label) this.builder.appendTask({ kind: 'intermediate', label, actor: waiter?.id ?? null, eventType });
      // ("The driver waits | until the truck is loaded": the event comes with the "until" clause, in the waiter's lane.)
      if (!label && !queue && r.subject && r.subject.head.pos !== 'PRON' && !c.sharesSubject && this.actors.canAct(r.subject)) {
        this.state.actor = this.actors.resolve(r.subject);
        this.actors.markUsed(this.state.actor);
      }
      // "The farmer waits for the soil report": a party named waiting is a party of the process, with its lane.
      if (waiter && !queue && r.subject && r.subject.head.pos !== 'PRON' && !c.sharesSubject) this.actors.markUsed(waiter);
      // "When it arrives": "it" is what was waited for.
      if (awaited && pointable(awaited)) this.state.thing = awaited;
      return 'wait';
    }
    // "the request is considered complete": the end, not a step.
    if (base === 'consider' && r.passive) {
      // ("the application is considered withdrawn": the end is named for the state reached.)
      const reached = lapseName(c.tokens);
      if (reached) this.builder.endBranchAs(reached);
      this.builder.markEnd();
      return 'process-end';
    }
    // "a session, which must take place within five days": taking place names no step unless its subject does.
    if (base === 'take' && r.object?.head.lemma === 'place' && !lightVerbStep(r, r.object)) {
      this.noteThing(r);
      return 'state';
    }
    // "the visa can take weeks", "the repair lasts two days": how long something takes is no step.
    if (['take', 'last'].includes(base) && r.timed && !r.object) {
      this.noteThing(r);
      return 'state';
    }
    // "applies for a permit" is a step; "the rule applies to all orders" is a relation.
    const relation = base === 'apply' && !r.object && r.prep?.word.lower !== 'for';
    // "the waiter serves the drinks" is a step; "the form serves as a record" is not.
    // ("the specialist sees the patient", "serious cases are seen by a doctor": a consultation, not a perception; "sees that the
    // form is complete" is not.)
    // ("We then serve the meal", "the customer is served by the sales assistant": a person serving, in either voice.)
    const served = r.passive ? !!r.agent && namesSomeone(r.agent) : !!r.object && this.byPerson(r);
    const serving = served && ((base === 'serve' && !c.tokens.some((t) => t.lower === 'as')) || (base === 'see' && (r.passive || namesSomeone(r.object!))));
    if ((NON_ACTIVITY_VERBS.has(base) && !serving) || relation) {
      // "Underwriters act as …" names no step, but "they" in the next sentence means them.
      if (r.subject && !r.passive && this.actors.canAct(r.subject)) this.state.actor = this.actors.resolve(r.subject);
      this.noteThing(r);
      return 'state';
    }
    // "A new ticket arrives", "order comes in": before any step, a thing arriving starts the process.
    const comes = (base === 'arrive' && !r.particle) || (base === 'come' && r.particle?.lower === 'in');
    if (comes && !this.builder.hasSteps() && !r.object && !r.passive && r.subject && pointable(r.subject)) {
      this.state.thing = r.subject;
      this.builder.nameStart(handoverLabel(r.subject), true);
      return 'trigger';
    }
    const signalled = deviceSignal(r, base);
    if (signalled) {
      if (this.builder.hasSteps()) return 'happening';
      this.builder.nameStart(signalled, false);
      return 'trigger';
    }
    // "A position opens": something happening to a thing is a trigger, not a step.
    if (!r.object && !r.prep && !r.recipient && !r.particle && !r.passive && r.subject && !namesSomeone(r.subject) && !c.sharesSubject && r.subject.head.pos !== 'PROPN') {
      this.noteThing(r);
      return 'happening';
    }
    // "Based on the plan, …", "Following signature, …": a participle with no subject and no auxiliary is an
    // adverbial, not a step.
    // "After confirming, the supplier ships …": a bare gerund after a time word points back at a step, it is none.
    const words = c.tokens.filter((t) => t.pos !== 'PUNCT');
    const opening = words[0] === r.verb || (words[1] === r.verb && !r.object && ['after', 'before', 'upon', 'on', 'once', 'when', 'while'].includes(words[0]!.lower));
    if (!r.subject && !r.subjectPronoun && !r.passive && !c.sharesSubject && !c.relative && (/ed$/.test(r.verb.lower) || (opening && /ing$/.test(r.verb.lower))) && r.verb.lower !== base) {
      return 'adverbial';
    }
    // "All of this must be completed by 2 pm", "when both are done": a deadline on or the completion of earlier steps.
    // ("When all three streams are finished": "all" or "both" before the subject is the work before.)
    const allAt = c.tokens.findIndex((t) => t.lower === 'all' || t.lower === 'both');
    const allOf = allAt >= 0 && allAt < c.tokens.indexOf(r.verb);
    // ("Once the check is done": after "once/when/after", a noun of an action names the work before too.)
    const doneAction = !!r.subject && !r.agent && !!actionVerb(r.subject.head.lemma) && ['once', 'when', 'after'].includes(c.tokens[0]?.lower ?? '');
    const earlierWork = r.subjectPronoun || r.both || allOf || !r.subject || r.subject.of?.head.pos === 'PRON' || ['all', 'both', 'everything'].includes(r.subject.head.lemma) || doneAction;
    if (r.passive && ['complete', 'finish', 'do', 'achieve', 'perform', 'handle'].includes(base) && earlierWork) {
      return 'deadline';
    }
    // "I run the bakery": who the speaker is, not a step; "I" and "we" act in that lane from now on.
    if (this.noteSpeaker(r)) return 'state';
    if (!this.builder.tasks().length && describesBusiness(r, c.tokens)) return 'state';
    const before = this.state.actor;
    let actor = by ? (this.state.actor = by) : this.actorOf(r, c, previous);
    // "The gate agent scans the boarding passes. Passengers board.": the gate agent boards the passengers.
    const staff = staffTaking(r, r.particle ? `${base} ${r.particle.lower}` : base, before, actor);
    if (staff) {
      actor = this.state.actor = staff;
      r = { ...r, object: r.subject };
    }
    // The thing acted on: the object, or in the passive the subject; pronouns point at the last thing named.
    let object: Phrase | null = moreOf(theRest(namedOnes(r.passive ? r.subject : r.object, this.recent.earliest() ?? this.state.thing, this.state.thing), this.state.thing), this.state.thing, this.builder.tasks().map((t) => t.label.toLowerCase()));
    const pronoun = r.passive ? r.subjectPronoun : r.object?.head.pos === 'PRON' ? r.object.head.lower : null;
    // "calls her", "informs them": a person pronoun means the last person named, not the last thing.
    const acting = (p: Phrase) => !!actor && this.actors.names(p, actor);
    const branch = this.builder.inBranchNow();
    const phrasal = r.particle ? `${base} ${r.particle.lower}` : base;
    // "checks them in": people when people were named; the parcels when only they were.
    const byParticle = phrasal !== base && PERSON_VERBS.has(phrasal) && pronoun ? (this.people.meant(pronoun, phrasal, acting, branch) ?? undefined) : undefined;
    const person = byParticle ?? (!r.passive && pronoun ? this.people.meant(pronoun, base, acting, branch) : undefined);
    if (person !== undefined) object = person ?? this.state.candidate;
    else if (pronoun && ['it', 'this', 'that', 'them', 'which', 'they', 'these', 'those'].includes(pronoun)) {
      object = this.recent.meant(pronoun, this.state.thing) ?? (r.passive ? null : object);
      // ("informs the ward. The ward then collects it": what the ward collects is not the ward but the thing before.)
      if (object && !r.passive && acting(object)) object = this.recent.before(object) ?? object;
      // ("gets a call and answers it": the message itself.)
      if (news && handlesMessage(base, news)) object = news;
    }
    // "calls the host. The host collects them …": what is in hand is never the one acting, and with no thing in hand
    // "them" is people too.
    if (person === undefined && pronoun === 'them' && (!object || object.head.pos === 'PRON' || acting(object))) object = this.people.meant('them', '', acting, branch) ?? object;
    // ("If no slot suits the patient, the receptionist puts them on the waiting list": with no several things named,
    // "them" is the singular "they" of the party served, not the one thing in hand.)
    else if (person === undefined && pronoun === 'them' && object && !isPlural(object)) {
      const who = this.people.meant('them', '', acting, branch);
      if (who && SERVED_PARTIES.has(who.head.lemma.toLowerCase())) object = who;
    }
    if (person === undefined && object?.head.pos === 'PRON' && ['him', 'her'].includes(object.head.lower)) object = this.state.candidate;
    else if (object?.head.pos === 'PRON' && !['everything', 'something', 'anything'].includes(object.head.lower)) object = this.state.thing;
    // "Test device … If the test fails, the technician repairs it": what is mended is what the check examined, not the check.
    const examined = pronoun && object && MENDING.has(base) && branch ? this.examinedBy(object) : undefined;
    if (examined) object = examined;
    // ("emails the clients": people written to are not given away.)
    this.handled.note(object, actor, !!actor && !(object && namesSomeone(object)) && givesAway(base, isOutsideParty(actor, (a) => this.isOurs(a))));
    // "… and send to account management": the object is the thing just handled.
    // ("reports back to the team lead", "writes back to the citizen": answering sends no thing.)
    // ("replies to the customer": replying to someone is answering them, Reply to customer.)
    // ("the foreman reports to the inspector": reporting to someone is the step, Report to inspector.)
    const answers = (r.particle?.lower === 'back' && !['send', 'return', 'pass', 'hand', 'give', 'forward', 'mail', 'email', 'post'].includes(base)) || actsOnAfter(base, 'to') || base === 'report';
    if (!object && !r.passive && !answers && r.recipient && namesSomeone(r.recipient) && this.state.thing && SEND_VERBS.has(base)) object = this.state.thing;
    if (['do', 'perform', 'handle', 'carry'].includes(base) && r.passive && pronoun && actor) {
      const last = this.builder.tasks().at(-1);
      if (last) {
        last.actor = actor.id;
        this.actors.markUsed(actor);
      }
      return 'lane-change';
    }
    // "the process goes back to the review", "go back to the check": a loop to the step named.
    const goesBack = (base === 'go' && r.particle?.lower === 'back') || (PROCESS_WORDS.has(subjectHead) && ['go', 'return', 'jump', 'loop'].includes(base));
    if (goesBack && r.recipient) {
      // "approves or proposes changes; proposed changes go back …": the loop leaves from the branch that made them.
      const made = r.subject?.words.find((w) => w.pos === 'ADJ' && /ed$/.test(w.lower));
      if (made) this.builder.reopenBranchFor(made.lemma);
      // "If rejected, the claim goes back to the employee": to that party's last step, not a step naming them.
      const to = r.recipient;
      const party = namesSomeone(to) ? this.actors.actors.find((a) => this.actors.names(to, a)) : undefined;
      const partyStep = party && this.builder.tasks().reverse().find((n) => n.actor === party.id)?.id;
      // ("… go back to the buyer for review": the step named beats the party's last one.)
      const forStep = r.prep?.word.lower === 'for' ? this.earlierTask([r.prep.phrase])?.id : undefined;
      const target = forStep ?? partyStep ?? this.earlierTask([r.recipient])?.id ?? this.builder.blockStart();
      // ("… goes back to the applicant, who corrects it": "who" is the one it goes back to.)
      if (party) this.state.candidate = to;
      // "Rejected claims go back to the employee to correct and resubmit": the correction is the party's step.
      const mending = party && target ? this.mendingStep(r, c, to.words.at(-1), r.subject, party, target) : null;
      // ("checks the results; errors go back to the clerk for correction": outside a choice, what goes back is the
      // case that opens one — the mending is done on that way only, never on every run.)
      if (mending && !this.builder.inBranchNow() && r.subject) {
        const subject = r.subject.words.map((w) => w.lower).join(' ');
        this.builder.openBranch(subject, subject, false);
      }
      if (mending) return mending;
      if (target) {
        this.builder.loopBack(target, 'again');
        return 'loop';
      }
    }
    // "resubmits the form", "re-checks it": the earlier step done again is a loop back to it.
    const again = redoneVerb(base);
    // "… go back to the developers, who fix them. QA then retests.": the step the branch just went back to, said done
    // again, is that same loop told once more, not a step of its own.
    const looped = this.builder.justLoopedTo();
    if (looped && (again ?? (saysAgain(c.tokens) ? base : null)) === this.builder.node(looped)?.label.toLowerCase().split(' ')[0]) return 'loop';
    // Only in a branch: "then rechecks all dates" in sequence is a second check of its own.
    if (again && this.builder.inBranchNow()) {
      // "… returns the claim to the employee, who resubmits it": with no submission drawn, it goes back to the step
      // that decided on it.
      const handedIn = /^(submit|send|apply|file|lodge|present)$/.test(again);
      const earlier = stepOfVerb(again, null, this.builder.tasks())?.id ?? (handedIn ? this.builder.decidingStep() : null);
      if (earlier) {
        this.builder.loopBack(earlier, 'again');
        return 'loop';
      }
    }
    // "If the organiser proposes other dates, the venue makes a new proposal": the offer made again is the first one.
    // (Not after a check: "issues a corrected invoice" is rework, which goes back to the check — rework-loops.ts.)
    const offered = this.builder.inBranchNow() && !r.passive && !examines(this.builder.node(this.builder.decidingStep() ?? '')?.label) ? offeredAgain(base, object, this.builder.tasks()) : null;
    if (offered) {
      this.builder.loopBack(offered, 'again');
      return 'loop';
    }
    // "retries the upload": the upload drawn before is done again; in a branch the way goes back to it, and right
    // after it, the "until" that follows loops there.
    const firstTry = (RETRY_VERBS.has(base) || LOOP_VERBS.has(base)) && !(object && isSpan(object.head.lemma)) ? firstAttempt(base, object) : null;
    const tried = firstTry ? this.earlierTask([object]) : undefined;
    if (RETRY_VERBS.has(base) && tried) {
      // ("… until it succeeds": "it" is the upload retried.)
      if (object && pointable(object)) this.state.thing = object;
      if (this.builder.inBranchNow()) this.builder.loopBack(tried.id, 'again');
      else if (tried.id !== this.builder.lastTaskId()) return 'loop';
      if (this.builder.inBranchNow() || tried.id === this.builder.lastTaskId()) return 'loop';
    }
    // ("repeats the year": a span lived through again is a step, no loop.)
    // ("The technician repeats the test until it passes" opening the text: the test is done, until it passes.)
    const untried = firstTry && !tried && !this.builder.inBranchNow() && !this.builder.blockStart();
    if (LOOP_VERBS.has(base) && !untried && !(object?.head.pos === 'NOUN' && isSpan(object.head.lemma))) {
      // ("If the batch fails the check, … repeats the check" opening the text: the check was done once before.)
      const noun = object?.head.pos === 'NOUN' ? object.head.lemma : '';
      // (Only the check the condition speaks of: "fails the temperature check".)
      const checked = !r.passive && noun && this.builder.lastCondition()?.label?.split(' ').includes(noun);
      const implied = checked && this.impliedStep(`${noun.charAt(0).toUpperCase()}${noun.slice(1)}`, actor, r.verb, true);
      const target = this.earlierTask([object, r.prep?.phrase ?? null])?.id ?? (implied || this.builder.blockStart());
      if (target) this.builder.loopBack(target, 'repeat');
      return 'loop';
    }
    // "it goes to engineering": a thing moving on to a party is the current actor handing it over.
    if (MOVING_VERBS.has(base) && !r.passive && !r.object && r.recipient && namesSomeone(r.recipient) && (!r.subject || !namesSomeone(r.subject))) {
      // ("The results go to the ward doctor": what goes is the thing handed over.)
      // ("The request goes …" after "submits an access request": the fuller name of the same thing.)
      const held = this.state.thing;
      // ("Large claims go to the panel" after "medium claims …": a describing word of its own names another kind.)
      const fuller = !!held && held.head.lemma === r.subject?.head.lemma && r.subject.words.every((w) => held.words.some((h) => h.lower === w.lower));
      const going = r.subject && r.subject.head.pos !== 'PRON' && pointable(r.subject) ? (fuller ? held : r.subject) : null;
      if (!object && going) this.state.thing = going;
      return this.handOver(r, going ?? object ?? this.state.thing, r.recipient);
    }
    // "Vendor invoices go to the AP inbox", "Complaints are received by the desk": a thing on its way is what "them"
    // means next; before any step, it starts the process.
    const arriving = (MOVING_VERBS.has(base) && !r.passive && !r.object && !(r.recipient && namesSomeone(r.recipient))) || (base === 'receive' && r.passive);
    if (arriving && r.subject && pointable(r.subject)) {
      this.state.thing = r.subject;
      if (!this.builder.hasSteps()) {
        this.builder.nameStart(handoverLabel(r.subject), true);
        return 'trigger';
      }
    }
    // "signs off on it", "follows up on them": a pronoun after the verb's preposition means the thing in hand too.
    const onPronoun = !object && r.prep && r.prep.phrase.head.pos === 'PRON' ? this.recent.meant(r.prep.phrase.head.lower, this.state.thing) : null;
    if (onPronoun && ['it', 'them', 'this', 'these'].includes(r.prep!.phrase.head.lower)) r = { ...r, prep: { word: r.prep!.word, phrase: onPronoun } };
    // ("retries the payment" with no payment drawn: the attempt, which the "until" after it repeats.)
    let label = (untried || RETRY_VERBS.has(base)) && firstTry && !tried ? firstTry : labelFor(r, object, this.state.thing);
    // "The clerk files", "the board approves", "the surgeon operates": the object left unsaid is the thing in hand,
    // or the person a verb done to people is done to.
    // ("The agent answers within 2 days": a deadline after the verb is no time in the object's place.)
    const due = r.timed && findDuration(c.tokens)?.kind === 'deadline';
    // ("The supervisor gives feedback. The student revises.": what is mended is the work the feedback is on.)
    const said = this.state.thing && MENDING.has(base) && FEEDBACK_NOUNS.has(this.state.thing.head.lemma.toLowerCase()) ? this.recent.before(this.state.thing) : null;
    const implied = object ? null : withImpliedObject(due ? { ...r, timed: false } : r, base, said ?? this.state.thing, () => this.people.meant('them', base, actingOrOurs(acting, this.actors), branch) ?? null);
    if (implied) {
      object = implied.object;
      label = labelFor(implied, object);
    }
    label = cleanLabel(label, 'task');
    // "submits it again": "again" after the object too loops back to the step that made it.
    // ("The truck is weighed again on the way out": on the main path, with nothing mended before it, "again" is the
    // step done a second time, not a loop back to it.)
    const lastDone = this.builder.tasks().at(-1)?.label.toLowerCase().split(' ')[0] ?? '';
    const improves = (verb: string) => MENDING.has(verb) || IMPROVING.has(verb);
    const mended = improves(lastDone) || c.tokens.some((t) => t.pos === 'VERB' && improves(verbBase(t)));
    const secondTime = !this.builder.inBranchNow() && !mended;
    // "If there are errors, the printer makes a new proof and the customer checks it": after work in the branch, the
    // party that decided checking the same thing the same way is that check again.
    const decider = this.builder.branchHasSteps() ? this.builder.node(this.builder.decidingStep() ?? '') : undefined;
    const decided = decider?.label.toLowerCase().split(' ');
    const sameCheck = !!decided && !!actor && decider!.actor === actor.id && examines(decider!.label) && label.toLowerCase().split(' ')[0] === decided[0] && label.toLowerCase().split(' ').at(-1) === decided.at(-1);
    if (sameCheck) {
      this.builder.loopBack(decider!.id, 'again');
      return 'loop';
    }
    // "If the sample is contaminated, the technician draws another sample": the draw done before, made anew.
    const failed = this.builder.inBranchNow() && failedCheck(this.builder.lastCondition()?.label, this.builder.adverseBranch());
    // ("… makes a new proof and the customer checks it": the way goes on to its own check, read elsewhere.)
    const renewed = this.endsSentence ? renewedStep(base, r.object, c.tokens, this.builder.tasks(), failed) : undefined;
    if (renewed) {
      this.builder.loopBack(renewed.id, 'again');
      return 'loop';
    }
    if ((r.adverbs.includes('again') || saysAgain(c.tokens)) && !secondTime) {
      // The same verb on the same thing ("Submit document" after "Submit design document"), or on any thing when the
      // text left it unsaid ("they decide again", "tests it again": the thing guessed may differ from the first one).
      const words = label.toLowerCase().split(' ');
      const unsaid = !!implied || !!pronoun || words.length < 2;
      const thing = unsaid ? null : words.at(-1)!;
      // "Otherwise the author revises it and pushes it again": handing the work in again, with no hand-in drawn, goes
      // back to the step that decided on it.
      const handIn = this.builder.inBranchNow() && HAND_IN_VERBS.has(base) ? this.builder.decidingStep() : null;
      // "… reworks the part; once fixed, the part is inspected again": examining the thing again is the check that decided.
      const deciding = this.builder.inBranchNow() ? this.builder.decidingStep() : null;
      const decidedBy = deciding ? this.builder.node(deciding)?.label.toLowerCase().split(' ') : undefined;
      const checkedAgain = deciding && examines(label) && examines(decidedBy?.join(' ')) && (!thing || decidedBy!.includes(thing)) ? deciding : null;
      // "… is invited to a second interview and the manager decides again": deciding again is the step that decided.
      const decidedAgain = base === 'decide' ? deciding : null;
      const earlier = stepOfVerb(words[0]!, thing, this.builder.tasks())?.id ?? handIn ?? checkedAgain ?? decidedAgain ?? this.impliedStep(label, actor, r.verb, unsaid);
      if (earlier) {
        this.builder.loopBack(earlier, 'again');
        return 'loop';
      }
    }
    label = madeAsNoun(label) ?? label;
    const problem = labelProblem(label, 'task');
    if (problem && !(problem.endsWith('needs an object') && this.state.bareSteps?.has(label.toLowerCase()))) {
      this.warnings.push(`No step drawn for "${c.tokens.map((t) => t.text).join(' ')}": its label "${label}" fails the label gate (${problem}).`);
      return 'no-label';
    }
    // "If the scan is unreadable, the clerk rescans it": the scan the text left unsaid.
    const redone = again && this.impliedStep(`${again.charAt(0).toUpperCase()}${again.slice(1)}${label.includes(' ') ? label.slice(label.indexOf(' ')) : ''}`, actor, r.verb);
    if (redone) {
      this.builder.loopBack(redone, 'again');
      return 'loop';
    }
    // "asks the ward for a new sample": the one asked is no work item; what is asked for is.
    // ("a new sample": "it" later means the sample, new or not.)
    const asked = r.prep?.word.lower === 'for' ? r.prep.phrase : null;
    // ("requests the documents": a thing asked for is the object itself.)
    const turnsToSomeone = ASKING_VERBS.has(base) && !(object && !namesSomeone(object) && !asked);
    const handled = turnsToSomeone ? asked && { ...asked, words: asked.words.filter((w) => !RENEWED.has(w.lower)) } : object;
    // (A system acted on is a thing too: "patches the server. Then the engineer reboots it.")
    const about = newsAbout(base, handled, r.prep);
    if (about || onlyBringsNews(base, handled, this.state.thing)) {
      this.news = handled;
      if (about && pointable(about)) this.state.thing = about;
    }
    else if (handled && (pointable(handled) || isSystemName(handled.head.lemma)) && !lightVerbStep(r, handled)) this.state.thing = handled;
    // "asks IT to reset the password. IT resets it": what the one asked acts on is the thing in hand.
    const wanted = turnsToSomeone && !asked && object ? askedThing(r, object) : null;
    if (wanted && pointable(wanted)) this.state.thing = wanted;
    // "goes through the list. Then files it.": with no object, what the step works through or on is the thing in hand.
    // ("sets a deadline for the report. The analyst writes it.": a measure or a date is set for the thing in hand.)
    // ("applies for a parking permit. The clerk … processes it.": what is applied for is what is worked on next.)
    else if (r.prep && pointable(r.prep.phrase) && (handled ? !pointable(handled) && r.prep.word.lower === 'for' : WORKED_ON.has(r.prep.word.lower) || (base === 'apply' && r.prep.word.lower === 'for'))) this.state.thing = r.prep.phrase;
    // "asks to sublet": the request made is what is decided, objected or agreed to next ("asks to cancel the order":
    // the order is what "it" means next).
    else if (!object && infinitiveAfter(r, base)) {
      const todo = infinitiveAfter(r, base)!;
      const { phrase } = readPhrase(r.rest, r.rest.indexOf(todo) + 1);
      this.state.thing = (phrase && pointable(phrase) ? phrase : madeByAsking(base)) ?? this.state.thing;
    }
    this.notePeople(r);
    for (const p of [r.recipient, r.object, r.prep?.phrase ?? null, r.agent]) {
      if (p && p.head.pos !== 'PRON' && this.actors.canAct(p) && namesSomeone(p)) {
        this.state.candidate = p;
        this.state.candidatesWith = p === r.recipient ? r.coRecipients : [];
      }
    }
    const last = partyEndingClause(c.tokens);
    if (last && this.actors.canAct(last)) [this.state.candidate, this.state.candidatesWith] = [last, []];
    const type: TaskType = taskTypeFor(r, actor ? isSystemName(actor.name) : false);
    const receiver = this.receiverOf(r, base, actor);
    // (Not one of two ways: "sent to the north office or to the south office" leaves the file with neither.)
    if (receiver && passesOn(base, receiver) && !c.orWithPrevious) this.handled.passOn(object, receiver);
    else if (receiver) this.handled.noteReceiver(object, receiver);
    // "asks the architect to estimate the effort. She …": the one asked acts next; "has the porter take …", "is asked
    // to approve it. He …": so does the one lent the step.
    const actsNext = receiver ?? this.askedToAct(r, base, c.tokens) ?? (r.asked ? actor : null);
    this.parties.stepHandsTo(actsNext, !!receiver || (!!r.recipient && (r.recipient.head.pos === 'PRON' || namesSomeone(r.recipient))));
    // "asks the supplier", "requests approval from the manager", "sends the form to the applicant".
    const from = c.tokens.findIndex((t) => t.lower === 'from');
    const turnedTo = ASKING_VERBS.has(base) ? [r.object, from > 0 ? readPhrase(c.tokens, from + 1).phrase : null] : [];
    for (const p of [r.recipient, ...turnedTo]) if (p && namesSomeone(p)) this.addressed.add(p.head.lemma);
    if (receiver) this.addressed.add(receiver.head);
    const someone = (x: Phrase | null) => (x && x.head.pos !== 'PRON' && this.actors.canAct(x) ? x : null);
    this.answering.stepTurnsTo(base, someone(object), someone(r.recipient));
    const told = TELL_VERBS.has(base) ? (r.prep?.phrase ?? null) : object;
    const handover = receiver ? { actor: receiver, label: told ? handoverLabel(told) : (TOLD_LABELS[base] ?? 'Message received') } : null;
    // "… and sends a new proof": handing in work made again goes back to the step that decided on it.
    const deciding = this.builder.inBranchNow() ? this.builder.decidingStep() : null;
    const sentBack = this.sentBackTo(r, c, base, receiver, actor);
    // "is returned to the author for rework": the author's rework comes before the loop goes back.
    const mender = sentBack ? (receiver ?? this.actors.actors.find((a) => a.id === this.builder.node(sentBack)?.actor)) : undefined;
    const mending = sentBack && mender && mender !== actor ? this.mendingStep(r, c, r.recipient?.words.at(-1) ?? r.verb ?? undefined, r.passive ? r.subject : object, mender, sentBack) : null;
    const loopTo = (mending ? undefined : sentBack) ?? (deciding && handsInRenewed(base, object) ? deciding : undefined);
    const mends = mendsChecked(base, object, this.builder.node(deciding ?? '')?.label, this.builder.lastCondition()?.subject) || repairsFailedCheck(base, c.tokens, this.builder.decidingLabels(), failedCheck(this.builder.lastCondition()?.label, this.builder.adverseBranch()));
    const returnsTo = deciding && !loopTo && mends ? deciding : undefined;
    // ("Return article for rework" then "Rework article": what it is returned for is the next step, not its label.)
    if (mending) label = label.replace(/ for \S+$/, '');
    const then = mending ?? (receiver && !loopTo ? this.stepFor(r, base, object, receiver) : undefined);
    const given = this.givenBy(r, base, object, actor, from > 0 ? readPhrase(c.tokens, from + 1).phrase : null);
    if (given) {
      this.given = { reading: r, receiver: actor! };
      return { label: givenLabel(label, given.verb), actor: given.giver, type: 'send', handover: null, verb: r.verb };
    }
    return { label, actor, type, handover, verb: r.verb, ...(loopTo ? { loopTo } : {}), ...(returnsTo ? { returnsTo } : {}), ...(then ? { then } : {}) };
  }

  /** The last clause drawn as the giver's step, and the one given the thing, who stays the clause's subject. */
  private given: { reading: Reading; receiver: Actor } | null = null;

  /** "The new hire gets a welcome pack": the giver and its verb, when a thing given out is the step (given-things.ts). */
  private givenBy(r: Reading, base: string, thing: Phrase | null, receiver: Actor | null, from: Phrase | null): { giver: Actor; verb: string } | null {
    const served = (a: Actor) => isOutsideParty(a, (x) => this.isOurs(x));
    const verb = r.passive ? undefined : givingVerb(base, thing, receiver, served);
    if (!verb || !receiver) return null;
    const named = from && this.actors.canAct(from) ? this.actors.resolve(from) : null;
    const giver = giverOf(receiver, named, this.actorsLatestFirst(), served);
    return giver ? { giver, verb } : null;
  }

  /** "… for review", "… for signature": the receiver's step, which "it" and "who" then follow. */
  private stepFor(r: Reading, base: string, thing: Phrase | null, receiver: Actor): PlannedTask | undefined {
    const label = stepHandedFor(r, base, thing);
    if (!label || labelProblem(label, 'task')) return undefined;
    this.state.actor = receiver;
    // (The hand-over's verb made both steps.)
    return { label, actor: receiver, type: 'user', handover: null, verb: r.verb };
  }

  /**
   * "sends it back if something is missing", "returns the form to the employee for correction": inside a branch, the
   * work goes back to the step of whoever gets it (or of the party before), which is done again; so it does as one of
   * two alternatives ("either approves the request or sends it back to the employee").
   */
  private sentBackTo(r: Reading, c: Clause, base: string, receiver: Actor | null, actor: Actor | null): string | undefined {
    // Handing finished work back ("fix it and hand it back") carries on; sending it back is rework.
    // ("returns it for correction" says it goes back though it names no one: to the party before.)
    const forMending = r.prep?.word.lower === 'for' && MENDING_NOUNS.has(r.prep.phrase.head.lower);
    const back = (r.particle?.lower === 'back' && HANDOVER_VERBS.has(base) && !['hand', 'give'].includes(base)) || (base === 'return' && (!!receiver || forMending));
    if (!back || !(this.builder.inBranchNow() || c.orWithPrevious)) return undefined;
    const tasks = this.builder.tasks().reverse();
    const before = receiver ? tasks.find((n) => n.actor === receiver.id) : tasks.find((n) => n.actor && n.actor !== actor?.id);
    // "… returns it to the writer. The writer fixes the errors and sends it back": the party before sent it back from
    // inside this branch, so it goes back to the check that decided.
    const deciding = this.builder.decidingStep();
    const target = !receiver && before && deciding && tasks.indexOf(before) < tasks.findIndex((n) => n.id === deciding) ? (tasks.find((n) => n.id === deciding) ?? before) : before;
    // "otherwise we send the item back to the customer": goods returned to a party served, for no purpose, end there.
    const purpose = c.tokens.some((t, i) => t.lower === 'for' || (t.lower === 'to' && c.tokens[i + 1]?.pos === 'VERB'));
    if (!target && receiver && SERVED_PARTIES.has(receiver.head) && !purpose) return undefined;
    // "… is returned to the author for correction" when the author has no step yet: after the rework, the step that
    // sent it back is done again.
    return target?.id ?? this.builder.decidingStep() ?? undefined;
  }

  /**
   * "… go back to the employee to correct and resubmit", "is returned to the author for rework": the receiver's
   * mending step, which then goes back to the hand-in they made (Submit claim) or else to the check that decided.
   */
  private mendingStep(r: Reading, c: Clause, after: Token | undefined, sentThing: Phrase | null, mender: Actor, sentTo: string): PlannedTask | null {
    const verb = mendingPurpose(c.tokens, after);
    if (!verb) return null;
    const sent = sentThing && sentThing.head.pos !== 'PRON' && pointable(sentThing) && !PROCESS_WORDS.has(sentThing.head.lemma) ? sentThing : null;
    const thing = sent ?? this.state.thing;
    const deciding = this.builder.decidingStep();
    // ("Incomplete reports go back …" after "Review incident report": the name the steps gave it.)
    const named = [sentTo, deciding].map((id) => this.builder.node(id ?? '')?.label.split(' ') ?? []).find((w) => w.length > 1 && w.at(-1)!.toLowerCase() === thing?.head.lemma.toLowerCase());
    // ("Hand in thesis": the particle stays with its verb.)
    const object = named?.slice(1).filter((w, i) => i > 0 || !PARTICLE_WORDS.has(w.toLowerCase()));
    const label = object?.length ? `${verb.charAt(0).toUpperCase()}${verb.slice(1)} ${object.join(' ')}` : mendingLabel(verb, thing);
    if (!label || labelProblem(cleanLabel(label, 'task'), 'task')) return null;
    const handIn = HAND_IN_VERBS.has(this.builder.node(sentTo)?.label.toLowerCase().split(' ')[0] ?? '');
    const loopTo = handIn ? sentTo : (deciding ?? sentTo);
    this.state.actor = mender;
    return { label: cleanLabel(label, 'task'), actor: mender, type: 'user', handover: null, verb: r.verb ?? c.tokens.find((t) => t.lemma === verb) ?? null, loopTo, mends: true };
  }

  /** "Forward ticket to Engineering", by whoever holds it now, with the hand-over into the receiver's lane. */
  private handOver(r: Reading, said: Phrase | null, to: Phrase): PlannedTask {
    // ("… medium-risk ones go to the committee": the ones are of the thing in hand.)
    const thing = namedOnes(said, this.recent.earliest() ?? this.state.thing, this.state.thing);
    const what = thing && thing.head.pos !== 'PRON' ? thing.words.slice(-3).map((w) => (w.pos === 'PROPN' && !w.first ? w.text : w.lower)) : [];
    const receiver = this.actors.resolve(to);
    // "… goes to engineering, who fix it": "who" is the receiver.
    this.state.candidate = to;
    this.state.candidatesWith = to === r.recipient ? r.coRecipients : [];
    const label = cleanLabel(['Forward', ...what, 'to', receiver.name].join(' '), 'task');
    const actor = this.state.actor;
    if (thing && pointable(thing)) this.state.thing = thing;
    this.parties.stepHandsTo(receiver);
    const then = receiver === actor ? undefined : this.stepFor(r, verbBase(r.verb!), thing, receiver);
    return { label, actor, type: 'send', handover: receiver === actor ? null : { actor: receiver, label: handoverLabel(thing) }, verb: r.verb, ...(then ? { then } : {}) };
  }

  /** Where a back-reference points: the step it names, the start, or (for "resumes at …") the step that decided. */
  private backTarget(back: BackReference, toSomeone: boolean): string | null {
    if (back.kind === 'start') return this.builder.tasks()[0]?.id ?? null;
    // "they send comments back; this goes back and forth": to the last step of the party the work came from.
    if (back.kind === 'exchange') return this.builder.tasks().reverse().find((n) => n.actor && n.actor !== this.state.actor?.id)?.id ?? null;
    const named = stepNamed(back.words, this.builder.tasks())?.id;
    // "fail: back to dev", "goes back to the developers": the last step of the party named, when they have one.
    const party = this.actors.actors.find((a) => back.words.some((w) => w.length >= 3 && a.key.some((k) => k.startsWith(w.replace(/s$/, '')))));
    const theirs = named ?? this.lastTaskOf(party ?? null);
    if (theirs) return theirs;
    // "goes back to maintenance" names no step: the loop to whoever it names is read below.
    // Only inside a branch: that is where rework goes back to what decided it.
    return (back.loose && !toSomeone && this.builder.inBranchNow() ? (this.builder.decidingStep() ?? this.builder.blockStart()) : null);
  }

  /**
   * "If the print is blurry, the operator … prints again" opening the text: the print was made once before the check,
   * so it is drawn there ("Print label") and the branch loops back to it. Null elsewhere, or with no fit label.
   */
  private impliedStep(said: string, actor: Actor | null, saidBy: Token | null, unsaid = false): string | null {
    if (!this.builder.inBranchNow() || !canBeVerb(said.split(' ')[0]!.toLowerCase())) return null;
    // ("scans it again" after "If the scan is unreadable": an object left unsaid is what the check is about.)
    const about = unsaid ? this.builder.lastCondition()?.subject : undefined;
    const label = about ? `${said.split(' ')[0]} ${about}` : said;
    // ("prints again" after "the print is blurry": the thing named for the verb is no object of its own.)
    const [verb, ...rest] = label.split(' ');
    const fit = rest.length && stemOf(rest.at(-1)!.toLowerCase()) === stemOf(verb!.toLowerCase()) ? verb! : label;
    if (labelProblem(fit, 'task')) return null;
    const made = this.builder.doneBeforeChoice({ kind: 'task', label: fit, actor: actor?.id ?? null });
    // (The verb that says it is done again made it.)
    if (made) this.trace.task(saidBy, made);
    return made;
  }

  /** "the test" when the step that decided is "Test device": the device, as last named. */
  private examinedBy(check: Phrase): Phrase | undefined {
    const [verb = '', ...rest] = this.builder.node(this.builder.decidingStep() ?? '')?.label.toLowerCase().split(' ') ?? [];
    // ("the inspection" after "Inspect frame": a noun made from the verb counts too.)
    const v = stemOf(verb);
    const fits = v.length > 2 && (stemOf(check.head.lemma) === v || check.head.lemma.startsWith(v));
    return rest.length && fits ? this.recent.named(rest.at(-1)!) : undefined;
  }

  /** The last step an actor did, if they did one. */
  private firstTaskOf(actor: Actor | null): string | undefined {
    return actor ? this.builder.tasks().find((n) => n.actor === actor.id)?.id : undefined;
  }

  private lastTaskOf(actor: Actor | null): string | undefined {
    return actor ? this.builder.tasks().reverse().find((n) => n.actor === actor.id)?.id : undefined;
  }

  private earlierTask(phrases: Array<Phrase | null>): { id: string } | undefined {
    const stems = new Set(
      phrases
        .flatMap((p) => (p ? [...p.words, ...(p.of?.words ?? [])] : []))
        .filter((w) => w.pos === 'NOUN' || w.pos === 'PROPN')
        .map((w) => stemOf(w.lower))
        .filter((s) => !GENERIC_WORDS.has(s)),
    );
    if (!stems.size) return undefined;
    // "the inspection is repeated" points at "Inspect parts": a noun made from the verb counts too.
    const verbs = new Set([...stems].map((s) => s.replace(/(ation|ion|ment|al)$/, '')).filter((s) => s.length > 3));
    return this.builder.findTask((n) => {
      const [verb = '', ...rest] = n.label.toLowerCase().split(/\s+/);
      return rest.some((w) => stems.has(stemOf(w))) || [...verbs].some((v) => verb.startsWith(v) || v.startsWith(verb.replace(/e$/, '')));
    });
  }

  /** Someone named as receiving a hand-over ("reports the vacancy to the Personnel Department"). */
  private receiverOf(r: Reading, base: string, actor: Actor | null): Actor | null {
    if (!HANDOVER_VERBS.has(base)) return null;
    let phrase = r.recipient;
    if (!phrase && TELL_VERBS.has(base)) phrase = r.passive ? r.subject : r.object;
    if (!phrase || phrase.head.pos === 'PRON' || !this.actors.canAct(phrase)) return null;
    const receiver = this.actors.resolve(phrase);
    return receiver === actor ? null : receiver;
  }

  /**
   * "asks the architect to estimate …", "asks the applicant for the missing papers", "assigns a contractor": the person
   * asked or engaged to act.
   */
  private askedToAct(r: Reading, base: string, tokens: Token[]): Actor | null {
    const person = r.object;
    if (!person || person.head.pos === 'PRON' || !namesSomeone(person)) return null;
    if (ENGAGING_VERBS.has(base)) return this.actors.resolve(person);
    if (!ASKING_VERBS.has(base)) return null;
    const after = tokens.indexOf(person.words.at(-1)!);
    const toAct = tokens[after + 1]?.lower === 'to' && tokens[after + 2]?.pos === 'VERB';
    return toAct || tokens[after + 1]?.lower === 'for' ? this.actors.resolve(person) : null;
  }

  private readonly handovers: Array<{ node: string; actor: Actor }> = [];


  /** The last step drawn for what a hand-over was for ("… for signature"), which the text may go on to state. */
  private purposeStep: { id: string; verb: string; actor: string | null } | null = null;

  /** The mending step a send-back just drew ("Correct draft"), which the next sentence may tell again. */
  private mending: string | null = null;

  emit(task: PlannedTask): void {
    // "… to the customer for signature. The customer has 30 days to sign": the signing said again is the same step.
    const purpose = this.purposeStep;
    this.purposeStep = null;
    const verb = (label: string) => label.split(' ')[0]!.toLowerCase();
    if (purpose && purpose.id === this.builder.lastTaskId() && purpose.actor === (task.actor?.id ?? null) && purpose.verb === verb(task.label) && !task.handover) {
      this.trace.task(task.verb, purpose.id);
      return;
    }
    // "… returned to the writer for correction. The writer corrects the draft …": the mending drawn, told again.
    const mended = this.mending && this.mending === this.builder.lastTaskId() ? this.builder.node(this.mending) : undefined;
    // ("… for correction. The writer fixes the errors …": the text's own words name the step.)
    if (mended && mended.actor === (task.actor?.id ?? null) && MENDING.has(verb(task.label)) && !task.handover) {
      if (mended.label.split(' ').at(-1) !== task.label.split(' ').at(-1)) mended.label = task.label;
      this.trace.task(task.verb, mended.id);
      return;
    }
    this.mending = null;
    const joined = !task.handover && this.builder.joinExisting(task.label, task.actor?.id ?? null);
    if (joined) {
      this.trace.skip(task.verb, 'restatement');
      return;
    }
    if (!task.handover && this.builder.repeatsBeforeDeadline(task.label, task.actor?.id ?? null)) {
      this.trace.skip(task.verb, 'loop');
      return;
    }
    if (task.actor) this.actors.markUsed(task.actor);
    const node = this.builder.appendTask({ kind: 'task', label: task.label, actor: task.actor?.id ?? null, taskType: task.type });
    this.trace.task(task.verb, node.id);
    if (!task.actor && this.unplacedPassive) this.unplaced.add(node.id);
    // "asks the employee to submit a report. The employee submits it.": the step asked for, said again, is that step.
    if (this.lent && !task.handover) this.purposeStep = { id: node.id, verb: verb(task.label), actor: task.actor?.id ?? null };
    if (task.handover) {
      const event = this.builder.appendTask({ kind: 'intermediate', label: task.handover.label, actor: task.handover.actor.id, eventType: 'message' });
      this.handovers.push({ node: event.id, actor: task.handover.actor });
    }
    if (task.loopTo) this.builder.sendBack(task.loopTo);
    if (task.mends) this.mending = node.id;
    if (task.returnsTo) this.builder.returnAfterBranch(task.returnsTo);
    if (task.then) {
      this.emit(task.then);
      const id = this.builder.lastTaskId();
      if (id) this.purposeStep = { id, verb: task.then.label.split(' ')[0]!.toLowerCase(), actor: task.then.actor?.id ?? null };
    }
  }

  /** Whether a node is the message a hand-over sends ("Quote received"), which the sender does not wait on. */
  isHandover(id: string): boolean {
    return this.handovers.some((h) => h.node === id);
  }

  /**
   * A hand-over to someone with no steps of their own shows as a message arriving in their lane; to someone who
   * acts, the flow into their lane already says it. A message to someone the process serves stays a send step: "sends
   * the customer a reply and closes the ticket" does not wait for its own message, nor end in the customer's lane.
   */
  dropHandoversToActors(): void {
    for (const h of this.handovers) {
      // "the service desk" when "the service desk agent" acts: the hand-over reaches someone with a lane.
      const within = this.actors.actors.some((a) => a !== h.actor && this.actors.isUsed(a) && h.actor.key.every((k) => a.key.includes(k)));
      placeDecisionAfterHandover(this.builder.nodes, this.builder.flows, h.node, h.actor.id);
      if (this.actors.isUsed(h.actor) || within || SERVED_PARTIES.has(h.actor.head)) this.builder.bypass(h.node);
      else this.actors.markUsed(h.actor);
    }
  }
}


function handoverLabel(object: Phrase | null): string {
  if (!object || object.head.pos === 'PRON') return 'Message received';
  const words = object.words.slice(-3).map((w) => (w.pos === 'PROPN' ? w.text : w.lower));
  const label = `${words.join(' ')} received`;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function stemOf(word: string): string {
  return word.toLowerCase().replace(/(ies)$/, 'y').replace(/(ing|ed|es|s)$/, '');
}

// What one asks someone for about a thing: "requests approval", "seeks sign-off", "asks for permission".
const ANSWERS_ASKED_FOR = new Set(['approval', 'permission', 'consent', 'authorisation', 'authorization', 'sign-off', 'signoff', 'clearance', 'go-ahead']);

/**
 * What "it", "this" or "they" may point at: a thing, never a person, a measure, an amount or a date — nor the answer
 * asked for ("requests approval from finance. Finance approves it." means the request).
 */
function pointable(p: Phrase): boolean {
  // ("the minutes" of a meeting are a document; "ten minutes" a measure.)
  const measure = MEASURES.has(p.head.lemma) && !(p.head.lower === 'minutes' && !p.words.some((w) => w.pos === 'NUM'));
  return p.head.pos !== 'PRON' && p.head.pos !== 'NUM' && !measure && !namesSomeone(p) && !ANSWERS_ASKED_FOR.has(p.head.lemma.toLowerCase());
}
