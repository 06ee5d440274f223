// Words for the kinds of people a service tells apart by who they are, not by the work they do: "Adults pay full
// price; children get a discount.", "Students pay €5; staff pay €8." Set against each other they are cases.
import { SERVED_PARTIES } from './agents.ts';

const PERSON_KINDS = new Set([
  'adult', 'child', 'kid', 'infant', 'baby', 'minor', 'teenager', 'teen', 'youth', 'senior', 'pensioner', 'retiree',
  'veteran', 'man', 'woman', 'person', 'family', 'couple', 'pupil', 'learner', 'traveller', 'traveler', 'tourist',
  'local', 'foreigner', 'newcomer', 'beginner', 'staff', 'employee', 'non-member', 'nonmember', 'non-resident',
]);

/** Plurals that do not end in -s, with their singular. */
export const IRREGULAR_PLURALS: Record<string, string> = { children: 'child', people: 'person', men: 'man', women: 'woman', staff: 'staff' };

/** Someone a service tells apart by what kind of person they are. */
export const isPersonKind = (singular: string) => PERSON_KINDS.has(singular) || SERVED_PARTIES.has(singular);
