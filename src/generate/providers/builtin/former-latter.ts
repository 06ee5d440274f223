// "The analyst drafts the report and the editor proofreads it. The latter publishes it.": "the former" and "the latter"
// are the earlier and the later of the last two parties named acting or receiving ("sends it to the dispatcher");
// "each party", "both parties", "the two sides" are both of them.
import type { Actor } from './actors.ts';
import type { Phrase } from './phrase.ts';
import type { Token } from './tokens.ts';

const PARTY_WORDS = new Set(['party', 'parties', 'side', 'sides']);
const EVERY_ONE = new Set(['each', 'both', 'two']);

export class ActingOrder {
  private readonly recent: Actor[] = [];

  /** Someone acted or received: they are now the latest. */
  note(actor: Actor | null): void {
    if (!actor) return;
    const at = this.recent.indexOf(actor);
    if (at >= 0) this.recent.splice(at, 1);
    this.recent.push(actor);
  }

  /** The party "the former" / "the latter" means, or null for any other subject. */
  refer(subject: Phrase | null): Actor | null {
    const word = subject?.words.length === 1 ? subject.head.lower : '';
    if (word === 'latter') return this.recent.at(-1) ?? null;
    if (word === 'former') return this.recent.at(-2) ?? null;
    return null;
  }

  /** "Each party keeps a copy", "Both sides sign": the last two parties named, or null for any other subject. */
  every(subject: Phrase | null, tokens: Token[]): Actor[] | null {
    if (!subject || subject.words.length !== 1 || !PARTY_WORDS.has(subject.head.lower) || this.recent.length < 2) return null;
    const before = tokens[tokens.indexOf(subject.head) - 1]?.lower ?? '';
    return EVERY_ONE.has(before) ? this.recent.slice(-2) : null;
  }
}
