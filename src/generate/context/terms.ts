// Preferred terms in labels: whole words, singular and plural, case kept, each word replaced at most once.
import type { PreferredTerm } from './hints.ts';

/** "policy" → "policies", "box" → "boxes", "customer" → "customers"; a phrase pluralises its last word. */
export function plural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/** The original's case on the replacement: "CUSTOMER" → "CLIENT", "Customer" → "Client", else as the folder writes it. */
function matchCase(replacement: string, original: string): string {
  if (original.length > 1 && original === original.toUpperCase() && original !== original.toLowerCase()) return replacement.toUpperCase();
  const first = original.charAt(0);
  if (first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const flexibleSpace = (s: string) => escape(s).replace(/\s+/g, '\\s+');

export type TermReplacer = (text: string) => string;

/**
 * One pass over the text for all terms at once, longest form first, so a replacement is never replaced again
 * ("client" → "customer" and "customer" → "client" swap) and "customer service" wins over "customer".
 */
export function termReplacer(terms: PreferredTerm[]): TermReplacer {
  const forms = new Map<string, string>();
  for (const { from, to } of terms) {
    forms.set(from.toLowerCase(), to);
    forms.set(plural(from).toLowerCase(), plural(to));
  }
  if (!forms.size) return (text) => text;
  const alternatives = [...forms.keys()].sort((a, b) => b.length - a.length).map(flexibleSpace);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) =>
    text.replace(pattern, (found: string, offset: number, whole: string) => {
      const to = forms.get(found.toLowerCase().replace(/\s+/g, ' '))!;
      return alreadyPreferred(whole, offset, found, to) ? found : matchCase(to, found);
    });
}

/** "purchase order" where the folder says "purchase order", not "order": the word is already inside the preferred term. */
function alreadyPreferred(text: string, offset: number, found: string, to: string): boolean {
  const lowerTo = to.toLowerCase();
  const at = lowerTo.search(new RegExp(`(?<![\\p{L}\\p{N}])${flexibleSpace(found.toLowerCase())}(?![\\p{L}\\p{N}])`, 'u'));
  if (at < 0) return false;
  const start = offset - at;
  return start >= 0 && text.slice(start, start + to.length).toLowerCase() === lowerTo;
}
