// The label gate: a task label is an imperative verb with its object (or a verb that stands alone); task labels, lane
// names and conditions carry no modal, adverb, determiner or pronoun leftovers and no tokenizer artifacts.

import { MODALS, STEP_PARTICLES } from './lexicon.ts';
import { BASE_ED_ING } from './verb-lemma.ts';
import { SHARE_DETERMINERS } from './quantified-cases.ts';

export type LabelKind = 'task' | 'lane' | 'condition';

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'some', 'each', 'every']);
// Adverbs that tell when or how often, which a label never needs.
const LEFTOVER_ADVERBS = new Set([
  'also', 'then', 'firstly', 'finally', 'immediately', 'usually', 'always', 'often', 'sometimes', 'just', 'subsequently',
  'afterwards', 'thus', 'therefore', 'possibly', 'maybe', 'perhaps', 'simply', 'normally', 'typically', 'generally',
  'probably', 'really',
]);
/** Prepositions that open a state: "in stock", "within tolerance", "over budget". */
const STATE_PREPOSITIONS = new Set(['in', 'on', 'at', 'within', 'under', 'over', 'above', 'below']);
const PRONOUNS = new Set(['it', 'they', 'them', 'he', 'she', 'him', 'we', 'i', 'you', 'us', 'who', 'which', 'what', 'someone', 'something']);
const CONNECTIVES = new Set(['and', 'or', 'but', 'if', 'when', 'then', 'so', 'because', 'while', 'whether', 'to', 'of', 'for', 'with', 'by', 'from', 'in', 'on', 'at', 'as']);
// Verbs that make a whole step without an object ("Pay", "Sign").
export const STANDALONE_VERBS = new Set([
  'pay', 'sign', 'register', 'ship', 'approve', 'reject', 'decline', 'decide', 'travel', 'respond', 'reply', 'resign', 'vote', 'login',
  'proceed', 'rework', 'escalate', 'deploy', 'invoice', 'apply', 'enrol', 'enroll', 'attend', 'negotiate', 'report',
  'agree', 'book', 'check', 'follow-up', 'rest', 'recover', 'depart', 'arrive', 'wait', 'confirm', 'order', 'test',
  'review', 'intervene', 'pack', 'train', 'reconcile', 'retire', 'plan', 'board', 'disembark',
  // People going, finishing or stepping back: "the driver leaves", "the student graduates", "the candidate withdraws".
  'leave', 'graduate', 'withdraw', 'refuel', 'resit', 'abstain',
  // A body at work alone: "the jury deliberates", "the examiners confer", "passengers embark".
  'deliberate', 'confer', 'assemble', 'embark',
]);
// "Log in", "Sign out", "Check in": a whole step whose particle looks like a dangling preposition.
function loggingIn(label: string): boolean {
  const [verb = '', particle = '', ...rest] = label.toLowerCase().split(' ');
  return !rest.length && (STEP_PARTICLES[verb] ?? []).includes(particle);
}

/** "some boxes missing", "only some valid": a condition may open with the share of things it is about. */
function opensShare(words: string[], i: number): boolean {
  return SHARE_DETERMINERS.has(words[i]!) && words.length > i + 1 && (i === 0 || (i === 1 && words[0] === 'only'));
}

/** What is wrong with a label, or null when it passes. */
export function labelProblem(label: string, kind: LabelKind): string | null {
  if (!label.trim()) return 'empty';
  if (/\s['’]s\b/.test(label) || /\s{2,}/.test(label) || label !== label.trim() || /\s[,.;:!?]/.test(label)) return 'tokenizer artifact';
  const words = label.toLowerCase().split(' ');
  for (const [i, w] of words.entries()) {
    if (MODALS.has(w)) return `modal "${w}"`;
    if (LEFTOVER_ADVERBS.has(w)) return `adverb "${w}"`;
    if (kind !== 'condition' && DETERMINERS.has(w)) return `determiner "${w}"`;
    if (kind === 'condition' && DETERMINERS.has(w) && !['a', 'an'].includes(w) && !opensShare(words, i)) return `determiner "${w}"`;
  }
  // "IT" is a department, "it" a pronoun.
  const pronoun = label.split(' ').find((w) => PRONOUNS.has(w.toLowerCase()) && w !== w.toUpperCase());
  if (kind !== 'condition' && pronoun) return `pronoun "${pronoun}"`;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  if (kind === 'condition') {
    // "in stock", "on time", "at risk", "within tolerance": a state may open with its preposition.
    const state = words.length > 1 && STATE_PREPOSITIONS.has(first);
    // "Option A": a capital letter names the option, it is no article.
    const named = label.endsWith(' A');
    if ((CONNECTIVES.has(first) && !state) || CONNECTIVES.has(last) || (DETERMINERS.has(last) && !named)) return 'fragment';
    if (words.length === 1 && PRONOUNS.has(first)) return 'fragment';
    return null;
  }
  if (loggingIn(label)) return null;
  if (CONNECTIVES.has(last) || DETERMINERS.has(last)) return 'fragment';
  if (kind === 'lane') return /^[a-z]/.test(label) ? 'lower-case lane name' : null;
  if (CONNECTIVES.has(first) || /^\d/.test(first)) return 'no verb first';
  if (/(ed|ing)$/.test(first) && !BASE_ED_ING.has(first)) return `"${first}" is not an imperative`;
  if (words.length === 1 && !STANDALONE_VERBS.has(first)) return `"${label}" needs an object`;
  if (words.length > 2 && words[1] === first) return `"${first}" doubled`;
  return null;
}

/** Drops leftover words the gate refuses (modals, adverbs, determiners, pronouns, dangling function words). */
export function cleanLabel(label: string, kind: LabelKind): string {
  const words = label
    .replace(/\s+(['’]s)\b/g, '$1')
    .split(/\s+/)
    .filter((w, i) => {
      const lower = w.toLowerCase();
      if (MODALS.has(lower) || LEFTOVER_ADVERBS.has(lower)) return false;
      if (DETERMINERS.has(lower) && (kind !== 'condition' || !(['a', 'an'].includes(lower) || opensShare(label.toLowerCase().split(/\s+/), i)))) return false;
      return kind === 'condition' || i === 0 || !PRONOUNS.has(lower) || w === w.toUpperCase();
    });
  while (words.length > 1 && !loggingIn(words.join(' ')) && (CONNECTIVES.has(words[words.length - 1]!.toLowerCase()) || DETERMINERS.has(words[words.length - 1]!.toLowerCase()))) words.pop();
  // "Review review comments", "Audit audit trail": the verb said again as the object's first word says it once.
  if (kind === 'task' && words.length > 2 && words[1]!.toLowerCase() === words[0]!.toLowerCase()) words.splice(1, 1);
  const out = words.join(' ');
  return out.charAt(0).toUpperCase() + out.slice(1);
}
