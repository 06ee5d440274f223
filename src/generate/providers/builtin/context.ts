// What only the builtin needs from a context or the text: who "I/we" are, and that it writes English only.
// Terms, lanes and label case are applied to every provider's model in src/generate/context.
import { SPEAKER } from '../../context/hints.ts';

/** Reads "I am the Head of …" or "As the head of …, I" in the description itself. */
export function readSpeaker(text: string): string | null {
  const m = SPEAKER.exec(text) ?? SPEAKER_AS.exec(text);
  return m ? m[1]!.trim() : null;
}

// "As the head of the purchasing team, I …"
const SPEAKER_AS = /\bAs (?:the|a|an) ([A-Za-z][A-Za-z -]{1,60}?),\s*(?:I|we)\b/i;

export function languageWarning(language: string): string {
  return `The folder asks for ${language.charAt(0).toUpperCase()}${language.slice(1)} labels; the builtin generator writes English labels only.`;
}
