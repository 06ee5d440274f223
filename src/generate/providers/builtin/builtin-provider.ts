// The builtin provider: rule-based reading of English process descriptions into a ProcessModel. Offline, deterministic.
import type { ModelNode, ProcessModel, TaskType } from '../../model.ts';
import { GenerationError, type GenerationInput, type GenerationProvider } from '../../provider.ts';
import { labelFor, readClause, readPhrase, taskTypeFor, verbBase, type Phrase, type Reading } from './activities.ts';
import { ActorRegistry, isSystemName, type Actor } from './actors.ts';
import { namesSomeone } from './agents.ts';
import { classify, splitClauses, type Clause } from './clauses.ts';
import { applyCase, applyTerms, preferredActorName, readContexts, readSpeaker, type ContextHints } from './context.ts';
import { FlowBuilder } from './control-flow.ts';
import { assertReadable } from './readability.ts';
import { readSentences, type Token } from './tokens.ts';

// Verbs that describe a state or a relation rather than a step someone takes.
const NON_ACTIVITY_VERBS = new Set([
  'be', 'have', 'seem', 'become', 'exist', 'include', 'contain', 'consist', 'happen', 'mean', 'belong', 'depend', 'remain',
  'appear', 'serve', 'act', 'play', 'see', 'like', 'want', 'hope', 'occur', 'apply', 'cost', 'concern', 'matter', 'achieve',
]);
const END_VERBS = new Set(['end', 'finish', 'stop', 'terminate', 'conclude', 'close', 'complete']);
const START_VERBS = new Set(['start', 'begin', 'initiate', 'commence', 'trigger', 'create', 'instantiate', 'open']);
const PROCESS_WORDS = new Set(['process', 'procedure', 'instance', 'workflow', 'case', 'transaction']);
const SEND_VERBS = new Set(['send', 'forward', 'pass', 'hand', 'give', 'submit', 'transmit', 'return', 'deliver', 'mail', 'email', 'post']);
const LOOP_VERBS = new Set(['repeat', 'redo', 'reiterate']);
const GENERIC_WORDS = new Set(['procedure', 'process', 'step', 'activity', 'task', 'this', 'it', 'item', 'each', 'thing']);

interface ReadState {
  actor: Actor | null;
  /** The last thing (not person) mentioned, for "it"/"this". */
  thing: Phrase | null;
  /** The last person-like phrase outside the subject, for "who". */
  candidate: Phrase | null;
  speaker: Actor | null;
}

export class BuiltinProvider implements GenerationProvider {
  readonly name = 'builtin';
  readonly modelName = 'builtin-1';

  async describe(input: GenerationInput, warnings: string[]): Promise<ProcessModel> {
    return describeProcess(input, warnings);
  }
}

export function describeProcess(input: GenerationInput, warnings: string[]): ProcessModel {
  const hints = readContexts(input.contexts);
  warnings.push(...hints.warnings);
  const text = normalise(input.prompt);
  const sentences = readSentences(text);
  assertReadable(sentences);

  const rename = (name: string) => applyTerms(preferredActorName(name, hints.actors), hints.terms);
  const actors = new ActorRegistry(rename);
  const speakerName = (readSpeaker(text) ?? hints.speaker)?.replace(/\b(the|a|an)\s+/gi, '') ?? null;
  const state: ReadState = { actor: null, thing: null, candidate: null, speaker: speakerName ? actors.named(titleCase(speakerName)) : null };
  const builder = new FlowBuilder();
  const reader = new SentenceReader(builder, actors, state, hints);

  for (const sentence of sentences) {
    builder.startSentence();
    reader.read(splitClauses(sentence));
    builder.finishSentence();
  }
  const { nodes, flows } = builder.finish();
  reader.dropHandoversToActors();
  if (!nodes.some((n) => n.kind === 'task')) {
    throw unreadable('No steps could be read from the description: say who does what, with one action per clause (for example "The clerk checks the invoice").');
  }
  return { name: input.name?.trim() || nameProcess(nodes), actors: actors.modelActors(), nodes, flows };
}

