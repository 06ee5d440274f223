// A narrator who acts has a lane of their own: "I cut the release branch, QA tests it, then I deploy" keeps my steps
// out of the QA lane; "you check the receipts, then forward them to the manager" gives the reader's steps a lane.
// The lane is the role the text gives the narrator (see context.ts); failing that, the organisation lane "Company"
// that "we" already had when dealing with an outside party — one lane for I, we and a reader told what to do.
import type { ModelActor, ModelNode } from '../../model.ts';
import type { ActorRegistry, Actor } from './actors.ts';
import type { Phrase } from './phrase.ts';
import { UNITS } from './possessed-roles.ts';
import type { Token } from './tokens.ts';

export const NARRATOR_LANE = 'Company';

// Places a narrator works in, named as "our …": each is who "we" are.
const WORKPLACES = new Set(['shop', 'store', 'bakery', 'pharmacy', 'clinic', 'practice', 'surgery', 'hospital', 'ward', 'school', 'college', 'library', 'restaurant', 'kitchen', 'hotel', 'warehouse', 'depot', 'garage', 'workshop', 'factory', 'plant', 'lab', 'laboratory', 'agency', 'firm', 'branch', 'studio', 'site']);

/** Who "I", "we" or "you" is in this text; "you" only stands for the narrator when no "I" or "we" acts. */
export class Narrator {
  private readonly youIsNarrator: boolean;

  /** The role the letter is signed with ("Thanks, Dana (IT coordinator)"), for "I" and "we" only. */
  private readonly signer: string | null;

  constructor(
    sentences: Token[][],
    private readonly actors: ActorRegistry,
    signed: string | null = null,
  ) {
    this.signer = signed ? signed.charAt(0).toUpperCase() + signed.slice(1) : null;
    // "You fill in the form; we check it": the reader is then the party served, not the narrator.
    this.youIsNarrator = !sentences.some((s) => s.some((t) => (t.lower === 'i' || t.lower === 'we') && t.pos === 'PRON'));
  }

  /** Whether a subject pronoun is the narrator. */
  is(pronoun: string | null | undefined): boolean {
    return pronoun === 'i' || pronoun === 'we' || (pronoun === 'you' && this.youIsNarrator);
  }

  /** "Our team checks …": a unit of ours with no other name is the narrator; "our finance team" names them. */
  ours(subject: Phrase | null, tokens: Token[]): 'narrator' | 'named' | null {
    const first = subject ? tokens.indexOf(subject.words[0]!) : -1;
    if (tokens[first - 1]?.lower !== 'our') return null;
    const head = subject!.head.lemma.toLowerCase();
    // ("Our shop receives the order. … We send the invoice.": the place we work in is who "we" are — one lane.)
    if (WORKPLACES.has(head)) return 'named';
    if (!UNITS.has(head)) return null;
    return subject!.words.length === 1 ? 'narrator' : 'named';
  }

  /** Whether an actor is the narrator's lane. */
  owns(actor: Actor, speaker: Actor | null): boolean {
    return actor === speaker || actor.name === this.signer || actor.name === NARRATOR_LANE;
  }

  /** The narrator's lane: the role the text gives them, or the neutral organisation lane; a reader's is neutral. */
  lane(speaker: Actor | null, pronoun?: string | null): Actor {
    if (pronoun === 'you') return this.actors.named(NARRATOR_LANE);
    return speaker ?? this.actors.named(this.signer ?? NARRATOR_LANE);
  }
}

/**
 * A neutral narrator lane alone in the diagram says nothing a pool does not: "We check the stock. We ship the order."
 * draws no lanes. Returns the lanes to draw, clearing the narrator's lane from its nodes when it is dropped.
 */
export function withoutLoneNarrator(lanes: ModelActor[], nodes: ModelNode[]): ModelActor[] {
  if (lanes.length !== 1 || lanes[0]!.name !== NARRATOR_LANE) return lanes;
  for (const n of nodes) if (n.actor === lanes[0]!.id) n.actor = null;
  return [];
}
