// Conditions told as how often or how many: "Sometimes the supplier sends a partial delivery; then the buyer reorders
// the rest", "Occasionally a machine jams. In that case the operator clears it", "The manager sometimes asks for a
// second opinion", "The doctor may also order an X-ray", and a condition in one sentence whose step is in the next:
// "Some orders are over 500 euros. For those, the director signs." Each is rewritten as the "If …, …" sentence the
// reader knows, so the step gets a gateway and a way that skips it instead of running every time.
import { type Sentence, type Token, word } from './tokens.ts';

const IF: Token = { ...word('If', 'SCONJ', 'if'), first: true };
const COMMA = word(',', 'PUNCT');
/** A party's leave to take a step: the step is done when needed. (Not "may be …", "may not …", nor "may accept or reject".) */
const MAY = [['may'], ['might'], ['may', 'then'], ['can', 'choose', 'to'], ['may', 'choose', 'to'], ['can', 'decide', 'to'], ['may', 'decide', 'to'], ['has', 'the', 'option', 'to'], ['have', 'the', 'option', 'to'], ['is', 'free', 'to'], ['are', 'free', 'to']];
/** Words saying a thing happens now and then, not every time. */
const OCCASIONALLY = [['sometimes'], ['occasionally'], ['at', 'times'], ['from', 'time', 'to', 'time'], ['now', 'and', 'then'], ['every', 'so', 'often'], ['in', 'some', 'cases'], ['in', 'rare', 'cases'],
  // "The doctor may also order an X-ray", "The clerk can optionally attach a note": an extra step, done when needed.
  ['may', 'also'], ['might', 'also'], ['may', 'optionally'], ['can', 'optionally'], ['can', 'also', 'optionally'],
  // "The guest may order room service", "The customer can choose to add insurance", "has the option to …": a step
  // the party is free to take or leave.
  ...MAY];
/** Openers that take up the case just told: "…; then …", "In that case, …", "If so, …", "For those, …". */
const TAKE_UP = [['then'], ['in', 'that', 'case'], ['in', 'this', 'case'], ['in', 'such', 'cases'], ['in', 'such', 'a', 'case'], ['in', 'these', 'cases'], ['in', 'those', 'cases'], ['if', 'so'], ['when', 'this', 'happens'], ['when', 'that', 'happens'], ['if', 'this', 'happens'], ['if', 'that', 'happens']];
const FOR_THOSE = new Set(['those', 'these', 'them', 'such']);

/** The text with its occasional and "some …" conditions joined to their steps as "If …, …" sentences. */
export function occasionalConditions(sentences: Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    const next = sentences[i + 1];
    const occasional = occasionalCase(sentence);
    const some = occasional ? null : someCase(sentence);
    const condition = occasional?.condition ?? some;
    if (!condition) {
      out.push(sentence);
      continue;
    }
    // "The student may withdraw; the school then …": only the step left to the party is done when needed, what
    // follows the semicolon is a step of its own.
    if (occasional?.leave) {
      const end = sentence.slice(-1).filter((t) => t.pos === 'PUNCT' && t.text !== ';');
      out.push([IF, word('needed', 'ADJ'), COMMA, ...condition, ...(end.length ? end : [word('.', 'PUNCT')])]);
      if (occasional.rest.length) out.push(occasional.rest.map((t, k) => (k === 0 ? { ...t, first: true } : t)));
      continue;
    }
    // "Sometimes X; then Y", "Some claims need a site visit; the adjuster then …": the step after a semicolon.
    const rest = occasional?.rest ?? afterSemicolon(sentence);
    if (rest.length) {
      out.push([IF, ...condition, COMMA, ...rest]);
      continue;
    }
    const takenUp = next ? takeUp(next, !!some) : null;
    if (takenUp) {
      out.push([IF, ...condition, COMMA, ...takenUp]);
      i++;
      continue;
    }
    // "The manager sometimes asks for a second opinion.": the step is done when needed. ("Some orders are …" alone
    // tells of the things, not a step.)
    out.push(occasional ? [IF, word('needed', 'ADJ'), COMMA, ...condition, ...sentence.slice(-1).filter((t) => t.pos === 'PUNCT')] : sentence);
  }
  return out;
}

