// What a model answer is checked for before it is accepted: structural soundness (validateModel, then the token game
// of soundness.ts) and the modelling rules the prompt asks for that a program can see. Each problem is a sentence
// the model can act on.
import { isActivity, isGateway, validateModel, type ProcessModel } from '../../model.ts';
import { soundnessProblems } from '../../soundness.ts';

const MAX_LABEL_WORDS = 8;

export function answerProblems(model: ProcessModel): string[] {
  const problems = validateModel(model);
  // Played only on a well-formed graph: a deadlock or a doubled token is a join of the wrong kind.
  if (!problems.length) problems.push(...soundnessProblems(model));
  const actors = new Set(model.actors.map((a) => a.id));
  const labels = new Map<string, string>();
  for (const n of model.nodes) {
    if (n.actor && !actors.has(n.actor)) problems.push(`"${n.label || n.id}" names the actor "${n.actor}", which is not in actors.`);
    if (!isActivity(n.kind)) continue;
    const key = n.label.trim().toLowerCase();
    if (labels.has(key)) problems.push(`"${n.label}" appears twice (${labels.get(key)} and ${n.id}): a repeated step loops back to the first one.`);
    else labels.set(key, n.id);
    if (/^wait(s|ing)?\b/i.test(n.label)) problems.push(`"${n.label}" is a wait, not work: use an intermediate timer or message event.`);
    if (n.label.split(/\s+/).length > MAX_LABEL_WORDS) problems.push(`"${n.label}" is a sentence, not a label: use a verb and its object.`);
  }
  const nameOf = new Map(model.nodes.map((n) => [n.id, n.label || n.id]));
  for (const g of model.nodes) {
    if (!isGateway(g.kind) || g.kind === 'parallel') continue;
    const outs = model.flows.filter((f) => f.from === g.id);
    if (outs.length < 2) continue;
    for (const f of outs) if (!f.label?.trim()) problems.push(`The branch from "${nameOf.get(g.id)}" to "${nameOf.get(f.to) ?? f.to}" has no condition.`);
  }
  return problems;
}
