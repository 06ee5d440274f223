// "checks whether the form is complete" checks the form's completeness: a question whether something has a quality
// names the quality as what is checked ("Check form completeness", "Verify applicant eligibility"), where "Check
// whether form complete" keeps the question's grammar and "Check form" loses what is asked.
import type { Phrase } from './phrase.ts';
import type { Token } from './tokens.ts';

const QUALITIES: Record<string, string> = {
  complete: 'completeness', correct: 'correctness', valid: 'validity', eligible: 'eligibility', accurate: 'accuracy',
  available: 'availability', consistent: 'consistency', legible: 'legibility', feasible: 'feasibility',
  plausible: 'plausibility', suitable: 'suitability', adequate: 'adequacy', compliant: 'compliance',
  sufficient: 'sufficiency', affordable: 'affordability', creditworthy: 'creditworthiness', authentic: 'authenticity',
  genuine: 'authenticity', fit: 'fitness', reliable: 'reliability', secure: 'security', safe: 'safety',
};

/** Whether a word names a quality asked about ("completeness"): what is handled is the thing that has it. */
export const isQualityNoun = (word: string) => QUALITY_NOUNS.has(word.toLowerCase());
const QUALITY_NOUNS = new Set(Object.values(QUALITIES));

/** "the form is complete", "the applicant is eligible": the quality asked about of the subject, or null. */
export function askedQuality(asked: Token[], subject: Phrase | null): string | null {
  if (!subject) return null;
  const be = asked.findIndex((t) => t.lemma === 'be' && asked.indexOf(subject.head) < asked.indexOf(t));
  const adjective = asked[be + 1];
  const noun = adjective && QUALITIES[adjective.lower];
  // ("is complete and signed": more than one quality is a condition, not one thing to check.)
  return be < 0 || !noun || asked.slice(be + 2).some((t) => t.pos !== 'PUNCT') ? null : noun;
}
