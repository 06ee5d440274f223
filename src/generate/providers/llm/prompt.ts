// The conversation sent to the model: modelling rules, worked examples, folder contexts, the description, and the
// follow-up that names an answer's problems.
import { readContextHints } from '../../context/hints.ts';
import { speakerName } from '../../context/speaker.ts';
import type { GenerationInput } from '../../provider.ts';
import { WORKED_EXAMPLES } from './examples.ts';
import { answerOf, MODEL_SCHEMA } from './schema.ts';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export const SYSTEM_PROMPT = `You are a careful BPMN modeller. You turn a plain-language process description into a process model, answered as one JSON object.

The model
- name: the process name. A title, a "Process: …" line or a "Create a diagram for …" preamble gives the name and is never a task.
- actors: the parties that act (people, roles, departments, systems), one each; spelling variants of one party are one actor. organisation=true only for a separate company or authority, which is drawn as its own pool; hand-overs between pools become message flows by themselves.
- nodes, each with an actor (the party that does it; resolve "he/she/it/they" and the passive voice to the party that acts):
  - start: exactly one. A trigger ("when/once/as soon as X", "the process starts when") is the start event named for it ("New employee joined"), never a task. eventType "message" when something is received (an order, an application), "timer" for a schedule ("every Monday" → timer {kind:"cycle", value:"R/P1W"}).
  - task: one step of work, labelled imperative verb + object ("Check invoice", "Prepare employment contract"), at most six words, no modal verbs, adverbs or articles. An enumeration inside one step stays one task ("enters name, address and phone" → "Enter personal details"). taskType only where the text says so: user (on a screen), service (a system does it), send, receive, manual.
  - subprocess: a step the text names as a procedure of its own, not detailed here.
  - exclusive: a decision; label it as a question ("Request complete?") and put each condition, short, on its outgoing flow. Alternatives never run one after the other: "approve or reject" is a decision.
  - parallel: work done at the same time ("while", "meanwhile", "at the same time", "in parallel"): a split and a join.
  - inclusive: "one or more of", "any of", "depending on … some of": a split with a condition per branch and a join.
  - intermediate: a wait. eventType "timer" for "after 2 days", "wait until Friday" (label "2 days"; timer {kind:"duration", value:"P2D"} or {kind:"date", value:"2026-03-01T09:00"}); eventType "message" for waiting until something arrives ("Payment received"). A wait is never a task.
  - boundary: a deadline or an interruption on a task: "if there is no answer within a week, remind the customer" → boundary eventType "timer", attachedTo the waiting task, label "1 week", timer {kind:"duration", value:"P1W"}, with its own outgoing path. interrupting=false when the task carries on. eventType "message" or "error" for a message or a failure that interrupts a task. A boundary event has no incoming flow.
  - end: named for the outcome ("Request rejected", "Order shipped"). eventType "terminate" when everything stops at once, "message" when the end sends something, "error" for a failure.
- flows: sequence flows by node id; label is the condition on a decision's branch, otherwise "".
- Timer values are ISO 8601 (P2D, PT4H, P1W, R/P1W, R/2026-01-05T09:00/P1W, 2026-03-01). When the text gives no exact time, give the label and timer null.
- Fields that do not apply are null (eventType, timer, attachedTo, interrupting); taskType "none" when the text does not say.

The rules a good modeller follows
1. A rejection, cancellation or "the process ends" branch goes to its own named end event, unless the text sends it back ("returned to X for correction", "goes back to", "resubmits"): then it flows back to the step that is repeated. Follow-up work never runs after a rejection.
2. A repeated step is a loop back to the existing node, never a second copy of it.
3. Only steps someone does become tasks: states ("is complete"), conditions, waits, the trigger, explanations, examples ("for instance …", "there are three paths") and sentences about the text itself make no task.
4. Every step the text describes is there, including hand-overs to another party and the action behind a condition ("if X, Y does Z" → a branch with Z).
5. Every decision has one branch per outcome the text names; a step done only "if required" sits on a branch, with the other branch skipping it.
6. One actor per acting party; every task in the lane of the party that does it.
7. Every split is joined again or its branches end.

If the text describes no process at all, answer with an empty nodes array.`;

/** For servers without structured output: the schema in words the model can follow. */
export const PLAIN_JSON_INSTRUCTION = `Answer with one JSON object only (no prose, no code fence) that matches this JSON Schema:\n${JSON.stringify(MODEL_SCHEMA)}`;

export function buildMessages(input: GenerationInput): ChatMessage[] {
  const messages: ChatMessage[] = [{ role: 'system', content: SYSTEM_PROMPT }];
  for (const example of WORKED_EXAMPLES) {
    messages.push({ role: 'user', content: example.description }, { role: 'assistant', content: JSON.stringify(answerOf(example.model)) });
  }
  if (input.contexts?.length) {
    messages.push({
      role: 'system',
      content: `Context of the folder this diagram goes into, outermost first (follow its terms, actors and naming style):\n${input.contexts.map((c, i) => `${i + 1}. ${c}`).join('\n')}${contextRules(input.contexts)}`,
    });
  }
  messages.push({ role: 'user', content: input.prompt });
  return messages;
}

/** What the contexts ask, spelled out as rules for every label (the service applies them to the answer as well). */
export function contextRules(contexts: string[]): string {
  const hints = readContextHints(contexts);
  const rules = hints.terms.map(({ from, to }) => `Write "${to}", never "${from}", in every label: tasks, events, gateways, conditions, lanes, pools and the name.`);
  if (hints.lanes.length) {
    rules.push(`The lanes are exactly: ${hints.lanes.join(', ')}. Give every step of this organisation the lane that does it, from this list; add no other lane (separate organisations stay pools).`);
  }
  if (hints.speaker) rules.push(`"We" and "I" are the ${speakerName(hints.speaker)}: that is their actor's name.`);
  if (hints.labelCase === 'title') rules.push('Write every label in Title Case.');
  if (hints.language) rules.push(`Write every label in ${hints.language.charAt(0).toUpperCase()}${hints.language.slice(1)}.`);
  return rules.length ? `\n\nSo:\n${rules.map((r) => `- ${r}`).join('\n')}` : '';
}

/** The follow-up after an answer with problems: the answer itself, then every problem, one a line. */
export function followUp(answer: string | null, problems: string[]): ChatMessage[] {
  const ask: ChatMessage = {
    role: 'user',
    content: `Your answer has these problems:\n${problems.map((p) => `- ${p}`).join('\n')}\nAnswer again with the whole corrected model as JSON.`,
  };
  return answer === null ? [ask] : [{ role: 'assistant', content: answer }, ask];
}
