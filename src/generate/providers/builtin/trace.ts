// The verb trace: what became of every verb of the text — the task it made, or the named reason it made none.
import { findVerbGroup } from './subject.ts';
import type { Sentence, Token } from './tokens.ts';

/** Why a verb made no task. 'unread' means no rule looked at it: a step may be missing. */
export type SkipReason =
  | 'condition' // inside a condition or a decision's question ("if the employee needs a visa")
  | 'trigger' // the event that starts the process ("when a new employee joins")
  | 'title' // the diagram's name or a "create a diagram for …" request
  | 'explanation' // an explanatory, meta or example sentence
  | 'state' // a state, relation or intention (be, have, seem, want, apply …)
  | 'negated' // "does not pay"
  | 'wait' // a wait or a completion: an event, not a task
  | 'happening' // something happening to a thing ("a position opens")
  | 'adverbial' // a participle with no subject ("Based on …")
  | 'deadline' // "must be completed by 2 pm"
  | 'process-end' // "the process ends"
  | 'process-start' // "the process starts"
  | 'loop' // "is repeated", "goes back to", "again": a flow back, not a new task
  | 'restatement' // the same step said again
  | 'lane-change' // "is done by X": the previous step's lane
  | 'purpose' // "so that …", "in order to …"
  | 'modifier' // a participle describing a noun ("the attached documents")
  | 'catenative' // "tries to", "has to": the verb after it carries the step
  | 'complement' // an infinitive or gerund inside the object ("asks the customer to sign")
  | 'no-label' // the label gate refused what the clause yielded (a warning says so)
  | 'unread';

export interface VerbAccount {
  /** The verb as written. */
  verb: string;
  /** Sentence number (0-based) and the sentence's text, to find it. */
  sentence: number;
  text: string;
  /** The task node's id, or null when skipped. */
  task: string | null;
  skip: SkipReason | null;
}

export class VerbTrace {
  private readonly outcomes = new Map<Token, { task: string } | { skip: SkipReason }>();

  /** Further tasks one verb made ("offers one or more of: A, B" makes "Offer A" and "Offer B"). */
  private readonly more = new Map<Token, string[]>();

  task(verb: Token | null, id: string): void {
    if (!verb) return;
    const had = this.outcomes.get(verb);
    if (!had) this.outcomes.set(verb, { task: id });
    else if ('task' in had && had.task !== id) this.more.set(verb, [...(this.more.get(verb) ?? []), id]);
  }

  /** The verb that made a task. */
  verbOf(id: string): Token | null {
    for (const [verb, o] of this.outcomes) if ('task' in o && o.task === id) return verb;
    return null;
  }

  skip(verb: Token | null, reason: SkipReason): void {
    if (verb && !this.outcomes.has(verb)) this.outcomes.set(verb, { skip: reason });
  }

  /** Every verb of a stretch of tokens (a condition, a title) skipped for one reason. */
  skipAll(tokens: Token[], reason: SkipReason): void {
    for (const t of tokens) if (t.pos === 'VERB') this.skip(t, reason);
  }

  /**
   * The verbs of a clause other than its main one: those before the verb group describe the subject, those in it
   * are catenatives, those after it sit inside the object or a complement. The main verb is left to the planner.
   */
  clause(tokens: Token[], main: Token | null): void {
    const start = findVerbGroup(tokens);
    const at = main ? tokens.indexOf(main) : -1;
    tokens.forEach((t, i) => {
      if (t.pos !== 'VERB' || t === main) return;
      if (i < start) this.skip(t, 'modifier');
      else if (at >= 0 && i < at) this.skip(t, 'catenative');
      else if (at >= 0 && (tokens[i - 1]?.lower === 'to' || /(ing|ed)$/.test(t.lower))) this.skip(t, t.lower.endsWith('ed') ? 'modifier' : 'complement');
    });
  }

  accounts(sentences: Sentence[]): VerbAccount[] {
    const out: VerbAccount[] = [];
    sentences.forEach((s, i) => {
      const text = s.map((t) => t.text).join(' ');
      for (const t of s) {
        if (t.pos !== 'VERB') continue;
        const o = this.outcomes.get(t);
        out.push({ verb: t.text, sentence: i, text, task: o && 'task' in o ? o.task : null, skip: !o ? 'unread' : 'skip' in o ? o.skip : null });
        for (const id of this.more.get(t) ?? []) out.push({ verb: t.text, sentence: i, text, task: id, skip: null });
      }
    });
    return out;
  }
}
