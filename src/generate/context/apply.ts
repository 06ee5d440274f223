// The folder's context on a finished model, whichever provider made it: preferred terms in every label (tasks,
// events, gateways, conditions, lanes, pools, the process name), "we" named, the folder's lanes, label case.
import type { ProcessModel } from '../model.ts';
import { readContextHints } from './hints.ts';
import { titleCase } from './label-case.ts';
import { mapOntoLanes } from './lanes.ts';
import { nameSpeaker } from './speaker.ts';
import { termReplacer } from './terms.ts';

/** Applies the contexts (outermost first) to the model in place; returns warnings for what it could not apply. */
export function applyContext(model: ProcessModel, contexts: string[] = []): string[] {
  const hints = readContextHints(contexts);
  if (hints.speaker) nameSpeaker(model, hints.speaker);
  // Lanes before terms: an actor is matched by the text's own words, and the folder's lane names are kept as written.
  const warnings = mapOntoLanes(model, hints.lanes);
  const replace = termReplacer(hints.terms);
  model.name = replace(model.name);
  for (const actor of model.actors) if (!hints.lanes.includes(actor.name)) actor.name = replace(actor.name);
  for (const node of model.nodes) node.label = replace(node.label);
  for (const flow of model.flows) if (flow.label) flow.label = replace(flow.label);
  if (hints.labelCase === 'title') {
    for (const node of model.nodes) node.label = titleCase(node.label);
    for (const flow of model.flows) if (flow.label) flow.label = titleCase(flow.label);
  }
  return warnings;
}
