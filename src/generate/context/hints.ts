// What a folder's context texts ask of a diagram: preferred terms, its lanes, who "we" are, label case, label language.

export interface PreferredTerm {
  /** The word the folder does not use ("customer"). */
  from: string;
  /** The word it uses instead ("client"). */
  to: string;
}

export interface ContextHints {
  terms: PreferredTerm[];
  /** The lanes the folder's diagrams have ("Our lanes are: Front office, Finance"), in the folder's order. */
  lanes: string[];
  /** Who "I"/"we" are ("We are the accounts payable team" → "accounts payable team"). */
  speaker: string | null;
  labelCase: 'sentence' | 'title';
  /** A language other than English the labels are asked in ("german"). */
  language: string | null;
}

const QUOTE = `["'“”‘’]`;
const QUOTED = `${QUOTE}([^"'“”‘’]+)${QUOTE}`;
const TERM_PATTERNS = [
  new RegExp(`(?:say|use|write|call (?:it|them))\\s+${QUOTED}\\s*,?\\s*(?:not|instead of|rather than)\\s+${QUOTED}`, 'gi'),
  new RegExp(`${QUOTED}\\s+(?:instead of|rather than|not)\\s+${QUOTED}`, 'gi'),
];
// "Our lanes are Sales and Finance"; the other words need a colon ("Our teams are: …"), as "our teams are spread
// over three sites" lists nothing.
const LANE_LIST = /\b(?:lanes\s*(?:are\s*:?|:)|(?:actors|roles|participants|teams)\s*(?:are\s*)?:)\s*([^.\n]+)/i;
export const SPEAKER = /\b(?:I am|I'm|we are|we're)\s+(?:the|a|an)\s+([A-Za-z][A-Za-z -]{1,60}?)(?:[.,;\n]|$| and | who | in | at )/i;
const OTHER_LANGUAGE = /\b(?:labels?|write|language)\b[^.\n]*\b(german|french|spanish|italian|dutch|portuguese|polish|deutsch|français|español)\b/i;

/** Reads the contexts outermost first: an inner folder's word wins over an outer one's. */
export function readContextHints(contexts: string[] = []): ContextHints {
  const hints: ContextHints = { terms: [], lanes: [], speaker: null, labelCase: 'sentence', language: null };
  const terms = new Map<string, PreferredTerm>();
  for (const context of contexts) {
    for (const pattern of TERM_PATTERNS) {
      for (const m of context.matchAll(pattern)) {
        const from = m[2]!.trim();
        const to = m[1]!.trim();
        if (from && to && from.toLowerCase() !== to.toLowerCase()) terms.set(from.toLowerCase(), { from, to });
      }
    }
    const list = LANE_LIST.exec(context);
    if (list) hints.lanes = readLaneList(list[1]!);
    const speaker = SPEAKER.exec(context);
    if (speaker) hints.speaker = speaker[1]!.trim();
    if (/\btitle case\b/i.test(context)) hints.labelCase = 'title';
    if (/\bsentence case\b/i.test(context)) hints.labelCase = 'sentence';
    const language = OTHER_LANGUAGE.exec(context);
    if (language) hints.language = language[1]!.toLowerCase();
  }
  hints.terms = [...terms.values()];
  return hints;
}

/** "Front office, Finance and Legal" → three lanes; "and" splits only the last item of a comma list, or a list of two. */
function readLaneList(text: string): string[] {
  const items = text.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
  const last = items.pop() ?? '';
  items.push(...last.split(/^and\s+|\s+(?:and|&)\s+/i));
  const lanes: string[] = [];
  for (const item of items) {
    const clean = item.replace(/^(?:the|a|an)\s+/i, '').trim();
    if (clean && clean.split(/\s+/).length <= 5 && !lanes.some((l) => l.toLowerCase() === clean.toLowerCase())) lanes.push(clean);
  }
  return lanes;
}
