// Sentences that say what the process involves or who runs it, rather than doing a step of it: "Supplier onboarding at
// our company involves procurement, legal and the supplier.", "The school enrolment procedure is run by the school
// secretary.", "Our returns process is owned by customer service.", "Claims handling is done by the claims team." The
// process they speak of names the diagram (when nothing else does) and the parties they name are noted, so that "the
// secretary" later is the school secretary; a party gets a lane only when it acts. "The invoice is checked by the
// clerk" (a thing, not a process) and "The final inspection is carried out by QA" (one step's name) stay steps.
import type { ModelNode } from '../../model.ts';
import type { Actor, ActorRegistry } from './actors.ts';
import { namesSomeone } from './agents.ts';
import { readPhrase, type Phrase } from './phrase.ts';
import type { Token } from './tokens.ts';

// Last words of a name that say it is a whole process: "returns process", "month-end close", "claims handling".
const PROCESS_HEADS = new Set([
  'process', 'procedure', 'workflow', 'handling', 'processing', 'management', 'administration', 'lifecycle', 'cycle',
  'routine', 'close', 'closing', 'programme', 'program', 'onboarding', 'offboarding', 'intake', 'pipeline', 'scheme',
]);
// Verbs that say who owns or oversees a process: never a step of it, whatever it is called.
const OWNING = new Set(['owned', 'overseen', 'administered', 'governed', 'sponsored']);
// Verbs that say who runs it: a step's too ("the backup is run by the operator"), so only of a process's name.
const RUNNING = new Set(['run', 'done', 'handled', 'managed', 'coordinated', 'led', 'organised', 'organized', 'operated', 'performed', 'driven', 'executed', 'carried', 'looked', 'taken']);
// "… involves procurement, legal and the supplier", "… brings together accounting and treasury".
const INVOLVING = new Set(['involves', 'involve', 'requires', 'brings', 'spans', 'concerns']);
const QUALIFIERS = new Set(['at', 'in', 'within', 'for', 'across', 'of']);
const DETERMINERS = new Set(['the', 'our', 'my', 'this', 'a', 'an', 'their', 'your']);
const ADVERBS = new Set(['usually', 'normally', 'mainly', 'mostly', 'typically', 'generally', 'always', 'jointly', 'entirely', 'fully']);
// A nominalised activity: "supplier onboarding", "expense reimbursement", "patient registration".
const NOMINAL = /(?:ing|ment|ion|al|ance|ence|ure|ship)$/;

export interface ProcessIntro {
  /** The process spoken of, as written ("Supplier onboarding"). */
  name: string;
  /** Who the sentence says runs it or takes part. */
  parties: Phrase[];
}

/** The sentence as an introduction of the process, or null when it is a step (or anything else). */
export function readProcessIntro(sentence: Token[]): ProcessIntro | null {
  const words = sentence.filter((t) => t.pos !== 'PUNCT' || t.text === ',');
  const verbAt = words.findIndex((t) => t.pos === 'AUX' || t.pos === 'VERB' && INVOLVING.has(t.lower));
  if (verbAt < 1) return null;
  const verb = words[verbAt]!;
  let k = verbAt + 1;
  let owning = false;
  if (verb.pos === 'AUX') {
    if (!['is', 'are'].includes(verb.lower)) return null;
    while (ADVERBS.has(words[k]?.lower ?? '')) k++;
    const participle = words[k]?.lower ?? '';
    // "is the responsibility of the finance team", "is in the hands of HR".
    const responsibility = words.slice(k, k + 4).map((t) => t.lower).join(' ');
    const saysOwner = /^(?:the )?(?:responsibility|job|task) of\b|^in the hands of\b|^in charge of\b/.test(responsibility);
    if (!OWNING.has(participle) && !RUNNING.has(participle) && !saysOwner) return null;
    owning = OWNING.has(participle) || saysOwner;
    k = words.findIndex((t, i) => i > k && (t.lower === 'by' || t.lower === 'of'));
    if (k < 0 || (!saysOwner && words[k]!.lower !== 'by')) return null;
    k++;
  }
  const name = subjectName(words.slice(0, verbAt));
  if (!name) return null;
  const head = name.at(-1)!.lower;
  const bare = !DETERMINERS.has(words[0]!.lower) || ['our', 'my', 'their', 'your'].includes(words[0]!.lower);
  // "Claims handling", "the school enrolment procedure": a process's name; "Expense reimbursement" (bare, nominal, in
  // two words) too; "the final inspection" is a step's.
  const processName = PROCESS_HEADS.has(head) || (bare && name.length > 1 && NOMINAL.test(head));
  // ("Patient discharge at the clinic involves the ward nurse, the doctor and the pharmacist": what involves parties is
  // an activity, whatever its ending, unless it is someone.)
  const involving = verb.pos === 'VERB' && !namesSomeone({ words: name, head: name.at(-1)!, of: null });
  if (!processName && !involving && !(owning && NOMINAL.test(head))) return null;
  const parties = partiesFrom(words, k);
  if (!parties.length) return null;
  return { name: name.map((t) => (t.pos === 'PROPN' && /^[A-Z]{2,}$/.test(t.text) ? t.text : t.lower)).join(' ').replace(/^./, (c) => c.toUpperCase()), parties };
}

/** The subject's words that name the process: no determiner, and nothing from "at our company" on. */
function subjectName(subject: Token[]): Token[] | null {
  const start = DETERMINERS.has(subject[0]?.lower ?? '') ? 1 : 0;
  const cut = subject.findIndex((t, i) => i > start && QUALIFIERS.has(t.lower));
  const name = subject.slice(start, cut < 0 ? undefined : cut);
  // ("The clerk checks …": a verb other than the -ing of a nominal, or a pronoun, makes it no name; "Grant management"
  // opens with a noun the tagger reads as a verb.)
  const verb = (t: Token, i: number) => t.pos === 'VERB' && !/ing$/.test(t.lower) && !(i === 0 && t.first && name.length > 1);
  if (!name.length || name.length > 5 || name.some((t, i) => t.pos === 'PRON' || t.pos === 'AUX' || t.text === ',' || verb(t, i))) return null;
  return name;
}

/** "procurement, legal and the supplier", "the claims team": the parties listed from `from` on. */
function partiesFrom(words: Token[], from: number): Phrase[] {
  const parties: Phrase[] = [];
  let i = from;
  while (i < words.length) {
    if ([',', 'and', 'or', 'together', 'with', 'as', 'well', 'both'].includes(words[i]!.lower)) {
      i++;
      continue;
    }
    // ("involves checking the documents": steps listed, not parties.)
    if (/ing$/.test(words[i]!.lower) && words[i]!.pos === 'VERB') return [];
    const { phrase, end } = readPhrase(words, i);
    if (!phrase || end <= i) break;
    parties.push(phrase);
    i = end;
  }
  return parties.some((p) => namesSomeone(p)) ? parties : [];
}

/**
 * "Claims handling is done by the claims team. Each claim is registered and checked …": the steps from agentless
 * passives that no one before them holds are the owner's.
 */
export function placeWithOwner(nodes: ModelNode[], unplaced: Set<string>, owner: Actor | null, actors: ActorRegistry): void {
  if (!owner) return;
  for (const n of nodes) {
    if (!unplaced.has(n.id) || n.actor) continue;
    n.actor = owner.id;
    actors.markUsed(owner);
  }
}
