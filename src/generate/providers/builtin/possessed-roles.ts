// "The supplier's driver", "the customer's account manager", "the department's head": who acts when a role is named
// through its possessor.
import { namesSomeone } from './agents.ts';
import type { Phrase } from './phrase.ts';

// Possessors that are organisations: a worker of theirs acts for them, so the step sits with the organisation.
export const OWNING_ORGANISATIONS = new Set([
  'supplier', 'vendor', 'carrier', 'courier', 'bank', 'insurer', 'manufacturer', 'partner', 'wholesaler', 'distributor',
  'contractor', 'company', 'firm', 'agency', 'subcontractor', 'landlord', 'broker', 'lab', 'laboratory', 'hospital',
]);
const COMPANY_SUFFIX = /^(ag|gmbh|inc|ltd|llc|plc|corp|co|sa|nv|bv|kg|se)$/i;
// Role heads that need their possessor to say whose they are: "the department's head" is the department head.
const BOUND_HEADS = new Set(['head', 'lead', 'chair']);

// Words that close the name of a unit of people, which belongs to its owner.
export const UNITS = new Set(['team', 'department', 'dept', 'desk', 'office', 'unit', 'group', 'division', 'staff', 'centre', 'center', 'crew', 'helpdesk', 'personnel']);

/**
 * The phrase naming who acts: the possessor when it is an organisation ("the supplier's driver" → supplier); the
 * possessed role alone when the possessor is a person or party it serves ("the customer's account manager" → account
 * manager); the whole phrase when the role only says whose it is ("the department's head") or is a unit ("the
 * provider's support team" → provider support team).
 */
export function possessedRole(p: Phrase): Phrase {
  const at = p.owned;
  if (!at) return p;
  const owner = p.words.slice(0, at);
  const role = p.words.slice(at);
  const ownerHead = owner[owner.length - 1]!;
  const organisation = OWNING_ORGANISATIONS.has(ownerHead.lemma.toLowerCase()) || COMPANY_SUFFIX.test(ownerHead.text);
  if (!namesSomeone({ words: role, head: p.head, of: null })) return p;
  // "the provider's support team", "Acme's IT department": a unit is named by whose it is, so the owner stays.
  if (UNITS.has(p.head.lemma.toLowerCase())) return p;
  if (organisation) return { words: owner, head: ownerHead, of: null };
  if (role.length === 1 && BOUND_HEADS.has(p.head.lemma.toLowerCase())) return p;
  return { words: role, head: p.head, of: p.of };
}
