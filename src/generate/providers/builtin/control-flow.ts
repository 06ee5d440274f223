// Builds the flow graph as the text is read: sequences, exclusive choices with branches, parallel splits, loops, ends.
import type { ModelFlow, ModelNode, ModelTimer, NodeKind } from '../../model.ts';
import { countConditions, type AttemptLimit } from './attempt-limits.ts';
import { answersAgain } from './condition-choices.ts';
import { isReminder, outcomeName } from './deadlines.ts';
import { goesOnAfterTimer } from './timer-paths.ts';
import { assents } from './opposites.ts';
import { flattenParallel } from './parallel-blocks.ts';
import { stoppedName, stopsProcess } from './stopping-steps.ts';
import { adverseCondition, closesCase } from './told-outcomes.ts';

interface Tail {
  from: string;
  label?: string;
}

interface Choice {
  gateway: string;
  /** Tails of each branch so far; an ended branch is an empty list. */
  branches: Tail[][];
  /** Subject and polarity of each condition, to tell a second "if" about the same thing. */
  conditions: Array<{ subject: string; negated: boolean; label?: string }>;
  /** Opened by "whether": its first branch may be replaced by the cases the text spells out. */
  tentative: boolean;
  /** For alternatives ("approves or rejects"): each branch's step, lower case, so "if the request is approved" continues it. */
  steps: string[];
  /** A deadline's boundary event stands in for the gateway: the path it leaves carries on from its task. */
  mainPath?: Tail[];
  /** Branches that end in a named end event when the choice closes (by branch index). */
  ends: Map<number, string>;
  /** A deadline's path that goes back to waiting ("sends a reminder and waits again"): the timer interrupts the wait. */
  rewaits?: boolean;
  /** Counts a loop's attempts: every way loops or ends, so nothing carries on after it. */
  counts?: boolean;
  /** The text says how the deadline's step goes on ("If the renter disputes it, …"): the timer's path ends. */
  mainTold?: boolean;
  /** The timer's path gets the late work done elsewhere ("chooses another supplier"): it rejoins the work after it. */
  goesOn?: boolean;
  /** Branches that only told the served party an adverse outcome: they end if another way carries on. */
  told?: Map<number, string>;
  /** "Otherwise …" drew its last way: a later "if" asks something else (or is a way of a choice it sits in). */
  elsed?: boolean;
}

export class FlowBuilder {
  readonly nodes: ModelNode[] = [];
  readonly flows: ModelFlow[] = [];
  /** Flows the text sent back to an earlier step ("returns it for correction", "is repeated"). */
  readonly loops: ModelFlow[] = [];
  private tails: Tail[];
  private joinKind: 'exclusive' | 'parallel' | 'inclusive' = 'exclusive';
  private choice: Choice | null = null;
  private inBranch = false;
  private reopened: number | null = null;
  private pendingEnd = false;
  private counter = 0;
  /** First node added by the current and the previous sentence: where "meanwhile" forks. */
  private sentenceFirst: string | null = null;
  private sentenceActor: string | null = null;
  /** Each finished sentence's first node and the actor of its first step. */
  private readonly sentences: Array<{ first: string; actor: string | null }> = [];

  constructor() {
    const start = this.add('start', '', null);
    this.tails = [{ from: start.id }];
  }

  private add(kind: NodeKind, label: string, actor: string | null): ModelNode {
    const node: ModelNode = { id: `${kind === 'task' ? 'task' : kind}${++this.counter}`, kind, label, actor };
    this.nodes.push(node);
    return node;
  }

  private connect(from: string, to: string, label?: string): void {
    this.flows.push(label ? { from, to, label } : { from, to });
  }

  /** Joins open tails with a gateway of the kind that split them. */
  private joinTails(actor: string | null): void {
    if (this.tails.length <= 1) return;
    const join = this.add(this.joinKind, '', actor);
    for (const t of this.tails) this.connect(t.from, join.id, t.label);
    this.tails = [{ from: join.id }];
    this.joinKind = 'exclusive';
  }

  /** Names the start event for what triggers the process ("New employee joined"); a message start when it arrives. */
  nameStart(label: string, message: boolean, timer?: ModelTimer, timed = timer !== undefined): void {
    const start = this.nodes[0]!;
    start.label = label;
    if (message) start.eventType = 'message';
    // "30 days before expiry" is a timer with no fixed value.
    if (timed) Object.assign(start, { eventType: 'timer' }, timer ? { timer } : {});
  }

  /**
   * "If there is no answer within a week, …": an interrupting timer on the step just drawn, whose path holds what
   * follows in the sentence; the step's own path carries on as before. A reminder leaves the step running
   * (non-interrupting). The path ends by itself, named for its outcome, unless the text sends it back.
   */
  openBoundary(host: string, label: string, timer: ModelTimer | undefined, interrupting = true): void {
    this.closeChoice();
    const boundary = this.add('boundary', label, null);
    Object.assign(boundary, { eventType: 'timer', attachedTo: host }, timer ? { timer } : {}, interrupting ? {} : { interrupting: false });
    this.choice = { gateway: boundary.id, branches: [], conditions: [], tentative: false, steps: [], mainPath: this.tails, ends: new Map() };
    this.tails = [{ from: boundary.id }];
    this.inBranch = true;
  }

  node(id: string): ModelNode | undefined {
    return this.nodes.find((n) => n.id === id);
  }

  /** Whether any step or decision has been read yet (a "when …" before them is the trigger). */
  hasSteps(): boolean {
    return this.nodes.length > 1;
  }

  startSentence(): void {
    this.sentenceFirst = null;
    this.sentenceActor = null;
  }

  /** Appends an activity after whatever is open. */
  appendTask(node: Omit<ModelNode, 'id'>): ModelNode {
    if (!this.inBranch) this.closeChoice();
    this.pendingEnd = false;
    this.lastLoop = null;
    this.attempted = null;
    if (!closesCase(node.label)) this.branchTold = null;
    const created = this.add(node.kind, node.label, node.actor ?? null);
    if (node.taskType) created.taskType = node.taskType;
    if (node.eventType) created.eventType = node.eventType;
    if (node.timer) created.timer = node.timer;
    this.joinTails(created.actor ?? null);
    for (const t of this.tails) this.connect(t.from, created.id, t.label);
    this.tails = [{ from: created.id }];
    this.sentenceFirst ??= created.id;
    if (created.kind === 'task') this.sentenceActor ??= created.actor ?? null;
    return created;
  }