/** "Sometimes X; then Y" / "X sometimes happens" → the clause X without its frequency word, and what follows the semicolon. */
function occasionalCase(sentence: Sentence): { condition: Token[]; rest: Token[]; leave: boolean } | null {
  // (The longest words found at a place: "may also" is not "may" as well.)
  const hits = sentence.flatMap((_, i) => OCCASIONALLY.filter((ws) => startsWith(sentence, i, ws)).sort((a, b) => b.length - a.length).slice(0, 1).map((ws) => ({ at: i, length: ws.length, leave: MAY.includes(ws) })));
  // ("Sometimes we buy lists, sometimes we …": alternatives, not one case.)
  if (hits.length !== 1) return null;
  const { at, length, leave } = hits[0]!;
  const semicolon = sentence.findIndex((t) => t.text === ';');
  const clauseEnd = semicolon > 0 ? semicolon : sentence.at(-1)?.pos === 'PUNCT' ? sentence.length - 1 : sentence.length;
  let clause: Token[];
  if (at === 0) clause = sentence.slice(sentence[length]?.text === ',' ? length + 1 : length, clauseEnd);
  // "The manager sometimes asks …", "Motions are sometimes withdrawn …": between the subject and its verb.
  else if (between(sentence, at, length)) clause = [...sentence.slice(0, at), ...sentence.slice(at + length, clauseEnd)];
  else return null;
  // "Sometimes it also happens that …" tells of an event in general; a clause with no verb or another condition is left,
  // and so is one placed "before" a step ("are sometimes withdrawn before the vote"): told out of order, no place here.
  const left = ['if', 'when', 'unless', 'whether', 'before'];
  if (!clause.some((t) => t.pos === 'VERB') || clause.some((t) => t.lemma === 'happen' || left.includes(t.lower) || t.text === ',')) return null;
  // ("may accept or reject the offer": a choice between steps, not one step left open.)
  // ("may withdraw within 14 days; if the student does nothing, …": a time allowed, which the deadline rules read.)
  if (leave && clause.some((t, i) => (t.lower === 'or' && clause[i + 1]?.pos === 'VERB') || t.lower === 'within' || t.lower === 'until')) return null;
  return { condition: clause.map(notFirst), rest: leave && semicolon > 0 ? sentence.slice(semicolon + 1) : afterSemicolon(sentence), leave };
}

/** The clause after a sentence's semicolon, without the words taking up the case before it; empty when there is none. */
function afterSemicolon(sentence: Sentence): Token[] {
  const semicolon = sentence.findIndex((t) => t.text === ';');
  return semicolon > 0 ? (takeUp(sentence.slice(semicolon + 1), false) ?? sentence.slice(semicolon + 1)) : [];
}

/** The frequency word stands between a subject opening the sentence and its verb ("the clerk sometimes calls"). */
function between(sentence: Sentence, at: number, length: number): boolean {
  const subject = sentence.slice(0, at);
  const after = sentence[at + length];
  const aux = subject.at(-1)?.pos === 'AUX' ? subject.slice(0, -1) : subject;
  return aux.length > 0 && aux.every((t) => ['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON'].includes(t.pos)) && after?.pos === 'VERB';
}

/** "Some orders are over 500 euros." → "orders are over 500 euros": a part of the things, told by what sets it apart (up to a semicolon). */
function someCase(sentence: Sentence): Token[] | null {
  if (sentence[0]?.lower !== 'some' || sentence[1]?.pos !== 'NOUN' || !/s$/.test(sentence[1].lower)) return null;
  let verb = 2;
  while (['NOUN', 'ADJ'].includes(sentence[verb]?.pos ?? '')) verb++;
  // ("Some orders need a check; the clerk then …": the case ends at the semicolon, its step follows.)
  const semicolon = sentence.findIndex((t) => t.text === ';');
  const clause = semicolon > 0 ? sentence.slice(0, semicolon) : sentence.slice(0, sentence.at(-1)?.pos === 'PUNCT' ? -1 : undefined);
  if (!['AUX', 'VERB'].includes(sentence[verb]?.pos ?? '') || clause.some((t) => t.text === ',') || (semicolon > 0 && !afterSemicolon(sentence).some((t) => t.pos === 'VERB'))) return null;
  return clause.slice(1).map(notFirst);
}

/**
 * The sentence without the words that take up the case just told ("Then, …", "In that case …", "For those, …"), or null
 * when it does not open with them. "For those/these" only takes up a "Some …" sentence.
 */
function takeUp(sentence: Sentence, some: boolean): Token[] | null {
  const opener = TAKE_UP.find((ws) => startsWith(sentence, sentence[0]?.text === ';' ? 1 : 0, ws));
  const skip = sentence[0]?.text === ';' ? 1 : 0;
  let from = opener ? skip + opener.length : -1;
  if (!opener && some && sentence[skip]?.lower === 'for' && FOR_THOSE.has(sentence[skip + 1]?.lower ?? '')) {
    from = skip + 2;
    // "For those orders, …", "For such claims, …".
    while (['NOUN', 'ADJ'].includes(sentence[from]?.pos ?? '') && sentence[from]!.text !== ',') from++;
  }
  if (from < 0) return null;
  if (sentence[from]?.text === ',') from++;
  const rest = sentence.slice(from);
  return rest.some((t) => t.pos === 'VERB' || t.pos === 'AUX') ? rest.map(notFirst) : null;
}

function startsWith(sentence: Sentence, at: number, words: string[]): boolean {
  return words.every((w, k) => sentence[at + k]?.lower === w);
}

/** A word that opened its sentence, inside another now: its capital goes unless it is a name ("HR" stays). */
function notFirst(t: Token): Token {
  if (!t.first) return t;
  const name = t.pos === 'PROPN' && !/^[A-Z][a-z]+$/.test(t.text);
  return { ...t, first: false, text: name ? t.text : t.lower, pos: t.pos === 'PROPN' && !name ? 'NOUN' : t.pos };
}
