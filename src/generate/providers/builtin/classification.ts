// "The analyst classifies each incident as low, medium or high": one decision with a branch per class, opened by the
// sentences that go on to say what happens to each ("Low incidents are closed …", "For high ones, …").
import type { Token } from './tokens.ts';

export interface Classification {
  /** The classes, as the text names them: "low", "medium", "high". */
  values: string[];
  /** What is classified ("incident"): a later "if the incident is high" is about the same decision. */
  subject: string;
}

const CLASSIFYING = /^(classif|categori[sz]|grad|rat|rank|triag|prioriti[sz]|sort|mark|flag|tag|label|assess|score)/;

/** The classification a sentence makes, or null: "classifies X as A, B or C", "is sorted into A, B and C". */
export function readClassification(sentence: Token[]): Classification | null {
  const verb = sentence.findIndex((t) => t.pos === 'VERB' && CLASSIFYING.test(t.lower));
  if (verb < 0) return null;
  const as = sentence.findIndex((t, i) => i > verb && (t.lower === 'as' || t.lower === 'into'));
  if (as < 0) return null;
  const items: string[][] = [[]];
  for (const t of sentence.slice(as + 1)) {
    if (t.text === '.' || t.text === ';') break;
    if (t.text === ',' || t.lower === 'or' || t.lower === 'and') {
      if (items.at(-1)!.length) items.push([]);
      continue;
    }
    if (t.pos !== 'DET') items.at(-1)!.push(t.lower);
  }
  const named = items.filter((i) => i.length > 0);
  // Clauses come without their commas ("as low medium or high"): each word before the last "or/and" is a class, and
  // the last item's first word is one ("as minor, major or critical defects": the noun belongs to all of them).
  const values = [...named.slice(0, -1).flat(), ...(named.length > 1 ? [named.at(-1)![0]!] : [])];
  if (values.length < 2 || values.length > 6) return null;
  const subject = sentence.slice(verb + 1, as).filter((t) => t.pos === 'NOUN').at(-1)?.lemma ?? 'it';
  return { values, subject };
}

/**
 * The class a sentence opens with ("Low incidents are closed …", "For medium ones, …", "High-priority tickets …"),
 * within its first five words; null when it names none.
 */
export function classMentioned(sentence: Token[], classification: Classification): string | null {
  const opening = sentence.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'DET' && !['for', 'if', 'when', 'with'].includes(t.lower)).slice(0, 5);
  const said = ` ${opening.map((t) => t.lower).join(' ')} `;
  return classification.values.find((v) => said.includes(` ${v} `) || said.includes(` ${v}-`)) ?? null;
}
