// "The analyst drafts the report and the editor proofreads it. The latter publishes it.": "the former" and "the latter"
// are the earlier and the later of the last two parties named acting or receiving ("sends it to the dispatcher").
import type { Actor } from './actors.ts';
import type { Phrase } from './phrase.ts';

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
}
