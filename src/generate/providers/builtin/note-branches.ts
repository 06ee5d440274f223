// Notes that branch with arrows: "count pallets. mismatch? -> note discrepancy, inform purchasing. ok -> put away",
// "known issue? yes -> send standard answer. no -> escalate", "review -> changes requested -> developer updates PR ->
// review again; approved -> merge". A short question or a verbless outcome between arrows is the condition of the
// steps after it, up to the end of its part — so each is written as the "If …, A, then B" sentence the reader knows,
// and "review again" at its end stays the loop back it says. Not a task "Mismatch pallets", not a chain in a row.
import { isState } from './note-conditions.ts';

const ARROW = /\s*(?:-->|->|→|=>)\s*/;
const LEAD = /^(\s*(?:[-*•]\s+|\d{1,2}[.)]\s+|step\s+\d{1,2}\s*[:.)]\s*)?)(.*)$/i;
const YES = /^(?:yes|y|ok|true)$/i;
const NO = /^(?:no|n|not ok|false)$/i;
// A question written out opens with its verb or a question word: "Is it paid? -> …" keeps its own words.
const ASKED = /^[A-Za-z][\w' -]{0,40}$/;

/** "mismatch?", "stock low?": a short question a note asks, without its question mark; null otherwise. */
function question(part: string): string | null {
  const m = /^(.+?)\s*\?$/.exec(part.trim());
  return m && ASKED.test(m[1]!) && m[1]!.split(/\s+/).length <= 6 ? m[1]! : null;
}

/** The condition a part sets on the steps after it: a question, or a verbless outcome ("changes requested", "ok"). */
function conditionOf(part: string): string | null {
  return question(part) ?? (isState(part) ? part.trim() : null);
}

/** "covered" and "not covered": one outcome and its negation are the two ways of one choice. */
const negates = (a: string, b: string) => a.toLowerCase() === `not ${b.toLowerCase()}` || b.toLowerCase() === `not ${a.toLowerCase()}`;

/** The sentences of one note line that branches, or null when it does not. */
function branchedLine(body: string): string | null {
  // Parts end at ". " and "; ", and a question ends before its answer ("known issue? yes -> …").
  const segments = body
    .replace(/\?\s+(?=(?:yes|no|y|n)\s*(?:-->|->|→|=>|:))/gi, '?\n')
    .replace(/,\s+(?=(?:yes|no)\s*(?:-->|->|→|=>))/gi, '\n')
    .split(/\s*[.;]\s+|\s*[.;]\s*$|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  const parts = segments.map((s) => s.split(ARROW).map((p) => p.trim()));
  const asked = parts.some((p, i) => (p.length >= 2 && question(p[0]!)) || (p.length === 1 && question(p[0]!) && /^(?:yes|no|y|n)$/i.test(parts[i + 1]?.[0] ?? '') && (parts[i + 1]?.length ?? 0) >= 2));
  // ("review -> changes requested -> developer updates PR -> review again; approved -> merge": an outcome inside a
  // chain, with a loop back or another outcome told — not "order picked -> order packed", states reached in a row.)
  const chain = parts.find((p) => p.length >= 3 && p.slice(1, -1).some((x) => conditionOf(x)));
  const chained = !!chain && (/\b(?:again|back to)\b/i.test(body) || parts.some((p) => p !== chain && p.length >= 2 && conditionOf(p[0]!)));
  if (!asked && !chained) return null;
  type Said = string | { condition: string; steps: string[] };
  const out: Said[] = [];
  let pending: string | null = null;
  for (const p of parts) {
    const [first, ...rest] = p as [string, ...string[]];
    if (p.length === 1 && question(first)) {
      pending = question(first);
      continue;
    }
    // "yes -> …" / "no -> …": the ways of the question just asked.
    if (pending && rest.length && (YES.test(first) || NO.test(first))) {
      out.push({ condition: YES.test(first) ? pending : `not ${pending}`, steps: rest });
      continue;
    }
    pending = null;
    let steps: string[] = [];
    let condition: string | null = null;
    const flush = () => {
      // (An outcome right before another names no steps of its own.)
      if (condition && steps.length) out.push({ condition, steps });
      else out.push(...steps);
      steps = [];
    };
    p.forEach((x, i) => {
      const c = i < p.length - 1 ? conditionOf(x) : null;
      if (c) {
        flush();
        condition = c;
      } else steps.push(x);
    });
    flush();
  }
  // ("not covered -> …. covered -> …", "no -> …. yes -> …": the outcome first, its negation "Otherwise".)
  out.forEach((s, i) => {
    const t = out[i + 1];
    if (typeof s === 'string' || typeof t !== 'object' || !negates(s.condition, t.condition)) return;
    const [yes, no] = /^not /i.test(s.condition) ? [t, s] : [s, t];
    out.splice(i, 2, yes, `Otherwise, ${no.steps.join(', then ')}`);
  });
  const said = out.map((s) => (typeof s === 'string' ? s : `If ${s.condition}, ${s.steps.join(', then ')}`).replace(/[,;]$/, ''));
  return said.length ? said.join('. ') : null;
}

/** The text with each note line that branches by arrows written as "If …," sentences; other lines as they are. */
export function noteBranches(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!ARROW.test(line)) return line;
      const [, lead = '', body = ''] = LEAD.exec(line) ?? [];
      const stop = /[.!]\s*$/.test(body) ? '' : '.';
      const said = branchedLine(body);
      return said ? `${lead}${said}${stop}` : line;
    })
    .join('\n');
}
