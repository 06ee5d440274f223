// Labels the rules spell themselves ("Order canceled" from a participle rule, "Analyze" from the lemmatiser) in the
// spelling the writer used: British and American forms are the same word to every rule, and the diagram keeps the
// text's ("cancelled", "labelled", "fulfil", "enrol", "organise").
import type { ProcessModel } from '../../model.ts';

/** The other spellings of a word: doubled or single l before an ending, -ise/-ize, -yse/-yze, a final -ll or -l. */
function otherSpellings(word: string): string[] {
  const out: string[] = [];
  const swap = (from: RegExp, to: string) => from.test(word) && out.push(word.replace(from, to));
  swap(/([aeiou])l(ed|ing|er|ers|ation)$/, '$1ll$2');
  swap(/([aeiou])ll(ed|ing|er|ers|ation)$/, '$1l$2');
  swap(/iz(e|es|ed|ing|ation|ations)$/, 'is$1');
  swap(/is(e|es|ed|ing|ation|ations)$/, 'iz$1');
  swap(/yz(e|es|ed|ing)$/, 'ys$1');
  swap(/ys(e|es|ed|ing)$/, 'yz$1');
  swap(/([^l])l(s|ment|ments)?$/, '$1ll$2');
  swap(/ll(s|ment|ments)?$/, 'l$1');
  return out;
}

/** A label with each word the text spells otherwise put in the text's spelling. */
function respell(label: string, written: Set<string>): string {
  return label.replace(/[A-Za-z]+/g, (word) => {
    const lower = word.toLowerCase();
    if (written.has(lower)) return word;
    const other = otherSpellings(lower).find((w) => written.has(w));
    if (!other) return word;
    return word[0] === word[0]!.toUpperCase() ? other.charAt(0).toUpperCase() + other.slice(1) : other;
  });
}

/** The model's node and flow labels in the spelling of `text`. */
export function inWritersSpelling(model: ProcessModel, text: string): void {
  const written = new Set(text.toLowerCase().match(/[a-z]+/g) ?? []);
  for (const n of model.nodes) n.label = respell(n.label, written);
  for (const f of model.flows) if (f.label) f.label = respell(f.label, written);
}
