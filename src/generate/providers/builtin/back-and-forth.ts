// "The buyer and the seller go back and forth on the price": an exchange over a thing is its negotiation, one step
// ("Negotiate price"), never a step "Go back". ("This goes back and forth" with no thing is a loop: back-reference.ts.)

const FORMS: Record<string, string> = { go: 'negotiate', goes: 'negotiates', went: 'negotiated', going: 'negotiating', gone: 'negotiated' };

/**
 * The text with each "go back and forth on / over / about X" said as "negotiate X"; any other "back and forth" is one
 * word, so its "and" parts no clauses ("they go back and forth until they agree").
 */
export function negotiationsSaid(text: string): string {
  return text
    .replace(/\b(go|goes|went|going|gone) back and forth (?:on|over|about|regarding|concerning) /gi, (_m, go: string) => `${FORMS[go.toLowerCase()]} `)
    .replace(/\bback and forth\b/gi, 'back-and-forth');
}
