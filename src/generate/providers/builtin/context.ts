// What only the builtin needs from a context or the text: who "I/we" are, and that it writes English only.
// Terms, lanes and label case are applied to every provider's model in src/generate/context.
import { SPEAKER } from '../../context/hints.ts';

/** Reads "I am the Head of …", "As the head of …, I" or "At our bakery, we" in the description itself. */
export function readSpeaker(text: string): string | null {
  const m = SPEAKER.exec(text) ?? SPEAKER_AS.exec(text) ?? SPEAKER_AT.exec(text) ?? OUR_UNIT_NAMED.exec(text);
  // "I'm the owner of a flower shop", "We are a small catering company": the lane is the business.
  return m ? m[1]!.replace(OWNER_OF, '').replace(SIZE, '').trim() : null;
}

// "As the head of the purchasing team, I …"
const SPEAKER_AS = /\bAs (?:the|a|an) ([A-Za-z][A-Za-z -]{1,60}?),\s*(?:I|we)\b/i;
// "At our bakery, we …", "Here at the clinic, we …"
const SPEAKER_AT = /\b(?:Here )?at (?:our|the) ([A-Za-z][A-Za-z -]{1,40}?),\s*(?:I|we)\b/i;
// "Our team (finance) receives …", "we (the service desk) log it"
const OUR_UNIT_NAMED = /\b(?:our (?:team|department|unit|office|group|desk)|we)\s*\((?:the |our )?([A-Za-z][A-Za-z &-]{1,40}?)\)/i;
/** The role a letter is signed with: who "I" and "we" are, never the reader addressed as "you". */
export function signedRole(text: string): string | null {
  return SIGNED_ROLE.exec(text)?.[1]?.trim() ?? null;
}

// A letter signed with a role: "Thanks, Priya (payroll officer)", "Best regards,\nMaria Lopez\nOffice Manager".
const SIGNED_ROLE = /(?:regards|thanks|thank you|cheers|best)[,!.]?\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?\s*(?:,|\(|\n|[–—-])\s*(?:the )?([A-Za-z][A-Za-z &-]{2,40}?)\)?\s*$/i;
const OWNER_OF = /^(?:the )?(?:owner|co-owner|founder|proprietor|manager) of (?:the |a |an |our )?/i;
const SIZE = /\b(?:small|little|tiny|local|family-run|independent)\s+/gi;

export function languageWarning(language: string): string {
  return `The folder asks for ${language.charAt(0).toUpperCase()}${language.slice(1)} labels; the builtin generator writes English labels only.`;
}
