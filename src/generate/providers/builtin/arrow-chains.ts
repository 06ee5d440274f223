// A note line of steps joined by arrows: "submit -> review -> approve", "draft > review > publish", "Incidents: log →
// triage → fix → close". A topic before the colon is what the bare verbs act on ("Log incident", "Triage incident");
// a spaced ">" between three steps or more is an arrow too (not "amount > 500", a comparison).
import { GENERIC_WORDS } from './lexicon.ts';
import { singular } from './process-name.ts';

const ARROW = /\s*(?:-->|->|→|=>|⇒)\s*/;
// (A topic or a step: words only, four at most.)
const WORDS = /^[A-Za-z][A-Za-z'’-]*(?: [A-Za-z][A-Za-z'’-]*){0,3}$/;
const CHAIN_LINE = /^(\s*(?:[-*•]\s+)?)(?:([A-Za-z][A-Za-z '’-]{0,40}?)\s*:\s*)?(.+?)\s*([.!]?)\s*$/;
// Words that open a case or a condition, not a step ("if late -> escalate").
const CASE_OPENER = /^(?:if|when|whenever|once|unless|in case|otherwise|else|yes|no)\b/i;
// A topic that names no thing: "Process: draft > review > publish", "Steps: …".
const NO_THING = /^(?:steps?|flow|workflow|stages?|phases?|summary|overview|title|name|note|notes|how|sequence|order of steps)$/i;

/** The steps of a chain, or null when the text is not one. */
function chainParts(body: string, topic: boolean): string[] | null {
  const spacedGreater = !ARROW.test(body) && (body.match(/ > /g) ?? []).length >= 2;
  const parts = body.split(spacedGreater ? /\s+>\s+/ : ARROW).map((p) => p.trim());
  if (parts.length < (topic ? 2 : 3) || !parts.every((p) => WORDS.test(p) && !CASE_OPENER.test(p))) return null;
  return parts;
}

/** "Expense claims" → "expense claim": the topic as the object of one step. */
function topicObject(topic: string): string | null {
  const words = topic.trim().split(/\s+/);
  const last = words.at(-1)!;
  if (NO_THING.test(topic.trim()) || words.some((w) => /^(?:the|a|an|our|my|we|they|then|who)$/i.test(w)) || GENERIC_WORDS.has(last.toLowerCase()) || words.length > 3) return null;
  const object = [...words.slice(0, -1), singular(last)].join(' ');
  return /^[A-Z]{2,}/.test(object) ? object : object.toLowerCase();
}

/**
 * Each arrow chain line written with "->" between its steps, a topic's bare verbs given the topic as their object;
 * with the one-word steps of chains that name no topic ("submit -> review -> archive"), which stand as written.
 */
export function chainedSteps(text: string): { text: string; bare: Set<string> } {
  const bare = new Set<string>();
  const lines = text
    .split('\n')
    .map((line) => {
      const m = CHAIN_LINE.exec(line);
      if (!m) return line;
      const [, lead, topic, body, stop] = m as unknown as [string, string, string | undefined, string, string];
      const parts = chainParts(body, !!topic);
      if (!parts) return line;
      const object = topic ? topicObject(topic) : null;
      if (!object) parts.filter((p) => !p.includes(' ')).forEach((p) => bare.add(p.toLowerCase()));
      // ("Orders: received -> packed -> shipped": a participle alone is a state the thing reaches.)
      const steps = parts.map((p) => (!object || p.includes(' ') ? p : /ed$/i.test(p) ? `${object} ${p}` : `${p} ${object}`));
      return `${lead}${topic ? `${topic}: ` : ''}${steps.join(' -> ')}${stop}`;
    });
  return { text: lines.join('\n'), bare };
}