  /** Removes a pass-through node, joining what led into it with what it led to. */
  bypass(id: string): void {
    const ins = this.flows.filter((f) => f.to === id);
    const outs = this.flows.filter((f) => f.from === id);
    const kept = this.flows.filter((f) => f.to !== id && f.from !== id);
    for (const i of ins) {
      for (const o of outs) {
        const made = i.label ? { from: i.from, to: o.to, label: i.label } : { from: i.from, to: o.to };
        kept.push(made);
        if (this.loops.includes(o)) this.loops.push(made);
      }
    }
    this.flows.splice(0, this.flows.length, ...kept);
    for (const t of this.tails) if (t.from === id) t.from = ins[0]?.from ?? t.from;
    this.nodes.splice(this.nodes.findIndex((n) => n.id === id), 1);
  }

  /**
   * A branch that names a step already drawn ("… otherwise the ticket is closed" after "Close ticket") joins that
   * step instead of drawing a second copy; the same step by someone else ("… up to €5,000 by the lead; above it by the
   * director") is a step of its own. Returns whether it did.
   */
  joinExisting(label: string, actor: string | null): boolean {
    if (!this.inBranch || !this.tails.length || !this.choice) return false;
    // Only a step drawn after the branch point: an earlier one would be a loop, which the text must say.
    const anchor = this.node(this.choice.gateway)?.attachedTo ?? this.choice.gateway;
    const after = this.nodes.findIndex((n) => n.id === anchor);
    const earlier = this.nodes.find((n, i) => i > after && n.kind === 'task' && n.label.toLowerCase() === label.toLowerCase());
    if (!earlier || this.tails.some((t) => t.from === earlier.id) || (earlier.actor && actor && earlier.actor !== actor)) return false;
    for (const t of this.tails) this.connect(t.from, earlier.id, t.label);
    this.tails = [];
    return true;
  }

  /**
   * "… sends a reminder and waits again": the deadline's path goes back to the step its timer sits on. Returns whether
   * a deadline's path was open.
   */
  waitAgain(): boolean {
    const host = this.inBranch && this.choice?.mainPath ? this.node(this.choice.gateway)?.attachedTo : undefined;
    if (!host) return false;
    this.choice!.rewaits = true;
    this.loopBack(host, 'again');
    return true;
  }

