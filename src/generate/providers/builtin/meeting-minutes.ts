// Meeting minutes that record a process: the meeting's own record is no step. "Agreed: every matter starts with a
// conflict check" is the step with its minute label gone; "Action: R. Kim to update the template by Friday",
// "Next meeting: 2 April" and "Attendees: …" are the meeting's follow-ups and roll call, not the process.

// A minute's label before what was agreed: the words after it stand as written.
const RECORD_LABEL = /^([ \t]*(?:[-*•][ \t]+|\d+[.)][ \t]+)?)(?:agreed|decided|decision|resolved|confirmed|noted|discussed|conclusion|outcome of (?:the )?discussion)[ \t]*:[ \t]*/gim;
// A line of the meeting's own record, to its end.
const RECORD_LINE = /^[ \t]*(?:[-*•][ \t]+|\d+[.)][ \t]+)?(?:action(?:s| items?| points?)?|ap|next (?:meeting|steps? for (?:the )?meeting)|attendees|present|apologies|absent|chair(?:ed by)?|minutes? (?:taken )?by|note ?taker|date|location|venue)[ \t]*:[^\n]*(?:\n|$)/gim;

// "Minutes - Practice group meeting, 14 March", "Maintenance review meeting - minutes": the heading names the meeting,
// not the process (nor is it a step).
const MINUTES_HEADING = /^\s*(?:(?:meeting )?minutes\b[^\n]*|[^\n.!?]*\bmeeting\b[^\n.!?]*?\bminutes|[^\n.!?]*\bmeeting notes)[ \t]*\n/i;

// "Item 1: New client intake", "Discussed the deferred defect process:": an agenda item names the process told next.
const AGENDA_ITEM = /^([ \t]*)(?:(?:agenda )?item \d+[a-z]?[ \t]*[:.)\-–][ \t]*|(?:discussed|reviewed|went through|walked through)[ \t]+(?=[^\n]*:[ \t]*$))/gim;

/** The text without the minutes' own record lines and labels; a text with no such line is left as it is. */
export function minutesRecord(text: string): string {
  return text.replace(MINUTES_HEADING, '').replace(RECORD_LINE, '').replace(RECORD_LABEL, '$1').replace(AGENDA_ITEM, '$1');
}
