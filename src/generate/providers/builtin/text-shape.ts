// The shape of the text before any grammar: a title or a "create a diagram for …" request (request-preamble.ts) names the diagram; list
// markers, arrows and note lines become sentences; asides in brackets go.
import { chainedSteps } from './arrow-chains.ts';
import { colonCases } from './colon-cases.ts';
import { inlineCases } from './case-lists.ts';
import { spellFrequencies } from './frequencies.ts';
import { missedDeadlineNotes } from './missed-deadline-notes.ts';
import { arrowedCases } from './note-conditions.ts';
import { noteBranches } from './note-branches.ts';
import { findingLinksAsIf } from './finding-conditions.ts';
import { spellAbbreviations } from './abbreviations.ts';
import { takeFraming } from './framing-lines.ts';
import { takeLeadIns } from './lead-ins.ts';
import { dropSalutations } from './meta-text.ts';
import { negotiationsSaid } from './back-and-forth.ts';
import { numberedItems } from './step-numbers.ts';
import { isTitleLine, titleSentence } from './title-line.ts';
import { takeRequest } from './request-preamble.ts';
import { readProcessIntro } from './process-intro.ts';
import { readSentences } from './tokens.ts';
import { answeredQuestions } from './question-answers.ts';
import { minutesRecord } from './meeting-minutes.ts';

export interface ShapedText {
  text: string;
  /** The diagram's name when the text gives one ("Process: Refunds", "Create a diagram for a refund process:"). */
  title: string | null;
  /** Written as notes (lines, arrows, lists): fewer function words are to be expected. */
  notes: boolean;
  /** A "Trigger: …" line's start event and an "End: …" / "Done when …" line's end event. */
  trigger: string | null;
  outcome: string | null;
  /** Numbered items' opening words by number, for "continue at step 3". */
  steps: Map<number, string>;
  /** The one-word steps of arrow chains with no topic ("submit -> review -> archive"): labels as written. */
  bareSteps: Set<string>;
}

const LABELLED_TITLE = /^\s*(?:process|title|name|diagram|subject|re)\s*:\s*([^\n.]+)(?:\n|\.\s)/i;
// "Our merge process:", "expense reimbursement:", "kanban refill:" — a short noun phrase before a colon opens the text.
const COLON_TITLE = /^\s*([A-Za-z][\w'’/ -]{0,50}?)\s*:\s+(?=\S)/;

const KIND_HEADING = /^\s*([A-Za-z][\w -]{0,30}?)\s*:\s*([^\n.!?;:]+?)\s*\n\s*\n/;

function cleanTitle(s: string): string {
  // ("Steps for onboarding" names onboarding.)
  const t = s.replace(/^\s*(?:#+\s*)?(?:a|an|the|our|this)\s+/i, '').replace(/^\s*#+\s*/, '').replace(/^(?:steps|procedure)\s+(?:for|of)\s+(?:a|an|the|our)?\s*(?=\w)/i, '').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** "Resit of a failed exam", "Handling of customer complaints": a head and its "of …" (six words at most) before a colon. */
function namesWithOf(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  const of = words.findIndex((w) => w.toLowerCase() === 'of');
  return words.length <= 6 && of > 0 && of <= 2 && !/(?:[^s]s|ed)$/i.test(words[of - 1]!);
}

// A question written out opens with its verb or a question word.
const QUESTION_WORDS = /^(?:is|are|was|were|do|does|did|can|could|should|shall|will|would|has|have|had|may|must|who|what|which|when|where|why|how)\b/i;

/** A bullet or numbered item's marker: an item is a step, never a heading. */
const LIST_ITEM = /^\s*(?:[-*•]|\d+[.)])\s+/;

/** Splits off a leading request or title; returns the rest of the text and the name it gave. */
function takeTitle(text: string): Pick<ShapedText, 'text' | 'title'> {
  // "Generate BPMN: credit card application.", "Create a diagram for a support ticket process:": a request names it.
  const request = takeRequest(text);
  if (request) return { text: request.text, title: request.title ? cleanTitle(request.title) : null };
  const m = LABELLED_TITLE.exec(text);
  if (m) return { text: text.slice(m[0].length), title: m[1]?.trim() ? cleanTitle(m[1]) : null };
  // "Runbook: production database CPU alert" over a blank line: the heading names the diagram after its colon.
  const heading = KIND_HEADING.exec(text);
  if (heading && heading[2]!.split(/\s+/).length <= 8) return { text: text.slice(heading[0].length), title: cleanTitle(heading[2]!) };
  const colon = COLON_TITLE.exec(text);
  // ("Our IT help desk process:": a longer phrase that calls itself a process names it too.)
  const callsItself = (p: string) => p.split(/\s+/).length <= 7 && /\b(?:process|procedure|workflow|runbook|checklist)$/i.test(p);
  if (colon && (colon[1]!.split(/\s+/).length <= 4 || namesWithOf(colon[1]!) || callsItself(colon[1]!))) return { text: text.slice(colon[0].length), title: cleanTitle(colon[1]!) };
  // A short first line without a full stop, or a noun phrase naming an activity ("Master thesis submission."), is a heading.
  const [first, ...rest] = text.split('\n');
  const next = rest.find((l) => l.trim()) ?? '';
  if (next && first!.trim() && !/[?;:]\s*$/.test(first!) && !/->|→/.test(first!) && !LIST_ITEM.test(first!) && isTitleLine(first!, next)) {
    return { text: rest.join('\n'), title: cleanTitle(first!.replace(/\s*[-–—:.!]\s*$/, '')) };
  }
  const sentence = titleSentence(first!);
  if (sentence) return { text: [sentence.rest, ...rest].join('\n'), title: cleanTitle(sentence.title) };
  return { text, title: null };
}

/** Each note line and list item is a sentence of its own; wrapped prose (a long line going on in lower case) is not. */
function endLines(text: string): string {
  const lines = text.split('\n');
  // (Prose wrapped at a margin has most of its lines long; in notes one long line does not run on into the next.)
  const filled = lines.filter((l) => l.trim());
  const wraps = filled.filter((l) => l.length > 60).length * 2 >= filled.length;
  return lines
    .map((line, i) => {
      const next = lines[i + 1]?.trim() ?? '';
      const wrapped = wraps && line.length > 70 && /^[a-z]/.test(next);
      return !line.trim() || /[.!?;:,]\s*$/.test(line) || wrapped || !next ? line : `${line.trimEnd()}.`;
    })
    .join('\n');
}

// "1) log call 2) assign tech 3) close": numbered items run on in one line.
const INLINE_ITEMS = /(?:^|\s)1[.)]\s.*\s2[.)]\s/;

/** Each numbered item of a line that runs them on becomes a sentence of its own (one full stop where the item had one). */
function splitInlineItems(text: string): string {
  return text
    .split('\n')
    .map((line) => (INLINE_ITEMS.test(line) ? line.replace(/^\s*1[.)]\s+/, '').replace(/([.!?;])?\s+\d{1,2}[.)]\s+/g, (_m, stop?: string) => `${stop ?? '.'} `) : line))
    .join('\n');
}

