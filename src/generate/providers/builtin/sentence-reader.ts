// Sentence reader: a sentence's clauses, by the role of their connective, → choices, forks, loops and planned steps.
import { askedDegree, askedQuality } from './quality-nouns.ts';
import { namesSomeone, SERVED_PARTIES } from './agents.ts';
import { arrivalEvent } from './arrival-events.ts';
import { marksLastStepEnd } from './finished-points.ts';
import { attemptPhrase } from './attempt-limits.ts';
import { classify, openingWords, splitClauses, type Clause } from './clauses.ts';
import { WHERE } from './condition-openers.ts';
import { NEXT_CASE } from './when-cases.ts';
import type { FlowBuilder } from './control-flow.ts';
import { caseOpened, classMentioned, classNamed, readClassification, readOpenCases, type Classification } from './classification.ts';
import { joinConditionParts } from './condition-parts.ts';
import { findInclusiveList, findInclusiveSteps, someOfAt } from './inclusive-lists.ts';
import { decidesInCondition, decisionDrawn } from './deciding-conditions.ts';
import { eachParty } from './joint-work.ts';
import { examines } from './nested-choice.ts';
import { asksAgain, asksBeyondPair, asksNewQuestion, leavesYesNo } from './condition-choices.ts';
import { answersCase, type CaseSaid } from './other-ways.ts';
import { answerLabels, givesYes, refusesStep, wayLabels } from './opposites.ts';
import { awaitedDoing, awaitedLabel, awaitedUntil, expiryName, lapseAfterOr, lapseName, missedOpening, missesStep, outcomeName, refersToDeadline, reminderCount, timeLimitWords } from './deadlines.ts';
import { eventFrom, pastParticiple } from './events.ts';
import { cleanLabel, labelProblem } from './label-gate.ts';
import { verbBase } from './labels.ts';
import { actingOn } from './implied-objects.ts';
import { CONNECTIVE_PHRASES, CONNECTIVE_WORDS, END_VERBS, INTRANSITIVE_VERBS, LIGHT_VERBS, PROCESS_WORDS } from './lexicon.ts';
import { aboutTheText } from './meta-text.ts';
import { readProcessIntro } from './process-intro.ts';
import { readPhrase, type Phrase } from './phrase.ts';
import { readClause, type Reading } from './reading.ts';
import { bothNeeded, joinsBoth } from './parallel-blocks.ts';
import { restatedStep } from './restated-deadlines.ts';
import { readRelativeCondition } from './relative-condition.ts';
import { asksSomeone, remindsAfterWait, scheduledReminder, waitForReply, withoutSchedule } from './reminder-waits.ts';
import { OPTIONAL } from './if-synonyms.ts';
import { stepOutcomeLabel } from './step-outcomes.ts';
import { namesOtherShare, SHARE_DETERMINERS } from './quantified-cases.ts';
import { closesEveryWay, followsEveryWay, rejoinsWays } from './rejoining-ways.ts';
import { closedBesideAccepting, decidedThing, sendsBackForChanges } from './outcome-ways.ts';
import { redoesFailed } from './failed-retries.ts';
import { agreedLabel } from './agreement-loops.ts';
import { closingEnd } from './closing-ends.ts';
import { notDone, refusalEnd, refusalNotice, saysStop, stopsHere, walkAwayEnd } from './refusal-ends.ts';
import { returnedToServedParty, tellsServedParty } from './told-outcomes.ts';
import { allowedTime } from './time-allowance.ts';
import { meetsStep } from './met-deadlines.ts';
import { comesInBy, ELSEWHERE } from './timer-paths.ts';
import { deemedOutcome, saysSilence, silenceWait } from './silence.ts';
import { askedAction } from './asked-actions.ts';
import { stopsProcess } from './stopping-steps.ts';
import { addedTime, findCycle, findDuration, isPastMeasure, openingCycle, spanEnd, type Duration } from './time-expressions.ts';
import { holdsWork, untilEvent } from './waits.ts';
import { keptConditionWords } from './compound-conditions.ts';
import { namedAnswerer, readRepeatUntil, repeatedStep } from './repeat-until.ts';
import { HAND_IN_VERBS, MENDING, MENDING_NOUNS, saysAgain, tellsMendingDone } from './rework-loops.ts';
import type { PlannedTask, Previous, TaskPlanner } from './task-planner.ts';
import { type Token, COMMA } from './tokens.ts';
import type { VerbTrace } from './trace.ts';

const WHICH: Token = { text: 'which', lower: 'which', pos: 'PRON', lemma: 'which' };
// Openings of a clause that names an event: the trigger before any step, a wait after one.
// "Two back-office teams are involved.": who takes part, said before the steps that name them.
const TAKING_PART = /^(?:, )?(?:but |and |although |though )?(?:\S+ ){0,4}(?:is|are) (?:also )?involved(?: too| as well)? ?[.!]?$/;
const EXPLANATION = new RegExp(
  [
    '^there (is|are|were) (\\w+ )?(\\w+ )?(paths|ways|options|cases|outcomes|possibilities|scenarios|steps|parties|roles|kinds|types|reasons|variants|phases|stages)\\b',
    '^(for (example|instance)|e \\. g \\.|e\\.g\\.)', '\\b(just )?as an (example|illustration)\\b',
    '\\b(this|the following) (text|description|document) (explains|describes|shows)',
    "\\bhere(?: is| ?'s| ?’s) how\\b", '\\bas follows\\b', '\\blike (this|so) ?[.:]?$', '\\bin (two|three|four|five|six|seven|several|a few|\\d+) (simple |main |easy |basic )?(steps|stages|phases) ?[.:]?$', '\\blet me (walk|explain|describe|tell)\\b',
    "\\bi ('d|would) (love|like)\\b", '\\b(we|i) want (a|the|it|this)\\b(?!( \\w+){1,3} to (?!be\\b)\\w+)', '^the (goal|purpose|aim|idea) (is|of)\\b',
    '\\bjust to set the scene\\b', '\\bby the way\\b', '\\bwe used to\\b', '\\binvolves (two|three|four|several) parties\\b',
    '\\bhelp(s)? us understand\\b', '\\bplease note\\b', '^(some )?background( first)?\\b',
    "\\b(we|i) (want|would like|'d like|need) to (model|draw|map|document|diagram|show|describe|capture|explain|sketch|formali[sz]e|write up)\\b",
    // "I want to get our cake orders on paper": the author's aim for the text.
    "\\b(we|i) (want|would like|'d like|need) to (get|put|write|set) (\\w+ ){0,5}(on paper|in writing|down in writing|written down)\\b",
    "\\b(want|like|love|need) (a|the|this|our) (diagram|bpmn|flowchart|model|process model)\\b",
  ].join('|'),
);
// "Depending on the type, different steps follow.": what follows the lead says only that the cases differ.
const CASES_DIFFER = /\b(follow|follows|differ|differs|apply|applies|vary|varies|happen|happens)$/;
// Verbs that say a thing came in: a missed "arrives" is about whatever the process was waiting for.
const COMING_IN = new Set(['arrive', 'come', 'reach']);
const SIMULTANEOUS = /(at the same time|simultaneously|in parallel|concurrently|meanwhile|at once)\s*[.!:]?$/;
const LEAD_SIMULTANEOUS = /^(\S+ ){1,4}(work|works|run|runs|happen|happens|proceed|proceeds) (then )?(in parallel|simultaneously|concurrently|at the same time) /;
// (Not "in parallel" or "at once" for a lone step: "two reviewers assess it in parallel", "pays at once".)
const ALONGSIDE = /(at the same time|simultaneously|concurrently|meanwhile|in the meantime)\s*[.!]?$/;
// "The process starts when …": the clause after "when" is the start event, whatever it says someone does ("starts
// on the first of each month, when …" is a schedule, and the clause its first step).
const PROCESS_STARTS = /\b(process|procedure|workflow|it all|everything) (starts|begins|is started|is triggered|kicks off) (when|once|as soon as|whenever)\b/;
const TRIGGER = /^(when|whenever|once|as soon as|every time|after)\b/;
const POSSESSIVES = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their']);
const REFUSAL_WHEN = /^(when|whenever|once|as soon as)\b/;
/** "something", "anything": a pronoun that names no thing of the choice before. */
const INDEFINITE = /^(some|any|no|every)(thing|one|body)$/;

/** Whether "nothing"/"nobody" in a condition answers the last condition (`last`): nobody for anyone, nothing found again or nothing wrong. */
function answersLast(indefinite: string, reading: Reading, last: string | undefined): boolean {
  if (!last) return false;
  if (indefinite !== 'nothing') return true;
  const verb = reading.verb?.lower ?? '';
  return reading.copula || (verb !== '' && last.split(' ').includes(verb));
}
// Ways of getting in touch: "calls me", "drops by", "emails us".
// Verbs of arriving in person: "arrives", "comes in", "turns up", "shows up".
const ARRIVING = new Set(['arrive', 'report', 'present']);
// Outside parties besides those served whose arrival starts the work: "The courier arrives at the dock".
const ARRIVING_PARTIES = new Set(['courier', 'driver', 'carrier', 'supplier', 'vendor', 'contractor', 'delivery', 'shipment', 'truck', 'lorry']);
const CONTACTS = new Set(['call', 'phone', 'ring', 'email', 'contact', 'drop', 'visit', 'write']);
// Verbs whose participle names an outcome someone reached ("approved", "finished") rather than a step taken.
const OUTCOMES = new Set(['approve', 'accept', 'authorise', 'authorize', 'finish', 'complete', 'sign', 'confirm', 'settle', 'resolve', 'clear']);
// Arrivals that end a wait for the thing ("when it arrives", "once it is received"); a return or a signature is news.
const ENDS_A_WAIT = new Set(['arrive', 'come', 'reach', 'land', 'receive']);
// Things sent for an answer, one standing for another: "sends a quote. The offer is valid for 30 days."
const OFFERS = new Set(['offer', 'quote', 'quotation', 'proposal', 'bid', 'tender', 'invitation', 'estimate']);
// Verbs whose subject's doing is, for the process, something arriving.
const ARRIVALS = new Set(['confirm', 'arrive', 'reply', 'respond', 'answer', 'receive', 'expire', 'elapse', 'pass', 'come']);

export class SentenceReader {
  constructor(
    private readonly builder: FlowBuilder,
    private readonly planner: TaskPlanner,
  ) {}

  /** Catch events read from "when X confirms", with the receive task they become when a deadline hangs on them. */
  private readonly waits = new Map<string, string>();
  /** The classes the last classifying step named: the sentences that name one open its branch. */
  private classes: Classification | null = null;
  /** The last deadline set on a step ("must decide within 5 days"), for a later "if it is not done in time". */
  private deadline: (Duration & { host: string }) | null = null;
  /** The deadline whose "otherwise" path is being drawn: a later "if the step is done" goes on after the step. */
  private defaulted: (Duration & { host: string }) | null = null;
  /** The deadline whose step a condition said was done in time: its "if not" is the timer's path. */
  private deadlineMet: (Duration & { host: string }) | null = null;
  /** What the open choice's conditions are about, for an "if it …" among them. */
  private conditionThing: Phrase | null = null;
  /** The open choice's conditions are about people given something, not a thing ("if they are happy with it"). */
  private conditionOnPeople = false;
  /** The last "checks whether …" question: "if it does (not)", "if so", "if not" answer it. */
  private question: Token[] | null = null;
  /** The label of the last question asked with "whether": its choice has a yes and a no, nothing else. */
  private asked: string | null = null;

