// Cases told as labelled lines: "VIP guests: the manager greets them" / "Regular guests: reception checks them in",
// "Up to 500 euros: the clerk approves." / "Above: the manager." Two or more lines in a row, each a kind of one thing
// (the same head noun with other words before it) or an amount, and what happens then, are the ways of one choice —
// written as "Where …," lines, which the reader draws so. Phases named the same way ("Intake: …", "Triage: …") share
// no head and stay steps in a row.
import { roleWord } from './agents.ts';
import { IRREGULAR_PLURALS } from './person-kinds.ts';
import { canBeVerb } from './tokens.ts';
import { thirdPersonBase } from './verb-lemma.ts';

// A line "LEFT: RIGHT", the left a short label, the right running to the line's end.
const LABELLED = /^([ \t]*)([A-Za-z0-9][^:\n]{0,40}?)\s*:\s+(\S[^\n]*)$/;
/** Words that open an amount compared with a bound: "up to 500 euros", "over 1,000", "above". */
const BOUND = '(up to|below|above|under|over|beyond|from|at least|at most|less than|more than|between|anything (?:less|more|above|below|over|under))\\b';
const RANGE = new RegExp(`^${BOUND}`, 'i');
// ("Score below 50: …": the measured thing may stand before a bound with a number.)
const MEASURED_RANGE = new RegExp(`^[a-z]+ ${BOUND}.*\\d`, 'i');
const ALONE = /^(above|below|over|under|beyond|more|less|higher|lower|anything (?:less|more|above|below|over|under|else))$/i;
const STOP = /^(note|notes|step|phase|stage|input|output|owner|who|when|what|trigger|result|goal|process|title|subject|example|e\.g|tip)$/i;

const singular = (w: string) => IRREGULAR_PLURALS[w] ?? thirdPersonBase(w);
/** The label in lower case, but for acronyms ("VIP guests"). */
const lowered = (left: string) => left.split(/\s+/).map((w) => (/^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase())).join(' ');

interface Case { line: number; indent: string; left: string; right: string }

/**
 * "Minor fault: …" / "Major fault: …": lines whose labels end in the same singular noun, each with a word of its own
 * before it, are kinds of that thing too — but not roles ("Project manager: …" / "Finance manager: …" are steps).
 */
function singularKinds(run: Case[]): boolean {
  const labels = run.map((c) => c.left.toLowerCase().split(/\s+/));
  const head = labels[0]!.at(-1)!;
  const firsts = new Set(labels.map((w) => w.slice(0, -1).join(' ')));
  return (
    !roleWord(head) &&
    firsts.size === labels.length &&
    labels.every((w) => w.length >= 2 && w.length <= 3 && w.at(-1) === head && !STOP.test(w[0]!) && w.every((x) => /^[a-z][a-z-]*$/.test(x)))
  );
}

/** The head noun a kind names ("order" for "Small orders", "medium ones" after them), or null for no kind. */
function kindHead(left: string, before: string | undefined): string | null {
  const words = left.toLowerCase().split(/\s+/);
  if (words.length < 2 || words.length > 3 || STOP.test(words[0]!) || words.some((w) => !/^[a-z0-9][a-z0-9-]*$/.test(w))) return null;
  const head = words.at(-1)!;
  if (/^(ones|others)$/.test(head)) return before ?? null;
  return /[^s]s$/.test(head) || head in IRREGULAR_PLURALS ? singular(head) : null;
}

/** A right side without a verb of its own ("the manager."): the party of a case whose step is the one before. */
function verbless(right: string): boolean {
  const words = right.replace(/[.!;]+\s*$/, '').split(/\s+/);
  // ("the unit is swapped": a passive has its verb.)
  const passive = words.some((w) => /^(is|are|was|were|gets|get)$/i.test(w));
  return words.length <= 4 && !passive && /^(the|a|an|our|their)$/i.test(words[0]!) && !words.slice(1).some((w) => /[^s]s$/.test(w.toLowerCase()) && canBeVerb(thirdPersonBase(w.toLowerCase())));
}

/** The predicate of a case's step: what follows its subject's verb-bearing word ("approves" in "the clerk approves."). */
function predicate(right: string): string | null {
  const words = right.replace(/[.!;]+\s*$/, '').split(/\s+/);
  const verb = words.findIndex((w, i) => i > 0 && /[^s]s$/.test(w.toLowerCase()) && canBeVerb(thirdPersonBase(w.toLowerCase())));
  return verb > 0 ? words.slice(verb).join(' ') : null;
}

/** The text with each run of labelled cases written as "Where …," lines. */
export function colonCases(text: string): string {
  // (Lines, and sentences within a line: "Up to 500 euros: the clerk approves. Above: the manager." The separators
  // stay at the odd places.)
  const lines = text.split(/(\n|(?<=[.!?])[ \t]+(?=[A-Z]))/);
  const runs: Case[][] = [[]];
  lines.forEach((l, i) => {
    if (i % 2) return;
    const m = LABELLED.exec(l);
    if (m && m[3]!.split(/\s+/).length >= 2) runs.at(-1)!.push({ line: i, indent: m[1]!, left: m[2]!.trim(), right: m[3]!.trim() });
    else if (l.trim()) runs.push([]);
  });
  for (const run of runs) {
    if (run.length < 2) continue;
    const amounts = run.every((c) => RANGE.test(c.left) || MEASURED_RANGE.test(c.left) || ALONE.test(c.left));
    let head: string | null = null;
    const kinds = !amounts && run.every((c, k) => {
      const h = kindHead(c.left, head ?? undefined);
      if (!h || (k > 0 && h !== head)) return false;
      head = h;
      return true;
    });
    if (!amounts && !kinds && !singularKinds(run)) continue;
    let bound = '';
    let last = '';
    // ("Large ones: …" after "Medium orders: …": the branch names the thing.)
    const noun = run[0]!.left.split(/\s+/).at(-1)!.toLowerCase();
    for (const c of run) {
      if (kinds) c.left = c.left.replace(/\bones$/i, noun);
      // ("Above: the manager." — the bound and the step are those of the case before.)
      const left = ALONE.test(c.left) && bound ? `${c.left.toLowerCase().replace(/^anything /, '')} ${bound}` : lowered(c.left);
      bound = /\d/.test(c.left) ? c.left.replace(/^[a-z]+ (?=(up|below|above|under|over|beyond|from|at|less|more|between)\b)/i, '').replace(RANGE, '').trim() : bound;
      const right = verbless(c.right) && last ? `${c.right.replace(/[.!;]+\s*$/, '')} ${last}.` : c.right;
      last = predicate(c.right) ?? last;
      lines[c.line] = `${c.indent}Where ${left}, ${right}`;
    }
  }
  return lines.join('');
}
