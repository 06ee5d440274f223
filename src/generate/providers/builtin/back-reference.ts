// "The process resumes at checking", "goes back to the review", "starts over": a clause that points back at an
// earlier step by name, so the flow returns there instead of drawing a step. Numbered references ("continue at
// step 3") are read elsewhere; this matcher only names the step in words.
import { RE_WORDS } from './lexicon.ts';
import { singular } from './process-name.ts';
import type { Token } from './tokens.ts';

/** `loose`: the verb alone says the flow goes back ("resumes at"), so an unmatched name still means the step that decided. */
/** `exchange`: "this goes back and forth" — the work returns to the party who sent it, and round again. */
export type BackReference = { kind: 'step'; words: string[]; loose: boolean } | { kind: 'start' } | { kind: 'exchange' };

// "resumes at / with / from X"; "continues at / from X" only when X names an earlier step ("continues with" is
// usually the next one).
const RESUME = /^(?:resume[sd]?|resuming|picks? up) (?:again )?(?:at|from|with) (.+)$/;
const CONTINUE = /^continue[sd]? (?:again )?(?:at|from) (.+)$/;
// "goes / jumps / loops / is sent back to X", "returns to X", "moves back to X".
const BACK_TO = /^(?:(?:goes|go|went|jumps?|loops?|moves?|flows?|is sent|are sent|gets sent|is passed|falls?) back|returns?|returned) to (.+)$/;
// "starts over", "starts again from the beginning", "begins anew", "restarts", "is restarted".
// ("restarts the listener" restarts a thing, not the process.)
const OVER = /^(?:(?:is |are )?(?:starts?|started|begins?|began|begun) (?:over|again|anew|afresh|from (?:the )?(?:beginning|start|scratch|top))|(?:is |are )?restart(?:s|ed)?(?: again| from .*)?$)/;

// "goes round again", "comes around again", "goes through the loop again": another round of the check that sent it back.
const ROUND = /^(?:goes|go|went|comes?|came|runs?|ran) (?:a?round|through (?:it|the loop|the cycle|the review|the check)) (?:once more|again)$|^(?:goes|go|went) a?round$/;

// "there is another round of review", "another iteration follows": the step named after "of", or the check that sent it back.
const ANOTHER = /^(?:is|are|follows?|comes?|starts?|begins?|takes? place|needs?|needed|goes through|go through) another (?:round|cycle|iteration|pass)(?: of (.+))?$/;
// "the cycle repeats", "this is repeated", "the whole thing starts again": the loop just told runs once more.
const LOOP_SUBJECT = new Set(['the', 'this', 'that', 'it', 'whole', 'same', 'cycle', 'loop', 'process', 'procedure', 'thing', 'round']);
const REPEATS = /^(?:repeats|is repeated|are repeated|recurs|repeats itself)(?: again)?$/;
const BACK_AND_FORTH = /^(?:goes|go|went|moves?|passes|pass) back-and-forth\b/;

/** The earlier step a clause sends the flow back to, or null when it names none. */
export function backReference(tokens: Token[]): BackReference | null {
  const verb = tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  const subject = tokens.slice(0, Math.max(verb, 0)).filter((t) => t.pos !== 'PUNCT' && t.pos !== 'ADV' && !['and', 'then', 'so'].includes(t.lower));
  const said = verb >= 0 ? words(tokens.slice(verb)) : '';
  // ("the author and the editor go back and forth": whoever trades the work, it goes round again.)
  if (BACK_AND_FORTH.test(said)) return { kind: 'exchange' };
  if (subject.length && subject.every((t) => LOOP_SUBJECT.has(t.lower)) && REPEATS.test(said)) return { kind: 'step', words: [], loose: true };
  // From a verb on: the subject ("the process", "the work", "we") says nothing about where to.
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.pos !== 'VERB' && tokens[i]!.pos !== 'AUX') continue;
    const found = readFrom(words(tokens.slice(i)));
    if (found) return found;
  }
  // "If not, back to checking the dashboards", "otherwise back to the review": no verb, "back to" says it all.
  const back = tokens.findIndex((t, i) => t.lower === 'back' && tokens[i + 1]?.lower === 'to');
  const verbless = back >= 0 && tokens.slice(0, back).every((t) => LEAD_INS.has(t.lower) || t.pos === 'PUNCT');
  return verbless ? readFrom(`goes ${words(tokens.slice(back))}`) : null;
}

// Words that may open a verbless "back to …": a connective or the negated condition it answers.
const LEAD_INS = new Set(['if', 'not', 'otherwise', 'else', 'then', 'and', 'or', 'so', 'no', 'it', 'fails', 'failed']);

