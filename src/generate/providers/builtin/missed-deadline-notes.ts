// Deadlines written as notes: "No acknowledgement within 15 min: escalate to the team lead", "Not collected by 6 pm:
// return it to the depot", "If not picked up within 3 days, …". A missed deadline before a colon is a case as much as
// before an arrow, and a participle with no subject is said of the thing at hand ("it"). Written as the "If …,"
// sentence the time reader knows, the case becomes the deadline's timer path — not a gateway, and not a step "Escalate
// … within 15 minutes".

// (A time said with a figure, a number word or a point of the day: "within 15 min", "by 6 pm", "by noon", "by Friday".)
const TIMED = /\d|\b(?:a|an|one|two|three|four|five|six|seven|ten|twelve|noon|midday|midnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const MISSED_BY_COLON = /(^|[.!?]\s+|\n\s*)((?:no|not|nothing)\b[^\n.!?:]{0,60}?\b(?:within|after|in|by)\s+[^\n.!?:]{1,20}?)\s*:\s+(?=[A-Za-z])/gi;
// "If not picked up by 6 pm", "when not acknowledged within 15 minutes": the deadline's participle, subject left out.
const NO_SUBJECT = /\b(if|when|where)\s+not\s+((?:[a-z]+ed|[a-z]+en|paid|sent|done|seen|met|made|given|signed)(?:\s+(?:up|in|back|out|off))?)\s+(within|by|after|in)\s+(?=\S)/gi;

/** The text with missed-deadline notes written as "If …," sentences. */
export function missedDeadlineNotes(text: string): string {
  return text
    .replace(MISSED_BY_COLON, (m, lead: string, left: string) => (TIMED.test(left) ? `${lead}If ${left.trim()}, ` : m))
    .replace(NO_SUBJECT, (_, opener: string, done: string, by: string) => `${opener} it is not ${done} ${by} `);
}