  /**
   * "If there is no answer within a week, …" puts a timer on the step just drawn; "after 2 days" waits before the
   * clause's step. Returns true when the clause needs nothing more.
   */
  private timeEvent(c: Clause, time: Duration, reading: Reading, on?: string): boolean {
    // "…, we send a reminder; after another 3 days the buyer calls them", "if there is still no answer after a further
    // week, …": a second timer on the same wait, counted from its start, whose path is the clause's; the reminder's
    // timer leaves the wait running.
    const chased = time.again ? this.builder.lastReminderTimer() : undefined;
    if (chased) {
      const later = addedTime(chased.label, time);
      this.builder.openBoundary(chased.attachedTo!, later.label, later.timer);
      if (c.role !== 'condition') return false;
      this.trace.skipAll(c.tokens, 'condition');
      this.planner.noteThing(reading);
      return true;
    }
    if (c.role === 'condition') {
      // "if they say no or do not answer within 10 minutes": one of two ways, a choice rather than a timer.
      if (c.tokens.some((t) => t.lower === 'or')) return false;
      const last = on ?? this.builder.lastTaskId();
      // "Close the ticket when the customer confirms. If they do not within 2 days, …": the deadline is on the wait.
      let host = this.builder.flows.find((f) => f.to === last && this.waits.has(f.from))?.from ?? last;
      // "If there is no payment within 30 days": the deadline is on waiting for the payment, a receive step of its own.
      // "if the job is not accepted" after "must accept the job within 2 hours": the deadline's own step is waited on.
      // "must submit the report by Friday. If the report is not submitted by Friday": the step itself is missed.
      // A deadline set on a step before ("Suppliers are given 10 days to submit a quote. If no quote is received") is on that step.
      const lastTask = this.builder.node(last ?? '');
      // "waits for the signed form. If it does not arrive within 10 days, …": the deadline is on that wait, when the
      // condition is about what is awaited ("it", "the form"; not "if we are not contacted").
      const about = reading.subject?.head.lower;
      const awaitedThing = /^(it|they)$/.test(reading.subjectPronoun ?? '') || (!!about && this.builder.node(host ?? '')!.label.toLowerCase().split(' ').includes(about));
      if (host && awaitedThing && this.caughtWait(host)) this.waits.set(host, this.waits.get(host) ?? waitLabelOf(this.builder.node(host)!.label));
      // ("tells the owner the bike is ready. If the bike is not collected within a month": handed over, the thing is
      // waited on; "works on the ticket. If the ticket is not resolved …" is a deadline on the work itself.)
      const handedOver = !!last && this.planner.isHandover(last) ? awaitedDoing(stripConnective(c.tokens)) : null;
      const awaited = on || (lastTask?.kind === 'task' && missesStep(c.tokens, lastTask.label)) ? null : (awaitedLabel(stripConnective(c.tokens)) ?? silenceWait(c.tokens) ?? handedOver);
      // ("waits for approval. If there is no approval after 2 days": the wait drawn is the one awaited.)
      // ("waits for the delivery. If the part does not arrive within two weeks": what arrives is what the wait is for.)
      const arrives = c.tokens.some((t) => t.pos === 'VERB' && COMING_IN.has(t.lemma));
      if (awaited && host && this.caughtWait(host) && (arrives || this.builder.node(host)!.label.toLowerCase().split(' ').includes(awaited.split(' ').at(-1)!.toLowerCase()))) this.waits.set(host, this.waits.get(host) ?? awaited);
      if (awaited && host && !this.waits.has(host) && this.builder.node(host)?.taskType !== 'receive') {
        // The wait comes from the condition's verb ("no response is received"), or with none from the step awaited on.
        const verb = c.tokens.find((t) => t.pos === 'VERB') ?? this.trace.verbOf(this.builder.tasks().at(-1)?.id ?? '');
        host = this.builder.appendTask({ kind: 'task', label: awaited, actor: this.planner.state.actor?.id ?? null, taskType: 'receive' }).id;
        this.trace.task(verb, host);
      }
      const node = host ? this.builder.node(host) : undefined;
      if (!host || !node || (node.kind !== 'task' && !this.waits.has(host))) return false;
      if (node.kind !== 'task') {
        // A boundary sits on an activity: waiting for the confirmation becomes a receive task.
        Object.assign(node, { kind: 'task', taskType: 'receive', label: this.waits.get(host)! });
        delete node.eventType;
        // (The wait is the condition's verb, "if nothing arrives", or with none the step's before it.)
        this.trace.task(c.tokens.find((t) => t.pos === 'VERB') ?? this.trace.verbOf(this.builder.tasks().at(-2)?.id ?? ''), host);
      }
      this.builder.openBoundary(host, time.label, time.timer);
      // "If no appeal is received within 14 days, … If the parents appeal, …": the wait met goes on after it.
      if (this.builder.node(host)?.taskType === 'receive') {
        this.defaulted = { ...time, host };
        this.deadline = null;
      }
      this.trace.skipAll(c.tokens, 'condition');
      // "If the ticket is not resolved within 4 hours, it is escalated": "it" is the ticket. (Never what did not come:
      // "no answer by Friday, it is accepted" — the offer is.)
      if (!c.tokens.some((t) => t.lower === 'no' || t.lower === 'nobody')) this.planner.noteThing(reading);
      return true;
    }
    if (time.kind !== 'wait') return false;
    // "Thirty days before the subscription expires, …" before any step: the process starts on that timer.
    if (!this.builder.hasSteps() && time.start === 0 && / before /.test(time.label)) this.builder.nameStart(time.label, false, time.timer, true);
    else this.builder.appendTask({ kind: 'intermediate', label: time.label, eventType: 'timer', ...(time.timer ? { timer: time.timer } : {}) });
    // "wait 2 days": the wait is the whole step.
    if (reading.verb && verbBase(reading.verb) === 'wait') {
      this.trace.skip(reading.verb, 'wait');
      return true;
    }
    return false;
  }

  /**
   * Hangs a thing's expiry on the wait just drawn: the catch event becomes a receive step ("Payment received" →
   * "Wait for payment") with an interrupting timer whose path ends as `name`. False when the last step is no wait.
   */
  private expiresWait(time: Duration, name: string): boolean {
    const host = this.builder.lastTaskId();
    const node = host ? this.builder.node(host) : undefined;
    if (!host || !node) return false;
    // "sends the quote to the customer. The quote is valid for 30 days.": the answer to what was sent is awaited; the
    // message the hand-over sends is no wait of the sender's.
    // (Only for what was sent: "ships the machine. The warranty is valid for 2 years" waits on nothing.)
    const sent = this.builder.tasks().at(-1);
    const thing = name.toLowerCase().split(' ').at(-2) ?? '';
    const offered = !!sent && (sent.label.toLowerCase().split(' ').includes(thing) || (OFFERS.has(thing) && sent.label.toLowerCase().split(' ').some((w) => OFFERS.has(w))));
    if (sent && offered && asksSomeone(sent) && (host === sent.id || this.planner.isHandover(host))) {
      waitForReply(this.builder, this.trace, sent, time.label, time.timer, true);
      this.builder.endBranchAs(name);
      return true;
    }
    const caught = this.caughtWait(host);
    if (!caught && !(node.kind === 'task' && node.taskType === 'receive')) return false;
    if (caught) {
      const label = this.waits.get(host) ?? waitLabelOf(node.label);
      Object.assign(node, { kind: 'task', taskType: 'receive', label });
      delete node.eventType;
      this.trace.task(null, host);
    }
    this.builder.openBoundary(host, time.label, time.timer);
    this.builder.endBranchAs(name);
    return true;
  }

  /** Whether a node is a message the process waits for (a catch event), not one a hand-over sends out. */
  private caughtWait(id: string): boolean {
    const node = this.builder.node(id);
    return node?.kind === 'intermediate' && node.eventType === 'message' && !this.planner.isHandover(id);
  }

  /** "After two reminders, the case is closed": the rest of the sentence is what happens once the count is reached. */
  private countedReminders(clauses: Clause[]): Clause[] {
    const at = clauses.findIndex((c) => reminderCount(c.tokens));
    const counted = at >= 0 ? reminderCount(clauses[at]!.tokens)! : null;
    if (!counted || !this.builder.countReminders(counted.count)) return clauses;
    const c = clauses[at]!;
    this.trace.skipAll(c.tokens.slice(counted.start, counted.end), 'condition');
    const rest = c.tokens.filter((_, i) => i < counted.start || i >= counted.end);
    // "If there is still no answer after two reminders, …": the condition is the count's.
    const said = c.role === 'condition' || !rest.some((t) => t.pos !== 'PUNCT') ? [] : [{ ...c, tokens: rest }];
    if (c.role === 'condition') this.trace.skipAll(rest, 'condition');
    return [...clauses.slice(0, at), ...said, ...clauses.slice(at + 1)];
  }

  /** The wait the step after an "if they do not answer" holds ("a reminder is sent after one week"), if any. */
  private unansweredFor(c: Clause, next: Clause | undefined): Duration | null {
    const time = next ? findDuration(next.tokens) : null;
    if (time?.kind !== 'wait' || !awaitedLabel(stripConnective(c.tokens))) return null;
    return time;
  }

  /**
   * "Sends a reminder every 3 days until the customer replies": the wait for the reply is a receive step, and the
   * reminder hangs on it as a non-interrupting cycle timer. Returns the clauses left to read: the reminder without
   * its schedule, and no "until".
   */
  private repeatedReminder(clauses: Clause[]): Clause[] {
    // The tagger may miss the verb after "until" ("until the customer replies"), so the clause was not split there.
    const at = clauses.findIndex((c) => c.role === 'until' || c.tokens.some((t, i) => i > 0 && t.lower === 'until'));
    // "The clerk sends a reminder every week": with no "until", the reminders chase the answer to the step before.
    if (at < 0) return this.builder.inBranchNow() ? clauses : scheduledReminder(this.builder, this.trace, clauses);
    const own = clauses[at]!.role === 'until';
    const u = own ? 0 : clauses[at]!.tokens.findIndex((t) => t.lower === 'until');
    const until = clauses[at]!.tokens.slice(u);
    const before = [...clauses.slice(0, at), ...(own ? [] : [{ ...clauses[at]!, tokens: clauses[at]!.tokens.slice(0, u) }])];
    const cycle = findCycle(before.flatMap((c) => c.tokens).map((t) => t.text).join(' '));
    const awaited = cycle ? awaitedUntil(until) : null;
    if (!cycle || !awaited) return clauses;
    // ("The logistics system checks the status every 2 hours until …": whoever checks or reminds is the one waiting.)
    const waiter = before[0] ? this.planner.actorNamed(readClause(stripConnective(before[0].tokens)).subject) : null;
    const host = this.builder.appendTask({ kind: 'task', label: awaited, actor: (waiter ?? this.planner.state.actor)?.id ?? null, taskType: 'receive' });
    this.trace.task(until.find((t) => t.pos === 'VERB') ?? this.trace.verbOf(this.builder.tasks().at(-2)?.id ?? ''), host.id);
    this.trace.skipAll(until, 'condition');
    this.builder.openBoundary(host.id, cycle.label, cycle.timer, false);
    return [...before.map((c) => ({ ...c, tokens: withoutSchedule(c.tokens) })), ...clauses.slice(at + 1)];
  }

  /** "Repeat (steps 2 and 3) until the totals agree": a loop back to the step repeated, no step of its own. */
  readRepeat(sentence: Token[]): boolean {
    const repeat = readRepeatUntil(sentence);
    // ("Student revises; repeat until the supervisor is satisfied": the one whose judgement ends the loop does their
    // step again, so the loop goes back to it when it came before the last step.)
    const judge = repeat ? this.planner.stepOfPartyIn(repeat.until) : undefined;
    const judged = judge && judge !== this.builder.tasks().at(-1)?.id ? judge : null;
    const target = repeat && (repeat.step !== null ? this.stepNumbered(repeat.step) : ((repeat.pointsBack ? this.builder.lastSentenceStep() : null) ?? judged ?? repeatedStep(this.builder.tasks())?.id));
    if (!repeat || !target) return false;
    this.trace.skipAll(sentence, 'loop');
    this.builder.loopUntil(target, conditionLabel(repeat.until, this.planner.state.thing));
    return true;
  }

  /** Step `n` of a numbered list, or the n-th step drawn when the text numbers none. */
  private stepNumbered(n: number): string | null {
    return this.planner.state.steps.task(n, this.builder.tasks());
  }

