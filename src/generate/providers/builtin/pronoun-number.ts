// "it" means one thing, "them" several: "writes up the minutes and the summary note. Then sends them to the team"
// sends the minutes; "picks the items and a box. Then seals it" seals the box. A pronoun whose number the thing in
// hand does not share means the latest thing named that does; with none, the thing in hand.
import type { Phrase } from './phrase.ts';

const SINGULAR = new Set(['it', 'this', 'that']);
const PLURAL = new Set(['them', 'they', 'these', 'those']);
// Plural-looking heads that are one thing ("the news", "the minutes of the meeting" is one document read as several).
const ONE_THING = new Set(['news', 'series', 'species', 'means', 'analysis', 'status', 'process', 'access', 'address', 'business', 'class']);

/** Whether a thing is spoken of as several: "the samples", "the minutes" (not "the analysis"). */
export function isPlural(p: Phrase): boolean {
  const head = p.head.lower;
  if (ONE_THING.has(head) || !/[^s]s$/.test(head)) return false;
  return p.head.lemma !== head || p.words.some((w) => ['these', 'those', 'all', 'both', 'several', 'many'].includes(w.lower));
}

export class RecentThings {
  private readonly things: Phrase[] = [];

  /** Notes the thing in hand, once each time it changes. */
  note(thing: Phrase | null): void {
    if (!thing || this.things.at(-1) === thing) return;
    this.things.push(thing);
    if (this.things.length > 8) this.things.shift();
  }

  /**
   * What `pronoun` means given the thing in hand: that thing, or the latest one whose number fits the pronoun; with
   * none, the thing in hand — or null when `strict` ("turns them away" after "checks the ID" means people).
   */
  /** The latest thing noted whose head is `lemma`. */
  named(lemma: string): Phrase | undefined {
    return [...this.things].reverse().find((t) => t.head.lemma === lemma);
  }

  /** The earliest thing still remembered: the work item the text set out with, more often than a part of it. */
  earliest(): Phrase | null {
    return this.things[0] ?? null;
  }

  /** The latest thing remembered before `thing` with another head: what was in hand before it. */
  before(thing: Phrase): Phrase | null {
    return [...this.things].reverse().find((t) => t.head.lemma !== thing.head.lemma) ?? null;
  }

  meant(pronoun: string, inHand: Phrase | null, strict = false): Phrase | null {
    const plural = PLURAL.has(pronoun) ? true : SINGULAR.has(pronoun) ? false : null;
    if (!inHand || plural === null || isPlural(inHand) === plural) return inHand;
    return [...this.things].reverse().find((t) => isPlural(t) === plural) ?? (strict ? null : inHand);
  }
}

/**
 * "A laptop comes back. IT wipes it and checks the battery. Broken ones …": "one(s)" with its describing words sorts
 * the work item the text set out with, and the label names it ("Send broken laptop"); anything else is returned as
 * it is.
 */
export function namedOnes(p: Phrase | null, inHand: Phrase | null, latest: Phrase | null = null): Phrase | null {
  if (!p || !['one', 'ones'].includes(p.head.lower)) return p;
  // "deactivates the old SIM and activates the new one", "removes the old dressing and applies a new one": "one" set
  // against the thing just named by a describing word of its own is another of that thing.
  const described = (x: Phrase) => x.words.filter((w) => w.pos === 'ADJ' && w !== x.head).map((w) => w.lower);
  const against = latest && latest.head.pos !== 'PRON' && !/^ones?$/.test(latest.head.lower) && described(latest).length > 0 && described(p).some((w) => !described(latest).includes(w));
  if (against) inHand = latest;
  if (!inHand || inHand.head.pos === 'PRON') return p;
  // ("picks the ones worth exploring": bare "ones" are the work items themselves.)
  if (p.words.length < 2) return p.head.lower === 'ones' ? inHand : p;
  return { ...p, words: p.words.map((w) => (w === p.head ? inHand.head : w)), head: inHand.head };
}

const REST = new Set(['others', 'rest', 'remainder']);

/**
 * "excludes those that fail and evaluates the rest", "the others are labelled", "the rest of the invoices": what is
 * left of the things in hand (or of the things named after "of"), not a thing called "rest".
 */
export function theRest(p: Phrase | null, inHand: Phrase | null): Phrase | null {
  if (!p || !REST.has(p.head.lower) || p.words.length > 1) return p;
  if (p.of) return p.of;
  if (!inHand || inHand.head.pos === 'PRON') return p;
  // ("Missing books are written off; the rest are relabelled": the rest are the books that are not missing.)
  const plain = inHand.words.filter((w) => w === inHand.head || !['ADJ', 'VERB'].includes(w.pos));
  return plain.length < inHand.words.length ? { words: plain, head: inHand.head, of: null } : inHand;
}
