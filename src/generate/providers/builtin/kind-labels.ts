// A kind of thing that sends it one way: "Damaged parcels are returned to the sender. Undamaged parcels are shelved."
// or "Admitted patients are taken to the ward. The others are sent home." Once the kind is the condition of a way
// ("damaged", "patients admitted"), the step on that way is done to one thing of that kind, so a modeller's label names
// the thing in the singular without the describing word: "Return parcel to sender", "Take patient to ward". Where no
// choice was drawn ("Overdue invoices are chased by credit control"), the kind is all that says which things, and the
// label keeps it. A size or weight ("minor" / "major", "small" / "large") that is a way's label leaves the step on that
// way too: "Pay minor claims" on the way "minor" is "Pay claim".
import type { ModelNode, ProcessModel } from '../../model.ts';
import { opposed } from './opposites.ts';
import { singular } from './process-name.ts';
import { SIZE_KINDS } from './lexicon.ts';

type Flows = ProcessModel['flows'];

// Plurals with no singular of their own meaning ("goods", "minutes" of a meeting).
const PLURAL_ONLY = new Set(['goods', 'customs', 'premises', 'earnings', 'minutes', 'proceeds', 'belongings', 'clothes', 'news', 'means', 'series', 'species', 'sales', 'savings', 'arrears', 'funds', 'details', 'records', 'accounts', 'papers', 'results', 'contents', 'thanks', 'statistics', 'services', 'tests']);
// Words after the thing that are no part of its name: "Take patients to ward", "Send patients home".
const AFTER_THING = new Set(['to', 'on', 'in', 'into', 'for', 'with', 'from', 'at', 'by', 'home', 'back', 'away', 'or', 'and']);

/** Labels of the steps that open the ways of a choice drawn on a kind, in the singular and without the kind. */
export function kindsOffWays(nodes: ModelNode[], flows: Flows): void {
  for (const split of nodes.filter((n) => n.kind === 'exclusive')) {
    const ways = flows.filter((f) => f.from === split.id);
    if (ways.length < 2) continue;
    const labels = ways.map((f) => (f.label ?? '').toLowerCase());
    const words = new Set(labels.flatMap((l) => l.split(/\s+/)));
    // ("If the application is complete, … Otherwise the officer returns incomplete applications": the kind on the other
    // way is the opposite of one the ways speak of, by its prefix or as "rejected" is of "approved".)
    const said = { has: (w: string) => words.has(w) || [...words].some((s) => negated(w) === s || negated(s) === w || opposed(w, s)) };
    // "patients admitted": the things themselves with what was decided for them.
    const decided = new Map(labels.flatMap((l) => { const m = /^(\w+) (\w+ed)$/.exec(l); return m ? [[m[1]!, m[2]!] as const] : []; }));
    for (const way of ways) {
      const step = nodes.find((n) => n.id === way.to && n.kind === 'task');
      // ("minor" on the way to "Pay minor claims": a size or weight that is the way's own label is said there.)
      const own = (way.label ?? '').toLowerCase();
      const size = SIZE_KINDS.has(own);
      const told = size ? { has: (w: string) => w === own || said.has(w) } : said;
      if (step) step.label = oneOfKind(step.label, told, decided, size ? (w) => w === own || describesCase(w) : describesCase);
    }
  }
}

/** "incomplete" → "complete", "unpaid" → "paid": a describing word without its negating prefix. */
function negated(w: string): string {
  return /^(?:un|in|im|il|ir|non-?|dis)\w{4,}$/.test(w) ? w.replace(/^(?:un|in|im|il|ir|non-?|dis)/, '') : w;
}

function oneOfKind(label: string, said: { has(w: string): boolean }, decided: Map<string, string>, cased: (w: string) => boolean): string {
  const [verb, ...rest] = label.split(' ');
  const end = rest.findIndex((w) => AFTER_THING.has(w.toLowerCase()));
  const thing = end < 0 ? rest : rest.slice(0, end);
  const head = thing.at(-1);
  if (!verb || !head || thing.length > 3) return label;
  const kind = thing.slice(0, -1).filter((w) => said.has(w.toLowerCase()) && cased(w.toLowerCase()));
  const one = PLURAL_ONLY.has(head.toLowerCase()) ? head : singular(head);
  // Only a thing whose kind the ways speak of ("damaged" / "undamaged", "patients admitted") is one of its kind.
  // ("changes requested" on "Request changes" restates the step: no kind is told there.)
  const done = decided.get(head.toLowerCase());
  if (!kind.length && (!done || done.startsWith(verb.toLowerCase().replace(/e$/, '')))) return label;
  const named = [...thing.slice(0, -1).filter((w) => !kind.includes(w)), one];
  return [verb, ...named, ...(end < 0 ? [] : rest.slice(end))].join(' ');
}

// Words for how a case went or the state it is in ("approved", "damaged", "incomplete", "overdue"), not for what the
// thing is ("small orders", "follow-up test", "international orders" keep their word).
const STATE_WORDS = new Set(['complete', 'incomplete', 'valid', 'invalid', 'faulty', 'defective', 'eligible', 'ineligible', 'late', 'overdue', 'unpaid', 'correct', 'incorrect', 'suspicious', 'fraudulent', 'urgent']);
// ("Pass suspected fraud": what is only suspected is not yet so, and keeps its word.)
const describesCase = (w: string) => STATE_WORDS.has(w) || (/^\w{3,}ed$/.test(w) && !/^(suspected|alleged)$/.test(w));
