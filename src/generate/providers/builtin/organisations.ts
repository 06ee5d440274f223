// "Purchasing between our company and a supplier": a text that sets its own organisation against another names two
// organisations, so the other party (a supplier, a wholesaler, a bank …) is a pool of its own, talked to by messages.
const BETWEEN = /\bbetween (?:us|ourselves|our (?:\w+ )?(?:company|organi[sz]ation|firm|business|shop|store|agency|office|bank|school|hospital|team)|the (?:\w+ )?(?:company|organi[sz]ation|firm|business)) and (?:a|an|the|our|their|one of our|an external) (\w+)/i;

// "An external lab analyses the sample", "a third-party carrier collects the parcel", "our partner bank": a party the
// text itself calls outside ours.
// ("an external repair company": the organisation's word may come after what it does.)
const OUTSIDE = /\b(?:an?|the|our|their) (?:external|outside|third[- ]party|independent|partner|contracted|outsourced) ((?:[\w-]+ ){0,2}[\w-]+)/gi;
// What such a word must name to be an organisation rather than a person working for us ("an external auditor"); also
// whom a narrator deals with as "we" ("We send the claim to the insurer").
const ORGANISATION_KINDS = new Set([
  'supplier', 'vendor', 'carrier', 'courier', 'bank', 'insurer', 'lab', 'laboratory', 'agency', 'contractor', 'provider',
  'company', 'firm', 'manufacturer', 'wholesaler', 'distributor', 'subcontractor', 'broker', 'haulier', 'forwarder', 'printer',
]);

export function isOrganisationKind(lemma: string): boolean {
  return ORGANISATION_KINDS.has(lemma.toLowerCase());
}

/** The other organisations' words ("supplier", "courier") when the text names more than its own; empty when not. */
export function otherOrganisations(text: string): string[] {
  const between = BETWEEN.exec(text)?.[1]?.toLowerCase();
  const outside = [...text.matchAll(OUTSIDE)].map((m) => m[1]!.toLowerCase().split(' ').find(isOrganisationKind)).filter((w): w is string => !!w);
  return [...new Set([...(between ? [between] : []), ...outside])];
}