  /**
   * "I offer one or more of: a dosage plan, a pill box, a home delivery", "Any of the following may be needed: …": an
   * inclusive choice, one step per option (the verb with that option as its object). Returns false when the sentence
   * has no such list.
   */
  readOneOrMore(sentence: Token[]): boolean {
    const some = someOfAt(sentence.map((t) => t.lower));
    if (!some) return this.readInclusiveList(sentence);
    const at = some.at;
    let reading = readClause(sentence.slice(0, at).filter((t) => t.pos !== 'PUNCT'));
    let from = at + some.length;
    // "One or more of the following may be requested: …": the verb comes before the colon.
    const colon = sentence.findIndex((t, i) => i > from && t.text === ':');
    if (!reading.verb && colon > 0) {
      reading = readClause(sentence.slice(from, colon));
      from = colon;
    }
    if (!reading.verb) return false;
    while (sentence[from] && (['the', 'following', ':'].includes(sentence[from]!.lower) || sentence[from]!.pos === 'PUNCT')) from++;
    // "… may be requested: a medical examination, …": the verb after "one or more" when none came before it.
    const options: Phrase[] = [];
    let item: Token[] = [];
    for (const t of [...sentence.slice(from), { text: ',', lower: ',', pos: 'PUNCT', lemma: ',' }]) {
      if (t.text === ',' || t.lower === 'or' || t.lower === 'and' || t.text === '.') {
        const phrase = readPhrase(item, 0).phrase;
        if (phrase) options.push(phrase);
        item = [];
        if (t.text === '.') break;
        continue;
      }
      item.push(t);
    }
    if (options.length < 2) return false;
    this.forkOptions(reading, options, sentence);
    return true;
  }

  /** "The doctor examines the patient and may order lab tests, imaging, or both": the clause before, then the options. */
  private readInclusiveList(sentence: Token[]): boolean {
    if (this.readInclusiveSteps(sentence)) return true;
    const list = findInclusiveList(sentence);
    const reading = list && readClause(list.verbGroup);
    const options = list?.options.flatMap((o) => readPhrase(o, 0).phrase ?? []) ?? [];
    if (!list || !reading?.verb || options.length < 2) return false;
    if (list.before.length) this.read(splitClauses(list.before));
    this.forkOptions(reading, options, sentence.slice(list.before.length));
    return true;
  }

  /** "restarts the service and/or clears the cache": each step on a branch of an inclusive split. */
  private readInclusiveSteps(sentence: Token[]): boolean {
    const found = findInclusiveSteps(sentence);
    if (!found) return false;
    if (found.before.length) this.read(splitClauses(found.before));
    const fork = this.builder.forkHere('inclusive');
    for (const step of found.steps) {
      this.read(splitClauses(step));
      fork.branch();
    }
    fork.done();
    return true;
  }

  /** One step per option, each on a branch of an inclusive split labelled with the option. */
  private forkOptions(reading: Reading, options: Phrase[], sentence: Token[]): void {
    const fork = this.builder.forkHere('inclusive');
    const c = { role: 'plain' as const, orWithPrevious: false, sharesSubject: false, relative: false, tokens: sentence };
    for (const option of options) {
      const task = this.planner.taskFrom({ ...reading, passive: false, object: option, prep: null, recipient: null }, c, null);
      if (!task) continue;
      fork.label(option.words.map((w) => (w.pos === 'PROPN' ? w.text : w.lower)).join(' '));
      this.planner.emit(task);
      fork.branch();
    }
    fork.done();
    this.trace.skipAll(sentence, 'complement');
  }

  /**
   * "When an order is received, …" starts the process; "once the parcel arrives" after some steps waits for it as a
   * message catch event. A thing the process itself just handled this way ("sends the form; once the form is sent")
   * is a restatement. Returns true when the clause is done with.
   */
  private arrival(c: Clause, reading: Reading, next: Clause | undefined): boolean {
    // "After the form is received, …" orders two steps (the receipt may be one); "is received by the registry" says who.
    if (/^after\b/.test(openingWords(c.tokens)) || reading.agent) return false;
    const arrival = arrivalEvent(reading, this.planner.state.thing);
    if (!arrival) return false;
    const what = arrival.label.toLowerCase().split(' ');
    const done = this.builder.findTask((n) => n.label.toLowerCase().startsWith(`${arrival.verb} `) && what.some((w) => n.label.toLowerCase().split(' ').includes(w)));
    if (done || (ENDS_A_WAIT.has(arrival.verb) && this.stillAwaited(arrival.label))) {
      this.trace.skipAll(c.tokens, 'restatement');
    } else if (!this.builder.hasSteps()) {
      this.builder.nameStart(arrival.label, arrival.message);
      this.trace.skipAll(c.tokens, 'trigger');
    } else {
      // The event waits in the lane of whoever acts on it: "once the deposit is received, the landlord …", "when the
      // goods arrive, they are checked by the staff".
      const then = next ? readClause(stripConnective(next.tokens)) : null;
      const actor = this.planner.actorNamed(then?.passive ? then.agent : (then?.subject ?? null)) ?? this.planner.state.actor;
      const node = this.builder.appendTask({ kind: 'intermediate', label: arrival.label, actor: actor?.id ?? null, ...(arrival.message ? { eventType: 'message' as const } : {}) });
      this.trace.skipAll(c.tokens, 'wait');
      this.trace.task(null, node.id);
    }
    this.planner.noteThing(reading.subject ? reading : { ...reading, subject: this.planner.state.thing, subjectPronoun: null });
    return true;
  }

  /** "… waits for the report. When it arrives, …": the wait just drawn already ends on that arrival. */
  private stillAwaited(label: string): boolean {
    const last = this.builder.node(this.builder.lastTaskId() ?? '');
    if (!last || !(last.kind === 'intermediate' || last.taskType === 'receive')) return false;
    // "Wait for supplier to confirm" is ended by "Confirmation arrived": a word and its derivation match.
    // ("Wait for reply" is ended by "Answer arrived" too: a reply, an answer and a response are one thing.)
    const words = (text: string) => text.toLowerCase().split(' ').map((w) => (/^(repl|answer|respon)/.test(w) ? 'answer' : w));
    const waited = words(last.label).filter((w) => w.length > 3 && w !== 'wait');
    // ("Wait for supplier to answer" is ended by "Quotation arrived": whatever comes back is the answer.)
    if (waited.includes('answer')) return true;
    return words(label).slice(0, -1).some((w) => waited.some((v) => w.startsWith(v) || v.startsWith(w)));
  }

  /**
   * "When the request is approved, …" after "approves or rejects the request" continues that answer's branch; "Once the
   * invoice has been checked, …" after "Check invoice" restates the step. Either way the clause is done with.
   */
  private answerOrRestatement(c: Clause): 'answer' | 'restated' | null {
    if (!TRIGGER.test(openingWords(c.tokens))) return null;
    const reading = readClause(stripConnective(c.tokens));
    if (!reading.verb || !reading.passive || reading.agent || reading.negated) return null;
    const verb = verbBase(reading.verb);
    if (this.builder.reopenBranchFor(verb)) {
      this.trace.skipAll(c.tokens, 'condition');
      return 'answer';
    }
    // "… revises it. Once the changes are made, the editor reviews it again": the rework just done (and maybe looped
    // back), told again.
    const mended = this.builder.inBranchNow() && MENDING.has(this.builder.tasks().at(-1)?.label.toLowerCase().split(' ')[0] ?? '');
    if ((this.builder.justLoopedTo() || mended) && tellsMendingDone(verb, reading.subject)) {
      this.trace.skipAll(c.tokens, 'restatement');
      return 'answer';
    }
    const thing = reading.subject && reading.subject.head.pos !== 'PRON' ? reading.subject : this.planner.state.thing;
    const words = new Set((thing?.words ?? []).flatMap((w) => [w.lemma, w.lower]));
    const done = this.builder.findTask((n) => {
      const [first = '', ...rest] = n.label.toLowerCase().split(' ');
      return first === verb && rest.some((w) => words.has(w));
    });
    if (!done) return null;
    this.trace.skipAll(c.tokens, 'restatement');
    this.planner.noteThing(reading);
    return 'restated';
  }

  /**
   * "Usually a customer calls me or drops by and tells me what they want": before any step, someone getting in touch
   * with the speaker is the request that starts the process, with all they do in that sentence.
   */
  private contactStart(input: Clause[]): boolean {
    if (this.builder.hasSteps() || input[0]?.role !== 'plain') return false;
    const r = readClause(stripConnective(input[0].tokens));
    // "… and I take the order", "… and the agent opens a ticket": someone else acting is a step of the process.
    const othersAct = input.slice(1).some((c) => {
      const o = readClause(stripConnective(c.tokens));
      return c.role !== 'plain' || (!c.sharesSubject && (!!o.subjectPronoun || (!!o.subject && namesSomeone(o.subject))));
    });
    if (othersAct) return false;
    if (!r.verb || r.negated || !r.subject || !namesSomeone(r.subject) || !CONTACTS.has(verbBase(r.verb))) return false;
    if (r.object && !['me', 'us'].includes(r.object.head.lower)) return false;
    const who = r.subject.head.lemma;
    this.builder.nameStart(`${who.charAt(0).toUpperCase()}${who.slice(1)} request received`, true);
    for (const c of input) this.trace.skipAll(c.tokens, 'trigger');
    return true;
  }

  /**
   * "Patients arrive at the front desk, where …", "A visitor turns up at reception": before any step, a party the
   * process serves arriving starts it ("Patient arrived"); the clauses after it are read as usual.
   */
  private partyArrives(input: Clause[]): Clause[] {
    if (this.builder.hasSteps() || input[0]?.role !== 'plain') return input;
    const r = readClause(stripConnective(input[0].tokens));
    const verb = r.verb ? verbBase(r.verb) : '';
    const arrives = ARRIVING.has(verb) || (['turn', 'show', 'walk', 'come'].includes(verb) && ['up', 'in'].includes(r.particle?.lower ?? ''));
    // ("Patients" opening the sentence is tagged as a name, with itself as its lemma.)
    const who = r.subject?.head.lemma.toLowerCase().replace(/([^s])s$/, '$1') ?? '';
    if (!arrives || r.negated || r.object || !(SERVED_PARTIES.has(who) || ARRIVING_PARTIES.has(who))) return input;
    this.builder.nameStart(`${who.charAt(0).toUpperCase()}${who.slice(1)} arrived`, false);
    this.trace.skipAll(input[0].tokens, 'trigger');
    this.planner.noteArrival(r);
    // ", where the receptionist …": the place's relative word opens no condition.
    const rest = input.slice(1);
    if (rest[0]?.tokens[0]?.lower === 'where') rest[0] = { ...rest[0], tokens: rest[0].tokens.slice(1) };
    return rest;
  }

  /** The cases the sentences after this one open with (null for a sentence that opens with none). */
  private later: Array<CaseSaid | null> = [];

  expectCases(cases: Array<CaseSaid | null>): void {
    this.later = cases;
  }

  /**
   * How many choices a plain sentence closes when the next case told is the other way of one it sits in ("… If the
   * candidate is not qualified, …" after the interview's choice): the step stays in that way. Null: it closes all.
   */
  private waysLeft(): number | null {
    const next = this.later.find((c) => c);
    const at = next ? this.builder.waysIn().findIndex((w) => !!w && answersCase(w, next)) : -1;
    return at < 0 ? null : at;
  }

  /** Whether a later case is the other way of the way being drawn, so a case about something else nests inside it. */
  private answeredLater(subject: string): boolean {
    const way = this.builder.waysIn()[0];
    return !!way && way.subject !== subject && this.later.some((c) => !!c && answersCase(way, c));
  }

  /** Classes the sentences about to be read open branches for, though no sentence said "classifies … as". */
  expectClasses(classes: Classification): void {
    this.classes = classes;
  }

  private get trace(): VerbTrace {
    return this.planner.trace;
  }

