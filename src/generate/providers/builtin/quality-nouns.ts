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
  // Degrees asked with "how": "decides how urgent it is".
  urgent: 'urgency', serious: 'severity', severe: 'severity', risky: 'risk', complex: 'complexity', important: 'importance',
  critical: 'criticality', difficult: 'difficulty', damaged: 'damage', expensive: 'cost', costly: 'cost', big: 'size', large: 'size',
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

/**
 * "decides how urgent it is", "assesses how risky the shipment is": the degree asked about names what is judged
 * ("urgency", "risk"), so the step is "Assess urgency" rather than a bare "Decide". Null when no "how" asks one.
 */
export function askedDegree(tokens: Token[]): string | null {
  const how = tokens.findIndex((t, i) => t.lower === 'how' && tokens[i - 1]?.pos === 'VERB');
  return how < 0 ? null : (QUALITIES[tokens[how + 1]?.lower ?? ''] ?? null);
}
