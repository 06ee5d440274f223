// Lines that frame the process instead of being a step of it: "Trigger: invoice received." names the start event,
// "End: invoice paid." and "Done when the new hire is at their desk." name the end event, "Lanes: …" lists who acts.

export interface Framing {
  text: string;
  /** What starts the process ("Supplier invoice received in AP mailbox"). */
  trigger: string | null;
  /** What the finished process has achieved ("Invoice paid and archived"). */
  outcome: string | null;
}

const LEAD = String.raw`(^|[.!?]\s+|\n\s*)`;
const TRIGGER = new RegExp(`${LEAD}(?:trigger(?:ed by)?|start(?:s)?(?: event)?|starting point|precondition)\\s*:\\s*([^.!?\\n]+)[.!]?`, 'i');
// ("Outcome: approved → notify; rejected → close": outcomes with what follows each are the ways of a choice.)
const OUTCOME = new RegExp(
  `${LEAD}(?![^.!?\\n]*(?:->|→|=>|;))(?:(?:end|outcome|result|end state|end event|done|finished)\\s*:|(?:(?:the|this) (?:process|procedure|checklist|workflow) (?:is )?)?(?:done|finished|complete|completed|over) (?:when|once)\\b)\\s*([^.!?\\n]+)[.!]?`,
  'i',
);
// "Lanes: AP Clerk, Treasury.": a list of who takes part, which the steps name again; neither a title nor a step.
const PARTIES = new RegExp(`${LEAD}(?:lanes|swim ?lanes|roles|actors|participants|parties|pools)\\s*:\\s*([^.!?\\n]+)[.!]?`, 'i');
// Words an event name leaves out: "the new hire is at their desk" → "New hire at desk".
const FILLER = /\b(?:the|a|an|their|his|her|its|our|your|is|are|has been|have been)\s+/gi;

function eventName(words: string): string {
  const name = words.replace(FILLER, '').replace(/\s+/g, ' ').trim();
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The text without its framing lines, and the start and end they name. */
export function takeFraming(raw: string): Framing {
  let text = raw;
  const take = (pattern: RegExp): string | null => {
    const m = pattern.exec(text);
    if (!m || !m[2]!.trim()) return null;
    text = `${text.slice(0, m.index)}${m[1]}${text.slice(m.index + m[0].length)}`;
    return eventName(m[2]!);
  };
  take(PARTIES);
  const trigger = take(TRIGGER);
  const outcome = take(OUTCOME);
  return { text: text.trim(), trigger, outcome };
}

/** "Supplier invoice received": a message start when something arrives. */
export function arrives(trigger: string): boolean {
  return /\b(?:received|arrives?|arrived|comes? in|submitted|sent in)\b/i.test(trigger);
}