/** Numbered items run on in one line, each on a line of its own: so "repeat steps 2–3" finds them. */
function itemsOnLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (INLINE_ITEMS.test(line) ? line.replace(/\s+(\d{1,2}[.)])\s+/g, '\n$1 ') : line))
    .join('\n');
}

// Verbs whose "in" makes a step ("log in", "check in"), not an arrival.
const STEP_IN = /^(log|sign|check|clock|fill|hand|move|key|type|turn|walk|drop|call|come|go|get|send|bring|pay)$/i;

/** Drops list markers, arrows and parentheticals that would otherwise read as words. */
export function shapeText(raw: string): ShapedText {
  // A greeting may stand before the title line ("Hi all,") or after it ("Subject: …" then "Hi all,").
  // ("Who approves? The director.": a text of questions and answers says its steps in the answers; arrow notes'
  // "mismatch? -> …" questions are read first, as the ways of a choice.)
  const chains = chainedSteps(answeredQuestions(noteBranches(minutesRecord(raw.replace(/\r/g, '')).trim())));
  const framing = takeFraming(dropSalutations(chains.text));
  // "Here is how refunds work: the clerk …": a lead-in names the diagram at most; what follows its colon is a step.
  const led = takeLeadIns(framing.text);
  const titled = led.opened ? { text: led.text, title: led.title } : takeTitle(led.text);
  // "## Steps": a section heading of a markdown text names no step.
  const [text, title] = [dropSalutations(titled.text.replace(/^\s*#{1,6}\s.*$/gm, '').trim()), titled.title];
  // ("intake / triage / treat / discharge": two spaced slashes or more part a note's steps.)
  const notes = /->|→|=>|;.*;|\w \/ \w.* \/ \w/.test(text) || INLINE_ITEMS.test(text) || text.split('\n').filter((l) => l.trim()).length >= 3;
  const shaped = findingLinksAsIf(arrowedCases(missedDeadlineNotes(colonCases(inlineCases(endLines(spellFrequencies(spellAbbreviations(negotiationsSaid(splitInlineItems(text)))).replace(new RegExp(LIST_ITEM.source, 'gm'), '')))))))
    // ("Otherwise open an incident", "else escalate to the lead": the tagger reads a verb straight after "otherwise"
    // as a describing word; the comma English may leave out sets the step apart.)
    .replace(/(^|[.!?]\s+|\n[ \t]*)(otherwise|else)[ \t]+(?!(?:if|when|unless|than|the|a|an|it|they|he|she|we|you|i|this|that|these|those|his|her|their|its|our|your|my)\b)(?=[A-Za-z])/gim, '$1$2, ')
    // "… as follows: the user calls …": the announcement ends where the steps begin.
    .replace(/\bas follows\s*:\s*/gi, 'as follows. ')
    // "… goes through the following steps: HR prepares …": so does an announcement of the steps.
    .replace(/\b((?:the following|these|several|\w+) (?:\w+ )?(?:steps|stages|phases))\s*:\s*/gi, '$1. ')
    // "If it is a bug -> the agent forwards it": after a condition the arrow leads to its branch, not a next sentence.
    .replace(/(^|[.!?]\s+)((?:if|when|whenever|in case|unless)\b[^.!?]*?)\s*(?:-->|->|→|=>)\s*/gim, '$1$2, ')
    // "reboot required? engineer restarts the server": in notes, a short question before a step on its line is its
    // condition (not "Does the customer pay?", a question written out).
    .replace(/(^|\n)[ \t]*([A-Za-z][\w' -]{0,40}?)\?[ \t]+(?=[A-Za-z])/g, (m, at: string, asked: string) => (notes && !QUESTION_WORDS.test(asked) ? `${at}If ${asked}, ` : m))
    // "within tolerance → release; out → rework; more → scrap": outcomes and what each leads to, one choice.
    .replace(/[^.!?\n]*;[^.!?\n]*/g, outcomeArrows)
    // "request -> radiographer checks": an arrow is the next step.
    .replace(/\s*(?:->|→|=>|-->)\s*/g, '. ')
    // "intake / triage / treat": in notes, a spaced slash between words parts steps like an arrow.
    .replace(/([A-Za-z])\s+\/\s+(?=[A-Za-z])/g, (m, c: string) => (notes ? `${c}. ` : m))
    // "pick/pack", "sign/stamp": two words joined by a slash are both done; "and/or" and "24/7" stay as written.
    .replace(/\b([A-Za-z]{3,})\/([A-Za-z]{3,})\b/g, (m, a: string, b: string) => (/^(and|or|either|nor)$/i.test(a) || /^(and|or|nor)$/i.test(b) ? m : `${a} and ${b}`))
    // ("order in. Check stock": the tokenizer reads "in." as inches, and the sentence would not end.)
    .replace(/\b([A-Za-z]+ (?:in|on))\.(?=\s+\w)/g, '$1 .')
    // "order in -> check stock": in notes, a thing and "in" alone is its arrival ("order comes in").
    .replace(/(^|[.!?]\s+)((?:new )?([A-Za-z]+)) in(?= ?\.|$)/gi, (m, at: string, what: string, head: string) => (notes && !STEP_IN.test(head) ? `${at}${what} comes in` : m))
    // ("Step 2 – Approval: the manager …", "Phase 1 - Intake:": the number and the section's name before the colon
    // label a part of the text, no step and no one who acts.)
    .replace(/(^|[.!?:]\s+)(?:step|phase|stage)\s+\d+\s*[–—-]\s*(?:[A-Za-z][\w&'/-]*\s+){0,3}[A-Za-z][\w&'/-]*\s*:\s*/gi, '$1')
    .replace(/(^|[.!?:]\s+)step\s+\d+\s*[:.)-]\s*/gi, '$1')
    .replace(/(^|\s)(?:[a-z]|\d{1,2}|[ivx]{1,4})\)\s/g, '$1')
    .replace(/\((?:that is|for example)[^)]*\)/gi, '')
    // A short aside in brackets ("(types of action)", "(PPS)") is not part of the sentence's grammar.
    .replace(/\s*\((?:[^()\s]+\s?){1,8}\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // ("Our returns process is owned by customer service.": an introduction names the process when nothing else does.)
  const introduced = title ? null : readProcessIntro(readSentences(shaped.slice(0, 300))[0] ?? []);
  return { text: shaped, title: title ?? introduced?.name ?? null, notes, trigger: framing.trigger, outcome: framing.outcome, steps: numberedItems(itemsOnLines(text)), bareSteps: chains.bare };
}

/** Parts set off by semicolons, each "outcome → what follows": the arrows mark outcomes, as colons do. */
function outcomeArrows(chunk: string): string {
  const parts = chunk.split(';');
  const arrow = /\s*(?:-->|->|→|=>)\s*/;
  return parts.every((p) => p.split(arrow).length === 2) ? parts.map((p) => p.replace(arrow, ': ')).join(';') : chunk;
}
