// A request for the diagram opening the text names the diagram and is never a step: "Create a diagram for a support
// ticket process:", "Generate BPMN: credit card application.", "BPMN for: leave requests", "Model this: …", "Please
// model: …", "Draw the process of a credit card application.", "Diagram please – patient admission." What the request
// is for names the diagram, whether it stands after "for"/"of" or after the colon or dash; a whole sentence after the
// colon ("Model this: the clerk checks …") is the first step.
import { readsAsClause } from './title-line.ts';
import { canBeVerb, readSentences } from './tokens.ts';

const GREETING = String.raw`(?:(?:hi|hello|hey)(?:\s+(?:all|team|there))?\s*[,!]\s*)?`;
const POLITE = String.raw`(?:(?:please|pls|kindly)\s+)?(?:(?:can|could|would)\s+you\s+(?:please\s+)?)?`;
const ASKING = String.raw`(?:create|draw|make|model|generate|build|produce|sketch|map(?:\s+out)?|design|give\s+me|show\s+me|(?:i|we)\s+need|(?:i|we)\s+want|(?:i|we)['’]d\s+like|(?:i|we)\s+would\s+like)`;
// What is asked for: "a simple BPMN diagram", "this process", "the workflow", "BPMN", "this".
const DIAGRAM = String.raw`(?:bpmn(?:\s+(?:diagram|model|process(?:\s+(?:model|diagram))?))?|(?:process\s+)?(?:diagram|model|map)|flow\s?chart|workflow|process|swim\s?lane(?:\s+diagram)?)`;
const ASKED_FOR = String.raw`(?:\s+(?:me|us))?(?:\s+(?:a|an|the|this|that|our|my))?(?:\s+(?:simple|quick|basic|rough|first))?\s+(?:${DIAGRAM}|this|it)\b`;
// "Generate BPMN", "Model this", "Please model" (the verb alone before its colon), "BPMN diagram please", "Diagram please".
// (Alone, only a word for a drawing asks for one: "The process of an office supply request starts …" is a sentence.)
const DRAWING = String.raw`(?:bpmn(?:\s+(?:diagram|model))?|(?:process\s+)?diagram|flow\s?chart|swim\s?lane\s+diagram)`;
const ASK = String.raw`(?:${ASKING}(?:${ASKED_FOR}|(?=\s*:))|(?:a\s+)?${DRAWING})(?:\s*,?\s*please)?`;
// "… for a refund process.", "… of the credit card application:": the title in the request itself.
const INLINE = new RegExp(String.raw`^\s*${GREETING}${POLITE}${ASK}\s+(?:for|of|showing|describing|about|on)\s+(?!:)([^:.?!\n]+?)\s*(?:please\s*)?(?:[:.?!\n]|\s[-–—]\s)`, 'i');
// "Generate BPMN:", "BPMN for:", "Diagram please –", "Model this process."
const HEAD = new RegExp(String.raw`^\s*${GREETING}${POLITE}${ASK}(?:\s+(?:for|of|on|about))?\s*(?<stop>[:.?!\n]|[-–—]\s)\s*`, 'i');

export interface Request {
  /** The text after the request. */
  text: string;
  /** What the request is for ("Credit card application"), null when it names nothing. */
  title: string | null;
}

/** The opening request for a diagram, taken off the text, with the name it gives; null when the text opens otherwise. */
export function takeRequest(text: string): Request | null {
  const inline = INLINE.exec(text);
  if (inline) return { text: text.slice(inline[0].length), title: named(inline[1]!) };
  const head = HEAD.exec(text);
  if (!head) return null;
  const rest = text.slice(head[0].length);
  // ("Generate BPMN: credit card application. The applicant …": after a colon or a dash, a noun phrase up to the
  // full stop is what the diagram is for.)
  const named_ = /[:\-–—]/.test(head.groups!.stop!) ? /^([^.!?\n:]{1,80}?)\s*(?:[.!\n]|$)/.exec(rest) : null;
  if (named_ && isName(named_[1]!)) return { text: rest.slice(named_[0].length), title: named(named_[1]!) };
  return { text: rest.replace(/^[a-z]/, (c) => c.toUpperCase()), title: null };
}

/** Whether the words name something (a noun phrase of eight words at most) rather than say a step. */
function isName(words: string): boolean {
  if (words.split(/\s+/).length > 8 || /^(?:when|whenever|if|once|after|as soon as|first|then)\b/i.test(words.trim())) return false;
  const tokens = (readSentences(`${words}.`)[0] ?? []).filter((t) => t.pos !== 'PUNCT');
  // "the clerk checks the invoice", "customers log in": a verb after its subject makes a clause.
  return !readsAsClause(tokens) && !tokens.some((t, i) => i > 0 && (t.pos === 'AUX' || (t.pos === 'VERB' && !/(?:ing|ed)$/.test(t.lower) && ['DET', 'PRON', 'ADP', 'PART'].includes(tokens[i + 1]?.pos ?? '')) || (/^[a-z]+[^s]s$/.test(t.lower) && ['DET', 'PRON'].includes(tokens[i + 1]?.pos ?? '') && canBeVerb(t.lower.replace(/e?s$/, '')))));
}

function named(words: string): string | null {
  return words.trim() || null;
}
