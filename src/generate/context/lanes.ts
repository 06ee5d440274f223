// The folder's lanes: every acting party of the diagram is drawn in one of them, and no other lane is added.
import type { ModelActor, ProcessModel } from '../model.ts';
import { GENERIC_ROLES, ROLE_FAMILIES, UNIT_WORDS } from './role-words.ts';

interface NameShape {
  /** Lower-case singular words, without articles and "of". */
  words: string[];
  /** The words that say which unit or role it is (not "team", "office" …). */
  content: string[];
  /** The last content word: "Head of finance" → "finance", "Billing team" → "billing". */
  head: string;
}

const STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'and', 'for', 'our']);

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function shapeOf(name: string): NameShape {
  const words = name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w && !STOP_WORDS.has(w)).map(singular);
  const content = words.filter((w) => !UNIT_WORDS.has(w));
  return { words, content, head: content[content.length - 1] ?? words[words.length - 1] ?? '' };
}

const FAMILIES = ROLE_FAMILIES.map((family) => family.map(shapeOf));

/**
 * How strongly a name belongs to a family: its longest phrase of the family in the name, a unit or domain word
 * counting twice a bare role ("Accounts payable clerk" is finance before back office, "Sales manager" sales).
 */
function familyWeight(name: NameShape, family: NameShape[]): number {
  let best = 0;
  for (const phrase of family) {
    const n = phrase.words.length;
    for (let i = 0; i + n <= name.words.length; i++) {
      if (phrase.words.every((w, k) => name.words[i + k] === w)) {
        best = Math.max(best, n * (n === 1 && GENERIC_ROLES.has(phrase.words[0]!) ? 1 : 2));
      }
    }
  }
  return best;
}

function sameStem(a: string, b: string): boolean {
  return a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5);
}

/** How well an actor fits a lane: the same name, shared words or stems (the head counts most), a shared line of work. */
function fit(actor: NameShape, lane: NameShape): number {
  if (actor.words.join(' ') === lane.words.join(' ')) return 100;
  let score = 0;
  for (const w of new Set(actor.content)) {
    if (lane.content.includes(w)) score += w === actor.head ? 3 : 2;
    // Words of one stem: "Assessor" and "Assessment", "Teacher" and "Teaching staff".
    else if (lane.content.some((l) => sameStem(l, w))) score += w === actor.head ? 2 : 1;
  }
  for (const family of FAMILIES) {
    if (familyWeight(lane, family) > 0) score += familyWeight(actor, family);
  }
  return score;
}

/** The best-fitting lane's index, the folder's first on a tie; -1 when none fits at all. */
function bestLane(actor: ModelActor, lanes: NameShape[]): number {
  const shape = shapeOf(actor.name);
  let best = -1;
  let bestScore = 0;
  lanes.forEach((lane, i) => {
    const score = fit(shape, lane);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/**
 * Maps the model's own actors (not separate organisations, which are pools) onto the folder's lanes, in the folder's
 * order; several actors may share a lane. An actor that fits none loses its lane, so its steps are drawn in the lane
 * of the step before them (to-bpmn), and a warning names it.
 */
export function mapOntoLanes(model: ProcessModel, laneNames: string[]): string[] {
  if (!laneNames.length) return [];
  const lanes = laneNames.map(shapeOf);
  const laneActor = new Map<number, ModelActor>();
  const moved = new Map<string, string | null>();
  const warnings: string[] = [];
  const listed = laneNames.join(', ');
  for (const actor of model.actors) {
    if (actor.organisation) continue;
    const i = bestLane(actor, lanes);
    if (i < 0) {
      moved.set(actor.id, null);
      warnings.push(`"${actor.name}" fits none of the folder's lanes (${listed}); its steps are drawn in the lane of the step before them.`);
      continue;
    }
    const taken = laneActor.get(i);
    if (taken) moved.set(actor.id, taken.id);
    else {
      laneActor.set(i, actor);
      actor.name = laneNames[i]!;
    }
  }
  if (!laneActor.size && moved.size) {
    // Not one actor fits: more likely a misread list than a diagram with no lanes, so the actors stay.
    return [`None of the diagram's actors fits the folder's lanes (${listed}); its lanes are named as the text names them.`];
  }
  for (const node of model.nodes) {
    if (node.actor && moved.has(node.actor)) node.actor = moved.get(node.actor)!;
  }
  const inLanes = [...laneActor.entries()].sort(([a], [b]) => a - b).map(([, actor]) => actor);
  model.actors = [...inLanes, ...model.actors.filter((a) => a.organisation)];
  return warnings;
}