const words = (tokens: Token[]) =>
  tokens
    .filter((t) => t.pos !== 'PUNCT')
    .map((t) => t.lower)
    .join(' ');

// "restarts both checks", "restarts the tests", "reruns all checks": the checks that decided run again.
const CHECKS_AGAIN = /^(?:restart|rerun|re-run|repeat|redo)(?:s|ed)? (?:both|all|the|all the|both the|these|those) (?:checks|tests|inspections|reviews|audits|controls)(?: again)?$/;

function readFrom(said: string): BackReference | null {
  if (CHECKS_AGAIN.test(said)) return { kind: 'step', words: [], loose: true };
  if (OVER.test(said)) return { kind: 'start' };
  // (No step named: the step that decided, as a loose reference.)
  if (ROUND.test(said)) return { kind: 'step', words: [], loose: true };
  const another = ANOTHER.exec(said);
  if (another) return { kind: 'step', words: (another[1] ?? '').split(' ').filter((w) => w && !STOP.has(w)), loose: true };
  const back = BACK_TO.exec(said);
  const resume = RESUME.exec(said);
  const named = (back ?? resume ?? CONTINUE.exec(said))?.[1];
  if (!named) return null;
  const target = named.split(' ').filter((w) => !STOP.has(w));
  // "returns to the employee" is a hand-over, "goes back to step 3" a numbered reference: neither is read here.
  if (!target.length || target.some((w) => /^\d+$/.test(w)) || PEOPLE.has(target[0]!)) return null;
  if (/^(?:beginning|start|top|scratch)$/.test(target[0]!)) return { kind: 'start' };
  // "The passport is sent back to the town hall", "returns to the desk": a hand-over unless a step is named.
  return { kind: 'step', words: target, loose: !!resume || (!!back && !/^(?:return|is |are |gets )/.test(said)) };
}

// "goes back to them": a person, never a step.
const PEOPLE = new Set(['us', 'me', 'him', 'her', 'them', 'you', 'customer', 'client', 'sender', 'requester', 'applicant']);

const STOP = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'his', 'her', 'our', 'step', 'stage', 'point', 'of', 'once', 'when', 'after', 'again', 'and', 'then']);

/**
 * The earlier step a back-reference names: its verb ("checking", "the check", "verification" → Check …) counts
 * most, then the things it names; the latest of equals wins. Undefined when no verb or only one thing fits.
 */
export function stepNamed<T extends { label: string }>(words: string[], steps: T[]): T | undefined {
  const stems = words.map(stem);
  let best: T | undefined;
  let bestScore = 0;
  for (const step of steps) {
    const [verb = '', ...rest] = step.label.toLowerCase().split(/\s+/);
    const v = stem(verb);
    const verbFits = stems.some((s) => s === v || (s.length > 3 && v.length > 3 && (s.startsWith(v) || v.startsWith(s))));
    const things = rest.filter((w) => stems.includes(stem(w))).length;
    // A thing alone ("back to maintenance") is too weak unless two of its words fit.
    const score = (verbFits ? 2 : 0) + things;
    if (score >= 2 && score >= bestScore) {
      best = step;
      bestScore = score;
    }
  }
  return best;
}

/** A rough shared stem: "checking", "checks", "check" → "check"; "verification", "verify" → "verif". */
function stem(word: string): string {
  return word
    .replace(/(ication|ation|ition|ion|ment|ance|ence|al)$/, '')
    .replace(/(ing|ed|es|s|e|y|ie)$/, '')
    .replace(/(.)\1$/, '$1');
}

/** The verb a clause does once more: "resubmits" → submit, "re-runs" → run; null for "reads", "reports" (RE_WORDS). */
export function redoneVerb(base: string): string | null {
  if (RE_WORDS.has(base)) return null;
  return /^re-([a-z]{3,})$/.exec(base)?.[1] ?? /^re([a-z]{3,})$/.exec(base)?.[1] ?? null;
}

/**
 * The earlier step done again with verb `verb` ("prints again" → Print label, "resubmits it" → Submit claim): one
 * whose thing is `thing` when the text names it, else the first step of that verb. The one way to find it.
 */
export function stepOfVerb<T extends { label: string }>(verb: string, thing: string | null, steps: T[]): T | undefined {
  // ("sends it back …, who corrects it and sends it again": the handing in again is no second send-back.)
  const ofVerb = steps.filter((s) => s.label.toLowerCase().split(' ')[0] === verb && s.label.toLowerCase().split(' ')[1] !== 'back');
  // ("the papers are reviewed again" after "Review exam paper": the same thing, one or many.)
  return thing ? ofVerb.find((s) => singular(s.label.toLowerCase().split(' ').at(-1) ?? '') === singular(thing)) : ofVerb[0];
}