  read(input: Clause[]): void {
    // "… up to three attempts", "After the third failed attempt, …": a count on a loop, whose words make no step.
    const attempts = attemptPhrase(input.flatMap((c) => c.tokens));
    if (attempts) {
      this.trace.skipAll([...attempts.words], 'condition');
      input = input.map((c) => ({ ...c, tokens: c.tokens.filter((t) => !attempts.words.has(t)) })).filter((c) => c.tokens.some((t) => t.pos !== 'PUNCT'));
    }
    // What happens once the attempts are used up goes on the way out of the counted loop.
    const exhausted = attempts?.kind === 'exhausted' && this.builder.exhaustAttempts(attempts);
    // "There are three alternative paths.", "For instance, …", "Here is how we hire": about the text, not a step.
    const said = input.flatMap((c) => c.tokens).map((t) => t.lower).join(' ');
    // "Depending on the severity, there are three cases.": the sentences opening "For …," are the cases.
    const cases = readOpenCases(input.flatMap((c) => c.tokens));
    const lead = cases ? input.slice(1).flatMap((c) => c.tokens).filter((t) => t.pos !== 'PUNCT').map((t) => t.lower).join(' ') : '';
    if (cases && (EXPLANATION.test(lead) || CASES_DIFFER.test(lead))) {
      this.builder.closeChoice();
      this.classes = cases;
      for (const c of input) this.trace.skipAll(c.tokens, 'explanation');
      return;
    }
    // "There are three cases: if …; if …; in all other cases …": the cases are read, their announcement is not.
    const announced = input.length > 1 && EXPLANATION.test(input[0]!.tokens.map((t) => t.lower).join(' ')) && input[1]!.role === 'condition';
    if (announced) {
      this.trace.skipAll(input[0]!.tokens, 'explanation');
      input = input.slice(1);
    } else if (EXPLANATION.test(said) || aboutTheText(said)) {
      // "I run a little bakery and I want to get our orders on paper": the aim is no step, but who "I" is still counts.
      for (const c of input) {
        this.planner.noteSpeaker(readClause(stripConnective(c.tokens)));
        this.trace.skipAll(c.tokens, 'explanation');
      }
      return;
    }
    // "Claims handling is done by the claims team.": who runs the process is noted, and no step drawn.
    const intro = this.builder.tasks().length ? null : readProcessIntro(input.flatMap((c) => c.tokens));
    if (intro) {
      this.planner.noteParties(intro.parties);
      for (const c of input) this.trace.skipAll(c.tokens, 'explanation');
      return;
    }
    if (this.contactStart(input)) return;
    input = this.partyArrives(input);
    if (!input.length) return;
    // "The courier delivers the parcel, which takes 1–3 days": how long the step takes is no step of its own.
    // ("The agent does most of the work, but two teams are involved": nor is a clause that says who takes part.)
    const lasting = input.filter((c, i) => (i > 0 && c.relative && aboutTheText(c.tokens.map((t) => t.lower).join(' '))) || TAKING_PART.test(c.tokens.map((t) => t.lower).join(' ')));
    for (const c of lasting) this.trace.skipAll(c.tokens, 'explanation');
    input = input.filter((c) => !lasting.includes(c));
    // "Orders that exceed $500 need the manager's approval": a condition, with the rest of the sentence its branch.
    // (A relative clause comes without its pronoun: put "which" back.)
    const restricted = readRelativeCondition(input.flatMap((c, i) => (i && c.relative && !/^(that|which|who)$/.test(c.tokens[0]?.lower ?? '') ? [WHICH, ...c.tokens] : c.tokens)));
    // "The customer has 14 days to reply": a deadline on the reply.
    let clauses = conditionsFirst(joinConditionParts(restricted ? splitClauses(restricted.main) : input)).flatMap((c): Clause[] => {
      const allowed = allowedTime(c.tokens);
      if (!allowed) return [{ ...c, tokens: askedAction(c.tokens) ?? deemedOutcome(c.tokens) ?? c.tokens }];
      // ("We give the supplier 10 days to fix it": the giving carries the step that follows.)
      this.trace.skipAll(c.tokens.filter((t) => !allowed.includes(t)), 'catenative');
      // "… to sign; after that the offer lapses": what follows the semicolon is a clause of its own.
      const semi = allowed.findIndex((t) => t.text === ';');
      return semi > 0 ? [{ ...c, tokens: allowed.slice(0, semi) }, { ...c, role: 'plain', tokens: allowed.slice(semi) }] : [{ ...c, tokens: allowed }];
    }).flatMap((c): Clause[] => {
      // "…; without a reply the lease renews": what did not come is a condition, with the rest its consequence.
      const missed = c.role === 'plain' ? missedOpening(c.tokens) : null;
      if (!missed) return [c];
      const [first, rest] = missed;
      return rest ? [{ ...c, role: 'condition', tokens: first! }, { ...c, role: 'plain', sharesSubject: false, tokens: rest }] : [{ ...c, role: 'alternative', tokens: first! }];
    });
    for (const c of clauses) {
      const content = stripConnective(c.tokens);
      this.trace.clause(content, readClause(content).verb);
    }
    let whileFork: { branch: () => void; done: () => void } | null = null;
    // "HR prepares the contract and IT sets up a laptop at the same time": the sentence's steps run in parallel.
    // … or "three reviews run in parallel: A does X, B does Y".
    const textOf = (c: Clause | undefined) => c?.tokens.map((t) => t.lower).join(' ') ?? '';
    // "The handler calculates the payout concurrently.": a lone step runs alongside the sentence before, as after "Meanwhile".
    // ("The supervisor and the second examiner grade it at the same time": the parties named together work side by
    // side with each other, not alongside the sentence before.)
    const alone = (c: Clause) => {
      const r = readClause(stripConnective(c.tokens));
      return !r.coSubjects.length && !r.coAgents.length;
    };
    if (clauses.length === 1 && clauses[0]!.role === 'plain' && this.builder.hasSteps() && ALONGSIDE.test(textOf(clauses[0])) && alone(clauses[0]!)) clauses = [{ ...clauses[0]!, role: 'parallel' }];
    // ("The teams work in parallel: the design team …": the lead lost its verb to the tagger and joined the first step.)
    const simultaneous = clauses.filter((c) => c.role === 'plain').length >= 2 && (clauses.some((c) => SIMULTANEOUS.test(textOf(c))) || LEAD_SIMULTANEOUS.test(textOf(clauses[0])));
    let sameTime: { branch: () => void; done: () => void } | null = null;
    const emit = (task: PlannedTask) => {
      if (simultaneous) sameTime ??= this.builder.forkHere();
      this.planner.emit(task);
      sameTime?.branch();
    };
    let previous: Previous = null;
    let whetherLabel = '';
    // "checks whether the form is complete": the quality asked about ends the step's label (Check form completeness).
    let quality: string | null = null;
    // A sentence that opens with a plain step carries on after any choice the previous sentences left open.
    const opening = clauses[0]?.role;
    // "Low incidents are closed by the desk." after "classifies each incident as low, medium or high": a branch.
    // (The clauses lost the commas between them: put them back for "as low, medium or high".)
    const sentence = input.flatMap((c, i) => (i && c.tokens[0]?.pos !== 'PUNCT' ? [COMMA, ...c.tokens] : c.tokens));
    const classes = this.classes;
    const classBranch = classes && opening === 'plain' ? (classes.values.length ? classMentioned(sentence, classes) : caseOpened(sentence)) : null;
    const restated = opening === 'plain' ? this.answerOrRestatement(clauses[0]!) : null;
    if (restated) clauses = clauses.slice(1);
    // "… returned to the author. The author revises it and submits it again.": the rework of what was sent back.
    const rework = opening === 'plain' && !restated && redoes(sentence) && (this.builder.resumeSentBack() || this.builder.goesOnMending());
    // "In both cases …", "Either way …": the ways before meet at this sentence's step, refusals too.
    // ("If approved, … Finally the clerk notifies the applicant. If rejected, …": a way still to be told has not closed.)
    const rejoins = opening === 'plain' && (rejoinsWays(sentence, clauses[0]!.tokens) || (closesEveryWay(clauses[0]!.tokens) && this.waysLeft() === null));
    if (rejoins) this.builder.rejoinEnds();
    // ("Either way, …" after a choice inside a way: the inner ways meet, inside the way they sit in.)
    // ("If approved, procurement orders the goods. Meanwhile the requester … If rejected, …": the parallel work is the way's.)
    const left = opening === 'parallel' ? this.waysLeft() : opening !== 'plain' ? null : !rejoins ? this.waysLeft() : this.builder.nestedNow() ? Math.max(1, this.waysLeft() ?? 1) : null;
    if (rework || exhausted) this.classes = null;
    else if (restricted) {
      this.builder.closeChoice();
      this.builder.openBranch(conditionLabel(restricted.said), restricted.subject, false);
      // "Applicants who withdraw are removed from the list": a refusal's branch ends after its steps.
      const said = readClause(stripConnective(restricted.said));
      const refused = refusalEnd(said, restricted.said, said.object);
      if (refused) this.builder.endBranchAs(refused);
    } else if (classBranch === 'otherwise' || classBranch === 'other') this.builder.openElse();
    else if (classBranch) this.builder.openBranch(classBranch, classes!.subject, false);
    else if (restated === 'answer') this.classes = null;
    else if (opening === 'plain' && endsTheProcess(clauses)) {
      // "If not, … rejects it. The process ends. If it was, …": the end belongs to the branch, and the next "if" may
      // be the same choice's other way.
    } else if (left !== null) {
      this.builder.closeInner(left);
    } else if (opening === 'plain' || opening === 'parallel' || opening === 'while' || opening === 'purpose') {
      this.builder.closeChoice();
      this.conditionThing = null;
      this.conditionOnPeople = false;
    }
    if (!classBranch && opening === 'plain') this.classes = null;
    if (attempts?.kind === 'limit') this.builder.limitNextLoop(attempts);
    if (clauses[0] && joinsBoth(clauses[0].tokens)) this.builder.runLastTwoTogether();
    // ("Both checks are required before the manager approves": the requirement is the join, not a step.)
    if (clauses.length > 1 && bothNeeded(clauses[0]!.tokens)) {
      this.trace.skipAll(clauses[0]!.tokens, 'condition');
      clauses = clauses.slice(1);
    }
    clauses = this.repeatedReminder(clauses);
    clauses = this.countedReminders(clauses);
    const classifying = readClassification(sentence);
    for (let k = 0; k < clauses.length; k++) {
      // "…within 30 days, or the claim lapses": the lapse is a clause of its own, the deadline's path.
      const or = lapseAfterOr(clauses[k]!.tokens);
      if (or > 0) clauses.splice(k, 1, { ...clauses[k]!, tokens: clauses[k]!.tokens.slice(0, or) }, { ...clauses[k]!, role: 'plain', orWithPrevious: false, tokens: clauses[k]!.tokens.slice(or) });
      const c = clauses[k]!;
      this.planner.endsSentence = k === clauses.length - 1;
      const content = stripConnective(c.tokens);
      // "The agent escalates the ticket if needed and informs the customer": the need governs the step it follows
      // only; the next step with the same subject is done either way.
      if (c.role === 'plain' && c.sharesSubject && clauses[k - 2]?.ownStep && clauses[k - 1]?.role === 'plain' && this.builder.inBranchNow()) this.builder.closeChoice();
      // "Every Friday the team reviews …" after the first steps: the step waits for its schedule.
      const cycle = c.role === 'plain' && this.builder.hasSteps() ? openingCycle(content) : null;
      // (The timer sits in the lane of whoever waits for it: the clause's subject.)
      const waiter = () => this.planner.actorNamed(readClause(content).subject)?.id ?? null;
      if (cycle) this.builder.appendTask({ kind: 'intermediate', label: cycle.label, actor: waiter(), eventType: 'timer', timer: cycle.timer });
      // "After the probation period, the manager …": the step waits for the span to end.
      const ended = c.role === 'plain' && !cycle ? spanEnd(c.tokens) : null;
      if (ended && !this.builder.hasSteps()) this.builder.nameStart(ended, false, undefined, true);
      else if (ended) this.builder.appendTask({ kind: 'intermediate', label: ended, actor: waiter(), eventType: 'timer' });
      const found = findDuration(c.tokens);
      const time = found && !isPastMeasure(c.tokens, found) ? found : null;
      // A wait's words ("2 hours before the appointment") are the timer's, not the step's object.
      const waited = new Set(time?.kind === 'wait' ? c.tokens.slice(time.start, time.end) : []);
      const reading = readClause(content.filter((t) => !waited.has(t)));
      // "… waits for the payment. The link expires after 30 minutes": a deadline on the wait, ending in the expiry.
      const expiry = time?.kind === 'wait' && c.role === 'plain' ? expiryName(content) : null;
      if (expiry && this.expiresWait(time!, expiry)) {
        this.trace.skipAll(c.tokens, 'process-end');
        continue;
      }
      if (time && !remindsAfterWait(this.builder, this.trace, c, time, reading) && this.timeEvent(c, time, reading)) continue;
      // "If they do not answer, a reminder is sent after one week": the wait's time is the unanswered wait's deadline.
      const lateBy = !time && c.role === 'condition' && reading.negated ? this.unansweredFor(c, clauses[k + 1]) : null;
      if (lateBy && this.timeEvent(c, { ...lateBy, kind: 'deadline' }, reading)) {
        clauses[k + 1] = { ...clauses[k + 1]!, tokens: clauses[k + 1]!.tokens.filter((_, i) => i < lateBy.start || i >= lateBy.end) };
        continue;
      }
      // "The technician must repair it within 4 hours. If the repair is not finished in time, …"
      // "… to submit a quote. If no quote is received, …": the thing the step was to deliver does not come.
      // "…; if they do not, …": the bare answer says the step was not done.
      // "The customer has 24 hours to pay. If the payment arrives, the shop ships it.": done in time, the work goes on;
      // the "if not" after it is the timer's path.
      // (Also after the timer's path: "If nothing is heard by then, … If the landlord responds, he …".)
      // ("…; otherwise the estimate is charged. If the renter disputes it, …": also after an "otherwise" default.)
      const onHost = this.deadline?.host === this.builder.lastTaskId();
      const timed = this.deadline ?? this.defaulted;
      const afterTimer = !!timed && this.builder.onTimerPathOf(timed.host);
      if (!time && c.role === 'condition' && timed && ((onHost && !this.builder.inBranchNow()) || afterTimer) && meetsStep(stripConnective(c.tokens), this.builder.node(timed.host)?.label ?? '')) {
        if (afterTimer) this.builder.resumeAfterTimer();
        // ("If the landlord responds, he …": "he" is the one who met it.)
        this.planner.noteConditionSubject(reading);
        this.deadlineMet = timed;
        this.trace.skipAll(c.tokens, 'condition');
        continue;
      }
      const awaitedNow = (onHost || this.deadlineMet === this.deadline) && (!!awaitedLabel(stripConnective(c.tokens)) || answeredCondition(stripConnective(c.tokens)) === 'no');
      const missed = this.deadline && (refersToDeadline(c.tokens) || missesStep(c.tokens, this.builder.node(this.deadline.host)?.label ?? '') || awaitedNow || saysSilence(c.tokens));
      if (!time && c.role === 'condition' && this.deadline && missed) {
        // "has 10 days to object; if he stays silent the sublet is approved": the silent party's answer is taken as given.
        const host = this.deadline.host;
        if (this.timeEvent(c, this.deadline, reading, host)) {
          const node = this.builder.node(host);
          if (saysSilence(c.tokens) || stopsProcess(node?.label ?? '')) this.planner.noteHandledInHandBy(node?.actor);
          continue;
        }
      }
      // "…; otherwise / after that the offer lapses": the deadline's path ends, named for the lapse.
      // "Without payment the application lapses": on a timer's path just opened, the lapse names its end.
      const onTimer = this.builder.node(this.builder.lastTaskId() ?? '')?.kind === 'boundary';
      const lapsed = onTimer || (this.deadline && !this.builder.inBranchNow() && this.builder.lastTaskId() === this.deadline.host) ? lapseName(c.tokens) : null;
      if (lapsed && (onTimer || this.deadline)) {
        if (!onTimer) this.builder.openBoundary(this.deadline!.host, this.deadline!.label, this.deadline!.timer);
        this.deadline = null;
        this.trace.skipAll(c.tokens, 'process-end');
        this.builder.endBranchAs(lapsed);
        continue;
      }
      // "When a new employee joins, …" before any step: the event that starts the process.
      if (c.role === 'plain' && TRIGGER.test(openingWords(c.tokens)) && reading.verb && !reading.negated) {
        // "… repairs the boiler. When she finishes, …": the end of the step just drawn, no step or event of its own.
        const last = this.builder.node(this.builder.lastTaskId() ?? '');
        const byLastActor = !!last?.actor && this.planner.actorNamed(reading.subject)?.id === last.actor;
        if (last?.kind === 'task' && marksLastStepEnd(reading, content, last.label, byLastActor)) {
          this.trace.skipAll(c.tokens, 'restatement');
          continue;
        }
        if (this.arrival(c, reading, clauses[k + 1])) continue;
        const event = eventFrom(reading, this.planner.state.thing);
        // Only a happening starts it: someone doing something to a thing ("a guest calls room service") is a step.
        const happening = (!reading.object && !reading.prep && !reading.passive) || PROCESS_STARTS.test(said);
        if (event && happening && !this.builder.hasSteps()) {
          this.builder.nameStart(event.label, event.message);
          this.trace.skipAll(c.tokens, 'trigger');
          this.planner.noteThing(reading);
          continue;
        }
        // "Once the budget is approved, …": an agentless outcome restates a state, not a step of its own; first, it names the start.
        if (event && reading.passive && !reading.agent && !reading.object && OUTCOMES.has(verbBase(reading.verb))) {
          const first = !this.builder.hasSteps();
          if (first) this.builder.nameStart(event.label, event.message);
          this.trace.skipAll(c.tokens, first ? 'trigger' : 'restatement');
          this.planner.noteThing(reading);
          continue;
        }
        // "… when the customer confirms": waiting for what someone else does is a catch event, not their task.
        if (event && ARRIVALS.has(verbBase(reading.verb)) && !reading.object && !reading.passive) {
          const node = this.builder.appendTask({ kind: 'intermediate', label: event.label, actor: this.planner.state.actor?.id ?? null, eventType: 'message' });
          const who = reading.subject ? reading.subject.words.map((w) => (w.pos === 'PROPN' ? w.text : w.lower)).join(' ') : '';
          if (who) this.waits.set(node.id, `Wait for ${who} to ${verbBase(reading.verb)}`);
          this.trace.skipAll(c.tokens, 'wait');
          this.trace.task(null, node.id);
          continue;
        }
        // "Once the payment clears, …", "when the stock runs low" after the steps: what happens to a thing by itself
        // is waited for, a catch event ("Payment cleared").
        // (Only the verb, or the state it reaches, ends the clause: "the mortgage goes through" is said otherwise.)
        const after = content.slice(content.indexOf(reading.verb) + 1).filter((t) => t.pos !== 'PUNCT');
        const bare = !after.length || (after.length === 1 && after[0]!.pos === 'ADJ');
        const byItself = bare && !reading.object && !reading.passive && !reading.recipient && reading.subject && !namesSomeone(reading.subject);
        if (event && byItself && this.builder.hasSteps() && !this.builder.inBranchNow()) {
          const node = this.builder.appendTask({ kind: 'intermediate', label: event.label, actor: this.planner.state.actor?.id ?? null, eventType: 'message' });
          this.trace.skipAll(c.tokens, 'wait');
          this.trace.task(null, node.id);
          this.planner.noteThing(reading);
          continue;
        }
      }
      // "When the policy is declined, …" after the steps: a refusal may or may not come, so it opens a branch.
      const refusing = c.role === 'plain' && this.builder.hasSteps() && REFUSAL_WHEN.test(openingWords(c.tokens)) && !!refusalEnd(reading, content, null);
      switch (refusing ? 'condition' : c.role) {
        case 'condition': {
          // "… tests it again; if it still fails, escalates": the retry just drawn is counted, and what follows is its
          // way out once the second attempt failed too.
          if (content.some((t) => t.lower === 'still') && this.builder.exhaustAttempts({ count: 2, unit: 'attempts' })) {
            this.trace.skipAll(c.tokens, 'condition');
            continue;
          }
          // Any verb of the condition may name the outcome ("if the request is asked to make a change").
          const outcome = content.filter((t) => t.pos === 'VERB').map(verbBase);
          const things = content.filter((t) => t.pos === 'NOUN').map((t) => t.lower);
          if (!reading.negated && (outcome.some((v) => this.builder.reopenBranchFor(v, redoes(sentence))) || (reading.passive && this.builder.reopenBranchAbout(things)))) {
            this.trace.skipAll(c.tokens, 'condition');
            continue;
          }
          // "If so, …" has no subject of its own: it is about whatever was just asked. "In case of rejection": the noun.
          const bare = stripConnective(c.tokens);
          // ("If something is unclear": an indefinite pronoun stands for nothing the choice before was about.)
          const indefinite = INDEFINITE.test(bare[0]?.lower ?? '') ? bare[0]!.lower : null;
          // A bare state ("Out of stock:", "In stock:") is about whatever the choice is about.
          const subject =
            // ("If needed, …", "where necessary": about the step alone, a choice of its own, never the way of one before.)
            // ("If there are any lab fees, …": whether there is such a thing at all, a question of its own too.)
            ((bare.length === 1 && OPTIONAL.test(bare[0]!.lower)) || /^there (?:is|are) any\b/.test(openingWords(bare)) ? '' : null) ??
            // ("Where the form is incomplete, …. Where something is unclear, …": cases about different things are two
            // choices; only a verbless case — "Where new customers," — is about whatever the choice is about.)
            // ("When changes are needed, …. When the design is fine, …": the later cases of one choice.)
            (c.tokens[0] === NEXT_CASE ? 'it' : null) ??
            (c.tokens[0] === WHERE ? ((reading.verb || reading.copula) && (reading.subject?.head.lemma ?? indefinite)) || 'it' : null) ??
            // "In case of approval, …; in case of rejection, …": outcomes of one thing, the ways of one choice (not of one before).
            (/^in case of\b/.test(openingWords(c.tokens)) ? 'in case of' : null) ??
            // ("If noise is found, …. If nothing is found, …", "If the caller picks up … If nobody answers, …": a negative
            // indefinite is the other answer to the question asked — nothing found where something was, nobody where someone
            // was expected; "If something is missing … If nothing arrives" asks a new question.)
            (indefinite && /^no/.test(indefinite) && answersLast(indefinite, reading, this.builder.lastCondition()?.label) ? 'it' : null) ??
            reading.subject?.head.lemma ??
            indefinite ??
            // ("If approved, …. If rejected, …": a bare participle is about the thing in hand, as "if it is approved".)
            (reading.subjectPronoun || bare.every((t) => ['so', 'yes', 'true', 'no', 'not'].includes(t.lower) || (t.pos === 'VERB' && /ed$/.test(t.lower))) ? 'it' : (readPhrase(bare, 0).phrase?.head.lemma ?? (reading.verb ? '' : 'it')));
          // ("If so, …": the connective takes "so" with it; it is the yes to the question asked.)
          const answer = this.question && answeredCondition(bare.length ? bare : c.tokens.filter((t) => t.lower !== 'if'));
          // "If it is justified, we offer a refund. If it is not justified, …": "it" is what the choice is about, not the refund.
          // "gives them a price and if they don't want to pay, …": "they" are the people given to, whom the label leaves out.
          const onPeople = this.planner.parties.meansThoseGivenTo(reading.subjectPronoun) || (!!reading.subjectPronoun && this.builder.inBranchNow() && this.conditionOnPeople);
          this.conditionOnPeople = onPeople;
          const pointed = reading.subjectPronoun && this.builder.inBranchNow() && this.conditionThing ? this.conditionThing : this.planner.state.thing;
          const about = onPeople ? null : pointed;
          const lastStep = this.builder.lastTaskId();
          // "If that fails, …": the outcome of the step just drawn, a fallback that rejoins rather than a refusal.
          const attempt = answer ? null : stepOutcomeLabel(bare, lastStep ? this.builder.node(lastStep)?.label : undefined);
          const said = answer ? answerLabel(this.question!, answer === 'no') : (attempt ?? conditionLabel(c.tokens, about));
          this.conditionThing = reading.subject && reading.subject.head.pos !== 'PRON' ? reading.subject : about;
          this.planner.noteConditionSubject(reading);
          if (!answer) this.question = null;
          const label = labelProblem(said, 'condition') ? '' : said;
          // "If everything is in stock, …. If only part is in stock, …": another share of the same things, the next way
          // of the choice whatever the words name, never a question asked inside the way before ("… asks the customer
          // whether to wait. If nothing is in stock, …" leaves that question for the choice on the stock).
          const ways = this.builder.inBranchNow() ? this.builder.waysIn() : [this.builder.lastCondition()];
          const level = answer ? -1 : ways.findIndex((w) => namesOtherShare(label, w?.label));
          const share = level >= 0;
          if (level > 0) this.builder.leaveInner(level);
          const way = share ? 'it' : subject;
          // "If the manager approves, …": the manager's approval is a step before the choice on it.
          const decider = !answer && !this.builder.inBranchNow() && decidesInCondition(reading) ? this.planner.taskFrom(reading, c, previous) : null;
          if (decider?.actor && !decisionDrawn(decider.actor.id, this.builder.tasks())) {
            this.planner.emit(decider);
            this.planner.noteHandledInHand(decider.actor);
          }
          this.trace.skipAll(c.tokens, 'condition');
          // "If it's a bug, …" after "classifies the ticket as a bug, a question or …": that class's branch.
          const named = this.classes && !reading.negated ? classNamed(label, this.classes) : null;
          if (named) this.builder.openBranch(named, this.classes!.subject, false);
          else {
            const last = this.builder.lastTaskId();
            // "Where …" cases in a row are the ways of one choice, even after a checking step.
            const nested = !share && this.builder.inBranchNow() && c.tokens[0] !== WHERE && (examines(last ? this.builder.node(last)?.label : undefined) || this.answeredLater(subject)) && !asksAgain(label, subject, this.builder.lastCondition());
            const beyond = !answer && !share && reading.subject?.head.pos !== 'PRON' && asksBeyondPair(this.builder.conditionsNow(), { subject, negated: reading.negated, label: label.toLowerCase() });
            const another = !answer && !share && leavesYesNo(this.asked, this.builder.conditionsNow(), label, reading.negated);
            if (!nested && !answer && !share && (asksNewQuestion(reading, this.builder.lastCondition()?.subject) || beyond || another)) this.builder.closeChoice();
            this.builder.openBranch(label || 'yes', way, answer ? answer === 'no' : reading.negated || /\bno\b/.test(label), false, nested);
          }
          const refusal = attempt ? null : refusalEnd(reading, content, this.planner.state.thing);
          if (refusal) this.builder.endBranchAs(refusal);
          this.planner.noteThing(reading);
          continue;
        }
        case 'alternative': {
          const opening = c.tokens.map((t) => t.lower).join(' ');
          const deadline = this.deadline;
          // ("In that case …", "…; in that case …": more work on the branch just opened, as "in the latter case".)
          if (/^(?:[;,] )?in (?:the latter|that|this|such an?) cases?\b/.test(opening)) this.builder.reopenBranch(-1);
          // "must confirm the order within 48 hours; otherwise the buyer cancels it": the deadline's path leaves the step
          // on its boundary timer and ends by itself; the step's own path goes on.
          // (Inside a branch only when the same sentence set the deadline: "If it is incomplete, the applicant has 30
          // days to complete it; otherwise it is dismissed" — a new sentence's "Otherwise" is the choice's other way.)
          else if (deadline && (((!this.builder.inBranchNow() || k > 0) && this.builder.lastTaskId() === deadline.host) || this.deadlineMet === deadline)) {
            this.builder.openBoundary(deadline.host, deadline.label, deadline.timer);
            this.defaulted = deadline;
            this.deadline = null;
          } else this.builder.openElse(opening.startsWith('if not') || opening.startsWith('if this') || opening.startsWith('if that') ? 'no' : 'otherwise');
          break;
        }
        case 'former':
          this.builder.reopenBranch(0);
          break;
        case 'parallel':
          this.builder.forkAlongsidePrevious();
          break;
        case 'while': {
          const task = this.planner.taskFrom(reading, c, previous);
          // "While the reviewers evaluate the proposal, …" after that very step: fork alongside it.
          const ongoing = task && this.builder.tasks().slice(-2).some((n) => n.label === task.label);
          if (ongoing) this.trace.skip(task.verb, 'restatement');
          // "The nurse prepares the patient while the surgeon reviews the scans": alongside the step said before it.
          const afterStep = clauses.slice(0, clauses.indexOf(c)).some((x) => x.role === 'plain');
          if (task && !ongoing && afterStep) {
            this.builder.forkAlongsidePrevious();
            this.planner.emit(task);
          } else if (task && !ongoing) {
            whileFork = this.builder.forkHere();
            this.planner.emit(task);
            whileFork.branch();
          } else {
            this.builder.forkAlongsidePrevious();
          }
          continue;
        }
        case 'until': {
          // "The registrar waits until the student has signed": the wait ends on that event.
          const waiting = !!previous?.reading.verb && verbBase(previous.reading.verb) === 'wait';
          const event = waiting ? untilEvent(c.tokens) : null;
          if (event) {
            this.trace.skipAll(c.tokens, 'wait');
            this.trace.task(null, this.builder.appendTask({ kind: 'intermediate', label: event.label, actor: previous!.actor?.id ?? null, eventType: event.eventType }).id);
            continue;
          }
          this.trace.skipAll(c.tokens, 'condition');
          // ("otherwise the patient waits until a doctor is free": a wait repeats no step, so no loop goes back.)
          const target = waiting ? undefined : repeatedStep(this.builder.tasks(), this.builder.sentenceStep())?.id;
          // ("… until they reach an agreement": the parties, not the thing, reach it.)
          const after = c.tokens.slice(c.tokens.findIndex((t) => t.lower === 'until') + 1);
          const until = namedAnswerer(after, this.builder.node(target ?? '')?.label);
          if (target) this.builder.loopUntil(target, agreedLabel(after) ?? conditionLabel(until, this.planner.state.thing));
          continue;
        }
        case 'whether': {
          this.trace.skipAll(content.slice(content.findIndex((t) => t.lower === 'whether')), 'condition');
          // The decision's first branch holds what the sentence goes on to say; "or if …" opens the other.
          this.question = content.slice(content.findIndex((t) => t.lower === 'whether') + 1);
          this.asked = conditionLabel(this.question) || null;
          // ("If it is acceptable, she checks whether a medical exam is needed": a question of its own, inside that way.)
          this.builder.openBranch(conditionLabel(content.slice(content.findIndex((t) => t.lower === 'whether') + 1)) || 'yes', 'it', false, true, true);
          continue;
        }
        case 'purpose':
          this.trace.skipAll(c.tokens, 'purpose');
          continue;
        default:
          break;
      }
      // Alternatives joined by "or" in one sentence: each is a branch of one choice.
      // "either provides a workaround or, if no workaround exists, files a bug": a choice whose second way has a condition.
      const [cond, then] = [clauses[k + 1], clauses[k + 2]];
      const words = c.tokens.filter((t) => t.pos !== 'PUNCT').map((t) => t.lower);
      if (words.includes('either') && words.at(-1) === 'or' && cond?.role === 'condition' && then?.role === 'plain') {
        const first = this.planner.taskFrom(reading, c, previous);
        const second = this.planner.taskFrom(readClause(stripConnective(then.tokens)), { ...then, sharesSubject: true }, { reading, actor: first?.actor ?? this.planner.state.actor });
        const said = conditionLabel(cond.tokens, this.planner.state.thing);
        this.trace.skipAll(cond.tokens, 'condition');
        k += 2;
        if (first && second && !labelProblem(said, 'condition')) {
          this.builder.alternatives([() => this.planner.emit(first), () => this.planner.emit(second)], [], ['otherwise', said]);
          continue;
        }
        for (const t of [first, second]) if (t) this.planner.emit(t);
        continue;
      }
      // "If the test fails, … runs the test again": back to the step that decided, the failed thing done once more.
      const decidedBy = this.builder.inBranchNow() && redoesFailed(reading, content, this.builder.lastCondition()) ? this.builder.decidingStep() : null;
      if (decidedBy) {
        this.trace.skipAll(c.tokens, 'loop');
        this.builder.loopBack(decidedBy, 'again');
        continue;
      }
      // "can approve it, reject it outright, or send it back": a comma list ending in "or" is one set of alternatives.
      // ("checks the policy, approves or rejects": a step that examines comes before the choice it informs.)
      let listed = examines(reading.verb ? verbBase(reading.verb) : undefined) ? k : k + 1;
      while (listed > k && clauses[listed] && !clauses[listed]!.orWithPrevious && listedStep(clauses[listed]!)) listed++;
      if (listed > k + 1 && clauses[listed]?.orWithPrevious) for (let j = k + 1; j < listed; j++) clauses[j] = { ...clauses[j]!, orWithPrevious: true };
      // "must be paid within 30 days, or the account is suspended": the "or" is what happens when the deadline passes.
      const lapse = clauses[k + 1];
      if (time?.kind === 'deadline' && lapse?.orWithPrevious && !lapse.sharesSubject) clauses[k + 1] = { ...lapse, orWithPrevious: false, role: 'alternative' };
      const group: Array<{ clause: Clause; reading: Reading }> = [{ clause: c, reading }];
      while (clauses[k + 1]?.orWithPrevious && classify(clauses[k + 1]!.tokens) === 'plain') {
        const next = clauses[++k]!;
        group.push({ clause: next, reading: readClause(stripConnective(next.tokens)) });
      }
      if (group.length > 1) {
        // "reject or accept the order": the first verb borrows the last one's object.
        // ("accept, reject or make a counter-offer": a light verb's noun is its own step, not what the others act on.)
        const last = group[group.length - 1]!.reading;
        const lastObject = last.verb && LIGHT_VERBS.has(verbBase(last.verb)) ? null : last.object;
        const inHand = this.planner.state.thing;
        const tasks = group.map((g, i) => {
          const decided = decidedThing(group.map((x) => x.reading), i);
          if (!g.reading.object && !g.reading.prep && lastObject && !g.reading.passive) g.reading.object = lastObject;
          else if (decided && g.reading.object && /^(it|this)$/.test(g.reading.object.head.lower)) g.reading.object = decided;
          // Every clause of the group is an alternative, the first one too.
          const t = this.planner.taskFrom(g.reading, { ...g.clause, orWithPrevious: true }, previous);
          previous = { reading: g.reading, actor: t ? t.actor : this.planner.state.actor };
          return t;
        });
        const real = tasks.filter((t): t is PlannedTask => t !== null);
        const readings = group.map((x) => x.reading);
        const ends = group.map((g, i) => refusalEnd(g.reading, [], (g.reading.object?.head.pos === 'PRON' ? null : g.reading.object) ?? inHand ?? this.planner.state.thing) ?? walkAwayEnd(readings, i, inHand) ?? closedBesideAccepting(readings, i, inHand ?? this.planner.state.thing));
        // "… or requests changes": back to the hand-in of the party the work came from, else an end by name.
        // ("opens a pull request": else the other party's last step on the thing decided.)
        const decidedWords = readings.flatMap((r) => (r.object && r.object.head.pos !== 'PRON' && !MENDING_NOUNS.has(r.object.head.lower) ? [r.object.head.lower] : []));
        const handIn = (decider: string | null) => {
          const theirs = this.builder.tasks().filter((n) => n.actor !== decider);
          return (theirs.findLast((n) => HAND_IN_VERBS.has(n.label.split(' ')[0]!.toLowerCase())) ?? theirs.findLast((n) => decidedWords.includes(n.label.split(' ').at(-1)!.toLowerCase())))?.id ?? null;
        };
        // ("… asks for revisions. If revisions are requested, the author …": the text tells that way itself.)
        const told = (asked: string | null) => !!asked && this.later.some((w) => !!w && `${w.subject} ${w.label}`.toLowerCase().includes(asked.split(' ')[0]!.toLowerCase()));
        // ("…; proposed changes go back to the buyer": nor when the sentence goes on to tell it.)
        const closing = !clauses.slice(k + 1).some((x) => x.tokens.some((t) => t.pos !== 'PUNCT'));
        const backs = group.map((_, i) => sendsBackForChanges(readings, i)).map((asked) => (told(asked) || !closing ? null : asked));
        const emitEnding = (t: PlannedTask, i: number) => () => {
          const back = backs[tasks.indexOf(t)] ? handIn(t.actor?.id ?? null) : null;
          this.planner.emit(t);
          const end = ends[tasks.indexOf(t)] ?? (back ? null : backs[tasks.indexOf(t)]);
          if (end && i >= 0) this.builder.endBranchAs(end);
          else if (back) this.builder.returnAfterBranch(back);
        };
        if (real.length > 1) this.builder.alternatives(real.map((t, i) => emitEnding(t, i)), real.map((t) => t.label.toLowerCase()), answerLabels(real.map((t) => t.label)) ?? wayLabels(real.map((t) => t.label)));
        // "…, and the citizen is notified of the decision": what the sentence tells after its choice, every way reaches.
        const after = clauses[k + 1];
        if (real.length > 1 && after?.role === 'plain' && followsEveryWay(after.tokens, !after.sharesSubject)) this.builder.rejoinEnds();
        else if (real.length === 1) this.planner.emit(real[0]!);
        continue;
      }
      // "Both the assessor and the clerk prepare a report", "Sales and finance review the offer", "the nurse, the doctor
      // and the pharmacist (each) review the chart": the same step by each, at the same time.
      const candidate = this.planner.state.candidate;
      // ("Each party keeps a copy", "Both sides sign it": the last two parties named.)
      const parties = this.planner.everyParty(reading, c);
      const each = parties ? null : eachParty(reading, c, candidate ? [candidate, ...(this.planner.state.candidatesWith ?? [])] : [], content.map((t) => t.text).join(' '));
      if (each || parties) {
        const tasks = parties ? parties.map((a) => this.planner.taskFrom(reading, c, previous, a)) : each!.map((one) => this.planner.taskFrom(one.reading, one.clause, previous));
        const real = tasks.filter((t): t is PlannedTask => t !== null);
        if (each) this.planner.noteTogether(real);
        if (real.length > 1) {
          const fork = this.builder.forkHere();
          for (const t of real) {
            this.planner.emit(t);
            fork.branch();
          }
          fork.done();
          continue;
        }
      }
      // "The clerk both checks the invoice and files the receipt": both steps at once.
      if (reading.both && clauses[k + 1]?.sharesSubject && !clauses[k + 1]!.orWithPrevious) {
        const first = this.planner.taskFrom(reading, c, previous);
        const next = clauses[++k]!;
        const secondReading = readClause(stripConnective(next.tokens));
        const second = this.planner.taskFrom(secondReading, next, { reading, actor: first?.actor ?? this.planner.state.actor });
        const real = [first, second].filter((t): t is PlannedTask => t !== null);
        const fork = real.length > 1 ? this.builder.forkHere() : null;
        for (const t of real) {
          this.planner.emit(t);
          fork?.branch();
        }
        fork?.done();
        previous = { reading: secondReading, actor: second?.actor ?? first?.actor ?? this.planner.state.actor };
        continue;
      }
      // "reject … or accept the order" split across clauses still shares the object when the verb has none.
      // "checks whether the items are in stock": what is checked is what the question is about.
      if (!reading.object && !reading.prep && reading.verb && clauses[k + 1]?.role === 'whether') {
        const asked = stripConnective(clauses[k + 1]!.tokens);
        const question = readClause(asked);
        // ("checks whether the customer has a valid contract": of a person, what they have is checked;
        // "decides whether the batch is reworked": deciding is on the thing, Decide on batch.)
        const has = asked.findIndex((t) => t.lemma === 'have');
        const had = question.subject && namesSomeone(question.subject) && has > 0 ? readPhrase(asked, has + 1).phrase : null;
        quality = askedQuality(asked, question.subject);
        const about = (quality ? question.subject : null) ?? had ?? (question.subject && !namesSomeone(question.subject) ? question.subject : null);
        if (about) Object.assign(reading, actingOn(reading, verbBase(reading.verb), about));
        else whetherLabel = conditionLabel(stripConnective(clauses[k + 1]!.tokens).slice(1), this.planner.state.thing);
      }
      // "rolls back and notifies the channel", "calls back and …", "logs in and …": complete without an object.
      // ("the customer comes in, pays the rest": a verb that takes no object borrows none.)
      const complete = reading.particle?.lower === 'back' || (reading.verb?.lemma === 'log' && !!reading.particle) || INTRANSITIVE_VERBS.has(reading.verb?.lemma ?? '');
      // ("picks, packs and labels the order": through a list of bare verbs to the object they share.)
      for (let j = k + 1; !reading.object && !reading.prep && !reading.recipient && !complete && clauses[j]?.sharesSubject && j <= k + 3; j++) {
        const nextReading = readClause(stripConnective(clauses[j]!.tokens));
        if (nextReading.object && reading.verb && !reading.passive) reading.object = nextReading.object;
        if (nextReading.object || nextReading.prep || !nextReading.verb) break;
      }
      // "The manager says yes or no": a decision, whose answers the next sentences ("If yes, …") spell out.
      const answers = /\byes (or|\/) no\b/.test(content.map((t) => t.lower).join(' '));
      if (answers) reading.object = null;
      // "… and that ends it", "the case is closed there": the branch stops after the step before, named for it.
      if (this.builder.inBranchNow() && saysStop(content)) {
        this.trace.skipAll(c.tokens, 'process-end');
        this.builder.endBranchAs(notDone(reading, content, this.builder.node(this.builder.lastTaskId() ?? '')));
        continue;
      }
      // "… -> invoice sent -> done": on the main path the words only say the process is over.
      if (saysStop(content)) {
        this.trace.skipAll(c.tokens, 'process-end');
        continue;
      }
      // "The case is put on hold until the results come in": no step, the wait for the event the "until" names.
      const until = clauses[k + 1];
      const held = c.role === 'plain' && until?.role === 'until' && holdsWork(reading, content) ? untilEvent(until.tokens, reading.subject?.words) : null;
      if (held) {
        if (reading.verb) this.trace.skip(reading.verb, 'wait');
        this.trace.skipAll(until!.tokens, 'wait');
        this.trace.task(null, this.builder.appendTask({ kind: 'intermediate', label: held.label, actor: this.planner.state.actor?.id ?? null, eventType: held.eventType }).id);
        k++;
        continue;
      }
      // "Payment is due within 30 days": the thing is waited for, with that deadline ("If the client has not paid by then, …").
      // ("Bids must arrive by the 15th", "Objections can be filed within 4 weeks": the same.)
      const comes = comesInBy(reading.verb ? verbBase(reading.verb) : '', reading.passive, reading.copula, content.some((t) => t.lower === 'due'), !!(reading.agent || reading.recipient));
      const due = c.role === 'plain' && time?.kind === 'deadline' && comes && reading.subject && !namesSomeone(reading.subject) ? reading.subject : null;
      if (due && this.builder.hasSteps() && !this.builder.inBranchNow()) {
        const label = `Wait for ${due.words.filter((w) => w.pos !== 'DET').map((w) => (w.pos === 'PROPN' && !w.first ? w.text : w.lower)).join(' ')}`;
        const wait = this.builder.appendTask({ kind: 'task', label, actor: this.planner.waitingSide(due.head.lower)?.id ?? null, taskType: 'receive' });
        this.trace.task(reading.verb, wait.id);
        this.trace.skipAll(c.tokens, 'deadline');
        this.settleDeadline();
        this.deadline = { ...time!, host: wait.id };
        continue;
      }
      // "Any refund has to be approved within 48 hours." after "approves the refund": the limit on that step.
      const restated = c.role === 'plain' && time?.kind === 'deadline' && !this.builder.inBranchNow() ? restatedStep(content, reading, this.builder.nodes.filter((n) => n.kind === 'task')) : null;
      if (restated) {
        this.trace.skipAll(c.tokens, 'deadline');
        this.settleDeadline();
        this.deadline = { ...time!, host: restated.id };
        continue;
      }
      const task = this.planner.taskFrom(answers ? { ...reading, verb: reading.verb && { ...reading.verb, lower: 'decide', lemma: 'decide' } } : reading, c, previous);
      // "… returns it to the applicant and the process ends": sent back, but nothing comes back: the branch ends.
      if (task && task.loopTo && clauses.slice(k + 1).some((x) => endsTheProcess([x]) || saysStop(stripConnective(x.tokens)))) delete task.loopTo;
      // "If they don't want to pay, that's it, we don't make the cake": a branch that only says the work is not done ends.
      if (!task && this.builder.inBranchNow() && stopsHere(reading, content)) this.builder.endBranchAs(notDone(reading, content, this.builder.node(this.builder.lastTaskId() ?? '')));
      // "…; without a reply the lease renews automatically": what a thing does by itself when the time is up is the
      // path's outcome, its end ("Lease renewed").
      else if (!task && this.builder.onTimerPath() && reading.verb && !reading.object && !reading.passive && reading.subject && !namesSomeone(reading.subject)) {
        this.trace.skipAll(c.tokens, 'process-end');
        this.builder.endBranchAs(outcomeOf(reading.subject, verbBase(reading.verb)));
      }
      if (task && answers) {
        emit({ ...task, verb: reading.verb });
        this.builder.openBranch('yes', 'it', false, true);
        continue;
      }
      previous = { reading, actor: task ? task.actor : this.planner.state.actor };
      // "decides whether a technician is needed": the question is the step's object.
      // (Also when the thing in hand was lent as its object: "checks whether the candidate needs a permit" is no "Check rejection".)
      if (task && whetherLabel && (task.label.split(' ').length === 1 || (!reading.object && !reading.prep && !reading.particle))) {
        task.label = task.label.split(' ')[0]!;
        task.label = cleanLabel(`${task.label} whether ${whetherLabel}`.split(' ').slice(0, 6).join(' '), 'task');
      }
      whetherLabel = '';
      // ("decides how urgent it is" → "Assess urgency": deciding a degree is judging it.)
      const degree = task && !reading.object && task.label.split(' ').length === 1 ? askedDegree(content) : null;
      if (task && degree) task.label = `${task.label === 'Decide' ? 'Assess' : task.label} ${degree}`;
      if (task && quality && task.label.split(' ').length < 6) task.label = `${task.label} ${quality}`;
      quality = null;
      // Approve and reject never both run: a refusal of what was just approved is the other way.
      const last = this.builder.lastTaskId();
      const refusal = task && last && !this.builder.inBranchNow() && refusesStep(task.label, this.builder.node(last)?.label ?? '');
      if (task && last && refusal) {
        const answers = answerLabels([this.builder.node(last)!.label, task.label]);
        this.builder.alternativeTo(last, () => this.planner.emit(task), refusalEnd(reading, [], reading.object?.head.pos === 'PRON' ? this.planner.thingMeant(reading.object.head.lower) : reading.object) ?? 'Rejected', answers ? [answers[0]!, answers[1]!] : undefined);
        continue;
      }
      // ("issues the permit. … sends a refusal letter": telling of a refusal right after the yes is the other way too.)
      if (task && last && !this.builder.inBranchNow() && refusalNotice(reading) && givesYes(this.builder.node(last)?.label ?? '')) {
        const yes = pastParticiple(this.builder.node(last)!.label.split(' ')[0]!.toLowerCase());
        this.builder.alternativeTo(last, () => this.planner.emit(task), outcomeName(task.label), [yes, 'refused']);
        continue;
      }
      // "Sort incoming calls into emergencies, complaints and …": the classes are the gateway's, not the label's.
      if (task && classifying) task.label = task.label.replace(/ (into|as) .*$/, '');
      if (task) emit(task);
      if (task && ELSEWHERE.test(` ${c.tokens.map((t) => t.lower).join(' ')} `)) this.builder.goOnAfterTimer();
      // "If the score is high, the application is rejected.": a branch whose step refuses the work ends by name.
      const inHand = reading.object?.head.pos === 'PRON' ? this.planner.thingMeant(reading.object.head.lower) : reading.object;
      // ("the application is closed", "goes on the waiting list", "is sent home": the way is done with, and ends so.)
      const refused = task && this.builder.inBranchNow() ? (refusalEnd(reading, [], inHand) ?? (this.builder.toldInBranch() ? null : closingEnd(reading, content, inHand ?? this.planner.state.thing, this.builder.adverseBranch()))) : null;
      if (refused) this.builder.endBranchAs(refused);
      // "If not, the office sends a rejection letter": telling of a refusal ends the branch too ("Rejection letter sent").
      else if (task && this.builder.inBranchNow() && refusalNotice(reading)) this.builder.endBranchAs(outcomeName(task.label));
      else if (task && this.builder.inBranchNow() && tellsServedParty(reading)) this.builder.toldOutcome(outcomeName(task.label));
      else if (task && !task.loopTo && this.builder.inBranchNow()) {
        // "If the address is wrong, the parcel is sent back to the sender": the thing goes back, the way ends.
        const returned = returnedToServedParty(reading, reading.object?.head.pos === 'PRON' ? this.planner.thingMeant(reading.object.head.lower) : reading.object);
        if (returned) this.builder.endBranchAs(returned);
      }
      const host = this.builder.lastTaskId();
      if (task && time?.kind === 'deadline' && host) {
        this.settleDeadline();
        this.deadline = { ...time, host };
      }
      // "We wait up to 5 days for the payment": the deadline is on the wait just drawn ("if nothing arrives, …").
      if (!task && time?.kind === 'deadline' && host && this.caughtWait(host) && c.role === 'plain') {
        this.settleDeadline();
        this.waits.set(host, this.waits.get(host) ?? waitLabelOf(this.builder.node(host)!.label));
        this.deadline = { ...time, host };
      }
    }
    whileFork?.done();
    (sameTime as { done: () => void } | null)?.done();
    this.classes = classifying ?? this.classes;
  }