/** "Order process": named after what its steps handle most (the first such word on a tie). */
function nameProcess(nodes: ModelNode[]): string {
  const counts = new Map<string, number>();
  for (const n of nodes) {
    if (n.kind !== 'task') continue;
    for (const word of n.label.split(' ').slice(1)) {
      const w = word.toLowerCase();
      if (w.length < 3 || ['of', 'for', 'to', 'with', 'about', 'into', 'on', 'in', 'at', 'whether', 'and'].includes(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  let best = '';
  for (const [w, c] of counts) if (c > (counts.get(best) ?? 0)) best = w;
  if (!best) return 'Process';
  const singular = best.replace(/ies$/, 'y').replace(/([^s])s$/, '$1');
  return `${singular.charAt(0).toUpperCase()}${singular.slice(1)} process`;
}

function unreadable(message: string): GenerationError {
  return new GenerationError('unreadable', message);
}

function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).replace(/^the\s+/i, '');
}

/** Drops list markers and parentheticals that would otherwise read as words. */
function normalise(text: string): string {
  return text
    .replace(/\r/g, '')
    .replace(/(^|\s)(?:[a-z]|\d{1,2}|[ivx]{1,4})\)\s/g, '$1')
    .replace(/^\s*(?:[-*•]|\d+\.)\s+/gm, '')
    .replace(/(^|[.!?:]\s+)step\s+\d+\s*[:.)-]\s*/gi, '$1')
    .replace(/\((?:i\.e\.|e\.g\.|for example)[^)]*\)/gi, '')
    // A short aside in brackets ("(types of action)", "(PPS)") is not part of the sentence's grammar.
    .replace(/\s*\((?:[^()\s]+\s?){1,8}\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const CONNECTIVE_WORDS = new Set([
  'if', 'when', 'whenever', 'once', 'after', 'before', 'then', 'otherwise', 'else', 'while', 'until', 'unless', 'whether',
  'meanwhile', 'meantime', 'and', 'or', 'but', 'first', 'finally', 'afterwards', 'subsequently', 'next', 'also', 'so', 'thus',
  'simultaneously', 'concurrently', 'whereas',
]);
const CONNECTIVE_PHRASES = ['in the latter case', 'in the former case', 'in the meantime', 'at the same time', 'in parallel', 'in case of', 'in case', 'at the end', 'as soon as', 'in addition', 'at this point', 'after that', 'if not', 'or else', 'in any case', 'in all other cases', 'in any other case', 'in the other case'];

/** The clause without the connective words that opened it. */
function stripConnective(tokens: Token[]): Token[] {
  let i = 0;
  for (let guard = 0; guard < 4; guard++) {
    while (i < tokens.length && (tokens[i]!.pos === 'PUNCT' || CONNECTIVE_WORDS.has(tokens[i]!.lower))) i++;
    const rest = tokens.slice(i).map((t) => t.lower).join(' ');
    const phrase = CONNECTIVE_PHRASES.find((p) => rest === p || rest.startsWith(p + ' '));
    if (!phrase) break;
    i += phrase.split(' ').length;
  }
  return tokens.slice(i);
}

/** The condition as a short phrase; a leading pronoun becomes the thing it points at ("they in stock" → "items in stock"). */
function conditionLabel(tokens: Token[], thing: Phrase | null = null): string {
  const words = stripConnective(tokens)
    .filter((t) => t.pos !== 'DET' && t.pos !== 'PUNCT' && !(t.pos === 'AUX' && ['is', 'are', 'be', 'been', 'was', 'were', 'has', 'have', 'does', 'do', 'will'].includes(t.lower)))
    .map((t) => (t.pos === 'PROPN' ? t.text : t.lower));
  if (thing && ['it', 'they', 'this', 'these'].includes(words[0] ?? '')) words.splice(0, 1, ...thing.words.slice(-2).map((w) => (w.pos === 'PROPN' ? w.text : w.lower)));
  return words.slice(0, 6).join(' ');
}

function stemOf(word: string): string {
  return word.toLowerCase().replace(/(ies)$/, 'y').replace(/(ing|ed|es|s)$/, '');
}

class SentenceReader {
  constructor(
    private readonly builder: FlowBuilder,
    private readonly actors: ActorRegistry,
    private readonly state: ReadState,
    private readonly hints: ContextHints,
  ) {}

  read(input: Clause[]): void {
    const clauses = conditionsFirst(input);
    let whileFork: { branch: () => void; done: () => void } | null = null;
    let previous: { reading: Reading; actor: Actor | null } | null = null;
    let whetherLabel = '';
    // A sentence that opens with a plain step carries on after any choice the previous sentences left open.
    const opening = clauses[0]?.role;
    if (opening === 'plain' || opening === 'parallel' || opening === 'while' || opening === 'purpose') this.builder.closeChoice();
    for (let k = 0; k < clauses.length; k++) {
      const c = clauses[k]!;
      const content = stripConnective(c.tokens);
      const reading = readClause(content);
      switch (c.role) {
        case 'condition': {
          // Any verb of the condition may name the outcome ("if the request is asked to make a change").
          const outcome = content.filter((t) => t.pos === 'VERB').map(verbBase);
          if (!reading.negated && outcome.some((v) => this.builder.reopenBranchFor(v))) continue;
          // "If so, …" has no subject of its own: it is about whatever was just asked. "In case of rejection": the noun.
          const bare = stripConnective(c.tokens);
          const subject =
            reading.subject?.head.lemma ??
            (reading.subjectPronoun || bare.every((t) => ['so', 'yes', 'true'].includes(t.lower)) ? 'it' : (readPhrase(bare, 0).phrase?.head.lemma ?? ''));
          const label = conditionLabel(c.tokens, this.state.thing);
          this.builder.openBranch(label || 'yes', subject, reading.negated || /\bno\b/.test(label));
          this.noteThing(reading);
          continue;
        }
        case 'alternative': {
          const opening = c.tokens.map((t) => t.lower).join(' ');
          if (opening.startsWith('in the latter case')) this.builder.reopenBranch(-1);
          else this.builder.openElse(opening.startsWith('if not') || opening.startsWith('if this') || opening.startsWith('if that') ? 'no' : 'otherwise');
          break;
        }
        case 'former':
          this.builder.reopenBranch(0);
          break;
        case 'parallel':
          this.builder.forkAlongsidePrevious();
          break;
        case 'while': {
          const task = this.taskFrom(reading, c, previous);
          // "While the reviewers evaluate the proposal, …" after that very step: fork alongside it.
          const ongoing = task && this.builder.tasks().slice(-2).some((n) => n.label === task.label);
          if (task && !ongoing) {
            whileFork = this.builder.forkHere();
            this.emit(task);
            whileFork.branch();
          } else {
            this.builder.forkAlongsidePrevious();
          }
          continue;
        }
        case 'until': {
          const target = this.builder.lastTaskId();
          if (target) this.builder.loopBack(target, 'not yet');
          continue;
        }
        case 'whether': {
          // The decision's first branch holds what the sentence goes on to say; "or if …" opens the other.
          this.builder.openBranch(conditionLabel(content.slice(content.findIndex((t) => t.lower === 'whether') + 1)) || 'yes', 'it', false, true);
          continue;
        }
        case 'purpose':
          continue;
        default:
          break;
      }
      // Alternatives joined by "or" in one sentence: each is a branch of one choice.
      const group: Array<{ clause: Clause; reading: Reading }> = [{ clause: c, reading }];
      while (clauses[k + 1]?.orWithPrevious && classify(clauses[k + 1]!.tokens) === 'plain') {
        const next = clauses[++k]!;
        group.push({ clause: next, reading: readClause(stripConnective(next.tokens)) });
      }
      if (group.length > 1) {
        // "reject or accept the order": the first verb borrows the last one's object.
        const lastObject = group[group.length - 1]!.reading.object;
        const tasks = group.map((g) => {
          if (!g.reading.object && !g.reading.prep && lastObject && !g.reading.passive) g.reading.object = lastObject;
          const t = this.taskFrom(g.reading, g.clause, previous);
          previous = { reading: g.reading, actor: t ? t.actor : this.state.actor };
          return t;
        });
        const real = tasks.filter((t): t is PlannedTask => t !== null);
        if (real.length > 1) this.builder.alternatives(real.map((t) => () => this.emit(t)), real.map((t) => t.label.split(' ')[0]!.toLowerCase()));
        else if (real.length === 1) this.emit(real[0]!);
        continue;
      }
      // "Both the assessor and the clerk prepare a report": the same step by each, at the same time.
      if (reading.both && reading.coSubjects.length && reading.subject) {
        const tasks = [reading.subject, ...reading.coSubjects].map((subject) => this.taskFrom({ ...reading, subject, coSubjects: [] }, c, previous));
        const real = tasks.filter((t): t is PlannedTask => t !== null);
        if (real.length > 1) {
          const fork = this.builder.forkHere();
          for (const t of real) {
            this.emit(t);
            fork.branch();
          }
          fork.done();
          continue;
        }
      }
      // "The clerk both checks the invoice and files the receipt": both steps at once.
      if (reading.both && clauses[k + 1]?.sharesSubject && !clauses[k + 1]!.orWithPrevious) {
        const first = this.taskFrom(reading, c, previous);
        const next = clauses[++k]!;
        const secondReading = readClause(stripConnective(next.tokens));
        const second = this.taskFrom(secondReading, next, { reading, actor: first?.actor ?? this.state.actor });
        const real = [first, second].filter((t): t is PlannedTask => t !== null);
        const fork = real.length > 1 ? this.builder.forkHere() : null;
        for (const t of real) {
          this.emit(t);
          fork?.branch();
        }
        fork?.done();
        previous = { reading: secondReading, actor: second?.actor ?? first?.actor ?? this.state.actor };
        continue;
      }
      // "reject … or accept the order" split across clauses still shares the object when the verb has none.
      // "checks whether the items are in stock": what is checked is what the question is about.
      if (!reading.object && !reading.prep && reading.verb && clauses[k + 1]?.role === 'whether') {
        const question = readClause(stripConnective(clauses[k + 1]!.tokens));
        if (question.subject && !namesSomeone(question.subject)) reading.object = question.subject;
        else whetherLabel = conditionLabel(stripConnective(clauses[k + 1]!.tokens).slice(1), this.state.thing);
      }
      if (!reading.object && !reading.prep && !reading.recipient && clauses[k + 1]?.sharesSubject) {
        const nextReading = readClause(stripConnective(clauses[k + 1]!.tokens));
        if (nextReading.object && reading.verb && !reading.passive) reading.object = nextReading.object;
      }
      const task = this.taskFrom(reading, c, previous);
      previous = { reading, actor: task ? task.actor : this.state.actor };
      // "decides whether a technician is needed": the question is the step's object.
      if (task && whetherLabel && task.label.split(' ').length === 1) {
        task.label = `${task.label} whether ${whetherLabel}`.split(' ').slice(0, 6).join(' ');
      }
      whetherLabel = '';
      if (task) this.emit(task);
    }
    whileFork?.done();
  }

  private noteThing(r: Reading): void {
    if (r.copula && r.object && !namesSomeone(r.object)) this.state.thing = r.object;
    else if (r.subject && !namesSomeone(r.subject)) this.state.thing = r.subject;
    else if (r.object && r.object.head.pos !== 'PRON' && !namesSomeone(r.object)) this.state.thing = r.object;
  }

  /** Who acts in this clause, updating the current actor. */
  private actorOf(r: Reading, c: Clause, previous: { reading: Reading; actor: Actor | null } | null): Actor | null {
    if (c.sharesSubject && previous) return previous.actor;
    if (r.passive) {
      if (r.agent && this.actors.canAct(r.agent) && !r.agent.words.some((w) => w.pos === 'NUM') && !['email', 'mail', 'post', 'phone', 'fax', 'hand'].includes(r.agent.head.lemma)) {
        return (this.state.actor = this.actors.resolve(r.agent));
      }
      return null;
    }
    if (c.relative || r.subjectPronoun === 'who') {
      if (this.state.candidate) return (this.state.actor = this.actors.resolve(this.state.candidate));
      return this.state.actor;
    }
    const p = r.subjectPronoun;
    if (p === 'i' || p === 'we') return this.state.speaker ? (this.state.actor = this.state.speaker) : null;
    if (p === 'you') return null;
    if (p) return this.state.actor;
    if (r.subject && this.actors.canAct(r.subject, !!r.object)) return (this.state.actor = this.actors.resolve(r.subject));
    if (!r.subject) return c.sharesSubject ? this.state.actor : null;
    return null;
  }

  private taskFrom(r: Reading, c: Clause, previous: { reading: Reading; actor: Actor | null } | null): PlannedTask | null {
    if (!r.verb || r.negated) {
      // "The quality manager is responsible for …": no step here, but "he" in the next sentence means them.
      if (r.copula && r.subject && this.actors.canAct(r.subject)) this.state.actor = this.actors.resolve(r.subject);
      this.noteThing(r);
      return null;
    }
    if (c.sharesSubject && previous?.reading.passive && !r.object && /(ed|en|t)$/.test(r.verb.lower)) {
      r.passive = true;
      r.subject ??= previous.reading.subject;
      r.subjectPronoun ??= previous.reading.subjectPronoun;
    }
    const base = verbBase(r.verb);
    const subjectHead = r.subject?.head.lemma ?? '';
    const objectHead = r.object?.head.lemma ?? '';
    const aboutProcess = PROCESS_WORDS.has(r.passive ? subjectHead : objectHead) || (PROCESS_WORDS.has(subjectHead) && !r.object);
    if (END_VERBS.has(base) && (aboutProcess || PROCESS_WORDS.has(subjectHead))) {
      this.builder.markEnd();
      return null;
    }
    // "the review starts again": the step named is done once more.
    if ((START_VERBS.has(base) && r.adverbs.includes('again')) || base === 'restart') {
      const target = this.earlierTask([r.subject, r.object])?.id ?? this.builder.blockStart();
      if (target) this.builder.loopBack(target, 'again');
      return null;
    }
    if (START_VERBS.has(base) && (PROCESS_WORDS.has(subjectHead) || PROCESS_WORDS.has(objectHead))) return null;
    if (NON_ACTIVITY_VERBS.has(base)) {
      // "Underwriters act as …" names no step, but "they" in the next sentence means them.
      if (r.subject && !r.passive && this.actors.canAct(r.subject)) this.state.actor = this.actors.resolve(r.subject);
      this.noteThing(r);
      return null;
    }
    // "A position opens": something happening to a thing is a trigger, not a step.
    if (!r.object && !r.prep && !r.recipient && !r.particle && !r.passive && r.subject && !namesSomeone(r.subject) && !c.sharesSubject && r.subject.head.pos !== 'PROPN') {
      this.noteThing(r);
      return null;
    }
    // "Based on the plan, …": a participle with no subject and no auxiliary is an adverbial, not a step.
    if (!r.subject && !r.subjectPronoun && !r.passive && !c.sharesSubject && !c.relative && /ed$/.test(r.verb.lower) && r.verb.lower !== base) {
      return null;
    }
    // "All of this must be completed by 2 pm": a deadline on earlier steps.
    if (r.passive && ['complete', 'finish', 'do', 'achieve', 'perform', 'handle'].includes(base) && (r.subjectPronoun || r.subject?.of?.head.pos === 'PRON' || r.subject?.head.lemma === 'all')) {
      return null;
    }
    const actor = this.actorOf(r, c, previous);
    // The thing acted on: the object, or in the passive the subject; pronouns point at the last thing named.
    let object: Phrase | null = r.passive ? r.subject : r.object;
    const pronoun = r.passive ? r.subjectPronoun : r.object?.head.pos === 'PRON' ? r.object.head.lower : null;
    if (pronoun && ['it', 'this', 'that', 'them', 'which', 'they', 'these', 'those'].includes(pronoun)) object = this.state.thing ?? (r.passive ? null : object);
    if (object?.head.pos === 'PRON' && ['him', 'her'].includes(object.head.lower)) object = this.state.candidate;
    else if (object?.head.pos === 'PRON' && !['everything', 'something', 'anything'].includes(object.head.lower)) object = this.state.thing;
    // "… and send to account management": the object is the thing just handled.
    if (!object && !r.passive && r.recipient && namesSomeone(r.recipient) && this.state.thing && SEND_VERBS.has(base)) object = this.state.thing;
    if (['do', 'perform', 'handle', 'carry'].includes(base) && r.passive && pronoun && actor) {
      const last = this.builder.tasks().at(-1);
      if (last) {
        last.actor = actor.id;
        this.actors.markUsed(actor);
      }
      return null;
    }
    // "the process goes back to the review", "go back to the check": a loop to the step named.
    const goesBack = (base === 'go' && r.particle?.lower === 'back') || (PROCESS_WORDS.has(subjectHead) && ['go', 'return', 'jump', 'loop'].includes(base));
    if (goesBack && r.recipient) {
      const target = this.earlierTask([r.recipient])?.id ?? this.builder.blockStart();
      if (target) {
        this.builder.loopBack(target, 'again');
        return null;
      }
    }
    if (LOOP_VERBS.has(base)) {
      const target = this.earlierTask([object, r.prep?.phrase ?? null])?.id ?? this.builder.blockStart();
      if (target) this.builder.loopBack(target, 'repeat');
      return null;
    }
    const label = labelFor(r, object);
    if (!label) return null;
    if (r.adverbs.includes('again')) {
      const earlier = this.builder.findTask((n) => n.label.toLowerCase() === label.toLowerCase());
      if (earlier) {
        this.builder.loopBack(earlier.id, 'again');
        return null;
      }
    }
    if (object && object.head.pos !== 'PRON' && !namesSomeone(object)) this.state.thing = object;
    for (const p of [r.recipient, r.object, r.prep?.phrase ?? null, r.agent]) {
      if (p && p.head.pos !== 'PRON' && this.actors.canAct(p) && namesSomeone(p)) this.state.candidate = p;
    }
    const type: TaskType = taskTypeFor(r, actor ? isSystemName(actor.name) : false);
    const receiver = this.receiverOf(r, base, actor);
    const told = TELL_VERBS.has(base) ? (r.prep?.phrase ?? null) : object;
    const handover = receiver ? { actor: receiver, label: told ? handoverLabel(told) : (TOLD_LABELS[base] ?? 'Message received') } : null;
    return { label: applyCase(applyTerms(label, this.hints.terms), this.hints.labelCase), actor, type, handover };
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

  private readonly handovers: Array<{ node: string; actor: Actor }> = [];

  private emit(task: PlannedTask): void {
    if (task.actor) this.actors.markUsed(task.actor);
    this.builder.appendTask({ kind: 'task', label: task.label, actor: task.actor?.id ?? null, taskType: task.type });
    if (task.handover) {
      const event = this.builder.appendTask({ kind: 'intermediate', label: task.handover.label, actor: task.handover.actor.id, eventType: 'message' });
      this.handovers.push({ node: event.id, actor: task.handover.actor });
    }
  }

  /**
   * A hand-over to someone with no steps of their own shows as a message arriving in their lane; to someone who
   * acts, the flow into their lane already says it.
   */
  dropHandoversToActors(): void {
    for (const h of this.handovers) {
      // "the service desk" when "the service desk agent" acts: the hand-over reaches someone with a lane.
      const within = this.actors.actors.some((a) => a !== h.actor && this.actors.isUsed(a) && h.actor.key.every((k) => a.key.includes(k)));
      if (this.actors.isUsed(h.actor) || within) this.builder.bypass(h.node);
      else this.actors.markUsed(h.actor);
    }
  }
}

// Verbs that pass something to someone; with TELL_VERBS the person told is the object.
const HANDOVER_VERBS = new Set(['send', 'forward', 'pass', 'hand', 'give', 'submit', 'transmit', 'return', 'deliver', 'mail', 'email', 'post', 'report', 'inform', 'notify', 'advise', 'tell', 'ship', 'offer', 'resell', 'sell', 'provide', 'present']);
const TELL_VERBS = new Set(['inform', 'notify', 'advise', 'tell']);
const TOLD_LABELS: Record<string, string> = { inform: 'Information received', notify: 'Notification received', advise: 'Advice received' };

function handoverLabel(object: Phrase | null): string {
  if (!object || object.head.pos === 'PRON') return 'Message received';
  const words = object.words.slice(-3).map((w) => (w.pos === 'PROPN' ? w.text : w.lower));
  const label = `${words.join(' ')} received`;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * "The loan is granted if the risk is low": a condition after its consequence is read first, so the consequence
 * becomes its branch.
 */
function conditionsFirst(clauses: Clause[]): Clause[] {
  const out = [...clauses];
  for (let k = 0; k < out.length - 1; k++) {
    const [main, cond] = [out[k]!, out[k + 1]!];
    if (main.role === 'plain' && cond.role === 'condition' && main.tokens.some((t) => t.pos === 'VERB')) {
      out[k] = cond;
      out[k + 1] = main;
      k++;
    }
  }
  return out;
}

interface PlannedTask {
  label: string;
  actor: Actor | null;
  type: TaskType;
  handover: { actor: Actor; label: string } | null;
}
