// The builtin provider: rule-based reading of English process descriptions into a ProcessModel. Offline, deterministic.
import type { ProcessModel } from '../../model.ts';
import { kindsOffWays } from './kind-labels.ts';
import { REPEAT } from './repeat-until.ts';
import { GenerationError, type GenerationInput, type GenerationProvider } from '../../provider.ts';
import { ActorRegistry } from './actors.ts';
import { splitClauses } from './clauses.ts';
import { caseOf } from './other-ways.ts';
import { relativeSubjectSetOff } from './relative-subjects.ts';
import { decidedOutcomes } from './decided-outcomes.ts';
import { contrastedClasses } from './classification.ts';
import { openConditions } from './condition-openers.ts';
import { contrastedKinds } from './contrasted-kinds.ts';
import { comparedApart } from './implicit-choices.ts';
import { stopApart, stopsJoined } from './refusal-ends.ts';
import { otherOrganisations } from './organisations.ts';
import { languageWarning, readSpeaker, signedRole } from './context.ts';
import { readContextHints } from '../../context/hints.ts';
import { repairBranchShapes } from './branch-shapes.ts';
import { moveToldExceptions } from './told-exceptions.ts';
import { FlowBuilder } from './control-flow.ts';
import { arrives } from './framing-lines.ts';
import { Narrator, withoutLoneNarrator } from './narrator.ts';
import { nameProcess } from './process-name.ts';
import { assertReadable } from './readability.ts';
import { SentenceReader } from './sentence-reader.ts';
import { TaskPlanner, type ReadState } from './task-planner.ts';
import { StepIndex } from './step-numbers.ts';
import { placeWithCaseHolder } from './case-holder.ts';
import { placeWithOwner } from './process-intro.ts';
import { objectRelatives } from './object-relatives.ts';
import { isOutsideParty } from './receiving-side.ts';
import { shapeText } from './text-shape.ts';
import { objectsApart } from './parallel-objects.ts';
import { findCycle, openingPeriodEnd } from './time-expressions.ts';
import { readSentences } from './tokens.ts';
import { neededStep } from './needed-steps.ts';
import { nominalStep } from './nominal-steps.ts';
import { occasionalConditions } from './occasional-steps.ts';
import { consequenceWays } from './consequences.ts';
import { VerbTrace, type VerbAccount } from './trace.ts';
import { inWritersSpelling } from './writers-spelling.ts';


export class BuiltinProvider implements GenerationProvider {
  readonly name = 'builtin';
  readonly modelName = 'builtin-1';

  async describe(input: GenerationInput, warnings: string[]): Promise<ProcessModel> {
    return describeProcess(input, warnings);
  }
}

export function describeProcess(input: GenerationInput, warnings: string[]): ProcessModel {
  return traceProcess(input, warnings).model;
}

