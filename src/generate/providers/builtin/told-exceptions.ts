// An exception told after the step it prevents: "The courier delivers the parcel. If the customer is not at home, the
// courier leaves a card." or "The council issues the permit. If the application is refused, …". The writer tells the
// usual way first, but a parcel is not delivered to nobody and a refused permit is not issued: the step and the
// exception are the two ways of one choice, so the decision moves before the step, which goes on its other way.
import type { ModelFlow, ModelNode } from '../../model.ts';
import { namesSomeone } from './agents.ts';

interface Graph {
  nodes: ModelNode[];
  flows: ModelFlow[];
}

/** Someone the step is done to or with is not there. */
const ABSENT = /\b(not (at )?home|not (in|there|present|available)|unavailable|absent|no[- ]show|(nobody|no one) (is )?(home|there|in)|(does not|doesn't|did not|didn't|fails? to) (show|turn) up|(does not|doesn't|fails? to) (attend|appear|come))\b/;
/** Steps that cannot be done when that someone is not there (an attempt — "tries to deliver", "rings" — can). */
const DONE_WITH_SOMEONE = new Set(['deliver', 'hand', 'see', 'treat', 'examine', 'meet', 'interview', 'install', 'fit', 'collect', 'inspect', 'repair', 'vaccinate', 'serve', 'train', 'admit', 'operate', 'assess', 'photograph', 'measure']);
/** The answer was no. */
const REFUSED = /\b(refused|rejected|declined|denied|turned down|not (approved|granted|accepted))\b/;
/** Steps that give the yes. */
const GRANTING = new Set(['issue', 'approve', 'grant', 'accept', 'award', 'sign', 'confirm', 'admit', 'register', 'enrol', 'enroll', 'hire', 'publish', 'release', 'authorise', 'authorize', 'certify', 'license']);

/** Moves each such decision before the step it excepts, in place, with a warning; `text` is the description. */
export function moveToldExceptions(g: Graph, text: string, warnings: string[]): void {
  for (const split of g.nodes.filter((n) => n.kind === 'exclusive')) {
    const into = g.flows.filter((f) => f.to === split.id);
    const ways = g.flows.filter((f) => f.from === split.id);
    if (into.length !== 1 || ways.length !== 2) continue;
    // ("sees the patient and plans the exercises. If the patient does not show up, …": the steps in a row before it.)
    const chain = stepsBefore(g, into[0]!.from);
    for (let k = 0; k < chain.length; k++) {
      const step = chain[k]!;
      const verb = step.label!.toLowerCase().split(' ')[0]!;
      const exception = ways.find((w) => excepts(w.label ?? '', verb));
      const other = ways.find((w) => w !== exception);
      const stepIn = g.flows.filter((f) => f.to === step.id);
      if (!exception || !other || stepIn.length !== 1 || attempted(text, verb)) continue;
      // before → split; split -(other)→ step … last step → where the other way went.
      stepIn[0]!.to = split.id;
      into[0]!.to = other.to;
      other.to = step.id;
      warnings.push(`"${step.label}" is not done when "${exception.label}": the decision comes before it.`);
      break;
    }
  }
}

/** Up to three tasks in a row ending at `last`, earliest first, each with one way in and out and no boundary event. */
function stepsBefore(g: Graph, last: string): ModelNode[] {
  const chain: ModelNode[] = [];
  let id: string | undefined = last;
  while (id && chain.length < 3) {
    const n = g.nodes.find((x) => x.id === id);
    const into = g.flows.filter((f) => f.to === id);
    if (n?.kind !== 'task' || !n.label || into.length !== 1 || g.flows.filter((f) => f.from === id).length !== 1 || g.nodes.some((x) => x.attachedTo === id)) break;
    chain.unshift(n);
    id = into[0]!.from;
  }
  return chain;
}

function excepts(condition: string, verb: string): boolean {
  const c = condition.toLowerCase();
  return (ABSENT.test(c) && absentOne(c) && DONE_WITH_SOMEONE.has(verb)) || (REFUSED.test(c) && GRANTING.has(verb));
}

/** Whether the one not there is someone ("customer not at home", "nobody home"), not a thing ("place not available"). */
function absentOne(condition: string): boolean {
  if (/^(nobody|no one|no-one)\b/.test(condition)) return true;
  const words = condition.split(' ');
  const at = words.findIndex((w) => /^(not|does|doesn't|did|didn't|fails?|is|no-show|absent|unavailable)$/.test(w));
  const head = words[(at < 0 ? words.length : at) - 1];
  if (!head) return false;
  const word = { text: head, lower: head, pos: 'NOUN', lemma: head.replace(/s$/, '') };
  return namesSomeone({ words: [word], head: word, of: null });
}

/** "tries to deliver", "attempts delivery": the attempt is made, and the exception is its outcome. */
function attempted(text: string, verb: string): boolean {
  return new RegExp(`\\b(tr(y|ies|ied|ying)|attempt(s|ed|ing)?|seeks?) to ${verb}|\\battempts? (a |the )?${verb.slice(0, 5)}`, 'i').test(text);
}