  /**
   * "After two reminders, the case is closed": the last deadline's reminder goes back to the wait until the count is
   * reached, so the timer interrupts the wait; what the sentence says then runs on a path of its own, from a gateway
   * before the reminder. Returns whether a reminder path was there to count.
   */
  countReminders(count: number): boolean {
    const boundary = this.nodes.findLast((n) => n.kind === 'boundary' && n.attachedTo);
    const first = boundary && this.flows.find((f) => f.from === boundary.id);
    const reminder = first && this.node(first.to);
    if (!boundary || !first || reminder?.kind !== 'task' || !isReminder(reminder.label)) return false;
    this.closeChoice();
    // The reminder path ends by itself when the wait runs on beside it: it goes back to the wait instead.
    let last = reminder;
    for (let out = this.flows.find((f) => f.from === last.id); out && this.node(out.to)?.kind === 'task'; out = this.flows.find((f) => f.from === last.id)) last = this.node(out.to)!;
    const end = this.flows.find((f) => f.from === last.id && this.node(f.to)?.kind === 'end');
    if (end) {
      this.nodes.splice(this.nodes.findIndex((n) => n.id === end.to), 1);
      this.flows.splice(this.flows.indexOf(end), 1);
      this.connect(last.id, boundary.attachedTo!, 'again');
    }
    delete boundary.interrupting;
    // A weekly reminder that restarts the wait is a week's timer on each wait ("R/P1W" → "P1W").
    if (boundary.timer?.kind === 'cycle') boundary.timer = { kind: 'duration', value: boundary.timer.value.replace(/^R\d*\//, '') };
    const gate = this.add('exclusive', '', reminder.actor ?? null);
    first.to = gate.id;
    this.connect(gate.id, reminder.id, `fewer than ${count} reminders`);
    this.choice = { gateway: gate.id, branches: [], conditions: [], tentative: false, steps: [], mainPath: this.tails, ends: new Map(), rewaits: true };
    this.tails = [{ from: gate.id, label: `${count} reminders sent` }];
    this.inBranch = true;
    return true;
  }

  /**
   * "The driver has 15 minutes to accept the job. If not, the dispatcher assigns the job to another driver": on a
   * deadline's path, a step done before the deadline's step is done again, so the path loops back to it. Returns
   * whether it did.
   */
  repeatsBeforeDeadline(label: string, actor: string | null): boolean {
    const host = this.inBranch && this.choice?.mainPath ? this.node(this.choice.gateway)?.attachedTo : undefined;
    if (!host || this.branchHasSteps()) return false;
    const before = this.nodes.slice(0, this.nodes.findIndex((n) => n.id === host));
    const earlier = before.findLast((n) => n.kind === 'task' && n.label.toLowerCase() === label.toLowerCase() && (n.actor ?? null) === actor);
    if (!earlier) return false;
    this.choice!.rewaits = true;
    this.loopBack(earlier.id, 'again');
    return true;
  }

  inBranchNow(): boolean {
    return this.inBranch;
  }

  /** Ends the timer's path being drawn and goes on after the step it sits on: the text said how that step goes on. */
  resumeAfterTimer(): void {
    if (this.choice) this.choice.mainTold = true;
    this.closeChoice();
  }

  /** The timer's path being drawn gets the work done another way: it rejoins the work after the timed step. */
  goOnAfterTimer(): void {
    if (this.onTimerPath()) this.choice!.goesOn = true;
  }

  /** Whether the path being drawn is that of a timer on `host` ("If nothing is heard by then, …"). */
  onTimerPathOf(host: string): boolean {
    const gateway = this.choice ? this.node(this.choice.gateway) : undefined;
    return this.inBranch && gateway?.kind === 'boundary' && gateway.attachedTo === host;
  }

  /** The last boundary timer whose path sends a reminder: "after another week" counts on from it. */
  lastReminderTimer(): ModelNode | undefined {
    const boundary = this.nodes.findLast((n) => n.kind === 'boundary' && n.attachedTo);
    const first = boundary && this.node(this.flows.find((f) => f.from === boundary.id)?.to ?? '');
    return first?.kind === 'task' && isReminder(first.label) ? boundary : undefined;
  }

  /** Whether the open branch leaves a boundary timer: the path taken when a deadline passes. */
  onTimerPath(): boolean {
    return this.inBranch && this.nodes.find((n) => n.id === this.choice?.gateway)?.kind === 'boundary';
  }

  lastTaskId(): string | null {
    return this.tails.length === 1 ? this.tails[0]!.from : null;
  }

  /** Opens (or continues) an exclusive choice; `subject` lets a second "if" about the same thing join it. */
  openBranch(label: string, subject: string, negated: boolean, tentative = false, nested = false): void {
    // "If a part is broken, the mechanic checks the stock. If it is in stock, …": a choice inside the branch.
    const inner = nested && this.branchHasSteps();
    if (inner) this.nest();
    else this.closeBranch();
    // "If the part is available … If it is not …" / "If the request is rejected … If the request is approved …"
    const continues = (c: Choice | null) => {
      const last = c?.elsed ? undefined : c?.conditions.at(-1);
      const sameSubject = !!last && subject !== '' && (last.subject === subject || last.subject === 'it' || subject === 'it');
      return !!last && sameSubject && (last.negated !== negated || (!last.negated && !negated));
    };
    // ("If yes, … If the disc is cracked, … If no, …": the other answer to the question answered "yes".)
    const answered = (c: Choice | null) => answersAgain(label, c?.conditions.at(-1)?.label);
    // A condition that is not the inner choice's may be the next way of the choice it sits in.
    // ("If she approves it, … If the claim is 10,000 euros or less, …": a thing named again beats a pronoun's "it".)
    const named = (c: Choice | null) => !!subject && subject !== 'it' && c?.conditions.at(-1)?.subject === subject;
    while (!inner && this.outer.length && ((!continues(this.choice) && this.outer.some((o) => continues(o.choice))) || (!named(this.choice) && this.outer.some((o) => named(o.choice))) || (!answered(this.choice) && this.outer.some((o) => answered(o.choice))))) {
      this.closeOne();
      this.resumeOuter();
      this.closeBranch();
    }
    const sameChoice = continues(this.choice);
    if (!sameChoice) {
      if (!inner) this.closeChoice();
      const g = this.add('exclusive', '', null);
      this.joinTails(null);
      for (const t of this.tails) this.connect(t.from, g.id, t.label);
      this.sentenceFirst ??= g.id;
      this.choice = { gateway: g.id, branches: [], conditions: [], tentative: false, steps: [], ends: new Map() };
    }
    // "checks whether …" opened the choice; when the text then spells out the cases, they replace its empty branch.
    if (sameChoice && this.choice!.tentative && this.choice!.branches.at(-1)?.every((t) => t.from === this.choice!.gateway)) {
      this.choice!.branches.pop();
    }
    if (sameChoice) this.choice!.tentative = false;
    else this.choice!.tentative = tentative;
    // ("If the fault is in the hardware, … If it is in the software, … If the laptop is under warranty, …": the "it" of a
    // later way is what the way before was about, so a condition on another thing after it asks a new question.)
    const before = sameChoice ? this.choice!.conditions.at(-1)?.subject : undefined;
    this.choice!.conditions.push({ subject: subject === 'it' && before ? before : subject, negated, label });
    this.tails = [{ from: this.choice!.gateway, label }];
    this.inBranch = true;
    this.branchAdverse = adverseCondition(label, negated);
  }

  /** "Otherwise …": the other branch of the open choice (or of a fresh one when none is open). */
  openElse(label = 'otherwise'): void {
    // "Otherwise …" after an inner choice with both ways drawn is the other way of the choice it sits in.
    if (this.outer.length && this.choice && this.choice.branches.length + (this.inBranch ? 1 : 0) >= 2) {
      this.closeOne();
      this.resumeOuter();
    }
    // "checks whether … If not, …": the question's own branch, still empty, gives way to the answers spelled out.
    const c = this.choice;
    if (c?.tentative && this.inBranch && this.reopened === null && this.tails.every((t) => t.from === c.gateway)) {
      this.tails = [];
      this.inBranch = false;
      c.tentative = false;
    }
    this.closeBranch();
    if (this.choice?.mainPath) {
      // "Otherwise …" after a deadline: what happens in time, on the step's own path.
      this.tails = this.choice.mainPath;
      this.choice.mainPath = [];
      this.inBranch = true;
      return;
    }
    if (!this.choice) {
      this.openBranch('yes', '', false);
      this.closeBranch();
    }
    this.tails = [{ from: this.choice!.gateway, label }];
    this.inBranch = true;
    // ("If not, … If so, …": a bare "no" leaves room for the "yes" told after it.)
    if (label === 'otherwise') this.choice!.elsed = true;
    // "If the claim is covered, … Otherwise …": the other way of a condition that is not adverse is.
    const said = this.choice!.conditions;
    this.branchAdverse = said.length > 0 && said.every((c) => !adverseCondition(c.label ?? '', c.negated));
  }

  /** "In the former case": continue the first branch. */
  reopenBranch(index: number): void {
    this.closeBranch();
    if (!this.choice) return;
    const i = index < 0 ? this.choice.branches.length + index : index;
    const branch = this.choice.branches[i];
    if (!branch) return;
    this.tails = branch;
    this.reopened = i;
    this.inBranch = true;
  }

  /** "If the request is approved, …" after "approves or rejects the request": continue the approve branch. */
  reopenBranchFor(verb: string, rework = false): boolean {
    const reopened = this.reopenStep((words) => words[0] === verb);
    // "… or send it back. If it is sent back, the author revises it and submits it again": the rework goes on the
    // send-back's path, in place of its loop.
    const s = this.sentBack;
    if (reopened && rework && s && s.choice === this.choice && s.index === this.reopened) {
      const loop = this.flows.findIndex((f) => f.from === s.from && f.to === s.to);
      if (loop >= 0) this.flows.splice(loop, 1);
      this.tails = [{ from: s.from }];
      this.sentBack = null;
    }
    return reopened;
  }

  /** "If changes are requested, …" after "approves it or asks for changes": the branch whose step names the thing. */
  reopenBranchAbout(things: string[]): boolean {
    return this.reopenStep((words) => words.slice(1).some((w) => things.includes(w)));
  }

  private reopenStep(fits: (words: string[]) => boolean): boolean {
    const steps = this.choice?.steps ?? [];
    const index = steps.findIndex((s) => fits(s.split(' ')));
    if (index < 0 || steps.filter((s) => fits(s.split(' '))).length > 1 || this.choice!.branches.length !== steps.length) return false;
    this.reopenBranch(index);
    return true;
  }

  closeBranch(): void {
    if (!this.inBranch || !this.choice) return;
    // ("… picks it while the courier is booked; otherwise …": the way's parallel work joins inside the way.)
    this.joinWayFork();
    // A refusal's end waits for the choice to close: a later "if the request is rejected, …" may add its steps.
    const index = this.reopened ?? this.choice.branches.length;
    if (this.branchEnd) this.choice.ends.set(index, this.branchEnd);
    // Mended work goes back to the check, unless the branch ends or already went back.
    if (this.branchReturn && !this.branchEnd && !this.pendingEnd) this.loopBack(this.branchReturn, 'again');
    if (this.branchTold && !this.branchEnd && !this.branchReturn && !this.pendingEnd) (this.choice.told ??= new Map()).set(index, this.branchTold);
    this.branchEnd = null;
    this.branchReturn = null;
    this.branchTold = null;
    this.branchAdverse = false;
    // "If the request is rejected, … and the process ends": the end keeps the refusal's name.
    // "… and the case is closed there" after a step: the end is named for what that step achieved ("Sample discarded").
    if (this.pendingEnd) this.endHere(this.choice.ends.get(index) ?? this.outcome(this.tails));
    if (this.reopened !== null) this.choice.branches[this.reopened] = this.tails;
    else this.choice.branches.push(this.tails);
    this.reopened = null;
    this.tails = [];
    this.inBranch = false;
  }

  /** Alternatives inside one sentence ("rejects or accepts"): each is a branch from one gateway. */
  alternatives(make: Array<() => void>, steps: string[] = [], answers: string[] | null = null): void {
    // "If not, she asks the head, who either grants or refuses it": the alternatives are a choice inside the branch.
    if (this.branchHasSteps()) this.nest();
    else this.closeChoice();
    const g = this.add('exclusive', '', null);
    this.joinTails(null);
    for (const t of this.tails) this.connect(t.from, g.id, t.label);
    this.sentenceFirst ??= g.id;
    this.choice = { gateway: g.id, branches: [], conditions: [], tentative: false, steps, ends: new Map() };
    make.forEach((m, i) => {
      const label = answers?.[i];
      this.tails = [label ? { from: g.id, label } : { from: g.id }];
      this.inBranch = true;
      m();
      this.closeBranch();
    });
  }

  /** Choices a nested one was opened in, innermost last, each with the branch it was drawing. */
  private readonly outer: Array<{ choice: Choice; reopened: number | null; branchEnd: string | null; branchReturn: string | null; branchAdverse: boolean }> = [];

  /** Whether the branch being drawn already holds a step (so a choice after it sits inside the branch). */
  branchHasSteps(): boolean {
    return this.inBranch && !!this.choice && this.tails.length > 0 && this.tails.every((t) => t.from !== this.choice!.gateway);
  }

  /** Keeps the open choice and its branch aside while a choice inside that branch is drawn. */
  private nest(): void {
    this.outer.push({ choice: this.choice!, reopened: this.reopened, branchEnd: this.branchEnd, branchReturn: this.branchReturn, branchAdverse: this.branchAdverse });
    this.branchAdverse = false;
    this.choice = null;
    this.inBranch = false;
    this.reopened = null;
    this.branchEnd = null;
    this.branchReturn = null;
  }

  /** Back in the branch the inner choice sat in, going on from the inner choice's join. */
  private resumeOuter(): void {
    this.joinTails(null);
    this.restoreOuter();
  }

  /** Back in the way of the choice the inner one sat in. */
  private restoreOuter(): void {
    const o = this.outer.pop()!;
    this.choice = o.choice;
    this.reopened = o.reopened;
    this.branchEnd = o.branchEnd;
    this.branchReturn = o.branchReturn;
    this.branchAdverse = o.branchAdverse;
    this.inBranch = true;
  }

  /** Ends the open choice, and the choices it sits in: an implicit "otherwise" skips ahead; open branches meet at the next step. */
  closeChoice(): void {
    this.closeOne();
    while (this.outer.length) {
      this.resumeOuter();
      this.closeOne();
    }
  }

  private closeOne(): void {
    if (!this.choice) return;
    if (this.inBranch) this.closeBranch();
    const c = this.choice;
    this.choice = null;
    // A reminder leaves the awaited work running; any other deadline's path does not flow back into the work it cancelled.
    const first = this.node(this.flows.find((f) => f.from === c.gateway)?.to ?? '');
    if (c.mainPath && !c.rewaits && first?.kind === 'task' && isReminder(first.label) && this.node(c.gateway)?.kind === 'boundary') this.node(c.gateway)!.interrupting = false;
    // "No answer by Friday means acceptance. Then we ship": a deadline whose path says yes goes on with the work.
    const last = c.mainPath && c.branches[0]?.length === 1 ? this.node(c.branches[0][0]!.from) : undefined;
    const host = this.node(this.node(c.gateway)?.attachedTo ?? '');
    const yes = this.node(c.gateway)?.kind === 'boundary' && !c.ends.has(0) && last?.kind === 'task' && (assents(last.label) || (!this.finishing && (!!c.goesOn || (!!host && goesOnAfterTimer(host.label, last.label)))));
    // "has 10 days to object; if he stays silent …": the timer's path goes on, the objection ends the process.
    if (!c.mainTold && c.mainPath?.length === 1 && c.mainPath[0]!.from === host?.id && c.branches[0]?.length && !c.ends.has(0) && stopsProcess(host.label)) {
      this.tails = c.mainPath;
      this.endHere(stoppedName(host.label));
      c.mainPath = [];
    } else if (c.mainPath && c.branches[0]?.length && (!yes || c.mainTold)) {
      this.tails = c.branches[0];
      this.endHere(c.ends.get(0) ?? this.outcome(this.tails));
      c.branches[0] = [];
    }
    // A branch that only told the served party an adverse outcome ends when another way carries on with the work.
    for (const [i, label] of c.told ?? []) {
      const carriesOn = c.branches.some((b, j) => j !== i && !c.ends.has(j) && !c.told!.has(j) && b.length > 0 && b.every((t) => t.from !== c.gateway));
      if (c.branches[i]?.length && !c.ends.has(i) && carriesOn) c.ends.set(i, label);
    }
    for (const [i, label] of c.ends) {
      if (!c.branches[i]?.length) continue;
      this.tails = c.branches[i]!;
      // A count's way out with no step of its own still ends by name.
      this.endHere(label || this.outcome(this.tails) || (c.counts ? 'Attempts used up' : ''));
      c.branches[i] = [];
    }
    const open = c.branches.filter((b) => b.length > 0);
    if (c.mainPath) open.push(c.mainPath);
    else if (c.branches.length < 2) open.push([{ from: c.gateway, label: 'otherwise' }]);
    this.tails = open.flat();
    if (this.tails.length === 0 && !c.counts) {
      // Every branch ended: the text carries on after the choice anyway, so it continues from its last branch.
      const last = [...c.branches].reverse().find((b) => b.length) ?? [{ from: c.gateway }];
      this.tails = last;
    }
    this.joinKind = 'exclusive';
  }

  /** "Meanwhile …": what follows runs alongside what the previous sentence started, joining after it. */
  forkAlongsidePrevious(): void {
    // "If the claim is approved, finance pays it while the adjuster closes the file": a way opened in this sentence
    // forks inside itself, at its first step; the choice stays open for its other ways.
    const wayFirst = this.wayOpenedHere();
    const thirdBand = !!this.parallelOthers && !!this.parallelFork;
    if (!wayFirst && !(thirdBand && this.parallelInWay)) this.closeChoice();
    // "A does X while B does Y and at the same time C does Z": a third band from the same split.
    if (this.parallelOthers && this.parallelFork) {
      this.joinTails(null);
      this.parallelOthers = [...this.parallelOthers, ...this.tails];
      this.tails = [{ from: this.parallelFork }];
      return;
    }
    let first = wayFirst ?? this.sentenceFirst ?? this.blockStart();
    // "Once the deposit arrives, the agent books … and, at the same time, …": the work forks after what it waited for.
    for (let outs = this.flows.filter((f) => f.from === first); this.node(first ?? '')?.kind === 'intermediate' && outs.length === 1; outs = this.flows.filter((f) => f.from === first)) first = outs[0]!.to;
    if (!first) return;
    const fork = this.add('parallel', '', null);
    for (const f of this.flows) if (f.to === first) f.to = fork.id;
    this.connect(fork.id, first);
    this.joinTails(null);
    this.parallelInWay = !!wayFirst;
    this.parallelOthers = this.tails;
    this.parallelFork = fork.id;
    this.tails = [{ from: fork.id }];
  }

  private parallelOthers: Tail[] | null = null;
  private parallelFork: string | null = null;
  /** The fork "while" opened sits inside the way being drawn: it joins there. */
  private parallelInWay = false;

  /** Joins a fork "while" opened inside the way being drawn, before the way closes or the sentence ends. */
  private joinWayFork(): boolean {
    if (!this.parallelOthers || !this.parallelInWay || !this.inBranch) return false;
    this.tails = [...this.parallelOthers, ...this.tails];
    this.joinKind = 'parallel';
    this.joinTails(null);
    this.parallelOthers = null;
    this.parallelFork = null;
    this.parallelInWay = false;
    return true;
  }

  /**
   * Where parallel work forks inside the way being drawn: the first step of the way when this sentence (or, for a
   * "Meanwhile" sentence, the one before) opened it, or that sentence's first step on the way; null outside a way.
   */
  private wayOpenedHere(): string | null {
    const c = this.choice;
    const began = this.sentenceFirst ?? this.sentences.at(-1)?.first;
    if (!this.inBranch || !c || !began || this.tails.length !== 1) return null;
    let at = this.tails[0]!.from;
    for (let into = this.flows.filter((f) => f.to === at); into.length === 1; into = this.flows.filter((f) => f.to === at)) {
      if (at === began) return this.node(at)?.kind === 'task' ? at : null;
      // (The way's condition may have drawn a step of its own first: "If the candidate accepts the offer, …".)
      const opened = this.nodes.findIndex((n) => n.id === c.gateway) >= this.nodes.findIndex((n) => n.id === began);
      if (into[0]!.from === c.gateway) return opened && this.node(at)?.kind === 'task' ? at : null;
      at = into[0]!.from;
    }
    return null;
  }

  /**
   * "HR prepares the contract and IT sets up the laptop. Once both are ready, …": the last two steps, done by two
   * parties one after the other as told, ran side by side; the next step joins them.
   */
  runLastTwoTogether(): void {
    const b = this.tails.length === 1 && !this.choice && !this.tails[0]!.label ? this.node(this.tails[0]!.from) : undefined;
    const into = b ? this.flows.filter((f) => f.to === b.id) : [];
    const a = into.length === 1 ? this.node(into[0]!.from) : undefined;
    const before = a ? this.flows.filter((f) => f.to === a.id) : [];
    if (b?.kind !== 'task' || a?.kind !== 'task' || a.actor === b.actor || before.length !== 1 || this.flows.filter((f) => f.from === a.id).length !== 1) return;
    const split = this.add('parallel', '', null);
    before[0]!.to = split.id;
    this.flows.splice(this.flows.indexOf(into[0]!), 1);
    this.connect(split.id, a.id);
    this.connect(split.id, b.id);
    this.tails = [{ from: a.id }, { from: b.id }];
    this.joinKind = 'parallel';
  }

  /** Starts a parallel branch from the current point: returns a function that closes it. */
  forkHere(kind: 'parallel' | 'inclusive' = 'parallel'): { branch: () => void; done: () => void; label: (condition: string) => void } {
    // "If the candidate accepts, HR prepares the contract and IT sets up the laptop at the same time": the block is
    // the way's work, split and joined inside it; the choice stays open for its other ways.
    // (An inclusive "and/or" still closes the choice first: its ways meet where the choice's do.)
    const inWay = kind === 'parallel' && this.inBranch && !!this.choice;
    if (!inWay) this.closeChoice();
    this.joinTails(null);
    const fork = this.add(kind, '', null);
    for (const t of this.tails) this.connect(t.from, fork.id, t.label);
    this.tails = [{ from: fork.id }];
    const collected: Tail[] = [];
    return {
      branch: () => {
        collected.push(...this.tails.filter((t) => t.from !== fork.id));
        this.tails = [{ from: fork.id }];
      },
      // An inclusive branch's condition, on the flow into its first step.
      label: (condition: string) => {
        this.tails = [{ from: fork.id, label: condition }];
      },
      done: () => {
        collected.push(...this.tails.filter((t) => t.from !== fork.id));
        this.tails = collected;
        this.joinKind = kind;
        if (inWay) this.joinTails(null);
      },
    };
  }

  /**
   * Where the work just described began: going back over the sentences, the first node of the nearest one whose
   * first step someone named does (what "this procedure" or "meanwhile" refers to).
   */
  blockStart(): string | null {
    for (let i = this.sentences.length - 1; i >= 0; i--) {
      const s = this.sentences[i]!;
      if (s.actor || i === 0) return s.first;
    }
    return null;
  }

  /** The first step of the sentence read last, when it is a task: "This repeats until …" repeats that sentence. */
  /** The first step of the sentence being read, when it opened with a step. */
  sentenceStep(): string | null {
    return this.sentenceFirst && this.node(this.sentenceFirst)?.kind === 'task' ? this.sentenceFirst : null;
  }

  lastSentenceStep(): string | null {
    const first = this.sentences.at(-1)?.first;
    return first && this.node(first)?.kind === 'task' ? first : null;
  }

  /** Called after each sentence: a parallel fork opened by "meanwhile" joins at the next step. */
  finishSentence(): void {
    if (this.sentBack && ++this.sentBack.age > 1) this.sentBack = null;
    if (this.aside && ++this.aside.age > 1) this.aside = null;
    const tried = this.lastTaskId();
    if (this.attemptLimit && tried && this.node(tried)?.kind === 'task') this.attempted = { task: tried, limit: this.attemptLimit };
    this.attemptLimit = null;
    if (this.sentenceFirst) this.sentences.push({ first: this.sentenceFirst, actor: this.sentenceActor });
    if (this.parallelOthers && !this.joinWayFork()) {
      this.closeChoice();
      this.tails = [...this.parallelOthers, ...this.tails];
      this.joinKind = 'parallel';
      this.parallelOthers = null;
      this.parallelFork = null;
    }
  }

  /** The loop a send-back just drew, in the sentence that drew it (age 0) or the one after (age 1). */
  private sentBack: { choice: Choice; index: number; from: string; to: string; age: number } | null = null;

  /** "Returns the form to the applicant": the loop back, which rework told in the next sentence may take up. */
  sendBack(target: string): void {
    const c = this.choice;
    const from = this.inBranch && c && this.tails.length === 1 ? this.tails[0]!.from : null;
    this.loopBack(target, 'again');
    this.sentBack = c && from ? { choice: c, index: this.reopened ?? c.branches.length, from, to: target, age: 0 } : null;
  }

  /**
   * "… is returned to the applicant. The applicant corrects the form and submits it again.": the rework goes on the
   * path that sent the work back, in place of its loop. Returns whether it did.
   */
  resumeSentBack(): boolean {
    const s = this.sentBack;
    this.sentBack = null;
    const loop = s ? this.flows.findIndex((f) => f.from === s.from && f.to === s.to) : -1;
    if (!s || s.age !== 1 || this.choice !== s.choice || loop < 0) return false;
    if (this.inBranch) this.closeBranch();
    this.flows.splice(loop, 1);
    // (The loop taken up is gone: the rework told next draws its own.)
    if (this.lastLoop?.target === s.to) this.lastLoop = null;
    this.tails = [{ from: s.from }];
    this.reopened = s.index;
    this.inBranch = true;
    return true;
  }

  /** The step right before the open choice: what decided it ("Review claim" before "if the receipts are missing"). */
  decidingStep(): string | null {
    const into = this.choice ? this.flows.find((f) => f.to === this.choice!.gateway) : undefined;
    const from = into ? this.node(into.from) : undefined;
    if (from?.kind === 'task') return from.id;
    // "The pipeline runs the tests while the scanner checks the licences. If either check fails, …": after a join the
    // checks that decided are the whole parallel block, so its split is what is done again.
    return from?.kind === 'parallel' ? this.splitOf(from.id) : null;
  }

  /**
   * The labels of the steps that decided the open choice: the step right before it ("Review claim"), or after a join
   * the last step of each way into the join ("Run unit tests", "Scan dependencies").
   */
  decidingLabels(): string[] {
    const into = this.choice ? this.flows.find((f) => f.to === this.choice!.gateway) : undefined;
    const from = into ? this.node(into.from) : undefined;
    if (from?.kind === 'task') return [from.label];
    if (from?.kind !== 'parallel') return [];
    return this.flows.filter((f) => f.to === from.id).map((f) => this.node(f.from)).filter((n) => n?.kind === 'task').map((n) => n!.label);
  }

  /** The parallel split whose ways meet at `join`: the nearest parallel node that every way into the join comes from. */
  private splitOf(join: string): string | null {
    const before = (id: string) => {
      const seen: string[] = [];
      for (let todo = [id]; todo.length; ) {
        const at = todo.shift()!;
        if (seen.includes(at)) continue;
        seen.push(at);
        todo.push(...this.flows.filter((f) => f.to === at).map((f) => f.from));
      }
      return seen;
    };
    const ways = this.flows.filter((f) => f.to === join).map((f) => before(f.from));
    if (ways.length < 2) return null;
    let split = ways[0]!.find((id) => this.node(id)?.kind === 'parallel' && ways.every((w) => w.includes(id)));
    // (A fork told inside a fork is one block: the outermost split starts it.)
    for (let into = this.flows.filter((f) => f.to === split); into.length === 1 && this.node(into[0]!.from)?.kind === 'parallel'; into = this.flows.filter((f) => f.to === split)) split = into[0]!.from;
    return split ?? null;
  }

  /**
   * A step the text implies was done before the choice it opens with ("If the scan is unreadable, rescan it": the
   * scan): drawn between the start and the gateway. Null when a step already leads to the gateway.
   */
  doneBeforeChoice(node: Omit<ModelNode, 'id'>): string | null {
    const into = this.choice ? this.flows.find((f) => f.to === this.choice!.gateway) : undefined;
    if (!into || this.node(into.from)?.kind !== 'start') return null;
    const made: ModelNode = { ...node, id: `task${++this.counter}` };
    this.nodes.splice(this.nodes.indexOf(this.node(into.from)!) + 1, 0, made);
    into.to = made.id;
    this.connect(made.id, this.choice!.gateway);
    return made.id;
  }

  /** The open choice's last condition: what it is about ("the scan is unreadable" → "scan") and its words. */
  lastCondition(): { subject: string; label?: string } | undefined {
    return this.choice?.conditions.at(-1);
  }

  /** The conditions of the open choice's ways so far ("student passed", "student failed"). */
  conditionsNow(): Array<{ subject: string; negated: boolean; label?: string }> {
    return this.choice && !this.choice.elsed ? this.choice.conditions : [];
  }

  /**
   * The condition of the way being drawn at each level of nesting, innermost first (undefined for an "otherwise"
   * way): what a later case may answer.
   */
  waysIn(): Array<{ subject: string; negated: boolean; label?: string } | undefined> {
    if (!this.inBranch || !this.choice) return [];
    const own = (c: Choice) => (c.elsed ? undefined : c.conditions.at(-1));
    return [own(this.choice), ...this.outer.map((o) => own(o.choice)).reverse()];
  }

  /** Closes the `levels` innermost choices, going on inside the way of the one they sat in ("Either way, …"). */
  closeInner(levels = 1): void {
    for (let i = 0; i < levels && this.outer.length; i++) {
      this.closeOne();
      this.resumeOuter();
    }
  }

  /**
   * Leaves the `levels` innermost choices for a way of the one they sat in ("… asks the customer whether to wait. If
   * nothing is in stock, …"): a question asked with "whether" that no case answered is no choice, and goes.
   */
  leaveInner(levels: number): void {
    for (let i = 0; i < levels && this.outer.length; i++) {
      const c = this.choice;
      if (c?.tentative && !c.branches.length && this.inBranch && this.tails.every((t) => t.from === c.gateway)) {
        this.tails = this.flows.filter((f) => f.to === c.gateway).map((f) => ({ from: f.from, label: f.label }));
        this.flows.splice(0, this.flows.length, ...this.flows.filter((f) => f.to !== c.gateway && f.from !== c.gateway));
        this.nodes.splice(this.nodes.findIndex((n) => n.id === c.gateway), 1);
        this.restoreOuter();
      } else {
        this.closeOne();
        this.resumeOuter();
      }
    }
  }

  /** Whether a choice is being drawn inside a way of another. */
  nestedNow(): boolean {
    return this.outer.length > 0;
  }

  /** Loop back to an earlier node: inside a branch the branch simply returns; elsewhere a choice decides. */
  loopBack(target: string, label = 'repeat'): void {
    // ("If either check fails, …": back to a parallel block's split, through an exclusive merge in front of it, as an
    // AND split with two ways in would wait for both.)
    if (this.node(target)?.kind === 'parallel' && this.tails.length) target = this.mergeBefore(target);
    if (this.inBranch) {
      const made = this.flows.length;
      for (const t of this.tails) this.connect(t.from, target, t.label);
      this.loops.push(...this.flows.slice(made));
      this.tails = [];
      if (this.choice) this.lastLoop = { flows: this.flows.slice(made), target, choice: this.choice };
      if (this.attemptLimit) this.countAttempts(this.attemptLimit);
      return;
    }
    this.closeChoice();
    this.joinTails(null);
    const g = this.add('exclusive', '', null);
    for (const t of this.tails) this.connect(t.from, g.id, t.label);
    this.connect(g.id, target, label);
    this.loops.push(this.flows.at(-1)!);
    this.tails = [{ from: g.id, label: 'done' }];
  }

  /** An exclusive merge in front of `id`, made once: the flows into `id` go to it. */
  private mergeBefore(id: string): string {
    const into = this.flows.filter((f) => f.to === id);
    const before = into.length === 1 ? this.node(into[0]!.from) : undefined;
    if (before?.kind === 'exclusive' && this.flows.filter((f) => f.from === before.id).length === 1) return before.id;
    const merge: ModelNode = { id: `exclusive${++this.counter}`, kind: 'exclusive', label: '', actor: null };
    this.nodes.splice(this.nodes.findIndex((n) => n.id === id), 0, merge);
    for (const f of into) f.to = merge.id;
    this.connect(merge.id, id);
    return merge.id;
  }

  /** "Repeat until the numbers match": back to the step while the condition fails, on once it holds. */
  loopUntil(target: string, condition: string): void {
    if (!this.leavesLoop()) this.loopBack(target, 'not yet');
    for (const t of this.tails) if (t.label === 'done') t.label = condition || 'done';
  }

  /** The work just went round a loop and leaves it ("they go back and forth" … "until they agree" names the way out). */
  leavesLoop(): boolean {
    return this.tails.length === 1 && this.tails[0]!.label === 'done' && this.loops.some((f) => f.from === this.tails[0]!.from);
  }

  /**
   * "The clerk can accept the application. The clerk can also reject it.": the refusal is the other branch of a choice
   * before the step just drawn, ending by name; the work carries on from that step.
   */
  alternativeTo(last: string, make: () => void, endLabel: string, ways?: [string, string]): void {
    const g = this.add('exclusive', '', null);
    for (const f of this.flows) if (f.to === last) f.to = g.id;
    this.connect(g.id, last, ways?.[0]);
    const main = this.tails;
    this.tails = [{ from: g.id, label: ways?.[1] }];
    this.inBranch = true;
    make();
    this.inBranch = false;
    this.endHere(endLabel);
    this.aside = { end: this.nodes.findLast((n) => n.kind === 'end')!.id, age: 0 };
    this.tails = main;
  }

  /** The end alternativeTo drew, in the sentence that drew it (age 0) or the one after: "in any case …" undoes it. */
  private aside: { end: string; age: number } | null = null;

  /** The loop drawn last inside a branch, with no step after it yet: an attempt limit may count its rounds. */
  private lastLoop: { flows: ModelFlow[]; target: string; choice: Choice } | null = null;
  /** The step the open choice's branch just looped back to, with no step drawn since ("… who fix them. QA then retests."). */
  justLoopedTo(): string | null {
    return this.lastLoop?.target ?? null;
  }
  /** "up to three attempts" in the sentence being read: the loop it draws counts them. */
  private attemptLimit: AttemptLimit | null = null;

  /** "tries again, up to three attempts": the next loop the sentence draws counts its attempts. */
  limitNextLoop(limit: AttemptLimit): void {
    this.attemptLimit = limit;
    if (this.lastLoop?.choice === this.choice) this.countAttempts(limit);
  }

  /**
   * "After the third failed attempt the account is locked": what follows goes on the way out of the counted loop —
   * counting the loop just drawn if no limit did yet. Returns whether there was such a loop.
   */
  exhaustAttempts(limit: AttemptLimit): boolean {
    if (this.choice?.counts && this.inBranch) return true;
    if (this.countAttempts(limit)) return true;
    // "The courier makes up to three delivery attempts. If all attempts fail, …": the loop the limit implied.
    const tried = this.attempted;
    if (!tried || this.inBranch || this.lastTaskId() !== tried.task) return false;
    this.openBranch('attempt failed', '', false);
    this.loopBack(tried.task, 'again');
    return this.countAttempts(tried.limit.count ? tried.limit : limit);
  }

  /** A step tried a number of times that no loop took up yet ("makes up to three delivery attempts"). */
  private attempted: { task: string; limit: AttemptLimit } | null = null;

  /**
   * The loop just drawn in this branch goes through a gateway on the count: back while attempts are left ("fewer than
   * 3 attempts"), else on a way of its own ("3 attempts failed") that ends once its steps are done, named for the
   * branch's end ("Backup failed") or for its last step ("Account locked").
   */
  private countAttempts(limit: AttemptLimit): boolean {
    this.attemptLimit = null;
    const loop = this.lastLoop;
    if (!loop || loop.choice !== this.choice || !this.inBranch || this.tails.length) return false;
    this.lastLoop = null;
    const g = this.add('exclusive', '', null);
    for (const f of loop.flows) f.to = g.id;
    const conditions = countConditions(limit);
    this.connect(g.id, loop.target, conditions.left);
    const end = this.branchEnd ?? '';
    this.nest();
    this.choice = { gateway: g.id, branches: [[]], conditions: [], tentative: false, steps: [], ends: new Map([[1, end]]), counts: true };
    this.tails = [{ from: g.id, label: conditions.used }];
    this.inBranch = true;
    return true;
  }

  /** "In both cases …", "Either way …": every way of the open choice meets at the next step, a refusal's too. */
  rejoinEnds(): void {
    const into = this.aside && this.flows.find((f) => f.to === this.aside!.end);
    if (!this.choice && into && this.node(this.aside!.end)?.kind === 'end') {
      this.flows.splice(this.flows.indexOf(into), 1);
      this.nodes.splice(this.nodes.indexOf(this.node(this.aside!.end)!), 1);
      this.tails.push({ from: into.from });
    }
    this.aside = null;
    if (!this.choice) return;
    if (this.inBranch) {
      this.branchEnd = null;
      this.branchTold = null;
    }
    this.choice.ends.clear();
    this.choice.told?.clear();
  }

  /** "The process ends": honoured when the branch closes (or at the end of the text). */
  markEnd(): void {
    if (this.inBranch) this.pendingEnd = true;
  }

  /**
   * "If the request is rejected, …": the branch ends in its own named end event once its steps are done, unless the
   * text sends the work back (a loop empties the branch first).
   */
  endBranchAs(label: string): void {
    // The first name stays: "if the payment fails, the shop cancels the order" ends as "Payment failed".
    if (this.inBranch) this.branchEnd ??= label;
  }

  private branchEnd: string | null = null;

  /**
   * "If the claim is not covered, the officer informs the customer": on an adverse condition, telling the served party
   * is the outcome — the branch ends by that name when the choice closes, if another way carries on and no later step
   * of the branch does.
   */
  toldOutcome(label: string): void {
    if (this.inBranch && this.branchAdverse) this.branchTold = label;
  }

  private branchTold: string | null = null;

  /** The open branch already ends by what the served party was told ("informs the client and closes the file"). */
  toldInBranch(): boolean {
    return this.inBranch && !!this.branchTold;
  }
  /** The open branch's condition says the work cannot go on as asked ("if documents are missing"). */
  adverseBranch(): boolean {
    return this.inBranch && this.branchAdverse;
  }
  /** The open branch's condition says the work cannot go on as asked. */
  private branchAdverse = false;

  /**
   * "If changes are needed, the designer revises the draft": once the branch's steps are done, the work goes back to
   * `target` (the check) — unless the branch ends or loops by itself first.
   */
  returnAfterBranch(target: string): void {
    if (!this.inBranch) return;
    this.branchReturn = target;
    // "If the tests fail, the developer fixes the bug": the mended failure does not end the branch.
    this.branchEnd = null;
  }

  private branchReturn: string | null = null;

  /**
   * "If either check fails, the developer fixes the code. The developer pushes again, …": work done again right after
   * a repair that goes back to its check is that way told on; it stays open. Returns whether it did.
   */
  goesOnMending(): boolean {
    return this.inBranch && !!this.branchReturn;
  }

  /** A path's end named for what its last step achieved ("Claim escalated"); unnamed after anything but a task. */
  private outcome(tails: Tail[]): string {
    const last = tails.length === 1 ? this.node(tails[0]!.from) : undefined;
    return last?.kind === 'task' ? outcomeName(last.label) : '';
  }

  /** Nothing follows: a timer's path that would go on with the work ends by name instead. */
  private finishing = false;

  textEnds(): void {
    this.finishing = true;
  }

  private endHere(label = ''): void {
    if (!this.tails.length) return;
    const end = this.add('end', label, null);
    this.joinTails(null);
    for (const t of this.tails) this.connect(t.from, end.id, t.label);
    this.tails = [];
    this.pendingEnd = false;
  }

  /** Closes everything and adds the final end event, named when the text says what the process achieves. */
  finish(outcome = ''): { nodes: ModelNode[]; flows: ModelFlow[] } {
    this.textEnds();
    if (this.inBranch) this.closeBranch();
    this.closeChoice();
    this.endHere(outcome);
    flattenParallel(this.nodes, this.flows);
    return { nodes: this.nodes, flows: this.flows };
  }

  findTask(predicate: (n: ModelNode) => boolean): ModelNode | undefined {
    return this.nodes.find((n) => n.kind === 'task' && predicate(n));
  }

  tasks(): ModelNode[] {
    return this.nodes.filter((n) => n.kind === 'task');
  }
}