/** The model with the verb trace: what became of each verb of the text (a task, or the reason it made none). */
export function traceProcess(input: GenerationInput, warnings: string[]): { model: ProcessModel; verbs: VerbAccount[] } {
  const hints = readContextHints(input.contexts);
  if (hints.language) warnings.push(languageWarning(hints.language));
  const { text, title, notes, trigger, outcome, steps, bareSteps } = shapeText(input.prompt);
  const sentences = readSentences(text).map(nominalStep).map(neededStep).map(objectsApart);
  assertReadable(sentences, notes);

  const actors = new ActorRegistry();
  const speakerName = (readSpeaker(input.prompt) ?? hints.speaker)?.replace(/\b(the|a|an)\s+/gi, '') ?? null;
  const others = otherOrganisations(input.prompt);
  const state: ReadState = { actor: null, thing: null, candidate: null, speaker: speakerName ? actors.named(titleCase(speakerName)) : null, steps: new StepIndex(steps), otherOrganisation: others[0] ?? null, narrator: new Narrator(sentences, actors, signedRole(input.prompt)), bareSteps };
  const builder = new FlowBuilder();
  const trace = new VerbTrace();
  const planner = new TaskPlanner(builder, actors, state, trace, warnings);
  const reader = new SentenceReader(builder, planner);

  // "Every Monday, …", "nightly backup": a schedule at the top starts the process on a timer.
  // ("sends a reminder every 3 days until the customer pays" repeats a step, it schedules nothing.)
  const first = sentences[0]?.some((t) => t.lower === 'until') ? [] : (sentences[0] ?? []);
  const cycle = openingPeriodEnd(first) ?? findCycle(`${title ?? ''} ${first.map((t) => t.text).join(' ')}`);
  if (cycle) builder.nameStart(cycle.label, false, cycle.timer);
  const readable = decidedOutcomes(stopsJoined(occasionalConditions(consequenceWays(sentences))).map(stopApart)).map(relativeSubjectSetOff).map(objectRelatives).flatMap(comparedApart).flatMap(openConditions);
  // The cases the sentences open with: a later one may be the other way of a choice being drawn.
  const cases = readable.map(caseOf);
  for (const [i, sentence] of readable.entries()) {
    builder.startSentence();
    reader.expectCases(cases.slice(i + 1));
    planner.parties.sentenceStarts();
    const before = builder.nodes.length;
    // "Damaged goods are returned. Undamaged goods are shelved.": the two sentences are the ways of one choice.
    // ("Unopened items …, opened items …, and damaged items …": the longer run of kinds holds the opposite pair.)
    const [pair, kinds] = [contrastedClasses(sentence, readable[i + 1]), contrastedKinds(readable, i)];
    const contrast = kinds && kinds.values.length > (pair?.values.length ?? 0) ? kinds : (pair ?? kinds);
    if (contrast) reader.expectClasses(contrast);
    // "Student revises; repeat until the supervisor is satisfied.": the step, then the loop its last part says.
    const repeatAt = sentence.findIndex((t, k) => k > 0 && (t.text === ';' || t.text === ',') && REPEAT.has(sentence[k + 1]?.lower ?? '') && sentence[k + 2]?.lower === 'until');
    if (repeatAt > 0) {
      reader.read(splitClauses(sentence.slice(0, repeatAt)));
      reader.readRepeat(sentence.slice(repeatAt + 1));
    } else if (!reader.readRepeat(sentence) && !reader.readOneOrMore(sentence)) reader.read(splitClauses(sentence));
    builder.finishSentence();
    state.steps.noteSentence(sentence.map((t) => t.text).join(' '), builder.nodes.slice(before).find((n) => n.kind === 'task')?.id ?? null);
  }
  builder.textEnds();
  reader.settleDeadline(true);
  if (trigger && !builder.nodes[0]!.label) builder.nameStart(trigger, arrives(trigger));
  const { nodes, flows } = builder.finish(outcome ?? '');
  planner.dropHandoversToActors();
  moveToldExceptions({ nodes, flows }, input.prompt, warnings);
  repairBranchShapes({ nodes, flows, loops: builder.loops }, warnings);
  kindsOffWays(nodes, flows);
  if (!nodes.some((n) => n.kind === 'task')) {
    throw unreadable('No steps could be read from the description: say who does what, with one action per clause (for example "The clerk checks the invoice").');
  }
  const ours = actors.actors.filter((a) => actors.isUsed(a) && !isOutsideParty(a, (x) => state.narrator.owns(x, state.speaker)));
  // ("Claims handling is done by the claims team": its steps said in the passive are the team's, before anyone's who
  // held the case last.)
  placeWithOwner(nodes, planner.unplaced, planner.owner, actors);
  placeWithCaseHolder(nodes, flows, planner.unplaced, new Set(ours.map((a) => a.id)));
  const lanes = withoutLoneNarrator(actors.modelActors(others), nodes);
  const model = { name: input.name?.trim() || title || nameProcess(nodes, lanes.map((a) => a.name)), actors: lanes, nodes, flows };
  inWritersSpelling(model, input.prompt);
  return { model, verbs: trace.accounts(sentences) };
}

function unreadable(message: string): GenerationError {
  return new GenerationError('unreadable', message);
}

function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).replace(/^the\s+/i, '');
}