  /**
   * "The tenant must sign within 10 days." with nothing said about a late signature: a time limit, not a path — a
   * modeller keeps it on the step ("Sign lease within 10 days"), never as a timer leading to an unnamed end. Called
   * when the next deadline is set and at the end.
   */
  settleDeadline(atEnd = false): void {
    const d = this.deadline;
    this.deadline = null;
    // (At the end of the text a choice still open is done with; mid-text its branch goes on.)
    if (d && atEnd) this.builder.closeChoice();
    const host = d ? this.builder.node(d.host) : undefined;
    if (!d || host?.kind !== 'task' || this.builder.nodes.some((n) => n.kind === 'boundary' && n.attachedTo === d.host)) return;
    host.label = `${host.label} ${timeLimitWords(d)}`;
  }
}


/** "Payment received" → "Wait for payment": a caught event's words without the state they reach, as a receive step. */
function waitLabelOf(eventLabel: string): string {
  return `Wait for ${eventLabel.split(' ').slice(0, -1).join(' ').toLowerCase()}`;
}

/** "the lease" + "renew" → "Lease renewed". */
function outcomeOf(subject: Phrase, verb: string): string {
  const label = [...subject.words.filter((w) => w.pos !== 'DET').slice(-3).map((w) => (w.pos === 'PROPN' ? w.text : w.lower)), pastParticiple(verb)].join(' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** ", reject it outright": a step listed after a comma, with no subject or connective of its own. */
function listedStep(c: Clause): boolean {
  const first = c.tokens.find((t) => t.pos !== 'PUNCT' && t.pos !== 'ADV');
  return c.role === 'plain' && !c.relative && !!c.afterComma && first?.pos === 'VERB';
}

/** A sentence that does something once more: "… and submits it again", "resubmits the form". */
function redoes(sentence: Token[]): boolean {
  // ("The writer fixes the errors and sends it back": mending what was sent back is the rework too.)
  const first = sentence.find((t) => t.pos === 'VERB');
  return saysAgain(sentence) || (!!first && MENDING.has(verbBase(first))) || sentence.some((t) => t.pos === 'VERB' && /^re-?(submit|send|upload|appl|file|present|lodge)/.test(t.lower));
}

/** The clause without the connective words that opened it. */
function stripConnective(tokens: Token[]): Token[] {
  let i = 0;
  for (let guard = 0; guard < 4; guard++) {
    // ("simultaneously with the assistant preparing …": the "with" goes with its adverb.)
    const withAdverb = (k: number) => tokens[k]!.lower === 'with' && ['simultaneously', 'concurrently'].includes(tokens[k - 1]?.lower ?? '');
    while (i < tokens.length && (tokens[i]!.pos === 'PUNCT' || CONNECTIVE_WORDS.has(tokens[i]!.lower) || withAdverb(i))) i++;
    const rest = tokens.slice(i).map((t) => t.lower).join(' ');
    const phrase = CONNECTIVE_PHRASES.find((p) => rest === p || rest.startsWith(p + ' '));
    if (!phrase) break;
    i += phrase.split(' ').length;
  }
  return tokens.slice(i);
}

/**
 * The condition as a short phrase; a leading pronoun becomes the thing it points at ("they in stock" → "items in
 * stock"), and "it is a bug" is just "bug". Modals, auxiliaries, determiners and dangling function words go.
 */
export function conditionLabel(tokens: Token[], thing: Phrase | null = null): string {
  const content = stripConnective(tokens).filter((t) => t.pos !== 'PUNCT');
  const words: string[] = [];
  content.forEach((t, i) => {
    const next = content[i + 1];
    // "'s" is "is" before a description ("it's a bug", "it's not"), else a possessive joined to its noun.
    // (After a pronoun it is always "is": "it's above the limit", "that's on time".)
    if (t.lower === "'s" || t.lower === '’s') {
      const pronoun = ['it', 'that', 'this', 'there', 'he', 'she', 'what', 'who'].includes(content[i - 1]?.lower ?? '');
      if (!next || pronoun || ['DET', 'ADJ', 'ADV', 'VERB', 'PART', 'NUM'].includes(next.pos) || next.lower === 'not') return;
      if (words.length) words[words.length - 1] += "'s";
      return;
    }
    // ("If all tests pass", "If some boxes are missing": the share is the case, and stays.)
    if (t.pos === 'DET' && !['no', 'a', 'an'].includes(t.lower) && !SHARE_DETERMINERS.has(t.lower)) return;
    if (t.pos === 'DET' && (t.lower === 'a' || t.lower === 'an')) return;
    // "withdraw their application": a possessive before its noun goes like "the".
    if (POSSESSIVES.has(t.lower) && ['NOUN', 'ADJ', 'PROPN'].includes(next?.pos ?? '')) return;
    // "does not confirm" keeps its "does"; other auxiliaries go.
    // ("has no valid ID": "have" before what is had is the verb, not an auxiliary, and stays.)
    const had = t.lemma === 'have' && ['DET', 'NOUN', 'ADJ', 'NUM', 'PROPN'].includes(next?.pos ?? '');
    if (t.pos === 'AUX' && !had && !['not', "n't"].includes(t.lower) && !(t.lemma === 'do' && ['not', "n't"].includes(next?.lower ?? ''))) return;
    if (CONDITION_FILLERS.has(t.lower)) return;
    // "there is no receipt" → "no receipt".
    if (t.lower === 'there' && next?.lemma === 'be') return;
    words.push(t.lower === "n't" ? 'not' : t.pos === 'PROPN' ? t.text : t.lower);
  });
  // "it is a bug": the pronoun adds nothing; "they are in stock": it stands for the thing just named.
  if (['it', 'they', 'this', 'these', 'that'].includes(words[0] ?? '')) {
    const be = content.findIndex((t) => t.lemma === 'be' || t.lower === "'s" || t.lower === '’s');
    const described = be >= 0 && ['DET', 'NOUN', 'ADJ'].includes(content[be + 1]?.pos ?? '');
    if (described || !thing) words.shift();
    else words.splice(0, 1, ...thing.words.slice(-2).map((w) => (w.pos === 'PROPN' ? w.text : w.lower)));
  }
  const kept = keptConditionWords(words);
  // "$ 500" as written: "$500".
  return kept.join(' ').replace(/([$€£]) (?=\d)/g, '$1');
}

const CONDITION_FILLERS = new Set(['can', 'could', 'must', 'should', 'shall', 'will', 'would', 'may', 'might', 'also', 'then', 'usually', 'generally', 'already', 'still', 'just', 'really', 'so']);

/**
 * "The loan is granted if the risk is low": a condition after its consequence is read first, so the consequence
 * becomes its branch.
 */
function conditionsFirst(clauses: Clause[]): Clause[] {
  const out = [...clauses];
  for (let k = 0; k < out.length - 1; k++) {
    const [main, cond] = [out[k]!, out[k + 1]!];
    // "either provides a workaround or, if …, files a bug": the condition belongs to the second way, not to both.
    const last = main.tokens.filter((t) => t.pos !== 'PUNCT').at(-1)?.lower;
    const eitherOr = main.tokens.some((t) => t.lower === 'either') && last === 'or';
    // "checks the stock and, if the items are available, ships them": "and" puts the condition after the step.
    const andThen = cond.afterAnd || last === 'and' || last === 'but';
    // "checks it for damage, if damaged they get billed": a condition with its own consequence after it.
    const consequence = out[k + 2]?.role === 'plain' && !out[k + 2]!.sharesSubject && !out[k + 2]!.relative && cond.afterComma;
    if (cond.tokens[0]?.text === ';' || cond.tokens[0]?.text === ':' || eitherOr || andThen || consequence) continue;
    const trailingEvent = cond.role === 'plain' && TRIGGER.test(openingWords(cond.tokens));
    if (main.role === 'plain' && (cond.role === 'condition' || trailingEvent) && main.tokens.some((t) => t.pos === 'VERB') && !TRIGGER.test(openingWords(main.tokens))) {
      // "The application is turned down when the applicant owes rent": a refusal happens only in the case named, so
      // the "when" is an "if".
      const refusedWhen = trailingEvent && REFUSAL_WHEN.test(openingWords(cond.tokens)) && !!refusalEnd(readClause(stripConnective(main.tokens)), [], null);
      out[k] = refusedWhen ? { ...cond, role: 'condition' } : cond;
      out[k + 1] = main;
      k++;
    }
  }
  return out;
}

/** Words that only answer the question just asked: "if it does not", "if so", "if they do", "if not". */
const ANSWER_WORDS = new Set(['it', 'they', 'this', 'that', 'so', 'yes', 'no', 'not', "n't", 'do', 'does', 'did', 'is', 'are', 'was', 'can', 'will', 'has', 'have']);

/** "If it does not" → 'no', "if so" → 'yes'; null when the condition says something of its own. */
function answeredCondition(bare: Token[]): 'yes' | 'no' | null {
  const words = bare.filter((t) => t.pos !== 'PUNCT');
  if (!words.length || !words.every((t) => ANSWER_WORDS.has(t.lower))) return null;
  return words.some((t) => ['not', "n't", 'no'].includes(t.lower)) ? 'no' : 'yes';
}

/** The question's proposition, or its negation: "clinic accepts patient" / "clinic does not accept patient". */
function answerLabel(question: Token[], negated: boolean): string {
  if (!negated) return conditionLabel(question);
  const v = question.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (v < 0) return `not ${conditionLabel(question)}`.trim();
  const verb = question[v]!;
  const not: Token = { text: 'not', lower: 'not', pos: 'PART', lemma: 'not' };
  // "is available" → "is not available"; "accepts" → "does not accept".
  const negation: Token[] =
    verb.pos === 'AUX'
      ? [verb, not]
      : [{ text: 'does', lower: 'does', pos: 'AUX', lemma: 'do' }, not, { ...verb, text: verb.lemma, lower: verb.lemma }];
  return conditionLabel([...question.slice(0, v), ...negation, ...question.slice(v + 1)]);
}

/** "The process ends.", "The procedure stops there.": a sentence that only ends the process. */
function endsTheProcess(clauses: Clause[]): boolean {
  if (clauses.length !== 1) return false;
  const r = readClause(stripConnective(clauses[0]!.tokens));
  return !!r.verb && !r.object && END_VERBS.has(verbBase(r.verb)) && PROCESS_WORDS.has(r.subject?.head.lemma ?? '');
}
