// "If the form is incomplete and the applicant is a minor, the clerk calls the parents": a condition that ends in
// "and"/"or" goes on in the next clause, so both parts are one condition, not a condition and a stray statement.
import type { Clause } from './clauses.ts';

export function joinConditionParts(clauses: Clause[]): Clause[] {
  const out: Clause[] = [];
  for (let k = 0; k < clauses.length; k++) {
    const c = clauses[k]!;
    const next = clauses[k + 1];
    const last = c.tokens.filter((t) => t.pos !== 'PUNCT').at(-1)?.lower;
    // Only when something still follows for the condition to govern.
    if (c.role === 'condition' && (last === 'and' || last === 'or') && next?.role === 'plain' && clauses[k + 2]) {
      out.push({ ...c, tokens: [...c.tokens, ...next.tokens] });
      k++;
      continue;
    }
    out.push(c);
  }
  return out;
}
