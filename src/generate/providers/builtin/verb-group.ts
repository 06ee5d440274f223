// The verb group of a clause: auxiliaries, negation, adverbs, catenatives ("has to be entered", "tries to negotiate"),
// the main verb and its voice, and a particle ("take down", "send back").
import { IN_ON_VERBS, STEP_PARTICLES, TOGETHER_VERBS } from './lexicon.ts';
import { isVerbish } from './phrase.ts';
import type { Reading } from './reading.ts';
import type { Token } from './tokens.ts';

const CATENATIVE = new Set(['wait', 'need', 'have', 'try', 'want', 'decide', 'begin', 'start', 'continue', 'keep', 'finish', 'resume', 'commence', 'attempt', 'seem', 'plan', 'hope', 'wish', 'able', 'going', 'use', 'be', 'get', 'go', 'help', 'allow', 'let']);
const PARTICLES = new Set(['up', 'down', 'back', 'out', 'off', 'over', 'away', 'aside']);
const ASKING = new Set(['ask', 'request', 'tell', 'invite', 'require', 'instruct', 'remind', 'prompt']);
// Past participles that look like their base form.
export const BARE_PARTICIPLES = new Set(['put', 'set', 'cut', 'let', 'hit', 'read', 'shut', 'spread', 'cost', 'quit', 'sent', 'built', 'paid', 'sold', 'told', 'held', 'kept', 'left', 'made', 'found', 'bought', 'brought', 'taught', 'caught', 'lent', 'spent', 'meant', 'met', 'led', 'fed', 'won', 'shot', 'got', 'run', 'forecast', 'broadcast', 'input', 'output', 'bid']);
const GET_FORMS = new Set(['get', 'gets', 'got', 'gotten', 'getting']);
const isParticiple = (t: Token | undefined) => t?.pos === 'VERB' && t.lower !== 'used' && ((/(ed|en)$/.test(t.lower) && t.lower !== t.lemma) || BARE_PARTICIPLES.has(t.lower));
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", 'am']);

/**
 * Reads the verb group from `from`; sets verb, voice, negation, adverbs and particle, or `copula` when only a form
 * of "be" is there. Returns where the verb group stopped.
 */
export function readVerbGroup(tokens: Token[], from: number, r: Reading): number {
  let i = from;
  let sawBe = false;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.lower === 'to' && isVerbish(tokens[i + 1]) && i > from) {
      sawBe = false; // "is to select": an intention, not a passive
      continue;
    }
    if (t.pos === 'AUX' || (t.pos === 'PART' && t.lower !== 'to') || t.lower === 'not' || t.lower === "n't") {
      if (t.lower === 'not' || t.lower === "n't" || t.lower === 'never') r.negated = true;
      if (BE_FORMS.has(t.lower) || t.lemma === 'be') sawBe = true;
      else if (t.pos === 'AUX' && t.lemma !== 'have' && t.lemma !== 'do') sawBe = false;
      continue;
    }
    // "is responsible for analysing the root cause", "is in charge of making quotations": the duty is the step.
    const duty = t.lower === 'responsible' && tokens[i + 1]?.lower === 'for' ? 2 : t.lower === 'in' && tokens[i + 1]?.lower === 'charge' && tokens[i + 2]?.lower === 'of' ? 3 : 0;
    if (sawBe && duty && tokens[i + duty]?.pos === 'VERB') {
      sawBe = false;
      i += duty - 1;
      continue;
    }
    if (t.pos === 'ADV' && (isVerbish(tokens[i + 1]) || (tokens[i + 1]?.pos === 'ADV' && isVerbish(tokens[i + 2])))) {
      r.adverbs.push(t.lower);
      continue;
    }
    if (t.pos === 'VERB') {
      const next = tokens[i + 1];
      // "the employee gets reimbursed", "parts get ordered": "get" before a participle is the passive's "be".
      if (GET_FORMS.has(t.lower) && isParticiple(next)) {
        sawBe = true;
        continue;
      }
      const catenative = CATENATIVE.has(t.lemma) && ((next?.lower === 'to' && isVerbish(tokens[i + 2])) || (next?.pos === 'VERB' && next.lower.endsWith('ing')));
      if (catenative) {
        if (next?.lower === 'to') i++;
        sawBe = false;
        continue;
      }
      r.verb = t;
      r.passive = sawBe && !t.lower.endsWith('ing') && (/(ed|en)$/.test(t.lower) || BARE_PARTICIPLES.has(t.lower) || (t.lower !== t.lemma && !/s$/.test(t.lower)));
      // "the applicant is asked to send them": the step is the applicant's sending.
      if (r.passive && ASKING.has(t.lemma) && next?.lower === 'to' && tokens[i + 2]?.pos === 'VERB') {
        r.passive = false;
        r.asked = true;
        r.verb = tokens[i + 2]!;
        i += 3;
        break;
      }
      i++;
      break;
    }
    break;
  }
  if (!r.verb) {
    r.copula = sawBe || tokens.some((t) => t.lemma === 'be');
    return i;
  }
  // "logs in and changes it", "checks in at the desk": logging, checking or clocking in or out takes no object.
  const logIn = (STEP_PARTICLES[r.verb.lemma] ?? []).includes(tokens[i]?.lower ?? '') && !readsAsObject(tokens[i + 1]);
  const together = tokens[i]?.lower === 'together' && TOGETHER_VERBS.has(r.verb.lemma);
  const inOn = (tokens[i]?.lower === IN_ON_VERBS[r.verb.lemma] && readsAsObject(tokens[i + 1])) || logIn || together;
  if (tokens[i] && (PARTICLES.has(tokens[i]!.lower) || inOn) && (tokens[i]!.pos === 'ADP' || tokens[i]!.pos === 'ADV' || tokens[i]!.pos === 'PART')) {
    r.particle = tokens[i]!;
    i++;
  }
  while (tokens[i]?.pos === 'ADV') r.adverbs.push(tokens[i++]!.lower);
  return i;
}

/** "fill in the form" (a particle before its object), not "send in an envelope" or "fill in time". */
function readsAsObject(t: Token | undefined): boolean {
  return !!t && (t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN') && !['an', 'time', 'person', 'writing', 'advance', 'case'].includes(t.lower);
}
