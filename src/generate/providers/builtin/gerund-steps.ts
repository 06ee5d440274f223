// "before/after" + a gerund with its object is a step of its own, in time order: "reviews the claim before approving
// the payment" is Review claim → Approve payment; "after checking the stock, she confirms the order" is Check stock →
// Confirm order. The gerund step is done by the main clause's subject.
import type { Clause } from './clauses.ts';
import type { Token } from './tokens.ts';
import { verbLemma } from './verb-lemma.ts';

const ORDERING = new Set(['before', 'after']);
const GOING = new Set(['return', 'go', 'come', 'walk', 'move', 'get', 'head', 'travel', 'drive', 'arrive', 'leave']);
// "keeps checking the status page until …", "continues polling the queue": the gerund is the step kept up.
const KEEPING = new Set(['keep', 'keeps', 'kept', 'keeping', 'continue', 'continues', 'continued', 'continuing']);

/** "After checking the stock, …", "keeps checking the page": the tagger may take the gerund for a noun. */
export function tagGerunds(tokens: Token[]): Token[] {
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    // ("after printing shipping labels": a describing participle may come before the noun.)
    const described = ['VERB', 'ADJ'].includes(next?.pos ?? '') && /(ed|en|ing)$/.test(next!.lower) && tokens[i + 2]?.pos === 'NOUN';
    if (t.pos !== 'NOUN' || !/^[a-z]{3,}ing$/.test(t.lower) || !(ORDERING.has(tokens[i - 1]?.lower ?? '') || KEEPING.has(tokens[i - 1]?.lower ?? '')) || !(['DET', 'PRON'].includes(next?.pos ?? '') || described)) return;
    t.pos = 'VERB';
    t.lemma = verbLemma(t.lower);
  });
  return tokens;
}

/** Where "before/after V-ing <object>" starts in the clause, or -1. A bare "after confirming," points back, no step. */
function gerundAt(tokens: Token[], from: number): number {
  for (let i = from; i < tokens.length - 2; i++) {
    const [word, verb, next] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (!ORDERING.has(word.lower) || verb.pos !== 'VERB' || !/ing$/.test(verb.lower) || verb.lemma === verb.lower) continue;
    // "after returning to the station": going somewhere is no step of the process.
    if (next.pos === 'ADP' && GOING.has(verb.lemma)) continue;
    if (['DET', 'NOUN', 'PROPN', 'ADJ', 'PRON', 'ADP', 'PART'].includes(next.pos) && next.text !== ',') return i;
    // "after collecting signed forms", "before printing shipping labels": a participle before the noun describes it.
    if (next.pos === 'VERB' && /(ed|en|ing)$/.test(next.lower) && ['NOUN', 'PROPN'].includes(tokens[i + 3]?.pos ?? '')) return i;
  }
  return -1;
}

/** The words before the clause's first verb: its subject ("The claims handler"), empty when it shares one. */
function subjectOf(c: Clause): Token[] {
  const verb = c.tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  return verb > 0 ? c.tokens.slice(0, verb).filter((t) => t.pos !== 'ADV' && t.pos !== 'PUNCT') : [];
}

const OBJECT_PRONOUNS = new Set(['it', 'them']);

/** "Before shipping the parcel, the clerk weighs it": "it" is the parcel, named only in the clause that now follows. */
function namingObject(main: Clause, named: Token[]): Clause {
  let end = 0;
  while (['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(named[end]?.pos ?? '')) end++;
  const at = main.tokens.findIndex((t, i) => OBJECT_PRONOUNS.has(t.lower) && main.tokens.slice(0, i).some((v) => v.pos === 'VERB'));
  if (at < 0 || end === 0) return main;
  return { ...main, tokens: [...main.tokens.slice(0, at), ...named.slice(0, end), ...main.tokens.slice(at + 1)] };
}

/** The clauses with each "before/after V-ing X" made a step of its own, placed in the order the work happens. */
export function orderGerundSteps(clauses: Clause[]): Clause[] {
  const out: Clause[] = [];
  for (let k = 0; k < clauses.length; k++) {
    const c = clauses[k]!;
    const main = clauses[k + 1];
    // "Before shipping the parcel, the clerk weighs it": the clause that opens the sentence, its subject next.
    if (c.role === 'plain' && gerundAt(c.tokens, 0) === 0 && c.tokens.length > 2 && main?.role === 'plain' && subjectOf(main).length) {
      const gerund = [c.tokens[1]!, ...c.tokens.slice(2)];
      if (c.tokens[0]!.lower === 'after') out.push({ ...c, tokens: [...subjectOf(main), ...gerund] }, main);
      else out.push(namingObject(main, c.tokens.slice(2)), { ...c, tokens: gerund, sharesSubject: true, afterAnd: true });
      k++;
      continue;
    }
    // "… reviews the claim before approving the payment": the tail is a step done by the same subject.
    const at = c.role === 'plain' && !c.relative ? gerundAt(c.tokens, 1) : -1;
    if (at < 1 || !c.tokens.slice(0, at).some((t) => t.pos === 'VERB')) {
      out.push(c);
      continue;
    }
    const head: Clause = { ...c, tokens: c.tokens.slice(0, at) };
    const gerund = [c.tokens[at + 1]!, ...c.tokens.slice(at + 2)];
    if (c.tokens[at]!.lower === 'before') out.push(head, { ...c, tokens: gerund, sharesSubject: true, afterAnd: true, afterComma: false, orWithPrevious: false });
    else {
      // "grades the exams after collecting them": "them" are the exams, named only in the step now after it.
      const verb = head.tokens.findIndex((t) => t.pos === 'VERB');
      out.push(namingObject({ ...c, tokens: [...subjectOf(c), ...gerund] }, head.tokens.slice(verb + 1)), head);
    }
  }
  return out;
}
