// The base form of a verb from the form written. wink's lemmas misfire on regular forms ("staged" → "stag",
// "validated" → "validat", "routed" → "rout", "triaged" left as it is), so English spelling rules list the bases a
// form can come from, and the model's lexicon says which of them is a verb.
import { isBaseForm } from './wink-model.ts';

/** The plain form of a third-person verb the tagger read as a noun: "checks" → "check", "verifies" → "verify". */
export function thirdPersonBase(word: string): string {
  return word.replace(/(ss|sh|ch|x|z)es$/, '$1').replace(/ies$/, 'y').replace(/([^s])s$/, '$1');
}

// Base forms that end like an inflection ("needs", "proceed", "bring").
export const BASE_ED_ING = new Set([
  'need', 'feed', 'proceed', 'exceed', 'succeed', 'seed', 'embed', 'bring', 'string', 'shred', 'bed', 'wed', 'speed',
  'breed', 'bleed', 'heed', 'weed', 'shed', 'sing', 'ring', 'spring', 'swing', 'sting', 'cling', 'fling', 'wring',
]);
// Prefixes a writer puts before a known verb ("retested", "pre-approved", "onboarded").
const PREFIX = /^(re|pre|un|de|dis|mis|co|over|under|out|up|on|off|cross|double|auto)-?/;

/** The base form of the verb written `lower`, given the model's lemma for it. */
export function verbLemma(lower: string, modelLemma: string = lower): string {
  if (BASE_ED_ING.has(lower)) return lower;
  const bases = possibleBases(lower);
  if (!bases) return modelLemma;
  const { list } = bases;
  return (
    list.find((b) => isBaseForm(b, 'VERB')) ??
    // "does" → "do": the lexicon has no say on words it keeps apart (auxiliaries).
    (list.includes(modelLemma) ? modelLemma : undefined) ??
    // "focus", "bias": a base that ends in -s.
    (/s$/.test(lower) && isBaseForm(lower, 'VERB') ? lower : undefined) ??
    // An irregular form ("bled" → "bleed") or a respelling ("analysed" → "analyze") the lemmatiser knows.
    (modelLemma !== lower && isBaseForm(modelLemma, 'VERB') ? modelLemma : undefined) ??
    list.find((b) => isBaseForm(b)) ??
    list.find(prefixed) ??
    list[bases.plain]!
  );
}

/** A known verb behind a prefix ("retest", "re-submit", "onboard"). */
function prefixed(word: string): boolean {
  const rest = word.replace(PREFIX, '');
  return rest !== word && rest.length > 2 && isBaseForm(rest, 'VERB');
}

/**
 * The bases `lower` can be an inflection of, most likely first, and which of them to take when the lexicon knows
 * none; null when it is no regular inflection.
 */
function possibleBases(lower: string): { list: string[]; plain: number } | null {
  const ing = /ing$/.test(lower);
  if (ing || /ed$/.test(lower)) {
    const stem = lower.slice(0, ing ? -3 : -2);
    if (stem.length < 2 || !/[aeiouy]/.test(stem)) return null;
    // "certified", "dying"
    if (!ing && /i$/.test(stem)) return { list: [`${stem.slice(0, -1)}y`], plain: 0 };
    if (ing && /^[^aeiou]y$/.test(stem)) return { list: [`${stem.slice(0, -1)}ie`], plain: 0 };
    // "planned", "filled": a doubled consonant is the base's or the spelling's.
    if (/([^aeiou])\1$/.test(stem)) return { list: [stem, stem.slice(0, -1)], plain: /(ll|ss|ff|zz)$/.test(stem) ? 0 : 1 };
    // "seeing", "agreeing", "singing": an -e or a -ng before -ing is the base's own ("singeing" keeps its e).
    if (ing && /(e|ng)$/.test(stem)) return { list: [stem, `${stem}e`], plain: 0 };
    // "taped", "staged", "coded": one vowel and one consonant would have doubled ("tapped"), so the base has an -e;
    // and no English verb ends in "-v", "-u", a vowel and "c", a consonant and "l", or an unstressed "-at", "-is".
    const withE = /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(stem) || /(?:[uv]|[aeiou]c|[^aeiou]l|[aeiou][^aeiou]+(?:at|is|iz|ur|in))$/.test(stem);
    return { list: [`${stem}e`, stem], plain: withE ? 0 : 1 };
  }
  if (!/[^s]s$/.test(lower) || lower.length < 4) return null;
  const s = lower.slice(0, -1);
  const es = lower.slice(0, -2);
  // "applies", "ties"
  if (/ies$/.test(lower)) return lower.length > 4 ? { list: [`${lower.slice(0, -3)}y`, s], plain: 0 } : { list: [s], plain: 0 };
  // "fixes", "goes", "pushes" against "bases", "stages"
  if (/(ss|sh|ch|x|z|o)es$/.test(lower)) return { list: [es, s], plain: 0 };
  return { list: /es$/.test(lower) ? [s, es] : [s], plain: 0 };
}
