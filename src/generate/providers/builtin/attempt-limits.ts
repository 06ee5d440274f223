// Attempt limits on a loop: "tries again, up to three attempts", "retries twice, then escalates", "after the third
// failed attempt the account is locked". The loop goes through a gateway that counts the attempts; the way out when
// they are used up holds what the text says happens then.
import { NUMBER_WORDS } from './time-expressions.ts';
import type { Token } from './tokens.ts';

export interface AttemptPhrase {
  /** A limit set on a loop ("up to three attempts"), or what happens once it is reached ("after the third failed attempt"). */
  kind: 'limit' | 'exhausted';
  /** How many the text allows; null when it gives no number ("if all attempts fail"). */
  count: number | null;
  /** What is counted: attempts in all, or retries after the first attempt ("retries twice"). */
  unit: 'attempts' | 'retries';
  /** The phrase's words, which name no step. */
  words: Set<Token>;
}

const ORDINALS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const TIMES: Record<string, number> = { once: 1, twice: 2, thrice: 3 };
const ATTEMPTS = /^(attempts?|times|tries|tr(y|ies)|retries)$/;
/** Words without which a sentence counts no attempts. */
const COUNTED = /^(attempts?|times|tries|retries|retry|twice|thrice)$/;
const FAILED = /^(failed|unsuccessful)$/;
/** Verbs whose object is the attempts themselves. */
const LIGHT = new Set(['make', 'have', 'get', 'allow', 'give']);

function amount(word: string | undefined): number | null {
  if (!word) return null;
  if (/^\d+$/.test(word)) return Number(word);
  const n = NUMBER_WORDS[word];
  return n && word.length > 2 ? n : null;
}

function ordinal(word: string | undefined): number | null {
  return (word && (ORDINALS[word] ?? (/^\d+(st|nd|rd|th)$/.test(word) ? parseInt(word, 10) : null))) || null;
}

/** The attempt limit or exhaustion a sentence speaks of, if any. */
export function attemptPhrase(tokens: Token[]): AttemptPhrase | null {
  const w = tokens.map((t) => t.lower);
  if (!w.some((x) => COUNTED.test(x))) return null;
  const span = (from: number, to: number) => new Set(tokens.slice(from, to));
  const retrying = w.some((x) => /^(retr(y|ies)|re-?attempts?|re-?tries)$/.test(x)) || w.some((x, i) => /^tr(y|ies)$/.test(x) && w[i + 1] === 'again');
  for (let i = 0; i < w.length; i++) {
    // "after the third (failed) attempt", "if the third attempt (also) fails"
    const nth = w[i + 1] === 'the' ? ordinal(w[i + 2]) : null;
    if (nth && ['after', 'if', 'when', 'once'].includes(w[i]!)) {
      let j = i + 3;
      if (FAILED.test(w[j] ?? '')) j++;
      if (/^(attempt|try|retry)$/.test(w[j] ?? '')) {
        j++;
        if (w[i] !== 'after') while (j < w.length && /^(also|still|fails|failed|too|,)$/.test(w[j]!)) j++;
        return { kind: 'exhausted', count: nth, unit: 'attempts', words: span(i, j) };
      }
    }
    // "after three failed attempts", "if all (three) attempts fail"
    if (['after', 'if', 'when', 'once'].includes(w[i]!)) {
      let j = i + 1;
      const all = w[j] === 'all';
      if (all) j++;
      const n = amount(w[j]);
      if (n) j++;
      const failed = FAILED.test(w[j] ?? '');
      if (failed) j++;
      if ((all || (n && failed)) && /^(attempts|tries|retries)$/.test(w[j] ?? '')) {
        j++;
        while (j < w.length && /^(have|also|fail|failed|,)$/.test(w[j]!)) j++;
        return { kind: 'exhausted', count: n, unit: 'attempts', words: span(i, j) };
      }
    }
    // "up to three attempts", "at most 3 times", "a maximum of five tries", "no more than two times"
    const lead = w[i] === 'up' && w[i + 1] === 'to' ? 2 : w[i] === 'at' && w[i + 1] === 'most' ? 2 : w[i] === 'maximum' && w[i + 1] === 'of' ? 2 : w[i] === 'no' && w[i + 1] === 'more' && w[i + 2] === 'than' ? 3 : 0;
    const n = lead ? amount(w[i + lead]) : null;
    // "up to three delivery attempts": one noun may say what is attempted.
    const noun = tokens[i + lead + 1]?.pos === 'NOUN' && ATTEMPTS.test(w[i + lead + 2] ?? '') ? 1 : 0;
    if (n && ATTEMPTS.test(w[i + lead + 1 + noun] ?? '')) {
      // "makes up to three attempts", "gets a maximum of three tries": the light verb goes with its object.
      let from = w[i - 1] === 'a' && w[i] === 'maximum' ? i - 1 : i;
      if (tokens[from - 1]?.pos === 'VERB' && LIGHT.has(tokens[from - 1]!.lemma)) from--;
      // "retries up to three times": three retries after the first attempt.
      const unit = retrying && w[i + lead + 1] !== 'attempts' ? 'retries' : 'attempts';
      return { kind: 'limit', count: n, unit, words: span(from, i + lead + 2 + noun) };
    }
    // "retries twice", "tries again three more times"
    const times = TIMES[w[i]!] ?? (amount(w[i]) && /^(more|times)$/.test(w[i + 1] ?? '') ? amount(w[i]) : null);
    if (times && retrying) {
      let j = i + 1;
      while (j < w.length && /^(more|times)$/.test(w[j]!)) j++;
      return { kind: 'limit', count: times, unit: 'retries', words: span(i, j) };
    }
  }
  return null;
}

export type AttemptLimit = Pick<AttemptPhrase, 'count' | 'unit'>;

/** The conditions on the counting gateway: back while some are left ("fewer than 3 attempts"), out once all failed. */
export function countConditions(limit: AttemptLimit): { left: string; used: string } {
  if (!limit.count) return { left: `${limit.unit} left`, used: `all ${limit.unit} failed` };
  const unit = limit.count === 1 ? limit.unit.replace(/ies$/, 'y').replace(/s$/, '') : limit.unit;
  return { left: `fewer than ${limit.count} ${unit}`, used: `${limit.count} ${unit} failed` };
}
