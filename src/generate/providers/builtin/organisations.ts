// "Purchasing between our company and a supplier": a text that sets its own organisation against another names two
// organisations, so the other party (a supplier, a wholesaler, a bank …) is a pool of its own, talked to by messages.
const BETWEEN = /\bbetween (?:us|ourselves|our (?:\w+ )?(?:company|organi[sz]ation|firm|business|shop|store|agency|office|bank|school|hospital|team)|the (?:\w+ )?(?:company|organi[sz]ation|firm|business)) and (?:a|an|the|our|their|one of our|an external) (\w+)/i;

/** The other organisation's word ("supplier") when the text names two organisations; null when it names one. */
export function otherOrganisation(text: string): string | null {
  return BETWEEN.exec(text)?.[1]?.toLowerCase() ?? null;
}
