// Reminders that chase an answer: "The clerk sends the invoice. The clerk sends a reminder after one week / every
// week." The process waits for the reply to what it sent or asked for (a receive step), and the reminder is the path
// of a timer on that wait, which "after two reminders" can count (control-flow.ts countReminders).
import type { ModelNode, ModelTimer } from '../../model.ts';
import type { Clause } from './clauses.ts';
import type { FlowBuilder } from './control-flow.ts';
import { isReminder } from './deadlines.ts';
import { verbBase } from './labels.ts';
import { HANDOVER_VERBS } from './lexicon.ts';
import type { Reading } from './reading.ts';
import { findCycle, type Duration } from './time-expressions.ts';
import type { Token } from './tokens.ts';
import type { VerbTrace } from './trace.ts';

const ASKING_VERBS = new Set(['ask', 'request', 'invite', 'contact', 'query', 'remind']);

/** "Send invoice", "Ask citizen for papers": a step that sends or asks for something, whose answer may be chased. */
export function asksSomeone(step: ModelNode): boolean {
  const verb = step.label.split(' ')[0]!.toLowerCase();
  return step.taskType !== 'receive' && (HANDOVER_VERBS.has(verb) || ASKING_VERBS.has(verb));
}

/** The wait for the reply to `asked`, in its lane, with the timer the reminder (or the offer's validity) hangs on. */
export function waitForReply(builder: FlowBuilder, trace: VerbTrace, asked: ModelNode, label: string, timer: ModelTimer | undefined, interrupting: boolean): void {
  const host = builder.appendTask({ kind: 'task', label: 'Wait for reply', actor: asked.actor ?? null, taskType: 'receive' });
  // The wait is the asking verb's too: "asks the citizen for the papers" makes the request and the wait for it.
  trace.task(trace.verbOf(asked.id), host.id);
  builder.openBoundary(host.id, label, timer, interrupting);
}

/**
 * "The clerk sends a reminder after one week" after a step that asked for something: the wait is a receive step and
 * the reminder the path of its (interrupting) timer. Returns whether it drew them; the clause's step comes next.
 */
export function remindsAfterWait(builder: FlowBuilder, trace: VerbTrace, c: Clause, time: Duration, reading: Reading): boolean {
  const asked = builder.tasks().at(-1);
  // (Not "a week before the event": a point ahead, no wait for an answer.)
  if (time.kind !== 'wait' || / before /.test(time.label) || c.role !== 'plain' || !reading.verb || !asked || !asksSomeone(asked) || builder.inBranchNow()) return false;
  if (!isReminder([verbBase(reading.verb), ...c.tokens.map((t) => t.lower)].join(' '))) return false;
  waitForReply(builder, trace, asked, time.label, time.timer, true);
  return true;
}

/**
 * "… sends a reminder every week" after a step that asked for something: a receive step for the reply, the reminder
 * on its non-interrupting cycle timer. Returns the clauses left to read: the reminder without its schedule.
 */
export function scheduledReminder(builder: FlowBuilder, trace: VerbTrace, clauses: Clause[]): Clause[] {
  const at = clauses.findIndex((c) => c.role === 'plain' && isReminder(c.tokens.map((t) => t.lower).join(' ')));
  const cycle = at >= 0 ? findCycle(clauses[at]!.tokens.map((t) => t.text).join(' ')) : null;
  const asked = builder.tasks().at(-1);
  if (!cycle || !asked || !asksSomeone(asked)) return clauses;
  waitForReply(builder, trace, asked, cycle.label, cycle.timer, false);
  return clauses.map((c, i) => (i === at ? { ...c, tokens: withoutSchedule(c.tokens) } : c));
}

/** The clause without its schedule words ("every 3 days", "weekly"). */
export function withoutSchedule(tokens: Token[]): Token[] {
  const at = tokens.findIndex((t) => ['every', 'each'].includes(t.lower));
  if (at >= 0) {
    const unit = tokens.findIndex((t, i) => i > at && i <= at + 3 && /^(minute|hour|day|week|month|year|quarter|morning|evening|night|weekday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?$/.test(t.lower));
    if (unit > 0) return [...tokens.slice(0, at), ...tokens.slice(unit + 1)];
  }
  return tokens.filter((t) => !/^(hourly|daily|nightly|weekly|monthly|quarterly|yearly|annually)$/.test(t.lower));
}
